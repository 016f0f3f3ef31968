/**
 * What an element asks the chart base to draw: plain data, no uPlot types, no DOM. An element
 * builds a `ChartSpec` in `render()` (by hand or from the recipes in ./recipes.ts) and hands
 * it to a `ChartController`; the spec is compared with the last one to decide what to redraw
 * (./diff.ts), so it must be a pure description: the same spec draws the same chart.
 */

/** The text twin's data table never has more rows than this. */
export const MAX_TABLE_ROWS = 50;

export interface AxisSpec {
  /** Axis title, without the unit ("Arithmetic intensity"). */
  label: string;
  /** Unit shown in the axis title and the table header ("FLOP/B"). */
  unit?: string;
  /** Base-10 logarithmic scale. Non-positive values are not plotted. */
  log?: boolean;
  /** Fixed range ends; absent ends follow the data (decade-snapped on log axes). */
  min?: number;
  max?: number;
  /** Tick label format (default: decades on log axes, `formatNumber` on linear ones). */
  tick?: (value: number) => string;
  /** Table cell format (default `formatNumber`, 3 significant figures). */
  format?: (value: number) => string;
  /** Least space between ticks on a linear axis, CSS px (uPlot's default: 50 on x, 30 on y). */
  space?: number;
}

export type SeriesKind = 'line' | 'points' | 'bars' | 'area';

export interface SeriesSpec {
  label: string;
  /** One value per x; null leaves a gap. */
  y: ReadonlyArray<number | null>;
  /** Token name (`blue` → `--mls-color-blue`), a custom property (`--my-color`) or a CSS colour. */
  color?: string;
  kind?: SeriesKind;
  /** Line dash in CSS pixels, e.g. [6, 4]. */
  dash?: number[];
  width?: number;
  /** Leave out of the text twin's table (e.g. a helper curve). */
  hideInTable?: boolean;
  /** Table only: not drawn and not in the legend (e.g. one "Attainable" column for a two-colour roof). */
  tableOnly?: boolean;
  /** Lines: join across nulls instead of leaving a gap (e.g. a frontier through some of the points). */
  spanGaps?: boolean;
  /** Bars: width as a fraction of the space between neighbouring x (default 0.6, at most 64 px). */
  barWidth?: number;
}

export interface MarkerSpec {
  /** 'x': a vertical line at x = value; 'y': a horizontal line at y = value. */
  axis: 'x' | 'y';
  value: number;
  label: string;
  color?: string;
  dash?: number[];
  /** Where a vertical marker's label sits along it (default 'top'). */
  labelAt?: 'top' | 'middle' | 'bottom';
}

export interface PointSpec {
  x: number;
  y: number;
  label: string;
  color?: string;
  /** Draw a dotted line from the point down to the x axis. */
  drop?: boolean;
  /** Marker radius in CSS pixels (default 6); 0 draws no marker, only the label (the series draws the dot). */
  radius?: number;
  /**
   * Where the label goes first (./marks.ts tries the others when it collides or leaves the plot):
   * 'right' (default) above and to the right of the point; 'above' centred above it, for
   * value labels on bar tops.
   */
  labelAt?: 'right' | 'above';
}

export interface RegionSpec {
  /** Shade x ∈ [from, to] (axis 'x') or y ∈ [from, to] (axis 'y'). */
  axis: 'x' | 'y';
  from: number;
  to: number;
  color?: string;
  /** Opacity of the shading (default 0.08). */
  alpha?: number;
  label?: string;
}

export interface ChartSpec {
  /** What the chart shows: the canvas's aria-label and the table caption. */
  label: string;
  x: AxisSpec;
  y: AxisSpec;
  data: { x: ReadonlyArray<number>; series: SeriesSpec[] };
  markers?: MarkerSpec[];
  points?: PointSpec[];
  regions?: RegionSpec[];
  /** The aria-live sentence with the key number. */
  summary: string;
  /** Keep the summary for assistive technology only (the element shows it otherwise). */
  summaryHidden?: boolean;
  /** Plot height in CSS pixels (default 320). */
  height?: number;
  /** Hide the visible legend (e.g. a single obvious series). */
  legend?: boolean;
  /**
   * The text twin's data table, instead of the one built from `data` (x, then a column per
   * series): e.g. categories × series for grouped bars, or bin ranges for a histogram.
   */
  table?: TwinTable;
}

/** One table of a text twin (./text-twin.ts). */
export interface TwinTable {
  /** Caption (what the table lists). */
  caption: string;
  /** Column headers; the first heads the row-header column. */
  head: readonly string[];
  /** Number of rows before sampling. */
  length: number;
  /** Row i as display text; the first cell is the row header. Called only for the rows shown. */
  row(i: number): readonly string[];
  /** Class on the `<table>` (the chart uses `data` and `marks`). */
  className?: string;
  /**
   * Sample long tables down to `MAX_TABLE_ROWS` rows; the caption then ends "(50 of 300 points)"
   * with this noun. Without it every row is listed.
   */
  sampleNoun?: string;
}
