/**
 * The Iron Law of ML system performance as the labs state it (seed spec Rule 10, chapter
 * Introduction): T = D / BW + O / (R * eta) + L, additive. mlsysim's engine instead overlaps
 * data and compute, T = max(D / BW, O / R) + L ("pipelined"); the two differ by up to 2x, so
 * `ironLaw` takes `overlap` to choose and defaults to the additive textbook form.
 */
import { PhysicsError, fraction, integerAtLeast, nonNegative, positive } from './errors.js';
import { FIBER_LIGHT_SPEED, peakFlopsFor, resolveDevice, type Device } from './registry.js';
import type { Precision } from './units.js';

export interface IronLawInput {
  /** Bytes moved, B. */
  dataBytes: number;
  /** Bandwidth, B/s. */
  bandwidth: number;
  /** Operations, FLOP. */
  ops: number;
  /** Peak rate, FLOP/s. */
  opsPerSecond: number;
  /** Fraction of peak achieved, 0..1 (default 1). */
  efficiency?: number;
  /** Fixed dispatch/software latency L, s (default 0). */
  overheadSeconds?: number;
  /** Network propagation, s (default 0). */
  propagationSeconds?: number;
  /** Overlap data movement with compute: max(data, compute) instead of the sum (default false). */
  overlap?: boolean;
}

export interface IronLaw {
  /** D / BW, s. */
  readonly data: number;
  /** O / (R eta), s. */
  readonly compute: number;
  readonly overhead: number;
  readonly propagation: number;
  readonly total: number;
  /** 'memory' if data > compute, else 'compute' (the labs' bottleneck rule; a tie counts as compute). */
  readonly bound: 'memory' | 'compute';
  /** The largest single term. */
  readonly dominant: 'data' | 'compute' | 'overhead' | 'propagation';
  /** O / D, FLOP/B (Infinity when D = 0). */
  readonly intensity: number;
  /** R eta / BW, FLOP/B. */
  readonly ridge: number;
}

/**
 * T = D / BW + O / (R eta) + L (+ propagation). O is in FLOP, counting a multiply-add as 2, because
 * R is a FLOP/s peak: ResNet-50's 4.1e9 MAC are 8.2e9 FLOP.
 * ResNet-50 FP16 batch 1 on the H100 (v1-01): 51,501,056 / 3.35e12 + 8.2e9 / 989e12 + 1e-5
 * = 15.37 + 8.29 + 10 us = 33.66 us, memory-bound 1.85x.
 */
export function ironLaw(input: IronLawInput): IronLaw {
  const D = nonNegative('dataBytes', input.dataBytes);
  const BW = positive('bandwidth', input.bandwidth);
  const O = nonNegative('ops', input.ops);
  const R = positive('opsPerSecond', input.opsPerSecond);
  const eta = fraction('efficiency', input.efficiency ?? 1);
  if (eta === 0) throw new PhysicsError('efficiency', eta, 'a fraction greater than 0');
  const L = nonNegative('overheadSeconds', input.overheadSeconds ?? 0);
  const prop = nonNegative('propagationSeconds', input.propagationSeconds ?? 0);
  const data = D / BW;
  const compute = O / (R * eta);
  const work = input.overlap ? Math.max(data, compute) : data + compute;
  const terms = { data, compute, overhead: L, propagation: prop } as const;
  let dominant: IronLaw['dominant'] = 'data';
  for (const k of ['compute', 'overhead', 'propagation'] as const) if (terms[k] > terms[dominant]) dominant = k;
  return {
    data,
    compute,
    overhead: L,
    propagation: prop,
    total: work + L + prop,
    bound: data > compute ? 'memory' : 'compute',
    dominant,
    intensity: D === 0 ? Infinity : O / D,
    ridge: (R * eta) / BW,
  };
}

export interface IronLawOnDeviceInput {
  dataBytes: number;
  ops: number;
  precision?: Precision;
  efficiency?: number;
  /** Default: the device's `overheadSeconds`. */
  overheadSeconds?: number;
  propagationSeconds?: number;
  overlap?: boolean;
}

