/**
 * Assertions shared by the physics tests (they were copied into each file before). A failure
 * names both numbers, or the argument the PhysicsError should have named, so a red test says
 * what the physics got wrong without a debugger.
 */
import { expect } from '@open-wc/testing';
import { PhysicsError } from '../../physics/errors.js';

/**
 * `actual` equals `expected` to a relative tolerance: |actual - expected| <= tol x |expected|
 * (default 1e-9, i.e. the same number up to floating-point rounding).
 */
export function rel(actual: number, expected: number, tol = 1e-9, what?: string): void {
  expect(Math.abs(actual - expected), `${what ? `${what}: ` : ''}${actual} vs ${expected}`).to.be.at.most(Math.abs(expected) * tol);
}

/** Runs `fn` and returns what it threw (undefined when it did not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/**
 * `fn` throws a PhysicsError whose message contains every fragment (typically the argument's
 * name and the value received). Returns the error for further checks.
 */
export function throwsPhysics(fn: () => unknown, ...fragments: string[]): PhysicsError {
  const err = thrown(fn);
  expect(err, 'expected a PhysicsError').to.be.instanceOf(PhysicsError);
  for (const f of fragments) expect((err as Error).message).to.include(f);
  return err as PhysicsError;
}

/** `fn` throws a PhysicsError naming exactly this argument (`err.argument`). */
export function expectPhysicsError(fn: () => unknown, argument: string): PhysicsError {
  const err = thrown(fn);
  expect(err, `expected a PhysicsError for ${argument}`).to.be.instanceOf(PhysicsError);
  expect((err as PhysicsError).argument).to.equal(argument);
  return err as PhysicsError;
}
