/**
 * Volume 1 lab 01, "The Magnitude Awakening": the scenario settings and the derivation of both
 * answer keys. The figures its instruments show come from the formula modules: the four tiers
 * side by side from `physics/tiers.ts`, a model's per-batch workload from `physics/workload.ts`.
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
import { DEPLOYMENT_CONTEXTS, type Tier } from '../registry.js';
import { magnitudeGap, type MagnitudePrecision } from '../tiers.js';
import { workloadOnDevice, type WorkloadOnDevice } from '../workload.js';
import { PhysicsError } from '../errors.js';
import { sourced } from '../sourced.js';
import type { LabScenario } from './types.js';
import type { Precision } from '../units.js';
import { nearestOption } from './shared.js';

const LAB = 'v1-lab-01 brief (reference labs/vol1/lab_01_ml_intro.py, "The Magnitude Awakening")';

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
  'v1-01.act2': () => {
    const r = v1_01Act2('cloud');
    return nearestOption(r.data / r.compute, V1_01_ACT2_CLAIMS);
  },
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
  /** The question's setting, written in the page's headless instance. */
  declared: Object.freeze([{ selector: 'mls-dam-triad[publish="triadQ"]', attr: 'batch', value: V1_01_SCENARIO.batch.value }]),
  failures: Object.freeze([{ failure: 'oom', reach: { context: 'tiny' }, escape: { context: 'cloud' } }]),
});
