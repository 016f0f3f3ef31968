/**
 * Operations: drift (PSI), accuracy decay and retraining economics, data selection and
 * annotation cost, infrastructure TCO, storage and data-loader throughput, fleet queueing.
 *
 * Units: time s, money USD, bytes B, rates per second; accuracies and utilisations are fractions.
 *
 * Corrections against the reference labs (see docs/physics/operations-compression-responsible.md):
 * - v1-14: PSI = KL(a‖e) + KL(e‖a) exactly (Jeffreys divergence), not "≈".
 * - v1-14: the staleness-cost curve is plotted with the same function that is minimised; the
 *   reference's curve carried a stray /1000 and put its minimum √1000 ≈ 31.6× away from T*.
 * - v1-09: the curriculum speedup is clamped to the 2–3× range the lab states (the reference
 *   reached 3.25×).
 * - v1-16: cost per request divides the fleet's cost by the requests actually served,
 *   min(demand, delivered capacity), not by the demand (`costPerRequest`).
 * - v2-01: all three pair-wise break-even utilisations are reported (on-demand/reserved at 1 − d,
 *   on-demand/owned, reserved/owned); the cheapest option is computed, not assumed.
 * - v2-04: storage bandwidth is the minimum of what the disks deliver for the access pattern and
 *   what the network carries (the reference scaled every pattern by the network cap); prefetch
 *   depth hides jitter, not a bandwidth deficit, so steady-state utilisation is t_c/max(t_c, t_io);
 *   metadata load is derived from samples/s ÷ samples per file (no double-counted "pressure").
 */
import { PhysicsError, fraction, inRange, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';
import { mmc } from './serving.js';

function distribution(name: string, v: unknown): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new PhysicsError(name, v, 'a non-empty array of bin counts or fractions');
  const xs = v.map((x, i) => nonNegative(`${name}[${i}]`, x));
  const total = xs.reduce((s, x) => s + x, 0);
  if (total <= 0) throw new PhysicsError(name, v, 'bins with a positive total');
  return xs.map((x) => x / total);
}

function pairedDistributions(expected: unknown, actual: unknown, epsilon: unknown): [number[], number[]] {
  const e = distribution('expected', expected);
  const a = distribution('actual', actual);
  if (a.length !== e.length) throw new PhysicsError('actual', actual, `an array of ${e.length} bins (same binning as expected)`);
  const eps = inRange('epsilon', epsilon, 0, 1, { loOpen: true, hiOpen: true });
  return [e.map((x) => Math.max(x, eps)), a.map((x) => Math.max(x, eps))];
}

// ---------------------------------------------------------------------------------------------
// Drift: population stability index
// ---------------------------------------------------------------------------------------------

/** Conventional PSI bands: < 0.10 stable, 0.10–0.25 moderate shift, ≥ 0.25 significant shift. */
export const PSI_THRESHOLDS = {
  warning: sourced(0.1, '1', 'Siddiqi, "Credit Risk Scorecards" (Wiley 2006), population stability: PSI < 0.1 no significant change'),
  drift: sourced(
    0.25,
    '1',
    'Siddiqi 2006: PSI ≥ 0.25 significant population shift; also Yurdakul 2018, "Statistical Properties of the Population Stability Index"',
  ),
} as const;

/** The ML-Ops chapter's bands (v1-14): < 0.1 stable, 0.1–0.2 warning, ≥ 0.2 retrain. */
export const PSI_THRESHOLDS_CHAPTER = {
  warning: sourced(0.1, '1', 'ml_ops.qmd @tbl-feature-distribution-thresholds (v1-14 brief)'),
  drift: sourced(0.2, '1', 'ml_ops.qmd @tbl-feature-distribution-thresholds (v1-14 brief)'),
} as const;

/** Default floor for empty bins when computing PSI/KL. */
export const PSI_EMPTY_BIN_EPSILON = sourced(
  1e-4,
  '1',
  "common practice: replace an empty bin's share by a small ε so ln(a/e) stays finite",
  'An empty bin then contributes (x − ε)·ln(x/ε), e.g. 0.05·ln(500) = 0.31 for a 5 % bin that vanishes.',
);

/**
 * Per-bin PSI terms (aᵢ − eᵢ)·ln(aᵢ/eᵢ) for training (expected) and serving (actual) histograms
 * over the same bins. Inputs may be counts or fractions (each is normalised); shares below ε
 * (default 1e-4) are raised to ε so empty bins give a large but finite term.
 */
export function psiContributions(expected: readonly number[], actual: readonly number[], options: { epsilon?: number } = {}): number[] {
  const [e, a] = pairedDistributions(expected, actual, options.epsilon ?? PSI_EMPTY_BIN_EPSILON.value);
  return e.map((ei, i) => (a[i] - ei) * Math.log(a[i] / ei));
}

/**
 * Population stability index PSI = Σᵢ (aᵢ − eᵢ)·ln(aᵢ/eᵢ) between a training (expected) and a
 * serving (actual) distribution on the same bins. Symmetric, ≥ 0, and exactly
 * KL(a‖e) + KL(e‖a) (Jeffreys divergence).
 */
export function populationStabilityIndex(
  expected: readonly number[],
  actual: readonly number[],
  options: { epsilon?: number } = {},
): number {
  return psiContributions(expected, actual, options).reduce((s, t) => s + t, 0);
}

