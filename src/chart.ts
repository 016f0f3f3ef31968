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
 */
import { html, css, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import uPlot from 'uplot';
import { uplotStyles } from './generated/uplot-css.js';
import { formatNumber } from './format.js';

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
  /** Marker radius in CSS pixels (default 6). */
  radius?: number;
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
}

// ---------------------------------------------------------------------------------------------
// Ticks, sampling and formatting helpers

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** `superscript(-3)` → "⁻³". */
export function superscript(n: number): string {
  return String(n).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** Decade of a positive value, robust to floating-point noise (1e-3 → -3). */
function decade(v: number): number {
  return Math.floor(Math.log10(v) + 1e-9);
}

function isDecade(v: number): boolean {
  if (!(v > 0)) return false;
  const e = Math.round(Math.log10(v));
  return Math.abs(v / 10 ** e - 1) < 1e-9;
}

/**
 * Log-axis tick label: decades from 0.01 to 1,000 as plain numbers, others as powers of ten
 * (10⁻³, 10⁴); values between decades (minor ticks) get an empty label.
 */
export function logTickLabel(v: number): string {
  if (!isDecade(v)) {
    // Sub-decade ticks are labelled only when the axis spans few decades (1, 2, 5, 10 …).
    const m = v / 10 ** decade(v);
    return Math.abs(m - 2) < 1e-9 || Math.abs(m - 5) < 1e-9 ? formatCached(v) : '';
  }
  const e = Math.round(Math.log10(v));
  return e >= -2 && e <= 3 ? formatCached(10 ** e) : `10${superscript(e)}`;
}

/**
 * Tick positions on a log axis between min and max: every decade, and 2× and 5× a decade
 * when the range spans fewer than three decades. Wide ranges thin to every 2nd/3rd decade.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = decade(min);
  const hi = Math.ceil(Math.log10(max) - 1e-9);
  const span = hi - lo;
  const step = span > 16 ? Math.ceil(span / 8) : span > 10 ? 2 : 1;
  const out: number[] = [];
  for (let e = lo; e <= hi; e += step) {
    const d = Number(`1e${e}`);
    const mantissas = span < 3 ? [1, 2, 5] : [1];
    for (const m of mantissas) {
      const v = m === 1 ? d : Number(`${m}e${e}`);
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

/** `count` points evenly spaced on a log scale from `min` to `max` inclusive. */
export function logSpace(min: number, max: number, count: number): number[] {
  const a = Math.log10(min), b = Math.log10(max);
  if (count <= 1) return [min];
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : i === 0 ? min : 10 ** (a + ((b - a) * i) / (count - 1))));
}

/** `count` points evenly spaced from `min` to `max` inclusive. */
export function linSpace(min: number, max: number, count: number): number[] {
  if (count <= 1) return [min];
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : min + ((max - min) * i) / (count - 1)));
}

/** At most `max` indices into an array of `length`, evenly spread, first and last included. */
export function sampleIndices(length: number, max = MAX_TABLE_ROWS): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  if (max <= 1) return [0];
  const out = new Set<number>();
  for (let i = 0; i < max; i++) out.add(Math.round((i * (length - 1)) / (max - 1)));
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Category axes and grouped bars (mls-latency-waterfall, mls-dam-triad, mls-magnitude-gap)

export interface GroupedSeries { label: string; values: ReadonlyArray<number | null>; color: string }

/**
 * Category names for a bar chart's x axis (category i at x = i + 1). An element keeps one
 * CategoryTicks per chart and updates `names`: `tick` and `label` are the same functions from
 * render to render and always read the latest names.
 */
export class CategoryTicks {
  names: readonly string[] = [];
  readonly tick = (v: number): string => (Math.abs(v - Math.round(v)) < 1e-6 ? this.label(v) : '');
  /** The category a position belongs to (nearest centre): for the text twin's cells. */
  readonly label = (v: number): string => this.names[Math.round(v) - 1] ?? '';
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
  const column = (s: number, se: GroupedSeries) => slots.map((p) => (p.s === s ? se.values[p.g] ?? null : null));
  const bars: SeriesSpec[] = series.map((se, s) => ({ label: se.label, kind: 'bars', color: se.color, hideInTable: true, y: column(s, se) }));
  const table: SeriesSpec[] = series.map((se, s) => ({ label: se.label, tableOnly: true, y: column(s, se) }));
  return { x: slots.map((p) => p.x), series: [...bars, ...table] };
}

