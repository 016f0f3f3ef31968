/**
 * `ChartController`: the Lit reactive controller that owns one uPlot instance in an element's
 * shadow root and renders it with its legend and text twin.
 *
 * It creates uPlot after the first render, calls `setData` when only data changed, redraws
 * only the marks when only marker lines and labelled points moved (./diff.ts), re-creates the
 * plot when the structure changed (series, axes, height, theme colours), resizes it with a
 * ResizeObserver, destroys it on disconnect and builds it again on reconnect. Marks and labels
 * are drawn by ./marks.ts; the last label placement is `labels`, also written to the plot
 * container's `data-labels` attribute as JSON in CSS px relative to the canvas:
 * `{ plot: [x, y, w, h], canvas: [w, h], placed: [[text, x, y, w, h] …], dropped: [text …], bars: [[x, y, w, h] …] }`.
 *
 * Colours are design tokens: a series' `color: 'blue'` reads `--mls-color-blue` from the
 * host's computed style, so host-page theming and dark mode apply; the chart re-reads them
 * when the theme changes. In forced-colors mode every stroke uses system colours, line series
 * differ by dash and bar series by hatching.
 */
import { html, css, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import uPlot from 'uplot';
import { uplotStyles } from '../generated/uplot-css.js';
import type { AxisSpec, ChartSpec, SeriesSpec } from './spec.js';
import { axisTitle, decade, defaultTick, logTicks } from './scales.js';
import { samePlot, sameMarks, structureKey, xTickLabels } from './diff.js';
import { drawMarks, drawRegions, hatchPattern, type Box, type MarkEnv, type Placement } from './marks.js';
import { chartTwin, renderTextTwin } from './text-twin.js';

// ---------------------------------------------------------------------------------------------
// Theme: colours from tokens, re-read when the page's theme changes

const themeListeners = new Set<() => void>();
let themeWatching = false;

function watchTheme(): void {
  if (themeWatching || typeof window === 'undefined') return;
  themeWatching = true;
  const fire = () => {
    for (const l of [...themeListeners]) l();
  };
  const mo = new MutationObserver(fire);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-mls-theme', 'style'] });
  const watchBody = () =>
    document.body && mo.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-mls-theme', 'style'] });
  if (document.body) watchBody();
  else document.addEventListener('DOMContentLoaded', watchBody, { once: true });
  for (const q of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
    try {
      window.matchMedia?.(q).addEventListener?.('change', fire);
    } catch {
      /* no media queries: theme fixed */
    }
  }
}

function forcedColorsQuery(): MediaQueryList | null {
  try {
    return typeof window !== 'undefined' ? (window.matchMedia?.('(forced-colors: active)') ?? null) : null;
  } catch {
    return null;
  }
}

const FORCED_DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4]];

/** Styles the element must include: uPlot's stylesheet plus the chart layout. */
export const chartStyles = [
  uplotStyles,
  css`
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
    .mls-chart .swatch.bars.h1 { background: repeating-linear-gradient(135deg, CanvasText 0 2px, Canvas 2px 5px); }
    .mls-chart .swatch.bars.h2 { background: repeating-linear-gradient(135deg, CanvasText 0 2px, Canvas 2px 5px),
      repeating-linear-gradient(45deg, CanvasText 0 2px, Canvas 2px 5px); background-blend-mode: multiply; }
    .mls-chart .swatch.bars.h3 { background: radial-gradient(CanvasText 30%, Canvas 35%) 0 0 / 5px 5px; }
    .mls-chart .swatch.bars.h4 { background: repeating-linear-gradient(0deg, CanvasText 0 2px, Canvas 2px 5px); }
  }
`,
];

/** Number of uPlot instances alive on the page (all controllers); tests use it to find leaks. */
let liveCount = 0;

type Host = ReactiveControllerHost & HTMLElement;

