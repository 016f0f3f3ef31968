import { defineElement } from '../../../src/define.js';
import { formatValue } from '../../../src/format.js';
import { unitAxis, type ChartSpec, type MarkerSpec, type PointSpec, type RegionSpec, type SeriesSpec } from '../../../src/chart.js';
import { DataChartElement, ChartDataError, read, SERIES_COLORS, SERIES_DASHES } from '../../../src/chart/data-element.js';

/**
 * What `<mls-line-chart data="…">` plots. Values in SI units; `xUnit` / `yUnit` are unit
 * strings src/format.ts knows (`s`, `B`, `B/s`, `FLOP/s`, `W`, `%` as a fraction, `x` …), used
 * for the ticks and the text twin ("30 ms"), or any other unit shown in the axis title.
 */
export interface LineChartData {
  /** Heading above the chart, also its accessible name. */
  title?: string;
  /** Shared x values, ascending (> 0 on a log axis). */
  x: number[];
  /** One to twelve curves, each with one y per x (null leaves a gap). */
  series: Array<{ label: string; y: Array<number | null>; color?: string; dash?: number[] }>;
  xLabel: string;
  yLabel: string;
  xUnit?: string;
  yUnit?: string;
  xLog?: boolean;
  yLog?: boolean;
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  /** Labelled marker points, e.g. an operating point. */
  markers?: Array<{ x: number; y: number; label: string; color?: string }>;
  /** Threshold lines with labels: axis 'x' vertical at x = value, 'y' horizontal at y = value. */
  thresholds?: Array<{ axis: 'x' | 'y'; value: number; label: string; color?: string }>;
  /** Shaded bands x ∈ [from, to] (axis 'x') or y ∈ [from, to] (axis 'y'). */
  regions?: Array<{ axis: 'x' | 'y'; from: number; to: number; label?: string; color?: string }>;
  /** The summary sentence, unless the `summary` attribute gives one. */
  summary?: string;
}

const AXES = ['x', 'y'] as const;

/**
 * A general line chart for data a lab computes itself: one or more curves over shared x
 * values, linear or log axes, labelled marker points, threshold lines and shaded regions.
 * Curves differ by dash as well as colour; the text twin lists the data (≤ 50 rows) and the
 * marks, and the summary sentence is announced politely.
 *
 * @summary Line chart of published or literal data (curves, markers, thresholds, regions) with its text twin.
 *
 * @attribute data - `$name.path`, a JSON `LineChartData` object, or absent to read a `<script type="application/json">` child.
 * @attribute summary - The sentence for the live region (default: written from the data).
 * @attribute height - Plot height in CSS px (120 … 1000, default 300).
 *
 * @fires mls-invalid - `data` does not have the `LineChartData` shape; the last good chart stays.
 *
 * @csspart title - The heading (from `data.title`).
 * @csspart chart - The figure: plot, legend, text twin and summary.
 * @csspart plot - The uPlot container (its `data-labels` attribute holds the label placement).
 * @csspart legend - The series names with their line styles.
 * @csspart summary - The summary sentence (an aria-live region).
 * @csspart error - The inline role="alert" message for bad data.
 *
 * @cssprop --mls-color-blue - First curve (then orange, green, red, cloud, grey).
 * @cssprop --mls-color-red - Threshold lines.
 *
 * @slot - A `<script type="application/json">` holding the data when there is no `data` attribute.
 */
export class MlsLineChart extends DataChartElement {
  protected readonly shape =
    '{ x: number[], series: [{ label, y: number[] }], xLabel, yLabel, xUnit?, yUnit?, xLog?, yLog?, markers?, thresholds?, regions? }';

