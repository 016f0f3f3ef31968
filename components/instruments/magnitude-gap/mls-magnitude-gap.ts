import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../../src/base.js';
import { choice, choices, deviceOrContext, text, type InputProps } from '../../../src/inputs.js';
import { defineElement } from '../../../src/define.js';
import { baseStyles, monoNumbers } from '../../../src/theme.js';
import { formatValue } from '../../../src/format.js';
import { ChartController, chartStyles, CategoryTicks, type ChartSpec } from '../../../src/chart.js';
import { DEPLOYMENT_CONTEXTS, DEVICE_IDS, TIERS, type Device, type Tier } from '../../../physics/registry.js';
import {
  MAGNITUDE_METRICS,
  MAGNITUDE_PRECISIONS,
  magnitudeGap,
  tierFigures,
  type MagnitudeMetric,
  type MagnitudePrecision,
  type TierFigures,
} from '../../../physics/tiers.js';

/** What the magnitude gap publishes under `publish` (ratios are a ÷ b; SI units). */
export interface MagnitudeGapOutputs {
  a: string;
  b: string;
  /** The precision mode in force (`headline` or one format for all). */
  precision: MagnitudePrecision;
  /** The precisions a's and b's compute figures are at. */
  aPrecision: string;
  bPrecision: string;
  /** a ÷ b peak compute at `precision` (null when a chip has no unit for the format). */
  compute: number | null;
  bandwidth: number;
  memory: number;
  power: number;
  /** a ÷ b peak compute at each chip's headline precision, whatever `precision` is. */
  headlineCompute: number | null;
  /** log10 of the compute ratio at `precision`. */
  computeOrders: number | null;
}

const METRIC_INFO: Record<MagnitudeMetric, { title: string; unit: string; axis: string }> = {
  compute: { title: 'Peak compute', unit: 'FLOP/s', axis: 'Peak compute' },
  bandwidth: { title: 'Memory bandwidth', unit: 'B/s', axis: 'Bandwidth' },
  memory: { title: 'Memory capacity', unit: 'B', axis: 'Capacity' },
  power: { title: 'Power budget', unit: 'W', axis: 'Power' },
};

const INPUTS = {
  a: deviceOrContext({ default: 'cloud', doc: 'Numerator of the ratios: a tier (cloud, edge, mobile, tiny) or a device id.' }),
  b: deviceOrContext({ default: 'tiny', doc: 'Denominator of the ratios: a tier or a device id.' }),
  columns: choices([...TIERS, ...DEVICE_IDS], {
    default: ['tiny', 'mobile', 'edge', 'cloud'],
    doc: 'Space-separated columns to plot (tiers or device ids).',
  }),
  metrics: choices(MAGNITUDE_METRICS, {
    default: MAGNITUDE_METRICS,
    doc: 'Space-separated metrics: any of `compute bandwidth memory power`.',
  }),
  precision: choice(MAGNITUDE_PRECISIONS, {
    default: 'headline',
    doc: '`headline` (each chip at its quoted precision, labelled) or one of `fp32`, `fp16`, `int8` for all.',
  }),
  highlight: text({ refs: true, doc: 'The column to highlight: a tier/context id (e.g. `$context`) or a device id.' }),
  heading: text({ default: 'How far apart are the deployment tiers?', doc: 'Heading above the charts.' }),
};

/** "NVIDIA H100 SXM5" → "H100 SXM5"; "Arm Cortex-M7 MCU (STM32H7 class)" → "Cortex-M7 MCU". */
function shortName(d: Device): string {
  return d.name.replace(/^(NVIDIA|AMD|Google|Arm|Espressif) /, '').replace(/\s*\(.*\)\s*$/, '');
}

const isTier = (f: TierFigures) => (TIERS as readonly string[]).includes(f.id);

/** Column label: the context's label for a tier id, the device's short name otherwise. */
function columnLabel(f: TierFigures): string {
  return isTier(f) ? DEPLOYMENT_CONTEXTS[f.id as Tier].label : shortName(f.device);
}

/** "Cloud (H100 SXM5)" for a tier, "A100 SXM 80GB" for a device. */
function fullLabel(f: TierFigures): string {
  return isTier(f) ? `${columnLabel(f)} (${shortName(f.device)})` : shortName(f.device);
}

/** How many orders of magnitude a ratio spans, and the band it falls in (text, never colour alone). */
function band(ratio: number): { cls: string; text: string } {
  const orders = Math.round(Math.log10(ratio) * 10) / 10; // banded as displayed (one decimal)
  if (orders >= 6) return { cls: 'huge', text: '▲▲▲ six or more orders' };
  if (orders >= 4) return { cls: 'large', text: '▲▲ four to six orders' };
  if (orders >= 1) return { cls: 'small', text: '▲ one to four orders' };
  return { cls: 'small', text: '△ within one order' };
}