/** Same numbers in the same order (NaN equals NaN: both are left out of the plot). */
function sameNumbers(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The x tick labels at the data's x positions, for a custom tick function (category names can
 * change while the data stays put); '' without one or for long data (continuous axes).
 */
function xTickLabels(spec: ChartSpec): string {
  const tick = spec.x.tick;
  return tick && spec.data.x.length <= 64 ? spec.data.x.map((x) => tick(x)).join('\u0000') : '';
}

/**
 * Whether two specs of the same structure draw the same plot under the marks: same data, axis
 * ranges and shaded regions. (Tick labels: see xTickLabels; value formatters such as
 * formatSeconds are pure, so equal ranges give equal ticks.)
 */
function samePlot(a: ChartSpec, b: ChartSpec): boolean {
  if (a.x.min !== b.x.min || a.x.max !== b.x.max || a.y.min !== b.y.min || a.y.max !== b.y.max) return false;
  if (a.height !== b.height || !sameNumbers(a.data.x, b.data.x) || a.data.series.length !== b.data.series.length) return false;
  for (let i = 0; i < a.data.series.length; i++) if (!sameNumbers(a.data.series[i].y, b.data.series[i].y)) return false;
  return sameJson(a.regions ?? [], b.regions ?? []);
}

/** Same marker lines and labelled points. */
function sameMarks(a: ChartSpec, b: ChartSpec): boolean {
  return sameJson(a.markers ?? [], b.markers ?? []) && sameJson(a.points ?? [], b.points ?? []);
}

function axisTitle(a: AxisSpec): string {
  return a.unit ? `${a.label} (${a.unit})` : a.label;
}

/**
 * `formatNumber` results by value. The text twin and the tick labels format the same values
 * render after render (a roof's x positions, a fixed axis); formatting goes through Intl and
 * costs far more than a map lookup. Bounded: cleared when it grows past 4,096 entries.
 */
const formatted = new Map<number, string>();
function formatCached(v: number): string {
  let s = formatted.get(v);
  if (s === undefined) {
    if (formatted.size >= 4096) formatted.clear();
    s = formatNumber(v);
    formatted.set(v, s);
  }
  return s;
}

/** Default tick label: decades on log axes, `formatNumber` on linear ones. */
function defaultTick(a: AxisSpec, v: number): string {
  return a.log ? logTickLabel(v) : formatCached(v);
}

function cell(a: AxisSpec, v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return a.format ? a.format(v) : formatCached(v);
}

// ---------------------------------------------------------------------------------------------
// Theme: colours from tokens, re-read when the page's theme changes

const themeListeners = new Set<() => void>();
let themeWatching = false;

function watchTheme(): void {
  if (themeWatching || typeof window === 'undefined') return;
  themeWatching = true;
  const fire = () => { for (const l of [...themeListeners]) l(); };
  const mo = new MutationObserver(fire);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-mls-theme', 'style'] });
  const watchBody = () => document.body && mo.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-mls-theme', 'style'] });
  if (document.body) watchBody(); else document.addEventListener('DOMContentLoaded', watchBody, { once: true });
  for (const q of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
    try { window.matchMedia?.(q).addEventListener?.('change', fire); } catch { /* no media queries: theme fixed */ }
  }
}

function forcedColorsQuery(): MediaQueryList | null {
  try { return typeof window !== 'undefined' ? window.matchMedia?.('(forced-colors: active)') ?? null : null; } catch { return null; }
}

const FORCED_DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4]];

/** Styles the element must include: uPlot's stylesheet plus the chart layout. */
export const chartStyles = [uplotStyles, css`
  .mls-chart { position: relative; margin: var(--mls-space-2) 0; }
  .mls-chart .plot { width: 100%; min-height: 40px; }
  .mls-chart .uplot { width: 100%; font-family: var(--mls-font-sans); color: var(--mls-color-text); }
  .mls-chart .legend { display: flex; flex-wrap: wrap; gap: var(--mls-space-1) var(--mls-space-4); margin: 0;
    padding: 0; list-style: none; font-size: 0.85rem; color: var(--mls-color-text-2); }
  .mls-chart .legend li { display: inline-flex; align-items: center; gap: var(--mls-space-2); }
  .mls-chart .swatch { display: inline-block; width: 22px; height: 0; border-top: 3px solid currentColor; }
  .mls-chart .swatch.points { width: 10px; height: 10px; border: 0; border-radius: 50%; background: currentColor; }
  .mls-chart .swatch.bars { width: 12px; height: 10px; border: 0; background: currentColor; }
  .mls-chart .summary { margin: var(--mls-space-2) 0 0; font-size: 0.95rem; color: var(--mls-color-text); }
  @media (forced-colors: active) {
    .mls-chart .swatch { color: CanvasText !important; }
    .mls-chart .swatch.points, .mls-chart .swatch.bars { background: CanvasText; forced-color-adjust: none; }
  }
`];

