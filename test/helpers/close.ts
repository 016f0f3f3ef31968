/**
 * Numeric comparison with a message that names both numbers. `expect(close(a, b)).to.equal(true)`
 * fails with "expected false to equal true", which says nothing about what was computed; this
 * says "waterfall speed-up: got 1.6601, expected 1.6664 within relative 1e-9 (off by 3.8e-3)".
 */
import { expect } from '@open-wc/testing';

/** True when `actual` is within `relTol` of `expected`, relative to |expected| (exact when expected is 0). */
export function isClose(actual: number, expected: number, relTol = 1e-9): boolean {
  return Number.isFinite(actual) && Number.isFinite(expected) && Math.abs(actual - expected) <= relTol * Math.abs(expected);
}

/**
 * Assert that `actual` equals `expected` to a relative tolerance (default 1e-9: the same formula
 * evaluated twice). The failure message names both numbers, the tolerance and the relative gap.
 */
export function expectClose(actual: unknown, expected: number, relTol = 1e-9, message?: string): void {
  const prefix = message ? `${message}: ` : '';
  if (typeof actual !== 'number') {
    expect.fail(`${prefix}got ${String(actual)} (${typeof actual}), expected the number ${expected}`);
  }
  if (!isClose(actual as number, expected, relTol)) {
    const a = actual as number;
    const gap = expected === 0 ? Math.abs(a) : Math.abs(a - expected) / Math.abs(expected);
    expect.fail(`${prefix}got ${a}, expected ${expected} within relative ${relTol} (relative gap ${gap.toPrecision(3)})`);
  }
}