const PRECISION_TEXT: Record<string, string> = {
  fp32: 'FP32',
  fp16: 'FP16',
  int8: 'INT8',
  tf32: 'TF32',
  bf16: 'BF16',
  fp8: 'FP8',
  int4: 'INT4',
};

interface Good {
  columns: TierFigures[];
  a: TierFigures;
  b: TierFigures;
  metrics: MagnitudeMetric[];
  precision: MagnitudePrecision;
  highlight: number;
  outputs: MagnitudeGapOutputs;
  specs: ChartSpec[];
  summary: string;
}

/**
 * The deployment tiers side by side on log axes: peak compute, memory bandwidth, memory
 * capacity and power, one small bar chart each, with the ratio between two chosen tiers
 * (`a` ÷ `b`) in a table below. Every compute bar names its number format: by default each
 * chip is shown at the precision its headline figure is quoted in (datacenter GPUs FP16
 * tensor, edge and phone NPUs INT8, microcontrollers FP32), which the element says mixes
 * formats; `precision="fp32"` (or fp16, int8) puts every chip on one format. The column of the
 * active context (`highlight="$context"`) is drawn in its context colour and marked "(active)".
 *
 * @summary Log-scale comparison of the deployment tiers with the ratio between two of them.
 *
 * @fires mls-invalid - An unknown tier/device id, precision or metric; the last good view stays.
 *
 * @csspart panels - The grid of charts.
 * @csspart panel - One metric's chart.
 * @csspart note - The precision note.
 * @csspart active - The line naming the highlighted (active) column.
 * @csspart ratios - The ratio table.
 * @csspart headline - The sentence with the key ratio (a live region).
 * @csspart chart - Each chart's figure (plot, table, summary).
 * @csspart error - The inline role="alert" message for rejected attributes.
 *
 * @cssprop --mls-color-cloud - Highlighted cloud column (also edge, mobile, tiny).
 * @cssprop --mls-color-grey - Columns that are not highlighted.
 * @cssprop --mls-color-red - Ratio band of six or more orders.
 * @cssprop --mls-color-orange - Ratio band of four to six orders.
 * @cssprop --mls-color-blue - Ratio band under four orders.
 */
export class MlsMagnitudeGap extends MlsElement {
  static override styles = [
    baseStyles,
    chartStyles,
    css`
    :host { display: block; }
    .title { margin: 0 0 var(--mls-space-1); font-weight: 700; font-size: 1rem; }
    .note { margin: 0 0 var(--mls-space-2); font-size: 0.9rem; color: var(--mls-color-text-2); }
    .note.mixed { border-left: 4px solid var(--mls-color-orange); padding-left: var(--mls-space-2); }
    .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 400px), 1fr)); gap: var(--mls-space-3); }
    .panel { border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md); padding: var(--mls-space-2) var(--mls-space-3); background: var(--mls-color-surface); min-width: 0; }
    .panel h4 { margin: 0; font-size: 0.9rem; }
    .panel .summary { font-size: 0.85rem; }
    table.ratios { border-collapse: collapse; width: 100%; margin-top: var(--mls-space-3); font-size: 0.9rem; }
    .ratios caption { text-align: left; font-weight: 700; padding-bottom: var(--mls-space-1); }
    .ratios th, .ratios td { border-bottom: 1px solid var(--mls-color-border); padding: var(--mls-space-1) var(--mls-space-2); text-align: right; }
    .ratios th:first-child, .ratios td:first-child { text-align: left; }
    .ratios td { ${monoNumbers} }
    .badge { display: inline-block; font-weight: 700; font-size: 0.8rem; padding: 0 6px; border-radius: 10px; border: 1px solid currentColor; white-space: nowrap; }
    .badge.huge { color: var(--mls-color-red); }
    .badge.large { color: var(--mls-color-orange); }
    .badge.small { color: var(--mls-color-blue); }
    .active-line { margin: var(--mls-space-2) 0 0; font-size: 0.9rem; }
    .summary-line { margin: var(--mls-space-2) 0 0; font-weight: 600; }
    @media (forced-colors: active) { .badge { color: CanvasText; } }
  `,
  ];

  static override inputs = INPUTS;

  #charts: ChartController[] = [];
  #ticks: CategoryTicks[] = [];
  #good: Good | null = null;
  #heading = '';

  /** The last good outputs (what `publish` writes). */
  get outputs(): MagnitudeGapOutputs | null {
    return this.#good ? { ...this.#good.outputs } : null;
  }

  #chart(i: number): ChartController {
    while (this.#charts.length <= i) this.#charts.push(new ChartController(this));
    return this.#charts[i];
  }

