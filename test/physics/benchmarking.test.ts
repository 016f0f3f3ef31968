import { expect } from '@open-wc/testing';
import {
  latencyImprovement,
  compareToThreshold,
  BENCHMARK_KINDS,
  BENCHMARK_BASE_VALIDITY,
  benchmarkValidity,
  benchmarkScores,
  rankingWithinNoise,
  spearmanRankCorrelation,
  optimizationReturn,
} from '../../physics/benchmarking.js';
import { expectPhysicsError } from './_assert.js';

describe('physics/benchmarking: before/after and thresholds', () => {
  it('latency improvement 1 − T_after/T_before (v1-02: 28.07 %)', () => {
    // 1 − 1.102068/1.532051 = 0.280658; speedup 1.532051/1.102068 = 1.39016.
    const r = latencyImprovement({ beforeSeconds: 1.532051e-3, afterSeconds: 1.102068e-3 });
    expect(r.reduction).to.be.closeTo(0.280658, 1e-6);
    expect(r.speedup).to.be.closeTo(1.39016, 1e-5);
    expectPhysicsError(() => latencyImprovement({ beforeSeconds: 0, afterSeconds: 1 }), 'beforeSeconds');
  });

  it('tolerant threshold comparison (v2-09 49.99999999999999 % against 50 %)', () => {
    const v = 0.35 / 0.7000000000000001; // 0.49999999999999994 in IEEE doubles
    expect(v < 0.5).to.equal(true);
    expect(compareToThreshold({ value: v, threshold: 0.5 })).to.deep.equal({ atLeast: true, above: false, atMost: true, below: false });
    // v2-15: 0.30 − 0.25 = 0.04999999999999999 is not above 0.05.
    expect(compareToThreshold({ value: 0.3 - 0.25, threshold: 0.05 }).above).to.equal(false);
    expect(compareToThreshold({ value: 0.49, threshold: 0.5 }).below).to.equal(true);
    expectPhysicsError(() => compareToThreshold({ value: Number.NaN, threshold: 0 }), 'value');
  });
});

describe('physics/benchmarking: benchmark validity (v1-12 Act II)', () => {
  it('validity V_base·V_batch·V_memory with a smooth batch penalty', () => {
    expect(BENCHMARK_KINDS).to.deep.equal(['mlperf', 'matmul', 'micro']);
    expect(BENCHMARK_BASE_VALIDITY.mlperf.value).to.equal(0.8);
    // Defaults (MLPerf, batch 32 vs 1, divergence 0.6): ρ = 32; V_batch = 1 − 0.6 × log₁₀32/2 = 0.548455;
    // V_mem = 1 − 0.4 × 0.6 = 0.76; V = 0.8 × 0.548455 × 0.76 = 0.333461; failure (32 > 10).
    const v = benchmarkValidity({ base: 'mlperf', benchmarkBatch: 32, productionBatch: 1, accessDivergence: 0.6 });
    expect(v.batchRatio).to.equal(32);
    expect(v.batchFactor).to.be.closeTo(1 - (0.6 * Math.log10(32)) / 2, 1e-12);
    expect(v.memoryFactor).to.be.closeTo(0.76, 1e-12);
    expect(v.validity).to.be.closeTo(0.333461, 1e-6);
    expect(v.failure).to.equal(true);
    // The MathPeek's "100× → 0.4": V_batch = 1 − 0.6 = 0.4.
    expect(benchmarkValidity({ base: 1, benchmarkBatch: 100, productionBatch: 1, accessDivergence: 0 }).batchFactor).to.be.closeTo(
      0.4,
      1e-12,
    );
  });

  it('reproduces the reference with saturationRatio 10', () => {
    // 0.8 × 0.4 × 0.76 = 0.2432.
    expect(
      benchmarkValidity({ base: 'mlperf', benchmarkBatch: 32, productionBatch: 1, accessDivergence: 0.6, saturationRatio: 10 }).validity,
    ).to.be.closeTo(0.2432, 1e-12);
    // Batch 4 vs 1: 1 − 0.6 × 0.60206 = 0.638764; × 0.76 × 0.8 = 0.388368.
    expect(
      benchmarkValidity({ base: 'mlperf', benchmarkBatch: 4, productionBatch: 1, accessDivergence: 0.6, saturationRatio: 10 }).validity,
    ).to.be.closeTo(0.388368, 1e-6);
    // matmul, 64 vs 8, 0.3: 0.45 × (1 − 0.6 × 0.90309) × 0.88 = 0.181426.
    expect(
      benchmarkValidity({ base: 'matmul', benchmarkBatch: 64, productionBatch: 8, accessDivergence: 0.3, saturationRatio: 10 }).validity,
    ).to.be.closeTo(0.181426, 1e-6);
    // Exactly 10× is not a failure; 11× is.
    expect(benchmarkValidity({ base: 'mlperf', benchmarkBatch: 10, productionBatch: 1, accessDivergence: 0 }).failure).to.equal(false);
    expect(benchmarkValidity({ base: 'mlperf', benchmarkBatch: 11, productionBatch: 1, accessDivergence: 0 }).failure).to.equal(true);
    expectPhysicsError(
      () => benchmarkValidity({ base: 'spec' as never, benchmarkBatch: 1, productionBatch: 1, accessDivergence: 0 }),
      'base',
    );
    expectPhysicsError(
      () => benchmarkValidity({ base: 0.5, benchmarkBatch: 1, productionBatch: 1, accessDivergence: 60 }),
      'accessDivergence',
    );
    expectPhysicsError(
      () => benchmarkValidity({ base: 0.5, benchmarkBatch: 1, productionBatch: 1, accessDivergence: 0, saturationRatio: 1 }),
      'saturationRatio',
    );
  });

  it('benchmark scores track production in proportion to validity; the rank flips at V*', () => {
    // V* = (85 − 72)/((85 − 72) − (76.5 − 102)) = 13/38.5 = 0.337662.
    const low = benchmarkScores({ syntheticA: 85, syntheticB: 72, productionA: 76.5, productionB: 102, validity: 0.2432 });
    expect(low.flipValidity).to.be.closeTo(13 / 38.5, 1e-12);
    // A: 85 − 8.5 × 0.2432 = 82.9328; B: 72 + 30 × 0.2432 = 79.296 → still wrong.
    expect(low.benchmarkA).to.be.closeTo(82.9328, 1e-9);
    expect(low.benchmarkB).to.be.closeTo(79.296, 1e-9);
    expect(low.rankCorrect).to.equal(false);
    // V = 0.5: A 80.75, B 87 → right.
    const high = benchmarkScores({ syntheticA: 85, syntheticB: 72, productionA: 76.5, productionB: 102, validity: 0.5 });
    expect(high.benchmarkB).to.be.closeTo(87, 1e-12);
    expect(high.rankCorrect).to.equal(true);
    // Story numbers (B 20 % faster than A's 85 = 102): V* = 13/(13 + 17) = 0.4333.
    expect(benchmarkScores({ syntheticA: 85, syntheticB: 72, productionA: 85, productionB: 102, validity: 0 }).flipValidity).to.be.closeTo(
      13 / 30,
      1e-12,
    );
    // Same order in both: never flips.
    expect(benchmarkScores({ syntheticA: 85, syntheticB: 72, productionA: 90, productionB: 70, validity: 0.5 }).flipValidity).to.equal(
      null,
    );
    expectPhysicsError(
      () => benchmarkScores({ syntheticA: 85, syntheticB: 72, productionA: 90, productionB: 70, validity: 1.5 }),
      'validity',
    );
  });

  it('ranking within noise: σ = √Σσ² against half the gap', () => {
    // σ = √(9 + 16 + 25) = 7.071 > 13/2 = 6.5 → within noise.
    const r = rankingWithinNoise({ scoreA: 85, scoreB: 72, sigmas: [3, 4, 5] });
    expect(r.sigma).to.be.closeTo(Math.sqrt(50), 1e-12);
    expect(r.halfGap).to.equal(6.5);
    expect(r.withinNoise).to.equal(true);
    expect(rankingWithinNoise({ scoreA: 85, scoreB: 72, sigmas: [3, 4] }).withinNoise).to.equal(false); // σ = 5
    expectPhysicsError(() => rankingWithinNoise({ scoreA: 1, scoreB: 2, sigmas: [] }), 'sigmas');
    expectPhysicsError(() => rankingWithinNoise({ scoreA: 1, scoreB: 2, sigmas: [-1] }), 'sigmas[0]');
  });

  it('Spearman rank correlation', () => {
    // Ranks x 1..5, y 1, 2, 3.5, 5, 3.5 (tie averaged): Σ dx·dy = 8, Σ dx² = 10, Σ dy² = 9.5 → 8/√95 = 0.820783.
    expect(spearmanRankCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).to.be.closeTo(0.820783, 1e-6);
    expect(spearmanRankCorrelation([10, 20, 30], [3, 2, 1])).to.be.closeTo(-1, 1e-12);
    // Two vendors can only give ±1 (v1-12 Critique).
    expect(spearmanRankCorrelation([85, 72], [76.5, 102])).to.be.closeTo(-1, 1e-12);
    expectPhysicsError(() => spearmanRankCorrelation([1], [1]), 'x');
    expectPhysicsError(() => spearmanRankCorrelation([1, 2], [1]), 'y');
  });
});