/** Number of uPlot instances alive on the page (all controllers); tests use it to find leaks. */
let liveCount = 0;

type Host = ReactiveControllerHost & HTMLElement;

export class ChartController implements ReactiveController {
  /** uPlot instances currently alive on the page. */
  static get live(): number { return liveCount; }

  readonly host: Host;
  #spec: ChartSpec | null = null;
  #container?: HTMLElement;
  #plot?: uPlot;
  #key = '';
  #ro?: ResizeObserver;
  #width = 0;
  #created = 0;
  #colors = new Map<string, string>();
  #fontFamily?: string;
  /** The forced-colors media query, read once per connection (its `matches` is live). */
  #forcedQuery: MediaQueryList | null = null;
  /** The spec last drawn on the canvas, and whether the canvas must be redrawn regardless. */
  #drawn: ChartSpec | null = null;
  #drawnTicks = '';
  #stale = false;
  /** A copy of the canvas as uPlot left it, before the marks (for marks-only redraws). */
  #base?: HTMLCanvasElement;
  #wantBase = false;
  #onTheme = () => { this.#colors.clear(); this.#fontFamily = undefined; this.#stale = true; this.host.requestUpdate(); };

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  /** The live uPlot instance, if any. */
  get plot(): uPlot | undefined { return this.#plot; }
  /** How many uPlot instances this controller has created (data-only updates do not count). */
  get created(): number { return this.#created; }
  /** The spec last rendered. */
  get spec(): ChartSpec | null { return this.#spec; }

  hostConnected(): void {
    this.#forcedQuery = forcedColorsQuery();
    watchTheme();
    themeListeners.add(this.#onTheme);
    // Re-create after a disconnect: the next update builds the plot again.
    if (this.#spec) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    themeListeners.delete(this.#onTheme);
    this.#destroy();
  }

  hostUpdated(): void {
    if (!this.#spec || !this.#container || !this.host.isConnected) { this.#destroy(); return; }
    this.#sync(this.#spec);
  }

  /** The chart, legend and text twin for `spec` (nothing for null). */
  render(spec: ChartSpec | null): TemplateResult | typeof nothing {
    this.#spec = spec;
    if (!spec) return nothing;
    const drawn = spec.data.series.filter((s) => !s.tableOnly);
    const legend = spec.legend ?? drawn.length > 1;
    return html`<figure class="mls-chart" part="chart" style="margin:0">
      <div class="plot" part="plot" ${ref(this.#setContainer)}></div>
      ${legend ? html`<ul class="legend" part="legend" aria-hidden="true">
        ${drawn.map((s) => html`<li><span class="swatch ${s.kind ?? 'line'}"
          style="color:${this.#color(s.color ?? 'blue')};border-top-style:${this.#dash(s, spec.data.series.indexOf(s)).length ? 'dashed' : 'solid'}"></span>${s.label}</li>`)}
      </ul>` : nothing}
      ${this.#renderTable(spec)}
      <p class="summary ${spec.summaryHidden ? 'visually-hidden' : ''}" part="summary" aria-live="polite">${spec.summary}</p>
    </figure>`;
  }

  #renderTable(spec: ChartSpec): TemplateResult {
    const series = spec.data.series.filter((s) => !s.hideInTable);
    const rows = sampleIndices(spec.data.x.length);
    const yHead = (s: SeriesSpec) => (spec.y.unit ? `${s.label} (${spec.y.unit})` : s.label);
    const sampled = rows.length < spec.data.x.length ? ` (${rows.length} of ${spec.data.x.length} points)` : '';
    const marks = [
      ...(spec.markers ?? []).map((m) => ({ label: m.label, x: m.axis === 'x' ? m.value : null, y: m.axis === 'y' ? m.value : null })),
      ...(spec.points ?? []).map((p) => ({ label: p.label, x: p.x, y: p.y })),
    ];
    return html`<div class="visually-hidden" part="table">
      <table class="data">
        <caption>${spec.label}: plotted data${sampled}</caption>
        <thead><tr><th scope="col">${axisTitle(spec.x)}</th>${series.map((s) => html`<th scope="col">${yHead(s)}</th>`)}</tr></thead>
        <tbody>${rows.map((i) => html`<tr><th scope="row">${cell(spec.x, spec.data.x[i])}</th>${series.map((s) => html`<td>${cell(spec.y, s.y[i])}</td>`)}</tr>`)}</tbody>
      </table>
      ${marks.length ? html`<table class="marks">
        <caption>${spec.label}: marked values</caption>
        <thead><tr><th scope="col">Mark</th><th scope="col">${axisTitle(spec.x)}</th><th scope="col">${axisTitle(spec.y)}</th></tr></thead>
        <tbody>${marks.map((m) => html`<tr><th scope="row">${m.label}</th><td>${cell(spec.x, m.x)}</td><td>${cell(spec.y, m.y)}</td></tr>`)}</tbody>
      </table>` : nothing}
    </div>`;
  }

  #setContainer = (el?: Element) => {
    const next = el as HTMLElement | undefined;
    if (next === this.#container) return;
    this.#destroy();
    this.#container = next;
  };

  #forced(): boolean {
    return !!this.#forcedQuery?.matches;
  }

  /** Resolve a colour name to something a canvas accepts, from the host's computed style. */
  #color(name: string): string {
    if (this.#forced()) return 'CanvasText';
    const cached = this.#colors.get(name);
    if (cached) return cached;
    let value = name;
    if (/^[a-z][a-z0-9-]*$/.test(name) || name.startsWith('--')) {
      const prop = name.startsWith('--') ? name : `--mls-color-${name}`;
      const v = getComputedStyle(this.host).getPropertyValue(prop).trim();
      value = v || (name.startsWith('--') ? '#64748b' : name);
      if (!v && /^[a-z]+$/.test(name) && !CSS.supports('color', name)) value = '#64748b';
    }
    this.#colors.set(name, value);
    return value;
  }

  #dash(s: SeriesSpec, i: number): number[] {
    if (s.dash) return s.dash;
    return this.#forced() ? FORCED_DASHES[i % FORCED_DASHES.length] : [];
  }

  #font(size: number, weight = ''): string {
    this.#fontFamily ??= getComputedStyle(this.host).getPropertyValue('--mls-font-sans').trim() || 'system-ui, sans-serif';
    return `${weight ? weight + ' ' : ''}${size}px ${this.#fontFamily}`;
  }

  /** Everything that needs a new uPlot instance when it changes (data and marks do not). */
  #structureKey(spec: ChartSpec): string {
    const axis = (a: AxisSpec) => [a.label, a.unit, !!a.log];
    return JSON.stringify([
      axis(spec.x), axis(spec.y), spec.height ?? 320, this.#forced(),
      spec.data.series.map((s, i) => [s.label, s.kind ?? 'line', this.#color(s.color ?? 'blue'), this.#dash(s, i), s.width ?? 2, !!s.tableOnly]),
      this.#color('text'), this.#color('muted'), this.#color('border'),
    ]);
  }

  #data(spec: ChartSpec): uPlot.AlignedData {
    const clean = (v: number | null | undefined, log?: boolean) =>
      v === null || v === undefined || !Number.isFinite(v) || (log && v <= 0) ? null : v;
    // Points whose x cannot be placed (NaN, or ≤ 0 on a log axis) are left out altogether.
    const keep = spec.data.x.map((_, i) => i).filter((i) => clean(spec.data.x[i], spec.x.log) !== null);
    const xs = keep.map((i) => spec.data.x[i]);
    return [xs, ...spec.data.series.map((s) => keep.map((i) => clean(s.y[i], spec.y.log)))] as uPlot.AlignedData;
  }

  #sync(spec: ChartSpec): void {
    const key = this.#structureKey(spec);
    if (this.#plot && key === this.#key) {
      // Redraw only what changed: an element often re-renders a chart whose data did not move
      // (another of its charts did, or only the text around it), and an operating point that
      // moves along a fixed curve needs only the marks redrawn over the saved plot.
      const ticks = xTickLabels(spec);
      const plotChanged = this.#stale || !this.#drawn || ticks !== this.#drawnTicks || !samePlot(this.#drawn, spec);
      if (plotChanged) {
        this.#wantBase = false;
        this.#base = undefined;
        this.#plot.setData(this.#data(spec));
      } else if (!sameMarks(this.#drawn!, spec)) {
        if (this.#base) {
          this.#redrawMarks(this.#plot);
        } else {
          // First marks-only change: redraw in full once and keep a copy of the plot under the
          // marks (copying a canvas is not free, so only charts whose marks move get one).
          this.#wantBase = true;
          this.#plot.redraw(false, false);
        }
      }
      this.#stale = false;
      this.#drawn = spec;
      this.#drawnTicks = ticks;
      this.#label();
      return;
    }
    this.#destroy();
    this.#create(spec, key);
    this.#stale = false;
    this.#drawn = spec;
    this.#drawnTicks = xTickLabels(spec);
  }

  #label(): void {
    const canvas = this.#plot?.ctx.canvas;
    if (!canvas || !this.#spec) return;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${this.#spec.label}. ${this.#spec.summary}`.trim());
  }

  #range(which: 'x' | 'y'): uPlot.Range.Function {
    return (_u, dmin, dmax) => {
      const a = (this.#spec ?? { x: { label: '' }, y: { label: '' } })[which] as AxisSpec;
      let lo = a.min ?? dmin, hi = a.max ?? dmax;
      if (lo === null || hi === null || !Number.isFinite(lo) || !Number.isFinite(hi)) {
        return a.log ? [a.min ?? 0.1, a.max ?? 10] : [a.min ?? 0, a.max ?? 1];
      }
      if (a.log) {
        if (a.min === undefined) lo = 10 ** decade(lo);
        if (a.max === undefined) hi = 10 ** Math.ceil(Math.log10(hi) - 1e-9);
        if (hi <= lo) hi = lo * 10;
        return [lo, hi];
      }
      if (a.min === undefined || a.max === undefined) {
        const [rlo, rhi] = uPlot.rangeNum(lo, hi, 0.1, true);
        const l = rlo ?? lo, h = rhi ?? hi;
        return [a.min ?? (lo >= 0 && l < 0 ? 0 : l), a.max ?? h];
      }
      return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
    };
  }

  #axis(which: 'x' | 'y', a: AxisSpec): uPlot.Axis {
    const text = this.#color('text-2');
    const grid = this.#color('border');
    // Tick labels follow the spec last rendered (a new tick function needs no new plot).
    const tick = (v: number) => {
      const cur = this.#spec?.[which] ?? a;
      return cur.tick ? cur.tick(v) : defaultTick(cur, v);
    };
    const axis: uPlot.Axis = {
      scale: which,
      label: axisTitle(a),
      stroke: text,
      font: this.#font(12),
      labelFont: this.#font(13, '600'),
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1, size: 5 },
      values: (_u, splits) => splits.map((v) => (v === null || v === undefined ? '' : tick(v))),
    };
    if (a.log) axis.splits = (u) => {
      const s = u.scales[which];
      return logTicks(s.min ?? 0.1, s.max ?? 10);
    };
    if (which === 'x') {
      axis.size = 32;
      axis.labelSize = 22;
    } else {
      axis.labelSize = 24;
      axis.size = (u, values, axisIdx, cycle) => {
        const ax = u.axes[axisIdx] as uPlot.Axis & { _size?: number };
        if (cycle > 1 && ax._size) return ax._size;
        u.ctx.font = this.#font(12 * uPlot.pxRatio);
        const longest = (values ?? []).reduce((w, v) => Math.max(w, u.ctx.measureText(v).width / uPlot.pxRatio), 0);
        const needed = Math.ceil(longest + 16);
        // Hysteresis: keep the current width unless the labels need more, or much less. A new
        // width resizes the canvas (which clears and reallocates it), and tick labels that
        // alternate between two widths as a slider moves would do that on every update.
        const prev = ax._size;
        return prev && needed <= prev && needed > prev - 24 ? prev : needed;
      };
    }
    return axis;
  }

