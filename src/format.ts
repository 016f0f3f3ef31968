/**
 * Number formatting for display. Physics is SI inside; this is the only place units are
 * converted, and it says decimal (GB) vs binary (GiB) explicitly.
 */
const PREFIXES: Array<[number, string]> = [
  [1e18, 'E'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
];

/** Significant-figure formatting with thousands separators and no trailing zeros noise. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e21 || abs < 1e-12) return value.toExponential(digits - 1).replace('e+', 'e');
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.min(decimals, 12), minimumFractionDigits: 0 });
}

/** Format with an SI prefix: formatSI(3.35e12, 'B/s') → "3.35 TB/s". */
export function formatSI(value: number, unit: string, digits = 3): string {
  if (!Number.isFinite(value)) return `${formatNumber(value)} ${unit}`.trim();
  if (value === 0) return `0 ${unit}`.trim();
  const abs = Math.abs(value);
  const [scale, prefix] = PREFIXES.find(([s]) => abs >= s * 0.9995) ?? PREFIXES[PREFIXES.length - 1];
  return `${formatNumber(value / scale, digits)} ${prefix}${unit}`.trim();
}

/** Seconds → the most readable of s / ms / µs / ns, or min / h / days for long spans. */
export function formatSeconds(s: number, digits = 3): string {
  if (!Number.isFinite(s)) return formatNumber(s);
  const a = Math.abs(s);
  if (a >= 86400 * 2) return `${formatNumber(s / 86400, digits)} days`;
  if (a >= 7200) return `${formatNumber(s / 3600, digits)} h`;
  if (a >= 120) return `${formatNumber(s / 60, digits)} min`;
  return formatSI(s, 's', digits);
}

/** Metres as people say distances: km from 1 km up (never Mm), m, mm, µm, nm below. */
export function formatMetres(m: number, digits = 3): string {
  if (!Number.isFinite(m)) return formatNumber(m);
  if (Math.abs(m) >= 999.5) return `${formatNumber(m / 1000, digits)} km`;
  return formatSI(m, 'm', digits);
}

/** Bytes in decimal units (kB, MB, GB, TB) — what spec sheets use. */
export function formatBytes(b: number, digits = 3): string {
  return formatSI(b, 'B', digits);
}

/** Bytes in binary units (KiB, MiB, GiB). */
export function formatBytesBinary(b: number, digits = 3): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = b;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, digits)} ${units[i]}`;
}

export type UnitKind = 'B' | 'B/s' | 'FLOP' | 'FLOP/s' | 'FLOP/B' | 's' | 'W' | 'J' | '%' | 'x' | '' | string;

/**
 * Format a value in its unit. `%` expects a fraction (0.42 → "42%"); `x` is a ratio ("7.4×");
 * `s` picks ms/µs; byte and rate units take SI prefixes; any other unit is appended as is.
 */
export function formatValue(value: number, unit: UnitKind = '', digits = 3): string {
  switch (unit) {
    case '%':
      return `${formatNumber(value * 100, digits)}%`;
    case 'x':
    case '×':
      return `${formatNumber(value, digits)}×`;
    case 's':
      return formatSeconds(value, digits);
    case 'm':
      return formatMetres(value, digits);
    case 'B':
    case 'B/s':
    case 'FLOP':
    case 'FLOP/s':
    case 'W':
    case 'J':
    case 'Hz':
    case 'bit/s':
      return formatSI(value, unit, digits);
    case '':
      return formatNumber(value, digits);
    default:
      return `${formatNumber(value, digits)} ${unit}`;
  }
}

const SCALE_PREFIXES: Record<string, number> = {
  E: 1e18,
  P: 1e15,
  T: 1e12,
  G: 1e9,
  M: 1e6,
  k: 1e3,
  h: 1e2,
  c: 1e-2,
  m: 1e-3,
  µ: 1e-6,
  u: 1e-6,
  n: 1e-9,
  p: 1e-12,
};
const SECOND_MULTIPLES: Record<string, number> = { min: 60, h: 3600, days: 86400 };

/**
 * How many `unit` make one `displayUnit`, when the display unit is `unit` with an SI prefix
 * (`m` → `km`: 1000; `s` → `ms`: 0.001; `B/s` → `GB/s`: 1e9) or, for seconds, `min`, `h` or
 * `days`. The same unit gives 1. Undefined when the two are not related that way. A value in
 * `unit` is shown in `displayUnit` as `value / displayScale(unit, displayUnit)`.
 */
export function displayScale(unit: string, displayUnit: string): number | undefined {
  if (displayUnit === unit) return 1;
  if (unit === 's' && Object.hasOwn(SECOND_MULTIPLES, displayUnit)) return SECOND_MULTIPLES[displayUnit];
  if (unit === '' || !displayUnit.endsWith(unit)) return undefined;
  const prefix = displayUnit.slice(0, displayUnit.length - unit.length);
  return Object.hasOwn(SCALE_PREFIXES, prefix) ? SCALE_PREFIXES[prefix] : undefined;
}
