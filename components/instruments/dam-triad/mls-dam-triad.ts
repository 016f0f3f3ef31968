import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../../src/base.js';
import { choice, deviceOrContext, num, text, type InputProps } from '../../../src/inputs.js';
import { defineElement } from '../../../src/define.js';
import { baseStyles, monoNumbers } from '../../../src/theme.js';
import { formatNumber, formatSeconds, formatValue } from '../../../src/format.js';
import { ChartController, chartStyles, CategoryTicks, groupedBars, type ChartSpec } from '../../../src/chart.js';
import { DEPLOYMENT_CONTEXTS, MODEL_IDS, TIERS, getModel, type Tier } from '../../../physics/registry.js';
import { PRECISIONS, type Precision } from '../../../physics/units.js';
import { tierOrDevice } from '../../../physics/tiers.js';
import { computeBoundBatch, workloadOnDevice, type WorkloadOnDevice } from '../../../physics/workload.js';

/** One side of the triad (SI units). */
export interface TriadSide {
  /** The context or device id this side was given. */
  id: string;
  tier: Tier;
  device: string;
  deviceName: string;
  /** D: bytes moved for the batch (weights once + inputs), B. */
  bytes: number;
  /** O: operations for the batch, FLOP. */
  ops: number;
  /** D / BW, s. */
  data: number;
  /** O / R, s. */
  compute: number;
  /** L, s. */
  overhead: number;
  /** data + compute + overhead, s. */
  total: number;
  bound: 'memory' | 'compute';
  /** data ÷ compute: how many times longer moving the bytes takes than the math. */
  dataToCompute: number;
  /** The largest single term. */
  dominant: 'data' | 'compute' | 'overhead' | 'propagation';
  /** O / D, FLOP/B. */
  intensity: number;
  /** R / BW, FLOP/B. */
  ridge: number;
  bandwidth: number;
  peakFlops: number;
  /** Memory the batch needs resident, B. */
  footprint: number;
  /** Device memory, B. */
  capacity: number;
  oom: boolean;
  /** footprint ÷ capacity. */
  oomRatio: number;
  /** Device power, W. */
  power: number;
  /** 'oom', 'memory-bound' or 'compute-bound'. */
  verdict: 'oom' | 'memory-bound' | 'compute-bound';
  /** Smallest batch at which this side turns compute-bound (null if not within 4,096). */
  computeBoundBatch: number | null;
}

/** What the triad publishes: the active side's figures, plus the other side and the batch. */
export interface TriadOutputs extends TriadSide {
  model: string;
  precision: Precision;
  batch: number;
  other: TriadSide;
  /** Both sides by the id they were given (`sides.cloud`, `sides.tiny`). */
  sides: Record<string, TriadSide>;
  /** Both sides at `reference-batch` (the question's setting), or null without one. */
  reference: Record<string, TriadSide> | null;
  referenceBatch: number | null;
}

interface Good {
  sides: [TriadSide, TriadSide];
  active: 0 | 1;
  outputs: TriadOutputs;
  spec: ChartSpec;
  modelName: string;
  refText: string;
}

function shortName(name: string): string {
  return name.replace(/^(NVIDIA|AMD|Google|Arm|Espressif) /, '').replace(/\s*\(.*\)\s*$/, '');
}

function side(id: string, r: WorkloadOnDevice, crossover: number | null): TriadSide {
  const t = tierOrDevice(id);
  return {
    id,
    tier: t.tier,
    device: r.device.id,
    deviceName: shortName(r.device.name),
    bytes: r.workload.dataBytes,
    ops: r.workload.ops,
    data: r.data,
    compute: r.compute,
    overhead: r.overhead,
    total: r.total,
    bound: r.bound,
    dataToCompute: r.compute > 0 ? r.data / r.compute : Infinity,
    dominant: r.dominant,
    intensity: r.intensity,
    ridge: r.ridge,
    bandwidth: r.device.memoryBandwidth,
    peakFlops: r.peak,
    footprint: r.footprint,
    capacity: r.capacity,
    oom: r.oom,
    oomRatio: r.oomRatio,
    power: r.device.tdpWatts,
    verdict: r.oom ? 'oom' : r.bound === 'memory' ? 'memory-bound' : 'compute-bound',
    computeBoundBatch: crossover,
  };
}

const PRECISION_TEXT: Record<string, string> = {
  fp32: 'FP32',
  tf32: 'TF32',
  fp16: 'FP16',
  bf16: 'BF16',
  fp8: 'FP8',
  int8: 'INT8',
  int4: 'INT4',
};