describe('physics/benchmarking: optimization return (v2-09 Act II)', () => {
  it('MFU × speedup, capped; ROI per unit cost; tolerant target', () => {
    // m = 13, 3× AllReduce, w = 1: total 0.69615 → MFU 0.35/0.69615 = 0.502765; gain 0.152765; ROI / 6.4 = 0.023870.
    const r = optimizationReturn({ baselineMfu: 0.35, speedup: 1 / 0.69615, ceiling: 0.6, cost: 6.4, minimumCost: 0.5, target: 0.5 });
    expect(r.mfu).to.be.closeTo(0.502765, 1e-6);
    expect(r.gain).to.be.closeTo(0.152765, 1e-6);
    expect(r.roi).to.be.closeTo(0.152765 / 6.4, 1e-7);
    expect(r.meetsTarget).to.equal(true);
    // (12, 3, 4): 0.35/0.7000000000000001 = 0.49999999999999994 meets 50 % with the tolerance.
    expect(optimizationReturn({ baselineMfu: 0.35, speedup: 1 / 0.7000000000000001, cost: 6.3, target: 0.5 }).meetsTarget).to.equal(true);
    // Ceiling 0.6: 0.35 × 2 = 0.70 → 0.60.
    expect(optimizationReturn({ baselineMfu: 0.35, speedup: 2, ceiling: 0.6, cost: 1 }).mfu).to.equal(0.6);
    // No cost and a gain: infinite ROI; cost below the floor uses the floor: 0.1/0.5.
    expect(optimizationReturn({ baselineMfu: 0.3, speedup: 1.5, cost: 0 }).roi).to.equal(Infinity);
    expect(optimizationReturn({ baselineMfu: 0.2, speedup: 1.5, cost: 0.1, minimumCost: 0.5 }).roi).to.be.closeTo(0.1 / 0.5, 1e-12);
    expectPhysicsError(() => optimizationReturn({ baselineMfu: 35, speedup: 1, cost: 1 }), 'baselineMfu');
    expectPhysicsError(() => optimizationReturn({ baselineMfu: 0.35, speedup: 0, cost: 1 }), 'speedup');
  });
});
