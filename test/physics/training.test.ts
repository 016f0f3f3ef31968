import { expect } from '@open-wc/testing';
import { ACCUMULATION_OVERHEAD_PER_STEP, gradientAccumulation, parallelTrainingStep } from '../../physics/training.js';
import { pipelineBubble } from '../../physics/distributed.js';
import { expectPhysicsError } from './_assert.js';

describe('physics/training: gradient accumulation (v1-08 Act II)', () => {
  it('overhead model 1/((1 + Kε)·c), with the MathPeek arithmetic corrected', () => {
    expect(ACCUMULATION_OVERHEAD_PER_STEP.value).to.equal(0.03);
    // K = 32: 1/(1 + 0.96) = 0.5102, not "≈ 0.96".
    const g = gradientAccumulation({ microBatch: 8, steps: 32 });
    expect(g.effectiveBatch).to.equal(256);
    expect(g.relativeThroughput).to.be.closeTo(1 / 1.96, 1e-12);
    expect(g.model).to.equal('overhead');
    // K = 1, 8, 64: 1/1.03 = 0.9709, 1/1.24 = 0.8065, 1/2.92 = 0.3425.
    expect([1, 8, 64].map((steps) => gradientAccumulation({ microBatch: 8, steps }).relativeThroughput)).to.deep.equal([
      1 / 1.03,
      1 / 1.24,
      1 / 2.92,
    ]);
    // Recomputation × 4/3: 0.5102 × 0.75 = 0.3827 (the reference's 1.33 gives 0.384).
    expect(gradientAccumulation({ microBatch: 8, steps: 32, recompute: true }).relativeThroughput).to.be.closeTo(0.75 / 1.96, 1e-12);
    // ε = 0.001: 1/1.032 = 0.969.
    expect(gradientAccumulation({ microBatch: 8, steps: 32, overheadPerStep: 0.001 }).relativeThroughput).to.be.closeTo(1 / 1.032, 1e-12);
  });

  it('affine step-time model t(b) = t₀ + b·s', () => {
    // t₀ = 5 ms, s = 1 ms/sample: native 256 → 261 ms; 32 × (5 + 8) = 416 ms → 261/416 = 0.6274.
    const a = gradientAccumulation({ microBatch: 8, steps: 32, fixedSecondsPerStep: 5e-3, secondsPerSample: 1e-3 });
    expect(a.model).to.equal('affine');
    expect(a.relativeThroughput).to.be.closeTo(261 / 416, 1e-12);
    // No fixed cost: accumulation is free.
    expect(
      gradientAccumulation({ microBatch: 8, steps: 32, fixedSecondsPerStep: 0, secondsPerSample: 1e-3 }).relativeThroughput,
    ).to.be.closeTo(1, 1e-12);
    expectPhysicsError(() => gradientAccumulation({ microBatch: 8, steps: 4, fixedSecondsPerStep: 1 }), 'secondsPerSample');
    expectPhysicsError(() => gradientAccumulation({ microBatch: 0, steps: 4 }), 'microBatch');
    expectPhysicsError(() => gradientAccumulation({ microBatch: 8, steps: 4, overheadPerStep: -0.1 }), 'overheadPerStep');
  });
});

describe('physics/training: 3D-parallel step (v2-05 Act II)', () => {
  const gpt3 = {
    parameters: 175e9,
    layers: 96,
    hidden: 12288,
    seqLength: 2048,
    microBatch: 1,
    microbatches: 16,
    tp: 8,
    pp: 8,
    dp: 16,
    peakFlops: 989e12,
    kernelEfficiency: 0.5,
    tpLink: { bandwidth: 450e9 },
    dpLink: { bandwidth: 50e9 },
  };

  it('GPT-3 175B on 1,024 H100 as TP 8 × PP 8 × DP 16', () => {
    const r = parallelTrainingStep(gpt3);
    expect(r.gpus).to.equal(1024);
    // t_c = 6 × 175e9 × 2048 / (64 × 989e12 × 0.5) = 2.1504e15 / 3.1648e16 = 67.947 ms.
    expect(r.computePerMicrobatch).to.be.closeTo(2.1504e15 / 3.1648e16, 1e-12);
    // TP: b·s·h·2 = 50,331,648 B; ring over 8: 1.75 × 50,331,648 / 450e9 = 195.73 µs; × 4 per layer × 12 layers = 9.3952 ms.
    expect(r.tpCommPerMicrobatch).to.be.closeTo((48 * (1.75 * 50_331_648)) / 450e9, 1e-12);
    // Pipeline sends 2 × 50,331,648 / 50e9 = 2.0133 ms.
    expect(r.p2pPerMicrobatch).to.be.closeTo((2 * 50_331_648) / 50e9, 1e-15);
    // Pipeline (16 + 7) × 79.356 ms = 1.82519 s; bubble 7/23 = 30.4 %.
    expect(r.pipelineSeconds).to.be.closeTo(23 * r.microbatchSeconds, 1e-12);
    expect(r.bubbleFraction).to.be.closeTo(pipelineBubble({ stages: 8, microbatches: 16 }), 1e-15);
    // DP: shard 175e9/64 × 2 B = 5.46875e9 B; ring over 16: 1.875 × 5.46875e9 / 50e9 = 0.205078 s.
    expect(r.dpAllReduceSeconds).to.be.closeTo(0.205078125, 1e-12);
    // Step 1.82519 + 0.20508 = 2.03026 s; MFU = 0.5 × 16 × 67.947 ms / 2.03026 s = 26.77 %.
    expect(r.stepSeconds).to.be.closeTo(2.0302645, 1e-6);
    expect(r.mfu).to.be.closeTo((0.5 * 16 * r.computePerMicrobatch) / r.stepSeconds, 1e-12);
    expect(r.mfu).to.be.closeTo(0.26774, 1e-5);
    expect(r.tokensPerStep).to.equal(16 * 16 * 2048);
  });

  it('hiding the DP all-reduce and more micro-batches raise MFU; TP across IB lowers it', () => {
    const base = parallelTrainingStep(gpt3).mfu;
    expect(parallelTrainingStep({ ...gpt3, dpOverlap: 1 }).dpExposedSeconds).to.equal(0);
    expect(parallelTrainingStep({ ...gpt3, dpOverlap: 1 }).mfu).to.be.above(base);
    expect(parallelTrainingStep({ ...gpt3, microbatches: 64 }).mfu).to.be.above(base);
    // TP 16 over the 50 GB/s fabric: per-layer all-reduces at IB speed → 10.9 %.
    const tp16 = parallelTrainingStep({ ...gpt3, tp: 16, pp: 4, tpLink: { bandwidth: 50e9 } });
    expect(tp16.mfu).to.be.closeTo(0.10922, 1e-5);
    // One GPU: no communication, no bubble; MFU = η.
    const one = parallelTrainingStep({ ...gpt3, parameters: 1e9, layers: 24, hidden: 2048, tp: 1, pp: 1, dp: 1 });
    expect(one.mfu).to.be.closeTo(0.5, 1e-12);
    expectPhysicsError(() => parallelTrainingStep({ ...gpt3, pp: 7 }), 'pp');
    expectPhysicsError(() => parallelTrainingStep({ ...gpt3, kernelEfficiency: 0 }), 'kernelEfficiency');
    expectPhysicsError(() => parallelTrainingStep({ ...gpt3, tpLink: { bandwidth: 0 } }), 'tpLink.bandwidth');
    expectPhysicsError(() => parallelTrainingStep({ ...gpt3, dpOverlap: 2 }), 'dpOverlap');
  });
});