/** Kullback–Leibler divergence KL(p‖q) = Σ pᵢ ln(pᵢ/qᵢ) in nats, with the same normalisation and ε floor as PSI. */
export function klDivergence(p: readonly number[], q: readonly number[], options: { epsilon?: number } = {}): number {
  const [qq, pp] = pairedDistributions(q, p, options.epsilon ?? PSI_EMPTY_BIN_EPSILON.value);
  return pp.reduce((s, pi, i) => s + pi * Math.log(pi / qq[i]), 0);
}

export type PsiStatus = 'stable' | 'warning' | 'drift';

/**
 * Status band of a PSI value: 'stable' below the warning threshold, 'drift' at or above the drift
 * threshold, 'warning' between. Defaults are the conventional 0.10 / 0.25; v1-14 passes the
 * chapter's 0.10 / 0.20 (`PSI_THRESHOLDS_CHAPTER`).
 */
export function psiStatus(
  psi: number,
  thresholds: { warning: number; drift: number } = { warning: PSI_THRESHOLDS.warning.value, drift: PSI_THRESHOLDS.drift.value },
): PsiStatus {
  const v = nonNegative('psi', psi);
  const w = nonNegative('thresholds.warning', thresholds?.warning);
  const d = inRange('thresholds.drift', thresholds.drift, w, Infinity);
  return v >= d ? 'drift' : v >= w ? 'warning' : 'stable';
}

/**
 * A feature's PSI growing as a power of time since deployment, PSI(t) = k·t^e for t > 0 (0 at
 * t = 0) — v1-14's scenario curves (k, e) = (0.028, 0.75), (0.018, 0.80), (0.012, 0.85) with t in
 * weeks. t and k must use the same time unit.
 */
export function psiPowerLaw(args: { t: number; coefficient: number; exponent: number }): number {
  const t = nonNegative('t', args.t);
  return t === 0 ? 0 : nonNegative('coefficient', args.coefficient) * t ** positive('exponent', args.exponent);
}

/** Time at which PSI(t) = k·t^e reaches a threshold: t = (threshold/k)^(1/e) (v1-14: Transaction Amount 13.76 weeks). */
export function psiCrossingTime(args: { threshold: number; coefficient: number; exponent: number }): number {
  return (positive('threshold', args.threshold) / positive('coefficient', args.coefficient)) ** (1 / positive('exponent', args.exponent));
}

// ---------------------------------------------------------------------------------------------
// Accuracy decay
// ---------------------------------------------------------------------------------------------

/** Exponential decay rate λ = −ln(A₁/A₀)/Δt from two accuracy observations (v1-14: 0.94 → 0.87 over 6 months ⇒ 0.0129/month). */
export function decayRateFromObservations(args: { initial: number; later: number; elapsed: number }): number {
  const a0 = inRange('initial', args.initial, 0, 1, { loOpen: true });
  const a1 = inRange('later', args.later, 0, 1, { loOpen: true });
  return -Math.log(a1 / a0) / positive('elapsed', args.elapsed);
}

/** Accuracy under exponential decay A(t) = A₀·e^{−λt} (ml_ops.qmd @eq-accuracy-decay). */
export function accuracyExponentialDecay(args: { initial: number; rate: number; elapsed: number }): number {
  return fraction('initial', args.initial) * Math.exp(-nonNegative('rate', args.rate) * nonNegative('elapsed', args.elapsed));
}

/**
 * Accuracy under linear decay A(t) = max(floor, A₀ − r·t). Covers "7 pp lost over D days"
 * (r = 0.07/D), v1-16's 0.001/day drift, and A₀ − λ_sens·PSI(t) with r·t replaced by λ_sens·PSI.
 */
export function accuracyLinearDecay(args: { initial: number; rate: number; elapsed: number; floor?: number }): number {
  return Math.max(
    fraction('floor', args.floor ?? 0),
    fraction('initial', args.initial) - nonNegative('rate', args.rate) * nonNegative('elapsed', args.elapsed),
  );
}

/** Time for exponential decay to bring A₀ down to a target: t = ln(A₀/A_target)/λ (0 if already below). */
export function timeToAccuracy(args: { initial: number; rate: number; target: number }): number {
  const a0 = fraction('initial', args.initial);
  const target = inRange('target', args.target, 0, 1, { loOpen: true });
  const rate = positive('rate', args.rate);
  return target >= a0 ? 0 : Math.log(a0 / target) / rate;
}

// ---------------------------------------------------------------------------------------------
// Retraining economics
// ---------------------------------------------------------------------------------------------

/**
 * Growth rate of the staleness cost: a model losing Δ accuracy over a window D, each unit of
 * accuracy worth v per second, costs v·(Δ/D)·t per second at age t, so c = v·Δ/D (USD/s²).
 * v1-14: 7 pp over 14 days at $1K per pp per day ⇒ $500 per day².
 */
export function driftCostRate(args: { accuracyDrop: number; dropWindow: number; valuePerAccuracyPerSecond: number }): number {
  return (
    (fraction('accuracyDrop', args.accuracyDrop) * nonNegative('valuePerAccuracyPerSecond', args.valuePerAccuracyPerSecond)) /
    positive('dropWindow', args.dropWindow)
  );
}

