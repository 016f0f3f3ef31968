import { expect } from '@open-wc/testing';
import { compiledKernelCount, kernelMemorySeconds, compilationRoi } from '../../physics/frameworks.js';
import { expectPhysicsError } from './_assert.js';

const DAY = 86_400;

describe('physics/frameworks (v1-07)', () => {
  it('kernels left after fusion ⌊n(1 − f)⌋', () => {
    // KWS 1,000 × 0.5 = 500; ResNet-50 200 × 0.65 = 130; GPT-2 layer 20 × 0.85 = 17; eager f = 0: n.
    expect(compiledKernelCount({ kernels: 1000, fusionReduction: 0.5 })).to.equal(500);
    expect(compiledKernelCount({ kernels: 200, fusionReduction: 0.35 })).to.equal(130);
    expect(compiledKernelCount({ kernels: 20, fusionReduction: 0.15 })).to.equal(17);
    expect(compiledKernelCount({ kernels: 7, fusionReduction: 0 })).to.equal(7);
    expectPhysicsError(() => compiledKernelCount({ kernels: 10, fusionReduction: 1.5 }), 'fusionReduction');
    expectPhysicsError(() => compiledKernelCount({ kernels: 1.5, fusionReduction: 0 }), 'kernels');
  });

  it('memory time from intensity is bytes / bandwidth, not t_c / AI', () => {
    // 5 µs × 312e12 × 0.5 = 780 MFLOP; / 80 FLOP/B = 9.75 MB; / 2e12 B/s = 4.875 µs (< 5 µs: compute-bound).
    const g = kernelMemorySeconds({ computeSeconds: 5e-6, peakFlops: 312e12, efficiency: 0.5, intensity: 80, bandwidth: 2e12 });
    expect(g.flops).to.be.closeTo(7.8e8, 1e-3);
    expect(g.bytes).to.be.closeTo(9.75e6, 1e-6);
    expect(g.memorySeconds).to.be.closeTo(4.875e-6, 1e-18);
    expect(g.memoryBound).to.equal(false);
    // Same kernel at I = 8 FLOP/B moves 97.5 MB → 48.75 µs: memory-bound.
    expect(
      kernelMemorySeconds({ computeSeconds: 5e-6, peakFlops: 312e12, efficiency: 0.5, intensity: 8, bandwidth: 2e12 }).memoryBound,
    ).to.equal(true);
    expectPhysicsError(() => kernelMemorySeconds({ computeSeconds: 1, peakFlops: 1, intensity: 0, bandwidth: 1 }), 'intensity');
    expectPhysicsError(
      () => kernelMemorySeconds({ computeSeconds: 1, peakFlops: 1, efficiency: 2, intensity: 1, bandwidth: 1 }),
      'efficiency',
    );
  });

  it('compilation ROI: cloud pays back in 0.013 days, edge never within its deployment', () => {
    // Δt = 1/1450 − 1/2146 = 2.236719e-4 s; N* = 30/Δt = 30 × 1450 × 1.48 / 0.48 = 134,125.
    const cloud = compilationRoi({
      compileSeconds: 30,
      baselineRate: 1450,
      improvedRate: 1450 * 1.48,
      demandRate: 1e7 / DAY,
      durationSeconds: 30 * DAY,
    });
    expect(cloud.savedPerItem).to.be.closeTo(1 / 1450 - 1 / 2146, 1e-15);
    expect(cloud.breakEvenItems).to.be.closeTo(134_125, 1e-6);
    // Break-even 134,125 / (1e7/day) = 0.0134125 day.
    expect(cloud.breakEvenSeconds / DAY).to.be.closeTo(0.0134125, 1e-12);
    // 3e8 items × 2.236719e-4 − 30 = 67,071.58 s.
    expect(cloud.totalItems).to.be.closeTo(3e8, 1e-3);
    expect(cloud.netSavedSeconds).to.be.closeTo(67_071.584, 1e-3);
    expect(cloud.paysBack).to.equal(true);
    // After one day: 1e7 × 2.236719e-4 − 30 = 2,206.72 s.
    expect(cloud.netSavedAt(DAY)).to.be.closeTo(2206.719, 1e-3);
    // Edge, 100/day for 1 day: 100 × Δt − 30 = −29.978 s; break-even after 1,341.25 days.
    const edge = compilationRoi({
      compileSeconds: 30,
      baselineRate: 1450,
      improvedRate: 1450 * 1.48,
      demandRate: 100 / DAY,
      durationSeconds: DAY,
    });
    expect(edge.netSavedSeconds).to.be.closeTo(-29.9776, 1e-4);
    expect(edge.paysBack).to.equal(false);
    expect(edge.breakEvenSeconds / DAY).to.be.closeTo(1341.25, 1e-9);
    // 2,400/day: 72,000 images in 30 days < N* (break-even day 55.9); 60 days pays back by 2.21 s.
    const mid = compilationRoi({
      compileSeconds: 30,
      baselineRate: 1450,
      improvedRate: 1450 * 1.48,
      demandRate: 2400 / DAY,
      durationSeconds: 60 * DAY,
    });
    expect(mid.breakEvenSeconds / DAY).to.be.closeTo(55.885, 1e-3);
    expect(mid.netSavedSeconds).to.be.closeTo(2.2088, 1e-4);
    // No gain: never pays back.
    const none = compilationRoi({ compileSeconds: 30, baselineRate: 1450, improvedRate: 1450, demandRate: 1, durationSeconds: DAY });
    expect(none.breakEvenItems).to.equal(Infinity);
    expect(none.paysBack).to.equal(false);
    expectPhysicsError(
      () => compilationRoi({ compileSeconds: 30, baselineRate: 1, improvedRate: 2, demandRate: -1, durationSeconds: 1 }),
      'demandRate',
    );
    expectPhysicsError(() => cloud.netSavedAt(-1), 'seconds');
  });
});
