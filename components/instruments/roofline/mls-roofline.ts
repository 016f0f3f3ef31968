import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../../src/base.js';
import { choice, deviceOrContext, num, text, type InputProps, type InputValues } from '../../../src/inputs.js';
import { defineElement } from '../../../src/define.js';
import { baseStyles } from '../../../src/theme.js';
import { formatNumber, formatSI } from '../../../src/format.js';
import { ChartController, chartStyles, type ChartSpec } from '../../../src/chart.js';
// The physics API (also re-exported by physics/index.ts); imported per module to keep this element's chunk small.
import type { Device } from '../../../physics/registry.js';
import { roofline, rooflineCurve, type Bound } from '../../../physics/roofline.js';
import { gemm } from '../../../physics/compute.js';
import { PRECISIONS, type Precision } from '../../../physics/units.js';

const KERNELS = ['gemm'] as const;

/** What the roofline publishes under `publish` (SI units). */
export interface RooflineOutputs {
  device: string;
  precision: Precision;
  /** Ridge point peak / bandwidth, FLOP/B. */
  ridge: number;
  /** Dense peak at the precision, FLOP/s. */
  peakFlops: number;
  /** Memory bandwidth, B/s. */
  bandwidth: number;
  /** The operating point's arithmetic intensity, FLOP/B (null without an operating point). */
  intensity: number | null;
  /** min(peak, bandwidth × intensity), FLOP/s. */
  attainableFlops: number | null;
  bound: Bound | null;
  /** attainable / peak (0..1): the best utilisation this intensity allows. */
  fractionOfPeak: number | null;
  /** Same as fractionOfPeak: the roofline's upper bound on MFU. */
  mfu: number | null;
  /** True when the operating point is left of the ridge (drives `mls-failure when="$x.memoryBound"`). */
  memoryBound: boolean;
}

interface Good {
  spec: ChartSpec;
  outputs: RooflineOutputs;
  title: string;
  bound: Bound | null;
}

const INPUTS = {
  device: deviceOrContext({
    default: 'h100',
    doc: 'Device id from the physics registry (h100, a100, jetson-orin-nx, …) or a deployment context (cloud, edge, mobile, tiny → its reference device).',
  }),
  precision: choice(PRECISIONS, { default: 'fp16', doc: 'Numeric precision.' }),
  intensity: num({ gt: 0, unit: 'FLOP/B', doc: 'Arithmetic intensity of the operating point, FLOP/B. Takes precedence over `kernel`.' }),
  kernel: choice(KERNELS, {
    doc: "Kernel whose intensity gives the operating point: `gemm` (an m×k by k×n GEMM in the precision's bytes).",
  }),
  n: num({ min: 1, integer: true, default: 512, doc: 'GEMM size n; `m` and `k` default to `n`.' }),
  m: num({ min: 1, integer: true, doc: 'GEMM rows m (defaults to n).' }),
  k: num({ min: 1, integer: true, doc: 'GEMM inner dimension k (defaults to n).' }),
  label: text({ doc: 'Name of the operating point in the legend and table (default: the kernel, e.g. "GEMM 512³").' }),
};

const PREFIX: Array<[number, string]> = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
];

/** The display unit for a peak: TFLOP/s for a datacentre GPU, GFLOP/s for an MCU. */
function rateUnit(peak: number): { scale: number; unit: string } {
  const [scale, p] = PREFIX.find(([s]) => peak >= s) ?? PREFIX[PREFIX.length - 1];
  return { scale, unit: `${p}FLOP/s` };
}

const pct = (f: number) => `${formatNumber(f * 100, f >= 0.995 ? 3 : 2)}%`;