/**
 * Average cost per second of retraining every T seconds: retraining C_r/T plus staleness c·T/2
 * (the staleness cost c·t integrated over one interval, c·T²/2, divided by T) — ml_ops.qmd
 * @eq-staleness-cost. Plot this function against T and its minimum is `optimalRetrainInterval`.
 */
export function retrainingCostRate(args: { retrainCost: number; driftCostRate: number; interval: number }): {
  retraining: number;
  staleness: number;
  total: number;
} {
  const T = positive('interval', args.interval);
  const retraining = nonNegative('retrainCost', args.retrainCost) / T;
  const staleness = (nonNegative('driftCostRate', args.driftCostRate) * T) / 2;
  return { retraining, staleness, total: retraining + staleness };
}

/**
 * Retraining interval minimising `retrainingCostRate`: dC/dT = −C_r/T² + c/2 = 0 ⇒
 * T* = √(2·C_r/c) (ml_ops.qmd @eq-optimal-retrain; the EOQ square-root law, Harris 1913).
 * 4× retraining cost ⇒ 2× interval. At T* both terms are equal and the total is √(2·C_r·c).
 */
export function optimalRetrainInterval(args: { retrainCost: number; driftCostRate: number }): number {
  return Math.sqrt((2 * positive('retrainCost', args.retrainCost)) / positive('driftCostRate', args.driftCostRate));
}

/** Break-even time of an automation investment: upfront cost ÷ saving per second (v1-14: 80 h ÷ 4 h/week = 20 weeks). */
export function automationBreakEven(args: { upfrontCost: number; savingsRate: number }): number {
  return nonNegative('upfrontCost', args.upfrontCost) / positive('savingsRate', args.savingsRate);
}

// ---------------------------------------------------------------------------------------------
// Data selection, curriculum and annotation (v1-09)
// ---------------------------------------------------------------------------------------------

/** v1-09's illustrative data-scaling reference: 50,000 steps at 1 M images, steps ∝ N^0.7. */
export const DATA_SCALING_REFERENCE = {
  examples: sourced(1e6, '1', 'v1-09 brief (data_selection.qmd, claimed; illustrative)'),
  steps: sourced(5e4, '1', 'v1-09 brief (data_selection.qmd, claimed; illustrative)'),
  exponent: sourced(0.7, '1', 'v1-09 brief: "steps ∝ D^0.7 for vision" (claimed; illustrative)'),
} as const;

/** Speedup range of a good easy→hard curriculum over random order. */
export const CURRICULUM_SPEEDUP_RANGE = {
  min: sourced(2, '1', 'v1-09 brief: data_selection.qmd and Bengio et al. 2009, "Curriculum Learning" (2–3×)'),
  max: sourced(3, '1', 'v1-09 brief: data_selection.qmd and Bengio et al. 2009 (2–3×)'),
} as const;

/** Steps to converge on N examples: S = S_ref·(max(N, 1)/N_ref)^γ (v1-09: 50,000·(N/1e6)^0.7). */
export function stepsToConverge(args: {
  examples: number;
  referenceExamples?: number;
  referenceSteps?: number;
  exponent?: number;
}): number {
  const N = nonNegative('examples', args.examples);
  const Nref = positive('referenceExamples', args.referenceExamples ?? DATA_SCALING_REFERENCE.examples.value);
  const Sref = positive('referenceSteps', args.referenceSteps ?? DATA_SCALING_REFERENCE.steps.value);
  const g = nonNegative('exponent', args.exponent ?? DATA_SCALING_REFERENCE.exponent.value);
  return Sref * (Math.max(N, 1) / Nref) ** g;
}

export type OrderingMethod = 'random' | 'easy_first' | 'hard_first' | 'curriculum';
const ORDERING_METHODS: readonly OrderingMethod[] = ['random', 'easy_first', 'hard_first', 'curriculum'];

/**
 * Convergence speedup of a data-ordering method over random order as v1-09 models it, with
 * quality bonus b = 1 + 0.3·q (q = fraction passing the quality filter):
 * random 1; easy-first 1.3·b; hard-first 0.7; curriculum 2.5·min(b, 1.4) clamped to [2, 3]
 * (the reference reached 3.25×, outside its own 2–3× claim).
 */
export function orderingSpeedup(args: { method: OrderingMethod; qualityFraction: number }): number {
  const m = oneOf('method', args.method, ORDERING_METHODS);
  const bonus = 1 + 0.3 * fraction('qualityFraction', args.qualityFraction);
  switch (m) {
    case 'random':
      return 1;
    case 'easy_first':
      return 1.3 * bonus;
    case 'hard_first':
      return 0.7;
    default:
      return Math.min(CURRICULUM_SPEEDUP_RANGE.max.value, Math.max(CURRICULUM_SPEEDUP_RANGE.min.value, 2.5 * Math.min(bonus, 1.4)));
  }
}

/**
 * One v1-09 training run: N_eff = N·q examples pass the filter, S_base = stepsToConverge(N_eff),
 * S = S_base / speedup(method), wall-clock = S / steps-per-second.
 */
export function dataSelectionRun(args: { examples: number; qualityFraction: number; method: OrderingMethod; stepsPerSecond: number }): {
  effectiveExamples: number;
  baseSteps: number;
  speedup: number;
  steps: number;
  seconds: number;
} {
  const q = fraction('qualityFraction', args.qualityFraction);
  const effectiveExamples = nonNegative('examples', args.examples) * q;
  const baseSteps = stepsToConverge({ examples: effectiveExamples });
  const speedup = orderingSpeedup({ method: args.method, qualityFraction: q });
  const steps = baseSteps / speedup;
  return { effectiveExamples, baseSteps, speedup, steps, seconds: steps / positive('stepsPerSecond', args.stepsPerSecond) };
}

