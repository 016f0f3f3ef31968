/**
 * Typed errors and argument checks shared by every physics module.
 * A PhysicsError names the argument, the value received and what is accepted.
 */
export class PhysicsError extends Error {
  readonly argument: string;
  readonly received: unknown;
  readonly accepted: string;
  constructor(argument: string, received: unknown, accepted: string) {
    super(`Invalid ${argument}: got ${describe(received)}; expected ${accepted}.`);
    this.name = 'PhysicsError';
    this.argument = argument;
    this.received = received;
    this.accepted = accepted;
  }
}

/** Human-readable rendering of a received value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A finite number (any sign). */
export function finite(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new PhysicsError(name, v, 'a finite number');
  return v;
}

/** A finite number > 0. */
export function positive(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new PhysicsError(name, v, 'a finite number greater than 0');
  return v;
}

/** A finite number >= 0. */
export function nonNegative(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new PhysicsError(name, v, 'a finite number of at least 0');
  return v;
}

/** A number in [lo, hi] (inclusive unless told). */
export function inRange(name: string, v: unknown, lo: number, hi: number, opts: { loOpen?: boolean; hiOpen?: boolean } = {}): number {
  const ok = typeof v === 'number' && Number.isFinite(v) && (opts.loOpen ? v > lo : v >= lo) && (opts.hiOpen ? v < hi : v <= hi);
  if (!ok) throw new PhysicsError(name, v, `a number in ${opts.loOpen ? '(' : '['}${lo}, ${hi}${opts.hiOpen ? ')' : ']'}`);
  return v as number;
}

/** A fraction in [0, 1]. */
export function fraction(name: string, v: unknown): number {
  return inRange(name, v, 0, 1);
}

/** An integer >= min. */
export function integerAtLeast(name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new PhysicsError(name, v, `a whole number of at least ${min}`);
  return v;
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new PhysicsError(name, v, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return v as T;
}
