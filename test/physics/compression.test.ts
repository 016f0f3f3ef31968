import { expect } from '@open-wc/testing';
import {
  FORMAT_BITS,
  bytesPerParameter,
  quantizedModelBytes,
  compressionRatio,
  uniformQuantizer,
  quantizeValue,
  dequantizeValue,
  sqnrDb,
  PTQ_DROP_MODEL,
  quantizationAccuracyDrop,
  QUANT_LATENCY_FACTORS,
  quantizedLatency,
  perplexityFromCompression,
  pruningEffect,
  distilledModel,
  dominates,
  paretoFrontier,
} from '../../physics/compression.js';
import { throwsPhysics } from './_assert.js';

describe('physics/compression: sizes', () => {
  it('gives bytes per parameter and model size', () => {
    expect(FORMAT_BITS.int4.value).to.equal(4);
    expect(bytesPerParameter(FORMAT_BITS.int4.value)).to.equal(0.5);
    // ternary 1.58 bits / 8 = 0.1975 B
    expect(bytesPerParameter(FORMAT_BITS.ternary.value)).to.be.closeTo(0.1975, 1e-12);
    // ResNet-50 FP32: 25.6e6 × 4 B = 102.4e6 B (97.66 MiB — the "98 MB" of v1-10)
    expect(quantizedModelBytes({ params: 25.6e6, bits: 32 })).to.equal(102.4e6);
    expect(quantizedModelBytes({ params: 25.6e6, bits: 32 }) / 2 ** 20).to.be.closeTo(97.66, 0.01);
    // LLaMA-3 8B INT4 + 50 % structured: 8e9 × 0.5 × 0.5 B = 2e9 B
    expect(quantizedModelBytes({ params: 8e9, bits: 4, sparsity: 0.5 })).to.equal(2e9);
    throwsPhysics(() => bytesPerParameter(0), 'bits');
    throwsPhysics(() => quantizedModelBytes({ params: 1, bits: 8, sparsity: 1 }), 'sparsity');
  });

  it('computes compression ratios', () => {
    expect(compressionRatio({ bits: 8 })).to.equal(4);
    expect(compressionRatio({ bits: 4 })).to.equal(8);
    expect(compressionRatio({ bits: 2 })).to.equal(16);
    // INT4 + 50 % structured: 32/(4·0.5) = 16
    expect(compressionRatio({ bits: 4, sparsity: 0.5 })).to.equal(16);
    expect(compressionRatio({ bits: 8, baselineBits: 16 })).to.equal(2);
  });
});

describe('physics/compression: uniform quantization', () => {
  it('builds a symmetric INT8 quantizer: s = max|x|/127', () => {
    const q = uniformQuantizer({ min: -1, max: 1, bits: 8, scheme: 'symmetric' });
    expect(q.scale).to.be.closeTo(1 / 127, 1e-15);
    expect(q.zeroPoint).to.equal(0);
    expect([q.qmin, q.qmax]).to.deep.equal([-127, 127]);
    // error bound s/2 = 1/254 = 0.003937; variance s²/12 = 5.1667e-6
    expect(q.maxError).to.be.closeTo(0.003937, 1e-7);
    expect(q.noiseVariance).to.be.closeTo(5.16668e-6, 1e-10);
  });

  it('builds an asymmetric quantizer: s = (max−min)/(2^b−1), z = round(−min/s)', () => {
    // [−0.5, 1.5] at 8 bits: s = 2/255 = 0.0078431; z = round(0.5·127.5) = round(63.75) = 64
    const q = uniformQuantizer({ min: -0.5, max: 1.5, bits: 8 });
    expect(q.scale).to.be.closeTo(2 / 255, 1e-15);
    expect(q.zeroPoint).to.equal(64);
    expect(q.levels).to.equal(256);
    // INT4 on the same range: 16 levels, s = 2/15 = 0.1333 (17× the INT8 step)
    const q4 = uniformQuantizer({ min: -0.5, max: 1.5, bits: 4 });
    expect(q4.levels).to.equal(16);
    expect(q4.scale / q.scale).to.be.closeTo(17, 1e-12);
  });

  it('quantizes and dequantizes within half a step', () => {
    // worked example: 0.732 with scale 0.006 → round(122.0) = 122, error ≤ 0.003
    const q = { ...uniformQuantizer({ min: -0.762, max: 0.762, bits: 8, scheme: 'symmetric' }), scale: 0.006 };
    expect(quantizeValue(0.732, q)).to.equal(122);
    const sym = uniformQuantizer({ min: -1, max: 1, bits: 8, scheme: 'symmetric' });
    for (const x of [-1, -0.3337, 0, 0.123456, 0.999]) {
      expect(Math.abs(dequantizeValue(quantizeValue(x, sym), sym) - x)).to.be.at.most(sym.maxError + 1e-15);
    }
    // out-of-range values clamp to the end codes
    expect(quantizeValue(5, sym)).to.equal(127);
    throwsPhysics(() => uniformQuantizer({ min: 1, max: 1, bits: 8 }), 'max');
    throwsPhysics(() => uniformQuantizer({ min: 0, max: 1, bits: 1 }), 'bits');
    throwsPhysics(() => uniformQuantizer({ min: 0, max: 1, bits: 8, scheme: 'log' as never }), 'scheme');
  });

  it('gives SQNR ≈ 6.02·b + 1.76 dB', () => {
    // 8 bits: 48.16 + 1.76 = 49.92 dB; 4 bits: 24.08 + 1.76 = 25.84 dB
    expect(sqnrDb(8)).to.be.closeTo(49.92, 1e-9);
    expect(sqnrDb(4)).to.be.closeTo(25.84, 1e-9);
  });
});