/** `ironLaw` with bandwidth, peak (dense, at the precision) and overhead taken from a device. */
export function ironLawOnDevice(device: Device | string, input: IronLawOnDeviceInput): IronLaw {
  const d = resolveDevice(device);
  return ironLaw({
    dataBytes: input.dataBytes,
    bandwidth: d.memoryBandwidth,
    ops: input.ops,
    opsPerSecond: peakFlopsFor(d, input.precision ?? 'fp16'),
    efficiency: input.efficiency,
    overheadSeconds: input.overheadSeconds ?? d.overheadSeconds,
    propagationSeconds: input.propagationSeconds,
    overlap: input.overlap,
  });
}

/**
 * Round-trip propagation 2 d / v, s. Correction: v1-02 called 2 x 3,000 km / 200,000 km/s = 30 ms
 * the "one-way" minimum; it is the round trip (one way is 15 ms).
 */
export function propagationDelay(distanceMeters: number, fiberSpeed: number = FIBER_LIGHT_SPEED.value): number {
  return (2 * nonNegative('distanceMeters', distanceMeters)) / positive('fiberSpeed', fiberSpeed);
}

/** One-way propagation d / v, s. London-New York 5,570 km: 27.85 ms. */
export function oneWayDelay(distanceMeters: number, fiberSpeed: number = FIBER_LIGHT_SPEED.value): number {
  return nonNegative('distanceMeters', distanceMeters) / positive('fiberSpeed', fiberSpeed);
}

/**
 * Farthest server for a round-trip budget: (budget - processing) v / 2, m; 0 when processing
 * alone uses the budget. 10 ms, nothing else: 1,000 km; with 0.53086 ms inference: 946.9 km.
 */
export function maxDistanceForBudget(budgetSeconds: number, processingSeconds = 0, fiberSpeed: number = FIBER_LIGHT_SPEED.value): number {
  const b = nonNegative('budgetSeconds', budgetSeconds);
  const p = nonNegative('processingSeconds', processingSeconds);
  const v = positive('fiberSpeed', fiberSpeed);
  return b <= p ? 0 : ((b - p) * v) / 2;
}

export interface DispatchInput {
  /** Kernel launches. */
  kernels: number;
  /** GPU compute per kernel, s. */
  computePerKernel: number;
  /** CPU-side launch cost per kernel, s (chapter: 5-20 us). */
  dispatchPerKernel: number;
  /** Memory-transfer time not hidden behind compute, s (bytes / BW; default 0). */
  memorySeconds?: number;
}

export interface DispatchResult {
  readonly compute: number;
  readonly dispatch: number;
  readonly memory: number;
  readonly total: number;
  /** compute / total: the fraction of wall time spent in tensor math. */
  readonly utilization: number;
}

/**
 * Dispatch tax: T = N (t_c + t_d) + t_m; utilization = N t_c / T.
 * 1,000 kernels, 5 us compute, 10 us dispatch: 5 / 15 = 33.3 %.
 * Correction (v1-07): the reference's memory term t_c / AI divided microseconds by FLOP/B; the
 * memory term must be bytes / bandwidth, passed here as memorySeconds.
 */
export function dispatchOverhead(input: DispatchInput): DispatchResult {
  const n = integerAtLeast('kernels', input.kernels, 0);
  const tc = nonNegative('computePerKernel', input.computePerKernel);
  const td = nonNegative('dispatchPerKernel', input.dispatchPerKernel);
  const tm = nonNegative('memorySeconds', input.memorySeconds ?? 0);
  const compute = n * tc,
    dispatch = n * td;
  const total = compute + dispatch + tm;
  return { compute, dispatch, memory: tm, total, utilization: total === 0 ? 0 : compute / total };
}

