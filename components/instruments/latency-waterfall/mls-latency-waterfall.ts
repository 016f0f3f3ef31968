import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../../src/base.js';
import { choice, deviceOrContext, either, num, pairs, text, type InputProps } from '../../../src/inputs.js';
import { defineElement } from '../../../src/define.js';
import { baseStyles, monoNumbers } from '../../../src/theme.js';
import { formatNumber, formatSeconds, formatValue } from '../../../src/format.js';
import { ChartController, chartStyles, CategoryTicks, groupedBars, stackedBars, type ChartSpec } from '../../../src/chart.js';
import { MODEL_IDS, getDevice, type Device } from '../../../physics/registry.js';
import { evaluateDesign, type DesignEvaluation, type DesignTerms } from '../../../physics/workload.js';
import { PRECISIONS, KM, type Precision } from '../../../physics/units.js';

// ---------------------------------------------------------------------------------------------
// Grouped bars: CategoryTicks and groupedBars live in the chart base (src/chart.ts) so that
// mls-dam-triad and mls-magnitude-gap use them without loading this element; re-exported here.
// ---------------------------------------------------------------------------------------------

export { CategoryTicks, groupedBars, type GroupedSeries } from '../../../src/chart.js';

// ---------------------------------------------------------------------------------------------
// The element
// ---------------------------------------------------------------------------------------------

const MODES = ['terms', 'stack'] as const;
type Mode = (typeof MODES)[number];
const PLACEMENTS = ['auto', 'remote', 'onboard'] as const;
type Placement = (typeof PLACEMENTS)[number];

/** One design's Iron Law terms and checks (SI units; computed by `evaluateDesign` in physics/workload.ts), with its display name. */
export interface WaterfallDesign extends DesignTerms {
  name: string;
}

/** The comparisons `evaluateDesign` computes, published as they are (see DesignEvaluation for each). */
type Comparisons = Pick<
  DesignEvaluation,
  'bytes' | 'ops' | 'batch' | 'sla' | 'slaMargin' | 'status' | 'speedup' | 'computeRatio' | 'bandwidthRatio'
>;

/** What the waterfall publishes under `publish` (SI units): the design's terms plus the comparisons. */
export interface WaterfallOutputs extends WaterfallDesign, Comparisons {
  baseline: WaterfallDesign | null;
  /** Link distance, m. */
  distance: number;
  /** Deprecated: `distance` in km (kept until the lab pages read `distance`). */
  distanceKm: number;
  /** The light's round trip over the link (2d/v, s), whether or not the design uses the link. */
  linkRoundTrip: number;
  /** Farthest datacenter, m, at which this design's inference still meets the SLA (null without one). */
  maxDistance: number | null;
  /** Deprecated: `maxDistance` in km. */
  maxDistanceKm: number | null;
  /** `fail` when out of memory or over the SLA, else `ok` (for `<mls-metric state>`). */
  state: 'ok' | 'fail';
  /** The same outputs at the `reference-*` settings (e.g. the question's), or null when none is set. */
  reference: Omit<WaterfallOutputs, 'reference'> | null;
}

interface Params {
  device: string | null;
  bandwidth?: number;
  flops?: number;
  overhead?: number;
  precision: Precision;
  model?: string;
  bytes?: number;
  sampleBytes?: number;
  ops?: number;
  intensity?: number;
  batch: number;
  sla: number | null;
  distanceKm: number;
  placement: Placement;
  baseline: string | null;
  /** The link distance in metres, as given (distanceKm is derived from it for the evaluation). */
  distance: number;
}

interface Good {
  outputs: WaterfallOutputs;
  spec: ChartSpec;
  mode: Mode;
  title: string;
  designs: WaterfallDesign[];
}

const TERM_LABEL = { data: 'Data movement D/BW', compute: 'Compute O/R', overhead: 'Overhead L', propagation: 'Propagation 2d/v' } as const;
type Term = keyof typeof TERM_LABEL;