describe('physics/compression: v1-10 accuracy and latency models', () => {
  it('reproduces the PTQ drops at defaults (ResNet-50, 512 samples)', () => {
    expect(PTQ_DROP_MODEL.slope.int8.value).to.equal(0.005);
    expect(quantizationAccuracyDrop({ format: 'fp32' })).to.equal(0);
    expect(quantizationAccuracyDrop({ format: 'fp16' })).to.be.closeTo(0.0004, 1e-12);
    expect(quantizationAccuracyDrop({ format: 'int8' })).to.be.closeTo(0.005, 1e-12);
    expect(quantizationAccuracyDrop({ format: 'int4' })).to.be.closeTo(0.026, 1e-12);
    expect(quantizationAccuracyDrop({ format: 'int2' })).to.be.closeTo(0.068, 1e-12);
  });

  it('adds the calibration penalty and uses one QAT formula', () => {
    // 128 samples: cp = 0.25 pp ⇒ INT8 0.50 + 0.25 = 0.75 pp; INT4 2.60 + 1.5·0.25 = 2.975 pp; INT2 6.80 + 0.5 = 7.30 pp
    expect(quantizationAccuracyDrop({ format: 'int8', calibrationSamples: 128 })).to.be.closeTo(0.0075, 1e-12);
    expect(quantizationAccuracyDrop({ format: 'int4', calibrationSamples: 128 })).to.be.closeTo(0.02975, 1e-12);
    expect(quantizationAccuracyDrop({ format: 'int2', calibrationSamples: 128 })).to.be.closeTo(0.073, 1e-12);
    // 256 ≤ n < 512: cp = 0.10 pp; ViT (s = 1.35): 0.675 + 0.10 = 0.775 pp
    expect(quantizationAccuracyDrop({ format: 'int8', sensitivity: 1.35, calibrationSamples: 256 })).to.be.closeTo(0.00775, 1e-12);
    // QAT: INT8 0.50·(1 − 0.35/2.60) = 0.43269 pp; INT4 2.60 − 0.35 = 2.25 pp
    expect(quantizationAccuracyDrop({ format: 'int8', scheme: 'qat' })).to.be.closeTo(0.0043269, 1e-7);
    expect(quantizationAccuracyDrop({ format: 'int4', scheme: 'qat' })).to.be.closeTo(0.0225, 1e-12);
    // MobileNetV3 (s = 0.85): 0.425 pp
    expect(quantizationAccuracyDrop({ format: 'int8', sensitivity: 0.85 })).to.be.closeTo(0.00425, 1e-12);
    throwsPhysics(() => quantizationAccuracyDrop({ format: 'int3' as never }), 'format');
  });

  it('scales latency by the format factors', () => {
    expect(QUANT_LATENCY_FACTORS.mobile.int2.value).to.equal(0.9);
    expect(PTQ_DROP_MODEL.calibrationWeight.int4.value).to.equal(1.5);
    // cloud ResNet FP32 1.2 ms: INT8 0.30 ms, INT2 0.144 ms
    expect(quantizedLatency({ baseLatency: 1.2e-3, format: 'int8', target: 'cloud' })).to.be.closeTo(0.3e-3, 1e-15);
    expect(quantizedLatency({ baseLatency: 1.2e-3, format: 'int2', target: 'cloud' })).to.be.closeTo(0.144e-3, 1e-15);
    // mobile INT8 4.5 ms: FP32 18 ms, INT4 2.925 ms
    expect(quantizedLatency({ baseLatency: 4.5e-3, format: 'fp32', target: 'mobile' })).to.be.closeTo(18e-3, 1e-15);
    expect(quantizedLatency({ baseLatency: 4.5e-3, format: 'int4', target: 'mobile' })).to.be.closeTo(2.925e-3, 1e-15);
  });

  it('evaluates the chapter perplexity law', () => {
    // 6.14 + 0.12·log2(16) = 6.14 + 0.48 = 6.62
    expect(perplexityFromCompression({ basePerplexity: 6.14, compressionRatio: 16 })).to.be.closeTo(6.62, 1e-12);
    throwsPhysics(() => perplexityFromCompression({ basePerplexity: 6.14, compressionRatio: 0.5 }));
  });
});