/**
 * Exponential curriculum pacing (Hacohen & Weinshall 2019, "On the Power of Curriculum Learning in
 * Training Deep Networks", ICML; v1-09 MathPeek): at normalised training progress t ∈ [0, 1] the
 * learner samples from the easiest λ(t) = min(1, λ₀·e^{αt}) of the data, λ₀ the starting fraction
 * (0.2 = easiest 20 %) and α ≥ 0 the pacing rate. The schedule reaches the full dataset at
 * t_full = ln(1/λ₀)/α (0 when λ₀ = 1, ∞ when α = 0); when t_full > 1 the hardest examples are never
 * seen during training. Given the dataset size N, `examples` is the pool size ⌊λ(t)·N⌋ (at least 1).
 */
export function curriculumPacing(args: { initialFraction: number; rate: number; progress: number; examples?: number }): {
  fraction: number;
  examples: number | null;
  fullDatasetProgress: number;
  reachesFullDataset: boolean;
} {
  const l0 = inRange('initialFraction', args.initialFraction, 0, 1, { loOpen: true });
  const a = nonNegative('rate', args.rate);
  const t = fraction('progress', args.progress);
  const f = Math.min(1, l0 * Math.exp(a * t));
  const full = l0 === 1 ? 0 : a === 0 ? Infinity : -Math.log(l0) / a;
  let n: number | null = null;
  if (args.examples !== undefined) {
    const N = integerAtLeast('examples', args.examples, 1);
    // the relative nudge keeps a product such as 0.29999999999999993·1000 from dropping an example
    n = Math.min(N, Math.max(1, Math.floor(f * N * (1 + 1e-12))));
  }
  return { fraction: f, examples: n, fullDatasetProgress: full, reachesFullDataset: full <= 1 };
}

/**
 * Difficulty of an example for a curriculum (v1-09 MathPeek; Hacohen & Weinshall 2019 score examples
 * with a pretrained reference model θ₀): difficulty(xᵢ) = 1 − P(correct | xᵢ, θ₀), where the
 * probability is the reference model's confidence in the true label.
 */
export function exampleDifficulty(probabilityCorrect: number): number {
  return 1 - fraction('probabilityCorrect', probabilityCorrect);
}

/**
 * Easy-to-hard ordering of a dataset from each example's P(correct | xᵢ, θ₀): difficulties
 * 1 − pᵢ and the example indices sorted by ascending difficulty (ties keep index order). The first
 * `curriculumPacing(...).examples` indices of `order` are the pool at progress t.
 */
export function curriculumOrder(probabilitiesCorrect: readonly number[]): { difficulty: number[]; order: number[] } {
  if (!Array.isArray(probabilitiesCorrect) || probabilitiesCorrect.length === 0) {
    throw new PhysicsError('probabilitiesCorrect', probabilitiesCorrect, 'a non-empty array of probabilities in [0, 1]');
  }
  const difficulty = probabilitiesCorrect.map((p, i) => 1 - fraction(`probabilitiesCorrect[${i}]`, p));
  const order = difficulty.map((_, i) => i).sort((i, j) => difficulty[i] - difficulty[j] || i - j);
  return { difficulty, order };
}

/**
 * Annotation cost = items × cost per item, with the per-item cost given directly or as
 * hourly wage ÷ items per annotator-hour. v1-09 used both $0.05/image and $15/h ÷ 500/h =
 * $0.03/image for the same task; a lab should pick one.
 */
export function annotationCost(args: { items: number; costPerItem?: number; hourlyWage?: number; itemsPerHour?: number }): {
  costPerItem: number;
  hours: number;
  cost: number;
} {
  const n = nonNegative('items', args.items);
  if (args.costPerItem !== undefined) {
    const c = nonNegative('costPerItem', args.costPerItem);
    return {
      costPerItem: c,
      hours: args.itemsPerHour !== undefined ? n / positive('itemsPerHour', args.itemsPerHour) : Number.NaN,
      cost: n * c,
    };
  }
  if (args.hourlyWage === undefined || args.itemsPerHour === undefined)
    throw new PhysicsError('costPerItem', args.costPerItem, 'a cost per item, or both hourlyWage and itemsPerHour');
  const rate = positive('itemsPerHour', args.itemsPerHour);
  const c = nonNegative('hourlyWage', args.hourlyWage) / rate;
  return { costPerItem: c, hours: n / rate, cost: n * c };
}

/** Label efficiency of a selection strategy: the budget multiplier inside the accuracy curve (v1-09). */
export const LABEL_EFFICIENCY = {
  random: sourced(1.0, '1', 'v1-09 brief (baseline)'),
  active_uncertainty: sourced(1.85, '1', 'v1-09 brief, data_selection.qmd §Active Learning (claimed)'),
  active_diversity: sourced(1.7, '1', 'v1-09 brief, data_selection.qmd §Active Learning (claimed)'),
  full_budget: sourced(0.9, '1', 'v1-09 brief ("diminishing returns on marginal examples")'),
} as const;