export interface FusionInput {
  /** Element-wise ops in the chain (N). */
  ops: number;
  /** Bytes of the tensor each op reads and writes. */
  tensorBytes: number;
  /** Memory bandwidth, B/s. */
  bandwidth: number;
  /** Launch cost per kernel, s. */
  dispatchSeconds: number;
  /** Compute time of the whole chain (unchanged by fusion), s (default 0). */
  computeSeconds?: number;
  /** FLOP of the whole chain, for the intensities (default 0). */
  flops?: number;
}

export interface FusionSide {
  readonly kernels: number;
  /** HBM traffic, B. */
  readonly bytes: number;
  readonly memoryTime: number;
  readonly dispatchTime: number;
  readonly computeTime: number;
  readonly total: number;
  /** flops / bytes, FLOP/B. */
  readonly intensity: number;
}

export interface FusionResult {
  readonly unfused: FusionSide;
  readonly fused: FusionSide;
  /** unfused bytes / fused bytes = N. */
  readonly trafficReduction: number;
  /** unfused total / fused total (at most N, reached when compute is negligible). */
  readonly speedup: number;
  readonly timeSaved: number;
}

/**
 * Kernel fusion of N element-wise ops: unfused each op reads and writes the tensor (2 N |T|
 * traffic, N launches); fused, one kernel reads once and writes once (2 |T|, 1 launch).
 * LayerNorm -> Dropout -> ReLU on 1024 x 768 FP16 at 2 TB/s, 10 us launches, 5 us compute:
 * 39.72 us vs 16.57 us, speedup 2.40x (v1-07; the lab's "~5x" cannot be reached: the ceiling is N = 3).
 */
export function kernelFusion(input: FusionInput): FusionResult {
  const N = integerAtLeast('ops', input.ops, 1);
  const T = positive('tensorBytes', input.tensorBytes);
  const BW = positive('bandwidth', input.bandwidth);
  const d = nonNegative('dispatchSeconds', input.dispatchSeconds);
  const c = nonNegative('computeSeconds', input.computeSeconds ?? 0);
  const f = nonNegative('flops', input.flops ?? 0);
  const side = (kernels: number, bytes: number): FusionSide => {
    const memoryTime = bytes / BW,
      dispatchTime = kernels * d;
    return { kernels, bytes, memoryTime, dispatchTime, computeTime: c, total: c + dispatchTime + memoryTime, intensity: f / bytes };
  };
  const unfused = side(N, 2 * N * T);
  const fused = side(1, 2 * T);
  return { unfused, fused, trafficReduction: N, speedup: unfused.total / fused.total, timeSaved: unfused.total - fused.total };
}

export interface BreakEvenInput {
  /** One-time cost, s (e.g. compilation). */
  fixedSeconds: number;
  /** Items/s before. */
  baselineRate: number;
  /** Items/s after. */
  improvedRate: number;
  /** Items processed per day, for the break-even day (optional). */
  itemsPerDay?: number;
}

export interface BreakEven {
  /** 1 / R_before - 1 / R_after, s per item. */
  readonly savedPerItem: number;
  /** N* = fixed / savedPerItem; Infinity when nothing is saved. */
  readonly breakEvenItems: number;
  /** N* / itemsPerDay (undefined without itemsPerDay). */
  readonly breakEvenDays?: number;
}

/**
 * Amortisation of a one-time cost (v1-07 compile ROI): N* = t_fixed / (1/R_e - 1/R_c).
 * 30 s, 1,450 -> 2,150 img/s: 30 / (1/1450 - 1/2150) = 133,607 images.
 */
export function breakEven(input: BreakEvenInput): BreakEven {
  const t = nonNegative('fixedSeconds', input.fixedSeconds);
  const re = positive('baselineRate', input.baselineRate);
  const rc = positive('improvedRate', input.improvedRate);
  const saved = 1 / re - 1 / rc;
  const items = saved <= 0 ? Infinity : t / saved;
  const out: BreakEven = { savedPerItem: saved, breakEvenItems: items };
  if (input.itemsPerDay !== undefined) return { ...out, breakEvenDays: items / positive('itemsPerDay', input.itemsPerDay) };
  return out;
}
