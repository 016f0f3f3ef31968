/**
 * Chart recipes: pure functions that build the parts of a `ChartSpec` that several instruments
 * need and that are easy to get subtly wrong by hand: bars side by side, stacked bars, a
 * histogram with percentile lines, a scatter with its Pareto frontier, and an axis whose ticks
 * and table cells carry an SI unit. They return plain spec parts (x positions, series, marks);
 * the element adds labels, ranges and the summary. No DOM, no uPlot: unit-tested in
 * test/runtime/chart-recipes.test.ts.
 *
 * Category axes put category i at x = i + 1 (see `CategoryTicks` in ./scales.ts).
 */
import { formatValue } from '../format.js';
import type { AxisSpec, MarkerSpec, PointSpec, SeriesSpec } from './spec.js';

/** Units `formatValue` scales or writes itself (SI prefixes, ms/µs, %, ×): ticks carry them. */
const SCALED_UNITS = new Set(['%', 'x', '×', 's', 'B', 'B/s', 'FLOP', 'FLOP/s', 'W', 'J', 'Hz', 'bit/s']);

/**
 * An axis for values in SI `unit`: for units `formatValue` scales (s, B, B/s, FLOP/s, W, J, Hz,
 * %, x …) ticks and table cells are formatted with it ("30 ms", "3.35 TB/s"); any other unit
 * ("FLOP/B", "km") goes in the title and the numbers stay plain.
 */
export function unitAxis(label: string, unit = '', extra: Partial<AxisSpec> = {}): AxisSpec {
  if (unit && SCALED_UNITS.has(unit)) {
    const f = (v: number) => formatValue(v, unit);
    return { label, unit, tick: f, format: f, ...extra };
  }
  return { label, ...(unit ? { unit } : {}), ...extra };
}

// ---------------------------------------------------------------------------------------------
// Grouped and stacked bars

export interface GroupedSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  color: string;
}

/**
 * Bars for categories × `series`, side by side within each category: category i sits at
 * x = i + 1 and series j is offset by (j − (m − 1)/2) × `width`. Returns the x positions and
 * one bar series per input series (null where another series' bar stands), plus a table-only
 * column per series so the text twin lists each value once.
 */
export function groupedBars(categories: number, series: readonly GroupedSeries[], width = 0.28): { x: number[]; series: SeriesSpec[] } {
  const m = series.length;
  const slots: Array<{ x: number; s: number; g: number }> = [];
  for (let g = 0; g < categories; g++) series.forEach((_, s) => slots.push({ x: g + 1 + (s - (m - 1) / 2) * width, s, g }));
  slots.sort((p, q) => p.x - q.x);
  const column = (s: number, se: GroupedSeries) => slots.map((p) => (p.s === s ? (se.values[p.g] ?? null) : null));
  const bars: SeriesSpec[] = series.map((se, s) => ({
    label: se.label,
    kind: 'bars',
    color: se.color,
    hideInTable: true,
    y: column(s, se),
  }));
  const table: SeriesSpec[] = series.map((se, s) => ({ label: se.label, tableOnly: true, y: column(s, se) }));
  return { x: slots.map((p) => p.x), series: [...bars, ...table] };
}

export interface StackSegment {
  label: string;
  /** One value per category (null counts as 0 in the stack and shows as "—" in the table). */
  values: ReadonlyArray<number | null>;
  color: string;
}

export interface StackOptions {
  /** The table's total column: its label (default "Total") and values (default: the sum of the segments). */
  total?: { label?: string; values?: ReadonlyArray<number | null> } | false;
  /** Label each stack's top with its total, formatted by this function. */
  totalLabel?: (total: number) => string;
}

/**
 * Stacked bars, one stack per category (category i at x = i + 1), segments bottom to top in
 * the order given. Each drawn series is the running sum up to its segment, listed largest first
 * so the shorter sums are painted over it; table-only columns carry each segment's own value
 * and the total. With `totalLabel`, one label point per stack top (`labelAt: 'above'`).
 */
