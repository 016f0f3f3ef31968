/**
 * Ticks, spacing and number formatting shared by the chart controller, the text twin and the
 * recipes. Pure functions (no DOM, no uPlot): log-axis tick positions and labels, evenly spaced
 * samples, the text twin's row sampling, and category axes.
 */
import { formatNumber } from '../format.js';
import { MAX_TABLE_ROWS, type AxisSpec } from './spec.js';

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** `superscript(-3)` → "⁻³". */
export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
}

/** Decade of a positive value, robust to floating-point noise (1e-3 → -3). */
export function decade(v: number): number {
  return Math.floor(Math.log10(v) + 1e-9);
}

function isDecade(v: number): boolean {
  if (!(v > 0)) return false;
  const e = Math.round(Math.log10(v));
  return Math.abs(v / 10 ** e - 1) < 1e-9;
}

/**
 * `formatNumber` results by value. The text twin and the tick labels format the same values
 * render after render (a roof's x positions, a fixed axis); formatting goes through Intl and
 * costs far more than a map lookup. Bounded: cleared when it grows past 4,096 entries.
 */
const formatted = new Map<number, string>();
export function formatCached(v: number): string {
  let s = formatted.get(v);
  if (s === undefined) {
    if (formatted.size >= 4096) formatted.clear();
    s = formatNumber(v);
    formatted.set(v, s);
  }
  return s;
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
  const a = Math.log10(min),
    b = Math.log10(max);
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

/** Default tick label: decades on log axes, `formatNumber` on linear ones. */
export function defaultTick(a: AxisSpec, v: number): string {
  return a.log ? logTickLabel(v) : formatCached(v);
}

/** "Arithmetic intensity (FLOP/B)": the axis title and the table header. */
export function axisTitle(a: AxisSpec): string {
  return a.unit ? `${a.label} (${a.unit})` : a.label;
}

/** A table cell: the axis's `format`, else 3 significant figures; "—" for a missing value. */
export function cell(a: AxisSpec, v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return a.format ? a.format(v) : formatCached(v);
}

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
