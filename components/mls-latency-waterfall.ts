import { html, css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { MlsElement } from '../src/base.js';
import { defineElement } from '../src/define.js';
import { baseStyles, monoNumbers } from '../src/theme.js';
import { formatNumber, formatSeconds, formatValue } from '../src/format.js';
import { ChartController, chartStyles, CategoryTicks, groupedBars, stackedBars, type ChartSpec } from '../src/chart.js';
import { DEPLOYMENT_CONTEXTS, DEVICE_IDS, MODEL_IDS, TIERS, getDevice, type Device, type Tier } from '../physics/registry.js';
import { evaluateDesign, type DesignTerms } from '../physics/workload.js';
import { PRECISIONS, KM, type Precision } from '../physics/units.js';

// ---------------------------------------------------------------------------------------------
// Grouped bars: CategoryTicks and groupedBars live in the chart base (src/chart.ts) so that
// mls-dam-triad and mls-magnitude-gap use them without loading this element; re-exported here.
// ---------------------------------------------------------------------------------------------

export { CategoryTicks, groupedBars, type GroupedSeries } from '../src/chart.js';

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

/** What the waterfall publishes under `publish` (SI units): the design's terms plus comparisons. */
export interface WaterfallOutputs extends WaterfallDesign {
  bytes: number;
  ops: number;
  batch: number;
  sla: number | null;
  /** sla − total, s (negative when violated; null without an SLA). */
  slaMargin: number | null;
  /** 'oom', 'sla-violated' or 'ok'. */
  status: 'oom' | 'sla-violated' | 'ok';
  /** baseline.total ÷ total (null without a baseline). */
  speedup: number | null;
  /** Peak ratio design ÷ baseline (null without a baseline). */
  computeRatio: number | null;
  /** Bandwidth ratio design ÷ baseline (null without a baseline). */
  bandwidthRatio: number | null;
  baseline: WaterfallDesign | null;
  /** Link distance, km, and the light's round trip over it (2d/v, s) whether or not the design uses the link. */
  distanceKm: number;
  linkRoundTrip: number;
  /** Farthest datacenter, km, at which this design's inference still meets the SLA (null without one). */
  maxDistanceKm: number | null;
  /** `fail` when out of memory or over the SLA, else `ok` (for `<mls-metric state>`). */
  state: 'ok' | 'fail';
  /** The same outputs at the `reference-*` settings (e.g. the question's), or null when none is set. */
  reference: Omit<WaterfallOutputs, 'reference'> | null;
}

interface Params {
  device: string | null; bandwidth?: number; flops?: number; overhead?: number; precision: Precision;
  model?: string; bytes?: number; sampleBytes?: number; ops?: number; intensity?: number; batch: number;
  sla: number | null; distanceKm: number; placement: Placement; baseline: string | null;
}

interface Good { outputs: WaterfallOutputs; spec: ChartSpec; mode: Mode; title: string; designs: WaterfallDesign[] }

const TERM_LABEL = { data: 'Data movement D/BW', compute: 'Compute O/R', overhead: 'Overhead L', propagation: 'Propagation 2d/v' } as const;
type Term = keyof typeof TERM_LABEL;

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
 * `placement="auto"` puts a cloud device `distance-km` away and any other device on board.
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
  static override styles = [baseStyles, chartStyles, css`
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
  `];

  /** Device id or deployment context (cloud, edge, mobile, tiny). Default h100. Ignored for the rate when `bandwidth` and `flops` are given. */
  @property() device?: string;

  /** Literal memory bandwidth, B/s (overrides the device's). */
  @property() bandwidth?: string;

  /** Literal peak rate, FLOP/s (overrides the device's). */
  @property() flops?: string;

  /** Dispatch overhead L, s (default: the device's, else 0). */
  @property() overhead?: string;

  /** Numeric precision: fp32, tf32, fp16, bf16, fp8, int8, int4. Default fp16. */
  @property() precision = 'fp16';

  /** Registered model id (default resnet50 when neither `bytes` nor `ops`/`intensity` are given). */
  @property() model?: string;

  /** Bytes moved once per batch, B (e.g. the weights). Overrides the model's weights. */
  @property() bytes?: string;

  /** Bytes moved per sample, B. Default: the model's input image, else 0. */
  @property({ attribute: 'sample-bytes' }) sampleBytes?: string;

  /** Operations per sample, FLOP. Overrides the model's. */
  @property() ops?: string;

  /** Arithmetic intensity, FLOP/B: O = intensity × D. Takes precedence over `ops`. */
  @property() intensity?: string;

  /** Samples per batch (whole number ≥ 1, default 1). */
  @property() batch?: string;

  /** The design this one replaces: a device id or context, or `new:old` pairs keyed by the design's device or context. */
  @property() baseline?: string;

  /** `terms` (grouped bars per term) or `stack` (end-to-end stacked bars). */
  @property() mode = 'terms';

  /** Value axis: `linear` (default) or `log`. */
  @property() scale = 'linear';

  /** Latency budget, s: draws the SLA line and sets `slaViolated`. */
  @property() sla?: string;

  /** Distance to the datacenter, km (round trip 2d/v at 2e8 m/s for a remote design). */
  @property({ attribute: 'distance-km' }) distanceKm?: string;

  /** `auto` (cloud devices remote, others on board), `remote` or `onboard`. */
  @property() placement = 'auto';

  /** Intensity of the reference setting (the question's), FLOP/B: its outputs are published as `reference`. */
  @property({ attribute: 'reference-intensity' }) referenceIntensity?: string;

  /** Distance of the reference setting, km. */
  @property({ attribute: 'reference-distance-km' }) referenceDistanceKm?: string;

  /** Batch of the reference setting. */
  @property({ attribute: 'reference-batch' }) referenceBatch?: string;

  /** Heading (default from the mode). */
  @property() heading?: string;

  #chart = new ChartController(this);
  #ticks = new CategoryTicks();
  #refText = '';
  #good: Good | null = null;

  /** The last good outputs (what `publish` writes). */
  get outputs(): WaterfallOutputs | null { return this.#good ? { ...this.#good.outputs } : null; }

  #deviceId(attr: string, raw: string): string | undefined {
    const id = raw.trim();
    if (DEVICE_IDS.includes(id)) return id;
    if ((TIERS as readonly string[]).includes(id)) return DEPLOYMENT_CONTEXTS[id as Tier].device;
    this.markInvalid(attr, raw, `a device id (${DEVICE_IDS.join(', ')}) or a context (${TIERS.join(', ')})`);
    return undefined;
  }

  #readDevice(): string | undefined | null {
    const v = this.resolve(this.device);
    if (v === undefined || v === null || v === '') {
      this.markValid('device');
      return this.bandwidth && this.flops ? null : 'h100';
    }
    const id = this.#deviceId('device', String(v));
    if (id) this.markValid('device');
    return id;
  }

  /** The baseline device for this design (null when none), undefined when invalid. */
  #readBaseline(designDevice: string | null, context: string | null): string | null | undefined {
    const v = this.resolve(this.baseline);
    if (v === undefined || v === null || v === '') { this.markValid('baseline'); return null; }
    const text = String(v).trim();
    if (!text.includes(':')) {
      const id = this.#deviceId('baseline', text);
      if (id) this.markValid('baseline');
      return id;
    }
    const pairs = new Map<string, string>();
    for (const token of text.split(/\s+/)) {
      const m = /^([a-z0-9._-]+):([a-z0-9._-]+)$/.exec(token);
      if (!m || !(DEVICE_IDS.includes(m[2]) || (TIERS as readonly string[]).includes(m[2]))) {
        this.markInvalid('baseline', text, 'a device id, or space-separated new:old pairs of device ids or contexts');
        return undefined;
      }
      pairs.set(m[1], m[2]);
    }
    this.markValid('baseline');
    const hit = (designDevice && pairs.get(designDevice)) ?? (context && pairs.get(context)) ?? null;
    return hit ? (this.#deviceId('baseline', hit) ?? null) : null;
  }

  /** A number > 0 (literal or reference); undefined when absent or rejected. */
  #positive(attr: string, raw: unknown): number | undefined {
    const n = this.readNumber(attr, raw, { min: 0 });
    if (n === 0) { this.markInvalid(attr, this.resolve(raw), 'a finite number > 0'); return undefined; }
    return n;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const rawDevice = this.resolve(this.device);
    const context = typeof rawDevice === 'string' && (TIERS as readonly string[]).includes(rawDevice.trim()) ? rawDevice.trim() : null;
    const device = this.#readDevice();
    const bandwidth = this.#positive('bandwidth', this.bandwidth);
    const flops = this.#positive('flops', this.flops);
    const overhead = this.readNumber('overhead', this.overhead, { min: 0 });
    const precision = this.readChoice<Precision>('precision', this.precision, PRECISIONS) ?? (this.invalid.has('precision') ? undefined : 'fp16');
    const model = this.readChoice('model', this.model, MODEL_IDS);
    const bytes = this.readNumber('bytes', this.bytes, { min: 0 });
    const sampleBytes = this.readNumber('sample-bytes', this.sampleBytes, { min: 0 });
    const ops = this.readNumber('ops', this.ops, { min: 0 });
    const intensity = this.#positive('intensity', this.intensity);
    const batch = this.readNumber('batch', this.batch, { min: 1, integer: true }) ?? 1;
    const mode = this.readChoice('mode', this.mode, MODES) ?? (this.invalid.has('mode') ? undefined : 'terms');
    const scale = this.readChoice('scale', this.scale, ['linear', 'log'] as const) ?? 'linear';
    const sla = this.#positive('sla', this.sla);
    const distanceKm = this.readNumber('distance-km', this.distanceKm, { min: 0 }) ?? 0;
    const placement = this.readChoice<Placement>('placement', this.placement, PLACEMENTS) ?? 'auto';
    const refIntensity = this.#positive('reference-intensity', this.referenceIntensity);
    const refDistance = this.readNumber('reference-distance-km', this.referenceDistanceKm, { min: 0 });
    const refBatch = this.readNumber('reference-batch', this.referenceBatch, { min: 1, integer: true });
    if (device === undefined || !precision || !mode) return;
    const baseline = this.#readBaseline(device, context);
    if (baseline === undefined || this.invalid.size > 0) return; // keep the last good chart
    try {
      const p: Params = { device, bandwidth, flops, overhead, precision, model, bytes, sampleBytes, ops, intensity, batch, sla: sla ?? null, distanceKm, placement, baseline };
      const hasRef = refIntensity !== undefined || refDistance !== undefined || refBatch !== undefined;
      const ref = hasRef ? { ...p, intensity: refIntensity ?? intensity, distanceKm: refDistance ?? distanceKm, batch: refBatch ?? batch } : null;
      this.#good = this.#compute(p, mode, scale === 'log', ref);
    } catch (err) {
      // A combination the checks above cannot see (a model with no operation count, a device with no
      // unit for the precision): reported against `model` or `device`, re-checked on the next update.
      const e = err as { argument?: string; message?: string };
      const onModel = MODEL_IDS.some((id) => (e.argument ?? '').startsWith(`${id}.`));
      this.markInvalid(onModel ? 'model' : 'device', onModel ? String(model ?? 'resnet50') : `${String(device ?? 'literal design')} at ${precision}`,
        onModel ? `a model with a per-inference operation count, or explicit ops/intensity (${String(e.message ?? err)})` : String(e.message ?? err));
    }
  }

  /** The design's (and baseline's) terms and checks for one set of inputs: the physics is `evaluateDesign`. */
  #evaluate(p: Params): { outputs: Omit<WaterfallOutputs, 'reference'>; main: WaterfallDesign; base: WaterfallDesign | null } {
    // Without a complete literal workload (bytes with ops or intensity) the model defaults to resnet50.
    const model = p.model ?? (p.bytes === undefined || (p.ops === undefined && p.intensity === undefined) ? 'resnet50' : undefined);
    const e = evaluateDesign({
      device: p.device, bandwidth: p.bandwidth, flops: p.flops, overhead: p.overhead, precision: p.precision,
      model, bytes: p.bytes, sampleBytes: p.sampleBytes, ops: p.ops, intensity: p.intensity, batch: p.batch,
      sla: p.sla, distance: p.distanceKm * KM, placement: p.placement, baseline: p.baseline,
    });
    const named = (d: typeof e.design): WaterfallDesign => ({ ...d, name: d.device ? shortName(getDevice(d.device)) : 'Design' });
    const main = named(e.design);
    const base = e.baseline ? named(e.baseline) : null;
    if (base && main.device && base.device === main.device) base.name = `${base.name} (baseline)`;
    const outputs = {
      ...main, bytes: e.bytes, ops: e.ops, batch: e.batch, sla: e.sla, slaMargin: e.slaMargin, status: e.status,
      speedup: e.speedup, computeRatio: e.computeRatio, bandwidthRatio: e.bandwidthRatio,
      baseline: base, distanceKm: p.distanceKm, linkRoundTrip: e.linkRoundTrip,
      maxDistanceKm: e.maxDistance === null ? null : e.maxDistance / KM,
      state: e.status === 'ok' ? 'ok' as const : 'fail' as const,
    };
    return { outputs, main, base };
  }

  #compute(p: Params, mode: Mode, log: boolean, ref: Params | null): Good {
    const { outputs: now, main, base } = this.#evaluate(p);
    const outputs: WaterfallOutputs = { ...now, reference: ref ? this.#evaluate(ref).outputs : null };
    this.#refText = ref ? this.#describeRef(p, ref, outputs.reference!, mode) : '';
    const designs = base ? (mode === 'terms' ? [base, main] : [main, base]) : [main];
    const spec = mode === 'terms' ? this.#termsSpec(designs, main, outputs, log) : this.#stackSpec(designs, main, outputs, log, p.distanceKm);
    const title = this.heading ?? (mode === 'terms'
      ? (base ? `Iron Law terms: ${base.name} → ${main.name}` : `Iron Law terms on ${main.name}`)
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
    const what = mode === 'terms' && r.speedup !== null && r.baseline
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
    const g = groupedBars(terms.length, designs.map((d, i) => ({
      label: designs.length > 1 ? `${d.name}${d === main ? ' (new)' : ' (old)'}` : d.name,
      values: terms.map((t) => d[t]), color: colors[i],
    })));
    const all = designs.flatMap((d) => terms.map((t) => d[t])).filter((v) => v > 0);
    const bound = main.bound === 'memory' ? 'memory-bound (data movement is the larger term)' : 'compute-bound (compute is the larger term)';
    let summary = `${main.name}: ${formatSeconds(main.total)} in total, ${bound}; AI ${formatNumber(main.intensity)} vs ridge ${formatNumber(main.ridge)} FLOP/B.`;
    if (o.speedup !== null && o.baseline) {
      summary = `${o.baseline.name} ${formatSeconds(o.baseline.total)} → ${main.name} ${formatSeconds(main.total)}: ${formatValue(o.speedup, 'x')} faster ` +
        `(compute ${formatValue(o.computeRatio!, 'x')}, bandwidth ${formatValue(o.bandwidthRatio!, 'x')}); ${main.name} is ${bound}.`;
    }
    return {
      label: 'Iron Law terms, seconds',
      height: 300,
      x: { label: 'Term', min: 0.5, max: terms.length + 0.5, tick: this.#ticks.tick, format: this.#ticks.label },
      y: log
        ? { label: 'Latency', unit: 's', log: true, min: 10 ** Math.floor(Math.log10(Math.min(...all))), tick: (v) => formatSeconds(v), format: (v) => formatSeconds(v) }
        : { label: 'Latency', unit: 's', min: 0, max: Math.max(...all) * 1.15, tick: (v) => formatSeconds(v), format: (v) => formatSeconds(v) },
      data: { x: g.x, series: g.series },
      summary,
    };
  }

  #stackSpec(designs: WaterfallDesign[], main: WaterfallDesign, o: WaterfallOutputs, log: boolean, distanceKm: number): ChartSpec {
    const terms = this.#terms(designs);
    const color: Record<Term, string> = { data: 'blue', compute: 'green', overhead: 'orange', propagation: 'red' };
    const names = designs.map((d) => `${d.name}${d.placement === 'remote' ? ` · ${formatNumber(distanceKm)} km away` : ' · on board'}${d === main && designs.length > 1 ? ' (yours)' : ''}`);
    // One stack per design, the terms bottom to top; the table's total is the design's own.
    const stack = stackedBars(
      terms.map((t) => ({ label: TERM_LABEL[t], color: color[t], values: designs.map((d) => d[t]) })),
      { total: { label: 'Total', values: designs.map((d) => d.total) } },
    );
    this.#ticks.names = names;
    const { tick, label } = this.#ticks;
    const top = Math.max(...designs.map((d) => d.total), o.sla ?? 0);
    const smallest = Math.min(...designs.map((d) => d.data).filter((v) => v > 0));
    let summary = `${names[designs.indexOf(main)]}: ${formatSeconds(main.total)} end to end` +
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
        ? { label: 'Latency', unit: 's', log: true, min: 10 ** Math.floor(Math.log10(smallest)), max: top * 2, tick: (v) => formatSeconds(v), format: (v) => formatSeconds(v) }
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

defineElement('mls-latency-waterfall', MlsLatencyWaterfall);

declare global {
  interface HTMLElementTagNameMap { 'mls-latency-waterfall': MlsLatencyWaterfall }
}