export function stackedBars(
  segments: readonly StackSegment[],
  opts: StackOptions = {},
): { x: number[]; series: SeriesSpec[]; points: PointSpec[] } {
  const n = segments.reduce((m, s) => Math.max(m, s.values.length), 0);
  const x = Array.from({ length: n }, (_, i) => i + 1);
  const sums = segments.map((_, k) => x.map((_, i) => segments.slice(0, k + 1).reduce((s, seg) => s + (seg.values[i] ?? 0), 0)));
  const stacked: SeriesSpec[] = segments
    .map((seg, k) => ({
      label: seg.label,
      kind: 'bars' as const,
      color: seg.color,
      hideInTable: true,
      y: sums[k],
    }))
    .reverse();
  const table: SeriesSpec[] = segments.map((seg) => ({ label: seg.label, tableOnly: true, y: x.map((_, i) => seg.values[i] ?? null) }));
  const totals = sums[sums.length - 1] ?? x.map(() => 0);
  if (opts.total !== false) {
    table.push({ label: opts.total?.label ?? 'Total', tableOnly: true, y: opts.total?.values ? [...opts.total.values] : totals });
  }
  const fmt = opts.totalLabel;
  const points: PointSpec[] = fmt
    ? totals.map((t, i) => ({ x: i + 1, y: t, label: fmt(t), radius: 0, labelAt: 'above' as const, color: 'text' }))
    : [];
  return { x, series: [...stacked, ...table], points };
}

// ---------------------------------------------------------------------------------------------
// Histogram

/** The p-quantile (0 ≤ p ≤ 1) of sorted values, interpolating linearly between ranks (as physics' `percentile`). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h),
    hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface HistogramInput {
  /** Raw samples (SI units). Either these, or `counts` with `edges`. */
  samples?: readonly number[];
  /** Precomputed counts per bin, with `edges` (counts.length + 1 ascending bin edges). */
  counts?: readonly number[];
  edges?: readonly number[];
  /** Number of bins for samples (default ⌈log₂ n⌉ + 1, between 5 and 60). */
  bins?: number;
  /** Bins evenly spaced in log₁₀ (samples must be > 0), for a log x axis. */
  log?: boolean;
  /** Percentile marker lines, as fractions (0.5, 0.99). */
  percentiles?: readonly number[];
  /** A threshold line, e.g. an SLO, with the share of samples above it. */
  threshold?: { value: number; label: string; color?: string };
  /** Formats values in marker labels and the bin ranges (default: 3 significant figures). */
  format?: (v: number) => string;
  /** The bars' series label (default "Count") and colour (default blue). */
  label?: string;
  color?: string;
}

export interface HistogramResult {
  edges: number[];
  counts: number[];
  /** Bin centres (geometric centres for log bins): the bars' x. */
  x: number[];
  series: SeriesSpec[];
  markers: MarkerSpec[];
  /** The requested percentiles and their values. */
  percentiles: Array<{ p: number; value: number }>;
  /** Number of samples (sum of counts). */
  total: number;
  /** Share of the samples above the threshold (null without one). */
  aboveThreshold: number | null;
  /** "10 ms – 20 ms": the range of the bin whose centre is x (for the table's row headers). */
  binRange(x: number): string;
}

const pctName = (p: number) => `p${Math.round(p * 1000) / 10}`;

/**
 * A histogram: bins samples (equal widths, or equal in log₁₀ with `log`) or takes precomputed
 * counts, and returns bars at the bin centres, percentile marker lines ("p99 41 ms") and an
 * optional threshold line whose label gives the share above it. Percentiles of samples
 * interpolate between ranks; from counts they interpolate within the bin (log-linearly for log
 * bins). Throws RangeError naming the argument on unusable input.
 */
