/**
 * The shared suite every instrument runs: `describeInstrument('mls-foo', spec)` adds a mocha
 * `describe` that checks the contracts all instruments promise, so that an instrument's own test
 * file only holds what is particular to it (its physics, its sentences).
 *
 * What it asserts, through attributes and the DOM only (never private fields):
 * - standalone: the `valid` markup renders with no warning, no uncaught error, no inline alert,
 *   some text, and no axe violation;
 * - each `invalid` attribute value: an inline role="alert" naming the attribute and the value,
 *   exactly one console.warn naming both, one `mls-invalid` event naming the attribute, the last
 *   good render kept (its text, its charts and what it published are still there), no uncaught
 *   error, axe-clean, and recovery (the alert goes) when the good value is put back;
 * - `publishes`: inside a lab scope, `publish="x"` writes an object with the listed keys;
 * - `follows`: with the attribute bound to a scope reference, every change of the referenced
 *   value changes what the element shows;
 * - removing and re-adding the element throws nothing and leaks nothing: its scope listener is
 *   dropped and its uPlot charts and ResizeObservers destroyed while detached, and all of them
 *   come back (and it follows the scope again) when it is re-added.
 *
 * base.ts warns once per page for a given tag, attribute and value, so each `invalid` value must
 * not be used by another test of the same file (the suite says so when it sees no warning).
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { ChartController } from '../../src/chart.js';
import { captureWarnings, uncaught } from './warnings.js';
import { alertText, settle, shadowText } from './dom.js';
import { inScope, TrackedScope } from './scope.js';

/** Attributes as a page would write them. */
export type Attrs = Record<string, string>;

/** What `describeInstrument` needs to know about an instrument. */
export interface InstrumentSpec {
  /** Markup, or attributes, that render the instrument standalone with no warning. */
  valid: Attrs | TemplateResult;
  /**
   * Attribute values the instrument must reject inline. `says`: more text the alert must hold
   * (e.g. the accepted values). Each value must be unique to the suite within its test file.
   */
  invalid: Array<{ attr: string; value: string; says?: string[] }>;
  /** Inside a scope, with `attrs` added and `publish="x"`, the published object has these keys. */
  publishes?: { attrs?: Attrs; keys: string[] };
  /**
   * `attr` is bound to a scope reference; setting the reference to each of `values` in turn
   * (the first one before connecting) must change what the element shows every time.
   */
  follows?: { attr: string; values: unknown[] };
}

/** A fresh element from the spec's valid markup, with `extra` attributes set before it connects. */
function build(tag: string, valid: Attrs | TemplateResult, extra: Attrs = {}): HTMLElement {
  let el: HTMLElement;
  if (isTemplate(valid)) {
    const box = document.createElement('div');
    render(valid, box);
    const first = box.firstElementChild as HTMLElement | null;
    if (!first || first.localName !== tag) throw new Error(`describeInstrument(${tag}): valid markup must start with <${tag}>`);
    el = first;
    el.remove();
  } else {
    el = document.createElement(tag);
    for (const [k, v] of Object.entries(valid)) el.setAttribute(k, v);
  }
  for (const [k, v] of Object.entries(extra)) el.setAttribute(k, v);
  return el;
}

function isTemplate(v: Attrs | TemplateResult): v is TemplateResult {
  return typeof v === 'object' && v !== null && '_$litType$' in v;
}

const REF = 'suiteRef';
const withoutAlert = (el: Element) => shadowText(el, '[role="alert"]');

/** Patch ResizeObserver to count the observers that are observing and not yet disconnected. */
function trackResizeObservers(): { readonly active: number; restore(): void } {
  const Original = window.ResizeObserver;
  const active = new Set<ResizeObserver>();
  window.ResizeObserver = class extends Original {
    override observe(t: Element, o?: ResizeObserverOptions) {
      active.add(this);
      super.observe(t, o);
    }
    override disconnect() {
      active.delete(this);
      super.disconnect();
    }
  };
  return {
    get active() {
      return active.size;
    },
    restore() {
      window.ResizeObserver = Original;
    },
  };
}

