/**
 * Memory footprints: weights, training state, activations (CNN and transformer), recomputation,
 * and the KV cache. All results in bytes.
 */
import { PhysicsError, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';
import { resolveModel, type Model } from './registry.js';
import { bytesPerElement, type Precision } from './units.js';

/**
 * Weight storage P * b, B. 7e9 params at FP16: 14e9 B.
 */
export function weightBytes(params: number, precision: Precision | number = 'fp16'): number {
  return positive('params', params) * bytesPerElement(precision);
}

/**
 * Stored weights of a registered (or caller-built) model at a precision. A model with a fixed
 * `weightBytes` (DLRM's FP32 embedding tables) returns that figure whatever the precision.
 */
export function modelWeightBytes(model: Model | string, precision: Precision | number = 'fp16'): number {
  const m = resolveModel(model);
  return m.weightBytes ?? m.params * bytesPerElement(precision);
}

// ---------------------------------------------------------------------------------------------
// Training memory
// ---------------------------------------------------------------------------------------------

export const TRAINING_PRECISIONS = ['fp32', 'mixed', 'bf16', 'fp16', 'int8'] as const;
export type TrainingPrecision = (typeof TRAINING_PRECISIONS)[number];
export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'adafactor'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** FP32 state vectors each optimizer keeps per parameter (Adam: m and v). */
export const OPTIMIZER_STATE_VECTORS: Readonly<Record<Optimizer, number>> = Object.freeze({
  sgd: 0,
  momentum: 1,
  adam: 2,
  /** Illustrative (v1-08): real Adafactor keeps factored row/column second moments, O(rows + cols). */
  adafactor: 0.5,
});

export interface TrainingMemoryInput {
  params: number;
  /**
   * - 'fp32': FP32 weights and gradients, FP32 optimizer state (Adam: 4+4+8 = 16 B/param).
   * - 'mixed': mixed-precision training as in ZeRO (Rajbhandari et al. 2020, Sec. 3.1): FP16 weights
   *   and gradients (2+2) plus an FP32 master copy, momentum and variance in the optimizer
   *   state (4+4+4 = 12): 16 B/param for Adam. The canonical accounting.
   * - 'bf16' / 'fp16': pure 16-bit training with no FP32 master copy but FP32 optimizer moments
   *   (the v1-08 lab's accounting: Adam 2+2+8 = 12 B/param).
   * - 'int8': illustrative only (v1-08 offers it); weights and gradients at 1 B, FP32 moments.
   */
  precision?: TrainingPrecision;
  optimizer?: Optimizer;
  /** Activation memory, B (default 0). */
  activationBytes?: number;
}

export interface TrainingMemory {
  readonly weights: number;
  readonly gradients: number;
  /** Optimizer state including any FP32 master copy of the weights. */
  readonly optimizer: number;
  readonly activations: number;
  /** weights + gradients + optimizer: the floor no batch size can lower. */
  readonly static: number;
  readonly total: number;
  /** static / params, B per parameter. */
  readonly bytesPerParam: number;
}

/**
 * Training memory = weights + gradients + optimizer state + activations, B.
 * 7e9 params, FP32 Adam: 28 + 28 + 56 = 112 GB; mixed Adam: 14 + 14 + 84 = 112 GB (16 B/param).
 */
export function trainingMemory(input: TrainingMemoryInput): TrainingMemory {
  const P = positive('params', input.params);
  const precision = oneOf('precision', input.precision ?? 'mixed', TRAINING_PRECISIONS);
  const optimizer = oneOf('optimizer', input.optimizer ?? 'adam', OPTIMIZERS);
  const activations = nonNegative('activationBytes', input.activationBytes ?? 0);
  const bw = precision === 'fp32' ? 4 : precision === 'int8' ? 1 : 2;
  const master = precision === 'mixed' ? 4 : 0;
  const weights = P * bw;
  const gradients = P * bw;
  const optimizerBytes = P * (master + 4 * OPTIMIZER_STATE_VECTORS[optimizer]);
  const stat = weights + gradients + optimizerBytes;
  return { weights, gradients, optimizer: optimizerBytes, activations, static: stat, total: stat + activations, bytesPerParam: stat / P };
}

// ---------------------------------------------------------------------------------------------
// Activations
// ---------------------------------------------------------------------------------------------

export const RECOMPUTE_MODES = ['none', 'selective', 'full'] as const;
export type RecomputeMode = (typeof RECOMPUTE_MODES)[number];

export interface TransformerActivationInput {
  /** Sequence length s. */
  seqLen: number;
  /** Micro-batch b. */
  batch?: number;
  /** Hidden size h. */
  dModel: number;
  /** Attention heads a. */
  heads: number;
  /** Layers L (default 1). */
  layers?: number;
  /** Tensor-parallel degree t (default 1; divides everything except the layer input). */
  tensorParallel?: number;
  recompute?: RecomputeMode;
  /** Activation precision (default 2 B; the paper's coefficients assume 16-bit). */
  precision?: Precision | number;
}

/**
 * Transformer activation memory for training, Korthikanti et al. (2022) "Reducing Activation
 * Recomputation in Large Transformer Models", Eq. 1-2 and Sec. 5, per layer at 16-bit:
 *   none:      s b h (34 + 5 a s / h)
 *   selective: s b h 34            (attention scores recomputed)
 *   full:      s b h 2             (only each layer's input kept)
 * With tensor parallelism t: s b h (10 + 24/t + 5 a s / (h t)). Scaled by bytes/2 for other widths.
 * Correction: the older mlsysim formula multiplied by the byte width on top of the 16-bit
 * coefficients (double-counting) and used 10 for selective, which matches no published source.
 */
export function transformerActivationBytes(input: TransformerActivationInput): number {
  const s = integerAtLeast('seqLen', input.seqLen, 1);
  const b = integerAtLeast('batch', input.batch ?? 1, 1);
  const h = integerAtLeast('dModel', input.dModel, 1);
  const a = integerAtLeast('heads', input.heads, 1);
  const L = integerAtLeast('layers', input.layers ?? 1, 1);
  const t = integerAtLeast('tensorParallel', input.tensorParallel ?? 1, 1);
  const mode = oneOf('recompute', input.recompute ?? 'none', RECOMPUTE_MODES);
  const scale = bytesPerElement(input.precision ?? 'fp16') / 2;
  const sbh = s * b * h;
  const perLayer = mode === 'full' ? 2 * sbh : mode === 'selective' ? sbh * (10 + 24 / t) : sbh * (10 + 24 / t + (5 * a * s) / (h * t));
  return perLayer * L * scale;
}

export interface ActivationCheckpointInput {
  layers: number;
  /** Activations one layer keeps for backprop, B. */
  bytesPerLayer: number;
  /** Size of one checkpoint (a layer's input), B (default = bytesPerLayer). */
  checkpointBytes?: number;
}

export interface ActivationCheckpoint {
  /** k = max(1, floor(sqrt(L))) checkpoints (Chen et al. 2016). */
  readonly checkpoints: number;
  /** Layers per segment recomputed during backward: ceil(L / k). */
  readonly segmentLayers: number;
  /** L * bytesPerLayer, B. */
  readonly withoutCheckpointing: number;
  /** Peak: k checkpoints + one live segment, B. */
  readonly withCheckpointing: number;
  /** 1 - with / without. */
  readonly savedFraction: number;
  /** Extra compute: one more forward pass over (1 forward + 2 backward) = 1/3. */
  readonly recomputeOverhead: number;
}

/**
 * Gradient checkpointing with sqrt(L) segments (Chen et al. 2016, "Training Deep Nets with
 * Sublinear Memory Cost"). Peak memory = k checkpoints + the activations of one recomputed
 * segment, i.e. about 2 sqrt(L) layers rather than the "sqrt(L) layers" of v1-08, which omits the
 * live segment. Compute grows by one forward pass, about 33 % (factor 4/3).
 */
export function activationCheckpointing(input: ActivationCheckpointInput): ActivationCheckpoint {
  const L = integerAtLeast('layers', input.layers, 1);
  const a = nonNegative('bytesPerLayer', input.bytesPerLayer);
  const c = nonNegative('checkpointBytes', input.checkpointBytes ?? a);
  const k = Math.max(1, Math.floor(Math.sqrt(L)));
  const seg = Math.ceil(L / k);
  const without = L * a;
  const withCk = Math.min(without, k * c + seg * a);
  return {
    checkpoints: k,
    segmentLayers: seg,
    withoutCheckpointing: without,
    withCheckpointing: withCk,
    savedFraction: without === 0 ? 0 : 1 - withCk / without,
    recomputeOverhead: 1 / 3,
  };
}

export interface FeatureMapInput {
  batch?: number;
  height: number;
  width?: number;
  channels: number;
  precision?: Precision | number;
}

/** Activation tensor N * H * W * C * b, B. 1 x 224 x 224 x 256 at FP32: 51,380,224 B. */
export function featureMapBytes(input: FeatureMapInput): number {
  const n = integerAtLeast('batch', input.batch ?? 1, 1);
  const h = integerAtLeast('height', input.height, 1);
  const w = integerAtLeast('width', input.width ?? input.height, 1);
  const c = integerAtLeast('channels', input.channels, 1);
  return n * h * w * c * bytesPerElement(input.precision ?? 'fp32');
}

export interface CnnPyramidInput {
  /** Input image side, px. */
  imageSize: number;
  /** Channels of the first layer. */
  channels: number;
  /** Layers (default 6). */
  layers?: number;
  batch?: number;
  precision?: Precision | number;
}

export interface CnnPyramidLayer {
  readonly width: number;
  readonly channels: number;
  readonly bytes: number;
}

/**
 * Activation sizes of a CNN that halves the spatial side (floor, at least 1) and doubles the
 * channels each layer, as in v1-05: size_i = N * w_i^2 * c_i * b.
 * 224 px, 64 ch, batch 8, FP32: 102.76e6, 51.38e6, ... B.
 */
export function cnnActivationPyramid(input: CnnPyramidInput): CnnPyramidLayer[] {
  let w = integerAtLeast('imageSize', input.imageSize, 1);
  let c = integerAtLeast('channels', input.channels, 1);
  const L = integerAtLeast('layers', input.layers ?? 6, 1);
  const n = integerAtLeast('batch', input.batch ?? 1, 1);
  const b = bytesPerElement(input.precision ?? 'fp32');
  const out: CnnPyramidLayer[] = [];
  for (let i = 0; i < L; i++) {
    out.push({ width: w, channels: c, bytes: n * w * w * c * b });
    w = Math.max(Math.floor(w / 2), 1);
    c *= 2;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// KV cache
// ---------------------------------------------------------------------------------------------

export interface KvCacheInput {
  layers: number;
  /** Key/value heads (8 for Llama 3 8B/70B; equals the query heads without GQA). */
  kvHeads: number;
  headDim: number;
  /** Cached tokens per sequence. */
  seqLen: number;
  /** Sequences (default 1). */
  batch?: number;
  /** Bytes per cached element (the public contract's name); wins over `precision` when given. */
  bytesPerElement?: number;
  /** Precision name or bytes per element (default fp16). */
  precision?: Precision | number;
}

/**
 * KV cache = 2 (K and V) * layers * kvHeads * headDim * seqLen * batch * b, B.
 * Correction: the reference (mlsysim e0117ceb, v1-11, v2-10) used the query-head count, which
 * overstates grouped-query models 4x (Llama 3 8B) to 8x (Llama 3 70B).
 * Llama 3 70B, 4096 tokens, FP16: 2 * 80 * 8 * 128 * 4096 * 2 = 1,342,177,280 B (1.25 GiB).
 */
export function kvCacheBytes(input: KvCacheInput): number {
  const L = integerAtLeast('layers', input.layers, 1);
  const kv = integerAtLeast('kvHeads', input.kvHeads, 1);
  const dh = integerAtLeast('headDim', input.headDim, 1);
  const S = integerAtLeast('seqLen', input.seqLen, 0);
  const B = integerAtLeast('batch', input.batch ?? 1, 1);
  const b =
    input.bytesPerElement !== undefined ? positive('bytesPerElement', input.bytesPerElement) : bytesPerElement(input.precision ?? 'fp16');
  return 2 * L * kv * dh * S * B * b;
}

/** KV cache bytes per token per sequence for a model: 2 * layers * kvHeads * headDim * b. */
export function kvBytesPerToken(model: Model | string, precision: Precision | number = 'fp16'): number {
  const m = resolveModel(model);
  if (m.layers === undefined || m.kvHeads === undefined || m.headDim === undefined) {
    throw new PhysicsError('model', m.id, 'a transformer with layers, kvHeads and headDim');
  }
  return kvCacheBytes({ layers: m.layers, kvHeads: m.kvHeads, headDim: m.headDim, seqLen: 1, precision });
}

export interface MaxSequencesInput {
  /** Total memory across devices, B. */
  capacityBytes: number;
  /** Weights (and any other fixed reservation), B. */
  reservedBytes: number;
  /** KV cache one sequence needs, B. */
  bytesPerSequence: number;
}

/**
 * Concurrent sequences that fit: floor((capacity - reserved) / perSequence), 0 when the weights
 * alone do not fit. 8 x 80 GB, 140 GB weights, 1.25 GiB per user: floor(500e9 / 1.342e9) = 372.
 */
export function maxConcurrentSequences(input: MaxSequencesInput): number {
  const cap = nonNegative('capacityBytes', input.capacityBytes);
  const res = nonNegative('reservedBytes', input.reservedBytes);
  const per = positive('bytesPerSequence', input.bytesPerSequence);
  return cap <= res ? 0 : Math.floor((cap - res) / per);
}
