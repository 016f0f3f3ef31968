/**
 * Canvas drawing of what sits over the plot: shaded regions, marker lines, labelled points,
 * and the placement of every label so that none overlaps another, a bar or a point marker, or
 * leaves the plot area.
 *
 * Label placement rule (deterministic, greedy, in this order: marker labels, point labels in
 * the spec's order, value labels on bar tops from the tallest bar down, region labels):
 * 1. Each label gets an ordered list of candidate boxes (measured text; `pointOptions`,
 *    `markerOptions`): for a point, above-right of it, then above-left, below-right,
 *    below-left, centred above or below (slid sideways to stay inside the plot), beside it,
 *    then staggered one or two lines higher; a value label on a bar top (`labelAt: 'above'`)
 *    tries centred above the bar, inside the bar's top when it fits there, then one or two
 *    lines higher, never beside the bar (it would read as the neighbour's value). A marker line's label tries its usual spot, the other side of the
 *    line, then steps along it. Each spot is tried on one line, then (if the text has a space)
 *    on two ("989" over "TFLOP/s"), before the next spot.
 * 2. The first candidate that lies inside the plot (1 px in from its edges) and keeps `pad`
 *    away from every label placed so far and every obstacle (bars, point markers) wins.
 * 3. A label with no such candidate is dropped: the text twin's table still has its value.
 * `placeLabels` is the pure core (boxes in, boxes out); the controller exposes its result.
 *
 * Everything here draws on a 2D context in canvas pixels (CSS px × `px`) and reads nothing
 * else: the controller passes the geometry, colour resolver and font in a `MarkEnv`.
 */
import type { ChartSpec, RegionSpec } from './spec.js';

/** A rectangle: x, y of its top-left corner, width and height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text laid out on one or more lines, measured. */
export interface TextSize {
  lines: readonly string[];
  w: number;
  h: number;
}

export interface LabelOption {
  box: Box;
  lines: readonly string[];
  /** An obstacle this option may overlap (the bar a value label sits inside). */
  ignore?: Box;
}

export interface LabelRequest {
  text: string;
  /** Candidates, best first. */
  options: readonly LabelOption[];
}

export interface PlacedLabel {
  text: string;
  lines: readonly string[];
  box: Box;
  /** Index of the request, and of the option that won. */
  request: number;
  option: number;
}

export interface Placement {
  placed: PlacedLabel[];
  /** Texts of the labels that found no room. */
  dropped: string[];
}

