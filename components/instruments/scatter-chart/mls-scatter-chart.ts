import { defineElement } from '../../../src/define.js';
import { formatValue } from '../../../src/format.js';
import { frontier, unitAxis, type ChartSpec, type FrontierSense, type MarkerSpec } from '../../../src/chart.js';
import { DataChartElement, ChartDataError, read } from '../../../src/chart/data-element.js';

/**
 * What `<mls-scatter-chart data="…">` plots. Values in SI units; units as for the line chart
 * (src/format.ts unit strings for ticks and the text twin, any other unit in the axis title).
 */
export interface ScatterChartData {
  /** Heading above the chart, also its accessible name. */
  title?: string;
  /** One to 2,000 points; a labelled point gets its label beside it (room permitting). */
  points: Array<{ x: number; y: number; label?: string }>;
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
  /**
   * Draw the Pareto frontier: `true` when less x and more y are better (cost against value),
   * or which way is better on each axis, e.g. `{ "x": "min", "y": "min" }`.
   */
  frontier?: boolean | { x: 'min' | 'max'; y: 'min' | 'max' };
  /** The chosen point: its index in `points`, or its label. Drawn larger and always labelled first. */
  highlight?: number | string;
  /** Threshold lines: axis 'x' vertical at x = value, 'y' horizontal at y = value. */
  thresholds?: Array<{ axis: 'x' | 'y'; value: number; label: string; color?: string }>;
  /** The summary sentence, unless the `summary` attribute gives one. */
  summary?: string;
}

const AXES = ['x', 'y'] as const;
const SENSES = ['min', 'max'] as const;

/**
 * A general scatter chart for data a lab computes itself: points with labels, an optional
 * Pareto frontier (a dashed line through the points nothing beats on both axes) and a
 * highlighted chosen point (larger, so it stands out without colour). Labels are placed so
 * they never collide; the text twin lists every point, whether it is on the frontier, and
 * which one is chosen.
 *
 * @summary Scatter chart with labels, Pareto frontier and a chosen point, from published or literal data.
 *
 * @attribute data - `$name.path`, a JSON `ScatterChartData` object, or absent to read a `<script type="application/json">` child.
 * @attribute summary - The sentence for the live region (default: written from the data).
 * @attribute height - Plot height in CSS px (120 … 1000, default 300).
 *
 * @fires mls-invalid - `data` does not have the `ScatterChartData` shape; the last good chart stays.
 *
 * @csspart title - The heading (from `data.title`).
 * @csspart chart - The figure: plot, legend, text twin and summary.
 * @csspart plot - The uPlot container (its `data-labels` attribute holds the label placement).
 * @csspart legend - Points and frontier.
 * @csspart summary - The summary sentence (an aria-live region).
 * @csspart error - The inline role="alert" message for bad data.
 *
 * @cssprop --mls-color-blue - The points.
 * @cssprop --mls-color-orange - The frontier line.
 * @cssprop --mls-color-red - The chosen point and threshold lines.
 *
 * @slot - A `<script type="application/json">` holding the data when there is no `data` attribute.
 */
export class MlsScatterChart extends DataChartElement {
  protected readonly shape =
    '{ points: [{ x, y, label? }], xLabel, yLabel, xUnit?, yUnit?, xLog?, yLog?, frontier?, highlight?, thresholds? }';

