/**
 * The ML workflow and its data pipeline (v1-03 "The Constraint Tax", v1-04 "The Data Gravity
 * Trap"): the cost of discovering a constraint late, the work a late discovery throws away,
 * iteration-velocity races between a slow big model and a fast small one, and the input
 * pipeline that feeds an accelerator. SI units: seconds, bytes, B/s; accuracies are fractions.
 */
import { PhysicsError, fraction, inRange, integerAtLeast, nonNegative, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';
import { DAY } from './units.js';
import { acceleratorUtilization, type FeedMode, type FeedResult } from './systems.js';

// ---------------------------------------------------------------------------------------------
// Late discovery of constraints (v1-03 Act I)
// ---------------------------------------------------------------------------------------------

/**
 * Growth factor per lifecycle stage of the cost of a late-found constraint: Cost(N) = g^(N−1).
 * A teaching approximation, not a measurement.
 */
export const CONSTRAINT_COST_GROWTH: Sourced = sourced(
  2,
  '1',
  'v1-03 brief, ml_workflow.qmd "Cost(N) = 2^(N−1)" (teaching approximation)',
  'Pedagogical; Boehm (1981), "Software Engineering Economics", reports up to 100× for defects fixed after deployment.',
);

/** The six lifecycle stages of v1-03, in order. */
export const LIFECYCLE_STAGES = Object.freeze(['Requirements', 'Data', 'Modeling', 'Evaluation', 'Deployment', 'Monitoring'] as const);

/** Durations of the six stages of v1-03's rural-clinic project (5, 30, 60, 40, 10, 5 days), s. */
export const RURAL_CLINIC_STAGE_SECONDS: readonly number[] = Object.freeze([5, 30, 60, 40, 10, 5].map((d) => d * DAY));

/**
 * Cost multiplier of a constraint discovered at lifecycle stage N (1-based): g^(N−1).
 * v1-03: g = 2, stage 5 (deployment) → 16×; stage 6 → 32×.
 * @param stage N, whole number ≥ 1
 * @param growth g > 0 (default {@link CONSTRAINT_COST_GROWTH})
 */
export function constraintDiscoveryCost({ stage, growth = CONSTRAINT_COST_GROWTH.value }: { stage: number; growth?: number }): number {
  const N = integerAtLeast('stage', stage, 1);
  return Math.pow(positive('growth', growth), N - 1);
}

/**
 * Work thrown away when a constraint is found at the start of stage N: the durations of the
 * stages already done, W = Σ_{i<N} d_i, its share of the project, and the stages to redo,
 * S − N + 1.
 * Correction (v1-03): the reference summed Σ_{i≥N} d_i, the work *not yet done*, so a later
 * discovery showed fewer wasted days (15 d at stage 5 instead of 135 d). That sum is returned as
 * `remainingSeconds`.
 * Rural clinic: N = 1..6 → 0, 5, 35, 95, 135, 145 days.
 */
export function lateDiscoveryWaste({ stageSeconds, stage }: { stageSeconds: readonly number[]; stage: number }): {
  wastedSeconds: number;
  wastedFraction: number;
  remainingSeconds: number;
  stagesToRedo: number;
  totalSeconds: number;
} {
  if (!Array.isArray(stageSeconds) || stageSeconds.length === 0) {
    throw new PhysicsError('stageSeconds', stageSeconds, 'a non-empty array of stage durations in seconds');
  }
  stageSeconds.forEach((d, i) => nonNegative(`stageSeconds[${i}]`, d));
  const N = integerAtLeast('stage', stage, 1);
  if (N > stageSeconds.length) throw new PhysicsError('stage', stage, `a stage from 1 to ${stageSeconds.length}`);
  const total = stageSeconds.reduce((s, d) => s + d, 0);
  const wasted = stageSeconds.slice(0, N - 1).reduce((s, d) => s + d, 0);
  return {
    wastedSeconds: wasted,
    wastedFraction: total === 0 ? 0 : wasted / total,
    remainingSeconds: total - wasted,
    stagesToRedo: stageSeconds.length - N + 1,
    totalSeconds: total,
  };
}

// ---------------------------------------------------------------------------------------------
// Iteration velocity (v1-03 Act II)
// ---------------------------------------------------------------------------------------------

/**
 * Whole iterations that fit in a window: k = ⌊T/t_cycle⌋. 26 weeks of 1-week cycles: 26; of
 * 1-hour cycles: 4,368. (A relative guard of 1e-12 absorbs floating-point error in T/t.)
 */
export function iterationsInWindow({ windowSeconds, cycleSeconds }: { windowSeconds: number; cycleSeconds: number }): number {
  const T = nonNegative('windowSeconds', windowSeconds);
  const c = positive('cycleSeconds', cycleSeconds);
  return Math.floor((T / c) * (1 + 1e-12));
}

/** One model in an {@link iterationRace}. Accuracies are fractions. */
export interface IterationModel {
  /** A₀, accuracy before the first iteration. */
  initial: number;
  /** Δa, gain of the first iteration. */
  gainPerIteration: number;
  /** r ∈ (0, 1]: each iteration gains r× the previous one (1 = no saturation). */
  decay: number;
  /** Time per iteration, s. */
  cycleSeconds: number;
}

/**
 * Accuracy after k iterations whose gains shrink geometrically:
 * A_k = min(A₀ + Δa·(1 − r^k)/(1 − r), A_max); r = 1 gives the linear A₀ + Δa·k.
 * The asymptote (k → ∞) is A₀ + Δa/(1 − r).
 * v1-03: A₀ 0.95, Δa 0.0015, r 0.95, k 26 → 0.95 + 0.03·(1 − 0.95²⁶) = 0.97209; the small model
 * (0.90, 0.001, r 0.95) tops out at 0.92 — below the large model's start, so no crossover exists
 * at the reference defaults (v1-03 Critique).
 * @param ceiling A_max (default 1)
 */
export function saturatingAccuracy({
  initial,
  gainPerIteration,
  decay,
  iterations,
  ceiling = 1,
}: {
  initial: number;
  gainPerIteration: number;
  decay: number;
  iterations: number;
  ceiling?: number;
}): { accuracy: number; asymptote: number } {
  const a0 = fraction('initial', initial);
  const da = nonNegative('gainPerIteration', gainPerIteration);
  const r = inRange('decay', decay, 0, 1, { loOpen: true });
  const k = integerAtLeast('iterations', iterations, 0);
  const cap = fraction('ceiling', ceiling);
  const gained = r === 1 ? da * k : (da * (1 - Math.pow(r, k))) / (1 - r);
  const asymptote = r === 1 ? (da === 0 ? a0 : Infinity) : a0 + da / (1 - r);
  return { accuracy: Math.min(a0 + gained, cap), asymptote: Math.min(asymptote, cap) };
}

/**
 * Race between two iterating models over a window, sampled every `sampleSeconds` (default one
 * week): at each sample t_j = j·Δ the iterations are ⌊t_j/t_cycle⌋ and accuracy follows
 * {@link saturatingAccuracy}. `crossoverSeconds` is the first sample at which `b` ≥ `a`
 * (null if never).
 * v1-03 with r = 0.99: large (0.95, 0.0015, 1 week) vs small (0.90, 0.001, 1 h): at week 1
 * 0.9515 vs 0.9815 → crossover at week 1; small cycle 4 h → week 2; r = 0.95 → never.
 */
export function iterationRace({
  a,
  b,
  windowSeconds,
  sampleSeconds = 7 * DAY,
  ceiling = 1,
}: {
  a: IterationModel;
  b: IterationModel;
  windowSeconds: number;
  sampleSeconds?: number;
  ceiling?: number;
}): { times: number[]; a: number[]; b: number[]; crossoverSeconds: number | null; finalA: number; finalB: number } {
  const T = nonNegative('windowSeconds', windowSeconds);
  const dt = positive('sampleSeconds', sampleSeconds);
  const models = { a, b };
  for (const key of ['a', 'b'] as const) {
    const m = models[key];
    if (m === null || typeof m !== 'object') throw new PhysicsError(key, m, 'an object { initial, gainPerIteration, decay, cycleSeconds }');
    positive(`${key}.cycleSeconds`, m.cycleSeconds);
  }
  const n = Math.floor((T / dt) * (1 + 1e-12));
  const times: number[] = [],
    accA: number[] = [],
    accB: number[] = [];
  let crossover: number | null = null;
  const at = (m: IterationModel, t: number) =>
    saturatingAccuracy({
      initial: m.initial,
      gainPerIteration: m.gainPerIteration,
      decay: m.decay,
      ceiling,
      iterations: iterationsInWindow({ windowSeconds: t, cycleSeconds: m.cycleSeconds }),
    }).accuracy;
  for (let j = 0; j <= n; j++) {
    const t = j * dt;
    const ya = at(a, t),
      yb = at(b, t);
    times.push(t);
    accA.push(ya);
    accB.push(yb);
    if (crossover === null && yb >= ya) crossover = t;
  }
  return { times, a: accA, b: accB, crossoverSeconds: crossover, finalA: accA[accA.length - 1], finalB: accB[accB.length - 1] };
}

// ---------------------------------------------------------------------------------------------
// Input pipeline (v1-04 Act I, corrected)
// ---------------------------------------------------------------------------------------------

/**
 * Mean size of an ImageNet training JPEG on disk, B (ILSVRC-2012 train: ≈ 138 GB over
 * 1.28 M images).
 */
export const IMAGENET_MEAN_JPEG_BYTES: Sourced = sourced(
  110e3,
  'B',
  'ILSVRC-2012 training set ≈ 138 GB / 1,281,167 images ≈ 108 KB (Russakovsky et al. 2015); v1-04 brief Critique "≈ 110 KB"',
  'v1-04 read decoded FP32 tensors (224 × 224 × 3 × 4 B = 602,112 B) from disk, 5.5× too much.',
);

/**
 * One step of an input pipeline feeding an accelerator (v1-04, corrected model):
 * t_io = B·s_disk / BW_storage (compressed bytes from one storage device; more DataLoader
 * workers do not make one disk faster), t_pre = B·t_decode / W (CPU decode and augmentation
 * spread over W workers), then {@link acceleratorUtilization} (default `pipelined`: the three
 * overlap, η = t_c / max(t_c, t_io, t_pre)).
 * Corrections: the reference read decoded FP32 tensors, scaled disk bandwidth with workers
 * (min(w, 8)/4, capped at 2×) and set t_pre = 0.2·t_io, so decode cost fell as the disk got faster.
 * 64 JPEGs of 110 KB from an HDD (0.15 GB/s): t_io = 7.04 MB / 0.15 GB/s = 46.93 ms.
 */
export function inputPipelineStep({
  batch,
  bytesPerSample,
  storageBandwidth,
  decodeSecondsPerSample,
  workers,
  computeSeconds,
  mode = 'pipelined',
}: {
  batch: number;
  bytesPerSample: number;
  storageBandwidth: number;
  decodeSecondsPerSample: number;
  workers: number;
  computeSeconds: number;
  mode?: FeedMode;
}): FeedResult & { loadSeconds: number; preprocessSeconds: number; bytesPerBatch: number } {
  const B = integerAtLeast('batch', batch, 1);
  const s = nonNegative('bytesPerSample', bytesPerSample);
  const bw = positive('storageBandwidth', storageBandwidth);
  const d = nonNegative('decodeSecondsPerSample', decodeSecondsPerSample);
  const W = integerAtLeast('workers', workers, 1);
  const bytesPerBatch = B * s;
  const loadSeconds = bytesPerBatch / bw;
  const preprocessSeconds = (B * d) / W;
  const feed = acceleratorUtilization({ computeSeconds, loadSeconds, preprocessSeconds, mode });
  return { ...feed, loadSeconds, preprocessSeconds, bytesPerBatch };
}
