/**
 * Operation counts (FLOP) and main-memory traffic (B) of the kernels the labs reason about.
 * Convention: one multiply-add = 2 FLOP (so an M x K by K x N GEMM is 2MNK FLOP). Traffic is the
 * compulsory traffic: each operand read once and each result written once, as if caches were
 * perfect; real kernels move at least this much.
 */
import { PhysicsError, integerAtLeast, nonNegative, positive } from './errors.js';
import { bytesPerElement, type Precision } from './units.js';

export interface OpCost {
  /** Work, FLOP. */
  readonly flops: number;
  /** Compulsory main-memory traffic, B. */
  readonly bytes: number;
  /** flops / bytes, FLOP/B. */
  readonly intensity: number;
}

/**
 * Arithmetic intensity I = flops / bytes, FLOP/B.
 * @throws PhysicsError when bytes is not > 0 or flops is negative.
 */
export function arithmeticIntensity(flops: number, bytes: number): number {
  return nonNegative('flops', flops) / positive('bytes', bytes);
}

const cost = (flops: number, bytes: number): OpCost => ({ flops, bytes, intensity: flops / bytes });

/**
 * GEMM C[m x n] = A[m x k] B[k x n]: 2mnk FLOP; (mk + kn + mn) elements moved.
 * Square N: I = 2N^3 / (3N^2 b) = 2N / (3b) (FP16: N/3).
 */
export function gemm(m: number, n: number, k: number, precision: Precision | number = 'fp16'): OpCost {
  const M = positive('m', m),
    N = positive('n', n),
    K = positive('k', k);
  const b = bytesPerElement(precision, 'bytesPerElement');
  return cost(2 * M * N * K, (M * K + K * N + M * N) * b);
}

export interface Conv2dInput {
  /** Images per batch (default 1). */
  batch?: number;
  /** Input height, px. */
  height: number;
  /** Input width, px (default = height). */
  width?: number;
  inChannels: number;
  outChannels: number;
  /** Square kernel side (default 3). */
  kernel?: number;
  /** Stride (default 1). */
  stride?: number;
  /** Zero padding per side; 'same' = floor(kernel / 2) (default 'same'). */
  padding?: number | 'same';
  /** Depthwise convolution: one filter per input channel (outChannels must equal inChannels). */
  depthwise?: boolean;
  precision?: Precision | number;
}

export interface Conv2dCost extends OpCost {
  readonly outHeight: number;
  readonly outWidth: number;
  /** Multiply-accumulates (flops / 2). */
  readonly macs: number;
  /** Weights (no bias). */
  readonly params: number;
  readonly inputBytes: number;
  readonly weightBytes: number;
  readonly outputBytes: number;
}

/**
 * 2-D convolution: MACs = N * Ho * Wo * Cout * Cin * k^2 (depthwise: N * Ho * Wo * C * k^2),
 * FLOP = 2 MACs; traffic = input + weights + output.
 */
export function conv2d(input: Conv2dInput): Conv2dCost {
  const n = integerAtLeast('batch', input.batch ?? 1, 1);
  const h = integerAtLeast('height', input.height, 1);
  const w = integerAtLeast('width', input.width ?? input.height, 1);
  const cin = integerAtLeast('inChannels', input.inChannels, 1);
  const cout = integerAtLeast('outChannels', input.outChannels, 1);
  const k = integerAtLeast('kernel', input.kernel ?? 3, 1);
  const s = integerAtLeast('stride', input.stride ?? 1, 1);
  const pad = input.padding === undefined || input.padding === 'same' ? Math.floor(k / 2) : integerAtLeast('padding', input.padding, 0);
  const b = bytesPerElement(input.precision ?? 'fp32', 'precision');
  if (input.depthwise && cout !== cin)
    throw new PhysicsError('outChannels', cout, `equal to inChannels (${cin}) for a depthwise convolution`);
  const ho = Math.floor((h + 2 * pad - k) / s) + 1;
  const wo = Math.floor((w + 2 * pad - k) / s) + 1;
  if (ho < 1 || wo < 1) throw new PhysicsError('kernel', k, `a kernel no larger than the padded input (${h + 2 * pad} x ${w + 2 * pad})`);
  const params = input.depthwise ? cin * k * k : cin * cout * k * k;
  const macs = n * ho * wo * (input.depthwise ? cin * k * k : cout * cin * k * k);
  const inputBytes = n * h * w * cin * b;
  const weightBytes = params * b;
  const outputBytes = n * ho * wo * cout * b;
  const bytes = inputBytes + weightBytes + outputBytes;
  return { ...cost(2 * macs, bytes), outHeight: ho, outWidth: wo, macs, params, inputBytes, weightBytes, outputBytes };
}

