/**
 * What changed between two specs, so the controller does the least work: a new uPlot only when
 * the structure changed (`structureKey`), `setData` when the plot under the marks changed
 * (`samePlot`), a marks-only redraw over a saved copy of the plot when only marker lines and
 * labelled points moved (`sameMarks`). Pure functions.
 */
import type { AxisSpec, ChartSpec, SeriesSpec } from './spec.js';

/** Same numbers in the same order (NaN equals NaN: both are left out of the plot). */
export function sameNumbers(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>): boolean {
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
export function xTickLabels(spec: ChartSpec): string {
  const tick = spec.x.tick;
  return tick && spec.data.x.length <= 64 ? spec.data.x.map((x) => tick(x)).join('\u0000') : '';
}

/**
 * Whether two specs of the same structure draw the same plot under the marks: same data, axis
 * ranges and shaded regions. (Tick labels: see xTickLabels; value formatters such as
 * formatSeconds are pure, so equal ranges give equal ticks.)
 */
export function samePlot(a: ChartSpec, b: ChartSpec): boolean {
  if (a.x.min !== b.x.min || a.x.max !== b.x.max || a.y.min !== b.y.min || a.y.max !== b.y.max) return false;
  if (a.height !== b.height || !sameNumbers(a.data.x, b.data.x) || a.data.series.length !== b.data.series.length) return false;
  for (let i = 0; i < a.data.series.length; i++) if (!sameNumbers(a.data.series[i].y, b.data.series[i].y)) return false;
  return sameJson(a.regions ?? [], b.regions ?? []);
}

/** Same marker lines and labelled points. */
export function sameMarks(a: ChartSpec, b: ChartSpec): boolean {
  return sameJson(a.markers ?? [], b.markers ?? []) && sameJson(a.points ?? [], b.points ?? []);
}

/** How the controller resolves what a key depends on (colours from tokens, dashes, forced colours). */
export interface KeyEnv {
  forced: boolean;
  color(name: string): string;
  dash(s: SeriesSpec, i: number): number[];
}

/** Everything that needs a new uPlot instance when it changes (data and marks do not). */
export function structureKey(spec: ChartSpec, env: KeyEnv): string {
  const axis = (a: AxisSpec) => [a.label, a.unit, !!a.log, a.space ?? 0];
  return JSON.stringify([
    axis(spec.x),
    axis(spec.y),
    spec.height ?? 320,
    env.forced,
    spec.data.series.map((s, i) => [
      s.label,
      s.kind ?? 'line',
      env.color(s.color ?? 'blue'),
      env.dash(s, i),
      s.width ?? 2,
      !!s.tableOnly,
      !!s.spanGaps,
      s.barWidth ?? 0,
    ]),
    env.color('text'),
    env.color('muted'),
    env.color('border'),
  ]);
}