/** Whether two boxes overlap, or come closer than `pad` (touching edges do not overlap at pad 0). */
export function intersects(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

/** Whether `inner` lies entirely within `outer`. */
export function within(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/**
 * Place labels greedily: each request takes its first option inside `plot` (`inset` in from the
 * edges) that keeps `pad` from the labels already placed and from every obstacle (bar, point
 * marker) other than the option's `ignore`; a request with none is dropped. Deterministic:
 * the same input gives the same output.
 */
export function placeLabels(requests: readonly LabelRequest[], plot: Box, obstacles: readonly Box[], pad = 2, inset = 1): Placement {
  const area: Box = { x: plot.x + inset, y: plot.y + inset, w: plot.w - 2 * inset, h: plot.h - 2 * inset };
  const placed: PlacedLabel[] = [];
  const dropped: string[] = [];
  requests.forEach((r, ri) => {
    const k = r.options.findIndex(
      (o) =>
        within(o.box, area) &&
        !placed.some((p) => intersects(p.box, o.box, pad)) &&
        !obstacles.some((b) => b !== o.ignore && intersects(b, o.box, pad)),
    );
    if (k < 0) dropped.push(r.text);
    else placed.push({ text: r.text, lines: r.options[k].lines, box: r.options[k].box, request: ri, option: k });
  });
  return { placed, dropped };
}

/**
 * The ways to lay out a label: on one line, and, when it has a space, on two lines broken at
 * the space nearest the middle (after a colon or before a parenthesis if one is near it):
 * "989 TFLOP/s" → "989" / "TFLOP/s" fits over a narrow bar.
 */
export function textSizes(text: string, measure: (s: string) => number, lineHeight: number): TextSize[] {
  const one: TextSize = { lines: [text], w: measure(text), h: lineHeight };
  if (!text.includes(' ')) return [one];
  let best = -1,
    bestScore = Infinity;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
    const nice = text[i - 1] === ':' || text[i + 1] === '(' ? 0.6 : 1;
    const score = Math.abs(i - text.length / 2) * nice;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const lines = [text.slice(0, best), text.slice(best + 1)];
  return [one, { lines, w: Math.max(...lines.map(measure)), h: 2 * lineHeight }];
}

const clamp = (v: number, lo: number, hi: number) => (hi < lo ? lo : Math.min(hi, Math.max(lo, v)));

type Spot = (s: TextSize) => { box: Box; ignore?: Box } | null;

/** Every spot with every text size, spot by spot: staying near the anchor beats staying on one line. */
function expand(spots: readonly Spot[], sizes: readonly TextSize[]): LabelOption[] {
  const out: LabelOption[] = [];
  for (const spot of spots) {
    for (const s of sizes) {
      const o = spot(s);
      if (o) out.push({ box: o.box, lines: s.lines, ignore: o.ignore });
    }
  }
  return out;
}

/**
 * Candidate boxes for the label of a point or a bar top. `anchor` is the point's marker box
 * (for a value label on a bar, the bar's top edge); `bar` is that bar, whose inside is then a
 * candidate too. `gap` is the space between anchor and label (4 CSS px × the pixel ratio).
 * 'right': above-right, above-left, below-right, below-left, centred above, centred below,
 * beside, staggered above. 'above' (a bar's value label): centred above, inside the bar's top,
 * staggered above, and nowhere else. Centred boxes slide sideways to stay inside the plot.
 */
export function pointOptions(
  anchor: Box,
  sizes: readonly TextSize[],
  plot: Box,
  gap: number,
  prefer: 'right' | 'above' = 'right',
  bar?: Box,
): LabelOption[] {
  const cy = anchor.y + anchor.h / 2,
    cx = anchor.x + anchor.w / 2;
  const vgap = gap * 0.75;
  const m = gap / 2; // slide no closer than this to the plot's sides
  const box = (x: number, y: number, s: TextSize) => ({ box: { x, y, w: s.w, h: s.h } });
  const above = (s: TextSize) => anchor.y - vgap - s.h;
  const below = () => anchor.y + anchor.h + gap;
  const rightX = () => anchor.x + anchor.w + gap;
  const leftX = (s: TextSize) => anchor.x - gap - s.w;
  const centredX = (s: TextSize) => clamp(cx - s.w / 2, plot.x + m, plot.x + plot.w - m - s.w);
  const aboveRight: Spot = (s) => box(rightX(), above(s), s);
  const aboveLeft: Spot = (s) => box(leftX(s), above(s), s);
  const centredAbove: Spot = (s) => box(centredX(s), above(s), s);
  const centredBelow: Spot = (s) => box(centredX(s), below(), s);
  const besideRight: Spot = (s) => box(rightX(), cy - s.h / 2, s);
  const besideLeft: Spot = (s) => box(leftX(s), cy - s.h / 2, s);
  const stagger =
    (k: number): Spot =>
    (s) =>
      box(centredX(s), above(s) - k * (s.h + vgap), s);
  const inside: Spot = (s) =>
    bar && s.w + gap <= bar.w && s.h + 2 * gap <= bar.h
      ? { box: { x: bar.x + (bar.w - s.w) / 2, y: bar.y + gap, w: s.w, h: s.h }, ignore: bar }
      : null;
  const spots: Spot[] =
    prefer === 'above'
      ? // A bar's value label stays over its own bar: beside it, it would read as the neighbour's.
        [centredAbove, inside, stagger(1), stagger(2)]
      : [
          aboveRight,
          aboveLeft,
          (s) => box(rightX(), below(), s),
          (s) => box(leftX(s), below(), s),
          centredAbove,
          centredBelow,
          besideRight,
          besideLeft,
          stagger(1),
          stagger(2),
        ];
  return expand(spots, sizes);
}

/**
 * Candidate boxes for a marker line's label. A vertical line at x = `p`: beside the line at
 * `along` (its top, middle or bottom), right then left, then stepped up and down the line. A
 * horizontal line at y = `p`: right-aligned just above it, just below it, then left-aligned.
 */
export function markerOptions(
  axis: 'x' | 'y',
  p: number,
  along: number,
  sizes: readonly TextSize[],
  plot: Box,
  gap: number,
): LabelOption[] {
  const spots: Spot[] = [];
  const at =
    (x: (s: TextSize) => number, y: (s: TextSize) => number): Spot =>
    (s) => ({ box: { x: x(s), y: y(s), w: s.w, h: s.h } });
  if (axis === 'x') {
    const right = () => p + 1.5 * gap,
      left = (s: TextSize) => p - 1.5 * gap - s.w;
    for (const k of [0, 1, -1, 2, -2, 3, -3]) {
      const y = (s: TextSize) => along + k * (s.h + gap / 2);
      spots.push(at(right, y), at(left, y));
    }
  } else {
    const above = (s: TextSize) => p - 0.75 * gap - s.h,
      below = () => p + gap;
    const right = (s: TextSize) => plot.x + plot.w - 1.5 * gap - s.w,
      left = () => plot.x + 1.5 * gap;
    spots.push(at(right, above), at(right, below), at(left, above), at(left, below));
  }
  return expand(spots, sizes);
}

/** What drawing needs from the controller. Coordinates are canvas pixels. */
export interface MarkEnv {
  ctx: CanvasRenderingContext2D;
  /** The plot area (uPlot's bbox). */
  plot: Box;
  /** Canvas pixels per CSS pixel. */
  px: number;
  forced: boolean;
  /** Canvas position of a value on an axis, null when it cannot be placed. */
  pos(v: number, axis: 'x' | 'y'): number | null;
  /** A colour a canvas accepts, from a token name. */
  color(name: string): string;
  /** A canvas font string at `size` canvas px. */
  font(size: number, weight?: string): string;
}

/** Shaded regions under the series (none in forced-colors mode, where fills would be lost). */
export function drawRegions(env: MarkEnv, regions: readonly RegionSpec[] | undefined): void {
  if (!regions?.length || env.forced) return;
  const { ctx } = env;
  const { x: left, y: top, w: width, h: height } = env.plot;
  ctx.save();
  for (const r of regions) {
    const a = env.pos(r.from, r.axis),
      b = env.pos(r.to, r.axis);
    if (a === null || b === null) continue;
    ctx.globalAlpha = r.alpha ?? 0.08;
    ctx.fillStyle = env.color(r.color ?? 'grey');
    if (r.axis === 'x') {
      const x0 = Math.max(left, Math.min(a, b)),
        x1 = Math.min(left + width, Math.max(a, b));
      if (x1 > x0) ctx.fillRect(x0, top, x1 - x0, height);
    } else {
      const y0 = Math.max(top, Math.min(a, b)),
        y1 = Math.min(top + height, Math.max(a, b));
      if (y1 > y0) ctx.fillRect(left, y0, width, y1 - y0);
    }
  }
  ctx.restore();
}

/** CSS px between the lines of a label (12 px text). */
const LINE = 15;

/**
 * Marker lines, points (drop line, marker) and every label, placed by `placeLabels` around
 * `bars` (the bar rectangles uPlot drew) and the point markers. Returns the placement.
 */
export function drawMarks(env: MarkEnv, spec: ChartSpec, bars: readonly Box[]): Placement {
  const { ctx, px, forced } = env;
  const plot = env.plot;
  const { x: left, y: top, w: width, h: height } = plot;
  const gap = 4 * px;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.font = env.font(12 * px, '600');
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  const widths = new Map<string, number>();
  const measure = (s: string) => {
    let w = widths.get(s);
    if (w === undefined) {
      w = ctx.measureText(s).width;
      widths.set(s, w);
    }
    return w;
  };
  const sizes = (text: string) => textSizes(text, measure, LINE * px);
  const requests: LabelRequest[] = [];
  const colors: string[] = [];
  const obstacles: Box[] = [...bars];
  const ask = (text: string, color: string, options: LabelOption[]) => {
    requests.push({ text, options });
    colors.push(color);
  };

  for (const m of spec.markers ?? []) {
    const p = env.pos(m.value, m.axis);
    if (p === null) continue;
    const color = forced ? 'CanvasText' : env.color(m.color ?? 'grey');
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * px;
    ctx.setLineDash((m.dash ?? [6, 4]).map((d) => d * px));
    ctx.beginPath();
    if (m.axis === 'x') {
      ctx.moveTo(p, top);
      ctx.lineTo(p, top + height);
    } else {
      ctx.moveTo(left, p);
      ctx.lineTo(left + width, p);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (!m.label) continue;
    const along = m.labelAt === 'bottom' ? top + height - 44 * px : m.labelAt === 'middle' ? top + height / 2 : top + 6 * px;
    ask(m.label, color, markerOptions(m.axis, p, along, sizes(m.label), plot, gap));
  }

  const pointLabels: Array<{ text: string; anchor: Box; prefer: 'right' | 'above'; bar?: Box }> = [];
  for (const pt of spec.points ?? []) {
    const x = env.pos(pt.x, 'x'),
      y = env.pos(pt.y, 'y');
    if (x === null || y === null) continue;
    const color = forced ? 'Highlight' : env.color(pt.color ?? 'blue');
    if (pt.drop) {
      ctx.strokeStyle = forced ? 'CanvasText' : color;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash([2 * px, 3 * px]);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const r = (pt.radius ?? 6) * px;
    if (r > 0) {
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 2 * px;
      ctx.strokeStyle = forced ? 'CanvasText' : env.color('surface');
      ctx.stroke();
      obstacles.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
    }
    if (!pt.label) continue;
    // A label-only point on a bar's top labels the bar: anchor it to the bar's top edge.
    // Elsewhere a radius-0 point labels a dot the series drew: keep clear of a 4 px dot.
    const bar = r > 0 ? undefined : bars.find((b) => x >= b.x - 0.5 && x <= b.x + b.w + 0.5 && Math.abs(y - b.y) <= 1.5 * px);
    const ar = r > 0 ? r : 4 * px;
    const anchor = bar ? { x: bar.x, y: bar.y, w: bar.w, h: 0 } : { x: x - ar, y: y - ar, w: 2 * ar, h: 2 * ar };
    if (!bar && r === 0) obstacles.push(anchor); // other labels keep off the dot too
    pointLabels.push({ text: pt.label, anchor, prefer: pt.labelAt === 'above' ? 'above' : 'right', bar });
  }
  // Point labels in the spec's order, then bar value labels tallest bar first (the tallest has
  // the least room above it, so it chooses first).
  const textColor = forced ? 'CanvasText' : env.color('text');
  const barTop = (l: { bar?: Box }) => (l.bar ? l.bar.y : -Infinity);
  const ordered = pointLabels.map((l, i) => ({ l, i })).sort((a, b) => barTop(a.l) - barTop(b.l) || a.i - b.i);
  for (const { l } of ordered) ask(l.text, textColor, pointOptions(l.anchor, sizes(l.text), plot, gap, l.prefer, l.bar));

  for (const r of spec.regions ?? []) {
    if (!r.label || r.axis !== 'x') continue;
    const a = env.pos(r.from, r.axis),
      b = env.pos(r.to, r.axis);
    if (a === null || b === null) continue;
    const x0 = Math.max(left, Math.min(a, b)),
      x1 = Math.min(left + width, Math.max(a, b));
    const w = measure(r.label);
    const fits = x1 - x0 > w + 8 * px;
    ask(
      r.label,
      forced ? 'GrayText' : env.color(r.color ?? 'grey'),
      fits ? [{ box: { x: (x0 + x1) / 2 - w / 2, y: top + height - 20 * px, w, h: LINE * px }, lines: [r.label] }] : [],
    );
  }

  const placement = placeLabels(requests, plot, obstacles, 2 * px, px);
  for (const l of placement.placed) {
    // Lines centred in the box (a one-line label fills it).
    l.lines.forEach((line, i) =>
      drawText(
        ctx,
        line,
        l.box.x + (l.box.w - measure(line)) / 2,
        l.box.y + i * LINE * px,
        colors[l.request],
        forced ? 'Canvas' : env.color('surface'),
        px,
      ),
    );
  }
  ctx.restore();
  return placement;
}

/** Text with a halo in the surface colour so it stays legible over lines and shading. */
export function drawText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, halo: string, px: number): void {
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4 * px;
  ctx.strokeStyle = halo;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

/**
 * A hatch for the `index`-th bar series in forced-colors mode, where every fill is the same
 * system colour: 0 solid, then diagonal, cross-hatch, dots, horizontal lines. Null for solid.
 */
export function hatchPattern(index: number, px: number): CanvasPattern | null {
  const kind = index % 5;
  if (kind === 0 || typeof document === 'undefined') return null;
  const size = Math.max(4, Math.round(6 * px));
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  if (!g) return null;
  g.fillStyle = 'Canvas';
  g.fillRect(0, 0, size, size);
  g.strokeStyle = g.fillStyle = 'CanvasText';
  g.lineWidth = Math.max(1, px * 1.5);
  g.beginPath();
  if (kind === 1 || kind === 2) {
    g.moveTo(0, size);
    g.lineTo(size, 0);
  }
  if (kind === 2) {
    g.moveTo(0, 0);
    g.lineTo(size, size);
  }
  if (kind === 4) {
    g.moveTo(0, size / 2);
    g.lineTo(size, size / 2);
  }
  g.stroke();
  if (kind === 3) {
    g.beginPath();
    g.arc(size / 2, size / 2, size / 5, 0, Math.PI * 2);
    g.fill();
  }
  return g.createPattern(c, 'repeat');
}