export interface AttentionInput {
  /** Sequences (default 1). */
  batch?: number;
  /** Query tokens S. */
  seqLen: number;
  /** Key/value tokens (default = seqLen; during decode 1 query attends to kvLen keys). */
  kvLen?: number;
  /** Query heads H. */
  heads: number;
  /** Per-head dimension d_h. */
  headDim: number;
  /** Key/value heads (default = heads; fewer for grouped-query attention). */
  kvHeads?: number;
  precision?: Precision | number;
  /** FLOP per score element for the softmax (max, subtract, exp, sum, divide; default 5). */
  softmaxFlopsPerElement?: number;
}

export interface AttentionCost extends OpCost {
  /** QK^T: 2 * B * H * S * S_kv * d_h FLOP. */
  readonly scoreFlops: number;
  /** Softmax over the scores, FLOP. */
  readonly softmaxFlops: number;
  /** Scores x V: 2 * B * H * S * S_kv * d_h FLOP. */
  readonly valueFlops: number;
  /** One materialised score matrix, B * H * S * S_kv * b bytes: the quadratic term. */
  readonly scoreBytes: number;
  /** Q, K, V read and the output written, B. */
  readonly qkvoBytes: number;
  /** Traffic if FlashAttention-style tiling keeps scores on chip (= qkvoBytes). */
  readonly fusedBytes: number;
  /** flops / fusedBytes. */
  readonly fusedIntensity: number;
}

/**
 * Scaled dot-product attention core (QK^T, softmax, AV) for one layer, projections excluded.
 * Unfused traffic writes the S x S_kv scores, reads them for the softmax, writes the
 * probabilities and reads them again for AV: 4 passes over the score matrix plus Q, K, V, O.
 */
export function attention(input: AttentionInput): AttentionCost {
  const B = integerAtLeast('batch', input.batch ?? 1, 1);
  const S = integerAtLeast('seqLen', input.seqLen, 1);
  const Skv = integerAtLeast('kvLen', input.kvLen ?? input.seqLen, 1);
  const H = integerAtLeast('heads', input.heads, 1);
  const dh = integerAtLeast('headDim', input.headDim, 1);
  const Hkv = integerAtLeast('kvHeads', input.kvHeads ?? input.heads, 1);
  if (H % Hkv !== 0) throw new PhysicsError('kvHeads', Hkv, `a divisor of heads (${H})`);
  const b = bytesPerElement(input.precision ?? 'fp16', 'precision');
  const sf = nonNegative('softmaxFlopsPerElement', input.softmaxFlopsPerElement ?? 5);
  const scores = B * H * S * Skv;
  const scoreFlops = 2 * scores * dh;
  const softmaxFlops = sf * scores;
  const valueFlops = 2 * scores * dh;
  const flops = scoreFlops + softmaxFlops + valueFlops;
  const scoreBytes = scores * b;
  const qkvoBytes = (2 * B * H * S * dh + 2 * B * Hkv * Skv * dh) * b;
  const bytes = qkvoBytes + 4 * scoreBytes;
  return {
    ...cost(flops, bytes),
    scoreFlops,
    softmaxFlops,
    valueFlops,
    scoreBytes,
    qkvoBytes,
    fusedBytes: qkvoBytes,
    fusedIntensity: flops / qkvoBytes,
  };
}

export interface ScoreMemoryInput {
  seqLen: number;
  heads: number;
  batch?: number;
  /** Layers whose score matrices are held at once (default 1: inference keeps one layer live). */
  layers?: number;
  precision?: Precision | number;
}

/**
 * Memory of materialised attention scores: B * H * N^2 * b * layers, B. Independent of d_head
 * (the v1-06 MathPeek's extra d_head factor is wrong). layers = 1 is the inference case; pass all
 * layers for training, where backprop keeps every layer's scores.
 * N = 4096, H = 12, FP16: 4096^2 * 12 * 2 = 402,653,184 B per layer.
 */
export function attentionScoreBytes(input: ScoreMemoryInput): number {
  const N = integerAtLeast('seqLen', input.seqLen, 1);
  const H = integerAtLeast('heads', input.heads, 1);
  const B = integerAtLeast('batch', input.batch ?? 1, 1);
  const L = integerAtLeast('layers', input.layers ?? 1, 1);
  const b = bytesPerElement(input.precision ?? 'fp16', 'precision');
  return B * H * N * N * b * L;
}

export interface ElementwiseInput {
  /** Elements per tensor. */
  elements: number;
  /** FLOP per output element (default 1). */
  flopsPerElement?: number;
  /** Input tensors read (default 1). */
  inputs?: number;
  /** Output tensors written (default 1). */
  outputs?: number;
  precision?: Precision | number;
}

/**
 * Element-wise op: flops = e * f, bytes = e * (inputs + outputs) * b. A one-FLOP unary FP16 op has
 * I = 1 / 4 FLOP/B; layer norm modelled as 5 FLOP over 2 reads + 1 write at FP16 gives 5/6 = 0.83.
 */
