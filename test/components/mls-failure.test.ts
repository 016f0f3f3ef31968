import { fixture, html, expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../components/assess/mls-failure.js';
import type { MlsFailure } from '../../components/assess/mls-failure.js';
import type { MlsEventMap } from '../../src/events.js';
import { alertText, inScope, quietly } from '../helpers/index.js';

type Detail = MlsEventMap['mls-failure'];

/** `tpl` in a scope host holding `values`; mls-failure events are recorded from the start. */
async function failureIn(tpl: TemplateResult, values: Record<string, unknown> = {}, events: Detail[] = []) {
  return inScope<MlsFailure>(tpl, values, { on: { 'mls-failure': (e) => events.push((e as CustomEvent<Detail>).detail) } });
}

const banner = (el: MlsFailure) => el.shadowRoot!.querySelector('[part="banner"]') as HTMLElement | null;

describe('<mls-failure>', () => {
  it('when="false" shows nothing and is not active', async () => {
    const el = await fixture<MlsFailure>(html`<mls-failure when="false">Out of memory.</mls-failure>`);
    expect(el.active).to.equal(false);
    expect(el.hasAttribute('active')).to.equal(false);
    expect(banner(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('when="true" shows a role="alert" with ⚠, the heading and the message; accessible', async () => {
    const el = await fixture<MlsFailure>(
      html`<mls-failure when="true" heading="Out of memory">The KV cache needs 94 GB; the GPU has 80 GB.</mls-failure>`,
    );
    expect(el.active).to.equal(true);
    expect(el.hasAttribute('active')).to.equal(true);
    const b = banner(el)!;
    expect(b.getAttribute('role')).to.equal('alert');
    expect(b.textContent).to.contain('⚠');
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('Out of memory');
    expect(el.shadowRoot!.querySelector('slot')!.assignedNodes()[0].textContent).to.contain('94 GB');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(getComputedStyle(b).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });

  it('defaults the heading to "Constraint violated"', async () => {
    const el = await fixture<MlsFailure>(html`<mls-failure when="true">x</mls-failure>`);
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('Constraint violated');
  });

  it('follows a scope flag both ways and emits one event per transition', async () => {
    const events: Detail[] = [];
    const { el, scope } = await failureIn(
      html`<mls-failure when="$wf.violated" name="sla">P99 latency   exceeds the 100 ms SLA.</mls-failure>`,
      {},
      events,
    );
    expect(el.active, 'unresolved is inactive').to.equal(false);
    expect(events).to.deep.equal([]);

    scope.set('wf', { violated: false });
    await el.updateComplete;
    expect(el.active).to.equal(false);
    expect(events).to.deep.equal([]);

    scope.set('wf', { violated: true });
    await el.updateComplete;
    expect(el.active).to.equal(true);
    expect(banner(el)).to.exist;
    expect(events).to.deep.equal([{ name: 'sla', active: true, message: 'P99 latency exceeds the 100 ms SLA.', act: null }]);

    scope.set('wf', { violated: true, total: 0.2 }); // still violated: no new event
    await el.updateComplete;
    expect(events.length).to.equal(1);

    scope.set('wf', { violated: false });
    await el.updateComplete;
    expect(el.active).to.equal(false);
    expect(el.hasAttribute('active')).to.equal(false);
    expect(banner(el)).to.equal(null);
    expect(events.length).to.equal(2);
    expect(events[1]).to.deep.equal({ name: 'sla', active: false, message: 'P99 latency exceeds the 100 ms SLA.', act: null });

    scope.set('wf', { violated: true }); // reversible any number of times
    await el.updateComplete;
    expect(el.active).to.equal(true);
    expect(events.map((e) => e.active)).to.deep.equal([true, false, true]);
  });

  it('emits on an initially true condition, and bubbles out of shadow roots', async () => {
    const events: Detail[] = [];
    const { el } = await failureIn(html`<mls-failure when="$oom" name="oom">Does not fit.</mls-failure>`, { oom: true }, events);
    expect(el.active).to.equal(true);
    expect(events).to.deep.equal([{ name: 'oom', active: true, message: 'Does not fit.', act: null }]);
  });

  it('treats the string "false" and zero in the scope as not violated', async () => {
    const { el, scope } = await failureIn(html`<mls-failure when="$f">x</mls-failure>`, { f: 'false' });
    expect(el.active).to.equal(false);
    scope.set('f', 0);
    await el.updateComplete;
    expect(el.active).to.equal(false);
    scope.set('f', 3);
    await el.updateComplete;
    expect(el.active).to.equal(true);
  });

  it('rejects a literal that is not a reference or true/false, with a role="alert" naming when', async () => {
    const { result: el, warnings } = await quietly(async () => {
      const e = await fixture<MlsFailure>(html`<mls-failure when="wf.violated">x</mls-failure>`);
      e.requestUpdate();
      await e.updateComplete;
      return e;
    });
    expect(alertText(el)).to.contain('when');
    expect(alertText(el)).to.contain('wf.violated');
    expect(el.active).to.equal(false);
    expect(warnings.length).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
