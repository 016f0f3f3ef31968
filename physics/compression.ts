/**
 * Model compression: quantization, pruning, distillation size, and Pareto-frontier extraction.
 *
 * Corrections against the reference labs (see docs/physics/operations-compression-responsible.md):
 * - v1-10 stated two different quantization error bounds; `uniformQuantizer` states symmetric
 *   (s = max|x|/(2^{b−1}−1)) and asymmetric (s = (max−min)/(2^b−1)) explicitly, with the
 *   half-step bound s/2 and noise variance s²/12.
 * - v1-10's table and reveal used two different QAT formulas; `quantizationAccuracyDrop` uses one.
 * - v1-10 flagged frontier points by hand and got them wrong (a dominated point on the
 *   frontier, a non-dominated one off it); `paretoFrontier` computes dominance from the data.
 * - Energy per inference is latency × power in joules (the reference printed joules as mJ);
 *   use `energyFromPower` in sustainability.ts.
 */
import { PhysicsError, finite, inRange, nonNegative, oneOf, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';

// ---------------------------------------------------------------------------------------------
// Formats and sizes
// ---------------------------------------------------------------------------------------------

export type NumberFormat = 'fp32' | 'fp16' | 'bf16' | 'fp8' | 'int8' | 'int4' | 'int2' | 'ternary';

/** Bits per stored value for common formats. */
export const FORMAT_BITS: Readonly<Record<NumberFormat, Sourced>> = {
  fp32: sourced(32, 'bit', 'IEEE 754-2019 binary32'),
  fp16: sourced(16, 'bit', 'IEEE 754-2019 binary16'),
  bf16: sourced(16, 'bit', 'Google bfloat16 (8-bit exponent, 7-bit mantissa)'),
  fp8: sourced(8, 'bit', 'OCP 8-bit Floating Point Specification (E4M3/E5M2), 2023'),
  int8: sourced(8, 'bit', "two's-complement 8-bit integer"),
  int4: sourced(4, 'bit', '4-bit integer (packed two per byte)'),
  int2: sourced(2, 'bit', '2-bit integer (packed four per byte)'),
  ternary: sourced(
    1.58,
    'bit',
    'Ma et al. 2024, "The Era of 1-bit LLMs" (BitNet b1.58): log₂3 ≈ 1.58 bits per weight',
    'v1-16 used 0.19 B/param (1.52 bits); log₂3/8 = 0.198 B.',
  ),
};

/** Bytes per stored value at a bit width: b/8 (INT4 = 0.5 B, ternary ≈ 0.198 B). */
export function bytesPerParameter(bits: number): number {
  return positive('bits', bits) / 8;
}

/**
 * Stored model size = P·(1 − s)·b/8 bytes, for P parameters at b bits with a fraction s pruned
 * away (pruned weights not stored). Index overhead of sparse formats is not included.
 */
export function quantizedModelBytes(args: { params: number; bits: number; sparsity?: number }): number {
  return (
    nonNegative('params', args.params) *
    (1 - inRange('sparsity', args.sparsity ?? 0, 0, 1, { hiOpen: true })) *
    bytesPerParameter(args.bits)
  );
}

/**
 * Compression ratio CR = b₀ / (b·(1 − s)) against a baseline width b₀ (default FP32):
 * INT8 = 4×, INT4 = 8×, INT4 + 50 % structured pruning = 16×.
 */
export function compressionRatio(args: { bits: number; baselineBits?: number; sparsity?: number }): number {
  const b0 = positive('baselineBits', args.baselineBits ?? 32);
  return b0 / (positive('bits', args.bits) * (1 - inRange('sparsity', args.sparsity ?? 0, 0, 1, { hiOpen: true })));
}

// ---------------------------------------------------------------------------------------------
// Uniform quantization
// ---------------------------------------------------------------------------------------------

export interface UniformQuantizer {
  readonly scheme: 'symmetric' | 'asymmetric';
  readonly bits: number;
  readonly scale: number;
  readonly zeroPoint: number;
  readonly qmin: number;
  readonly qmax: number;
  readonly levels: number;
  /** Largest rounding error inside the range: s/2. */
  readonly maxError: number;
  /** Rounding-noise variance for errors uniform on [−s/2, s/2]: s²/12. */
  readonly noiseVariance: number;
}

/**
 * Parameters of a b-bit uniform quantizer for values in [min, max]:
 * - symmetric: s = max(|min|, |max|)/(2^{b−1} − 1), zero point 0, codes −(2^{b−1}−1)…2^{b−1}−1;
 * - asymmetric (affine): s = (max − min)/(2^b − 1), z = round(−min/s), codes 0…2^b − 1
 *   (Jacob et al. 2018). Quantize with q = clamp(round(x/s) + z).
 * The rounding error is at most s/2 and has variance s²/12.
 */
export function uniformQuantizer(args: { min: number; max: number; bits: number; scheme?: 'symmetric' | 'asymmetric' }): UniformQuantizer {
  const lo = finite('min', args.min);
  const hi = finite('max', args.max);
  if (!(hi > lo)) throw new PhysicsError('max', hi, `a number greater than min (${lo})`);
  const bits = args.bits;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 2 || bits > 32)
    throw new PhysicsError('bits', bits, 'a whole number from 2 to 32');
  const scheme = oneOf('scheme', args.scheme ?? 'asymmetric', ['symmetric', 'asymmetric'] as const);
  let scale: number, zeroPoint: number, qmin: number, qmax: number;
  if (scheme === 'symmetric') {
    qmax = 2 ** (bits - 1) - 1;
    qmin = -qmax;
    scale = Math.max(Math.abs(lo), Math.abs(hi)) / qmax;
    zeroPoint = 0;
  } else {
    qmin = 0;
    qmax = 2 ** bits - 1;
    scale = (hi - lo) / qmax;
    zeroPoint = Math.min(qmax, Math.max(qmin, Math.round(-lo / scale)));
  }
  return { scheme, bits, scale, zeroPoint, qmin, qmax, levels: qmax - qmin + 1, maxError: scale / 2, noiseVariance: (scale * scale) / 12 };
}

