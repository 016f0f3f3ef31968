import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../../../src/define.js';
import { formatValue } from '../../../src/format.js';
import { CategoryTicks, groupedBars, stackedBars, unitAxis, type ChartSpec, type MarkerSpec, type PointSpec } from '../../../src/chart.js';
import { DataChartElement, ChartDataError, read, SERIES_COLORS } from '../../../src/chart/data-element.js';

/**
 * What `<mls-bar-chart data="…">` plots: categories × series. Values in SI units; `yUnit` is a
 * unit string src/format.ts knows (`s`, `B`, `FLOP/s`, `W`, `%` as a fraction …) for ticks,
 * value labels and the text twin, or any other unit shown in the axis title.
 */
export interface BarChartData {
  /** Heading above the chart, also its accessible name. */
  title?: string;
  /** Category names along x (1 … 24). */
  categories: string[];
  /** One to eight series, each with one value per category (null: no bar). */
  series: Array<{ label: string; values: Array<number | null>; color?: string }>;
  /** Title of the category axis (default "Category"). */
  xLabel?: string;
  yLabel: string;
  yUnit?: string;
  /** Log y axis (values > 0). */
  yLog?: boolean;
  yMin?: number;
  yMax?: number;
  /** Horizontal threshold lines, e.g. a budget. */
  thresholds?: Array<{ value: number; label: string; color?: string }>;
  /** Label each bar (grouped) or each stack's total (stacked) with its value (default true). */
  valueLabels?: boolean;
  /** The summary sentence, unless the `summary` attribute gives one. */
  summary?: string;
}

const MODES = ['grouped', 'stacked'] as const;
type Mode = (typeof MODES)[number];

/**
 * A general bar chart for data a lab computes itself: categories × series, side by side
 * (`mode="grouped"`, the default) or stacked (`mode="stacked"`, segments bottom to top in
 * series order, the total on top), with optional threshold lines and value labels placed so
 * they never collide (a label with no room is left to the text twin). In forced-colors mode the
 * series are hatched differently; the text twin is a table of categories × series.
 *
 * @summary Grouped or stacked bar chart of published or literal data, with thresholds and its text twin.
 *
 * @attribute data - `$name.path`, a JSON `BarChartData` object, or absent to read a `<script type="application/json">` child.
 * @attribute mode - `grouped` (default) or `stacked`.
 * @attribute summary - The sentence for the live region (default: written from the data).
 * @attribute height - Plot height in CSS px (120 … 1000, default 300).
 *
 * @fires mls-invalid - `data` does not have the `BarChartData` shape, or `mode` is unknown; the last good chart stays.
 *
 * @csspart title - The heading (from `data.title`).
 * @csspart chart - The figure: plot, legend, text twin and summary.
 * @csspart plot - The uPlot container (its `data-labels` attribute holds the label placement).
 * @csspart legend - The series names.
 * @csspart summary - The summary sentence (an aria-live region).
 * @csspart error - The inline role="alert" message for bad data.
 *
 * @cssprop --mls-color-blue - First series (then orange, green, red, cloud, grey).
 * @cssprop --mls-color-red - Threshold lines.
 *
 * @slot - A `<script type="application/json">` holding the data when there is no `data` attribute.
 */
export class MlsBarChart extends DataChartElement {
  /** `grouped` (bars side by side) or `stacked`. */
  @property() mode = 'grouped';

  protected readonly shape =
    '{ categories: string[], series: [{ label, values: number[] }], yLabel, yUnit?, xLabel?, yLog?, thresholds?, valueLabels? }';

  #ticks = new CategoryTicks();
  #mode: Mode = 'grouped';

  protected override willUpdate(changed: PropertyValues): void {
    // The mode first: toSpec (called by the base) reads it.
    this.#mode = this.readChoice('mode', this.mode, MODES) ?? (this.invalid.has('mode') ? this.#mode : 'grouped');
    super.willUpdate(changed);
  }

