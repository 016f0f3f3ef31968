import { expect } from '@open-wc/testing';
import {
  CONSTRAINT_COST_GROWTH,
  LIFECYCLE_STAGES,
  RURAL_CLINIC_STAGE_SECONDS,
  IMAGENET_MEAN_JPEG_BYTES,
  constraintDiscoveryCost,
  lateDiscoveryWaste,
  iterationsInWindow,
  saturatingAccuracy,
  iterationRace,
  inputPipelineStep,
} from '../../physics/workflow.js';
import { expectPhysicsError } from './_assert.js';

const H = 3600,
  DAY = 86_400,
  WEEK = 7 * DAY;

describe('physics/workflow: late discovery of constraints (v1-03 Act I)', () => {
  it('Cost(N) = 2^(N−1): stage 5 is 16×, stage 6 is 32×', () => {
    expect(CONSTRAINT_COST_GROWTH.value).to.equal(2);
    expect(CONSTRAINT_COST_GROWTH.source).to.match(/ml_workflow/);
    // 2^0, 2^1, …, 2^5
    expect([1, 2, 3, 4, 5, 6].map((stage) => constraintDiscoveryCost({ stage }))).to.deep.equal([1, 2, 4, 8, 16, 32]);
    // A gate at stage 3 catches it there: 2^2 = 4×; growth 3: 3^4 = 81.
    expect(constraintDiscoveryCost({ stage: 3 })).to.equal(4);
    expect(constraintDiscoveryCost({ stage: 5, growth: 3 })).to.equal(81);
    expectPhysicsError(() => constraintDiscoveryCost({ stage: 0 }), 'stage');
    expectPhysicsError(() => constraintDiscoveryCost({ stage: 2.5 }), 'stage');
    expectPhysicsError(() => constraintDiscoveryCost({ stage: 2, growth: 0 }), 'growth');
  });

  it('wasted work is the work already done (corrected), not the work remaining', () => {
    expect(LIFECYCLE_STAGES).to.have.length(6);
    // Stage days 5, 30, 60, 40, 10, 5 (150 total).
    expect(RURAL_CLINIC_STAGE_SECONDS.reduce((s, d) => s + d, 0) / DAY).to.equal(150);
    const wasted = [1, 2, 3, 4, 5, 6].map(
      (stage) => lateDiscoveryWaste({ stageSeconds: RURAL_CLINIC_STAGE_SECONDS, stage }).wastedSeconds / DAY,
    );
    // Σ days before N: 0, 5, 5+30, 35+60, 95+40, 135+10.
    expect(wasted).to.deep.equal([0, 5, 35, 95, 135, 145]);
    const at5 = lateDiscoveryWaste({ stageSeconds: RURAL_CLINIC_STAGE_SECONDS, stage: 5 });
    // The reference's "wasted" sum Σ days[N−1:] = 10 + 5 = 15 days is the work remaining.
    expect(at5.remainingSeconds / DAY).to.equal(15);
    expect(at5.wastedFraction).to.be.closeTo(135 / 150, 1e-12);
    // Stages to redo: 6 − 5 + 1 = 2.
    expect(at5.stagesToRedo).to.equal(2);
    expectPhysicsError(() => lateDiscoveryWaste({ stageSeconds: RURAL_CLINIC_STAGE_SECONDS, stage: 7 }), 'stage');
    expectPhysicsError(() => lateDiscoveryWaste({ stageSeconds: [], stage: 1 }), 'stageSeconds');
    expectPhysicsError(() => lateDiscoveryWaste({ stageSeconds: [1, -1], stage: 1 }), 'stageSeconds[1]');
  });
});