/** Quantize one value: clamp(round(x/s) + z, qmin, qmax). */
export function quantizeValue(x: number, q: UniformQuantizer): number {
  finite('x', x);
  return Math.min(q.qmax, Math.max(q.qmin, Math.round(x / q.scale) + q.zeroPoint));
}

/** Dequantize one code: s·(q − z). */
export function dequantizeValue(code: number, q: UniformQuantizer): number {
  return q.scale * (finite('code', code) - q.zeroPoint);
}

/**
 * Signal-to-quantization-noise ratio of a full-scale sinusoid through a b-bit uniform quantizer:
 * SQNR ≈ 6.02·b + 1.76 dB (Bennett 1948; Oppenheim & Schafer, Discrete-Time Signal Processing).
 * Each extra bit buys ≈ 6 dB (4× less noise power).
 */
export function sqnrDb(bits: number): number {
  return 6.02 * positive('bits', bits) + 1.76;
}

// ---------------------------------------------------------------------------------------------
// Accuracy and latency models of the v1-10 lab
// ---------------------------------------------------------------------------------------------

export type LabFormat = 'fp32' | 'fp16' | 'int8' | 'int4' | 'int2';
const LAB_FORMATS: readonly LabFormat[] = ['fp32', 'fp16', 'int8', 'int4', 'int2'];

/** PTQ accuracy drop per unit of model sensitivity (fraction of top-1), and calibration weights. */
export const PTQ_DROP_MODEL = {
  slope: {
    fp32: sourced(0, '1', 'v1-10 brief (chapter: FP32 baseline)'),
    fp16: sourced(0.0004, '1', 'v1-10 brief; chapter range "FP16 < 0.05 pp"'),
    int8: sourced(0.005, '1', 'v1-10 brief; chapter range "INT8 0.3–0.7 pp"'),
    int4: sourced(0.026, '1', 'v1-10 brief; chapter range "INT4 1.5–3.5 pp"'),
    int2: sourced(0.068, '1', 'v1-10 brief; chapter range "INT2 4–8 pp"'),
  },
  calibrationWeight: {
    fp32: sourced(0, '1', 'v1-10 brief (no calibration penalty)'),
    fp16: sourced(0, '1', 'v1-10 brief (no calibration penalty)'),
    int8: sourced(1, '1', 'v1-10 brief: INT8 drop + cp'),
    int4: sourced(1.5, '1', 'v1-10 brief: INT4 drop + 1.5·cp'),
    int2: sourced(2, '1', 'v1-10 brief: INT2 drop + 2·cp'),
  },
  qatRecoveryAtInt4: sourced(0.0035, '1', 'v1-10 brief; chapter "QAT recovers 0.2–0.5 %"'),
} as const;

