/**
 * Volume 1 lab 01, "The Magnitude Awakening": the scenario settings, the figures the lab's
 * instruments show (the four deployment tiers side by side, a model's per-batch workload) and
 * the derivation of both answer keys.
 *
 * Act I asks by what factor the H100's peak compute exceeds the Cortex-M7's. Each chip is taken
 * at the precision its headline figure is quoted in (H100: dense FP16 tensor; MCU: FP32):
 * 989e12 / 1e9 = 989,000, about 10^6, option C. At one precision for both (FP32: 67e12 / 1e9)
 * the gap is 67,000: mixing precisions on one axis inflates the gap 15x, which is why the
 * magnitude instrument labels the precision of every compute bar.
 *
 * Act II asks which Iron Law term dominates ResNet-50 at batch 1 on the H100, FP16:
 *   D = 25.6e6 params x 2 B + 1 x (3 x 224 x 224 x 2 B) = 51,501,056 B -> D/BW = 15.37 us
 *   O = 8.2e9 FLOP (4.1 GMAC x 2)                                   -> O/R  =  8.29 us
 *   L = 10 us (dispatch)
 * D/BW is 1.85x O/R: memory dominates by about 2x (option B); even the fixed L beats the math. Batching reads the weights once for all
 * images, so intensity rises with the batch and the workload turns compute-bound at batch 2.
 * On the Cortex-M7 the same model is compute-bound (8.2 s of compute vs 1.03 s of data) and
 * does not fit at all (51.5 MB against 512 kB of SRAM, 100.6x).
 */
import { DEPLOYMENT_CONTEXTS, TIERS, getDevice, peakFlopsFor, resolveDevice, resolveModel, flopsOf, type Device, type Model, type Tier } from '../registry.js';
import { ironLawOnDevice, type IronLaw } from '../ironlaw.js';
import { PhysicsError, integerAtLeast, nonNegative } from '../errors.js';
import { sourced } from '../sourced.js';
import type { LabScenario } from './types.js';
import { bytesPerElement, type Precision } from '../units.js';

const LAB = 'v1-lab-01 brief (reference labs/vol1/lab_01_ml_intro.py, "The Magnitude Awakening")';

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by lab 02)
// ---------------------------------------------------------------------------------------------

/**
 * The option whose numeric claim is nearest the actual value on a log scale (the claims of a
 * magnitude question are orders of magnitude apart). Ties go to the first option.
 * @throws PhysicsError when `actual` is not positive or there are no positive claims.
 */
export function nearestOption(actual: number, claims: Readonly<Record<string, number>>): string {
  if (!(typeof actual === 'number' && actual > 0 && Number.isFinite(actual))) {
    throw new PhysicsError('actual', actual, 'a finite number greater than 0');
  }
  let best: string | undefined;
  let bestGap = Infinity;
  for (const [option, claim] of Object.entries(claims)) {
    if (!(claim > 0)) continue;
    const gap = Math.abs(Math.log10(actual / claim));
    if (gap < bestGap) { best = option; bestGap = gap; }
  }
  if (best === undefined) throw new PhysicsError('claims', claims, 'at least one option with a positive claim');
  return best;
}

// ---------------------------------------------------------------------------------------------
// The four tiers side by side (the magnitude-gap instrument)
// ---------------------------------------------------------------------------------------------

/**
 * The precision each tier's headline compute figure is quoted in: datacenter GPUs by their
 * dense FP16 tensor rate, edge modules and phone NPUs by INT8 TOPS, microcontrollers by FP32.
 * Putting these side by side compares different number formats; the instrument says so.
 */
export const HEADLINE_PRECISION: Readonly<Record<Tier, Precision>> = Object.freeze({
  cloud: 'fp16', edge: 'int8', mobile: 'int8', tiny: 'fp32',
});

/** Precision modes of the magnitude comparison: each chip's headline, or one format for all. */
export const MAGNITUDE_PRECISIONS = ['headline', 'fp32', 'fp16', 'int8'] as const;
export type MagnitudePrecision = (typeof MAGNITUDE_PRECISIONS)[number];

/** The four quantities the magnitude comparison puts on log axes. */
export const MAGNITUDE_METRICS = ['compute', 'bandwidth', 'memory', 'power'] as const;
export type MagnitudeMetric = (typeof MAGNITUDE_METRICS)[number];