describe('physics/workflow: iteration velocity (v1-03 Act II)', () => {
  it('iterations in a window: 26 weekly cycles, 4,368 hourly cycles', () => {
    // 26 weeks × 168 h / 168 h = 26; 26 × 168 h / 1 h = 4,368.
    expect(iterationsInWindow({ windowSeconds: 26 * WEEK, cycleSeconds: 168 * H })).to.equal(26);
    expect(iterationsInWindow({ windowSeconds: 26 * WEEK, cycleSeconds: H })).to.equal(4368);
    expect(iterationsInWindow({ windowSeconds: 10, cycleSeconds: 3 })).to.equal(3);
    expectPhysicsError(() => iterationsInWindow({ windowSeconds: 10, cycleSeconds: 0 }), 'cycleSeconds');
  });

  it('saturating accuracy A₀ + Δa(1 − r^k)/(1 − r), capped', () => {
    // 0.95 + 0.0015 × (1 − 0.95^26)/0.05 = 0.95 + 0.03 × (1 − 0.263546) = 0.972094.
    const large = saturatingAccuracy({ initial: 0.95, gainPerIteration: 0.0015, decay: 0.95, iterations: 26, ceiling: 0.99 });
    expect(large.accuracy).to.be.closeTo(0.95 + 0.03 * (1 - Math.pow(0.95, 26)), 1e-12);
    expect(large.accuracy).to.be.closeTo(0.972094, 1e-6);
    // Asymptote 0.95 + 0.0015/0.05 = 0.98.
    expect(large.asymptote).to.be.closeTo(0.98, 1e-12);
    // Small model tops out at 0.90 + 0.001/0.05 = 0.92, below the large model's 0.95 start.
    const small = saturatingAccuracy({ initial: 0.9, gainPerIteration: 0.001, decay: 0.95, iterations: 4368, ceiling: 0.99 });
    expect(small.accuracy).to.be.closeTo(0.92, 1e-12);
    expect(small.asymptote).to.be.closeTo(0.92, 1e-12);
    // r = 1 is linear: 0.95 + 0.0015 × 26 = 0.989 (the chapter's arithmetic); the cap binds at 99 %.
    expect(saturatingAccuracy({ initial: 0.95, gainPerIteration: 0.0015, decay: 1, iterations: 26 }).accuracy).to.be.closeTo(0.989, 1e-12);
    expect(saturatingAccuracy({ initial: 0.9, gainPerIteration: 0.001, decay: 1, iterations: 4368, ceiling: 0.99 }).accuracy).to.equal(
      0.99,
    );
    expectPhysicsError(() => saturatingAccuracy({ initial: 0.9, gainPerIteration: 0.001, decay: 0, iterations: 1 }), 'decay');
    expectPhysicsError(() => saturatingAccuracy({ initial: 0.9, gainPerIteration: 0.001, decay: 1.1, iterations: 1 }), 'decay');
    expectPhysicsError(() => saturatingAccuracy({ initial: 90, gainPerIteration: 0.001, decay: 0.9, iterations: 1 }), 'initial');
  });

  it('the race has no crossover at r = 0.95, and one at week 1 at r = 0.99', () => {
    const large = { initial: 0.95, gainPerIteration: 0.0015, decay: 0.95, cycleSeconds: 168 * H };
    const small = { initial: 0.9, gainPerIteration: 0.001, decay: 0.95, cycleSeconds: H };
    const r95 = iterationRace({ a: large, b: small, windowSeconds: 26 * WEEK, ceiling: 0.99 });
    expect(r95.times).to.have.length(27); // weeks 0..26
    expect(r95.crossoverSeconds).to.equal(null);
    expect(r95.finalA).to.be.closeTo(0.972094, 1e-6);
    expect(r95.finalB).to.be.closeTo(0.92, 1e-12);
    // r = 0.90: finals 0.95 + 0.015(1 − 0.9^26) = 0.964031 and 0.90 + 0.01 = 0.91.
    const r90 = iterationRace({ a: { ...large, decay: 0.9 }, b: { ...small, decay: 0.9 }, windowSeconds: 26 * WEEK, ceiling: 0.99 });
    expect(r90.finalA).to.be.closeTo(0.964031, 1e-6);
    expect(r90.finalB).to.be.closeTo(0.91, 1e-9);
    // r = 0.99, week 1: large 0.95 + 0.0015 = 0.9515; small 0.90 + 0.1 × (1 − 0.99^168) = 0.981520.
    const r99 = iterationRace({ a: { ...large, decay: 0.99 }, b: { ...small, decay: 0.99 }, windowSeconds: 26 * WEEK, ceiling: 0.99 });
    expect(r99.a[1]).to.be.closeTo(0.9515, 1e-12);
    expect(r99.b[1]).to.be.closeTo(0.9 + 0.1 * (1 - Math.pow(0.99, 168)), 1e-12);
    expect(r99.crossoverSeconds).to.equal(WEEK);
    // Finals: large 0.95 + 0.15(1 − 0.99^26) = 0.984494; small capped at 0.99.
    expect(r99.finalA).to.be.closeTo(0.984494, 1e-6);
    expect(r99.finalB).to.equal(0.99);
    // Small cycle 4 h: week 1 has 42 iterations (0.934434 < 0.9515); week 2, 84 (0.957006 ≥ 0.952985).
    const r4 = iterationRace({
      a: { ...large, decay: 0.99 },
      b: { ...small, decay: 0.99, cycleSeconds: 4 * H },
      windowSeconds: 26 * WEEK,
      ceiling: 0.99,
    });
    expect(r4.crossoverSeconds).to.equal(2 * WEEK);
    // Small cycle 24 h: small final 0.90 + 0.1(1 − 0.99^182) = 0.983945 < 0.984494 → never.
    const r24 = iterationRace({
      a: { ...large, decay: 0.99 },
      b: { ...small, decay: 0.99, cycleSeconds: 24 * H },
      windowSeconds: 26 * WEEK,
      ceiling: 0.99,
    });
    expect(r24.crossoverSeconds).to.equal(null);
    expect(r24.finalB).to.be.closeTo(0.983945, 1e-6);
    expectPhysicsError(() => iterationRace({ a: large, b: { ...small, cycleSeconds: 0 }, windowSeconds: WEEK }), 'b.cycleSeconds');
    expectPhysicsError(() => iterationRace({ a: large, b: small, windowSeconds: WEEK, sampleSeconds: 0 }), 'sampleSeconds');
  });
});

