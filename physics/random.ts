/**
 * Seeded pseudo-random numbers for the physics layer.
 *
 * Nothing in physics/ calls Math.random: every stochastic function takes an {@link Rng}
 * created here, so a lab that passes the same seed draws the same histogram on every load,
 * in every browser, and a test can pin the numbers.
 *
 * Generator: mulberry32 (Tommy Ettinger, public domain, 2017): one 32-bit state word advanced
 * by the Weyl constant 0x6D2B79F5 and scrambled with two multiply-xorshift rounds. Period 2^32;
 * plenty for lab-sized samples (≤ 10^6 draws). Not cryptographic.
 *
 * Derived distributions use textbook transforms (Devroye 1986, "Non-Uniform Random Variate
 * Generation", ch. 2 and 5): inversion for the exponential, Box–Muller (1958) for the normal,
 * exp(normal) for the log-normal.
 */
import { PhysicsError, finite, integerAtLeast, nonNegative, positive } from './errors.js';

/** A seeded random source. All draws advance one shared state. */
export interface Rng {
  /** The seed the generator was created with (reduced to 32 bits). */
  readonly seed: number;
  /** Uniform draw in [0, 1). */
  next(): number;
  /** Uniform draw in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Normal draw with the given mean and standard deviation (default standard normal). */
  normal(mean?: number, sd?: number): number;
  /** Exponential draw with rate λ (mean 1/λ), in the reciprocal unit of the rate. */
  exponential(rate: number): number;
  /** Log-normal draw: exp(N(mu, sigma²)); mu and sigma are the parameters of the log. */
  lognormal(mu: number, sigma: number): number;
}

const TWO_32 = 4294967296;

/**
 * Creates a seeded generator (mulberry32). The same seed always yields the same sequence.
 * @param seed whole number ≥ 0 (reduced modulo 2^32).
 * @throws PhysicsError when the seed is not a whole number ≥ 0.
 */
export function createRng(seed: number): Rng {
  integerAtLeast('seed', seed, 0);
  const seed32 = (seed % TWO_32) >>> 0;
  let state = seed32;
  let spareNormal: number | null = null;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / TWO_32;
  };

  const standardNormal = (): number => {
    if (spareNormal !== null) {
      const s = spareNormal;
      spareNormal = null;
      return s;
    }
    // Box–Muller: 1 − U lies in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  };

  return {
    seed: seed32,
    next,
    uniform(min: number, max: number): number {
      finite('min', min);
      finite('max', max);
      if (max < min) throw new PhysicsError('max', max, `a number of at least min (${min})`);
      return min + (max - min) * next();
    },
    int(n: number): number {
      integerAtLeast('n', n, 1);
      return Math.floor(next() * n);
    },
    normal(mean = 0, sd = 1): number {
      finite('mean', mean);
      nonNegative('sd', sd);
      return mean + sd * standardNormal();
    },
    exponential(rate: number): number {
      positive('rate', rate);
      return -Math.log(1 - next()) / rate;
    },
    lognormal(mu: number, sigma: number): number {
      finite('mu', mu);
      nonNegative('sigma', sigma);
      return Math.exp(mu + sigma * standardNormal());
    },
  };
}