const INPUTS = {
  a: deviceOrContext({ default: 'cloud', doc: 'First side: a context (cloud, edge, mobile, tiny) or a device id.' }),
  b: deviceOrContext({ default: 'tiny', doc: 'Second side: a context or a device id.' }),
  active: text({ refs: true, doc: "The learner's side: a context or device id equal to `a` or `b` (e.g. `$context`). Default `a`." }),
  model: choice(MODEL_IDS, { default: 'resnet50', doc: 'Registered model id.' }),
  precision: choice(PRECISIONS, { default: 'fp16', doc: 'Numeric precision of weights and math.' }),
  batch: num({ min: 1, max: 65536, integer: true, default: 1, doc: 'Samples per batch.' }),
  sampleBytes: num({ min: 0, unit: 'B', doc: "Bytes moved per sample, B. Default: the model's input image." }),
  referenceBatch: num({
    min: 1,
    max: 65536,
    integer: true,
    doc: "Batch of the reference setting (the question's): both sides at it are published as `reference`. Deprecated: evaluate the question's setting with a second, `headless` instance.",
  }),
  heading: text({ doc: 'Heading above the table.' }),
};

/**
 * Data, Algorithm, Machine: one workload (a registered `model` at a `precision` and `batch`)
 * on two deployment contexts side by side. For each side it shows D (bytes moved: weights once
 * per batch plus each input) and its time D/BW, A (the operations O) and their time O/R, and
 * M (the device's bandwidth, peak, memory and power, and whether the batch fits), then the
 * Iron Law total and which term binds. A log-scale bar chart puts the terms of both sides on
 * one axis. The `active` side (`active="$context"`) is marked and is what `publish` writes,
 * with `oom` to drive `<mls-failure when="$triad.oom">`.
 *
 * @summary D·A·M comparison of one workload on two contexts, with Iron Law terms and a fit check.
 *
 * @fires mls-invalid - An unknown context/device, model or precision, or a bad batch; the last good view stays.
 *
 * @csspart grid - The side-by-side table.
 * @csspart side - Each side's column header.
 * @csspart verdict - Each side's verdict line.
 * @csspart chart - The terms chart's figure.
 * @csspart reference - The sentence on the reference (question) batch, when the batch has moved away from it.
 * @csspart error - The inline role="alert" message for rejected attributes.
 *
 * @cssprop --mls-color-cloud - Accent of a cloud side (also edge, mobile, tiny).
 * @cssprop --mls-color-red - Out-of-memory verdict.
 * @cssprop --mls-color-green - Fits verdict.
 */
export class MlsDamTriad extends MlsElement {
  static override styles = [
    baseStyles,
    chartStyles,
    css`
    :host { display: block; }
    .title { margin: 0 0 var(--mls-space-2); font-weight: 700; font-size: 1rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 700; padding-bottom: var(--mls-space-1); }
    th, td { border-bottom: 1px solid var(--mls-color-border); padding: var(--mls-space-2); vertical-align: top; text-align: left; }
    td { ${monoNumbers} }
    thead th { border-top: 5px solid var(--accent, var(--mls-color-grey)); }
    .cloud { --accent: var(--mls-color-cloud); } .edge { --accent: var(--mls-color-edge); }
    .mobile { --accent: var(--mls-color-mobile); } .tiny { --accent: var(--mls-color-tiny); }
    thead th.corner { --accent: var(--mls-color-border); }
    th.active, td.active { background: var(--mls-color-surface-2); }
    .you { display: inline-block; font-size: 0.72rem; font-weight: 800; letter-spacing: 0.06em; border: 1px solid currentColor; border-radius: 10px; padding: 0 6px; margin-left: 4px; }
    .letter { display: inline-block; width: 1.6em; height: 1.6em; line-height: 1.6em; text-align: center; border-radius: 50%; background: var(--mls-color-surface-2); border: 1px solid var(--mls-color-border); font-weight: 800; margin-right: 4px; }
    .sub { display: block; color: var(--mls-color-muted); font-size: 0.82rem; }
    .tag { font-size: 0.72rem; font-weight: 800; letter-spacing: 0.06em; border: 1px solid currentColor; border-radius: 10px; padding: 0 6px; margin-left: 4px; }
    .ref { margin: var(--mls-space-2) 0 0; color: var(--mls-color-text-2); font-size: 0.9rem; }
    .oom { color: var(--mls-color-red); font-weight: 700; }
    .fits { color: var(--mls-color-green); font-weight: 700; }
    @media (forced-colors: active) { .oom, .fits { color: CanvasText; } }
  `,
  ];

  static override inputs = INPUTS;