  protected toSpec(d: Record<string, unknown>): ChartSpec {
    const xLog = read.optBool(d.xLog, 'xLog') ?? false;
    const yLog = read.optBool(d.yLog, 'yLog') ?? false;
    const x = read.nums(d.x, 'x', { positive: xLog }) as number[];
    for (let i = 1; i < x.length; i++)
      if (!(x[i] > x[i - 1])) throw new ChartDataError(`x[${i}]`, `must be greater than x[${i - 1}] (x ascends)`, x);
    const xLabel = read.str(d.xLabel, 'xLabel'),
      yLabel = read.str(d.yLabel, 'yLabel');
    const xUnit = read.optStr(d.xUnit, 'xUnit', 16) ?? '',
      yUnit = read.optStr(d.yUnit, 'yUnit', 16) ?? '';
    const series: SeriesSpec[] = read.arr(d.series, 'series', 1, 12).map((raw, i) => {
      const s = read.obj(raw, `series[${i}]`);
      const y = read.nums(s.y, `series[${i}].y`, { nullable: true, positive: yLog });
      if (y.length !== x.length) throw new ChartDataError(`series[${i}].y`, `has ${y.length} values for ${x.length} x values`, y);
      const dash =
        s.dash === undefined
          ? SERIES_DASHES[i % SERIES_DASHES.length]
          : (read.nums(s.dash, `series[${i}].dash`, { min: 0, max: 8 }) as number[]);
      return {
        label: read.str(s.label, `series[${i}].label`, 80),
        y,
        color: read.optColor(s.color, `series[${i}].color`) ?? SERIES_COLORS[i % SERIES_COLORS.length],
        dash,
      };
    });
    const points: PointSpec[] = read.arr(d.markers ?? [], 'markers', 0, 50).map((raw, i) => {
      const m = read.obj(raw, `markers[${i}]`);
      return {
        x: read.num(m.x, `markers[${i}].x`, xLog),
        y: read.num(m.y, `markers[${i}].y`, yLog),
        label: read.str(m.label, `markers[${i}].label`, 80),
        color: read.optColor(m.color, `markers[${i}].color`) ?? 'text',
        radius: 5,
      };
    });
    const markers: MarkerSpec[] = read.arr(d.thresholds ?? [], 'thresholds', 0, 20).map((raw, i) => {
      const t = read.obj(raw, `thresholds[${i}]`);
      const axis = read.oneOf(t.axis, `thresholds[${i}].axis`, AXES, 'y');
      return {
        axis,
        value: read.num(t.value, `thresholds[${i}].value`, axis === 'x' ? xLog : yLog),
        label: read.str(t.label, `thresholds[${i}].label`, 80),
        color: read.optColor(t.color, `thresholds[${i}].color`) ?? 'red',
      };
    });
    const regions: RegionSpec[] = read.arr(d.regions ?? [], 'regions', 0, 20).map((raw, i) => {
      const r = read.obj(raw, `regions[${i}]`);
      const axis = read.oneOf(r.axis, `regions[${i}].axis`, AXES, 'x');
      const log = axis === 'x' ? xLog : yLog;
      return {
        axis,
        from: read.num(r.from, `regions[${i}].from`, log),
        to: read.num(r.to, `regions[${i}].to`, log),
        label: read.optStr(r.label, `regions[${i}].label`, 80),
        color: read.optColor(r.color, `regions[${i}].color`) ?? 'grey',
        alpha: 0.1,
      };
    });
    const range = (k: 'xMin' | 'xMax' | 'yMin' | 'yMax', log: boolean) => read.optNum(d[k], k, log);
    const fx = (v: number) => formatValue(v, xUnit),
      fy = (v: number) => formatValue(v, yUnit);
    const title = read.optStr(d.title, 'title') ?? `${yLabel} against ${xLabel}`;
    return {
      label: title,
      x: unitAxis(xLabel, xUnit, { log: xLog, min: range('xMin', xLog), max: range('xMax', xLog), space: xUnit ? 70 : undefined }),
      y: unitAxis(yLabel, yUnit, { log: yLog, min: range('yMin', yLog), max: range('yMax', yLog) }),
      data: { x, series },
      points,
      markers,
      regions,
      summary: read.optStr(d.summary, 'summary', 400) ?? defaultSummary(x, series, fx, fy),
    };
  }
}

/** "Latency goes from 2 ms at 1 to 40 ms at 64." — each curve's first and last value. */
function defaultSummary(x: number[], series: SeriesSpec[], fx: (v: number) => string, fy: (v: number) => string): string {
  const parts = series.slice(0, 4).map((s) => {
    const idx = s.y.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
    if (!idx.length) return `${s.label} has no values`;
    const a = idx[0],
      b = idx[idx.length - 1];
    return `${s.label} goes from ${fy(s.y[a]!)} at ${fx(x[a])} to ${fy(s.y[b]!)} at ${fx(x[b])}`;
  });
  return `${parts.join('; ')}${series.length > 4 ? `; and ${series.length - 4} more curves` : ''}.`;
}

defineElement('mls-line-chart', MlsLineChart);

declare global {
  interface HTMLElementTagNameMap {
    'mls-line-chart': MlsLineChart;
  }
}
