/**
 * Unit constants and numeric-precision widths. Every physics function works in SI base units
 * (bytes, seconds, FLOP, FLOP/s, B/s, W, J, m); multiply by these constants to convert *into*
 * SI and divide to convert out for display.
 *
 * Decimal and binary prefixes are kept apart on purpose: memory capacities quoted on spec
 * sheets in "GB" are decimal (1e9 B) unless the sheet says GiB.
 */
import { PhysicsError, oneOf } from './errors.js';

// ---- data (bytes) ----
/** 1 byte. */
export const BYTE = 1;
/** 1 bit in bytes. */
export const BIT = 1 / 8;
/** Kilobyte, decimal: 1e3 B. */
export const KB = 1e3;
/** Megabyte, decimal: 1e6 B. */
export const MB = 1e6;
/** Gigabyte, decimal: 1e9 B. */
export const GB = 1e9;
/** Terabyte, decimal: 1e12 B. */
export const TB = 1e12;
/** Petabyte, decimal: 1e15 B. */
export const PB = 1e15;
/** Kibibyte: 1024 B. */
export const KiB = 1024;
/** Mebibyte: 2^20 B. */
export const MiB = 1024 ** 2;
/** Gibibyte: 2^30 B. */
export const GiB = 1024 ** 3;
/** Tebibyte: 2^40 B. */
export const TiB = 1024 ** 4;

// ---- time (seconds) ----
/** Second. */
export const SECOND = 1;
/** Millisecond: 1e-3 s. */
export const ms = 1e-3;
/** Microsecond: 1e-6 s. */
export const us = 1e-6;
/** Nanosecond: 1e-9 s. */
export const ns = 1e-9;
/** Picosecond: 1e-12 s. */
export const ps = 1e-12;
/** Minute: 60 s. */
export const MINUTE = 60;
/** Hour: 3600 s. */
export const HOUR = 3600;
/** Day: 86 400 s. */
export const DAY = 86_400;
/** Year of 365 days: 31 536 000 s (8 760 h), the convention of the reference's constants. */
export const YEAR = 365 * DAY;

// ---- compute (FLOP and FLOP/s) ----
/** 1 FLOP. */
export const FLOP = 1;
/** 1e3 FLOP. */
export const KFLOP = 1e3;
/** 1e6 FLOP. */
export const MFLOP = 1e6;
/** 1e9 FLOP. */
export const GFLOP = 1e9;
/** 1e12 FLOP. */
export const TFLOP = 1e12;
/** 1e15 FLOP. */
export const PFLOP = 1e15;
/** 1e6 FLOP/s. */
export const MFLOPS = 1e6;
/** 1e9 FLOP/s. */
export const GFLOPS = 1e9;
/** 1e12 FLOP/s. */
export const TFLOPS = 1e12;
/** 1e15 FLOP/s. */
export const PFLOPS = 1e15;
/** 1e12 integer operations per second (counted like FLOP/s). */
export const TOPS = 1e12;

// ---- bandwidth (B/s) ----
/** 1e6 B/s. */
export const MBps = 1e6;
/** 1e9 B/s. */
export const GBps = 1e9;
/** 1e12 B/s. */
export const TBps = 1e12;
/** 1e6 bit/s = 1.25e5 B/s. */
export const Mbps = 1e6 / 8;
/** 1e9 bit/s = 1.25e8 B/s. */
export const Gbps = 1e9 / 8;

// ---- distance, power, energy ----
/** Metre. */
export const METER = 1;
/** Kilometre: 1e3 m. */
export const KM = 1e3;
/** Watt. */
export const WATT = 1;
/** Milliwatt: 1e-3 W. */
export const mW = 1e-3;
/** Kilowatt: 1e3 W. */
export const KW = 1e3;
/** Joule. */
export const JOULE = 1;
/** Millijoule: 1e-3 J. */
export const mJ = 1e-3;
/** Picojoule: 1e-12 J. */
export const pJ = 1e-12;
/** Watt-hour: 3600 J. */
export const WH = 3600;
/** Kilowatt-hour: 3.6e6 J. */
export const KWH = 3.6e6;

// ---- numeric precision ----
/** Numeric formats the labs use. */
export const PRECISIONS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * Storage width of one element in bytes. TF32 is a compute mode of the tensor cores; its
 * operands are stored as 32-bit words, hence 4 B. INT4 packs two values per byte.
 */
export const PRECISION_BYTES: Readonly<Record<Precision, number>> = Object.freeze({
  fp32: 4,
  tf32: 4,
  fp16: 2,
  bf16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
});

/** Checks a precision name; throws PhysicsError naming `name` otherwise. */
export function checkPrecision(name: string, value: unknown): Precision {
  return oneOf(name, value, PRECISIONS);
}

/**
 * Bytes per element for a precision name, or a positive number of bytes passed through.
 * @throws PhysicsError for an unknown name or a non-positive number.
 */
export function bytesPerElement(precision: Precision | number, name = 'precision'): number {
  if (typeof precision === 'number') {
    if (!Number.isFinite(precision) || precision <= 0) {
      throw new PhysicsError(name, precision, `a precision name (${PRECISIONS.join(', ')}) or a positive byte width`);
    }
    return precision;
  }
  return PRECISION_BYTES[checkPrecision(name, precision)];
}