/** v1-09 accuracy-curve fits per model size: floor, gain (fractions) and budget scale (USD). */
export const ANNOTATION_CURVE_FITS: Readonly<Record<'small' | 'medium' | 'large', { floor: Sourced; gain: Sourced; scale: Sourced }>> =
  (() => {
    const fit = (model: string, floor: number, gain: number, scale: number) => {
      const src = `v1-09 brief: ${model} accuracy curve ("larger models need more data"; lab calibration)`;
      return { floor: sourced(floor, '1', src), gain: sourced(gain, '1', src), scale: sourced(scale, 'USD', src) };
    };
    return {
      small: fit('ResNet-18', 0.62, 0.14, 8000),
      medium: fit('ResNet-50', 0.65, 0.155, 12000),
      large: fit('ViT-B/16', 0.6, 0.18, 20000),
    };
  })();

/**
 * Accuracy reached with an annotation budget B and label efficiency e (fractions):
 * - 'log' (v1-09): min(ceiling, floor + gain·ln(1 + B·e/scale));
 * - 'saturating' (the critique's fix, so strategies stay apart near the ceiling):
 *   floor + (ceiling − floor)·(1 − e^{−B·e/scale}).
 */
export function annotationAccuracy(args: {
  budget: number;
  labelEfficiency: number;
  floor: number;
  gain?: number;
  scale: number;
  ceiling?: number;
  form?: 'log' | 'saturating';
}): number {
  const B = nonNegative('budget', args.budget);
  const e = positive('labelEfficiency', args.labelEfficiency);
  const floor = fraction('floor', args.floor);
  const scale = positive('scale', args.scale);
  const ceiling = inRange('ceiling', args.ceiling ?? 0.85, floor, 1);
  const form = oneOf('form', args.form ?? 'log', ['log', 'saturating'] as const);
  if (form === 'saturating') return floor + (ceiling - floor) * (1 - Math.exp((-B * e) / scale));
  return Math.min(ceiling, floor + nonNegative('gain', args.gain) * Math.log1p((B * e) / scale));
}

/**
 * Budget at which `annotationAccuracy` reaches a target: log form B = scale·(e^{(target−floor)/gain} − 1)/e;
 * saturating form B = −scale·ln(1 − (target−floor)/(ceiling−floor))/e. Infinity if the target is at or
 * above the ceiling; 0 if at or below the floor.
 */
export function budgetForAccuracy(args: {
  target: number;
  labelEfficiency: number;
  floor: number;
  gain?: number;
  scale: number;
  ceiling?: number;
  form?: 'log' | 'saturating';
}): number {
  const target = fraction('target', args.target);
  const e = positive('labelEfficiency', args.labelEfficiency);
  const floor = fraction('floor', args.floor);
  const scale = positive('scale', args.scale);
  const ceiling = inRange('ceiling', args.ceiling ?? 0.85, floor, 1);
  const form = oneOf('form', args.form ?? 'log', ['log', 'saturating'] as const);
  if (target <= floor) return 0;
  if (target > ceiling || (form === 'saturating' && target === ceiling)) return Infinity;
  if (form === 'saturating') return (-scale * Math.log(1 - (target - floor) / (ceiling - floor))) / e;
  return (scale * Math.expm1((target - floor) / positive('gain', args.gain))) / e;
}

/** Predictive entropy H = −Σ p ln p (nats): the expected information gain of labelling an example (uncertainty sampling). */
export function predictiveEntropy(probabilities: readonly number[]): number {
  if (!Array.isArray(probabilities) || probabilities.length === 0)
    throw new PhysicsError('probabilities', probabilities, 'a non-empty array of class probabilities');
  const total = probabilities.reduce((s, p, i) => s + nonNegative(`probabilities[${i}]`, p), 0);
  if (Math.abs(total - 1) > 1e-6) throw new PhysicsError('probabilities', probabilities, 'probabilities that sum to 1');
  return -probabilities.reduce((s, p) => (p > 0 ? s + p * Math.log(p) : s), 0);
}

/**
 * Economics of training on a selected subset (coreset): scoring all N examples costs N·c_s,
 * training E epochs on the kept fraction f costs f·N·c_t·E, against N·c_t·E for the full set.
 * Selection pays off iff f < f* = 1 − c_s/(c_t·E).
 */
export function coresetEconomics(args: {
  examples: number;
  keepFraction: number;
  scoringCostPerExample: number;
  trainingCostPerExample: number;
  epochs: number;
}): { fullCost: number; selectedCost: number; savings: number; breakEvenKeepFraction: number } {
  const N = nonNegative('examples', args.examples);
  const f = fraction('keepFraction', args.keepFraction);
  const cs = nonNegative('scoringCostPerExample', args.scoringCostPerExample);
  const ct = positive('trainingCostPerExample', args.trainingCostPerExample);
  const E = positive('epochs', args.epochs);
  const fullCost = N * ct * E;
  const selectedCost = N * cs + f * N * ct * E;
  return { fullCost, selectedCost, savings: fullCost - selectedCost, breakEvenKeepFraction: 1 - cs / (ct * E) };
}

// ---------------------------------------------------------------------------------------------
// Total cost of ownership (v2-01)
// ---------------------------------------------------------------------------------------------