export function histogram(input: HistogramInput): HistogramResult {
  const fmt = input.format ?? ((v: number) => formatValue(v));
  const log = !!input.log;
  let edges: number[], counts: number[];
  let sorted: number[] | null = null;
  if (input.samples) {
    sorted = input.samples.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
    if (!sorted.length) throw new RangeError('histogram: samples has no finite value');
    if (log && sorted[0] <= 0) throw new RangeError(`histogram: log bins need samples > 0 (got ${sorted[0]})`);
    const bins = input.bins ?? Math.min(60, Math.max(5, Math.ceil(Math.log2(sorted.length)) + 1));
    if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be a whole number ≥ 1 (got ${bins})`);
    const t = (v: number) => (log ? Math.log10(v) : v),
      inv = (v: number) => (log ? 10 ** v : v);
    let lo = t(sorted[0]),
      hi = t(sorted[sorted.length - 1]);
    if (hi === lo) {
      lo -= 0.5;
      hi += 0.5;
    }
    const w = (hi - lo) / bins;
    edges = Array.from({ length: bins + 1 }, (_, i) => (i === 0 ? sorted![0] : i === bins ? sorted![sorted!.length - 1] : inv(lo + i * w)));
    if (edges[0] === edges[bins]) {
      edges[0] = inv(lo);
      edges[bins] = inv(hi);
    }
    counts = new Array<number>(bins).fill(0);
    for (const v of sorted) counts[Math.min(bins - 1, Math.max(0, Math.floor((t(v) - lo) / w)))]++;
  } else {
    if (!input.counts || !input.edges) throw new RangeError('histogram: give samples, or counts with edges');
    counts = [...input.counts];
    edges = [...input.edges];
    if (edges.length !== counts.length + 1)
      throw new RangeError(`histogram: edges must have counts.length + 1 = ${counts.length + 1} values (got ${edges.length})`);
    if (counts.some((c) => !(c >= 0) || !Number.isFinite(c))) throw new RangeError('histogram: counts must be finite and ≥ 0');
    for (let i = 1; i < edges.length; i++)
      if (!(edges[i] > edges[i - 1])) throw new RangeError('histogram: edges must be finite and ascending');
    if (log && !(edges[0] > 0)) throw new RangeError(`histogram: log bins need edges > 0 (got ${edges[0]})`);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const x = counts.map((_, i) => (log ? Math.sqrt(edges[i] * edges[i + 1]) : (edges[i] + edges[i + 1]) / 2));
  /** Value at cumulative fraction q, interpolated within its bin. */
  const fromCounts = (q: number) => {
    const target = q * total;
    let cum = 0;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && cum + counts[i] >= target) {
        const f = (target - cum) / counts[i];
        return log ? edges[i] * (edges[i + 1] / edges[i]) ** f : edges[i] + f * (edges[i + 1] - edges[i]);
      }
      cum += counts[i];
    }
    return edges[edges.length - 1];
  };
  const percentiles = (input.percentiles ?? []).map((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`histogram: percentiles are fractions in [0, 1] (got ${p})`);
    return { p, value: sorted ? quantileSorted(sorted, p) : fromCounts(p) };
  });
  const markers: MarkerSpec[] = percentiles.map(({ p, value }, i) => ({
    axis: 'x',
    value,
    label: `${pctName(p)} ${fmt(value)}`,
    color: 'grey',
    dash: i % 2 ? [2, 3] : [6, 4],
  }));
  let aboveThreshold: number | null = null;
  if (input.threshold) {
    const th = input.threshold;
    if (!Number.isFinite(th.value)) throw new RangeError(`histogram: threshold.value must be finite (got ${th.value})`);
    if (sorted) aboveThreshold = sorted.filter((v) => v > th.value).length / sorted.length;
    else {
      // From counts: whole bins above, plus the part of the straddled bin above the threshold.
      let above = 0;
      counts.forEach((c, i) => {
        const a = edges[i],
          b = edges[i + 1];
        if (a >= th.value) above += c;
        else if (b > th.value) above += c * (log ? Math.log(b / th.value) / Math.log(b / a) : (b - th.value) / (b - a));
      });
      aboveThreshold = total > 0 ? above / total : 0;
    }
    markers.push({
      axis: 'x',
      value: th.value,
      label: `${th.label} ${fmt(th.value)} (${formatValue(aboveThreshold, '%')} above)`,
      color: th.color ?? 'red',
      dash: [],
    });
  }
  const series: SeriesSpec[] = [{ label: input.label ?? 'Count', y: counts, kind: 'bars', color: input.color ?? 'blue', barWidth: 0.94 }];
  const byCentre = new Map(x.map((c, i) => [c, i]));
  const binRange = (c: number) => {
    const i = byCentre.get(c);
    return i === undefined ? fmt(c) : `${fmt(edges[i])} – ${fmt(edges[i + 1])}`;
  };
  return { edges, counts, x, series, markers, percentiles, total, aboveThreshold, binRange };
}

// ---------------------------------------------------------------------------------------------
// Scatter and Pareto frontier

export interface ScatterPoint {
  x: number;
  y: number;
  label?: string;
}

/** Which way is better on each axis: the frontier keeps the points nothing beats on both. */
export interface FrontierSense {
  x: 'min' | 'max';
  y: 'min' | 'max';
}

/**
 * Indices of the Pareto-optimal points (no other point is at least as good on both axes and
 * better on one), ordered by x ascending. Default sense: less x (cost) and more y (value) are
 * better. Of identical points the first listed is kept. Non-finite points are never optimal.
 */
export function paretoFrontier(points: readonly ScatterPoint[], sense: FrontierSense = { x: 'min', y: 'max' }): number[] {
  const sx = sense.x === 'min' ? 1 : -1,
    sy = sense.y === 'min' ? 1 : -1;
  const order = points
    .map((_, i) => i)
    .filter((i) => Number.isFinite(points[i].x) && Number.isFinite(points[i].y))
    // best x first; for equal x, best y first; then the order given
    .sort((a, b) => sx * (points[a].x - points[b].x) || sy * (points[a].y - points[b].y) || a - b);
  const out: number[] = [];
  let best = Infinity;
  for (const i of order) {
    const y = sy * points[i].y; // smaller is better
    if (y < best) {
      out.push(i);
      best = y;
    }
  }
  return out.sort((a, b) => points[a].x - points[b].x || a - b);
}

export interface FrontierOptions {
  sense?: FrontierSense;
  /** Draw the frontier line (default true). */
  line?: boolean;
  /** Index of the chosen point: drawn larger, in `highlightColor`, always labelled. */
  highlight?: number;
  color?: string;
  frontierColor?: string;
  highlightColor?: string;
  /** Series labels (defaults "Points", "Pareto frontier"). */
  pointsLabel?: string;
  frontierLabel?: string;
}

export interface FrontierResult {
  /** Point x values ascending (uPlot needs ascending x), and the series over them. */
  x: number[];
  series: SeriesSpec[];
  /** Labels of labelled points, and the highlighted point's marker. */
  points: PointSpec[];
  /** Indices (into the input) of the frontier points, by x ascending. */
  frontier: number[];
  /** Input index of each x position. */
  order: number[];
}

/**
 * A scatter: the points as dots, the Pareto frontier as a dashed line through the optimal ones,
 * a label beside each labelled point, and the chosen point highlighted (a larger marker, so it
 * stands out without colour). The text twin lists every point and whether it is on the frontier.
 */
export function frontier(pointsIn: readonly ScatterPoint[], opts: FrontierOptions = {}): FrontierResult {
  const order = pointsIn.map((_, i) => i).sort((a, b) => pointsIn[a].x - pointsIn[b].x || a - b);
  const front = paretoFrontier(pointsIn, opts.sense);
  const onFront = new Set(front);
  const x = order.map((i) => pointsIn[i].x);
  const series: SeriesSpec[] = [
    { label: opts.pointsLabel ?? 'Points', kind: 'points', color: opts.color ?? 'blue', y: order.map((i) => pointsIn[i].y) },
  ];
  if (opts.line !== false) {
    series.push({
      label: opts.frontierLabel ?? 'Pareto frontier',
      color: opts.frontierColor ?? 'orange',
      dash: [6, 3],
      spanGaps: true,
      y: order.map((i) => (onFront.has(i) ? pointsIn[i].y : null)),
    });
  }
  // The chosen point first: its label is placed before the others (./marks.ts is greedy).
  const points: PointSpec[] = [];
  const h = opts.highlight;
  if (h !== undefined && pointsIn[h]) {
    const p = pointsIn[h];
    points.push({ x: p.x, y: p.y, label: p.label ? `${p.label} (chosen)` : 'Chosen', radius: 7, color: opts.highlightColor ?? 'red' });
  }
  for (const i of order) {
    const p = pointsIn[i];
    if (i !== h && p.label) points.push({ x: p.x, y: p.y, label: p.label, radius: 0 });
  }
  return { x, series, points, frontier: front, order };
}
