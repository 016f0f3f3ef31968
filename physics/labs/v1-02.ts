/**
 * Volume 1 lab 02, "The Iron Law": the scenario settings and the derivation of both answer keys.
 *
 * Act I (recalibrated with dense peaks). A one-billion-parameter FP16 slice (D = 2e9 B) is
 * streamed per request at arithmetic intensity 5 FLOP/B (O = 1e10 FLOP). Moving from an A100
 * to an H100 (each with its own dispatch overhead L from the registry):
 *   A100: 2e9 / 2.039e12 + 1e10 / 312e12 + 15 us = 980.87 + 32.05 + 15 us = 1,027.9 us
 *   H100: 2e9 / 3.35e12  + 1e10 / 989e12 + 10 us = 597.01 + 10.11 + 10 us =   617.1 us
 *   speedup 1,027.9 / 617.1 = 1.67x: the bandwidth ratio (1.64x), not the compute ratio (3.17x).
 * Option B (~1.6x). The reference's 1,979 TFLOPS was the 2:4-sparse figure and its 0.5 ms
 * overhead hid the memory term; both are gone.
 *
 * Act II. The minimum propagation round trip to a datacenter 3,000 km away is
 * 2 x 3e6 m / 2e8 m/s = 30 ms (option C): three times the 10 ms control loop before any compute.
 */
import { DEPLOYMENT_CONTEXTS, getDevice, peakFlopsFor, type Tier } from '../registry.js';
import { ironLawOnDevice, propagationDelay, maxDistanceForBudget, type IronLaw } from '../ironlaw.js';
import { sourced } from '../sourced.js';
import { roofline } from '../roofline.js';
import type { LabScenario } from './types.js';
import { KM, ms, bytesPerElement, type Precision } from '../units.js';
import { workloadOnDevice, type WorkloadOnDevice } from '../workload.js';
import { nearestOption } from './shared.js';

const LAB = 'v1-lab-02 brief (reference labs/vol1/lab_02_ml_systems.py, "The Iron Law")';

/** Each context's new device and the one it replaces (Act I's upgrade). */
export const V1_02_UPGRADES: Readonly<Record<'cloud' | 'edge', { readonly from: string; readonly to: string }>> = Object.freeze({
  cloud: Object.freeze({ from: 'a100', to: 'h100' }),
  /** The real predecessor module replaces the reference's invented "prior Orin" (0.5x BW, 0.2x R). */
  edge: Object.freeze({ from: 'jetson-xavier-nx', to: 'jetson-orin-nx' }),
});

/** The lab's settings, each with where it comes from. */
export const V1_02_SCENARIO = Object.freeze({
  contexts: Object.freeze(['cloud', 'edge'] as const),
  precision: 'fp16' as Precision,
  /** Parameters streamed per request in Act I ("~1 B-param slice in FP16"). */
  act1Params: sourced(1e9, '1', `${LAB}: D = 2.0 GB per inference, "~1 B-param slice in FP16"`),
  /** Act I arithmetic intensity at the question, FLOP/B. */
  act1Intensity: sourced(5, 'FLOP/B', `${LAB}: "The workload has arithmetic intensity 5 FLOP/B"`),
  /** Act I intensity slider, log scale (critique: reach the compute-bound side of both ridges). */
  act1IntensityMin: sourced(1, 'FLOP/B', `${LAB}, Critique: log slider from 1 to 2,000`),
  act1IntensityMax: sourced(2000, 'FLOP/B', `${LAB}, Critique: log slider from 1 to 2,000`),
  /** Act II perception model. */
  act2Model: 'resnet50',
  /** Control-loop deadline the AV must meet, s. */
  sla: sourced(10 * ms, 's', `${LAB}: "Certification needs a 10 ms loop" (chapter AV scenario)`),
  /** Distance to the datacenter in the Act II question, m. */
  act2Distance: sourced(3000 * KM, 'm', `${LAB}: "Datacenter 3,000 km away"`),
  /** Distance slider, km (0-5,000, step 50). */
  distanceMinKm: sourced(0, 'km', LAB),
  distanceMaxKm: sourced(5000, 'km', LAB),
  /** Batch slider (1-64). */
  batchMin: sourced(1, '1', LAB),
  batchMax: sourced(64, '1', LAB),
});

/** Act I options: the claimed speedup of the upgrade at the question's intensity. */
export const V1_02_ACT1_CLAIMS: Readonly<Record<string, number>> = Object.freeze({ A: 3.2, B: 1.6, C: 1.1, D: 1 });

/** Act II options: the claimed minimum round trip at 3,000 km, s. */
export const V1_02_ACT2_CLAIMS: Readonly<Record<string, number>> = Object.freeze({ A: 1e-3, B: 10e-3, C: 30e-3, D: 100e-3 });

/** Act I data moved per request, B (1e9 params x 2 B = 2e9 B). */
export function v1_02Act1Bytes(): number {
  return V1_02_SCENARIO.act1Params.value * bytesPerElement(V1_02_SCENARIO.precision);
}

export interface UpgradeResult {
  readonly before: IronLaw;
  readonly after: IronLaw;
  /** before.total / after.total. */
  readonly speedup: number;
  /** Peak ratio after / before at the precision. */
  readonly computeRatio: number;
  /** Bandwidth ratio after / before. */
  readonly bandwidthRatio: number;
}