const DEVICE_DOC =
  'Device id or deployment context (cloud, edge, mobile, tiny). Default h100. Ignored for the rate when `bandwidth` and `flops` are given.';
const REFERENCE = "Deprecated: evaluate the question's setting with a second, `headless` instance instead.";

const INPUTS = {
  device: deviceOrContext({ doc: DEVICE_DOC }),
  bandwidth: num({ gt: 0, unit: 'B/s', doc: "Literal memory bandwidth, B/s (overrides the device's)." }),
  flops: num({ gt: 0, unit: 'FLOP/s', doc: "Literal peak rate, FLOP/s (overrides the device's)." }),
  overhead: num({ min: 0, unit: 's', doc: "Dispatch overhead L, s (default: the device's, else 0)." }),
  precision: choice(PRECISIONS, { default: 'fp16', doc: 'Numeric precision.' }),
  model: choice(MODEL_IDS, { doc: 'Registered model id (default resnet50 when neither `bytes` nor `ops`/`intensity` are given).' }),
  bytes: num({ min: 0, unit: 'B', doc: "Bytes moved once per batch, B (e.g. the weights). Overrides the model's weights." }),
  sampleBytes: num({ min: 0, unit: 'B', doc: "Bytes moved per sample, B. Default: the model's input image, else 0." }),
  ops: num({ min: 0, unit: 'FLOP', doc: "Operations per sample, FLOP. Overrides the model's." }),
  intensity: num({ gt: 0, unit: 'FLOP/B', doc: 'Arithmetic intensity, FLOP/B: O = intensity × D. Takes precedence over `ops`.' }),
  batch: num({ min: 1, integer: true, default: 1, doc: 'Samples per batch.' }),
  baseline: either(deviceOrContext(), pairs(deviceOrContext(), { example: 'h100:a100 jetson-orin-nx:jetson-xavier-nx' }), {
    accepted: 'a device id or context, or space-separated new:old pairs of device ids or contexts (h100:a100 edge:jetson-xavier-nx)',
    doc: "The design this one replaces: a device id or context, or `new:old` pairs keyed by the design's device or context.",
  }),
  mode: choice(MODES, { default: 'terms', doc: '`terms` (grouped bars per term) or `stack` (end-to-end stacked bars).' }),
  scale: choice(['linear', 'log'] as const, { default: 'linear', doc: 'Value axis.' }),
  sla: num({ gt: 0, unit: 's', doc: 'Latency budget, s: draws the SLA line and sets `slaViolated`.' }),
  distance: num({ min: 0, unit: 'm', doc: 'Distance to the datacenter, m (round trip 2d/v at 2e8 m/s for a remote design). Default 0.' }),
  distanceKm: num({
    min: 0,
    unit: 'km',
    deprecated: 'use distance, in metres (distance-km="3000" is distance="3000000")',
    doc: 'Deprecated: the distance in km; use `distance` (m).',
  }),
  placement: choice(PLACEMENTS, { default: 'auto', doc: '`auto` (cloud devices remote, others on board), `remote` or `onboard`.' }),
  referenceIntensity: num({
    gt: 0,
    unit: 'FLOP/B',
    doc: `Intensity of the reference setting (the question's), FLOP/B: its outputs are published as \`reference\`. ${REFERENCE}`,
  }),
  referenceDistanceKm: num({ min: 0, unit: 'km', doc: `Distance of the reference setting, km. ${REFERENCE}` }),
  referenceBatch: num({ min: 1, integer: true, doc: `Batch of the reference setting. ${REFERENCE}` }),
  heading: text({ doc: 'Heading (default from the mode).' }),
};

function shortName(d: Device): string {
  return d.name.replace(/^(NVIDIA|AMD|Google|Arm|Espressif) /, '').replace(/\s*\(.*\)\s*$/, '');
}