/**
 * A log-log roofline for one device and precision: the memory slope (bandwidth × intensity),
 * the compute ceiling (dense peak), the ridge point between them, and an optional operating
 * point given as an arithmetic intensity or as a kernel (an n×n×n GEMM). A sentence under the
 * chart says which roof binds, with the numbers, and the text twin lists the plotted data.
 * Works standalone from literal attributes; inside `<mls-lab>` every attribute may be a
 * `$name` reference. With `publish="roof"` it writes its outputs to the lab scope (SI units):
 * `{ device, precision, ridge, peakFlops, bandwidth, intensity, attainableFlops, bound,
 * fractionOfPeak, mfu, memoryBound }`, so `$roof.bound` or `mls-failure when="$roof.memoryBound"` work.
 *
 * @tag mls-roofline
 * @summary Roofline chart (memory slope, compute ceiling, ridge, operating point) with its bound in words.
 *
 * @fires mls-invalid - An attribute was rejected (unknown device, bad precision, NaN intensity …); the last good chart stays.
 *
 * @csspart title - The chart title (device and precision).
 * @csspart chart - The figure around plot, legend, table and summary.
 * @csspart plot - The uPlot container.
 * @csspart legend - The series legend.
 * @csspart table - The visually hidden data tables (text twin).
 * @csspart summary - The aria-live sentence naming the bound.
 * @csspart error - The inline role="alert" message for rejected attributes.
 *
 * @cssprop --mls-color-orange - Memory roof, memory-bound zone and point.
 * @cssprop --mls-color-green - Compute roof, compute-bound zone and point.
 * @cssprop --mls-color-grey - Ridge line.
 * @cssprop --mls-color-border - Grid lines.
 * @cssprop --mls-color-text-2 - Axis labels.
 */
export class MlsRoofline extends MlsElement {
  static override styles = [
    baseStyles,
    chartStyles,
    css`
    :host { display: block; }
    .title { margin: 0 0 var(--mls-space-1); font-weight: 700; font-size: 1rem; color: var(--mls-color-text); }
  `,
  ];

  static override inputs = INPUTS;

  #chart = new ChartController(this);
  #good: Good | null = null;

  /** The outputs of the last good state (what `publish` writes). */
  get outputs(): RooflineOutputs | null {
    return this.#good ? { ...this.#good.outputs } : null;
  }

