/**
 * Network architecture costs (v1-05 "The Activation Tax", v1-06 "The Quadratic Wall"):
 * the silicon and cycles of activation functions, where activations land in the memory
 * hierarchy, FFN activation memory, and depth versus width at a fixed parameter budget.
 * SI units: bytes, seconds, FLOP/s, B/s.
 */
import { PhysicsError, finite, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';
import { GB, KiB, MiB } from './units.js';

// ---------------------------------------------------------------------------------------------
// Activation functions in silicon (v1-05 Act I)
// ---------------------------------------------------------------------------------------------

export const ACTIVATION_FUNCTIONS = Object.freeze(['relu', 'leaky-relu', 'sigmoid', 'tanh', 'gelu', 'softmax'] as const);
export type ActivationFunction = (typeof ACTIVATION_FUNCTIONS)[number];

const TRANSISTOR_TAX =
  'ML Systems book, nn_computation.qmd @sec-neural-computation-transistor-tax (ReLU ≈ 50, sigmoid ≈ 2,500 transistors)';
const LAB_ESTIMATE = 'v1-05 reference lab estimate (not sourced)';

/**
 * Transistors for one hardware activation unit and cycles per element. Only ReLU's 50 and
 * sigmoid's 2,500 transistors are sourced; the rest are the v1-05 lab's estimates (cycles from
 * its "20–30 cycles" for an exponential and "6–10× ReLU" for GELU).
 */
export const ACTIVATION_HARDWARE: Readonly<Record<ActivationFunction, { readonly transistors: Sourced; readonly cycles: Sourced }>> =
  Object.freeze({
    relu: { transistors: sourced(50, '1', TRANSISTOR_TAX), cycles: sourced(1, '1', LAB_ESTIMATE) },
    'leaky-relu': { transistors: sourced(60, '1', LAB_ESTIMATE), cycles: sourced(2, '1', LAB_ESTIMATE) },
    sigmoid: {
      transistors: sourced(2500, '1', TRANSISTOR_TAX),
      cycles: sourced(25, '1', `${LAB_ESTIMATE}; chapter "pipelined over 20–30 cycles"`),
    },
    tanh: { transistors: sourced(2500, '1', LAB_ESTIMATE), cycles: sourced(25, '1', LAB_ESTIMATE) },
    gelu: { transistors: sourced(1500, '1', LAB_ESTIMATE), cycles: sourced(8, '1', `${LAB_ESTIMATE}; chapter "6–10× ReLU"`) },
    softmax: { transistors: sourced(3000, '1', LAB_ESTIMATE), cycles: sourced(30, '1', LAB_ESTIMATE) },
  });

/**
 * Silicon and cycle cost of a stack of activation layers against the same stack in ReLU:
 * transistor ratio Σ T_i / (n·T_ReLU) (area) and cycle speedup Σ c_i / (n·c_ReLU) (time).
 * They are different quantities: four sigmoid layers need 50× the silicon of ReLU but would run
 * 25× faster as ReLU (v1-05 Critique: the reference quoted 50×, 25× and 47× for "one claim").
 */
export function activationSiliconCost(functions: readonly ActivationFunction[]): {
  transistors: number;
  reluTransistors: number;
  transistorRatio: number;
  cycles: number;
  reluCycles: number;
  speedupIfRelu: number;
} {
  if (!Array.isArray(functions) || functions.length === 0) {
    throw new PhysicsError('functions', functions, `a non-empty array of ${ACTIVATION_FUNCTIONS.join(', ')}`);
  }
  let transistors = 0,
    cycles = 0;
  functions.forEach((f, i) => {
    const hw = ACTIVATION_HARDWARE[oneOf(`functions[${i}]`, f, ACTIVATION_FUNCTIONS)];
    transistors += hw.transistors.value;
    cycles += hw.cycles.value;
  });
  const n = functions.length;
  const reluTransistors = n * ACTIVATION_HARDWARE.relu.transistors.value;
  const reluCycles = n * ACTIVATION_HARDWARE.relu.cycles.value;
  return {
    transistors,
    reluTransistors,
    transistorRatio: transistors / reluTransistors,
    cycles,
    reluCycles,
    speedupIfRelu: cycles / reluCycles,
  };
}

/**
 * Time spent in activation functions: t = n·c / r for n elements at c cycles each on hardware
 * that retires r element-cycles per second (clock × parallel lanes); `share` = t / T when the
 * whole inference time T is given. Derive both from layer sizes and the device (v1-05 Critique:
 * the reference's invented 0.8 / 42 µs baselines made the cloud share larger than mobile's).
 */
export function activationSeconds({
  elements,
  cyclesPerElement,
  elementRate,
  inferenceSeconds,
}: {
  elements: number;
  cyclesPerElement: number;
  elementRate: number;
  inferenceSeconds?: number;
}): { seconds: number; share?: number } {
  const t = (nonNegative('elements', elements) * nonNegative('cyclesPerElement', cyclesPerElement)) / positive('elementRate', elementRate);
  if (inferenceSeconds === undefined) return { seconds: t };
  return { seconds: t, share: t / positive('inferenceSeconds', inferenceSeconds) };
}

/** erf(x) to double precision: Maclaurin series for |x| ≤ 3, Laplace continued fraction beyond. */
function erf(x: number): number {
  const a = Math.abs(x);
  let r: number;
  if (a <= 3) {
    let sum = 0,
      term = a;
    for (let n = 0; n < 120; n++) {
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
      term *= (-a * a) / (n + 1);
    }
    r = (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    let cf = a;
    for (let n = 60; n >= 1; n--) cf = a + n / 2 / cf;
    r = 1 - Math.exp(-a * a) / (Math.sqrt(Math.PI) * cf);
  }
  return x < 0 ? -r : r;
}

/**
 * GELU (Hendrycks & Gimpel 2016, "Gaussian Error Linear Units"): exact x·Φ(x) =
 * ½x(1 + erf(x/√2)), or the tanh approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))) used by
 * GPT-2/BERT kernels. gelu(1) = 0.841345 (exact), 0.841192 (tanh).
 */
export function gelu(x: number, approximation: 'erf' | 'tanh' = 'erf'): number {
  const v = finite('x', x);
  oneOf('approximation', approximation, ['erf', 'tanh'] as const);
  if (approximation === 'tanh') return 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
  return 0.5 * v * (1 + erf(v / Math.SQRT2));
}

/**
 * Partial sum of the Taylor series e^x ≈ Σ_{k<K} x^k/k! (what an exponential unit evaluates,
 * after range reduction, for sigmoid, tanh and softmax), with its error against Math.exp.
 * For x ∈ [0, ln 2], 10 terms reach FP32 precision (error < 2⁻²⁴·e^x).
 */
export function expTaylor(x: number, terms: number): { value: number; error: number } {
  const v = finite('x', x);
  const K = integerAtLeast('terms', terms, 1);
  let sum = 0,
    term = 1;
  for (let k = 0; k < K; k++) {
    sum += term;
    term *= v / (k + 1);
  }
  return { value: sum, error: Math.abs(Math.exp(v) - sum) };
}

// ---------------------------------------------------------------------------------------------
// Where activations live in the memory hierarchy (v1-05 Act II)
// ---------------------------------------------------------------------------------------------

/** One level of a memory hierarchy. */
export interface MemoryTier {
  readonly name: string;
  /** Capacity, B. */
  readonly capacity: number;
  /** Access latency relative to the first tier. */
  readonly latencyMultiplier: number;
  /** True for caches on the chip (a miss is a placement in a tier that is not on chip). */
  readonly onChip: boolean;
}

const TIER_MULTIPLIERS =
  'v1-05 reference lab: L1 1×, L2 4×, HBM 10×, host DRAM 100× (chapter fn-memory-wall-nn "1 ns vs 100 ns" plus interpolation; illustrative)';

/** Latency multiplier of data that fits no tier on the device (host DRAM), ×. */
export const OFF_DEVICE_LATENCY_MULTIPLIER: Sourced = sourced(100, '1', TIER_MULTIPLIERS);

/**
 * The two hierarchies of v1-05. Cloud: H100 SXM5, 256 KB L1/shared memory per SM, 50 MB L2
 * (cudaDeviceProp.l2CacheSize = 52,428,800 B), 80 GB HBM3. Mobile: the lab's NPU, 64 KB L1,
 * 512 KB L2, 8 GB. Correction: the reference's 40 MB L2 is the A100's.
 */
export const V1_05_MEMORY_TIERS: Readonly<Record<'cloud' | 'mobile', readonly MemoryTier[]>> = Object.freeze({
  cloud: Object.freeze(
    [
      { name: 'L1', capacity: 256 * KiB, latencyMultiplier: 1, onChip: true },
      { name: 'L2', capacity: 50 * MiB, latencyMultiplier: 4, onChip: true },
      { name: 'HBM', capacity: 80 * GB, latencyMultiplier: 10, onChip: false },
    ].map((t) => Object.freeze(t)),
  ),
  mobile: Object.freeze(
    [
      { name: 'L1', capacity: 64 * KiB, latencyMultiplier: 1, onChip: true },
      { name: 'L2', capacity: 512 * KiB, latencyMultiplier: 4, onChip: true },
      { name: 'DRAM', capacity: 8 * GB, latencyMultiplier: 10, onChip: false },
    ].map((t) => Object.freeze(t)),
  ),
});

/**
 * Place each activation tensor in the smallest tier that holds it (tiers ordered fastest
 * first; the last is device memory); a tensor larger than every tier goes off device at
 * `overflowMultiplier`. Returns per-layer tiers, the mean latency multiplier, the miss rate
 * (share of tensors not in an on-chip tier) and the resident bytes:
 * - `training`: Σ sizes (backprop keeps every activation);
 * - `inference`: max_i (s_i + s_{i+1}) (a layer's input and output are live together).
 * `oom` when the resident bytes exceed the last tier. Correction (v1-05): the reference compared
 * the training sum with device memory without saying so.
 * Cloud, 224 px, 64 ch, batch 8, FP32: 98 MiB → HBM, the rest L2; mean 5.0×, miss 1/6.
 */
export function memoryTierPlacement({
  sizes,
  tiers,
  mode = 'training',
  overflowMultiplier = OFF_DEVICE_LATENCY_MULTIPLIER.value,
}: {
  sizes: readonly number[];
  tiers: readonly MemoryTier[];
  mode?: 'training' | 'inference';
  overflowMultiplier?: number;
}): {
  layers: { bytes: number; tier: string; latencyMultiplier: number }[];
  meanMultiplier: number;
  missRate: number;
  totalBytes: number;
  residentBytes: number;
  capacity: number;
  oom: boolean;
} {
  if (!Array.isArray(sizes) || sizes.length === 0) throw new PhysicsError('sizes', sizes, 'a non-empty array of tensor sizes in bytes');
  if (!Array.isArray(tiers) || tiers.length === 0)
    throw new PhysicsError('tiers', tiers, 'a non-empty array of { name, capacity, latencyMultiplier, onChip }');
  tiers.forEach((t, i) => {
    positive(`tiers[${i}].capacity`, t.capacity);
    positive(`tiers[${i}].latencyMultiplier`, t.latencyMultiplier);
  });
  oneOf('mode', mode, ['training', 'inference'] as const);
  const over = positive('overflowMultiplier', overflowMultiplier);
  const layers = sizes.map((s, i) => {
    const bytes = nonNegative(`sizes[${i}]`, s);
    const tier = tiers.find((t) => bytes <= t.capacity);
    return tier
      ? { bytes, tier: tier.name, latencyMultiplier: tier.latencyMultiplier, onChip: tier.onChip }
      : { bytes, tier: 'off-device', latencyMultiplier: over, onChip: false };
  });
  const totalBytes = layers.reduce((s, l) => s + l.bytes, 0);
  let residentBytes = totalBytes;
  if (mode === 'inference') {
    residentBytes = layers.length === 1 ? layers[0].bytes : 0;
    for (let i = 0; i + 1 < layers.length; i++) residentBytes = Math.max(residentBytes, layers[i].bytes + layers[i + 1].bytes);
  }
  const capacity = tiers[tiers.length - 1].capacity;
  return {
    layers: layers.map(({ bytes, tier, latencyMultiplier }) => ({ bytes, tier, latencyMultiplier })),
    meanMultiplier: layers.reduce((s, l) => s + l.latencyMultiplier, 0) / layers.length,
    missRate: layers.filter((l) => !l.onChip).length / layers.length,
    totalBytes,
    residentBytes,
    capacity,
    oom: residentBytes > capacity,
  };
}

// ---------------------------------------------------------------------------------------------
// Transformer width, depth and FFN activations (v1-06)
// ---------------------------------------------------------------------------------------------

/**
 * FFN activation memory: M = B·N·(e·d)·b·L (the e·d-wide hidden activation of every layer;
 * e = 4 in a classic block). v1-06: 4,096 tokens, d = 1,024, FP16, 48 layers: 1.6106 GB.
 * Linear in N, against the attention scores' N² ({@link attentionScoreBytes} in compute.ts).
 */
export function ffnActivationBytes({
  seqLength,
  hidden,
  layers = 1,
  expansion = 4,
  batch = 1,
  bytesPerElement = 2,
}: {
  seqLength: number;
  hidden: number;
  layers?: number;
  expansion?: number;
  batch?: number;
  bytesPerElement?: number;
}): number {
  return (
    integerAtLeast('batch', batch, 1) *
    positive('seqLength', seqLength) *
    positive('expansion', expansion) *
    positive('hidden', hidden) *
    positive('bytesPerElement', bytesPerElement) *
    integerAtLeast('layers', layers, 1)
  );
}

/** Parameters per layer per width² of a classic transformer block: 4W² attention + 8W² FFN. */
export const PARAMS_PER_WIDTH_SQUARED: Sourced = sourced(12, '1', 'Kaplan et al. 2020, Table 1 (N ≈ 12·n_layer·d_model²)');

/**
 * Width that spends a parameter budget P over L layers: W = √(P / (k·L)), k = 12.
 * Doubling depth shrinks width by √2. 100 M over 2 layers: 2,041.2; over 64 layers: 360.8.
 */
export function widthForParamBudget({
  params,
  layers,
  paramsPerWidthSquared = PARAMS_PER_WIDTH_SQUARED.value,
}: {
  params: number;
  layers: number;
  paramsPerWidthSquared?: number;
}): number {
  return Math.sqrt(
    positive('params', params) / (positive('paramsPerWidthSquared', paramsPerWidthSquared) * integerAtLeast('layers', layers, 1)),
  );
}

/**
 * Per-layer synchronization cost (kernel launch plus the barrier between dependent layers), s.
 * Illustrative values from the v1-06 Critique ("20–50 µs on Orin, ~5 µs on H100"); the ML
 * Frameworks chapter gives 5–20 µs of launch overhead per kernel.
 */
export const LAYER_SYNC_SECONDS: Readonly<Record<'cloud' | 'edge', Sourced>> = Object.freeze({
  cloud: sourced(5e-6, 's', 'v1-06 brief Critique: ~5 µs per layer on H100 (illustrative)'),
  edge: sourced(30e-6, 's', 'v1-06 brief Critique: 20–50 µs per layer on Jetson Orin (illustrative midpoint)'),
});

/** Width at which one layer's GEMMs fill the accelerator (reference "width saturation"). */
export const SATURATION_WIDTH: Sourced = sourced(1024, '1', 'v1-06 reference lab ("width saturation 1,024"; illustrative)');

/**
 * Batch-1 latency of an L-layer, width-W transformer stack where layers run one after another:
 * P_l = kW², F_l = 2·P_l·n (n tokens), B_l = P_l·b;
 * occupancy(W) = min(1, W/W_sat); t_work = max(F_l / (R·occupancy), B_l / BW);
 * t_layer = t_sync + t_work (default: the barrier between dependent layers is not hidden), or
 * max(t_sync, t_work) with `overlapSync` (the v1-06 Critique's form); T = L·t_layer.
 * Correction (v1-06): the reference took max(compute + L·overhead, weight streaming) for the
 * whole model, so at 100 M parameters depth never mattered; its curve used another formula.
 * Orin NX (25 TFLOP/s FP16, 102 GB/s), 30 µs sync: 64 × 384 → 4.14 ms; 4 × 1,472 → 2.16 ms.
 */
export function depthWidthLatency({
  layers,
  width,
  peakFlops,
  bandwidth,
  syncSeconds,
  bytesPerParam = 2,
  tokens = 1,
  saturationWidth = SATURATION_WIDTH.value,
  paramsPerWidthSquared = PARAMS_PER_WIDTH_SQUARED.value,
  overlapSync = false,
}: {
  layers: number;
  width: number;
  peakFlops: number;
  bandwidth: number;
  syncSeconds: number;
  bytesPerParam?: number;
  tokens?: number;
  saturationWidth?: number;
  paramsPerWidthSquared?: number;
  overlapSync?: boolean;
}): {
  params: number;
  weightBytes: number;
  occupancy: number;
  computeSeconds: number;
  memorySeconds: number;
  layerSeconds: number;
  seconds: number;
  bound: 'sync' | 'compute' | 'memory';
} {
  const L = integerAtLeast('layers', layers, 1);
  const W = positive('width', width);
  const R = positive('peakFlops', peakFlops);
  const BW = positive('bandwidth', bandwidth);
  const ts = nonNegative('syncSeconds', syncSeconds);
  const b = positive('bytesPerParam', bytesPerParam);
  const n = positive('tokens', tokens);
  const Wsat = positive('saturationWidth', saturationWidth);
  const k = positive('paramsPerWidthSquared', paramsPerWidthSquared);
  const perLayer = k * W * W;
  const occupancy = Math.min(1, W / Wsat);
  const computeSeconds = (2 * perLayer * n) / (R * occupancy);
  const memorySeconds = (perLayer * b) / BW;
  const work = Math.max(computeSeconds, memorySeconds);
  const layerSeconds = overlapSync ? Math.max(ts, work) : ts + work;
  const bound = ts >= work ? 'sync' : computeSeconds >= memorySeconds ? 'compute' : 'memory';
  return {
    params: L * perLayer,
    weightBytes: L * perLayer * b,
    occupancy,
    computeSeconds,
    memorySeconds,
    layerSeconds,
    seconds: L * layerSeconds,
    bound,
  };
}

/**
 * Latency against depth at a fixed parameter budget: for each L, W = clip(√(P/(kL)), W_min, W_max)
 * and {@link depthWidthLatency}; `best` is the depth with the lowest latency.
 */
export function fixedBudgetDepthSweep({
  params,
  depths,
  minWidth = 64,
  maxWidth = 4096,
  ...rest
}: {
  params: number;
  depths: readonly number[];
  minWidth?: number;
  maxWidth?: number;
  peakFlops: number;
  bandwidth: number;
  syncSeconds: number;
  bytesPerParam?: number;
  tokens?: number;
  saturationWidth?: number;
  paramsPerWidthSquared?: number;
  overlapSync?: boolean;
}): { points: { layers: number; width: number; seconds: number }[]; best: { layers: number; width: number; seconds: number } } {
  if (!Array.isArray(depths) || depths.length === 0) throw new PhysicsError('depths', depths, 'a non-empty array of layer counts');
  const lo = positive('minWidth', minWidth),
    hi = positive('maxWidth', maxWidth);
  if (hi < lo) throw new PhysicsError('maxWidth', maxWidth, `a width of at least minWidth (${lo})`);
  const points = depths.map((L, i) => {
    const layers = integerAtLeast(`depths[${i}]`, L, 1);
    const width = Math.min(hi, Math.max(lo, widthForParamBudget({ params, layers, paramsPerWidthSquared: rest.paramsPerWidthSquared })));
    return { layers, width, seconds: depthWidthLatency({ ...rest, layers, width }).seconds };
  });
  const best = points.reduce((a, p) => (p.seconds < a.seconds ? p : a), points[0]);
  return { points, best };
}