/** Act I: the same request before and after the context's upgrade at an intensity (FLOP/B). */
export function v1_02Upgrade(context: 'cloud' | 'edge' = 'cloud', intensity: number = V1_02_SCENARIO.act1Intensity.value): UpgradeResult {
  const { from, to } = V1_02_UPGRADES[context];
  const dataBytes = v1_02Act1Bytes();
  const ops = intensity * dataBytes;
  const precision = V1_02_SCENARIO.precision;
  const before = ironLawOnDevice(from, { dataBytes, ops, precision });
  const after = ironLawOnDevice(to, { dataBytes, ops, precision });
  return {
    before,
    after,
    speedup: before.total / after.total,
    computeRatio: peakFlopsFor(to, precision) / peakFlopsFor(from, precision),
    bandwidthRatio: getDevice(to).memoryBandwidth / getDevice(from).memoryBandwidth,
  };
}

export interface EndToEnd extends WorkloadOnDevice {
  /** Round-trip propagation, s (0 on board). */
  readonly roundTrip: number;
  /** Inference plus propagation, s. */
  readonly endToEnd: number;
  readonly slaViolated: boolean;
}

/**
 * Act II: perception at a batch on a context's device. The cloud runs the model in a
 * datacenter `distance` metres away (round trip 2d/v); the edge module is on the vehicle,
 * so its propagation is 0 whatever the distance to the datacenter.
 */
export function v1_02EndToEnd(context: 'cloud' | 'edge', distanceMeters: number, batch = 1): EndToEnd {
  const device = DEPLOYMENT_CONTEXTS[context as Tier].device;
  const inf = workloadOnDevice(device, V1_02_SCENARIO.act2Model, { precision: V1_02_SCENARIO.precision, batch });
  const roundTrip = context === 'cloud' ? propagationDelay(distanceMeters) : 0;
  const endToEnd = inf.total + roundTrip;
  return { ...inf, roundTrip, endToEnd, slaViolated: endToEnd > V1_02_SCENARIO.sla.value };
}

/** Farthest datacenter that still meets the SLA at a batch on the cloud, m. */
export function v1_02MaxDistance(batch = 1): number {
  return maxDistanceForBudget(V1_02_SCENARIO.sla.value, v1_02EndToEnd('cloud', 0, batch).total);
}

export const derivationsV1_02: Record<string, () => string | number> = {
  'v1-02.act1': () => nearestOption(v1_02Upgrade('cloud').speedup, V1_02_ACT1_CLAIMS),
  'v1-02.act2': () => nearestOption(propagationDelay(V1_02_SCENARIO.act2Distance.value), V1_02_ACT2_CLAIMS),
};

/**
 * The lab's scenario contract (physics/labs/types.ts). Act II's failure: from the question's
 * 3,000 km the light's round trip alone (30 ms) breaks the 10 ms loop; 500 km leaves room for
 * the inference.
 */
export const V1_02_LAB: LabScenario = Object.freeze({
  id: 'v1-02',
  volume: 1,
  chapter: 2,
  contexts: V1_02_SCENARIO.contexts,
  answers: Object.freeze({
    act1: { claims: V1_02_ACT1_CLAIMS, derive: derivationsV1_02['v1-02.act1'] },
    act2: { claims: V1_02_ACT2_CLAIMS, derive: derivationsV1_02['v1-02.act2'] },
    /** At the question's intensity the H100 is memory-bound (B): 5 FLOP/B is far below its ridge. */
    r1: { derive: () => (roofline('h100', V1_02_SCENARIO.act1Intensity.value, V1_02_SCENARIO.precision).bound === 'memory' ? 'B' : 'A') },
    /** Concept: the light's round trip, not GPU speed, is why edge inference exists. */
    r2: { basis: 'concept' as const, derive: () => 'B' },
  }),
  functions: Object.freeze({
    /** Act II end to end at a context, distance (m) and batch: { inference, roundTrip, endToEnd, slaViolated }, s. */
    endToEnd: (a: Readonly<Record<string, unknown>>) => {
      const context = a.context === 'edge' ? 'edge' : 'cloud';
      const r = v1_02EndToEnd(context, Number(a.distance ?? V1_02_SCENARIO.act2Distance.value), Number(a.batch ?? 1));
      return { inference: r.total, roundTrip: r.roundTrip, endToEnd: r.endToEnd, slaViolated: r.slaViolated };
    },
  }),
  /** The question's settings, written in the page's headless instances. */
  declared: Object.freeze([
    { selector: 'mls-latency-waterfall[publish="wfQ"]', attr: 'intensity', value: V1_02_SCENARIO.act1Intensity.value },
    { selector: 'mls-latency-waterfall[publish="wf2Q"]', attr: 'distance', value: V1_02_SCENARIO.act2Distance.value },
    { selector: 'mls-latency-waterfall[publish="wf2Q"]', attr: 'batch', value: 1 },
    { selector: 'mls-latency-waterfall[publish="wf2"]', attr: 'sla', value: V1_02_SCENARIO.sla.value },
  ]),
  failures: Object.freeze([
    {
      failure: 'sla',
      reach: { context: 'cloud', distance: V1_02_SCENARIO.act2Distance.value },
      escape: { distance: 500 * KM },
    },
  ]),
});