  /** The operating point's intensity and label; null when there is none; undefined when invalid. */
  #readOperatingPoint(v: InputValues<typeof INPUTS>, precision: Precision): { intensity: number; label: string } | null | undefined {
    const label = v.label;
    const intensity = v.intensity;
    if (this.invalid.has('intensity')) return undefined;
    if (intensity !== undefined) {
      for (const ignored of ['kernel', 'n', 'm', 'k']) this.markValid(ignored); // intensity wins over kernel
      return { intensity, label: label || 'Operating point' };
    }
    const kernel = v.kernel;
    if (this.invalid.has('kernel')) return undefined;
    if (kernel === undefined) return null;
    const N = v.n,
      m = v.m,
      k = v.k;
    if (this.invalid.has('n') || this.invalid.has('m') || this.invalid.has('k')) return undefined;
    const M = m ?? N,
      K = k ?? N;
    const op = gemm(M, N, K, precision);
    const shape = M === N && N === K ? `${formatNumber(N, 6)}³` : `${formatNumber(M, 6)}×${formatNumber(N, 6)}×${formatNumber(K, 6)}`;
    return { intensity: op.intensity, label: label || `GEMM ${shape}` };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    const device = v.device.device;
    const precision = v.precision;
    const op = this.invalid.has('precision') ? undefined : this.#readOperatingPoint(v, precision);
    if (this.invalid.has('device') || op === undefined) return; // keep the last good state
    try {
      this.#good = this.#compute(device, precision, op);
    } catch (err) {
      // A physics rejection the checks above did not anticipate: show it, keep the last good chart.
      const e = err as { argument?: string; received?: unknown; accepted?: string; message?: string };
      this.markInvalid(e.argument ?? 'device', e.received ?? v.device.id, e.accepted ?? String(e.message ?? err));
    }
  }

  #compute(device: Device, precision: Precision, op: { intensity: number; label: string } | null): Good {
    const at = op ? roofline(device, op.intensity, precision) : null;
    const lo = Math.min(0.1, op ? 10 ** Math.floor(Math.log10(op.intensity / 2)) : 0.1);
    const hi = Math.max(1e4, op ? 10 ** Math.ceil(Math.log10(op.intensity * 2)) : 1e4);
    const curve = rooflineCurve(device, { precision, minIntensity: lo, maxIntensity: hi, points: 300 });
    const { ridge, peakFlops, bandwidth } = curve;
    const { scale, unit } = rateUnit(peakFlops);
    const ys = curve.attainableFlops.map((f) => f / scale);
    const xs = curve.intensity;
    const memory = xs.map((x, i) => (x <= ridge ? ys[i] : null));
    const compute = xs.map((x, i) => (x >= ridge ? ys[i] : null));
    const title = `Roofline — ${device.name} (${precision})`;
    const ridgeText = `${formatNumber(ridge)} FLOP/B`;
    const bound: Bound | null = at?.bound ?? null;
    const rate = (f: number) => formatSI(f, 'FLOP/s');
    let summary: string;
    if (op && at) {
      const where = at.bound === 'memory' ? 'below' : op.intensity === ridge ? 'at' : 'above';
      summary =
        `${at.bound === 'memory' ? 'Memory-bound' : 'Compute-bound'}: ${formatNumber(op.intensity)} FLOP/B is ${where} the ridge at ${ridgeText}; ` +
        `attainable ${rate(at.attainableFlops)} = ${pct(at.fractionOfPeak)} of peak.`;
    } else {
      summary = `Ridge at ${ridgeText}: peak ${rate(peakFlops)} ÷ bandwidth ${formatSI(bandwidth, 'B/s')}. Kernels below the ridge are memory-bound, above it compute-bound.`;
    }
    const spec: ChartSpec = {
      label: title,
      height: 360,
      x: { label: 'Arithmetic intensity', unit: 'FLOP/B', log: true, min: xs[0], max: xs[xs.length - 1] },
      y: { label: 'Attainable', unit, log: true, min: 10 ** Math.floor(Math.log10(ys[0])), max: (peakFlops / scale) * 3 },
      data: {
        x: xs,
        series: [
          { label: 'Memory roof (bandwidth × intensity)', y: memory, color: 'orange', width: 3, hideInTable: true },
          { label: 'Compute roof (peak)', y: compute, color: 'green', width: 3, hideInTable: true },
          { label: 'Attainable', y: ys, tableOnly: true },
        ],
      },
      regions: [
        { axis: 'x', from: xs[0], to: ridge, color: 'orange', label: 'Memory-bound' },
        { axis: 'x', from: ridge, to: xs[xs.length - 1], color: 'green', label: 'Compute-bound' },
      ],
      markers: [{ axis: 'x', value: ridge, label: `Ridge: ${ridgeText}`, color: 'grey', labelAt: 'middle' }],
      points:
        op && at
          ? [
              {
                x: op.intensity,
                y: at.attainableFlops / scale,
                drop: true,
                radius: 7,
                color: at.bound === 'memory' ? 'orange' : 'green',
                label: `${op.label}: ${rate(at.attainableFlops)} (${pct(at.fractionOfPeak)} of peak)`,
              },
            ]
          : [],
      summary,
    };
    const outputs: RooflineOutputs = {
      device: device.id,
      precision,
      ridge,
      peakFlops,
      bandwidth,
      intensity: op?.intensity ?? null,
      attainableFlops: at?.attainableFlops ?? null,
      bound,
      fractionOfPeak: at?.fractionOfPeak ?? null,
      mfu: at?.fractionOfPeak ?? null,
      memoryBound: bound === 'memory',
    };
    return { spec, outputs, title, bound };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#good && this.invalid.size === 0) this.publishOutputs({ ...this.#good.outputs });
  }

  protected override render() {
    const good = this.#good;
    return html`${this.renderInvalid()}
      ${good ? html`<p class="title" part="title">${good.title}</p>` : nothing}
      ${this.#chart.render(good?.spec ?? null)}`;
  }
}

/** The raw input properties (`el.n = 512`, `el.device = '$device'`), typed from the schema. */
export interface MlsRoofline extends InputProps<typeof INPUTS> {}

defineElement('mls-roofline', MlsRoofline);

declare global {
  interface HTMLElementTagNameMap {
    'mls-roofline': MlsRoofline;
  }
}