/**
 * Top-1 accuracy drop of a ResNet-class model quantized to a format, as the v1-10 lab models it
 * (fractions): PTQ drop v_f = slope_f·sensitivity + w_f·cp, with calibration penalty
 * cp = 0.0025 below 256 samples, 0.0010 below 512, else 0. QAT has cp = 0 and recovers the same
 * proportion of every format's drop: v_f·(1 − r/v_int4), r = 0.0035 (one formula for table and
 * reveal, unlike the reference).
 */
export function quantizationAccuracyDrop(args: {
  format: LabFormat;
  sensitivity?: number;
  calibrationSamples?: number;
  scheme?: 'ptq' | 'qat';
}): number {
  const f = oneOf('format', args.format, LAB_FORMATS);
  const s = positive('sensitivity', args.sensitivity ?? 1);
  const scheme = oneOf('scheme', args.scheme ?? 'ptq', ['ptq', 'qat'] as const);
  const n = nonNegative('calibrationSamples', args.calibrationSamples ?? 512);
  const cp = scheme === 'qat' ? 0 : n < 256 ? 0.0025 : n < 512 ? 0.001 : 0;
  const v = (g: LabFormat) => PTQ_DROP_MODEL.slope[g].value * s + PTQ_DROP_MODEL.calibrationWeight[g].value * cp;
  if (scheme === 'ptq') return v(f);
  return Math.max(0, v(f) * (1 - PTQ_DROP_MODEL.qatRecoveryAtInt4.value / v('int4')));
}

/** Latency multipliers per format: cloud relative to FP32, mobile relative to INT8 (v1-10 lab calibration). */
export const QUANT_LATENCY_FACTORS: Readonly<Record<'cloud' | 'mobile', Readonly<Record<LabFormat, Sourced>>>> = (() => {
  const table = (src: string, v: Record<LabFormat, number>) =>
    Object.fromEntries(LAB_FORMATS.map((f) => [f, sourced(v[f], '1', src)])) as Record<LabFormat, Sourced>;
  return {
    cloud: table('v1-10 brief: H100 latency relative to FP32 (lab calibration)', {
      fp32: 1.0,
      fp16: 0.5,
      int8: 0.25,
      int4: 0.15,
      int2: 0.12,
    }),
    mobile: table('v1-10 brief: mobile NPU latency relative to INT8 (lab calibration; INT2 has no native kernel)', {
      fp32: 4.0,
      fp16: 1.8,
      int8: 1.0,
      int4: 0.65,
      int2: 0.9,
    }),
  };
})();

/**
 * Latency of a format = base latency × factor (v1-10): cloud base is the FP32 latency, mobile base
 * the INT8 latency. INT2 is slower than INT4 on mobile (no native kernel).
 */
export function quantizedLatency(args: { baseLatency: number; format: LabFormat; target: 'cloud' | 'mobile' }): number {
  const t = oneOf('target', args.target, ['cloud', 'mobile'] as const);
  return positive('baseLatency', args.baseLatency) * QUANT_LATENCY_FACTORS[t][oneOf('format', args.format, LAB_FORMATS)].value;
}

/**
 * The chapter's perplexity law ΔPPL ≈ α·log₂ CR (α ≈ 0.12 claimed for LLaMA-class models):
 * PPL = PPL₀ + α·log₂ CR. It does not fit the lab's own table (0.07, 0.33, 1.91 at 4×, 8×, 16×);
 * treat it as an illustration of a log-linear trend.
 */
export function perplexityFromCompression(args: { basePerplexity: number; compressionRatio: number; alpha?: number }): number {
  const cr = inRange('compressionRatio', args.compressionRatio, 1, Infinity);
  return positive('basePerplexity', args.basePerplexity) + nonNegative('alpha', args.alpha ?? 0.12) * Math.log2(cr);
}

