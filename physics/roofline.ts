/**
 * Roofline model (Williams, Waterman & Patterson 2009, "Roofline: an insightful visual
 * performance model", CACM 52(4)). Attainable rate P(I) = min(P_peak, BW * I); ridge I* = P_peak / BW.
 *
 * Correction carried from the labs' critiques (v1-02, v1-06, v1-11): the ridge is always computed
 * from the selected precision's DENSE peak and the device bandwidth, never hard-coded (the
 * reference used 591 FLOP/B for every precision on the H100 and 10 FLOP/B on the Orin, which
 * mislabelled FP32 and INT8 kernels).
 */
import { PhysicsError, nonNegative, positive, integerAtLeast } from './errors.js';
import { peakFlopsFor, resolveDevice, type Device } from './registry.js';
import type { Precision } from './units.js';

/** Which roof limits an operation: the bandwidth slope or the flat compute peak. */
export type Bound = 'memory' | 'compute';

/**
 * Ridge point I* = peak / bandwidth, FLOP/B. Below it an operation is memory-bound.
 * H100 FP16 dense: 989e12 / 3.35e12 = 295.2 FLOP/B.
 */
export function ridgePoint(device: Device | string, precision: Precision = 'fp16'): number {
  const d = resolveDevice(device);
  return peakFlopsFor(d, precision) / d.memoryBandwidth;
}

export interface RooflinePoint {
  /** min(peak, BW * I), FLOP/s. */
  readonly attainableFlops: number;
  /** 'memory' when I < ridge; a tie counts as compute (as in mlsysim's calc_bottleneck). */
  readonly bound: Bound;
  /** Ridge point, FLOP/B. */
  readonly ridge: number;
  /** Dense peak at the precision, FLOP/s. */
  readonly peakFlops: number;
  /** Memory bandwidth, B/s. */
  readonly bandwidth: number;
  /** attainable / peak, the best MFU this intensity allows (0..1). */
  readonly fractionOfPeak: number;
}

/**
 * Attainable FLOP/s at an arithmetic intensity (FLOP/B).
 * @throws PhysicsError for a negative, NaN or infinite intensity.
 */
export function roofline(device: Device | string, intensity: number, precision: Precision = 'fp16'): RooflinePoint {
  const d = resolveDevice(device);
  const i = nonNegative('intensity', intensity);
  const peak = peakFlopsFor(d, precision);
  const bw = d.memoryBandwidth;
  const ridge = peak / bw;
  const attainable = Math.min(peak, bw * i);
  return {
    attainableFlops: attainable,
    bound: i < ridge ? 'memory' : 'compute',
    ridge,
    peakFlops: peak,
    bandwidth: bw,
    fractionOfPeak: attainable / peak,
  };
}

export interface RooflineCurveOptions {
  /** Smallest intensity on the curve, FLOP/B (default 0.1). */
  minIntensity?: number;
  /** Largest intensity, FLOP/B (default 10,000). */
  maxIntensity?: number;
  /** Number of log-spaced samples (default 200, at least 2). */
  points?: number;
  precision?: Precision;
}

export interface RooflineCurve {
  /** Log-spaced intensities, FLOP/B. The ridge is inserted so the knee is drawn exactly. */
  readonly intensity: number[];
  /** Attainable FLOP/s at each intensity. */
  readonly attainableFlops: number[];
  readonly ridge: number;
  readonly peakFlops: number;
  readonly bandwidth: number;
}

/** Sampled roof for plotting (log-log axes). */
export function rooflineCurve(device: Device | string, options: RooflineCurveOptions = {}): RooflineCurve {
  const d = resolveDevice(device);
  const lo = positive('minIntensity', options.minIntensity ?? 0.1);
  const hi = positive('maxIntensity', options.maxIntensity ?? 1e4);
  if (hi <= lo) throw new PhysicsError('maxIntensity', hi, `a number greater than minIntensity (${lo})`);
  const n = integerAtLeast('points', options.points ?? 200, 2);
  const precision = options.precision ?? 'fp16';
  const peak = peakFlopsFor(d, precision);
  const bw = d.memoryBandwidth;
  const ridge = peak / bw;
  const xs: number[] = [];
  const a = Math.log10(lo);
  const step = (Math.log10(hi) - a) / (n - 1);
  for (let k = 0; k < n; k++) xs.push(k === n - 1 ? hi : 10 ** (a + k * step));
  if (ridge > lo && ridge < hi && !xs.includes(ridge)) {
    xs.push(ridge);
    xs.sort((p, q) => p - q);
  }
  return { intensity: xs, attainableFlops: xs.map((x) => Math.min(peak, bw * x)), ridge, peakFlops: peak, bandwidth: bw };
}

