/**
 * Benchmarking and performance engineering (v1-02 upgrade gain, v1-12 "The Speedup Ceiling"
 * Act II, v2-09 "You Can't Optimize What You Can't Measure"): before/after comparisons, how
 * far a benchmark's ranking can be trusted, rank correlation, and the return on an optimization.
 * Amdahl's and Gustafson's laws are in distributed.ts ({@link amdahlSpeedup},
 * {@link amdahlProfileSpeedup}, {@link gustafsonSpeedup}). Scores, fractions and ratios are
 * dimensionless; times are seconds.
 */
import { PhysicsError, finite, fraction, nonNegative, oneOf, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';

/**
 * Latency before and after a change: reduction 1 − T_after/T_before and speedup
 * T_before/T_after. v1-02 (A100 → H100, AI = 5): 1.532051 → 1.102068 ms is a 28.07 % cut, 1.390×.
 */
export function latencyImprovement({ beforeSeconds, afterSeconds }: { beforeSeconds: number; afterSeconds: number }): {
  reduction: number;
  speedup: number;
} {
  const b = positive('beforeSeconds', beforeSeconds);
  const a = positive('afterSeconds', afterSeconds);
  return { reduction: 1 - a / b, speedup: b / a };
}

/**
 * Compare a value with a threshold with a tolerance, so that a result that is exactly on the
 * threshold in exact arithmetic is not failed by floating-point error (v2-09: 35 % / 0.7000000000000001
 * = 49.99999999999999 % against a 50 % target; v2-15: 0.30 − 0.25 = 0.04999999999999999).
 * `atLeast` ⇔ value ≥ threshold − tol·max(1, |threshold|); `above` ⇔ value > threshold + tol·max(1, |threshold|).
 */
export function compareToThreshold({ value, threshold, tolerance = 1e-9 }: { value: number; threshold: number; tolerance?: number }): {
  atLeast: boolean;
  above: boolean;
  atMost: boolean;
  below: boolean;
} {
  const v = finite('value', value),
    t = finite('threshold', threshold);
  const eps = nonNegative('tolerance', tolerance) * Math.max(1, Math.abs(t));
  return { atLeast: v >= t - eps, above: v > t + eps, atMost: v <= t + eps, below: v < t - eps };
}

// ---------------------------------------------------------------------------------------------
// Benchmark validity (v1-12 Act II)
// ---------------------------------------------------------------------------------------------

export const BENCHMARK_KINDS = Object.freeze(['mlperf', 'matmul', 'micro'] as const);
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

/** Base validity of a benchmark kind before batch and access-pattern penalties (v1-12 lab; illustrative). */
export const BENCHMARK_BASE_VALIDITY: Readonly<Record<BenchmarkKind, Sourced>> = Object.freeze({
  mlperf: sourced(0.8, '1', 'v1-12 reference lab (illustrative)'),
  matmul: sourced(0.45, '1', 'v1-12 reference lab (illustrative)'),
  micro: sourced(0.3, '1', 'v1-12 reference lab (illustrative)'),
});

/**
 * Validity of a benchmark for a production workload, V = V_base·V_batch·V_memory·V_thermal:
 * batch ratio ρ = max(b_bench, b_prod)/max(min(b_bench, b_prod), 1);
 * V_batch = 1 − p_b·min(log₁₀ρ / log₁₀ρ_sat, 1); V_memory = 1 − p_m·d (d ∈ [0, 1] access-pattern
 * divergence); `failure` ⇔ ρ > ρ_fail.
 * Correction (v1-12): the reference saturated the batch penalty at ρ = 10, exactly the failure
 * threshold, so crossing it changed nothing; the default ρ_sat = 100 gives the MathPeek's
 * "100× → 0.4" smoothly. Pass `saturationRatio: 10` to reproduce the reference (default
 * settings: 0.8·0.4·0.76 = 0.2432; here 0.8·0.5485·0.76 = 0.3335).
 * @param base V_base, or a kind from {@link BENCHMARK_BASE_VALIDITY}
 */
export function benchmarkValidity({
  base,
  benchmarkBatch,
  productionBatch,
  accessDivergence,
  maxBatchPenalty = 0.6,
  maxMemoryPenalty = 0.4,
  saturationRatio = 100,
  failureRatio = 10,
  thermalFactor = 1,
}: {
  base: number | BenchmarkKind;
  benchmarkBatch: number;
  productionBatch: number;
  accessDivergence: number;
  maxBatchPenalty?: number;
  maxMemoryPenalty?: number;
  saturationRatio?: number;
  failureRatio?: number;
  thermalFactor?: number;
}): { batchRatio: number; batchFactor: number; memoryFactor: number; validity: number; failure: boolean } {
  const v0 = typeof base === 'string' ? BENCHMARK_BASE_VALIDITY[oneOf('base', base, BENCHMARK_KINDS)].value : fraction('base', base);
  const bb = positive('benchmarkBatch', benchmarkBatch);
  const pb = positive('productionBatch', productionBatch);
  const d = fraction('accessDivergence', accessDivergence);
  const pB = fraction('maxBatchPenalty', maxBatchPenalty);
  const pM = fraction('maxMemoryPenalty', maxMemoryPenalty);
  const sat = positive('saturationRatio', saturationRatio);
  if (sat <= 1) throw new PhysicsError('saturationRatio', saturationRatio, 'a ratio greater than 1');
  const fail = positive('failureRatio', failureRatio);
  const thermal = fraction('thermalFactor', thermalFactor);
  const batchRatio = Math.max(bb, pb) / Math.max(Math.min(bb, pb), 1);
  const batchFactor = 1 - pB * Math.min(Math.log10(Math.max(batchRatio, 1)) / Math.log10(sat), 1);
  const memoryFactor = 1 - pM * d;
  const validity = Math.min(1, Math.max(0, v0 * batchFactor * memoryFactor * thermal));
  return { batchRatio, batchFactor, memoryFactor, validity, failure: batchRatio > fail };
}

/**
 * Benchmark scores that track production in proportion to validity V:
 * s_bench = s_synthetic + (s_production − s_synthetic)·V for each system; the ranking is right
 * when the benchmark orders the two systems as production does; it flips at
 * V* = (A_s − B_s) / ((A_s − B_s) − (A_p − B_p)) (null when it never flips within [0, 1]).
 * Correction (v1-12): the reference's B_bench = 72 + (72 − 102)(1 − V) moved the wrong way, lay in
 * [42, 72] below A's 85 for every V, so the rank was wrong at every setting.
 * Synthetic 85 vs 72, production 76.5 vs 102: V* = 13/38.5 = 0.338.
 */
export function benchmarkScores({
  syntheticA,
  syntheticB,
  productionA,
  productionB,
  validity,
}: {
  syntheticA: number;
  syntheticB: number;
  productionA: number;
  productionB: number;
  validity: number;
}): { benchmarkA: number; benchmarkB: number; rankCorrect: boolean; flipValidity: number | null } {
  const As = finite('syntheticA', syntheticA),
    Bs = finite('syntheticB', syntheticB);
  const Ap = finite('productionA', productionA),
    Bp = finite('productionB', productionB);
  const V = fraction('validity', validity);
  const benchmarkA = As + (Ap - As) * V;
  const benchmarkB = Bs + (Bp - Bs) * V;
  const rankCorrect = Math.sign(benchmarkA - benchmarkB) === Math.sign(Ap - Bp);
  const denom = As - Bs - (Ap - Bp);
  const vStar = denom === 0 ? null : (As - Bs) / denom;
  return { benchmarkA, benchmarkB, rankCorrect, flipValidity: vStar !== null && vStar >= 0 && vStar <= 1 ? vStar : null };
}

/**
 * Whether a score difference is inside the noise: σ = √(Σ σ_k²) over independent sources
 * (measurement, thermal, workload variation); the ranking is within noise when σ > |s_A − s_B|/2
 * (v1-12 MathPeek).
 */
export function rankingWithinNoise({ scoreA, scoreB, sigmas }: { scoreA: number; scoreB: number; sigmas: readonly number[] }): {
  sigma: number;
  halfGap: number;
  withinNoise: boolean;
} {
  if (!Array.isArray(sigmas) || sigmas.length === 0)
    throw new PhysicsError('sigmas', sigmas, 'a non-empty array of standard deviations ≥ 0');
  const sigma = Math.sqrt(sigmas.reduce((s, x, i) => s + nonNegative(`sigmas[${i}]`, x) ** 2, 0));
  const halfGap = Math.abs(finite('scoreA', scoreA) - finite('scoreB', scoreB)) / 2;
  return { sigma, halfGap, withinNoise: sigma > halfGap };
}

/**
 * Spearman rank correlation ρ_s between two score lists (Pearson correlation of the ranks,
 * ties given their average rank): 1 same order, −1 reversed. Needs at least 3 systems to say
 * more than ±1 (v1-12 Critique: with two vendors the "validity ratio" can only be ±1).
 * NaN when one list is constant.
 */
export function spearmanRankCorrelation(x: readonly number[], y: readonly number[]): number {
  if (!Array.isArray(x) || x.length < 2) throw new PhysicsError('x', x, 'an array of at least 2 scores');
  if (!Array.isArray(y) || y.length !== x.length) throw new PhysicsError('y', y, `an array of ${x.length} scores (same length as x)`);
  const rank = (v: readonly number[], name: string): number[] => {
    v.forEach((s, i) => finite(`${name}[${i}]`, s));
    const order = v.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
      for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(x, 'x'),
    ry = rank(y, 'y');
  const n = rx.length;
  const mx = rx.reduce((s, v) => s + v, 0) / n,
    my = ry.reduce((s, v) => s + v, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

// ---------------------------------------------------------------------------------------------
// Optimization return (v2-09 Act II)
// ---------------------------------------------------------------------------------------------

/**
 * MFU after a step-time speedup S, capped at a practical ceiling: MFU' = min(MFU·S, cap);
 * gain ΔMFU = MFU' − MFU; return on investment ΔMFU / max(cost, cost_min) (cost in any unit,
 * e.g. engineer-weeks; v2-09 floors it at 0.5). `meetsTarget` compares with the tolerance of
 * {@link compareToThreshold}.
 * v2-09: 0.35 × 1/0.69615 = 0.5028 (m = 13, 3× AllReduce compression); cost 6.4 → ROI 0.0239 per week.
 */
export function optimizationReturn({
  baselineMfu,
  speedup,
  ceiling = 1,
  cost,
  minimumCost = 0,
  target,
}: {
  baselineMfu: number;
  speedup: number;
  ceiling?: number;
  cost: number;
  minimumCost?: number;
  target?: number;
}): { mfu: number; gain: number; roi: number; meetsTarget?: boolean } {
  const m0 = fraction('baselineMfu', baselineMfu);
  const S = positive('speedup', speedup);
  const cap = fraction('ceiling', ceiling);
  const c = Math.max(nonNegative('cost', cost), nonNegative('minimumCost', minimumCost));
  const mfu = Math.min(m0 * S, cap);
  const gain = mfu - m0;
  const roi = c === 0 ? (gain === 0 ? 0 : Infinity) : gain / c;
  if (target === undefined) return { mfu, gain, roi };
  return { mfu, gain, roi, meetsTarget: compareToThreshold({ value: mfu, threshold: fraction('target', target) }).atLeast };
}
