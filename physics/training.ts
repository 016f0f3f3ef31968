/**
 * Training step models (v1-08 "The Training Memory Budget" Act II; v2-05 "The Parallelism
 * Paradox" Act II): gradient accumulation's effective batch and throughput, and the step time
 * and MFU of a 3D-parallel (TP × PP × DP) configuration derived from compute and communication
 * instead of v2-05's invented efficiency factors. SI units: seconds, bytes, FLOP/s, B/s.
 */
import { PhysicsError, fraction, integerAtLeast, nonNegative, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';
import { ringAllReduceSeconds, tensorParallelCommSeconds } from './distributed.js';

// ---------------------------------------------------------------------------------------------
// Gradient accumulation (v1-08 Act II)
// ---------------------------------------------------------------------------------------------

/** v1-08's per-accumulation-step overhead ε ("plan traceability"; illustrative). */
export const ACCUMULATION_OVERHEAD_PER_STEP: Sourced = sourced(
  0.03,
  '1',
  'v1-08 reference lab ε = 0.03 per accumulation step (illustrative)',
  'With ε = 0.03, K = 32 gives 1/(1 + 0.96) = 0.51×, not the MathPeek\'s "≈ 0.96×"; ε ≈ 0.001 would give 0.97×.',
);

/**
 * Gradient accumulation of K micro-batches of size m: effective batch B = m·K, and throughput
 * relative to one native batch of B, with activation recomputation multiplying time by c
 * (4/3: one extra forward pass over forward + 2× backward, Chen et al. 2016):
 * - overhead model (v1-08): thr = 1 / ((1 + K·ε)·c);
 * - affine model (given `fixedSecondsPerStep` t₀ and `secondsPerSample` s, step time
 *   t(b) = t₀ + b·s): thr = t(mK) / (K·t(m)·c) — the real cost of accumulation is running
 *   small, less efficient steps, not bookkeeping (v1-08 Critique).
 * Correction (v1-08): 1/(1 + 32 × 0.03) = 0.510, not 0.96.
 */
export function gradientAccumulation({
  microBatch,
  steps,
  overheadPerStep = ACCUMULATION_OVERHEAD_PER_STEP.value,
  recompute = false,
  recomputeFactor = 4 / 3,
  fixedSecondsPerStep,
  secondsPerSample,
}: {
  microBatch: number;
  steps: number;
  overheadPerStep?: number;
  recompute?: boolean;
  recomputeFactor?: number;
  fixedSecondsPerStep?: number;
  secondsPerSample?: number;
}): { effectiveBatch: number; relativeThroughput: number; model: 'overhead' | 'affine' } {
  const m = integerAtLeast('microBatch', microBatch, 1);
  const K = integerAtLeast('steps', steps, 1);
  const eps = nonNegative('overheadPerStep', overheadPerStep);
  const factor = positive('recomputeFactor', recomputeFactor);
  const c = recompute ? factor : 1;
  if ((fixedSecondsPerStep === undefined) !== (secondsPerSample === undefined)) {
    throw new PhysicsError(
      fixedSecondsPerStep === undefined ? 'fixedSecondsPerStep' : 'secondsPerSample',
      undefined,
      'both fixedSecondsPerStep and secondsPerSample, or neither',
    );
  }
  if (fixedSecondsPerStep !== undefined && secondsPerSample !== undefined) {
    const t0 = nonNegative('fixedSecondsPerStep', fixedSecondsPerStep);
    const s = nonNegative('secondsPerSample', secondsPerSample);
    const t = (b: number) => t0 + b * s;
    if (t(m) === 0) throw new PhysicsError('fixedSecondsPerStep', fixedSecondsPerStep, 'a step time above 0 (t₀ + m·s > 0)');
    return { effectiveBatch: m * K, relativeThroughput: t(m * K) / (K * t(m) * c), model: 'affine' };
  }
  return { effectiveBatch: m * K, relativeThroughput: 1 / ((1 + K * eps) * c), model: 'overhead' };
}

// ---------------------------------------------------------------------------------------------
// 3D-parallel step (v2-05 Act II)
// ---------------------------------------------------------------------------------------------

/** A link in the α–β model. */
export interface LinkSpec {
  /** β per direction, B/s. */
  bandwidth: number;
  /** α per message, s (default 0). */
  latency?: number;
}

/** Inputs of {@link parallelTrainingStep}. */
export interface ParallelStepArgs {
  /** P, parameters. */
  parameters: number;
  /** L, transformer layers. */
  layers: number;
  /** h, hidden size. */
  hidden: number;
  /** s, tokens per sequence. */
  seqLength: number;
  /** b, sequences per micro-batch. */
  microBatch: number;
  /** m, micro-batches per pipeline per step. */
  microbatches: number;
  tp: number;
  pp: number;
  dp: number;
  /** R, dense peak per GPU, FLOP/s. */
  peakFlops: number;
  /** η, fraction of peak the kernels reach when nothing waits (e.g. 0.5–0.6). */
  kernelEfficiency: number;
  /** Link for tensor-parallel all-reduces (NVLink inside a node). */
  tpLink: LinkSpec;
  /** Link for the data-parallel gradient all-reduce (the inter-node fabric). */
  dpLink: LinkSpec;
  /** Link for pipeline sends between stages (default dpLink). */
  ppLink?: LinkSpec;
  /** Bytes per gradient element all-reduced over DP (default 2). */
  gradientBytes?: number;
  /** Bytes per activation element (default 2). */
  activationBytes?: number;
  /** Share of the DP all-reduce hidden behind backward (default 0). */
  dpOverlap?: number;
  /** v, interleaved model chunks per device (default 1). */
  interleave?: number;
}

/**
 * Step time and MFU of a TP × PP × DP training configuration, from first principles:
 * - compute per micro-batch per GPU t_c = 6·P·b·s / (TP·PP·R·η) (forward + backward, Kaplan 2020);
 * - tensor parallelism per micro-batch: 4 ring all-reduces of b·s·h per layer over TP on the
 *   TP link, for L/PP layers ({@link tensorParallelCommSeconds});
 * - pipeline sends: the activation forward and its gradient back, 2·b·s·h·bytes/β_pp (PP > 1);
 * - pipeline: (m + (PP − 1)/v)·t_mb, t_mb = t_c + t_TP + t_p2p (bubble (PP−1)/(v·m + PP − 1));
 * - data parallelism: ring all-reduce of the P/(TP·PP) gradient shard over DP, exposed share 1 − o;
 * - step = pipeline + exposed DP; MFU = 6·P·m·b·s / (TP·PP·R·step).
 * Replaces v2-05's MFU = 0.52·(1 − 0.05 log₂TP·penalty)(1 − bubble)(1 − 0.02 log₂DP), whose
 * coefficients are invented (v2-05 Critique).
 * GPT-3 175B, 1,024 H100 as TP 8 × PP 8 × DP 16, m = 16, b = 1, s = 2,048, η = 0.5, NVLink 450 GB/s,
 * IB 50 GB/s: t_c 67.95 ms, step 2.030 s, MFU 26.8 %.
 */
export function parallelTrainingStep(args: ParallelStepArgs): {
  gpus: number;
  computePerMicrobatch: number;
  tpCommPerMicrobatch: number;
  p2pPerMicrobatch: number;
  microbatchSeconds: number;
  pipelineSeconds: number;
  bubbleFraction: number;
  dpAllReduceSeconds: number;
  dpExposedSeconds: number;
  stepSeconds: number;
  tokensPerStep: number;
  mfu: number;
} {
  if (args === null || typeof args !== 'object') throw new PhysicsError('arguments', args, 'an object of ParallelStepArgs');
  const P = positive('parameters', args.parameters);
  const L = integerAtLeast('layers', args.layers, 1);
  const h = positive('hidden', args.hidden);
  const s = positive('seqLength', args.seqLength);
  const b = positive('microBatch', args.microBatch);
  const m = integerAtLeast('microbatches', args.microbatches, 1);
  const tp = integerAtLeast('tp', args.tp, 1);
  const pp = integerAtLeast('pp', args.pp, 1);
  const dp = integerAtLeast('dp', args.dp, 1);
  if (L % pp !== 0) throw new PhysicsError('pp', args.pp, `a divisor of the layer count (${L})`);
  const R = positive('peakFlops', args.peakFlops);
  const eta = fraction('kernelEfficiency', args.kernelEfficiency);
  if (eta === 0) throw new PhysicsError('kernelEfficiency', args.kernelEfficiency, 'a fraction in (0, 1]');
  const link = (name: string, l: LinkSpec | undefined): { bandwidth: number; latency: number } => {
    if (l === null || typeof l !== 'object') throw new PhysicsError(name, l, 'an object { bandwidth, latency? }');
    return { bandwidth: positive(`${name}.bandwidth`, l.bandwidth), latency: nonNegative(`${name}.latency`, l.latency ?? 0) };
  };
  const tpLink = link('tpLink', args.tpLink);
  const dpLink = link('dpLink', args.dpLink);
  const ppLink = args.ppLink === undefined ? dpLink : link('ppLink', args.ppLink);
  const gradBytes = positive('gradientBytes', args.gradientBytes ?? 2);
  const actBytes = positive('activationBytes', args.activationBytes ?? 2);
  const overlap = fraction('dpOverlap', args.dpOverlap ?? 0);
  const v = integerAtLeast('interleave', args.interleave ?? 1, 1);

  const tokensPerMicrobatch = b * s;
  const computePerMicrobatch = (6 * P * tokensPerMicrobatch) / (tp * pp * R * eta);
  const tpCommPerMicrobatch =
    tp === 1
      ? 0
      : tensorParallelCommSeconds({
          microBatch: b,
          seqLength: s,
          hidden: h,
          bytesPerElement: actBytes,
          tp,
          layers: L / pp,
          bandwidth: tpLink.bandwidth,
          latency: tpLink.latency,
        }).seconds;
  const p2pPerMicrobatch = pp === 1 ? 0 : 2 * (ppLink.latency + (tokensPerMicrobatch * h * actBytes) / ppLink.bandwidth);
  const microbatchSeconds = computePerMicrobatch + tpCommPerMicrobatch + p2pPerMicrobatch;
  const pipelineSeconds = (m + (pp - 1) / v) * microbatchSeconds;
  const dpAllReduceSeconds = ringAllReduceSeconds({
    bytes: (P / (tp * pp)) * gradBytes,
    workers: dp,
    bandwidth: dpLink.bandwidth,
    latency: dpLink.latency,
  });
  const dpExposedSeconds = (1 - overlap) * dpAllReduceSeconds;
  const stepSeconds = pipelineSeconds + dpExposedSeconds;
  const tokensPerStep = dp * m * tokensPerMicrobatch;
  return {
    gpus: tp * pp * dp,
    computePerMicrobatch,
    tpCommPerMicrobatch,
    p2pPerMicrobatch,
    microbatchSeconds,
    pipelineSeconds,
    bubbleFraction: (pp - 1) / (v * m + pp - 1),
    dpAllReduceSeconds,
    dpExposedSeconds,
    stepSeconds,
    tokensPerStep,
    mfu: (6 * P * m * tokensPerMicrobatch) / (tp * pp * R * stepSeconds),
  };
}