  #chart = new ChartController(this);
  #ticks = new CategoryTicks();
  #good: Good | null = null;
  #heading?: string;

  /** The last good outputs (what `publish` writes). */
  get outputs(): TriadOutputs | null {
    return this.#good ? JSON.parse(JSON.stringify(this.#good.outputs)) : null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    const a = v.a.id,
      b = v.b.id;
    const { model, precision, batch, sampleBytes } = v;
    const refBatch = v.referenceBatch;
    this.#heading = v.heading;
    if (['a', 'b', 'model', 'precision', 'batch', 'sample-bytes', 'reference-batch'].some((k) => this.invalid.has(k))) return;
    const activeId = v.active || a;
    let active: 0 | 1;
    const matches = (id: string, s: string) =>
      id === s ||
      tierOrDevice(s).device.id === id ||
      ((TIERS as readonly string[]).includes(id) && DEPLOYMENT_CONTEXTS[id as Tier].device === tierOrDevice(s).device.id);
    if (matches(activeId, a)) active = 0;
    else if (matches(activeId, b)) active = 1;
    else {
      this.markInvalid('active', activeId, `one of the two sides: ${a}, ${b}`);
      return;
    }
    this.markValid('active');
    try {
      this.#good = this.#compute(a, b, active, model, precision, batch, sampleBytes, refBatch ?? null);
    } catch (err) {
      // A combination the checks above cannot see (a model with no operation count, a device with no
      // unit for the precision): reported against `model` or `precision`, re-checked on the next update.
      const e = err as { argument?: string; message?: string };
      const onModel = MODEL_IDS.some((id) => (e.argument ?? '').startsWith(`${id}.`));
      this.markInvalid(
        onModel ? 'model' : 'precision',
        onModel ? model : `${precision} on ${a} / ${b}`,
        onModel ? `a model with a per-inference operation count (${String(e.message ?? err)})` : String(e.message ?? err),
      );
    }
  }