export interface TierFigures {
  /** Tier id when given one, else the device's tier. */
  readonly id: string;
  readonly tier: Tier;
  readonly device: Device;
  /** Peak compute at `precision`, FLOP/s (OP/s for integer formats); null when the chip has no such unit. */
  readonly compute: number | null;
  /** The precision `compute` is at. */
  readonly precision: Precision;
  /** Main-memory bandwidth, B/s. */
  readonly bandwidth: number;
  /** Memory capacity, B. */
  readonly memory: number;
  /** Power (TDP or sustained budget), W. */
  readonly power: number;
}

/** A tier id ('cloud', 'edge', 'mobile', 'tiny') or a registered device id, resolved to a device. */
export function tierOrDevice(id: string): { id: string; tier: Tier; device: Device } {
  if ((TIERS as readonly string[]).includes(id)) {
    const tier = id as Tier;
    return { id, tier, device: getDevice(DEPLOYMENT_CONTEXTS[tier].device) };
  }
  const device = resolveDevice(id, 'tier or device id');
  return { id, tier: device.tier, device };
}

/** One column of the magnitude comparison: a tier's (or device's) four figures. */
export function tierFigures(id: string, precision: MagnitudePrecision = 'headline'): TierFigures {
  const t = tierOrDevice(id);
  const p: Precision = precision === 'headline' ? HEADLINE_PRECISION[t.tier] : precision;
  let compute: number | null;
  try { compute = peakFlopsFor(t.device, p); } catch { compute = null; }
  return {
    id: t.id, tier: t.tier, device: t.device, compute, precision: p,
    bandwidth: t.device.memoryBandwidth, memory: t.device.memoryBytes, power: t.device.tdpWatts,
  };
}

export interface MagnitudeGap {
  readonly a: TierFigures;
  readonly b: TierFigures;
  /** a / b for each metric (null when a compute figure is missing). */
  readonly ratios: Readonly<Record<MagnitudeMetric, number | null>>;
}