/**
 * The Iron Law, T = D/BW + O/R + L, drawn term by term for a design — and, with a
 * `baseline`, for the design it replaces. Two views:
 *
 * - `mode="terms"` (default): grouped bars per term, baseline beside design, so the learner
 *   sees which term an upgrade actually shrank (`speedup` = baseline ÷ design);
 * - `mode="stack"`: one stacked end-to-end bar per design (data, compute, overhead and a
 *   propagation segment 2d/v for a remote design) against an `sla` line.
 *
 * The workload is a registered `model` (weights read once per batch plus `batch` inputs;
 * O = batch × FLOP per sample) or literal `bytes` with `ops` per sample or an `intensity`
 * (O = intensity × D). The machine is a `device` id or deployment context, or literal
 * `bandwidth` / `flops` / `overhead`. `baseline` is a device id, or `new:old` pairs keyed by
 * the design's device or context (`"h100:a100 jetson-orin-nx:jetson-xavier-nx"`).
 * `placement="auto"` puts a cloud device `distance` metres away and any other device on board.
 * Every input and output is in SI units (`distance` and `maxDistance` in metres; show them in km
 * with `<mls-value unit="m" display-unit="km">`). To evaluate the question's setting next to
 * the learner's, add a second instance with `headless` and its own `publish` name.
 *
 * @summary Iron Law latency terms per design, old vs new or end to end against an SLA.
 *
 * @fires mls-invalid - A bad device, model, number, mode, placement or baseline; the last good chart stays.
 *
 * @csspart title - The chart title.
 * @csspart chart - The figure around plot, legend, table and summary.
 * @csspart terms - The visible table of terms.
 * @csspart status - The SLA / memory status line.
 * @csspart reference - The sentence on the reference (question) setting, when the controls have moved away from it.
 * @csspart error - The inline role="alert" message for rejected attributes.
 *
 * @cssprop --mls-color-blue - Data-movement term and the design's bars.
 * @cssprop --mls-color-green - Compute term.
 * @cssprop --mls-color-orange - Overhead term.
 * @cssprop --mls-color-red - Propagation term, SLA line, violated status.
 * @cssprop --mls-color-grey - Baseline bars.
 */
export class MlsLatencyWaterfall extends MlsElement {
  static override styles = [
    baseStyles,
    chartStyles,
    css`
    :host { display: block; }
    .title { margin: 0 0 var(--mls-space-1); font-weight: 700; font-size: 1rem; }
    table { border-collapse: collapse; width: 100%; margin-top: var(--mls-space-2); font-size: 0.9rem; }
    caption { text-align: left; font-weight: 700; padding-bottom: var(--mls-space-1); }
    th, td { border-bottom: 1px solid var(--mls-color-border); padding: var(--mls-space-1) var(--mls-space-2); text-align: right; }
    th:first-child { text-align: left; }
    td { ${monoNumbers} }
    .tag { font-size: 0.72rem; font-weight: 800; letter-spacing: 0.06em; border: 1px solid currentColor; border-radius: 10px; padding: 0 6px; margin-left: 4px; }
    tr.total th, tr.total td { font-weight: 700; }
    .status { margin: var(--mls-space-2) 0 0; font-weight: 700; }
    .status.bad { color: var(--mls-color-red); }
    .status.good { color: var(--mls-color-green); }
    .ref { margin: var(--mls-space-1) 0 0; color: var(--mls-color-text-2); font-size: 0.9rem; }
    @media (forced-colors: active) { .status.bad, .status.good { color: CanvasText; } }
  `,
  ];

  static override inputs = INPUTS;

  #chart = new ChartController(this);
  #ticks = new CategoryTicks();
  #refText = '';
  #good: Good | null = null;
  #heading?: string;