  #compute(
    a: string,
    b: string,
    active: 0 | 1,
    model: string,
    precision: Precision,
    batch: number,
    sampleBytes: number | undefined,
    refBatch: number | null,
  ): Good {
    const crossover = new Map<string, number | null>();
    const cross = (id: string) => {
      if (!crossover.has(id)) crossover.set(id, computeBoundBatch(tierOrDevice(id).device, model, precision, 4096, sampleBytes));
      return crossover.get(id)!;
    };
    const run = (id: string, n: number) =>
      side(id, workloadOnDevice(tierOrDevice(id).device, model, { precision, batch: n, sampleBytes }), cross(id));
    const sides: [TriadSide, TriadSide] = [run(a, batch), run(b, batch)];
    const me = sides[active],
      other = sides[1 - active];
    const reference = refBatch === null ? null : { [a]: run(a, refBatch), [b]: run(b, refBatch) };
    const outputs: TriadOutputs = {
      ...me,
      model,
      precision,
      batch,
      other,
      sides: { [a]: sides[0], [b]: sides[1] },
      reference,
      referenceBatch: refBatch,
    };
    const label = (s: TriadSide) => `${DEPLOYMENT_CONTEXTS[s.tier].label} (${s.deviceName})`;
    this.#ticks.names = ['Data D/BW', 'Compute O/R', 'Overhead L'];
    const g = groupedBars(
      3,
      sides.map((s) => ({ label: label(s), values: [s.data, s.compute, s.overhead], color: s.tier })),
      0.3,
    );
    const all = sides.flatMap((s) => [s.data, s.compute, s.overhead]).filter((v) => v > 0);
    const sentence = (s: TriadSide) => {
      const ratio = s.bound === 'memory' ? s.data / s.compute : s.compute / s.data;
      const what = `${label(s)} is ${s.bound}-bound (${s.bound === 'memory' ? 'D/BW' : 'O/R'} is ${formatValue(ratio, 'x')} the other term), ${formatSeconds(s.total)} in total`;
      return s.oom
        ? `${what}, but the batch does not fit: ${formatValue(s.footprint, 'B')} needed, ${formatValue(s.capacity, 'B')} available (${formatValue(s.oomRatio, 'x')}).`
        : `${what}.`;
    };
    const spec: ChartSpec = {
      label: 'Iron Law terms on both contexts, log scale',
      height: 260,
      x: { label: 'Term', min: 0.5, max: 3.5, tick: this.#ticks.tick, format: this.#ticks.label },
      y: {
        label: 'Latency',
        unit: 's',
        log: true,
        min: 10 ** (Math.floor(Math.log10(Math.min(...all))) - 1),
        max: 10 ** Math.ceil(Math.log10(Math.max(...all))),
        tick: (v) => formatSeconds(v),
        format: (v) => formatSeconds(v),
      },
      data: { x: g.x, series: g.series },
      summary: `${sentence(me)} ${sentence(other)}`,
    };
    const refSide = reference ? reference[me.id] : null;
    const refText =
      refSide && refBatch !== batch
        ? `At the question's batch of ${formatNumber(refBatch!)}, ${label(refSide)} is ${refSide.bound}-bound: D/BW is ${formatValue(refSide.dataToCompute, 'x')} O/R.`
        : '';
    return { sides, active, outputs, spec, modelName: getModel(model).name, refText };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#good && this.invalid.size === 0) this.publishOutputs(JSON.parse(JSON.stringify(this.#good.outputs)));
  }

  protected override render() {
    const g = this.#good;
    if (!g) return html`${this.renderInvalid()}`;
    const o = g.outputs;
    const cls = (i: number) => `${g.sides[i].tier}${i === g.active ? ' active' : ''}`;
    const cells = (f: (s: TriadSide) => unknown) => g.sides.map((s, i) => html`<td class=${i === g.active ? 'active' : ''}>${f(s)}</td>`);
    const binding = (s: TriadSide, which: 'memory' | 'compute') => (s.bound === which ? html`<span class="tag">BINDING</span>` : nothing);
    const title =
      this.#heading ?? `${g.modelName}, ${PRECISION_TEXT[o.precision]}, batch ${formatNumber(o.batch)}: data, algorithm, machine`;
    return html`${this.renderInvalid()}
      <p class="title">${title}</p>
      <table part="grid">
        <caption class="visually-hidden">${title}, side by side on two deployment contexts</caption>
        <thead><tr><th scope="col" class="corner">Triad</th>${g.sides.map(
          (s, i) => html`<th scope="col" class=${cls(i)} part="side">
          ${DEPLOYMENT_CONTEXTS[s.tier].label}: ${s.deviceName}${i === g.active ? html`<span class="you">YOUR CONTEXT</span>` : nothing}</th>`,
        )}</tr></thead>
        <tbody>
          <tr><th scope="row"><span class="letter" aria-hidden="true">D</span>Data moved<span class="sub">weights once + ${formatNumber(o.batch)} input${o.batch === 1 ? '' : 's'}</span></th>
            ${cells((s) => html`${formatValue(s.bytes, 'B')}<span class="sub">÷ ${formatValue(s.bandwidth, 'B/s')} = ${formatSeconds(s.data)}</span>${binding(s, 'memory')}`)}</tr>
          <tr><th scope="row"><span class="letter" aria-hidden="true">A</span>Operations<span class="sub">forward passes</span></th>
            ${cells((s) => html`${formatValue(s.ops, 'FLOP')}<span class="sub">÷ ${formatValue(s.peakFlops, 'FLOP/s')} ${PRECISION_TEXT[o.precision]} = ${formatSeconds(s.compute)}</span>${binding(s, 'compute')}`)}</tr>
          <tr><th scope="row"><span class="letter" aria-hidden="true">M</span>Machine<span class="sub">memory, power, fit</span></th>
            ${cells(
              (s) => html`${formatValue(s.capacity, 'B')} memory, ${formatValue(s.power, 'W')}
              <span class="sub">needs ${formatValue(s.footprint, 'B')} resident</span>
              ${
                s.oom
                  ? html`<span class="oom" part="verdict">✕ Out of memory: ${formatValue(s.oomRatio, 'x')} too big</span>`
                  : html`<span class="fits" part="verdict">✓ Fits (${formatValue(s.oomRatio, '%')} of memory)</span>`
              }`,
            )}</tr>
          <tr><th scope="row">Iron Law<span class="sub">T = D/BW + O/R + L</span></th>
            ${cells(
              (s) => html`<strong>${formatSeconds(s.total)}</strong>
              <span class="sub">L = ${formatSeconds(s.overhead)}; ${s.bound}-bound: intensity ${formatNumber(s.intensity)} vs ridge ${formatNumber(s.ridge)} FLOP/B</span>`,
            )}</tr>
        </tbody>
      </table>
      ${g.refText ? html`<p class="ref" part="reference">${g.refText}</p>` : nothing}
      ${this.#chart.render(g.spec)}`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsDamTriad extends InputProps<typeof INPUTS> {}

defineElement('mls-dam-triad', MlsDamTriad);

declare global {
  interface HTMLElementTagNameMap {
    'mls-dam-triad': MlsDamTriad;
  }
}
