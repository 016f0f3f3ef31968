/**
 * A model's workload for one batch, and that workload on a machine: the D and O of the Iron Law
 * (`ironlaw.ts`) for a registered model, the memory-capacity check, the batch at which batching
 * turns a workload compute-bound, and a whole design evaluated against an SLA and a baseline
 * (what the latency-waterfall instrument draws and publishes).
 *
 * Model: weights are read once per batch and each sample adds its own traffic (its input image
 * by default), so D = W + B x A and O = B x FLOP per sample (a multiply-add counts 2 FLOP).
 * Intermediate feature maps are assumed to stay on chip. This module sits above `ironlaw.ts`
 * (it imports the law, never the reverse) so the two stay free of import cycles.
 */
import { getDevice, peakFlopsFor, resolveDevice, resolveModel, flopsOf, type Device, type Model } from './registry.js';
import { ironLaw, ironLawOnDevice, maxDistanceForBudget, propagationDelay, type IronLaw } from './ironlaw.js';
import { PhysicsError, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';
import { bytesPerElement, checkPrecision, type Precision } from './units.js';

// ---------------------------------------------------------------------------------------------
// One batch of a model
// ---------------------------------------------------------------------------------------------

/**
 * Bytes of one RGB input image at a precision: 3 x r x r elements for CNNs whose
 * `inputResolution` is an image side (ds-cnn's 49 is MFCC frames, not pixels, so it has none).
 * Returns 0 when the model has no image input. ResNet-50 at FP16: 3 x 224 x 224 x 2 = 301,056 B.
 */
export function imageInputBytes(model: Model | string, precision: Precision = 'fp16'): number {
  const m = resolveModel(model);
  if (m.kind !== 'cnn' || !m.inputResolution || m.id === 'ds-cnn') return 0;
  return 3 * m.inputResolution * m.inputResolution * bytesPerElement(precision);
}

export interface BatchWorkloadInput {
  precision?: Precision;
  /** Samples per batch (default 1). */
  batch?: number;
  /** Per-sample bytes moved (input and activations that leave the chip), B. Default: one RGB input image. */
  sampleBytes?: number;
}

export interface BatchWorkload {
  /** Weights, read once per batch, B. */
  readonly weightBytes: number;
  /** Per-sample traffic, B. */
  readonly sampleBytes: number;
  readonly batch: number;
  /** D = weights + batch x sample bytes, B. Also the memory the batch needs resident. */
  readonly dataBytes: number;
  /** O = batch x forward-pass FLOP (a multiply-add counts 2). */
  readonly ops: number;
}

/**
 * D and O for one batch of a registered model: D = W + B x A, O = B x FLOP per sample.
 * Intermediate feature maps are assumed to stay on chip (ResNet-50's largest, 112 x 112 x 64
 * at FP16 = 1.6 MB per image, fits the H100's 50 MB L2 up to a batch of about 30), so the
 * weights are read once per batch and batching raises the intensity O / D.
 * ResNet-50 FP16, batch 1: D = 25.6e6 x 2 + 301,056 = 51,501,056 B; O = 4.1e9 MAC x 2 = 8.2e9 FLOP.
 * @throws PhysicsError when the batch is not a whole number >= 1 or the model has no operation count.
 */
export function batchWorkload(model: Model | string, input: BatchWorkloadInput = {}): BatchWorkload {
  const m = resolveModel(model);
  const precision = input.precision ?? 'fp16';
  const batch = integerAtLeast('batch', input.batch ?? 1, 1);
  const weightBytes = m.weightBytes ?? m.params * bytesPerElement(precision);
  const sampleBytes = input.sampleBytes === undefined ? imageInputBytes(m, precision) : nonNegative('sampleBytes', input.sampleBytes);
  return {
    weightBytes,
    sampleBytes,
    batch,
    dataBytes: weightBytes + batch * sampleBytes,
    ops: batch * flopsOf(m, 'flop'),
  };
}

// ---------------------------------------------------------------------------------------------
// The batch on a device
// ---------------------------------------------------------------------------------------------

export interface WorkloadOnDevice extends IronLaw {
  readonly device: Device;
  readonly workload: BatchWorkload;
  /** Dense peak rate used, FLOP/s. */
  readonly peak: number;
  /** Memory the batch needs resident (weights + batch inputs), B. */
  readonly footprint: number;
  /** Device memory capacity, B. */
  readonly capacity: number;
  /** footprint > capacity. */
  readonly oom: boolean;
  /** footprint / capacity. */
  readonly oomRatio: number;
}

/**
 * The Iron Law of a model's batch on a device (its bandwidth, dense peak at the precision and
 * dispatch overhead), with the memory-capacity check. ResNet-50 FP16 batch 1 on the H100:
 * 51,501,056 / 3.35e12 + 8.2e9 / 989e12 + 10 us = 15.37 + 8.29 + 10 = 33.66 us, memory-bound.
 */
export function workloadOnDevice(device: Device | string, model: Model | string, input: BatchWorkloadInput = {}): WorkloadOnDevice {
  const d = resolveDevice(device);
  const precision = input.precision ?? 'fp16';
  const w = batchWorkload(model, { ...input, precision });
  const law = ironLawOnDevice(d, { dataBytes: w.dataBytes, ops: w.ops, precision });
  return {
    ...law,
    device: d,
    workload: w,
    peak: peakFlopsFor(d, precision),
    footprint: w.dataBytes,
    capacity: d.memoryBytes,
    oom: w.dataBytes > d.memoryBytes,
    oomRatio: w.dataBytes / d.memoryBytes,
  };
}

/**
 * Smallest batch at which the workload turns compute-bound (O/R >= D/BW), or null if none up to
 * `maxBatch`. ResNet-50 FP16 on the H100: batch 2 (intensity 316.6 > ridge 295.2 FLOP/B).
 */
export function computeBoundBatch(
  device: Device | string,
  model: Model | string,
  precision: Precision = 'fp16',
  maxBatch = 4096,
  sampleBytes?: number,
): number | null {
  const max = integerAtLeast('maxBatch', maxBatch, 1);
  // Intensity grows with the batch (weights are shared), so the first compute-bound batch is
  // found by bisection: bound(b) is 'memory' up to some b* - 1 and 'compute' from b* on.
  const bound = (b: number) => workloadOnDevice(device, model, { precision, batch: b, sampleBytes }).bound;
  if (bound(max) !== 'compute') return null;
  let lo = 1,
    hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (bound(mid) === 'compute') hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// A whole design: workload -> Iron Law -> out of memory -> SLA -> speed-up over a baseline
// ---------------------------------------------------------------------------------------------

/** Where a design runs: `auto` puts cloud devices at the link's far end and any other device on board. */
export const DESIGN_PLACEMENTS = ['auto', 'remote', 'onboard'] as const;
export type DesignPlacement = (typeof DESIGN_PLACEMENTS)[number];

/** Inputs of {@link evaluateDesign} (SI units). */
export interface DesignInput {
  /** The design's device (object or id), or null for a literal design given by `bandwidth` and `flops`. */
  device: Device | string | null;
  /** Literal memory bandwidth, B/s; overrides the design's device (never the baseline's). */
  bandwidth?: number;
  /** Literal peak rate, FLOP/s; overrides the design's device (never the baseline's). */
  flops?: number;
  /** Literal dispatch overhead L, s; overrides the design's device (default: the device's, else 0). */
  overhead?: number;
  /** Numeric precision of weights and math (default fp16). */
  precision?: Precision;
  /** Registered model whose weights, per-sample input and FLOP make the workload. Needed unless `bytes` and `ops` or `intensity` are given. */
  model?: Model | string;
  /** Bytes moved once per batch, B; overrides the model's weights. */
  bytes?: number;
  /** Bytes moved per sample, B (default: the model's input image, or 0 when `bytes` is given). */
  sampleBytes?: number;
  /** Operations per sample, FLOP; overrides the model's. */
  ops?: number;
  /** Arithmetic intensity, FLOP/B: O = intensity x D. Takes precedence over `ops`. */
  intensity?: number;
  /** Samples per batch (default 1). */
  batch?: number;
  /** Latency budget, s (null or absent: none). */
  sla?: number | null;
  /** Distance to the datacenter, m (default 0): a remote design pays the round trip 2d/v. */
  distance?: number;
  /** Default `auto`. */
  placement?: DesignPlacement;
  /** The device this design replaces (object or id), or null for none. */
  baseline?: Device | string | null;
}

/** One design's Iron Law terms and checks (SI units). */
export interface DesignTerms {
  /** Device id, or null for a literal design. */
  device: string | null;
  /** D / BW, s. */
  data: number;
  /** O / R, s. */
  compute: number;
  /** L, s. */
  overhead: number;
  /** Round-trip propagation, s (0 on board). */
  propagation: number;
  /** data + compute + overhead + propagation, s. */
  total: number;
  /** data + compute + overhead, s. */
  inference: number;
  bound: 'memory' | 'compute';
  dominant: IronLaw['dominant'];
  /** O / D, FLOP/B. */
  intensity: number;
  /** R / BW, FLOP/B. */
  ridge: number;
  /** B/s. */
  bandwidth: number;
  /** Dense peak used, FLOP/s. */
  peakFlops: number;
  placement: 'remote' | 'onboard';
  /** Bytes that must be resident (D), B. */
  footprint: number;
  /** Device memory, B (null for a literal design). */
  capacity: number | null;
  /** footprint > capacity. */
  oom: boolean;
  /** total > sla (false without an SLA). */
  slaViolated: boolean;
  /** Samples per second of inference time (propagation pipelines), 1/s; Infinity when inference takes no time. */
  throughput: number;
}

/** What {@link evaluateDesign} returns: the design, its baseline and the comparisons (SI units). */
export interface DesignEvaluation {
  design: DesignTerms;
  baseline: DesignTerms | null;
  /** D for the batch, B. */
  bytes: number;
  /** O for the batch, FLOP. */
  ops: number;
  batch: number;
  sla: number | null;
  /** sla - total, s (negative when violated; null without an SLA). */
  slaMargin: number | null;
  /** 'oom' before 'sla-violated' before 'ok'. */
  status: 'oom' | 'sla-violated' | 'ok';
  /** baseline.total / design.total (null without a baseline). */
  speedup: number | null;
  /** Peak ratio design / baseline (null without a baseline). */
  computeRatio: number | null;
  /** Bandwidth ratio design / baseline (null without a baseline). */
  bandwidthRatio: number | null;
  /** Link distance, m. */
  distance: number;
  /** The light's round trip over the link, 2d/v, s, whether or not the design uses it. */
  linkRoundTrip: number;
  /** Farthest datacenter, m, at which the design's inference still meets the SLA (null without one). */
  maxDistance: number | null;
}

/**
 * A design evaluated end to end, the way the latency-waterfall instrument shows it:
 * 1. workload: D = fixed bytes + B x per-sample bytes (fixed = `bytes` or the model's weights;
 *    per sample = `sampleBytes`, else the model's input image, else 0 when `bytes` is given);
 *    O = intensity x D, or B x `ops`, or B x the model's FLOP;
 * 2. Iron Law on the device (or literal bandwidth, peak and overhead): T = D/BW + O/R + L, plus
 *    the round trip 2d/v when the design is remote (`auto`: cloud devices are remote, others on
 *    board; a literal design is remote when d > 0);
 * 3. out of memory when D exceeds the device's memory; SLA violated when T > sla;
 * 4. against a baseline device (same workload, its own rates and placement): speed-up
 *    T_baseline / T, and the peak and bandwidth ratios.
 * Lab 02 Act I (H100 replacing an A100, D = 2e9 B, intensity 5): T_A100 = 1,027.9 us,
 * T_H100 = 617.1 us, speed-up 1.67x.
 * @throws PhysicsError naming the argument when an input is out of range, the workload is
 * incomplete, or the device has no unit for the precision.
 */
export function evaluateDesign(input: DesignInput): DesignEvaluation {
  const precision = checkPrecision('precision', input.precision ?? 'fp16');
  const batch = integerAtLeast('batch', input.batch ?? 1, 1);
  const sla = input.sla === undefined || input.sla === null ? null : positive('sla', input.sla);
  const distance = nonNegative('distance', input.distance ?? 0);
  const placement = oneOf('placement', input.placement ?? 'auto', DESIGN_PLACEMENTS);
  const bytes = input.bytes === undefined ? undefined : nonNegative('bytes', input.bytes);
  const sampleBytes = input.sampleBytes === undefined ? undefined : nonNegative('sampleBytes', input.sampleBytes);
  const opsPerSample = input.ops === undefined ? undefined : nonNegative('ops', input.ops);
  const intensity = input.intensity === undefined ? undefined : positive('intensity', input.intensity);

  // 1. Workload.
  const needsModel = bytes === undefined || (opsPerSample === undefined && intensity === undefined);
  if (needsModel && input.model === undefined) {
    throw new PhysicsError('model', undefined, 'a model, or literal bytes with ops or intensity');
  }
  const w = needsModel || input.model !== undefined ? batchWorkload(input.model!, { precision, batch, sampleBytes }) : null;
  const fixed = bytes ?? w!.weightBytes;
  const perSample = sampleBytes ?? (bytes !== undefined ? 0 : w!.sampleBytes);
  const dataBytes = fixed + batch * perSample;
  const ops = intensity !== undefined ? intensity * dataBytes : opsPerSample !== undefined ? batch * opsPerSample : w!.ops;
  const linkRoundTrip = propagationDelay(distance);

  // 2-3. Iron Law, memory and SLA for one machine; literal overrides apply to the design only.
  const terms = (device: Device | string | null, literal: boolean, name: string): DesignTerms => {
    const dev = device === null ? null : typeof device === 'string' ? getDevice(device) : resolveDevice(device, name);
    const lit = (key: 'bandwidth' | 'flops' | 'overhead') => (literal ? input[key] : undefined);
    if (!dev && (lit('bandwidth') === undefined || lit('flops') === undefined)) {
      throw new PhysicsError(name, device, 'a device, or literal bandwidth and flops');
    }
    const bandwidth = lit('bandwidth') ?? dev!.memoryBandwidth;
    const peakFlops = lit('flops') ?? peakFlopsFor(dev!, precision);
    const overhead = lit('overhead') ?? dev?.overheadSeconds ?? 0;
    const remote = placement === 'remote' || (placement === 'auto' && (dev ? dev.tier === 'cloud' : distance > 0));
    const law = ironLaw({
      dataBytes,
      bandwidth,
      ops,
      opsPerSecond: peakFlops,
      overheadSeconds: overhead,
      propagationSeconds: remote ? linkRoundTrip : 0,
    });
    const inference = law.data + law.compute + law.overhead;
    const capacity = dev ? dev.memoryBytes : null;
    return {
      device: dev?.id ?? null,
      data: law.data,
      compute: law.compute,
      overhead: law.overhead,
      propagation: law.propagation,
      total: law.total,
      inference,
      bound: law.bound,
      dominant: law.dominant,
      intensity: law.intensity,
      ridge: law.ridge,
      bandwidth,
      peakFlops,
      placement: remote ? 'remote' : 'onboard',
      footprint: dataBytes,
      capacity,
      oom: capacity !== null && dataBytes > capacity,
      slaViolated: sla !== null && law.total > sla,
      throughput: inference > 0 ? batch / inference : Infinity,
    };
  };
  const design = terms(input.device, true, 'device');
  const baseline = input.baseline === undefined || input.baseline === null ? null : terms(input.baseline, false, 'baseline');

  // 4. Comparisons.
  return {
    design,
    baseline,
    bytes: dataBytes,
    ops,
    batch,
    sla,
    slaMargin: sla === null ? null : sla - design.total,
    status: design.oom ? 'oom' : design.slaViolated ? 'sla-violated' : 'ok',
    speedup: baseline ? baseline.total / design.total : null,
    computeRatio: baseline ? design.peakFlops / baseline.peakFlops : null,
    bandwidthRatio: baseline ? design.bandwidth / baseline.bandwidth : null,
    distance,
    linkRoundTrip,
    maxDistance: sla === null ? null : maxDistanceForBudget(sla, design.inference),
  };
}
