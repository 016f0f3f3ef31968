import { expect } from '@open-wc/testing';
import {
  ACTIVATION_FUNCTIONS,
  ACTIVATION_HARDWARE,
  activationSiliconCost,
  activationSeconds,
  gelu,
  expTaylor,
  OFF_DEVICE_LATENCY_MULTIPLIER,
  V1_05_MEMORY_TIERS,
  memoryTierPlacement,
  ffnActivationBytes,
  PARAMS_PER_WIDTH_SQUARED,
  widthForParamBudget,
  LAYER_SYNC_SECONDS,
  SATURATION_WIDTH,
  depthWidthLatency,
  fixedBudgetDepthSweep,
} from '../../physics/architectures.js';
import { cnnActivationPyramid } from '../../physics/memory.js';
import { getDevice } from '../../physics/registry.js';
import { expectPhysicsError } from './_assert.js';

const MiB = 1024 ** 2;

describe('physics/architectures: activation functions in silicon (v1-05 Act I)', () => {
  it('transistor ratio and cycle speedup are separate quantities', () => {
    expect(ACTIVATION_FUNCTIONS).to.have.length(6);
    expect(ACTIVATION_HARDWARE.relu.transistors.value).to.equal(50);
    expect(ACTIVATION_HARDWARE.sigmoid.transistors.source).to.match(/transistor-tax/);
    expect(ACTIVATION_HARDWARE.gelu.transistors.source).to.match(/estimate/);
    // 4 × sigmoid: 10,000 / (4 × 50) = 50× silicon; cycles 100 / 4 = 25× speedup as ReLU.
    const sig = activationSiliconCost(['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid']);
    expect(sig.transistors).to.equal(10_000);
    expect(sig.transistorRatio).to.equal(50);
    expect(sig.cycles).to.equal(100);
    expect(sig.speedupIfRelu).to.equal(25);
    // ReLU, ReLU, GELU, softmax: 50 + 50 + 1,500 + 3,000 = 4,600 → 23×; cycles 1 + 1 + 8 + 30 = 40 → 10×.
    const mix = activationSiliconCost(['relu', 'relu', 'gelu', 'softmax']);
    expect(mix.transistorRatio).to.equal(23);
    expect(mix.speedupIfRelu).to.equal(10);
    // 4 × GELU: 6,000/200 = 30×, 32/4 = 8×.
    expect(activationSiliconCost(['gelu', 'gelu', 'gelu', 'gelu'])).to.include({ transistorRatio: 30, speedupIfRelu: 8 });
    expectPhysicsError(() => activationSiliconCost([]), 'functions');
    expectPhysicsError(() => activationSiliconCost(['relu', 'swish' as never]), 'functions[1]');
  });

  it('activation time n·c/r and its share of inference', () => {
    // 1e6 elements × 25 cycles / (1 GHz × 64 lanes) = 0.390625 ms; of a 2 ms inference: 19.53 %.
    const t = activationSeconds({ elements: 1e6, cyclesPerElement: 25, elementRate: 64e9, inferenceSeconds: 2e-3 });
    expect(t.seconds).to.be.closeTo(25e6 / 64e9, 1e-18);
    expect(t.share).to.be.closeTo(0.390625 / 2, 1e-12);
    expect(activationSeconds({ elements: 10, cyclesPerElement: 1, elementRate: 10 })).to.deep.equal({ seconds: 1 });
    expectPhysicsError(() => activationSeconds({ elements: 1, cyclesPerElement: 1, elementRate: 0 }), 'elementRate');
  });

  it('GELU exact x·Φ(x) and its tanh approximation', () => {
    // Φ(1) = 0.8413447461 → gelu(1) = 0.8413447461; tanh form ½(1 + tanh(0.7978846 × 1.044715)) = 0.8411920.
    expect(gelu(1)).to.be.closeTo(0.8413447460685429, 1e-13);
    expect(gelu(1, 'tanh')).to.be.closeTo(0.841192, 1e-6);
    // −3·Φ(−3) = −3 × 0.0013498980 = −0.0040496941 (x/√2 = −2.12: the series branch of erf).
    expect(gelu(-3)).to.be.closeTo(-3 * 0.0013498980316301, 1e-13);
    // 5·Φ(5): Φ(5) = 0.9999997133 (x/√2 = 3.54 uses the continued fraction).
    expect(gelu(5)).to.be.closeTo(5 * 0.9999997133484281, 1e-12);
    expect(gelu(0)).to.equal(0);
    expectPhysicsError(() => gelu(Number.NaN), 'x');
    expectPhysicsError(() => gelu(1, 'relu' as never), 'approximation');
  });

  it('Taylor series of e^x: terms needed for FP32 after range reduction', () => {
    // x = ln 2, e^x = 2: 8 terms leave (ln 2)^8/8! × … ≈ 1.43e-6; 10 terms 7.5e-9 < 2^-24 × 2 = 1.19e-7.
    expect(expTaylor(Math.LN2, 8).error).to.be.closeTo(1.4309e-6, 1e-9);
    expect(expTaylor(Math.LN2, 10).error).to.be.below(2 ** -24 * 2);
    // x = 1, 3 terms: 1 + 1 + 0.5 = 2.5.
    expect(expTaylor(1, 3).value).to.equal(2.5);
    expectPhysicsError(() => expTaylor(1, 0), 'terms');
  });
});

