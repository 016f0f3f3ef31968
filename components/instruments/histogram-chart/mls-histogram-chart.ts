import { defineElement } from '../../../src/define.js';
import { formatValue } from '../../../src/format.js';
import { histogram, unitAxis, type ChartSpec } from '../../../src/chart.js';
import { DataChartElement, ChartDataError, read } from '../../../src/chart/data-element.js';

/**
 * What `<mls-histogram-chart data="…">` plots: raw samples, or counts per bin with the bin
 * edges. Values in SI units; `xUnit` is a unit string src/format.ts knows (`s` gives "41 ms")
 * or any other unit, shown in the axis title.
 */
export interface HistogramChartData {
  /** Heading above the chart, also its accessible name. */
  title?: string;
  /** Raw samples (1 … 100,000). Either these, or `counts` with `edges`. */
  samples?: number[];
  /** Counts per bin, and the counts.length + 1 ascending bin edges. */
  counts?: number[];
  edges?: number[];
  /** Number of bins for samples (1 … 200; default ⌈log₂ n⌉ + 1, between 5 and 60). */
  bins?: number;
  xLabel: string;
  xUnit?: string;
  /** Title of the count axis (default "Count"). */
  yLabel?: string;
  /** Bins equal in log₁₀ on a log x axis (samples or edges > 0). */
  xLog?: boolean;
  /** Percentile lines, as fractions: [0.5, 0.99] draws p50 and p99. */
  percentiles?: number[];
  /** A threshold line such as an SLO; its label gives the share of samples above it. */
  threshold?: { value: number; label?: string; color?: string };
  /** The summary sentence, unless the `summary` attribute gives one. */
  summary?: string;
}

/**
 * A general histogram for data a lab computes itself: samples binned (or counts given per
 * bin), percentile marker lines (p50, p99 …) and an optional threshold such as an SLO with
 * the share of samples above it. Marker lines differ by dash; labels step along their lines
 * rather than collide. The text twin lists each bin's range and count.
 *
 * @summary Histogram of published or literal samples or counts, with percentile lines and a threshold.
 *
 * @attribute data - `$name.path`, a JSON `HistogramChartData` object, or absent to read a `<script type="application/json">` child.
 * @attribute summary - The sentence for the live region (default: written from the data).
 * @attribute height - Plot height in CSS px (120 … 1000, default 300).
 *
 * @fires mls-invalid - `data` does not have the `HistogramChartData` shape; the last good chart stays.
 *
 * @csspart title - The heading (from `data.title`).
 * @csspart chart - The figure: plot, text twin and summary.
 * @csspart plot - The uPlot container (its `data-labels` attribute holds the label placement).
 * @csspart summary - The summary sentence (an aria-live region).
 * @csspart error - The inline role="alert" message for bad data.
 *
 * @cssprop --mls-color-blue - The bars.
 * @cssprop --mls-color-grey - Percentile lines.
 * @cssprop --mls-color-red - The threshold line.
 *
 * @slot - A `<script type="application/json">` holding the data when there is no `data` attribute.
 */
export class MlsHistogramChart extends DataChartElement {
  protected readonly shape =
    '{ samples: number[] or counts: number[] with edges: number[], xLabel, xUnit?, bins?, xLog?, percentiles?, threshold? }';