describe('physics/compression: pruning and distillation', () => {
  it('separates structured from unstructured pruning', () => {
    // 50 % structured: params and FLOPs halve, speedup 2
    const s = pruningEffect({ params: 8e9, flops: 16e9, sparsity: 0.5, structure: 'structured' });
    expect(s).to.deep.equal({ paramsKept: 4e9, flopsExecuted: 8e9, speedup: 2 });
    // 50 % unstructured on dense hardware: the zeros are still multiplied
    const u = pruningEffect({ params: 8e9, flops: 16e9, sparsity: 0.5, structure: 'unstructured' });
    expect(u.flopsExecuted).to.equal(16e9);
    expect(u.speedup).to.equal(1);
    // with 2:4 sparse kernels: 2×
    expect(
      pruningEffect({ params: 8e9, flops: 16e9, sparsity: 0.5, structure: 'unstructured', sparseKernelSpeedup: 2 }).flopsExecuted,
    ).to.equal(8e9);
    throwsPhysics(
      () => pruningEffect({ params: 1, flops: 1, sparsity: 0.5, structure: 'unstructured', sparseKernelSpeedup: 3 }),
      'sparseKernelSpeedup',
    );
  });

  it('sizes a distilled student', () => {
    // 8B FP32 teacher (32 GB) → 1B INT8 student (1 GB): 32×
    const d = distilledModel({ teacherParams: 8e9, studentParams: 1e9, bits: 8 });
    expect(d.studentBytes).to.equal(1e9);
    expect(d.teacherBytes).to.equal(32e9);
    expect(d.compressionRatio).to.equal(32);
    expect(d.paramRatio).to.equal(8);
  });
});

describe('physics/compression: Pareto frontier', () => {
  // v1-10 Act II catalogue: (GB, perplexity)
  const opts = [
    { k: 'fp32', gb: 32, ppl: 6.14 },
    { k: 'fp16', gb: 16, ppl: 6.16 },
    { k: 'int8', gb: 8, ppl: 6.21 },
    { k: 'int4', gb: 4, ppl: 6.47 },
    { k: 'int4_prune10', gb: 3.6, ppl: 6.63 },
    { k: 'int4_prune30', gb: 2.8, ppl: 7.12 },
    { k: 'int4_prune50', gb: 2.0, ppl: 8.05 },
    { k: 'int4_prune50_unstruct', gb: 2.0, ppl: 7.85 },
    { k: 'distil_4b_int8', gb: 4.1, ppl: 7.3 },
    { k: 'distil_1b_int8', gb: 1.0, ppl: 9.8 },
  ];

  it('computes dominance from the data (fixing the hand-set flags)', () => {
    const front = paretoFrontier(opts, { gb: 'min', ppl: 'min' }).map((o) => o.k);
    // structured 50 % (2.0 GB, 8.05) is dominated by unstructured (2.0 GB, 7.85); distilled 4B by INT4; distilled 1B is the smallest
    expect(front).to.deep.equal([
      'fp32',
      'fp16',
      'int8',
      'int4',
      'int4_prune10',
      'int4_prune30',
      'int4_prune50_unstruct',
      'distil_1b_int8',
    ]);
  });

  it('handles maximisation, ties and bad input', () => {
    const pts = [
      { acc: 0.9, cost: 10 },
      { acc: 0.9, cost: 10 },
      { acc: 0.8, cost: 5 },
      { acc: 0.7, cost: 6 },
    ];
    expect(dominates(pts[2], pts[3], { acc: 'max', cost: 'min' })).to.equal(true);
    expect(dominates(pts[0], pts[1], { acc: 'max', cost: 'min' })).to.equal(false);
    expect(paretoFrontier(pts, { acc: 'max', cost: 'min' })).to.have.length(3);
    throwsPhysics(() => paretoFrontier([], { a: 'min' }), 'points');
    throwsPhysics(() => paretoFrontier(pts, {}), 'senses');
    throwsPhysics(() => paretoFrontier([{ a: 1 }, { a: Number.NaN }], { a: 'min' }));
  });
});