describe('physics/architectures: memory tiers (v1-05 Act II)', () => {
  const pyramid = cnnActivationPyramid({ imageSize: 224, channels: 64, batch: 8, precision: 'fp32' }).map((l) => l.bytes);

  it('H100 with its 50 MB L2: one layer in HBM, five in L2 (corrected from the A100 40 MB)', () => {
    expect(V1_05_MEMORY_TIERS.cloud[1].capacity).to.equal(50 * MiB);
    // 98, 49, 24.5, 12.25, 6.125, 3.0625 MiB; 49 MiB = 51,380,224 B ≤ 52,428,800 B.
    expect(pyramid.map((b) => b / MiB)).to.deep.equal([98, 49, 24.5, 12.25, 6.125, 3.0625]);
    const cloud = memoryTierPlacement({ sizes: pyramid, tiers: V1_05_MEMORY_TIERS.cloud });
    expect(cloud.layers.map((l) => l.tier)).to.deep.equal(['HBM', 'L2', 'L2', 'L2', 'L2', 'L2']);
    // Mean (10 + 5 × 4)/6 = 5.0; miss 1/6.
    expect(cloud.meanMultiplier).to.equal(5);
    expect(cloud.missRate).to.be.closeTo(1 / 6, 1e-12);
    // Total 192.9375 MiB = 202,309,632 B; training keeps all of it.
    expect(cloud.totalBytes).to.equal(202_309_632);
    expect(cloud.residentBytes).to.equal(202_309_632);
    expect(cloud.oom).to.equal(false);
    // Inference: largest adjacent pair 98 + 49 MiB = 154,140,672 B.
    expect(memoryTierPlacement({ sizes: pyramid, tiers: V1_05_MEMORY_TIERS.cloud, mode: 'inference' }).residentBytes).to.equal(147 * MiB);
  });

  it('mobile NPU: every layer in DRAM (mean 10×, miss 100 %); a small FP16 net stays on chip', () => {
    const mobile = memoryTierPlacement({ sizes: pyramid, tiers: V1_05_MEMORY_TIERS.mobile });
    expect(mobile.meanMultiplier).to.equal(10);
    expect(mobile.missRate).to.equal(1);
    // 64 px, 32 ch, batch 1, FP16: 256, 128, 64, 32, 16, 8 KiB → L2, L2, L1, L1, L1, L1; mean (4+4+1+1+1+1)/6 = 2.
    const small = cnnActivationPyramid({ imageSize: 64, channels: 32, batch: 1, precision: 'fp16' }).map((l) => l.bytes);
    const s = memoryTierPlacement({ sizes: small, tiers: V1_05_MEMORY_TIERS.mobile });
    expect(s.layers.map((l) => l.tier)).to.deep.equal(['L2', 'L2', 'L1', 'L1', 'L1', 'L1']);
    expect(s.meanMultiplier).to.equal(2);
    expect(s.missRate).to.equal(0);
    expect(s.totalBytes).to.equal(516_096);
  });

  it('OOM against device memory, and tensors larger than every tier go off device', () => {
    // 224 px, 512 ch, batch 128, FP32 on the 8 GB NPU: layer 1 = 128 × 224² × 512 × 4 = 13.15e9 B > 8e9.
    const big = cnnActivationPyramid({ imageSize: 224, channels: 512, batch: 128, precision: 'fp32' }).map((l) => l.bytes);
    const r = memoryTierPlacement({ sizes: big, tiers: V1_05_MEMORY_TIERS.mobile });
    expect(r.layers[0].tier).to.equal('off-device');
    expect(r.layers[0].latencyMultiplier).to.equal(OFF_DEVICE_LATENCY_MULTIPLIER.value);
    expect(r.oom).to.equal(true);
    // Total 12,544 + 6,272 + … MiB = 24,696 MiB (v1-05's "24,696 MB").
    expect(r.totalBytes / MiB).to.be.closeTo(24_696, 1e-6);
    expectPhysicsError(() => memoryTierPlacement({ sizes: [], tiers: V1_05_MEMORY_TIERS.mobile }), 'sizes');
    expectPhysicsError(() => memoryTierPlacement({ sizes: [1], tiers: [] }), 'tiers');
    expectPhysicsError(() => memoryTierPlacement({ sizes: [-1], tiers: V1_05_MEMORY_TIERS.mobile }), 'sizes[0]');
    expectPhysicsError(() => memoryTierPlacement({ sizes: [1], tiers: V1_05_MEMORY_TIERS.mobile, mode: 'serving' as never }), 'mode');
  });
});