  /** The last good outputs (what `publish` writes). */
  get outputs(): WaterfallOutputs | null {
    return this.#good ? { ...this.#good.outputs } : null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    const chosen = v.device;
    const { bandwidth, flops, overhead, precision, model, bytes, sampleBytes, ops, intensity, batch, mode, scale, sla } = v;
    const distance = v.distance ?? (v.distanceKm !== undefined ? v.distanceKm * KM : 0);
    const distanceKm = distance / KM;
    const placement = v.placement;
    const refIntensity = v.referenceIntensity;
    const refDistance = v.referenceDistanceKm;
    const refBatch = v.referenceBatch;
    this.#heading = v.heading;
    // The design's device: absent means h100, unless literal bandwidth and flops define the machine.
    const device = this.invalid.has('device')
      ? undefined
      : chosen
        ? chosen.device.id
        : bandwidth !== undefined && flops !== undefined
          ? null
          : 'h100';
    const context = chosen?.context ?? null;
    if (device === undefined || this.invalid.has('precision') || this.invalid.has('mode')) return;
    const b = v.baseline;
    if (this.invalid.has('baseline')) return;
    // A `new:old` map picks the baseline by the design's device, else by its context.
    const pick =
      b === undefined ? undefined : 'device' in b ? b : ((device ? b.get(device) : undefined) ?? (context ? b.get(context) : undefined));
    const baseline = pick ? pick.device.id : null;
    if (this.invalid.size > 0) return; // keep the last good chart
    try {
      const p: Params = {
        device,
        bandwidth,
        flops,
        overhead,
        precision,
        model,
        bytes,
        sampleBytes,
        ops,
        intensity,
        batch,
        sla: sla ?? null,
        distanceKm,
        distance,
        placement,
        baseline,
      };
      const hasRef = refIntensity !== undefined || refDistance !== undefined || refBatch !== undefined;
      const ref = hasRef
        ? {
            ...p,
            intensity: refIntensity ?? intensity,
            batch: refBatch ?? batch,
            distanceKm: refDistance ?? distanceKm,
            distance: refDistance !== undefined ? refDistance * KM : distance,
          }
        : null;
      this.#good = this.#compute(p, mode, scale === 'log', ref);
    } catch (err) {
      // A combination the checks above cannot see (a model with no operation count, a device with no
      // unit for the precision): reported against `model` or `device`, re-checked on the next update.
      const e = err as { argument?: string; message?: string };
      const onModel = MODEL_IDS.some((id) => (e.argument ?? '').startsWith(`${id}.`));
      this.markInvalid(
        onModel ? 'model' : 'device',
        onModel ? String(model ?? 'resnet50') : `${String(device ?? 'literal design')} at ${precision}`,
        onModel
          ? `a model with a per-inference operation count, or explicit ops/intensity (${String(e.message ?? err)})`
          : String(e.message ?? err),
      );
    }
  }