  protected toSpec(d: Record<string, unknown>): ChartSpec {
    const xLog = read.optBool(d.xLog, 'xLog') ?? false;
    const yLog = read.optBool(d.yLog, 'yLog') ?? false;
    const pts = read.arr(d.points, 'points', 1, 2000).map((raw, i) => {
      const p = read.obj(raw, `points[${i}]`);
      return {
        x: read.num(p.x, `points[${i}].x`, xLog),
        y: read.num(p.y, `points[${i}].y`, yLog),
        label: read.optStr(p.label, `points[${i}].label`, 60),
      };
    });
    const xLabel = read.str(d.xLabel, 'xLabel'),
      yLabel = read.str(d.yLabel, 'yLabel');
    const xUnit = read.optStr(d.xUnit, 'xUnit', 16) ?? '',
      yUnit = read.optStr(d.yUnit, 'yUnit', 16) ?? '';
    let sense: FrontierSense | null = null;
    if (d.frontier === true) sense = { x: 'min', y: 'max' };
    else if (d.frontier !== undefined && d.frontier !== null && d.frontier !== false) {
      const f = read.obj(d.frontier, 'frontier');
      sense = { x: read.oneOf(f.x, 'frontier.x', SENSES, 'min'), y: read.oneOf(f.y, 'frontier.y', SENSES, 'max') };
    }
    let highlight: number | undefined;
    if (typeof d.highlight === 'number') {
      if (!Number.isInteger(d.highlight) || d.highlight < 0 || d.highlight >= pts.length)
        throw new ChartDataError(
          'highlight',
          `must be a point index 0 … ${pts.length - 1} or a point's label, got ${d.highlight}`,
          d.highlight,
        );
      highlight = d.highlight;
    } else if (d.highlight !== undefined && d.highlight !== null) {
      highlight = pts.findIndex((p) => p.label === d.highlight);
      if (highlight < 0) throw new ChartDataError('highlight', `names no point's label (got ${JSON.stringify(d.highlight)})`, d.highlight);
    }
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
    const f = frontier(pts, { sense: sense ?? undefined, line: sense !== null, highlight });
    const onFront = new Set(sense ? f.frontier : []);
    const fx = (v: number) => formatValue(v, xUnit),
      fy = (v: number) => formatValue(v, yUnit);
    const name = (i: number) => pts[i].label ?? `Point ${i + 1}`;
    const title = read.optStr(d.title, 'title') ?? `${yLabel} against ${xLabel}`;
    const xAxis = unitAxis(xLabel, xUnit, {
      log: xLog,
      min: read.optNum(d.xMin, 'xMin', xLog),
      max: read.optNum(d.xMax, 'xMax', xLog),
      space: xUnit ? 70 : undefined,
    });
    const yAxis = unitAxis(yLabel, yUnit, { log: yLog, min: read.optNum(d.yMin, 'yMin', yLog), max: read.optNum(d.yMax, 'yMax', yLog) });
    const head = [
      'Point',
      xUnit ? `${xLabel} (${xUnit})` : xLabel,
      yUnit ? `${yLabel} (${yUnit})` : yLabel,
      ...(sense ? ['On the frontier'] : []),
    ];
    let summary = `${pts.length} point${pts.length === 1 ? '' : 's'}`;
    if (sense)
      summary += `; ${f.frontier.length} on the Pareto frontier (${f.frontier.slice(0, 5).map(name).join(', ')}${f.frontier.length > 5 ? ', …' : ''})`;
    if (highlight !== undefined)
      summary += `; chosen: ${name(highlight)} at ${fx(pts[highlight].x)}, ${fy(pts[highlight].y)}${sense ? (onFront.has(highlight) ? ', on the frontier' : ', off the frontier') : ''}`;
    return {
      label: title,
      legend: sense !== null,
      x: xAxis,
      y: yAxis,
      data: { x: f.x, series: f.series.map((s) => ({ ...s, hideInTable: true })) },
      points: f.points,
      markers,
      table: {
        caption: `${title}: points`,
        head,
        length: f.order.length,
        sampleNoun: 'points',
        row: (k) => {
          const i = f.order[k];
          const chosen = i === highlight ? ' (chosen)' : '';
          return [`${name(i)}${chosen}`, fx(pts[i].x), fy(pts[i].y), ...(sense ? [onFront.has(i) ? 'yes' : 'no'] : [])];
        },
      },
      summary: read.optStr(d.summary, 'summary', 400) ?? `${summary}.`,
    };
  }
}

defineElement('mls-scatter-chart', MlsScatterChart);

declare global {
  interface HTMLElementTagNameMap {
    'mls-scatter-chart': MlsScatterChart;
  }
}