/** a / b on every metric, at the chosen precision mode. */
export function magnitudeGap(a: string, b: string, precision: MagnitudePrecision = 'headline'): MagnitudeGap {
  const fa = tierFigures(a, precision), fb = tierFigures(b, precision);
  const ratio = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? null : x / y);
  return {
    a: fa, b: fb,
    ratios: {
      compute: ratio(fa.compute, fb.compute),
      bandwidth: ratio(fa.bandwidth, fb.bandwidth),
      memory: ratio(fa.memory, fb.memory),
      power: ratio(fa.power, fb.power),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A model's workload for one batch (the D·A·M triad and the latency waterfall)
// ---------------------------------------------------------------------------------------------

/**
 * Bytes of one RGB input image at a precision: 3 x r x r elements for CNNs whose
 * `inputResolution` is an image side (ds-cnn's 49 is MFCC frames, not pixels, so it has none).
 * Returns 0 when the model has no image input.
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
 */
export function batchWorkload(model: Model | string, input: BatchWorkloadInput = {}): BatchWorkload {
  const m = resolveModel(model);
  const precision = input.precision ?? 'fp16';
  const batch = integerAtLeast('batch', input.batch ?? 1, 1);
  const weightBytes = m.weightBytes ?? m.params * bytesPerElement(precision);
  const sampleBytes = input.sampleBytes === undefined ? imageInputBytes(m, precision) : nonNegative('sampleBytes', input.sampleBytes);
  return {
    weightBytes, sampleBytes, batch,
    dataBytes: weightBytes + batch * sampleBytes,
    ops: batch * flopsOf(m, 'flop'),
  };
}

export interface WorkloadOnDevice extends IronLaw {
  readonly device: Device;
  readonly workload: BatchWorkload;
  /** Peak rate used, FLOP/s. */
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

/** The Iron Law of a model's batch on a device, with the memory-capacity check. */
export function workloadOnDevice(device: Device | string, model: Model | string, input: BatchWorkloadInput = {}): WorkloadOnDevice {
  const d = resolveDevice(device);
  const precision = input.precision ?? 'fp16';
  const w = batchWorkload(model, { ...input, precision });
  const law = ironLawOnDevice(d, { dataBytes: w.dataBytes, ops: w.ops, precision });
  return {
    ...law, device: d, workload: w, peak: peakFlopsFor(d, precision),
    footprint: w.dataBytes, capacity: d.memoryBytes,
    oom: w.dataBytes > d.memoryBytes, oomRatio: w.dataBytes / d.memoryBytes,
  };
}

/** Smallest batch at which the workload turns compute-bound (O/R >= D/BW), or null if none up to `maxBatch`. */
export function computeBoundBatch(device: Device | string, model: Model | string, precision: Precision = 'fp16', maxBatch = 4096, sampleBytes?: number): number | null {
  // Intensity grows with the batch (weights are shared), so the first compute-bound batch is
  // found by bisection: bound(b) is 'memory' up to some b* - 1 and 'compute' from b* on.
  const bound = (b: number) => workloadOnDevice(device, model, { precision, batch: b, sampleBytes }).bound;
  if (bound(maxBatch) !== 'compute') return null;
  let lo = 1, hi = maxBatch;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (bound(mid) === 'compute') hi = mid; else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Scenario and answer keys
// ---------------------------------------------------------------------------------------------

/** The lab's settings, each with where it comes from. */
export const V1_01_SCENARIO = Object.freeze({
  /** The two contexts the lab compares. */
  contexts: Object.freeze(['cloud', 'tiny'] as const),
  /** Act I compares these tiers' compute at their headline precisions. */
  act1: Object.freeze({ a: 'cloud' as Tier, b: 'tiny' as Tier, precision: 'headline' as MagnitudePrecision }),
  /** Act II workload: the chapter's Lighthouse vision model. */
  model: 'resnet50',
  /** Act II precision: FP16 weights and FP16 tensor-core math (what an H100 serves in). */
  precision: 'fp16' as Precision,
  /** Act II question batch. */
  batch: sourced(1, '1', `${LAB}: "ResNet-50 at batch 1"`),
  /** Batch slider range (critique: show batching move the workload toward compute-bound). */
  batchMin: sourced(1, '1', `${LAB}, Critique: batch slider 1-256`),
  batchMax: sourced(256, '1', `${LAB}, Critique: batch slider 1-256`),
} satisfies Record<string, unknown>);

/** Act I options: the claimed compute ratio H100 / Cortex-M7. */
export const V1_01_ACT1_CLAIMS: Readonly<Record<string, number>> = Object.freeze({ A: 1e2, B: 1e4, C: 1e6, D: 1e9 });

/**
 * Act II options: how many times longer D/BW takes than O/R on the H100 at batch 1
 * (A: compute dominates ~4x; B: memory ~2x; C: about equal; D: memory ~1,000x, the scale the
 * reference's static text claimed).
 */
export const V1_01_ACT2_CLAIMS: Readonly<Record<string, number>> = Object.freeze({ A: 0.25, B: 2, C: 1, D: 1000 });

/** The Act I ratio: H100 peak compute / Cortex-M7 peak compute, each at its headline precision (989,000). */
export function v1_01Act1Ratio(): number {
  const s = V1_01_SCENARIO.act1;
  const r = magnitudeGap(s.a, s.b, s.precision).ratios.compute;
  if (r === null) throw new PhysicsError('compute ratio', r, 'a compute figure for both tiers');
  return r;
}

/** The Act II result on a context's device at a batch (default: the question's batch 1). */
export function v1_01Act2(context: Tier = 'cloud', batch: number = V1_01_SCENARIO.batch.value): WorkloadOnDevice {
  return workloadOnDevice(DEPLOYMENT_CONTEXTS[context].device, V1_01_SCENARIO.model, { precision: V1_01_SCENARIO.precision, batch });
}

export const derivationsV1_01: Record<string, () => string | number> = {
  'v1-01.act1': () => nearestOption(v1_01Act1Ratio(), V1_01_ACT1_CLAIMS),
  'v1-01.act2': () => { const r = v1_01Act2('cloud'); return nearestOption(r.data / r.compute, V1_01_ACT2_CLAIMS); },
};

/**
 * The lab's scenario contract (physics/labs/types.ts). Act II's failure: ResNet-50 does not fit
 * the microcontroller's SRAM, so the TinyML context is out of memory; the cloud context fits.
 */
export const V1_01_LAB: LabScenario = Object.freeze({
  id: 'v1-01',
  volume: 1,
  chapter: 1,
  contexts: V1_01_SCENARIO.contexts,
  answers: Object.freeze({
    act1: { claims: V1_01_ACT1_CLAIMS, derive: derivationsV1_01['v1-01.act1'] },
    act2: { claims: V1_01_ACT2_CLAIMS, derive: derivationsV1_01['v1-01.act2'] },
    /** Concept: a million-fold range needs a software stack per regime. */
    r1: { basis: 'concept' as const, derive: () => 'B' },
    /** Memory capacity (B) stops ResNet-50 on the MCU before its compute does: the weights exceed the SRAM. */
    r2: { derive: () => (v1_01Act2('tiny').oom ? 'B' : 'A') },
  }),
  failures: Object.freeze([{ failure: 'oom', reach: { context: 'tiny' }, escape: { context: 'cloud' } }]),
});