// ---------------------------------------------------------------------------------------------
// Pruning and distillation
// ---------------------------------------------------------------------------------------------

/**
 * Effect of pruning a fraction s of weights:
 * - structured (channels, heads): parameters and FLOPs scale by (1 − s); speedup 1/(1 − s) on
 *   dense hardware (upper bound; memory-bound layers gain less).
 * - unstructured: parameters stored fall to (1 − s) but a dense kernel still multiplies the zeros,
 *   so FLOPs executed and speedup stay at 1 unless the hardware has sparse kernels
 *   (`sparseKernelSpeedup`, e.g. 2 for NVIDIA 2:4 sparsity at s = 0.5).
 */
export function pruningEffect(args: {
  params: number;
  flops: number;
  sparsity: number;
  structure: 'structured' | 'unstructured';
  sparseKernelSpeedup?: number;
}): { paramsKept: number; flopsExecuted: number; speedup: number } {
  const P = nonNegative('params', args.params);
  const F = nonNegative('flops', args.flops);
  const s = inRange('sparsity', args.sparsity, 0, 1, { hiOpen: true });
  const kind = oneOf('structure', args.structure, ['structured', 'unstructured'] as const);
  if (kind === 'structured') return { paramsKept: P * (1 - s), flopsExecuted: F * (1 - s), speedup: 1 / (1 - s) };
  const k = inRange('sparseKernelSpeedup', args.sparseKernelSpeedup ?? 1, 1, 1 / (1 - s));
  return { paramsKept: P * (1 - s), flopsExecuted: F / k, speedup: k };
}

/**
 * Size and compression of a distilled student: student bytes = P_s·b_s/8, compression against
 * the teacher at b_t bits = (P_t·b_t)/(P_s·b_s). (v1-10 lists distilled 4B/1B INT8 students;
 * their quality is a measured input, not derived here.)
 */
export function distilledModel(args: { teacherParams: number; studentParams: number; bits: number; teacherBits?: number }): {
  studentBytes: number;
  teacherBytes: number;
  paramRatio: number;
  compressionRatio: number;
} {
  const Pt = positive('teacherParams', args.teacherParams);
  const Ps = positive('studentParams', args.studentParams);
  const b = positive('bits', args.bits);
  const bt = positive('teacherBits', args.teacherBits ?? 32);
  const studentBytes = (Ps * b) / 8,
    teacherBytes = (Pt * bt) / 8;
  return { studentBytes, teacherBytes, paramRatio: Pt / Ps, compressionRatio: teacherBytes / studentBytes };
}

// ---------------------------------------------------------------------------------------------
// Pareto frontier
// ---------------------------------------------------------------------------------------------

export type Sense = 'min' | 'max';

/**
 * True when design a dominates b: at least as good on every objective and strictly better on
 * one (v1-09 MathPeek definition). `senses` maps each objective key to 'min' or 'max'.
 */
export function dominates(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  senses: Readonly<Record<string, Sense>>,
): boolean {
  const keys = Object.keys(senses ?? {});
  if (keys.length === 0) throw new PhysicsError('senses', senses, "an object mapping at least one objective to 'min' or 'max'");
  let strictly = false;
  for (const k of keys) {
    const sense = oneOf(`senses.${k}`, senses[k], ['min', 'max'] as const);
    const va = finite(`a.${k}`, a?.[k]),
      vb = finite(`b.${k}`, b?.[k]);
    const better = sense === 'min' ? va < vb : va > vb;
    const worse = sense === 'min' ? va > vb : va < vb;
    if (worse) return false;
    if (better) strictly = true;
  }
  return strictly;
}

/**
 * The non-dominated designs of a set (Pareto frontier), in input order. Every objective named in
 * `senses` is minimised or maximised. Duplicates of a frontier point are all kept.
 * Example: paretoFrontier(options, { bytes: 'min', perplexity: 'min' }).
 */
export function paretoFrontier<T extends Readonly<Record<string, unknown>>>(
  points: readonly T[],
  senses: Readonly<Record<string, Sense>>,
): T[] {
  if (!Array.isArray(points) || points.length === 0) throw new PhysicsError('points', points, 'a non-empty array of designs');
  return points.filter((p) => !points.some((q) => q !== p && dominates(q, p, senses)));
}