/** Cost of on-demand cloud devices billed only while used: N·u·t·p (p in USD per device-second). */
export function onDemandCost(args: { devices: number; utilization: number; seconds: number; pricePerDeviceSecond: number }): number {
  return (
    nonNegative('devices', args.devices) *
    fraction('utilization', args.utilization) *
    nonNegative('seconds', args.seconds) *
    nonNegative('pricePerDeviceSecond', args.pricePerDeviceSecond)
  );
}

/** Cost of reserved devices billed every second whatever the use: N·t·p·(1 − discount). */
export function reservedCost(args: { devices: number; seconds: number; pricePerDeviceSecond: number; discount: number }): number {
  return (
    nonNegative('devices', args.devices) *
    nonNegative('seconds', args.seconds) *
    nonNegative('pricePerDeviceSecond', args.pricePerDeviceSecond) *
    (1 - fraction('discount', args.discount))
  );
}

export interface OwnedCostArgs {
  devices: number;
  purchasePrice: number;
  seconds: number;
  utilization: number;
  powerW: number;
  idlePowerW?: number;
  pue: number;
  energyPrice: number;
  staffPerDeviceSecond?: number;
  lifetimeSeconds?: number;
}

/**
 * Cost of owning devices over a horizon t:
 * capex = N·price·min(1, t/lifetime) (straight-line amortisation; lifetime defaults to t, i.e. the
 * whole purchase is charged), energy = N·(P_idle + (P − P_idle)·u)·t·PUE·price (PUE applied once:
 * IT power plus cooling), staff = N·t·staff rate.
 */
export function ownedCost(args: OwnedCostArgs): { capex: number; energy: number; staff: number; total: number } {
  const N = nonNegative('devices', args.devices);
  const t = nonNegative('seconds', args.seconds);
  const life = positive('lifetimeSeconds', args.lifetimeSeconds ?? Math.max(t, Number.MIN_VALUE));
  const P = nonNegative('powerW', args.powerW);
  const idle = inRange('idlePowerW', args.idlePowerW ?? 0, 0, P);
  const capex = N * nonNegative('purchasePrice', args.purchasePrice) * Math.min(1, t / life);
  const energy =
    N *
    (idle + (P - idle) * fraction('utilization', args.utilization)) *
    t *
    inRange('pue', args.pue, 1, Infinity) *
    nonNegative('energyPrice', args.energyPrice);
  const staff = N * t * nonNegative('staffPerDeviceSecond', args.staffPerDeviceSecond ?? 0);
  return { capex, energy, staff, total: capex + energy + staff };
}

export type TcoOption = 'on-demand' | 'reserved' | 'owned';

/**
 * On-demand vs reserved vs owned over the same horizon, the cheapest (ties: on-demand, reserved,
 * owned) and the break-even utilisations where two options cost the same: on-demand/reserved at
 * u = 1 − discount; on-demand/owned and reserved/owned where the owned line (fixed + variable·u)
 * crosses. A break-even is null when the lines do not cross for u in [0, 1].
 */
export function tcoComparison(args: OwnedCostArgs & { pricePerDeviceSecond: number; reservedDiscount: number }): {
  onDemand: number;
  reserved: number;
  owned: ReturnType<typeof ownedCost>;
  cheapest: TcoOption;
  breakEven: { onDemandVsReserved: number; onDemandVsOwned: number | null; reservedVsOwned: number | null };
} {
  const onDemand = onDemandCost({
    devices: args.devices,
    utilization: args.utilization,
    seconds: args.seconds,
    pricePerDeviceSecond: args.pricePerDeviceSecond,
  });
  const reserved = reservedCost({
    devices: args.devices,
    seconds: args.seconds,
    pricePerDeviceSecond: args.pricePerDeviceSecond,
    discount: args.reservedDiscount,
  });
  const owned = ownedCost(args);
  const at0 = ownedCost({ ...args, utilization: 0 }).total;
  const slope = ownedCost({ ...args, utilization: 1 }).total - at0;
  const odSlope = onDemandCost({
    devices: args.devices,
    utilization: 1,
    seconds: args.seconds,
    pricePerDeviceSecond: args.pricePerDeviceSecond,
  });
  const inUnit = (u: number): number | null => (Number.isFinite(u) && u >= 0 && u <= 1 ? u : null);
  const odOwned = odSlope - slope > 0 ? inUnit(at0 / (odSlope - slope)) : null;
  const riOwned = slope > 0 ? inUnit((reserved - at0) / slope) : null;
  const costs: Array<[TcoOption, number]> = [
    ['on-demand', onDemand],
    ['reserved', reserved],
    ['owned', owned.total],
  ];
  const cheapest = costs.reduce((best, c) => (c[1] < best[1] ? c : best))[0];
  return {
    onDemand,
    reserved,
    owned,
    cheapest,
    breakEven: { onDemandVsReserved: 1 - args.reservedDiscount, onDemandVsOwned: odOwned, reservedVsOwned: riOwned },
  };
}

/**
 * Serving cost per request against the capacity the fleet actually delivers (v1-16 Critique: the
 * reference divided the fleet's cost by the demanded 600 req/s whatever the fleet could serve, so
 * its cost SLO could never fail). N devices at p USD per device-second cost N·p per second; they
 * serve λ_served = min(λ_demand, capacity) requests/s, so each served request costs N·p/λ_served
 * (∞ when nothing is served, NaN for a free fleet that serves nothing). `atCapacity` =
 * N·p/capacity is the floor reached only at full utilisation; `atDemand` = N·p/λ_demand is the
 * reference's figure, too low whenever capacity falls short of demand. Utilisation is
 * λ_served/capacity (0 for a fleet with no capacity). For LLM serving, capacity = delivered
 * tokens/s ÷ tokens per request.
 */
