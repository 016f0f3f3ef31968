/**
 * The four deployment tiers side by side: each tier's (or device's) compute, bandwidth, memory
 * and power, and the ratios between two of them on every axis. This is the physics behind the
 * magnitude-gap instrument and lab 01's Act I; any lab or instrument that compares tiers uses it.
 *
 * Compute is taken at each chip's headline precision by default (datacenter GPUs in dense FP16
 * tensor FLOP/s, edge modules and phone NPUs in dense INT8 OP/s, microcontrollers in FP32), or at
 * one precision for all. Mixing precisions on one axis inflates a gap, so every figure carries
 * the precision it is at.
 */
import { DEPLOYMENT_CONTEXTS, TIERS, getDevice, peakFlopsFor, resolveDevice, type Device, type Tier } from './registry.js';
import { checkPrecision, type Precision } from './units.js';
import { oneOf } from './errors.js';

/**
 * The precision each tier's headline compute figure is quoted in: datacenter GPUs by their
 * dense FP16 tensor rate, edge modules and phone NPUs by INT8 TOPS, microcontrollers by FP32.
 * Putting these side by side compares different number formats; the instrument says so.
 */
export const HEADLINE_PRECISION: Readonly<Record<Tier, Precision>> = Object.freeze({
  cloud: 'fp16',
  edge: 'int8',
  mobile: 'int8',
  tiny: 'fp32',
});

/** Precision modes of the magnitude comparison: each chip's headline, or one format for all. */
export const MAGNITUDE_PRECISIONS = ['headline', 'fp32', 'fp16', 'int8'] as const;
export type MagnitudePrecision = (typeof MAGNITUDE_PRECISIONS)[number];

/** The four quantities the magnitude comparison puts on log axes. */
export const MAGNITUDE_METRICS = ['compute', 'bandwidth', 'memory', 'power'] as const;
export type MagnitudeMetric = (typeof MAGNITUDE_METRICS)[number];

export interface TierFigures {
  /** Tier id when given one, else the device's id. */
  readonly id: string;
  readonly tier: Tier;
  readonly device: Device;
  /** Dense peak compute at `precision`, FLOP/s (OP/s for integer formats); null when the chip has no such unit. */
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

/**
 * A tier id ('cloud', 'edge', 'mobile', 'tiny') or a registered device id, resolved to a device
 * (a tier to its deployment context's default device).
 * @throws PhysicsError listing the known device ids when `id` is neither.
 */
export function tierOrDevice(id: string): { id: string; tier: Tier; device: Device } {
  if ((TIERS as readonly string[]).includes(id)) {
    const tier = id as Tier;
    return { id, tier, device: getDevice(DEPLOYMENT_CONTEXTS[tier].device) };
  }
  const device = resolveDevice(id, 'tier or device id');
  return { id, tier: device.tier, device };
}

/**
 * One column of the magnitude comparison: a tier's (or device's) four figures. Compute is the
 * dense peak ({@link peakFlopsFor}) at the tier's headline precision, or at `precision`.
 */
export function tierFigures(id: string, precision: MagnitudePrecision = 'headline'): TierFigures {
  const mode = oneOf('precision', precision, MAGNITUDE_PRECISIONS);
  const t = tierOrDevice(id);
  const p: Precision = mode === 'headline' ? HEADLINE_PRECISION[t.tier] : checkPrecision('precision', mode);
  let compute: number | null;
  try {
    compute = peakFlopsFor(t.device, p);
  } catch {
    compute = null;
  }
  return {
    id: t.id,
    tier: t.tier,
    device: t.device,
    compute,
    precision: p,
    bandwidth: t.device.memoryBandwidth,
    memory: t.device.memoryBytes,
    power: t.device.tdpWatts,
  };
}

export interface MagnitudeGap {
  readonly a: TierFigures;
  readonly b: TierFigures;
  /** a / b for each metric (null when a compute figure is missing). */
  readonly ratios: Readonly<Record<MagnitudeMetric, number | null>>;
}

/**
 * a / b on every metric, at the chosen precision mode. H100 over Cortex-M7 at headline
 * precisions: compute 989e12 / 1e9 = 989,000; bandwidth 3.35e12 / 5e7 = 67,000; memory
 * 80e9 / 512e3 = 156,250; power 700 / 0.1 = 7,000.
 */
export function magnitudeGap(a: string, b: string, precision: MagnitudePrecision = 'headline'): MagnitudeGap {
  const fa = tierFigures(a, precision),
    fb = tierFigures(b, precision);
  const ratio = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? null : x / y);
  return {
    a: fa,
    b: fb,
    ratios: {
      compute: ratio(fa.compute, fb.compute),
      bandwidth: ratio(fa.bandwidth, fb.bandwidth),
      memory: ratio(fa.memory, fb.memory),
      power: ratio(fa.power, fb.power),
    },
  };
}