  #tickNames(i: number): CategoryTicks {
    while (this.#ticks.length <= i) this.#ticks.push(new CategoryTicks());
    return this.#ticks[i];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    const a = v.a.id,
      b = v.b.id;
    const { columns, metrics, precision } = v;
    const highlight = v.highlight ?? '';
    this.#heading = v.heading;
    if (['a', 'b', 'columns', 'metrics', 'precision'].some((k) => this.invalid.has(k))) return; // keep the last good view
    try {
      this.#good = this.#compute(a, b, columns, metrics, precision, highlight);
    } catch (err) {
      // Not expected (ids are checked above and a missing compute unit shows as "n/a"), but never thrown out.
      const e = err as { message?: string };
      this.markInvalid('columns', columns.join(' '), String(e.message ?? err));
    }
  }

  #compute(a: string, b: string, columnIds: string[], metrics: MagnitudeMetric[], precision: MagnitudePrecision, highlight: string): Good {
    const columns = columnIds.map((id) => tierFigures(id, precision));
    const gap = magnitudeGap(a, b, precision);
    const headline = magnitudeGap(a, b, 'headline');
    // Highlight: an exact id match first, else the first column of that tier.
    let hi = columns.findIndex((c) => c.id === highlight || c.device.id === highlight);
    if (hi < 0) hi = columns.findIndex((c) => c.tier === highlight);
    const mixed = precision === 'headline' && new Set(columns.map((c) => c.precision)).size > 1;
    const specs = metrics.map((m, i) => this.#spec(m, columns, hi, mixed, this.#tickNames(i)));
    const aName = fullLabel(gap.a),
      bName = fullLabel(gap.b);
    const rc = gap.ratios.compute;
    const precText =
      gap.a.precision === gap.b.precision
        ? `both ${PRECISION_TEXT[gap.a.precision]}`
        : `${PRECISION_TEXT[gap.a.precision]} vs ${PRECISION_TEXT[gap.b.precision]}`;
    const summary =
      rc === null
        ? `${bName} has no ${PRECISION_TEXT[gap.b.precision]} compute unit, so the compute ratio is undefined at this precision.`
        : `${aName} has ${formatValue(rc, 'x')} the peak compute of ${bName} (${precText}): ` +
          `${Math.log10(rc).toFixed(1)} orders of magnitude.`;
    const outputs: MagnitudeGapOutputs = {
      a,
      b,
      precision,
      aPrecision: gap.a.precision,
      bPrecision: gap.b.precision,
      compute: rc,
      bandwidth: gap.ratios.bandwidth!,
      memory: gap.ratios.memory!,
      power: gap.ratios.power!,
      headlineCompute: headline.ratios.compute,
      computeOrders: rc === null ? null : Math.log10(rc),
    };
    return { columns, a: gap.a, b: gap.b, metrics, precision, highlight: hi, outputs, specs, summary };
  }

  #spec(metric: MagnitudeMetric, columns: TierFigures[], hi: number, mixed: boolean, ticks: CategoryTicks): ChartSpec {
    const info = METRIC_INFO[metric];
    const values = columns.map((c) => c[metric] as number | null);
    const xs = columns.map((_, i) => i + 1);
    const positive = values.filter((v): v is number => v !== null && v > 0);
    const lo = 10 ** (Math.floor(Math.log10(Math.min(...positive))) - 1);
    const top = 10 ** Math.ceil(Math.log10(Math.max(...positive)) + 0.35);
    ticks.names = columns.map((c) => `${columnLabel(c)}${metric === 'compute' ? ` ${PRECISION_TEXT[c.precision]}` : ''}`);
    const { tick, label } = ticks;
    const color = (i: number) => (i === hi ? columns[i].tier : 'grey');
    const tiers = [...new Set(columns.map((c) => c.tier))];
    const fmt = (v: number) => formatValue(v, info.unit);
    const labelled = columns
      .map((c, i) => ({ c, i, v: values[i] }))
      .filter((p): p is { c: TierFigures; i: number; v: number } => p.v !== null && p.v > 0);
    const biggest = labelled.reduce((m, p) => (p.v > m.v ? p : m), labelled[0]);
    const smallest = labelled.reduce((m, p) => (p.v < m.v ? p : m), labelled[0]);
    const span = Math.log10(biggest.v / smallest.v);
    return {
      label: `${info.title} by tier${metric === 'compute' && mixed ? ' (mixed precisions, labelled)' : ''}, log scale`,
      height: 230,
      legend: false,
      x: { label: columns.every(isTier) ? 'Tier' : 'Device', min: 0.5, max: columns.length + 0.5, tick, format: label },
      y: { label: info.axis, unit: info.unit, log: true, min: lo, max: top, format: fmt },
      data: {
        x: xs,
        series: [
          { label: info.title, y: values, tableOnly: true },
          { label: 'Other tiers', y: values.map((v, i) => (i === hi ? null : v)), kind: 'bars', color: 'grey', hideInTable: true },
          // One coloured series per tier, empty unless it holds the active column: moving the
          // highlight changes only data, so the plot is updated in place, not re-created.
          ...tiers.map((tier) => ({
            label: `Active context (${tier})`,
            y: values.map((v, i) => (i === hi && columns[i].tier === tier ? v : null)),
            kind: 'bars' as const,
            color: tier,
            hideInTable: true,
          })),
        ],
      },
      // Value labels centred over the bars; the chart base moves or drops those that would collide.
      points: labelled.map((p) => ({ x: p.i + 1, y: p.v, label: fmt(p.v), radius: 0, labelAt: 'above' as const, color: color(p.i) })),
      summary: `${columnLabel(biggest.c)} ${fmt(biggest.v)} to ${columnLabel(smallest.c)} ${fmt(smallest.v)}: ${span.toFixed(1)} orders of magnitude.`,
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#good && this.invalid.size === 0) this.publishOutputs({ ...this.#good.outputs });
  }

