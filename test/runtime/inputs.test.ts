// Declarative inputs (src/inputs.ts) and their reading by MlsElement (src/base.ts `static inputs`,
// `read()`): each kind's parse / reject / default / type, then the base's rules ($ref resolution,
// unresolved → default, last good value, warnings and events), then one lab-shaped chain end to end.
import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import type { PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { LabScope, scopeContext } from '../../src/scope.js';
import { displayScale } from '../../src/format.js';
import {
  any,
  bool,
  choice,
  choices,
  deviceOrContext,
  either,
  kebab,
  num,
  numberAccepted,
  pairs,
  ref,
  text,
  type InputKind,
  type InputProps,
  type InputValues,
  type ParseContext,
} from '../../src/inputs.js';
import { DEVICE_IDS, resolveDeviceOrContext } from '../../physics/registry.js';
import '../../components/controls/mls-slider.js';
import '../../components/readouts/mls-value.js';
import '../../components/instruments/latency-waterfall/mls-latency-waterfall.js';
import type { MlsSlider } from '../../components/controls/mls-slider.js';
import type { MlsValue } from '../../components/readouts/mls-value.js';
import type { MlsLatencyWaterfall } from '../../components/instruments/latency-waterfall/mls-latency-waterfall.js';

const literal: ParseContext = { from: 'literal', resolve: () => undefined };
const scoped: ParseContext = { from: 'scope', resolve: () => undefined };

/** parse() → the value, or fail the test with what it said it accepts. */
function value<T>(kind: InputKind<T>, raw: unknown, ctx = literal): T {
  const r = kind.parse(raw, ctx);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse; accepted: ${r.accepted}`);
  return r.value;
}

/** parse() must reject; returns the accepted-text. */
function rejected(kind: InputKind<unknown>, raw: unknown, ctx = literal): string {
  const r = kind.parse(raw, ctx);
  expect(r.ok, `expected ${JSON.stringify(raw)} to be rejected`).to.equal(false);
  return (r as { accepted: string }).accepted;
}

async function warningsDuring(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
  };
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('inputs: kinds', () => {
  it('num parses literals and scope numbers, checks bounds, and says what it accepts', () => {
    const batch = num({ min: 1, max: 65536, integer: true, default: 1 });
    expect(value(batch, '512')).to.equal(512);
    expect(value(batch, ' 64 ')).to.equal(64);
    expect(value(batch, 8, scoped)).to.equal(8);
    for (const bad of ['abc', '2.5', '0', '70000', NaN, Infinity, {}, true]) {
      expect(rejected(batch, bad)).to.equal('a whole number from 1 to 65536');
    }
    const sla = num({ gt: 0, unit: 's' });
    expect(value(sla, '2e-3')).to.equal(0.002);
    expect(rejected(sla, '0')).to.equal('a finite number > 0 (s)');
    expect(rejected(sla, '-1')).to.equal('a finite number > 0 (s)');
    expect(rejected(num({ lt: 1 }), '1')).to.equal('a finite number < 1');
    expect(numberAccepted({ min: 0 })).to.equal('a finite number ≥ 0');
    expect(numberAccepted({ max: 1, gt: 0 })).to.equal('a finite number ≤ 1 and > 0');
    expect(batch.default).to.equal(1);
    expect(sla.default).to.equal(undefined);
    expect(batch.type).to.equal('number');
    expect(batch.defaultText).to.equal('1');
  });

  it('choice takes one of its values (trimmed) and lists them when it rejects', () => {
    const precision = choice(['fp32', 'fp16', 'int8'] as const, { default: 'fp16' });
    expect(value(precision, 'int8')).to.equal('int8');
    expect(value(precision, ' fp32 ')).to.equal('fp32');
    expect(rejected(precision, 'fp64')).to.equal('one of fp32, fp16, int8');
    expect(rejected(precision, 'FP16')).to.equal('one of fp32, fp16, int8');
    expect(precision.default).to.equal('fp16');
    expect(precision.type).to.equal("'fp32' | 'fp16' | 'int8'");
    expect(precision.defaultText).to.equal('"fp16"');
  });

  it('choices takes several values, space- or comma-separated, without duplicates', () => {
    const metrics = choices(['compute', 'bandwidth', 'power'] as const, { default: ['compute'] });
    expect(value(metrics, 'power compute')).to.deep.equal(['power', 'compute']);
    expect(value(metrics, 'power,power, bandwidth')).to.deep.equal(['power', 'bandwidth']);
    expect(value(metrics, ['bandwidth'], scoped)).to.deep.equal(['bandwidth']);
    expect(rejected(metrics, 'compute speed')).to.equal('space-separated values from: compute, bandwidth, power');
    expect(metrics.default).to.deep.equal(['compute']);
  });

  it('bool: a present attribute is true whatever its text; a $ref must resolve to a boolean', () => {
    const on = bool();
    expect(value(on, '')).to.equal(true);
    expect(value(on, 'false')).to.equal(true); // HTML boolean attribute semantics
    expect(value(on, false)).to.equal(false);
    expect(value(on, true, scoped)).to.equal(true);
    expect(value(on, 'false', scoped)).to.equal(false);
    expect(rejected(on, 1, scoped)).to.contain('true or false');
    expect(on.default).to.equal(false);
    expect(on.type).to.equal('boolean');
  });

  it('text trims, checks a pattern, and is literal unless refs: true', () => {
    const key = text({ pattern: /^[a-z]+$/, accepted: 'a lower-case key' });
    expect(value(key, '  abc ')).to.equal('abc');
    expect(rejected(key, 'a b')).to.equal('a lower-case key');
    expect(rejected(text({ pattern: /^x/ }), 'y')).to.equal('text matching /^x/');
    expect(text().refs).to.equal(false);
    expect(text({ refs: true }).refs).to.equal(true);
    expect(value(text(), 42)).to.equal('42');
    expect(rejected(text(), {})).to.equal('text');
  });

  it('deviceOrContext resolves through physics: a device id, or a context to its reference device', () => {
    const device = deviceOrContext({ default: 'h100' });
    const h = value(device, 'a100');
    expect([h.id, h.context, h.device.id]).to.deep.equal(['a100', null, 'a100']);
    const e = value(device, ' edge ');
    expect([e.id, e.context, e.device.id]).to.deep.equal(['edge', 'edge', 'jetson-orin-nx']);
    const accepted = rejected(device, 'warp-drive');
    let physics = '';
    try {
      resolveDeviceOrContext('warp-drive');
    } catch (err) {
      physics = (err as { accepted: string }).accepted;
    }
    expect(accepted).to.equal(physics); // one wording: the physics resolver's
    expect(accepted).to.contain('cloud, edge, mobile, tiny');
    for (const id of DEVICE_IDS) expect(accepted).to.contain(id);
    expect(device.default!.device.id).to.equal('h100');
    expect(device.type).to.contain("'h100' | ").and.to.contain("'tiny'");
    expect(() => deviceOrContext({ default: 'nope' })).to.throw(/nope/);
  });

  it('pairs uses the one pair syntax and parses each value with its kind; $ref values resolve', () => {
    const map = pairs(deviceOrContext(), { example: 'cloud:a100' });
    const m = value(map, 'h100:a100 edge:jetson-xavier-nx');
    expect([...m.keys()]).to.deep.equal(['h100', 'edge']);
    expect(m.get('edge')!.device.id).to.equal('jetson-xavier-nx');
    expect(rejected(map, 'h100:nothing')).to.contain('space-separated key:value pairs, e.g. cloud:a100');
    rejected(map, 'h100');
    const ctx: ParseContext = { from: 'literal', resolve: (r) => (r === '$dev' ? 'tiny' : undefined) };
    const r = value(map, 'a:$dev b:$later', ctx);
    expect([...r.keys()]).to.deep.equal(['a']); // an unresolved value leaves its pair out
    expect(r.get('a')!.device.id).to.equal('cortex-m7');
  });

  it('either takes the first kind that accepts the value', () => {
    const baseline = either(deviceOrContext(), pairs(deviceOrContext()), { accepted: 'an id or pairs' });
    const one = value(baseline, 'a100');
    expect('device' in one && one.device.id).to.equal('a100');
    const many = value(baseline, 'h100:a100');
    expect(many instanceof Map).to.equal(true);
    expect(rejected(baseline, 'zzz')).to.equal('an id or pairs');
  });

  it('ref must be a $reference and gives its path, unresolved', () => {
    const when = ref();
    expect(when.refOnly).to.equal(true);
    expect(value(when, '$act1.locked')).to.equal('act1.locked');
    expect(rejected(when, 'act1')).to.contain('$name reference');
    rejected(when, '$');
    rejected(when, '$a..b');
  });

  it('any passes values through (literals trimmed)', () => {
    expect(value(any(), ' b ')).to.equal('b');
    expect(value(any(), { x: 1 }, scoped)).to.deep.equal({ x: 1 });
  });

  it('attribute names are the keys in kebab-case', () => {
    expect(kebab('distanceKm')).to.equal('distance-km');
    expect(kebab('referenceDistanceKm')).to.equal('reference-distance-km');
    expect(kebab('n')).to.equal('n');
  });

  it('displayScale relates a unit to its SI-prefixed display unit', () => {
    expect(displayScale('m', 'km')).to.equal(1000);
    expect(displayScale('s', 'ms')).to.equal(0.001);
    expect(displayScale('B/s', 'GB/s')).to.equal(1e9);
    expect(displayScale('s', 'min')).to.equal(60);
    expect(displayScale('s', 'h')).to.equal(3600);
    expect(displayScale('m', 'm')).to.equal(1);
    expect(displayScale('m', 'kg')).to.equal(undefined);
    expect(displayScale('m', 'xm')).to.equal(undefined);
    expect(displayScale('', 'k')).to.equal(undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// The base element reading a schema
// ---------------------------------------------------------------------------------------------

const INPUTS = {
  batch: num({ min: 1, integer: true, default: 1 }),
  sla: num({ gt: 0, unit: 's' }),
  mode: choice(['fast', 'slow'] as const, { default: 'fast', reflect: true }),
  device: deviceOrContext({ default: 'h100' }),
  label: text({ default: '' }),
  on: bool({ reflect: true }),
  distanceKm: num({ min: 0, deprecated: 'use distance' }),
  tint: choice(['cloud', 'edge'] as const, { lenientRefs: true }),
  ceiling: num(),
};

/** Records the values read on each update; `ceiling` gets an element-level check (must exceed batch). */
class TestInputs extends MlsElement {
  static override inputs = INPUTS;
  values?: InputValues<typeof INPUTS>;
  updates = 0;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    this.values = { ...v }; // reads every input
    const ceiling = v.ceiling;
    if (ceiling !== undefined && !this.invalid.has('ceiling') && !(ceiling > v.batch)) {
      this.markInvalid('ceiling', ceiling, `a number greater than batch (${v.batch})`);
    }
    this.updates++;
  }

  protected override render() {
    return html`${this.renderInvalid()}<p>${this.values?.batch}</p>`;
  }

  get alert(): string {
    return this.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }
}
interface TestInputs extends InputProps<typeof INPUTS> {}
customElements.define('test-inputs', TestInputs);

/** A subclass: inherits the inputs (and is a separate tag for the once-per-page warning). */
class TestInherited extends TestInputs {}
customElements.define('test-inherited', TestInherited);

/** A `required` input. */
const REQUIRED = { value: any({ required: true, accepted: 'a value' }) };
class TestRequired extends MlsElement {
  static override inputs = REQUIRED;
  seen?: unknown;
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.seen = this.read(REQUIRED).value;
  }
  protected override render() {
    return html`${this.renderInvalid()}`;
  }
}
customElements.define('test-required', TestRequired);

async function inScope<T extends HTMLElement>(scope: LabScope, tag: string, attrs: Record<string, string>): Promise<T> {
  const wrap = fixtureSync<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(wrap, { context: scopeContext, initialValue: scope });
  const el = document.createElement(tag) as T & { updateComplete: Promise<boolean> };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  await el.updateComplete;
  return el;
}

describe('inputs: MlsElement static inputs and read()', () => {
  it('creates one property per input with its kebab-case attribute, holding the raw value as set', async () => {
    const observed = (TestInputs as unknown as { observedAttributes: string[] }).observedAttributes;
    for (const a of ['batch', 'sla', 'mode', 'device', 'distance-km', 'publish', 'headless']) expect(observed).to.include(a);
    const el = await fixture<TestInputs>(html`<test-inputs batch="4" distance-km="3"></test-inputs>`);
    expect(el.batch).to.equal('4');
    expect(el.distanceKm).to.equal('3');
    expect(el.values!.batch).to.equal(4);
    el.batch = 512;
    await el.updateComplete;
    expect(el.values!.batch).to.equal(512);
    el.batch = '256';
    await el.updateComplete;
    expect(el.values!.batch).to.equal(256);
    // Reflected inputs start at their default; a boolean input reflects as a boolean attribute.
    expect(el.getAttribute('mode')).to.equal('fast');
    expect(el.on).to.equal(false);
    el.on = true;
    await el.updateComplete;
    expect(el.hasAttribute('on')).to.equal(true);
    el.removeAttribute('on');
    await el.updateComplete;
    expect(el.values!.on).to.equal(false);
    el.setAttribute('on', '');
    await el.updateComplete;
    expect([el.on, el.values!.on]).to.deep.equal([true, true]);
  });

  it('gives typed defaults when inputs are absent or empty', async () => {
    const el = await fixture<TestInputs>(html`<test-inputs label="  " sla=""></test-inputs>`);
    const v = el.values!;
    // Type-level check: defaulted inputs are never undefined.
    const typed: { batch: number; mode: 'fast' | 'slow'; sla: number | undefined; label: string } = v;
    expect(typed).to.include({ batch: 1, mode: 'fast', sla: undefined, label: '' });
    expect(v.device.device.id).to.equal('h100');
    expect(el.alert).to.equal('');
  });

  it('resolves $refs (el.batch = "$n" too), re-renders when they change, and uses the default while unresolved, silently', async () => {
    const scope = new LabScope();
    let el!: TestInputs;
    const warnings = await warningsDuring(async () => {
      el = await inScope<TestInputs>(scope, 'test-inputs', { batch: '$n', device: '$ctx' });
    });
    expect(warnings).to.deep.equal([]);
    expect(el.values!.batch).to.equal(1);
    expect(el.values!.device.id).to.equal('h100');
    expect(el.alert).to.equal('');
    scope.set('n', 8);
    scope.set('ctx', 'tiny');
    await waitUntil(() => el.values!.batch === 8, 'did not follow $n');
    expect(el.values!.device.device.id).to.equal('cortex-m7');
    el.batch = '$m';
    scope.set('m', { k: 32 });
    el.batch = '$m.k';
    await el.updateComplete;
    expect(el.values!.batch).to.equal(32);
  });

  it('rejects bad input inline, warns once, fires one mls-invalid, and keeps the last good value', async () => {
    const el = await fixture<TestInputs>(html`<test-inputs batch="4"></test-inputs>`);
    const events: unknown[] = [];
    el.addEventListener('mls-invalid', (e) => events.push((e as CustomEvent).detail));
    const warnings = await warningsDuring(async () => {
      el.batch = '2.5';
      await el.updateComplete;
      el.label = 'again'; // another update while batch is still bad
      await el.updateComplete;
    });
    expect(el.alert).to.equal('Invalid batch: got 2.5; accepted: a whole number ≥ 1.');
    expect(warnings).to.deep.equal(['<test-inputs>: invalid batch="2.5"; accepted: a whole number ≥ 1.']);
    expect(events).to.deep.equal([{ attribute: 'batch', received: '2.5', accepted: 'a whole number ≥ 1' }]);
    expect(el.values!.batch).to.equal(4); // last good
    el.batch = '6';
    await el.updateComplete;
    expect(el.alert).to.equal('');
    expect(el.values!.batch).to.equal(6);
  });

  it('rejects a bad value arriving through a $ref, naming the resolved value', async () => {
    const scope = new LabScope();
    scope.set('s', -2);
    let el!: TestInputs;
    await warningsDuring(async () => {
      el = await inScope<TestInputs>(scope, 'test-inputs', { sla: '$s', device: '$d' });
    });
    expect(el.alert).to.contain('Invalid sla: got -2; accepted: a finite number > 0 (s).');
    await warningsDuring(async () => {
      scope.set('d', 'warp');
      await el.updateComplete;
    });
    expect(el.alert).to.contain('Invalid device: got warp');
    expect(el.values!.device.id).to.equal('h100'); // never valid: the default
    scope.set('s', 0.01);
    scope.set('d', 'edge');
    await el.updateComplete;
    expect(el.alert).to.equal('');
    expect(el.values!.sla).to.equal(0.01);
  });

  it("an element's own check after read() does not re-announce the same rejection on every update", async () => {
    const el = await fixture<TestInputs>(html`<test-inputs batch="8"></test-inputs>`);
    let events = 0;
    el.addEventListener('mls-invalid', () => events++);
    const warnings = await warningsDuring(async () => {
      el.ceiling = '4';
      await el.updateComplete;
      for (let i = 0; i < 3; i++) {
        el.requestUpdate();
        await el.updateComplete;
      }
    });
    expect(el.alert).to.contain('Invalid ceiling: got 4; accepted: a number greater than batch (8).');
    expect(events).to.equal(1);
    expect(warnings.length).to.equal(1);
    el.ceiling = '16';
    await el.updateComplete;
    expect(el.alert).to.equal('');
  });

  it('text is literal: "$5/h" is text, not a reference', async () => {
    const el = await fixture<TestInputs>(html`<test-inputs label="$5/h"></test-inputs>`);
    expect(el.values!.label).to.equal('$5/h');
  });

  it('lenientRefs: a resolved value outside the list gives the default silently; a literal one is an error', async () => {
    const scope = new LabScope();
    scope.set('context', 'mobile');
    const el = await inScope<TestInputs>(scope, 'test-inputs', { tint: '$context' });
    expect(el.values!.tint).to.equal(undefined);
    expect(el.alert).to.equal('');
    scope.set('context', 'edge');
    await el.updateComplete;
    expect(el.values!.tint).to.equal('edge');
    const warnings = await warningsDuring(async () => {
      const bad = await fixture<TestInputs>(html`<test-inputs tint="mobile"></test-inputs>`);
      expect(bad.alert).to.contain('Invalid tint');
    });
    expect(warnings.length).to.equal(1);
  });

  it('a deprecated alias works and warns once per page, however many elements use it', async () => {
    const warnings = await warningsDuring(async () => {
      const a = await fixture<TestInherited>(html`<test-inherited distance-km="3"></test-inherited>`);
      const b = await fixture<TestInherited>(html`<test-inherited distance-km="5"></test-inherited>`);
      const c = await fixture<TestInherited>(html`<test-inherited batch="2"></test-inherited>`);
      expect(a.values!.distanceKm).to.equal(3);
      expect(b.values!.distanceKm).to.equal(5);
      expect(c.values!.batch).to.equal(2); // inherited inputs work on a subclass
      expect(a.alert).to.equal('');
    });
    expect(warnings).to.deep.equal(['<test-inherited>: distance-km is deprecated; use distance.']);
  });

  it('required: absent is an error; an unresolved $ref is not', async () => {
    const warnings = await warningsDuring(async () => {
      const missing = await fixture<TestRequired>(html`<test-required></test-required>`);
      expect(missing.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('(missing)');
    });
    expect(warnings.length).to.equal(1);
    const el = await inScope<TestRequired>(new LabScope(), 'test-required', { value: '$later' });
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(el.seen).to.equal(undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: SI values between a control, an instrument and a read-out
// ---------------------------------------------------------------------------------------------

describe('inputs: SI values end to end (slider in km → scope in m → waterfall → value in km)', () => {
  it('a km slider writes metres, the waterfall takes metres, the read-out shows its metres in km', async () => {
    const scope = new LabScope();
    const wrap = fixtureSync<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(wrap, { context: scopeContext, initialValue: scope });
    wrap.innerHTML = `
      <mls-slider name="distance" label="Distance" min="0" max="5000" step="50" value="3000" unit="km" si-scale="1000"></mls-slider>
      <mls-latency-waterfall mode="stack" device="h100" model="resnet50" distance="$distance" sla="0.01" publish="wf"></mls-latency-waterfall>
      <mls-value value="$wf.maxDistance" unit="m" display-unit="km"></mls-value>
      <mls-value value="$wf.distance" unit="m" display-unit="km" digits="4"></mls-value>`;
    const slider = wrap.querySelector('mls-slider') as MlsSlider;
    const wf = wrap.querySelector('mls-latency-waterfall') as MlsLatencyWaterfall;
    const [maxText, distText] = [...wrap.querySelectorAll('mls-value')] as MlsValue[];
    await waitUntil(() => scope.get('wf') !== undefined, 'nothing published');
    expect(scope.get('distance')).to.equal(3_000_000); // 3,000 km written as metres
    expect(slider.text).to.equal('3,000 km');
    expect(scope.get('wf.distance')).to.equal(3_000_000);
    expect(wf.outputs!.distanceKm).to.equal(3000); // deprecated field, same distance
    // 2 × 3e6 m / 2e8 m/s = 30 ms of propagation
    expect(wf.outputs!.propagation).to.be.closeTo(0.03, 1e-12);
    // (10 ms − 33.66 µs of inference) × 2e8 / 2 = 996.6 km
    expect(scope.get('wf.maxDistance') as number).to.be.within(996_600, 996_700);
    expect(scope.get('wf.maxDistanceKm') as number).to.be.closeTo((scope.get('wf.maxDistance') as number) / 1000, 1e-9);
    await distText.updateComplete;
    await waitUntil(() => maxText.text !== '—', 'read-out did not follow');
    expect(maxText.text).to.equal('997 km');
    expect(distText.text).to.equal('3,000 km');
    // The scope changes from elsewhere (a restore): the slider shows it in km again.
    scope.set('distance', 500_000);
    await slider.updateComplete;
    expect(slider.current).to.equal(500);
    await waitUntil(() => distText.text === '500 km', 'read-out did not follow the new distance');
    expect(wf.outputs!.slaViolated).to.equal(false);
  });

  it('rejects a display unit that is not a prefixed form of the unit', async () => {
    const warnings = await warningsDuring(async () => {
      const el = await fixture<MlsValue>(html`<mls-value value="1500" unit="m" display-unit="kg"></mls-value>`);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
      expect(alert).to.contain('display-unit');
      expect(alert).to.contain('km');
      expect(el.text).to.equal('1.5 km'); // shown in its own unit (metres read as km from 1 km up) meanwhile
    });
    expect(warnings.length).to.equal(1);
  });
});