describe('physics/architectures: depth vs width (v1-06)', () => {
  it('FFN activations N·4d·b·L: 4,096 tokens, d 1,024, FP16, 48 layers = 1.6106 GB', () => {
    // 4096 × 4 × 1024 × 2 × 48 = 1,610,612,736 B.
    expect(ffnActivationBytes({ seqLength: 4096, hidden: 1024, layers: 48 })).to.equal(1_610_612_736);
    // Linear in N: doubling the context doubles it.
    expect(ffnActivationBytes({ seqLength: 8192, hidden: 1024, layers: 48 })).to.equal(2 * 1_610_612_736);
    expectPhysicsError(() => ffnActivationBytes({ seqLength: 0, hidden: 1 }), 'seqLength');
  });

  it('width for a 100 M budget: √(P/(12L))', () => {
    expect(PARAMS_PER_WIDTH_SQUARED.value).to.equal(12);
    // √(1e8/24) = 2,041.24; √(1e8/768) = 360.84; doubling depth divides width by √2.
    expect(widthForParamBudget({ params: 1e8, layers: 2 })).to.be.closeTo(2041.2415, 1e-4);
    expect(widthForParamBudget({ params: 1e8, layers: 64 })).to.be.closeTo(360.8439, 1e-4);
    expect(widthForParamBudget({ params: 1e8, layers: 8 }) / widthForParamBudget({ params: 1e8, layers: 16 })).to.be.closeTo(
      Math.SQRT2,
      1e-12,
    );
    expectPhysicsError(() => widthForParamBudget({ params: 1e8, layers: 0 }), 'layers');
  });

  it('deep-narrow vs shallow-wide on Orin: per-layer sync makes depth cost time', () => {
    const orin = getDevice('jetson-orin-nx');
    const base = { peakFlops: orin.peakFlops.fp16 as number, bandwidth: orin.memoryBandwidth, syncSeconds: LAYER_SYNC_SECONDS.edge.value };
    expect(SATURATION_WIDTH.value).to.equal(1024);
    // 64 × 384: P_l = 12 × 384² = 1,769,472; weights 3,538,944 B / 102 GB/s = 34.696 µs;
    // compute 2 × 1,769,472 / (25e12 × 0.375) = 0.377 µs; layer 30 + 34.696 = 64.696 µs; × 64 = 4.1405 ms.
    const deep = depthWidthLatency({ ...base, layers: 64, width: 384 });
    expect(deep.params).to.equal(113_246_208);
    expect(deep.occupancy).to.equal(0.375);
    expect(deep.memorySeconds).to.be.closeTo(3_538_944 / 102e9, 1e-15);
    expect(deep.seconds).to.be.closeTo(64 * (30e-6 + 3_538_944 / 102e9), 1e-12);
    expect(deep.bound).to.equal('memory');
    // 4 × 1,472: P_l = 26,001,408; 52,002,816 B / 102 GB/s = 509.83 µs; + 30 µs; × 4 = 2.1593 ms.
    const wide = depthWidthLatency({ ...base, layers: 4, width: 1472 });
    expect(wide.params).to.equal(104_005_632);
    expect(wide.seconds).to.be.closeTo(4 * (30e-6 + 52_002_816 / 102e9), 1e-12);
    expect(wide.seconds).to.be.below(deep.seconds);
    // With the sync hidden (max form) both collapse to weight streaming: 2.2205 vs 2.0393 ms (the reference's numbers).
    expect(depthWidthLatency({ ...base, layers: 64, width: 384, overlapSync: true }).seconds).to.be.closeTo(2.2205e-3, 1e-7);
    expect(depthWidthLatency({ ...base, layers: 4, width: 1472, overlapSync: true }).seconds).to.be.closeTo(2.0393e-3, 1e-7);
    // A tiny layer is sync-bound: 1 × 64 → P_l = 49,152, 98,304 B / 102 GB/s = 0.96 µs < 30 µs.
    expect(depthWidthLatency({ ...base, layers: 1, width: 64, overlapSync: true }).bound).to.equal('sync');
    expectPhysicsError(() => depthWidthLatency({ ...base, layers: 1, width: 0 }), 'width');
    expectPhysicsError(() => depthWidthLatency({ ...base, layers: 1, width: 64, syncSeconds: -1 }), 'syncSeconds');
  });

  it('fixed-budget sweep picks the shallowest design', () => {
    const orin = getDevice('jetson-orin-nx');
    const sweep = fixedBudgetDepthSweep({
      params: 1e8,
      depths: [2, 64],
      peakFlops: orin.peakFlops.fp16 as number,
      bandwidth: orin.memoryBandwidth,
      syncSeconds: 30e-6,
    });
    // L = 2: W = 2,041.24, weights 2e8 B / 102e9 = 1.9608 ms + 2 × 30 µs = 2.0208 ms.
    expect(sweep.points[0].seconds).to.be.closeTo(2e8 / 102e9 + 60e-6, 1e-12);
    // L = 64: W = 360.84, weights 2e8 B → 1.9608 ms + 64 × 30 µs = 3.8808 ms.
    expect(sweep.points[1].seconds).to.be.closeTo(2e8 / 102e9 + 64 * 30e-6, 1e-12);
    expect(sweep.best.layers).to.equal(2);
    // Widths are clipped: 1e8 over 1 layer would be 2,886.8 → kept; maxWidth 1,000 clips it.
    expect(
      fixedBudgetDepthSweep({ params: 1e8, depths: [1], maxWidth: 1000, peakFlops: 1e12, bandwidth: 1e11, syncSeconds: 0 }).points[0].width,
    ).to.equal(1000);
    expectPhysicsError(() => fixedBudgetDepthSweep({ params: 1e8, depths: [], peakFlops: 1, bandwidth: 1, syncSeconds: 0 }), 'depths');
    expectPhysicsError(
      () => fixedBudgetDepthSweep({ params: 1e8, depths: [1], minWidth: 100, maxWidth: 10, peakFlops: 1, bandwidth: 1, syncSeconds: 0 }),
      'maxWidth',
    );
  });
});