export class ChartController implements ReactiveController {
  /** uPlot instances currently alive on the page. */
  static get live(): number {
    return liveCount;
  }

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
  /** Bar rectangles uPlot drew, by series index (canvas px): obstacles for the labels. */
  #bars = new Map<number, Box[]>();
  #labels: Placement | null = null;
  #labelsAttr = '';
  #onTheme = () => {
    this.#colors.clear();
    this.#fontFamily = undefined;
    this.#stale = true;
    this.host.requestUpdate();
  };

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  /** The live uPlot instance, if any. */
  get plot(): uPlot | undefined {
    return this.#plot;
  }
  /** How many uPlot instances this controller has created (data-only updates do not count). */
  get created(): number {
    return this.#created;
  }
  /** The spec last rendered. */
  get spec(): ChartSpec | null {
    return this.#spec;
  }
  /** The last label placement (canvas px), null before the first draw. */
  get labels(): Placement | null {
    return this.#labels;
  }

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
    if (!this.#spec || !this.#container || !this.host.isConnected) {
      this.#destroy();
      return;
    }
    this.#sync(this.#spec);
  }

  /** The chart, legend and text twin for `spec` (nothing for null). */
  render(spec: ChartSpec | null): TemplateResult | typeof nothing {
    this.#spec = spec;
    if (!spec) return nothing;
    const drawn = spec.data.series.filter((s) => !s.tableOnly);
    const legend = spec.legend ?? drawn.length > 1;
    const bars = drawn.filter((s) => s.kind === 'bars');
    return html`<figure class="mls-chart" part="chart" style="margin:0">
      <div class="plot" part="plot" ${ref(this.#setContainer)}></div>
      ${
        legend
          ? html`<ul class="legend" part="legend" aria-hidden="true">
        ${drawn.map(
          (s) => html`<li><span class="swatch ${s.kind ?? 'line'}${bars.length > 1 && s.kind === 'bars' ? ` h${bars.indexOf(s) % 5}` : ''}"
          style="color:${this.#color(s.color ?? 'blue')};border-top-style:${this.#dash(s, spec.data.series.indexOf(s)).length ? 'dashed' : 'solid'}"></span>${s.label}</li>`,
        )}
      </ul>`
          : nothing
      }
      ${renderTextTwin(chartTwin(spec))}
    </figure>`;
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
  #color = (name: string): string => {
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
  };

  #dash = (s: SeriesSpec, i: number): number[] => {
    if (s.dash) return s.dash;
    return this.#forced() ? FORCED_DASHES[i % FORCED_DASHES.length] : [];
  };

  #font = (size: number, weight = ''): string => {
    this.#fontFamily ??= getComputedStyle(this.host).getPropertyValue('--mls-font-sans').trim() || 'system-ui, sans-serif';
    return `${weight ? weight + ' ' : ''}${size}px ${this.#fontFamily}`;
  };

  #data(spec: ChartSpec): uPlot.AlignedData {
    const clean = (v: number | null | undefined, log?: boolean) =>
      v === null || v === undefined || !Number.isFinite(v) || (log && v <= 0) ? null : v;
    // Points whose x cannot be placed (NaN, or ≤ 0 on a log axis) are left out altogether.
    const keep = spec.data.x.map((_, i) => i).filter((i) => clean(spec.data.x[i], spec.x.log) !== null);
    const xs = keep.map((i) => spec.data.x[i]);
    return [xs, ...spec.data.series.map((s) => keep.map((i) => clean(s.y[i], spec.y.log)))] as uPlot.AlignedData;
  }

  #sync(spec: ChartSpec): void {
    const key = structureKey(spec, { forced: this.#forced(), color: this.#color, dash: this.#dash });
    const ticks = xTickLabels(spec);
    if (this.#plot && key === this.#key) {
      // Redraw only what changed: an element often re-renders a chart whose data did not move
      // (another of its charts did, or only the text around it), and an operating point that
      // moves along a fixed curve needs only the marks redrawn over the saved plot.
      const ticksChanged = ticks !== this.#drawnTicks;
      const plotChanged = this.#stale || !this.#drawn || ticksChanged || !samePlot(this.#drawn, spec);
      if (plotChanged) {
        this.#wantBase = false;
        this.#base = undefined;
        this.#plot.setData(this.#data(spec));
        // uPlot keeps an axis's labels from its last layout while the scales stay the same: new
        // category names (lab 01's tiers when the precision changes) need the axes recalculated.
        if (ticksChanged) this.#plot.redraw(false, true);
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
    this.#drawnTicks = ticks;
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
      let lo = a.min ?? dmin,
        hi = a.max ?? dmax;
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
        const l = rlo ?? lo,
          h = rhi ?? hi;
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
    if (a.space) axis.space = a.space;
    if (a.log)
      axis.splits = (u) => {
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

  #series(s: SeriesSpec, i: number, barIndex: number, barCount: number): uPlot.Series {
    const stroke = this.#color(s.color ?? 'blue');
    const kind = s.kind ?? 'line';
    const out: uPlot.Series = {
      label: s.label,
      stroke,
      width: s.width ?? 2,
      dash: this.#dash(s, i),
      spanGaps: !!s.spanGaps,
      points: { show: false },
    };
    if (s.tableOnly) {
      out.show = false;
      return out;
    }
    if (kind === 'points') {
      out.paths = () => null;
      out.points = { show: true, size: 7, stroke, fill: stroke, width: 1 };
    } else if (kind === 'bars') {
      const seriesIdx = i + 1;
      const build = uPlot.paths.bars!({
        size: s.barWidth ? [s.barWidth, Infinity] : [0.6, 64],
        each: (_u, si, _i, x, y, w, h) => {
          this.#bars.get(si)?.push({ x, y, w, h });
        },
      });
      // uPlot rebuilds a series' paths when its data or the plot's size changed, and then
      // calls `each` once per bar: start that series' list afresh.
      out.paths = (u, si, i0, i1) => {
        this.#bars.set(seriesIdx, []);
        return build(u, si, i0, i1);
      };
      const hatch = this.#forced() && barCount > 1 ? hatchPattern(barIndex, uPlot.pxRatio) : null;
      out.fill = hatch ? () => hatch : stroke;
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
    const bars = spec.data.series.filter((s) => s.kind === 'bars' && !s.tableOnly);
    const opts: uPlot.Options = {
      width,
      height,
      pxAlign: 0,
      legend: { show: false },
      cursor: { show: true, x: true, y: true, points: { show: false }, drag: { x: false, y: false, setScale: false } },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, distr: spec.x.log ? 3 : 1, log: 10, range: this.#range('x') },
        y: { distr: spec.y.log ? 3 : 1, log: 10, range: this.#range('y') },
      },
      axes: [this.#axis('x', spec.x), this.#axis('y', spec.y)],
      series: [{ label: spec.x.label }, ...spec.data.series.map((s, i) => this.#series(s, i, bars.indexOf(s), bars.length))],
      hooks: {
        drawClear: [(u) => drawRegions(this.#env(u), this.#spec?.regions)],
        draw: [
          (u) => {
            if (this.#wantBase) this.#saveBase(u);
            this.#drawMarks(u);
          },
        ],
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
    this.#bars.clear();
    this.#labels = null;
    this.#labelsAttr = '';
    this.#ro?.disconnect();
    this.#ro = undefined;
    if (this.#plot) {
      this.#plot.destroy();
      this.#plot = undefined;
      liveCount--;
    }
    this.#key = '';
  }

  // ---- marks: regions, marker lines, labelled points (./marks.ts) over the plot ----

  #env(u: uPlot): MarkEnv {
    const { left, top, width, height } = u.bbox;
    return {
      ctx: u.ctx,
      plot: { x: left, y: top, w: width, h: height },
      px: uPlot.pxRatio,
      forced: this.#forced(),
      color: this.#color,
      font: this.#font,
      pos: (v, scale) => {
        const a = this.#spec?.[scale];
        if (!Number.isFinite(v) || (a?.log && v <= 0)) return null;
        const p = u.valToPos(v, scale, true);
        return Number.isFinite(p) ? p : null;
      },
    };
  }

  #drawMarks(u: uPlot): void {
    const spec = this.#spec;
    if (!spec) return;
    const bars = [...this.#bars.values()].flat();
    const placement = drawMarks(this.#env(u), spec, bars);
    this.#labels = placement;
    // The placement in CSS px relative to the canvas, for tests and for anyone inspecting the page.
    const px = uPlot.pxRatio;
    const r = (v: number) => Math.round((v / px) * 10) / 10;
    const box = (b: Box) => [r(b.x), r(b.y), r(b.w), r(b.h)];
    const { left, top, width, height } = u.bbox;
    const attr = JSON.stringify({
      plot: box({ x: left, y: top, w: width, h: height }),
      canvas: [r(u.ctx.canvas.width), r(u.ctx.canvas.height)],
      placed: placement.placed.map((l) => [l.text, ...box(l.box)]),
      dropped: placement.dropped,
      bars: bars.map(box),
    });
    if (attr !== this.#labelsAttr) {
      this.#labelsAttr = attr;
      this.#container?.setAttribute('data-labels', attr);
    }
  }

  /** Keep a copy of the plot as uPlot drew it (axes, grid, regions, series), without marks. */
  #saveBase(u: uPlot): void {
    const src = u.ctx.canvas;
    if (!src.width || !src.height) {
      this.#base = undefined;
      return;
    }
    const base = this.#base ?? document.createElement('canvas');
    if (base.width !== src.width) base.width = src.width;
    if (base.height !== src.height) base.height = src.height;
    const ctx = base.getContext('2d');
    if (!ctx) {
      this.#base = undefined;
      return;
    }
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
}