/** One operation for the multi-operation roofline. */
export interface RooflineOp {
  readonly name?: string;
  /** Work, FLOP. */
  readonly flops: number;
  /** Bytes moved to and from main memory, B. */
  readonly bytes: number;
}

export interface RooflineOpResult {
  readonly name: string;
  readonly flops: number;
  readonly bytes: number;
  /** flops / bytes, FLOP/B (Infinity when bytes = 0). */
  readonly intensity: number;
  /** flops / peak, s. */
  readonly computeTime: number;
  /** bytes / BW, s. */
  readonly memoryTime: number;
  /** max(computeTime, memoryTime): the roofline assumes loads overlap compute, s. */
  readonly time: number;
  readonly bound: Bound;
  /** flops / time, FLOP/s. */
  readonly attainableFlops: number;
  /** This op's share of the sequence's total time (0..1). */
  readonly timeShare: number;
}

export interface RooflineOpsResult {
  readonly ops: RooflineOpResult[];
  /** Sum of op times (ops run one after another), s. */
  readonly totalTime: number;
  readonly totalFlops: number;
  readonly totalBytes: number;
  /** totalFlops / totalBytes, FLOP/B. */
  readonly intensity: number;
  /** totalFlops / totalTime, FLOP/s. */
  readonly attainableFlops: number;
  /** Whether memory-bound or compute-bound ops take more of the total time. */
  readonly bound: Bound;
  readonly ridge: number;
  readonly peakFlops: number;
  readonly bandwidth: number;
}

/**
 * Multi-operation roofline: each op's time is max(F/peak, B/BW); the sequence's time is the sum.
 * @throws PhysicsError when the list is empty or an op has negative/NaN flops or bytes, or both zero.
 */
export function rooflineOps(device: Device | string, ops: readonly RooflineOp[], precision: Precision = 'fp16'): RooflineOpsResult {
  const d = resolveDevice(device);
  if (!Array.isArray(ops) || ops.length === 0) throw new PhysicsError('ops', ops, 'a non-empty array of { flops, bytes }');
  const peak = peakFlopsFor(d, precision);
  const bw = d.memoryBandwidth;
  const rows = ops.map((op, k) => {
    if (op === null || typeof op !== 'object') throw new PhysicsError(`ops[${k}]`, op, 'an object { flops, bytes }');
    const flops = nonNegative(`ops[${k}].flops`, op.flops);
    const bytes = nonNegative(`ops[${k}].bytes`, op.bytes);
    if (flops === 0 && bytes === 0) throw new PhysicsError(`ops[${k}]`, op, 'an operation with flops or bytes greater than 0');
    const computeTime = flops / peak;
    const memoryTime = bytes / bw;
    const time = Math.max(computeTime, memoryTime);
    return {
      name: op.name ?? `op ${k + 1}`,
      flops,
      bytes,
      intensity: bytes === 0 ? Infinity : flops / bytes,
      computeTime,
      memoryTime,
      time,
      bound: (memoryTime > computeTime ? 'memory' : 'compute') as Bound,
      attainableFlops: flops / time,
    };
  });
  const totalTime = rows.reduce((s, r) => s + r.time, 0);
  const totalFlops = rows.reduce((s, r) => s + r.flops, 0);
  const totalBytes = rows.reduce((s, r) => s + r.bytes, 0);
  const memTime = rows.filter((r) => r.bound === 'memory').reduce((s, r) => s + r.time, 0);
  return {
    ops: rows.map((r) => ({ ...r, timeShare: r.time / totalTime })),
    totalTime,
    totalFlops,
    totalBytes,
    intensity: totalBytes === 0 ? Infinity : totalFlops / totalBytes,
    attainableFlops: totalFlops / totalTime,
    bound: memTime > totalTime - memTime ? 'memory' : 'compute',
    ridge: peak / bw,
    peakFlops: peak,
    bandwidth: bw,
  };
}

/** Roofline time of one operation: max(flops / peak, bytes / BW). */
export function rooflineTime(device: Device | string, op: RooflineOp, precision: Precision = 'fp16'): RooflineOpResult {
  return rooflineOps(device, [op], precision).ops[0];
}

/**
 * Model FLOPs Utilization: achieved FLOP/s divided by the dense peak at the precision
 * (Chowdhery et al. 2022, PaLM, Appendix B). Not clamped: a value above 1 means the achieved
 * figure or the peak is wrong (for example a sparse peak was used for "achieved").
 */
export function mfu(achievedFlops: number, device: Device | string, precision: Precision = 'fp16'): number {
  const a = nonNegative('achievedFlops', achievedFlops);
  return a / peakFlopsFor(device, precision);
}