  #series(s: SeriesSpec, i: number): uPlot.Series {
    const stroke = this.#color(s.color ?? 'blue');
    const kind = s.kind ?? 'line';
    const out: uPlot.Series = { label: s.label, stroke, width: s.width ?? 2, dash: this.#dash(s, i), spanGaps: false, points: { show: false } };
    if (s.tableOnly) { out.show = false; return out; }
    if (kind === 'points') {
      out.paths = () => null;
      out.points = { show: true, size: 7, stroke, fill: stroke, width: 1 };
    } else if (kind === 'bars') {
      out.paths = uPlot.paths.bars!({ size: [0.6, 64] });
      out.fill = stroke;
      out.width = 0;
    } else if (kind === 'area') {
      out.fill = !this.#forced() && /^#[0-9a-f]{6}$/i.test(stroke) ? `${stroke}22` : 'transparent';
    }
    return out;
  }

  #create(spec: ChartSpec, key: string): void {
    const container = this.#container!;
    const width = Math.max(160, Math.floor(container.clientWidth || this.host.clientWidth || 600));
    const height = spec.height ?? 320;
    const opts: uPlot.Options = {
      width, height,
      pxAlign: 0,
      legend: { show: false },
      cursor: { show: true, x: true, y: true, points: { show: false }, drag: { x: false, y: false, setScale: false } },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, distr: spec.x.log ? 3 : 1, log: 10, range: this.#range('x') },
        y: { distr: spec.y.log ? 3 : 1, log: 10, range: this.#range('y') },
      },
      axes: [this.#axis('x', spec.x), this.#axis('y', spec.y)],
      series: [{ label: spec.x.label }, ...spec.data.series.map((s, i) => this.#series(s, i))],
      hooks: {
        drawClear: [(u) => this.#drawRegions(u)],
        draw: [(u) => { if (this.#wantBase) this.#saveBase(u); this.#drawMarks(u); }],
      },
    };
    this.#plot = new uPlot(opts, this.#data(spec), container);
    this.#key = key;
    this.#width = width;
    this.#created++;
    liveCount++;
    this.#label();
    this.#ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (!this.#plot || w < 1 || Math.abs(w - this.#width) < 1) return;
      this.#width = Math.max(160, w);
      this.#plot.setSize({ width: this.#width, height: this.#spec?.height ?? height });
    });
    this.#ro.observe(container);
  }

  #destroy(): void {
    this.#drawn = null;
    this.#base = undefined;
    this.#wantBase = false;
    this.#ro?.disconnect();
    this.#ro = undefined;
    if (this.#plot) {
      this.#plot.destroy();
      this.#plot = undefined;
      liveCount--;
    }
    this.#key = '';
  }

  // ---- canvas drawing for regions, marker lines and labelled points ----

  /** Keep a copy of the plot as uPlot drew it (axes, grid, regions, series), without marks. */
  #saveBase(u: uPlot): void {
    const src = u.ctx.canvas;
    if (!src.width || !src.height) { this.#base = undefined; return; }
    const base = this.#base ?? document.createElement('canvas');
    if (base.width !== src.width) base.width = src.width;
    if (base.height !== src.height) base.height = src.height;
    const ctx = base.getContext('2d');
    if (!ctx) { this.#base = undefined; return; }
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(src, 0, 0);
    this.#base = base;
  }

  /** Marks changed, nothing under them: restore the saved plot and draw the marks again. */
  #redrawMarks(u: uPlot): void {
    const base = this.#base!;
    const ctx = u.ctx;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(base, 0, 0);
    ctx.restore();
    this.#drawMarks(u);
  }

  #pos(u: uPlot, v: number, scale: 'x' | 'y'): number | null {
    const a = this.#spec?.[scale];
    if (!Number.isFinite(v) || (a?.log && v <= 0)) return null;
    const p = u.valToPos(v, scale, true);
    return Number.isFinite(p) ? p : null;
  }

  #drawRegions(u: uPlot): void {
    const regions = this.#spec?.regions;
    if (!regions?.length || this.#forced()) return;
    const { left, top, width, height } = u.bbox;
    const ctx = u.ctx;
    ctx.save();
    for (const r of regions) {
      const a = this.#pos(u, r.from, r.axis), b = this.#pos(u, r.to, r.axis);
      if (a === null || b === null) continue;
      ctx.globalAlpha = r.alpha ?? 0.08;
      ctx.fillStyle = this.#color(r.color ?? 'grey');
      if (r.axis === 'x') {
        const x0 = Math.max(left, Math.min(a, b)), x1 = Math.min(left + width, Math.max(a, b));
        if (x1 > x0) ctx.fillRect(x0, top, x1 - x0, height);
      } else {
        const y0 = Math.max(top, Math.min(a, b)), y1 = Math.min(top + height, Math.max(a, b));
        if (y1 > y0) ctx.fillRect(left, y0, width, y1 - y0);
      }
    }
    ctx.restore();
  }

  #drawMarks(u: uPlot): void {
    const spec = this.#spec;
    if (!spec) return;
    const px = uPlot.pxRatio;
    const { left, top, width, height } = u.bbox;
    const ctx = u.ctx;
    const forced = this.#forced();
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.font = this.#font(12 * px, '600');
    ctx.textBaseline = 'top';
    for (const r of spec.regions ?? []) {
      if (!r.label) continue;
      const a = this.#pos(u, r.from, r.axis), b = this.#pos(u, r.to, r.axis);
      if (a === null || b === null || r.axis !== 'x') continue;
      const x0 = Math.max(left, Math.min(a, b)), x1 = Math.min(left + width, Math.max(a, b));
      ctx.fillStyle = forced ? 'GrayText' : this.#color(r.color ?? 'grey');
      ctx.textAlign = 'center';
      if (x1 - x0 > ctx.measureText(r.label).width + 8 * px) ctx.fillText(r.label, (x0 + x1) / 2, top + height - 20 * px);
    }
    for (const m of spec.markers ?? []) {
      const p = this.#pos(u, m.value, m.axis);
      if (p === null) continue;
      const color = forced ? 'CanvasText' : this.#color(m.color ?? 'grey');
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash((m.dash ?? [6, 4]).map((d) => d * px));
      ctx.beginPath();
      if (m.axis === 'x') { ctx.moveTo(p, top); ctx.lineTo(p, top + height); } else { ctx.moveTo(left, p); ctx.lineTo(left + width, p); }
      ctx.stroke();
      ctx.setLineDash([]);
      const w = ctx.measureText(m.label).width;
      if (m.axis === 'x') {
        const right = p + 6 * px + w < left + width;
        ctx.textAlign = right ? 'left' : 'right';
        const ty = m.labelAt === 'bottom' ? top + height - 44 * px : m.labelAt === 'middle' ? top + height / 2 : top + 6 * px;
        this.#text(ctx, m.label, right ? p + 6 * px : p - 6 * px, ty, color, forced);
      } else {
        ctx.textAlign = 'right';
        this.#text(ctx, m.label, left + width - 6 * px, p - 18 * px < top ? p + 4 * px : p - 18 * px, color, forced);
      }
    }
    for (const pt of spec.points ?? []) {
      const x = this.#pos(u, pt.x, 'x'), y = this.#pos(u, pt.y, 'y');
      if (x === null || y === null) continue;
      const color = forced ? 'Highlight' : this.#color(pt.color ?? 'blue');
      if (pt.drop) {
        ctx.strokeStyle = forced ? 'CanvasText' : color;
        ctx.lineWidth = 1.5 * px;
        ctx.setLineDash([2 * px, 3 * px]);
        ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x, top + height); ctx.stroke();
        ctx.setLineDash([]);
      }
      const r = (pt.radius ?? 6) * px;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 2 * px;
      ctx.strokeStyle = forced ? 'CanvasText' : this.#color('surface');
      ctx.stroke();
      const w = ctx.measureText(pt.label).width;
      const right = x + r + 6 * px + w < left + width;
      ctx.textAlign = right ? 'left' : 'right';
      const ty = y - r - 18 * px < top ? y + r + 4 * px : y - r - 18 * px;
      this.#text(ctx, pt.label, right ? x + r + 4 * px : x - r - 4 * px, ty, forced ? 'CanvasText' : this.#color('text'), forced);
    }
    ctx.restore();
  }

  /** Text with a halo in the surface colour so it stays legible over lines and shading. */
  #text(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, forced: boolean): void {
    ctx.lineJoin = 'round';
    ctx.lineWidth = 4 * uPlot.pxRatio;
    ctx.strokeStyle = forced ? 'Canvas' : this.#color('surface');
    ctx.strokeText(text, x, y);
    ctx.fillStyle = color;
    ctx.fillText(text, x, y);
  }
}