export function elementwise(input: ElementwiseInput): OpCost {
  const e = positive('elements', input.elements);
  const f = nonNegative('flopsPerElement', input.flopsPerElement ?? 1);
  const ins = integerAtLeast('inputs', input.inputs ?? 1, 0);
  const outs = integerAtLeast('outputs', input.outputs ?? 1, 0);
  if (ins + outs === 0) throw new PhysicsError('inputs', ins, 'at least one input or output tensor');
  const b = bytesPerElement(input.precision ?? 'fp16', 'precision');
  return cost(e * f, e * (ins + outs) * b);
}

export interface TransformerShape {
  /** Transformer blocks L. */
  layers: number;
  /** Hidden size d. */
  dModel: number;
  /** Feed-forward inner size (default 4d). */
  ffnDim?: number;
  /** Query heads (needed only with kvHeads). */
  heads?: number;
  /** Key/value heads for grouped-query attention (default = heads). */
  kvHeads?: number;
  /** Vocabulary size for the embedding table (default 0: blocks only). */
  vocab?: number;
  /** Gated MLP (SwiGLU: three d x ffn matrices instead of two; default false). */
  gatedMlp?: boolean;
  /** Input embedding shared with the output projection (default true). */
  tiedEmbeddings?: boolean;
}

export interface TransformerParams {
  /** Attention weights per block: 2d^2 + 2d(H_kv d_h). */
  readonly attentionPerLayer: number;
  /** MLP weights per block: 2 d ffn (3 d ffn when gated). */
  readonly mlpPerLayer: number;
  readonly perLayer: number;
  /** Embedding (and untied output) parameters. */
  readonly embedding: number;
  readonly total: number;
}

/**
 * Transformer parameter count from its shape, ignoring biases and norms (< 0.1 %).
 * Classic GPT block (ffn = 4d, no GQA): 4d^2 + 8d^2 = 12 d^2 per layer, so P ~ 12 L d^2 + V d.
 * Llama 3 8B (L 32, d 4096, ffn 14336, 32/8 heads, V 128256, gated, untied) gives 8.03e9.
 */
export function transformerParams(shape: TransformerShape): TransformerParams {
  const L = integerAtLeast('layers', shape.layers, 1);
  const d = integerAtLeast('dModel', shape.dModel, 1);
  const ffn = integerAtLeast('ffnDim', shape.ffnDim ?? 4 * d, 1);
  const V = integerAtLeast('vocab', shape.vocab ?? 0, 0);
  let kvWidth = d;
  if (shape.kvHeads !== undefined) {
    const H = integerAtLeast('heads', shape.heads, 1);
    const Hkv = integerAtLeast('kvHeads', shape.kvHeads, 1);
    if (d % H !== 0) throw new PhysicsError('heads', H, `a divisor of dModel (${d})`);
    if (H % Hkv !== 0) throw new PhysicsError('kvHeads', Hkv, `a divisor of heads (${H})`);
    kvWidth = Hkv * (d / H);
  }
  const attentionPerLayer = 2 * d * d + 2 * d * kvWidth;
  const mlpPerLayer = (shape.gatedMlp ? 3 : 2) * d * ffn;
  const perLayer = attentionPerLayer + mlpPerLayer;
  const embedding = V * d * (shape.tiedEmbeddings === false ? 2 : 1);
  return { attentionPerLayer, mlpPerLayer, perLayer, embedding, total: L * perLayer + embedding };
}

/**
 * Fully connected network (MLP) parameters for layer widths [n0, n1, ..., nk]:
 * sum of n_i * n_{i+1} weights plus n_{i+1} biases. MNIST 784-128-64-10: 109,386.
 */
export function mlpParams(widths: readonly number[], bias = true): number {
  checkWidths(widths);
  let p = 0;
  for (let i = 0; i + 1 < widths.length; i++) p += widths[i] * widths[i + 1] + (bias ? widths[i + 1] : 0);
  return p;
}

/** Forward FLOP of an MLP for a batch: 2 * batch * sum n_i n_{i+1} (biases and activations excluded). */
export function mlpFlops(widths: readonly number[], batch = 1): number {
  checkWidths(widths);
  const B = integerAtLeast('batch', batch, 1);
  let macs = 0;
  for (let i = 0; i + 1 < widths.length; i++) macs += widths[i] * widths[i + 1];
  return 2 * B * macs;
}

function checkWidths(widths: readonly number[]): void {
  if (!Array.isArray(widths) || widths.length < 2) throw new PhysicsError('widths', widths, 'an array of at least two layer widths');
  widths.forEach((w, i) => integerAtLeast(`widths[${i}]`, w, 1));
}