/** Add the shared instrument suite for `tag` to the current mocha file. */
export function describeInstrument(tag: string, spec: InstrumentSpec): void {
  describe(`${tag}: shared instrument contract`, () => {
    it('renders standalone with no warning, no error and no alert, and is accessible', async () => {
      const capture = captureWarnings();
      let el!: HTMLElement;
      let errors: unknown[];
      try {
        errors = await uncaught(async () => {
          el = await fixture<HTMLElement>(build(tag, spec.valid));
          await settle(el);
        });
      } finally {
        capture.restore();
      }
      expect(errors, 'uncaught errors').to.deep.equal([]);
      expect(capture.warnings, 'console.warn calls').to.deep.equal([]);
      expect(alertText(el), 'inline alert').to.equal('');
      expect(shadowText(el), 'rendered text').to.not.equal('');
      await expect(el).to.be.accessible();
    });

    for (const { attr, value, says = [] } of spec.invalid) {
      it(`rejects ${attr}="${value}" inline, warns once, fires mls-invalid and keeps the last good render`, async () => {
        // Inside a scope, publishing when the instrument publishes: what it wrote must stay too.
        const { el, scope } = await inScope(build(tag, spec.valid, spec.publishes ? { publish: 'suiteOut' } : {}));
        await settle(el);
        const published = scope.get('suiteOut');
        const before = withoutAlert(el);
        const canvases = el.shadowRoot!.querySelectorAll('canvas').length;
        const good = el.getAttribute(attr);
        const events: Array<{ attribute: string }> = [];
        el.addEventListener('mls-invalid', (e) => events.push((e as CustomEvent).detail));
        const capture = captureWarnings();
        let errors: unknown[];
        try {
          errors = await uncaught(async () => {
            el.setAttribute(attr, value);
            await settle(el);
            (el as HTMLElement & { requestUpdate(): void }).requestUpdate(); // another render while still bad
            await settle(el);
          });
        } finally {
          capture.restore();
        }
        expect(errors, 'uncaught errors').to.deep.equal([]);
        expect(
          capture.warnings.length,
          capture.warnings.length === 0
            ? `no console.warn for ${attr}="${value}" (base.ts warns once per page: is this value used by another test in this file?)`
            : `console.warn calls: ${JSON.stringify(capture.warnings)}`,
        ).to.equal(1);
        expect(capture.warnings[0], 'the warning names the attribute and the value').to.contain(`${attr}="${value}"`);
        expect(
          events.map((d) => d.attribute),
          'mls-invalid events',
        ).to.deep.equal([attr]);
        const alert = alertText(el);
        expect(alert, 'inline alert').to.contain(attr);
        expect(alert, 'inline alert').to.contain(value);
        for (const s of says) expect(alert, 'inline alert').to.contain(s);
        expect(withoutAlert(el), 'the last good render is still shown').to.contain(before);
        expect(el.shadowRoot!.querySelectorAll('canvas').length, 'charts of the last good render').to.equal(canvases);
        if (spec.publishes) expect(scope.get('suiteOut'), 'published outputs of the last good state').to.deep.equal(published);
        await expect(el).to.be.accessible();
        if (good === null) el.removeAttribute(attr);
        else el.setAttribute(attr, good);
        await settle(el);
        expect(alertText(el), `alert after restoring ${attr}`).to.equal('');
      });
    }

    if (spec.publishes) {
      const { attrs = {}, keys } = spec.publishes;
      it(`publishes ${keys.join(', ')} into the lab scope`, async () => {
        const { scope } = await inScope(build(tag, spec.valid, { ...attrs, publish: 'suiteOut' }));
        await waitUntil(() => scope.get('suiteOut') !== undefined, `<${tag} publish="suiteOut"> published nothing`);
        const out = scope.get('suiteOut') as Record<string, unknown>;
        expect(out, 'published value').to.be.an('object');
        const missing = keys.filter((k) => out[k] === undefined);
        expect(missing, `keys missing from ${JSON.stringify(Object.keys(out))}`).to.deep.equal([]);
      });
    }

    if (spec.follows) {
      const { attr, values } = spec.follows;
      it(`follows ${attr}="$ref": each change of the scope value changes what it shows`, async () => {
        const { el, scope } = await inScope(build(tag, spec.valid, { [attr]: `$${REF}` }), { [REF]: values[0] });
        await settle(el);
        let shown = withoutAlert(el);
        for (const v of values.slice(1)) {
          scope.set(REF, v);
          await settle(el);
          const now = withoutAlert(el);
          expect(now, `${attr} → ${JSON.stringify(v)} changed nothing shown`).to.not.equal(shown);
          expect(alertText(el), `alert for ${attr} = ${JSON.stringify(v)}`).to.equal('');
          shown = now;
        }
      });
    }

    it('can be removed and re-added without errors or leaks (scope listener, charts, observers)', async () => {
      const observers = trackResizeObservers();
      try {
        const liveBefore = ChartController.live;
        const extra: Attrs = spec.follows ? { [spec.follows.attr]: `$${REF}` } : {};
        const initial = spec.follows ? { [REF]: spec.follows.values[0] } : {};
        const scope = new TrackedScope();
        let el!: HTMLElement, host!: HTMLElement;
        const errors = await uncaught(async () => {
          ({ el, host } = await inScope(build(tag, spec.valid, extra), initial, { scope }));
          await settle(el);
          const charts = el.shadowRoot!.querySelectorAll('.uplot').length;
          const observing = observers.active;
          expect(scope.listeners, 'scope listeners while connected').to.equal(1);
          expect(ChartController.live, 'live uPlot instances while connected').to.equal(liveBefore + charts);

          el.remove();
          expect(scope.listeners, 'scope listeners once removed').to.equal(0);
          expect(ChartController.live, 'live uPlot instances once removed').to.equal(liveBefore);
          expect(el.shadowRoot!.querySelectorAll('.uplot').length, 'uPlot roots left in the detached shadow root').to.equal(0);
          expect(observers.active, 'ResizeObservers still observing once removed').to.equal(0);

          host.append(el);
          await settle(el);
          await waitUntil(() => el.shadowRoot!.querySelectorAll('.uplot').length === charts, `<${tag}>: charts not rebuilt on re-adding`);
          expect(scope.listeners, 'scope listeners after re-adding').to.equal(1);
          expect(ChartController.live, 'live uPlot instances after re-adding').to.equal(liveBefore + charts);
          expect(observers.active, 'ResizeObservers after re-adding').to.equal(observing);
          if (spec.follows && spec.follows.values.length > 1) {
            const before = withoutAlert(el);
            scope.set(REF, spec.follows.values[1]);
            await settle(el);
            expect(withoutAlert(el), 'follows the scope after re-adding').to.not.equal(before);
          }
          el.remove();
          expect(ChartController.live, 'live uPlot instances at the end').to.equal(liveBefore);
          expect(scope.listeners, 'scope listeners at the end').to.equal(0);
        });
        expect(errors, 'uncaught errors').to.deep.equal([]);
      } finally {
        observers.restore();
      }
    });
  });
}