  protected toSpec(d: Record<string, unknown>): ChartSpec {
    const yLog = read.optBool(d.yLog, 'yLog') ?? false;
    const categories = read.arr(d.categories, 'categories', 1, 24).map((c, i) => read.str(c, `categories[${i}]`, 60));
    const n = categories.length;
    const series = read.arr(d.series, 'series', 1, 8).map((raw, i) => {
      const s = read.obj(raw, `series[${i}]`);
      const values = read.nums(s.values, `series[${i}].values`, { nullable: true, positive: yLog });
      if (values.length !== n) throw new ChartDataError(`series[${i}].values`, `has ${values.length} values for ${n} categories`, values);
      if (this.#mode === 'stacked' && values.some((v) => v !== null && v < 0))
        throw new ChartDataError(`series[${i}].values`, 'must be ≥ 0 to stack', values);
      return {
        label: read.str(s.label, `series[${i}].label`, 80),
        values,
        color: read.optColor(s.color, `series[${i}].color`) ?? SERIES_COLORS[i % SERIES_COLORS.length],
      };
    });
    const yLabel = read.str(d.yLabel, 'yLabel');
    const yUnit = read.optStr(d.yUnit, 'yUnit', 16) ?? '';
    const xLabel = read.optStr(d.xLabel, 'xLabel') ?? 'Category';
    const thresholds: MarkerSpec[] = read.arr(d.thresholds ?? [], 'thresholds', 0, 10).map((raw, i) => {
      const t = read.obj(raw, `thresholds[${i}]`);
      return {
        axis: 'y',
        value: read.num(t.value, `thresholds[${i}].value`, yLog),
        label: read.str(t.label, `thresholds[${i}].label`, 80),
        color: read.optColor(t.color, `thresholds[${i}].color`) ?? 'red',
      };
    });
    const valueLabels = read.optBool(d.valueLabels, 'valueLabels') ?? true;
    const fy = (v: number) => formatValue(v, yUnit);
    this.#ticks.names = categories;
    const m = series.length;
    let x: number[], drawn: ChartSpec['data']['series'];
    let points: PointSpec[] = [];
    let tops: number[];
    if (this.#mode === 'stacked') {
      const st = stackedBars(series, { totalLabel: valueLabels ? fy : undefined });
      ({ x, points } = st);
      drawn = st.series;
      tops = categories.map((_, i) => series.reduce((s, se) => s + (se.values[i] ?? 0), 0));
    } else {
      const width = Math.min(0.28, 0.8 / m);
      const g = groupedBars(n, series, width);
      x = g.x;
      drawn = g.series;
      if (valueLabels) {
        series.forEach((se, s) =>
          se.values.forEach((v, c) => {
            if (v !== null)
              points.push({ x: c + 1 + (s - (m - 1) / 2) * width, y: v, label: fy(v), radius: 0, labelAt: 'above', color: 'text' });
          }),
        );
      }
      tops = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    }
    const all = [...tops, ...thresholds.map((t) => t.value)].filter((v) => Number.isFinite(v) && (!yLog || v > 0));
    const hi = all.length ? Math.max(...all) : 1,
      lo = all.length ? Math.min(...all) : 0;
    // Room above the tallest bar for its label.
    const y = yLog
      ? unitAxis(yLabel, yUnit, {
          log: true,
          min: read.optNum(d.yMin, 'yMin', true) ?? 10 ** Math.floor(Math.log10(lo)),
          max: read.optNum(d.yMax, 'yMax', true) ?? 10 ** (Math.log10(hi) + 0.15 * Math.max(1, Math.log10(hi / lo))),
        })
      : unitAxis(yLabel, yUnit, {
          min: read.optNum(d.yMin, 'yMin') ?? Math.min(0, lo * 1.1),
          max: read.optNum(d.yMax, 'yMax') ?? (hi > 0 ? hi * 1.15 : 1),
        });
    const title = read.optStr(d.title, 'title') ?? `${yLabel} by ${xLabel.toLowerCase()}`;
    const head = [
      xLabel,
      ...series.map((s) => (yUnit ? `${s.label} (${yUnit})` : s.label)),
      ...(this.#mode === 'stacked' ? [yUnit ? `Total (${yUnit})` : 'Total'] : []),
    ];
    const cell = (v: number | null) => (v === null ? '—' : fy(v));
    return {
      label: title,
      legend: m > 1,
      x: { label: xLabel, min: 0.5, max: n + 0.5, tick: this.#ticks.tick, format: this.#ticks.label },
      y,
      data: { x, series: drawn },
      markers: thresholds,
      points,
      table: {
        caption: `${title}: values`,
        head,
        length: n,
        row: (i) => [categories[i], ...series.map((s) => cell(s.values[i])), ...(this.#mode === 'stacked' ? [fy(tops[i])] : [])],
      },
      summary: read.optStr(d.summary, 'summary', 400) ?? this.#summary(categories, series, tops, fy),
    };
  }

  #summary(
    categories: string[],
    series: Array<{ label: string; values: Array<number | null> }>,
    tops: number[],
    fy: (v: number) => string,
  ): string {
    if (this.#mode === 'stacked') {
      const i = tops.indexOf(Math.max(...tops)),
        j = tops.indexOf(Math.min(...tops));
      return `Largest total: ${categories[i]}, ${fy(tops[i])}; smallest: ${categories[j]}, ${fy(tops[j])}.`;
    }
    const cells = series
      .flatMap((s) => s.values.map((v, c) => ({ v, c, s: s.label })))
      .filter((p): p is { v: number; c: number; s: string } => p.v !== null);
    if (!cells.length) return 'No values.';
    const big = cells.reduce((a, b) => (b.v > a.v ? b : a)),
      small = cells.reduce((a, b) => (b.v < a.v ? b : a));
    const name = (p: { c: number; s: string }) => (series.length > 1 ? `${categories[p.c]} (${p.s})` : categories[p.c]);
    return `Largest: ${name(big)}, ${fy(big.v)}; smallest: ${name(small)}, ${fy(small.v)}.`;
  }
}

defineElement('mls-bar-chart', MlsBarChart);

declare global {
  interface HTMLElementTagNameMap {
    'mls-bar-chart': MlsBarChart;
  }
}