export function costPerRequest(args: { devices: number; pricePerDeviceSecond: number; demandRate: number; capacityRate: number }): {
  costPerSecond: number;
  servedRate: number;
  unservedRate: number;
  utilization: number;
  perServedRequest: number;
  atCapacity: number;
  atDemand: number;
} {
  const costPerSecond = nonNegative('devices', args.devices) * nonNegative('pricePerDeviceSecond', args.pricePerDeviceSecond);
  const demand = positive('demandRate', args.demandRate);
  const capacity = nonNegative('capacityRate', args.capacityRate);
  const served = Math.min(demand, capacity);
  const per = (rate: number) => (rate > 0 ? costPerSecond / rate : costPerSecond > 0 ? Infinity : Number.NaN);
  return {
    costPerSecond,
    servedRate: served,
    unservedRate: demand - served,
    utilization: capacity > 0 ? served / capacity : 0,
    perServedRequest: per(served),
    atCapacity: per(capacity),
    atDemand: costPerSecond / demand,
  };
}

// ---------------------------------------------------------------------------------------------
// Storage and data loading (v2-04)
// ---------------------------------------------------------------------------------------------

/** Fraction of sequential bandwidth each access pattern achieves (v2-04 lab calibration). */
export const ACCESS_PATTERN_EFFICIENCY = {
  sequential: sourced(0.85, '1', 'v2-04 brief (lab calibration: large sequential shards)'),
  random: sourced(0.07, '1', 'v2-04 brief: "random 4K ≈ 7 % of sequential" (NVMe random 4K ≈ 0.5 GB/s vs 7 GB/s)'),
  prefetch: sourced(0.78, '1', 'v2-04 brief (lab calibration: random reads with read-ahead)'),
} as const;

/** Metadata-server throughput and operations per file open. */
export const METADATA_DEFAULTS = {
  opsPerServer: sourced(50_000, '1/s', 'v2-04 brief: "Lustre typical, enterprise NVMe MDS"'),
  opsPerFile: sourced(3, '1', 'v2-04 brief: open + stat + close'),
  s3GetPerPrefix: sourced(
    5500,
    '1/s',
    'AWS, "Best practices design patterns: optimizing Amazon S3 performance": ≥ 5,500 GET/HEAD requests/s per partitioned prefix',
  ),
} as const;

/**
 * Share of peak loader throughput reached with w DataLoader workers per GPU (v2-04's empirical
 * curve): 0.25 at 1; +0.20 per worker to 4 (0.85); +0.03 per worker to 8 (0.97); then +0.002
 * per worker, capped at 1.
 */
export function loaderWorkerEfficiency(workers: number): number {
  const w = integerAtLeast('workers', workers, 1);
  if (w <= 4) return 0.25 + 0.2 * (w - 1);
  if (w <= 8) return 0.85 + 0.03 * (w - 4);
  return Math.min(1, 0.97 + 0.002 * (w - 8));
}

/**
 * Bandwidth the storage system delivers to the trainers: the disks deliver aggregate × pattern
 * efficiency × loader efficiency, and the storage network carries at most its own bandwidth;
 * delivered = min(disks, network).
 */
export function storageDeliveredBandwidth(args: {
  aggregateBandwidth: number;
  patternEfficiency: number;
  workerEfficiency?: number;
  networkBandwidth?: number;
}): { bandwidth: number; bound: 'storage' | 'network' } {
  const disks =
    nonNegative('aggregateBandwidth', args.aggregateBandwidth) *
    fraction('patternEfficiency', args.patternEfficiency) *
    fraction('workerEfficiency', args.workerEfficiency ?? 1);
  const net = args.networkBandwidth === undefined ? Infinity : positive('networkBandwidth', args.networkBandwidth);
  return disks <= net ? { bandwidth: disks, bound: 'storage' } : { bandwidth: net, bound: 'network' };
}

/** Aggregate read demand of data-parallel trainers: consumers × bytes per step ÷ step time (v2-04: 128 × 4 MB / 50 ms = 10.24 GB/s). */
export function dataLoaderDemand(args: { consumers: number; bytesPerStep: number; stepSeconds: number }): number {
  return (
    (nonNegative('consumers', args.consumers) * nonNegative('bytesPerStep', args.bytesPerStep)) / positive('stepSeconds', args.stepSeconds)
  );
}

/**
 * Steady-state accelerator utilisation when each step needs `bytesPerStep` read at `bandwidth`
 * (per consumer) and `computeSeconds` of compute: t_io = bytes/BW; overlapped loading (prefetch,
 * background workers) gives step = max(t_c, t_io); serial loading gives t_c + t_io;
 * utilisation = t_c/step. Prefetch depth absorbs jitter but cannot hide a bandwidth deficit.
 */