  /** The design's (and baseline's) terms and checks for one set of inputs: the physics is `evaluateDesign`. */
  #evaluate(p: Params): {
    outputs: Omit<WaterfallOutputs, 'reference' | 'distance' | 'maxDistance'>;
    main: WaterfallDesign;
    base: WaterfallDesign | null;
  } {
    // Without a complete literal workload (bytes with ops or intensity) the model defaults to resnet50.
    const model = p.model ?? (p.bytes === undefined || (p.ops === undefined && p.intensity === undefined) ? 'resnet50' : undefined);
    const e = evaluateDesign({
      device: p.device,
      bandwidth: p.bandwidth,
      flops: p.flops,
      overhead: p.overhead,
      precision: p.precision,
      model,
      bytes: p.bytes,
      sampleBytes: p.sampleBytes,
      ops: p.ops,
      intensity: p.intensity,
      batch: p.batch,
      sla: p.sla,
      distance: p.distanceKm * KM,
      placement: p.placement,
      baseline: p.baseline,
    });
    const named = (d: typeof e.design): WaterfallDesign => ({ ...d, name: d.device ? shortName(getDevice(d.device)) : 'Design' });
    const main = named(e.design);
    const base = e.baseline ? named(e.baseline) : null;
    if (base && main.device && base.device === main.device) base.name = `${base.name} (baseline)`;
    const outputs = {
      ...main,
      bytes: e.bytes,
      ops: e.ops,
      batch: e.batch,
      sla: e.sla,
      slaMargin: e.slaMargin,
      status: e.status,
      speedup: e.speedup,
      computeRatio: e.computeRatio,
      bandwidthRatio: e.bandwidthRatio,
      baseline: base,
      distanceKm: p.distanceKm,
      linkRoundTrip: e.linkRoundTrip,
      maxDistanceKm: e.maxDistance === null ? null : e.maxDistance / KM,
      state: e.status === 'ok' ? ('ok' as const) : ('fail' as const),
    };
    return { outputs, main, base };
  }

  /** The evaluation's outputs with the link distances in SI units (metres). */
  #withDistances(o: Omit<WaterfallOutputs, 'reference' | 'distance' | 'maxDistance'>, p: Params): Omit<WaterfallOutputs, 'reference'> {
    return { ...o, distance: p.distance, maxDistance: o.maxDistanceKm === null ? null : o.maxDistanceKm * KM };
  }

  #compute(p: Params, mode: Mode, log: boolean, ref: Params | null): Good {
    const { outputs: evaluated, main, base } = this.#evaluate(p);
    const now = this.#withDistances(evaluated, p);
    const outputs: WaterfallOutputs = { ...now, reference: ref ? this.#withDistances(this.#evaluate(ref).outputs, ref) : null };
    this.#refText = ref ? this.#describeRef(p, ref, outputs.reference!, mode) : '';
    const designs = base ? (mode === 'terms' ? [base, main] : [main, base]) : [main];
    const spec =
      mode === 'terms' ? this.#termsSpec(designs, main, outputs, log) : this.#stackSpec(designs, main, outputs, log, p.distanceKm);
    const title =
      this.#heading ??
      (mode === 'terms'
        ? base
          ? `Iron Law terms: ${base.name} → ${main.name}`
          : `Iron Law terms on ${main.name}`
        : 'End-to-end latency per design');
    return { outputs, spec, mode, title, designs };
  }

  /** One sentence on the reference setting, shown while the controls are elsewhere. */
  #describeRef(p: Params, ref: Params, r: Omit<WaterfallOutputs, 'reference'>, mode: Mode): string {
    const parts: string[] = [];
    if (ref.intensity !== undefined && ref.intensity !== p.intensity) parts.push(`intensity ${formatNumber(ref.intensity)} FLOP/B`);
    if (ref.distanceKm !== p.distanceKm) parts.push(`${formatNumber(ref.distanceKm)} km`);
    if (ref.batch !== p.batch) parts.push(`batch ${formatNumber(ref.batch)}`);
    if (parts.length === 0) return '';
    const what =
      mode === 'terms' && r.speedup !== null && r.baseline
        ? `${formatValue(r.speedup, 'x')} faster than ${r.baseline.name}`
        : `${formatSeconds(r.total)} end to end${r.propagation > 0 ? `, of which ${formatSeconds(r.propagation)} is the light's round trip` : ''}`;
    return `At the question's setting (${parts.join(', ')}): ${r.name} is ${what}.`;
  }

  #terms(designs: WaterfallDesign[]): Term[] {
    const t: Term[] = ['data', 'compute', 'overhead'];
    if (designs.some((d) => d.propagation > 0)) t.push('propagation');
    return t;
  }

  #termsSpec(designs: WaterfallDesign[], main: WaterfallDesign, o: WaterfallOutputs, log: boolean): ChartSpec {
    const terms = this.#terms(designs);
    const colors = designs.length > 1 ? ['grey', 'blue'] : ['blue'];
    this.#ticks.names = terms.map((t) => TERM_LABEL[t]);
    const g = groupedBars(
      terms.length,
      designs.map((d, i) => ({
        label: designs.length > 1 ? `${d.name}${d === main ? ' (new)' : ' (old)'}` : d.name,
        values: terms.map((t) => d[t]),
        color: colors[i],
      })),
    );
    const all = designs.flatMap((d) => terms.map((t) => d[t])).filter((v) => v > 0);
    const bound =
      main.bound === 'memory' ? 'memory-bound (data movement is the larger term)' : 'compute-bound (compute is the larger term)';
    let summary = `${main.name}: ${formatSeconds(main.total)} in total, ${bound}; AI ${formatNumber(main.intensity)} vs ridge ${formatNumber(main.ridge)} FLOP/B.`;
    if (o.speedup !== null && o.baseline) {
      summary =
        `${o.baseline.name} ${formatSeconds(o.baseline.total)} → ${main.name} ${formatSeconds(main.total)}: ${formatValue(o.speedup, 'x')} faster ` +
        `(compute ${formatValue(o.computeRatio!, 'x')}, bandwidth ${formatValue(o.bandwidthRatio!, 'x')}); ${main.name} is ${bound}.`;
    }
    return {
      label: 'Iron Law terms, seconds',
      height: 300,
      x: { label: 'Term', min: 0.5, max: terms.length + 0.5, tick: this.#ticks.tick, format: this.#ticks.label },
      y: log
        ? {
            label: 'Latency',
            unit: 's',
            log: true,
            min: 10 ** Math.floor(Math.log10(Math.min(...all))),
            tick: (v) => formatSeconds(v),
            format: (v) => formatSeconds(v),
          }
        : {
            label: 'Latency',
            unit: 's',
            min: 0,
            max: Math.max(...all) * 1.15,
            tick: (v) => formatSeconds(v),
            format: (v) => formatSeconds(v),
          },
      data: { x: g.x, series: g.series },
      summary,
    };
  }

  #stackSpec(designs: WaterfallDesign[], main: WaterfallDesign, o: WaterfallOutputs, log: boolean, distanceKm: number): ChartSpec {
    const terms = this.#terms(designs);
    const color: Record<Term, string> = { data: 'blue', compute: 'green', overhead: 'orange', propagation: 'red' };
    const names = designs.map(
      (d) =>
        `${d.name}${d.placement === 'remote' ? ` · ${formatNumber(distanceKm)} km away` : ' · on board'}${d === main && designs.length > 1 ? ' (yours)' : ''}`,
    );
    // One stack per design, the terms bottom to top; the table's total is the design's own.
    const stack = stackedBars(
      terms.map((t) => ({ label: TERM_LABEL[t], color: color[t], values: designs.map((d) => d[t]) })),
      { total: { label: 'Total', values: designs.map((d) => d.total) } },
    );
    this.#ticks.names = names;
    const { tick, label } = this.#ticks;
    const top = Math.max(...designs.map((d) => d.total), o.sla ?? 0);
    const smallest = Math.min(...designs.map((d) => d.data).filter((v) => v > 0));
    let summary =
      `${names[designs.indexOf(main)]}: ${formatSeconds(main.total)} end to end` +
      (main.propagation > 0 ? `, of which ${formatSeconds(main.propagation)} is the light's round trip.` : '.');
    if (o.sla !== null) {
      summary += main.slaViolated
        ? ` ✕ Over the ${formatSeconds(o.sla)} budget by ${formatSeconds(-o.slaMargin!)}.`
        : ` ✓ Within the ${formatSeconds(o.sla)} budget (${formatSeconds(o.slaMargin!)} to spare).`;
    }
    return {
      label: 'End-to-end latency per design, seconds',
      height: 320,
      legend: true,
      x: { label: 'Design', min: 0.5, max: designs.length + 0.5, tick, format: label },
      y: log
        ? {
            label: 'Latency',
            unit: 's',
            log: true,
            min: 10 ** Math.floor(Math.log10(smallest)),
            max: top * 2,
            tick: (v) => formatSeconds(v),
            format: (v) => formatSeconds(v),
          }
        : { label: 'Latency', unit: 's', min: 0, max: top * 1.15, tick: (v) => formatSeconds(v), format: (v) => formatSeconds(v) },
      data: { x: stack.x, series: stack.series },
      markers: o.sla !== null ? [{ axis: 'y', value: o.sla, label: `SLA ${formatSeconds(o.sla)}`, color: 'red' }] : [],
      points: designs.map((d, i) => ({ x: i + 1 - 0.15, y: d.total, label: formatSeconds(d.total), radius: 0.5, color: 'text' })),
      summary,
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#good && this.invalid.size === 0) this.publishOutputs(JSON.parse(JSON.stringify(this.#good.outputs)));
  }

  #termsTable(g: Good) {
    const terms = this.#terms(g.designs);
    const main = g.outputs;
    const binding = (d: WaterfallDesign, t: Term) => (t === 'data' && d.bound === 'memory') || (t === 'compute' && d.bound === 'compute');
    return html`<table part="terms">
      <caption>Iron Law terms${g.outputs.batch > 1 ? ` (batch ${formatNumber(g.outputs.batch)})` : ''}</caption>
      <thead><tr><th scope="col">Term</th>${g.designs.map((d) => html`<th scope="col">${d.name}</th>`)}</tr></thead>
      <tbody>
        ${terms.map((t) => html`<tr><th scope="row">${TERM_LABEL[t]}</th>${g.designs.map((d) => html`<td>${formatSeconds(d[t])}${binding(d, t) ? html`<span class="tag">BINDING</span>` : nothing}</td>`)}</tr>`)}
        <tr class="total"><th scope="row">Total T</th>${g.designs.map((d) => html`<td>${formatSeconds(d.total)}</td>`)}</tr>
        <tr><th scope="row">Intensity vs ridge</th>${g.designs.map((d) => html`<td>${formatNumber(d.intensity)} vs ${formatNumber(d.ridge)} FLOP/B</td>`)}</tr>
        ${main.speedup !== null && g.mode === 'terms' ? html`<tr><th scope="row">Speed-up (old ÷ new)</th><td colspan=${g.designs.length}>${formatValue(main.speedup, 'x')}</td></tr>` : nothing}
      </tbody>
    </table>`;
  }

  #status(g: Good) {
    const o = g.outputs;
    if (o.oom) {
      return html`<p class="status bad" part="status" role="status">✕ Out of memory: the batch needs ${formatValue(o.footprint, 'B')}, ${o.name} has ${formatValue(o.capacity!, 'B')}.</p>`;
    }
    if (o.sla === null) return nothing;
    return o.slaViolated
      ? html`<p class="status bad" part="status" role="status">✕ SLA violated: ${formatSeconds(o.total)} &gt; ${formatSeconds(o.sla)}.</p>`
      : html`<p class="status good" part="status" role="status">✓ SLA met: ${formatSeconds(o.total)} ≤ ${formatSeconds(o.sla)}.</p>`;
  }

  protected override render() {
    const g = this.#good;
    return html`${this.renderInvalid()}
      ${g ? html`<p class="title" part="title">${g.title}</p>` : nothing}
      ${this.#chart.render(g?.spec ?? null)}
      ${g ? html`${this.#status(g)}${this.#refText ? html`<p class="ref" part="reference">${this.#refText}</p>` : nothing}${this.#termsTable(g)}` : nothing}`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsLatencyWaterfall extends InputProps<typeof INPUTS> {}

defineElement('mls-latency-waterfall', MlsLatencyWaterfall);

declare global {
  interface HTMLElementTagNameMap {
    'mls-latency-waterfall': MlsLatencyWaterfall;
  }
}