  #ratioRow(metric: MagnitudeMetric, g: Good) {
    const info = METRIC_INFO[metric];
    const va = g.a[metric] as number | null,
      vb = g.b[metric] as number | null;
    const r = va !== null && vb !== null && vb > 0 ? va / vb : null;
    const prec = (f: TierFigures) => (metric === 'compute' ? ` ${PRECISION_TEXT[f.precision]}` : '');
    const b = r !== null && r > 0 ? band(r) : null;
    return html`<tr>
      <th scope="row">${info.title}</th>
      <td>${va === null ? 'n/a' : formatValue(va, info.unit)}${prec(g.a)}</td>
      <td>${vb === null ? 'n/a' : formatValue(vb, info.unit)}${prec(g.b)}</td>
      <td>${r === null ? 'n/a' : formatValue(r, 'x')}</td>
      <td>${r === null || r <= 0 ? 'n/a' : html`${Math.log10(r).toFixed(1)} <span class="badge ${b!.cls}">${b!.text}</span>`}</td>
    </tr>`;
  }

  protected override render() {
    const g = this.#good;
    if (!g) return html`${this.renderInvalid()}`;
    const mixed = g.precision === 'headline' && new Set(g.columns.map((c) => c.precision)).size > 1;
    const aName = fullLabel(g.a),
      bName = fullLabel(g.b);
    return html`${this.renderInvalid()}
      <p class="title">${this.#heading}</p>
      ${
        g.metrics.includes('compute')
          ? html`<p class="note ${mixed ? 'mixed' : ''}" part="note">${
              mixed
                ? html`⚠ Compute bars mix number formats: each chip is shown at the precision its headline figure is quoted in (${g.columns.map((c) => `${columnLabel(c)} ${PRECISION_TEXT[c.precision]}`).join(', ')}). Pick one precision for a like-for-like comparison.`
                : html`Every compute bar is at ${g.precision === 'headline' ? PRECISION_TEXT[g.columns[0]?.precision ?? 'fp16'] : PRECISION_TEXT[g.precision]}.`
            }</p>`
          : nothing
      }
      <div class="panels" part="panels">
        ${g.specs.map(
          (spec, i) => html`<section class="panel" part="panel" aria-label=${METRIC_INFO[g.metrics[i]].title}>
          <h4>${METRIC_INFO[g.metrics[i]].title}</h4>
          ${this.#chart(i).render(spec)}
        </section>`,
        )}
      </div>
      ${g.highlight >= 0 ? html`<p class="active-line" part="active">Drawn in colour: your context, ${fullLabel(g.columns[g.highlight])}. The other tiers are grey.</p>` : nothing}
      <table class="ratios" part="ratios">
        <caption>${aName} ÷ ${bName}</caption>
        <thead><tr><th scope="col">Metric</th><th scope="col">${aName}</th><th scope="col">${bName}</th><th scope="col">Ratio</th><th scope="col">Orders of magnitude</th></tr></thead>
        <tbody>${g.metrics.map((m) => this.#ratioRow(m, g))}</tbody>
      </table>
      <p class="summary-line" part="headline" aria-live="polite">${g.summary}</p>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsMagnitudeGap extends InputProps<typeof INPUTS> {}

defineElement('mls-magnitude-gap', MlsMagnitudeGap);

declare global {
  interface HTMLElementTagNameMap {
    'mls-magnitude-gap': MlsMagnitudeGap;
  }
}