export function dataLoaderUtilization(args: { bytesPerStep: number; bandwidth: number; computeSeconds: number; overlap?: boolean }): {
  ioSeconds: number;
  stallSeconds: number;
  stepSeconds: number;
  utilization: number;
} {
  const tio = nonNegative('bytesPerStep', args.bytesPerStep) / positive('bandwidth', args.bandwidth);
  const tc = positive('computeSeconds', args.computeSeconds);
  const overlap = args.overlap ?? true;
  const step = overlap ? Math.max(tc, tio) : tc + tio;
  return { ioSeconds: tio, stallSeconds: step - tc, stepSeconds: step, utilization: tc / step };
}

/**
 * Throughput of reading whole files of size s from a device limited both by bandwidth BW and by
 * operations per second (IOPS or file opens/s): files/s = min(BW/s, IOPS); bytes/s = files/s × s.
 * Small files hit the operation limit (the small-file penalty).
 */
export function smallFileThroughput(args: { fileBytes: number; bandwidth: number; opsPerSecond: number }): {
  filesPerSecond: number;
  bytesPerSecond: number;
  bound: 'bandwidth' | 'operations';
} {
  const s = positive('fileBytes', args.fileBytes);
  const byBw = positive('bandwidth', args.bandwidth) / s;
  const byOps = positive('opsPerSecond', args.opsPerSecond);
  const files = Math.min(byBw, byOps);
  return { filesPerSecond: files, bytesPerSecond: files * s, bound: byBw <= byOps ? 'bandwidth' : 'operations' };
}

/**
 * Metadata load of a training job: file opens/s = samples/s ÷ samples per file; metadata ops/s =
 * opens/s × ops per file (3: open, stat, close); utilisation = ops ÷ (servers × ops per server);
 * servers needed = ⌈ops/ops per server⌉ (at least 1). Packing samples into shards divides the load
 * by the samples per shard.
 */
export function metadataLoad(args: {
  samplesPerSecond: number;
  samplesPerFile?: number;
  opsPerFile?: number;
  servers?: number;
  opsPerServer?: number;
}): { fileOpensPerSecond: number; opsPerSecond: number; utilization: number; serversNeeded: number; saturated: boolean } {
  const opens = nonNegative('samplesPerSecond', args.samplesPerSecond) / positive('samplesPerFile', args.samplesPerFile ?? 1);
  const ops = opens * nonNegative('opsPerFile', args.opsPerFile ?? METADATA_DEFAULTS.opsPerFile.value);
  const per = positive('opsPerServer', args.opsPerServer ?? METADATA_DEFAULTS.opsPerServer.value);
  const servers = integerAtLeast('servers', args.servers ?? 1, 1);
  return {
    fileOpensPerSecond: opens,
    opsPerSecond: ops,
    utilization: ops / (servers * per),
    serversNeeded: Math.max(1, Math.ceil(ops / per)),
    saturated: ops > servers * per,
  };
}

/** Request capacity of an object store partitioned into prefixes: prefixes × requests/s per prefix (S3 GET: 5,500/s). */
export function objectStoreRequestCapacity(args: { prefixes: number; requestsPerPrefix?: number }): number {
  return (
    integerAtLeast('prefixes', args.prefixes, 1) *
    positive('requestsPerPrefix', args.requestsPerPrefix ?? METADATA_DEFAULTS.s3GetPerPrefix.value)
  );
}

/** Moving a dataset: time = bytes ÷ bandwidth; egress cost = bytes × price per byte (v2-04: 100 TB over 12.5 GB/s = 8,000 s; × $0.09/GB = $9,000). */
export function dataTransfer(args: { bytes: number; bandwidth: number; egressPricePerByte?: number }): { seconds: number; cost: number } {
  const b = nonNegative('bytes', args.bytes);
  return { seconds: b / positive('bandwidth', args.bandwidth), cost: b * nonNegative('egressPricePerByte', args.egressPricePerByte ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// Fleet queueing (M/M/c)
// ---------------------------------------------------------------------------------------------

/**
 * A fleet of c identical servers (GPUs, nodes) with Poisson job arrivals λ and exponential
 * service rate μ each (M/M/c, computed by `mmc` in serving.ts): utilisation ρ = λ/(cμ); P(wait)
 * from Erlang C; mean queue wait W_q = P(wait)/(cμ − λ); mean queue length L_q = λ·W_q; the
 * q-quantile of the queue wait; and the wait in units of the job length, μ·W_q. For c = 1,
 * W_q = ρ/(μ(1 − ρ)): at ρ = 0.95 a job waits 19 job-lengths in the queue (20 including its own
 * run, the sojourn v2-08 quoted). An unstable fleet (ρ ≥ 1) reports infinite waits.
 */
export function fleetQueue(args: { arrivalRate: number; serviceRate: number; servers: number; quantile?: number }): {
  utilization: number;
  waitProbability: number;
  meanWait: number;
  meanQueueLength: number;
  meanResponse: number;
  waitQuantile: number;
  waitInJobLengths: number;
  stable: boolean;
} {
  const q = inRange('quantile', args.quantile ?? 0.99, 0, 1, { hiOpen: true });
  const m = mmc({ arrivalRate: args.arrivalRate, serviceRate: args.serviceRate, servers: args.servers });
  return {
    utilization: m.utilization,
    waitProbability: m.probabilityOfWait,
    meanWait: m.meanWait,
    meanQueueLength: m.meanInQueue,
    meanResponse: m.meanResponse,
    waitQuantile: m.waitPercentile(q),
    waitInJobLengths: m.meanWait * args.serviceRate,
    stable: m.stable,
  };
}
