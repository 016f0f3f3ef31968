import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { property } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { ledgerContext, pageLedger } from '../../src/ledger/context.js';
import { alertText, inScope as scopeHost, quietly, TrackedScope } from '../helpers/index.js';

const MODES = ['fast', 'slow'] as const;

/** A tiny element: reads `size` (whole number 1–10) and `mode` (fast|slow), shows the last good values. */
class TestBase extends MlsElement {
  @property() size?: string;
  @property() mode?: string;
  good = { size: 1, mode: 'fast' as string };
  renders = 0;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const size = this.readNumber('size', this.size, { min: 1, max: 10, integer: true });
    if (size !== undefined) this.good.size = size;
    const mode = this.readChoice('mode', this.mode, MODES);
    if (mode !== undefined) this.good.mode = mode;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.publishOutputs({ doubled: this.good.size * 2 });
  }

  protected override render() {
    this.renders++;
    return html`${this.renderInvalid()}<p>size ${this.good.size}, mode ${this.good.mode}</p>`;
  }

  get shown(): string {
    return this.shadowRoot!.querySelector('p')!.textContent!;
  }
  get alert(): string {
    return alertText(this);
  }
  get ledgerForTest(): DesignLedger {
    return this.ledger;
  }
}
customElements.define('test-base', TestBase);

/** The console.warn calls made while `fn` runs. */
async function warningsDuring(fn: () => Promise<void>): Promise<string[]> {
  return (await quietly(fn)).warnings;
}

/** A <test-base> with `attrs` (set before it connects), inside a host that provides `scope`. */
async function inScope(scope: TrackedScope, attrs: Record<string, string>): Promise<TestBase> {
  const el = document.createElement('test-base') as TestBase;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return (await scopeHost<TestBase>(el, {}, { scope })).el;
}

describe('MlsElement: $name references', () => {
  it('resolves $name from the scope and re-renders when that name changes', async () => {
    const scope = new TrackedScope();
    scope.set('n', 3);
    const el = await inScope(scope, { size: '$n' });
    expect(el.shown).to.equal('size 3, mode fast');
    scope.set('n', 7);
    await el.updateComplete;
    expect(el.shown).to.equal('size 7, mode fast');
    const renders = el.renders;
    scope.set('unrelated', 1); // a name the element did not read: no re-render
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
  });

  it('reads a dotted path into a published object', async () => {
    const scope = new TrackedScope();
    scope.set('cfg', { speed: 'slow', n: 4 });
    const el = await inScope(scope, { mode: '$cfg.speed', size: '$cfg.n' });
    expect(el.shown).to.equal('size 4, mode slow');
  });

  it('keeps the default, silently, while a reference is unresolved', async () => {
    const scope = new TrackedScope();
    let el!: TestBase;
    const warnings = await warningsDuring(async () => {
      el = await inScope(scope, { size: '$later' });
    });
    expect(el.shown).to.equal('size 1, mode fast');
    expect(el.alert).to.equal('');
    expect(warnings).to.deep.equal([]);
    scope.set('later', 9);
    await el.updateComplete;
    expect(el.shown).to.equal('size 9, mode fast');
  });

  it('publishes outputs to the scope under its publish name', async () => {
    const scope = new TrackedScope();
    scope.set('n', 4);
    await inScope(scope, { size: '$n', publish: 'out' });
    expect(scope.get('out.doubled')).to.equal(8);
    scope.set('n', 5);
    await new Promise((r) => setTimeout(r, 0));
    expect(scope.get('out.doubled')).to.equal(10);
  });

  it('stops listening to a scope once disconnected', async () => {
    const scope = new TrackedScope();
    scope.set('n', 2);
    const el = await inScope(scope, { size: '$n' });
    expect(scope.listeners).to.equal(1);
    el.remove();
    expect(scope.listeners, 'listeners once disconnected').to.equal(0);
    const renders = el.renders;
    scope.set('n', 6);
    await new Promise((r) => setTimeout(r, 0));
    expect(el.renders).to.equal(renders);
  });
});

describe('MlsElement: invalid attributes', () => {
  it('shows a role=alert naming the attribute and accepted values, warns once, keeps the last good value', async () => {
    const el = await fixture<TestBase>(html`<test-base size="4"></test-base>`);
    expect(el.shown).to.equal('size 4, mode fast');
    const events: unknown[] = [];
    el.addEventListener('mls-invalid', (e) => events.push(e.detail));
    const warnings = await warningsDuring(async () => {
      el.size = 'abc';
      await el.updateComplete;
      el.mode = 'slow'; // another update while size is still bad
      await el.updateComplete;
    });
    expect(el.alert).to.equal('Invalid size: got abc; accepted: a whole number ≥ 1 ≤ 10.');
    expect(el.shown).to.equal('size 4, mode slow'); // last good size kept
    expect(warnings).to.deep.equal(['<test-base>: invalid size="abc"; accepted: a whole number ≥ 1 ≤ 10.']);
    expect(events).to.deep.equal([{ attribute: 'size', received: 'abc', accepted: 'a whole number ≥ 1 ≤ 10' }]);
    el.size = '6';
    await el.updateComplete;
    expect(el.alert).to.equal('');
    expect(el.shown).to.equal('size 6, mode slow');
  });

  it('rejects out-of-range and non-integer numbers', async () => {
    const warnings = await warningsDuring(async () => {
      const a = await fixture<TestBase>(html`<test-base size="11"></test-base>`);
      expect(a.alert).to.contain('got 11');
      const b = await fixture<TestBase>(html`<test-base size="2.5"></test-base>`);
      expect(b.alert).to.contain('got 2.5');
      expect(b.shown).to.equal('size 1, mode fast');
    });
    expect(warnings.length).to.equal(2);
  });

  it('rejects a choice outside the accepted list and names the list', async () => {
    let el!: TestBase;
    const warnings = await warningsDuring(async () => {
      el = await fixture<TestBase>(html`<test-base mode="medium"></test-base>`);
    });
    expect(warnings.length).to.equal(1);
    expect(el.alert).to.equal('Invalid mode: got medium; accepted: one of fast, slow.');
    expect(el.shown).to.equal('size 1, mode fast');
  });

  it('warns once per bad value, even across elements of the same tag', async () => {
    const warnings = await warningsDuring(async () => {
      await fixture<TestBase>(html`<test-base size="-3"></test-base>`);
      await fixture<TestBase>(html`<test-base size="-3"></test-base>`);
      await fixture<TestBase>(html`<test-base size="-4"></test-base>`);
    });
    expect(warnings.length).to.equal(2);
  });

  it('rejects a bad value that arrives through a reference', async () => {
    const scope = new TrackedScope();
    scope.set('n', 99);
    let el!: TestBase;
    await warningsDuring(async () => {
      el = await inScope(scope, { size: '$n' });
    });
    expect(el.alert).to.contain('got 99');
    scope.set('n', 2);
    await el.updateComplete;
    expect(el.alert).to.equal('');
    expect(el.shown).to.equal('size 2, mode fast');
  });
});

describe('MlsElement: ledger', () => {
  it('uses the page ledger without a provider and the provided one inside a provider', async () => {
    const el = await fixture<TestBase>(html`<test-base></test-base>`);
    expect(el.ledgerForTest).to.equal(pageLedger());
    const mine = new DesignLedger({ storage: null });
    const wrap = fixtureSync<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(wrap, { context: ledgerContext, initialValue: mine });
    const inner = document.createElement('test-base') as TestBase;
    wrap.append(inner);
    await inner.updateComplete;
    expect(inner.ledgerForTest).to.equal(mine);
  });
});