  protected toSpec(d: Record<string, unknown>): ChartSpec {
    const xLog = read.optBool(d.xLog, 'xLog') ?? false;
    const xLabel = read.str(d.xLabel, 'xLabel');
    const xUnit = read.optStr(d.xUnit, 'xUnit', 16) ?? '';
    const yLabel = read.optStr(d.yLabel, 'yLabel') ?? 'Count';
    const fx = (v: number) => formatValue(v, xUnit);
    const samples = d.samples === undefined ? undefined : (read.nums(d.samples, 'samples', { positive: xLog, max: 100_000 }) as number[]);
    const counts = d.counts === undefined ? undefined : (read.nums(d.counts, 'counts', { max: 1000 }) as number[]);
    const edges = d.edges === undefined ? undefined : (read.nums(d.edges, 'edges', { min: 2, max: 1001, positive: xLog }) as number[]);
    if (!samples && !(counts && edges)) throw new ChartDataError('data', 'needs samples, or counts with edges');
    if (samples && counts) throw new ChartDataError('data', 'takes samples or counts, not both');
    const bins = read.optNum(d.bins, 'bins');
    if (bins !== undefined && !(Number.isInteger(bins) && bins >= 1 && bins <= 200))
      throw new ChartDataError('bins', `must be a whole number 1 … 200, got ${bins}`, bins);
    const percentiles = d.percentiles === undefined ? [] : (read.nums(d.percentiles, 'percentiles', { min: 0, max: 10 }) as number[]);
    percentiles.forEach((p, i) => {
      if (!(p > 0 && p < 1))
        throw new ChartDataError(`percentiles[${i}]`, `must be a fraction between 0 and 1 (0.99 for p99), got ${p}`, p);
    });
    let threshold: { value: number; label: string; color?: string } | undefined;
    if (d.threshold !== undefined && d.threshold !== null) {
      const t = read.obj(d.threshold, 'threshold');
      threshold = {
        value: read.num(t.value, 'threshold.value', xLog),
        label: read.optStr(t.label, 'threshold.label', 60) ?? 'Threshold',
        color: read.optColor(t.color, 'threshold.color'),
      };
    }
    let h;
    try {
      h = histogram({ samples, counts, edges, bins, log: xLog, percentiles, threshold, format: fx });
    } catch (e) {
      throw new ChartDataError('data', (e as Error).message.replace(/^histogram: /, ''));
    }
    const lo = Math.min(h.edges[0], threshold?.value ?? Infinity, ...h.percentiles.map((p) => p.value));
    const hi = Math.max(h.edges[h.edges.length - 1], threshold?.value ?? -Infinity, ...h.percentiles.map((p) => p.value));
    // A quarter of a bin of room past the outer edges (or past a line outside them).
    const e = h.edges,
      n = e.length - 1;
    const xAxis = unitAxis(xLabel, xUnit, {
      log: xLog,
      space: xUnit ? 70 : undefined,
      min: xLog ? lo / (e[1] / e[0]) ** 0.25 : lo - (e[1] - e[0]) * 0.25,
      max: xLog ? hi * (e[n] / e[n - 1]) ** 0.25 : hi + (e[n] - e[n - 1]) * 0.25,
    });
    const peak = Math.max(...h.counts);
    const title = read.optStr(d.title, 'title') ?? `Distribution of ${xLabel.toLowerCase()}`;
    let summary = `${formatValue(h.total)} ${samples ? 'samples' : 'counted'}`;
    if (h.percentiles.length) summary += `; ${h.percentiles.map((p) => `p${Math.round(p.p * 1000) / 10} ${fx(p.value)}`).join(', ')}`;
    if (threshold && h.aboveThreshold !== null)
      summary += `; ${formatValue(h.aboveThreshold, '%')} above the ${threshold.label} of ${fx(threshold.value)}`;
    return {
      label: title,
      legend: false,
      x: xAxis,
      y: { label: yLabel, min: 0, max: peak > 0 ? peak * 1.15 : 1 },
      data: { x: h.x, series: h.series },
      markers: h.markers,
      table: {
        caption: `${title}: counts per bin`,
        head: [xUnit ? `${xLabel} (${xUnit})` : xLabel, yLabel],
        length: h.counts.length,
        sampleNoun: 'bins',
        row: (i) => [`${fx(h.edges[i])} – ${fx(h.edges[i + 1])}`, formatValue(h.counts[i])],
      },
      summary: read.optStr(d.summary, 'summary', 400) ?? `${summary}.`,
    };
  }
}

defineElement('mls-histogram-chart', MlsHistogramChart);

declare global {
  interface HTMLElementTagNameMap {
    'mls-histogram-chart': MlsHistogramChart;
  }
}
