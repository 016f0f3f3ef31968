/**
 * The chart base every instrument uses: uPlot in the shadow root, paired with its text twin.
 *
 * It is a Lit reactive controller (`ChartController`) rather than a base class, so an element
 * keeps extending `MlsElement` and may hold one chart or several. The element describes what
 * to draw as a plain `ChartSpec` in `render()`; the controller creates the uPlot instance after
 * the first render, calls `setData` when only data changed (no re-creation), re-creates it when
 * the structure changed (series, axes, height, theme colours), resizes it with a
 * ResizeObserver, destroys it on disconnect and builds it again on reconnect.
 *
 * What the controller renders for each spec:
 * - the plot container (uPlot's canvas gets `role="img"` and `aria-label` = `spec.label`);
 * - a small visible legend (series names with their line style, so colour is never the only cue);
 * - the text twin: a visually hidden `<table>` of the plotted data (caption, column headers
 *   with units, sampled down to at most `MAX_TABLE_ROWS` rows), a second table of the marked
 *   values (marker lines and labelled points), and a `<p aria-live="polite">` holding
 *   `spec.summary`, the sentence with the key number (visible by default; `summaryHidden`
 *   hides it visually).
 *
 * Colours are design tokens: a series' `color: 'blue'` reads `--mls-color-blue` from the
 * host's computed style, so host-page theming and dark mode (`.quarto-dark`,
 * `[data-mls-theme]`, prefers-color-scheme) apply; the chart re-reads them when the theme
 * changes. In forced-colors mode every stroke uses system colours and series differ by dash.
 *
 * Usage:
 * ```ts
 * import { ChartController, chartStyles, logSpace, type ChartSpec } from '../src/chart.js';
 *
 * class MlsThing extends MlsElement {
 *   static override styles = [baseStyles, chartStyles, css`…`];
 *   #chart = new ChartController(this);
 *
 *   override render() {
 *     const x = logSpace(0.1, 1e4, 300);
 *     const spec: ChartSpec = {
 *       label: 'Roofline of the H100 at fp16',
 *       x: { label: 'Arithmetic intensity', unit: 'FLOP/B', log: true, min: 0.1, max: 1e4 },
 *       y: { label: 'Attainable', unit: 'TFLOP/s', log: true },
 *       data: { x, series: [{ label: 'Roof', y: x.map(f), color: 'blue' }] },
 *       markers: [{ axis: 'x', value: 295, label: 'Ridge 295 FLOP/B', color: 'grey' }],
 *       points: [{ x: 171, y: 570, label: '570 TFLOP/s', color: 'orange', drop: true }],
 *       summary: 'Memory-bound: 171 FLOP/B is below the ridge at 295 FLOP/B.',
 *     };
 *     return html`${this.renderInvalid()}${this.#chart.render(spec)}`;
 *   }
 * }
 * ```
 * Pass `null` to `render()` to show no chart (e.g. invalid input with no last good spec).
 * Tick and value formatting reuse src/format.ts; `logTicks`, `logTickLabel`, `superscript`,
 * `logSpace`, `linSpace` and `sampleIndices` are exported for elements and tests.
 *
 * This file is a barrel: the code lives in src/chart/ (spec types, scales, recipes, diff,
 * marks and label placement, the text twin, the controller; see docs/architecture.md,
 * "Chart base"). Import from here.
 */
export { MAX_TABLE_ROWS } from './chart/spec.js';
export type { AxisSpec, SeriesKind, SeriesSpec, MarkerSpec, PointSpec, RegionSpec, ChartSpec } from './chart/spec.js';
export { superscript, logTickLabel, logTicks, logSpace, linSpace, sampleIndices, CategoryTicks } from './chart/scales.js';
export { groupedBars, stackedBars, histogram, frontier, paretoFrontier, quantileSorted, unitAxis } from './chart/recipes.js';
export type {
  GroupedSeries,
  StackSegment,
  StackOptions,
  HistogramInput,
  HistogramResult,
  ScatterPoint,
  FrontierSense,
  FrontierOptions,
  FrontierResult,
} from './chart/recipes.js';
export { placeLabels, pointOptions, markerOptions, textSizes, intersects, within } from './chart/marks.js';
export type { Box, TextSize, LabelOption, LabelRequest, PlacedLabel, Placement } from './chart/marks.js';
export { renderTextTwin, chartTwin, textTwinStyles } from './chart/text-twin.js';
export type { TextTwin, TwinTable } from './chart/text-twin.js';
export { ChartController, chartStyles } from './chart/controller.js';