describe('physics/workflow: input pipeline (v1-04, corrected)', () => {
  it('compressed JPEG reads, decode over workers, pipelined overlap', () => {
    expect(IMAGENET_MEAN_JPEG_BYTES.value).to.equal(110e3);
    // 64 x 8.2e9 FLOP (4.1e9 MAC x 2) / 312e12 FLOP/s = 1.682 ms (v1-04 divided its MAC count by the FLOP/s peak: 0.841 ms)
    const computeSeconds = (64 * 8.2e9) / 312e12;
    // HDD: 64 × 110 KB = 7.04 MB / 0.15 GB/s = 46.93 ms; decode 64 × 4 ms / 8 workers = 32 ms.
    const hdd = inputPipelineStep({
      batch: 64,
      bytesPerSample: 110e3,
      storageBandwidth: 0.15e9,
      decodeSecondsPerSample: 4e-3,
      workers: 8,
      computeSeconds,
    });
    expect(hdd.bytesPerBatch).to.equal(7.04e6);
    expect(hdd.loadSeconds).to.be.closeTo(7.04e6 / 0.15e9, 1e-15);
    expect(hdd.preprocessSeconds).to.be.closeTo(0.032, 1e-15);
    // step = max(1.682, 46.93, 32) ms = 46.93 ms → η = 1.682/46.93 = 3.58 %, load-bound.
    expect(hdd.step).to.be.closeTo(0.0469333, 1e-7);
    expect(hdd.utilization).to.be.closeTo(computeSeconds / hdd.loadSeconds, 1e-12);
    expect(hdd.bound).to.equal('load');
    // NVMe (3.5 GB/s): load 2.01 ms, now the 32 ms of CPU decode binds.
    const nvme = inputPipelineStep({
      batch: 64,
      bytesPerSample: 110e3,
      storageBandwidth: 3.5e9,
      decodeSecondsPerSample: 4e-3,
      workers: 8,
      computeSeconds,
    });
    expect(nvme.bound).to.equal('preprocess');
    expect(nvme.utilization).to.be.closeTo(computeSeconds / 0.032, 1e-12);
    // Serial mode adds the three.
    const serial = inputPipelineStep({
      batch: 64,
      bytesPerSample: 110e3,
      storageBandwidth: 3.5e9,
      decodeSecondsPerSample: 4e-3,
      workers: 8,
      computeSeconds,
      mode: 'serial',
    });
    expect(serial.step).to.be.closeTo(computeSeconds + 7.04e6 / 3.5e9 + 0.032, 1e-15);
    expectPhysicsError(
      () =>
        inputPipelineStep({ batch: 64, bytesPerSample: 1, storageBandwidth: 1, decodeSecondsPerSample: 0, workers: 0, computeSeconds: 1 }),
      'workers',
    );
    expectPhysicsError(
      () =>
        inputPipelineStep({ batch: 64, bytesPerSample: 1, storageBandwidth: 0, decodeSecondsPerSample: 0, workers: 1, computeSeconds: 1 }),
      'storageBandwidth',
    );
  });
});
