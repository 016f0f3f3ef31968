/**
 * Adversarial robustness: attack-strength curves, the adversarial-training trade-off,
 * FGSM/PGD steps, certified radius of randomized smoothing.
 *
 * Perturbation budgets ε are on the [0, 1] pixel scale (8/255 ≈ 0.0314), accuracies are fractions.
 *
 * Corrections against the reference lab v2-14 (see docs/physics/operations-compression-responsible.md):
 * - Its vulnerability constant (0.062 per 1/255) cannot reproduce its own story (3.4 % at 8/255);
 *   `calibrateVulnerability` derives k from an observed point (k ≈ 0.299 per 1/255 for PGD-7).
 * - Certified radius: R = σ/2·(Φ⁻¹(p_A) − Φ⁻¹(p_B)) (Cohen et al. 2019); the reference dropped ½.
 * - Adversarial-training cost is 1 + K passes only when adversarial examples are generated
 *   (α > 0 and ε_train > 0); the reference charged 2× at α = 0.
 * - Training strength saturates at 1 (ε_train beyond the evaluation ε and PGD steps beyond the
 *   reference 7 no longer add robustness), so the published PGD-AT ceiling is a ceiling.
 */
import { PhysicsError, finite, fraction, inRange, integerAtLeast, nonNegative, positive } from './errors.js';
import { sourced } from './sourced.js';
import { normalQuantile } from './serving.js';

/** Attack-strength multipliers relative to FGSM (v1/v2 lab calibration). */
export const ATTACK_STRENGTH = {
  fgsm: sourced(1.0, '1', 'v2-14 brief (lab calibration): single-step FGSM (Goodfellow et al. 2015)'),
  pgd7: sourced(1.4, '1', 'v2-14 brief (lab calibration): PGD, 7 steps (Madry et al. 2018)'),
  pgd20: sourced(1.8, '1', 'v2-14 brief (lab calibration): PGD, 20 steps'),
} as const;

/** Madry et al. 2018 PGD adversarial training on CIFAR-10 at ε = 8/255: 87.3 % clean, 45.8 % PGD-20 accuracy. */
export const MADRY_CIFAR10 = {
  clean: sourced(
    0.873,
    '1',
    'Madry et al. 2018, "Towards Deep Learning Models Resistant to Adversarial Attacks", Table 2 (CIFAR-10, adversarially trained)',
  ),
  pgd20: sourced(0.458, '1', 'Madry et al. 2018, Table 2 (PGD-20, ε = 8/255)'),
} as const;

/**
 * Adversarial accuracy under an attack of budget ε as the labs model it:
 * acc_adv = max(floor, acc_clean·e^{−k·ε·m}), with vulnerability k per unit ε (pixel scale) and
 * attack-strength multiplier m (FGSM 1, PGD-7 1.4, PGD-20 1.8).
 */
export function adversarialAccuracy(args: {
  cleanAccuracy: number;
  epsilon: number;
  vulnerability: number;
  attackStrength?: number;
  floor?: number;
}): number {
  const a = fraction('cleanAccuracy', args.cleanAccuracy);
  const eps = nonNegative('epsilon', args.epsilon);
  const k = nonNegative('vulnerability', args.vulnerability);
  const m = positive('attackStrength', args.attackStrength ?? 1);
  return Math.max(fraction('floor', args.floor ?? 0), a * Math.exp(-k * eps * m));
}

/**
 * Vulnerability constant that reproduces an observed attack: k = ln(acc_clean/acc_adv)/(ε·m).
 * v2-14's story (97.3 % → 3.4 % at 8/255 under PGD-7): k = ln(97.3/3.4)/((8/255)·1.4) ≈ 76.4 per unit ε
 * (≈ 0.30 per 1/255).
 */
export function calibrateVulnerability(args: {
  cleanAccuracy: number;
  adversarialAccuracy: number;
  epsilon: number;
  attackStrength?: number;
}): number {
  const a = inRange('cleanAccuracy', args.cleanAccuracy, 0, 1, { loOpen: true });
  const adv = inRange('adversarialAccuracy', args.adversarialAccuracy, 0, a, { loOpen: true });
  return Math.log(a / adv) / (positive('epsilon', args.epsilon) * positive('attackStrength', args.attackStrength ?? 1));
}

/** Accuracy of random guessing among K equally likely classes: 1/K. */
export function chanceAccuracy(classes: number): number {
  return 1 / integerAtLeast('classes', classes, 2);
}

/** Fraction of correctly classified inputs the attack flips: 1 − acc_adv/acc_clean. */
export function attackSuccessRate(args: { cleanAccuracy: number; adversarialAccuracy: number }): number {
  const a = inRange('cleanAccuracy', args.cleanAccuracy, 0, 1, { loOpen: true });
  return 1 - inRange('adversarialAccuracy', args.adversarialAccuracy, 0, a) / a;
}

/**
 * The robustness–accuracy trade-off of adversarial training as v2-14 models it (fractions):
 * strength x = α·min(1, ε_train/ε_eval)·min(1, ln(1+K)/ln(1+K_ref)),
 * acc_adv = max(acc_adv,0, ceiling·x), acc_clean = max(floor, acc_clean,0 − cost_max·x),
 * training cost = 1 + K forward/backward passes when adversarial examples are generated, else 1.
 * Defaults: 97.3 % / 3.4 % undefended, ceiling 0.52 (published PGD-AT range at 8/255),
 * cost_max 0.09, floor 0.70, K_ref = 7, ε_eval = 8/255.
 */
export function adversarialTrainingTradeoff(args: {
  trainEpsilon: number;
  pgdSteps: number;
  lossWeight: number;
  evalEpsilon?: number;
  referenceSteps?: number;
  cleanAccuracy?: number;
  undefendedAdversarialAccuracy?: number;
  robustCeiling?: number;
  maxCleanCost?: number;
  cleanFloor?: number;
}): { strength: number; adversarialAccuracy: number; cleanAccuracy: number; trainingCost: number } {
  const eTrain = nonNegative('trainEpsilon', args.trainEpsilon);
  const K = integerAtLeast('pgdSteps', args.pgdSteps, 1);
  const w = fraction('lossWeight', args.lossWeight);
  const eEval = positive('evalEpsilon', args.evalEpsilon ?? 8 / 255);
  const Kref = integerAtLeast('referenceSteps', args.referenceSteps ?? 7, 1);
  const clean0 = fraction('cleanAccuracy', args.cleanAccuracy ?? 0.973);
  const adv0 = fraction('undefendedAdversarialAccuracy', args.undefendedAdversarialAccuracy ?? 0.034);
  const ceiling = fraction('robustCeiling', args.robustCeiling ?? 0.52);
  const cost = fraction('maxCleanCost', args.maxCleanCost ?? 0.09);
  const floor = fraction('cleanFloor', args.cleanFloor ?? 0.7);
  const strength = w * Math.min(1, eTrain / eEval) * Math.min(1, Math.log(1 + K) / Math.log(1 + Kref));
  const generates = w > 0 && eTrain > 0;
  return {
    strength,
    adversarialAccuracy: Math.max(adv0, ceiling * strength),
    cleanAccuracy: Math.max(floor, clean0 - cost * strength),
    trainingCost: generates ? 1 + K : 1,
  };
}

/**
 * Certified L2 radius of a randomized-smoothing classifier (Cohen, Rosenfeld & Kolter 2019, Thm 1):
 * R = σ/2·(Φ⁻¹(p_A) − Φ⁻¹(p_B)), with p_B defaulting to 1 − p_A (then R = σ·Φ⁻¹(p_A)).
 * Returns 0 (abstain) when p_A ≤ p_B.
 */
export function certifiedRadius(args: { sigma: number; pA: number; pB?: number }): number {
  const s = positive('sigma', args.sigma);
  const pA = inRange('pA', args.pA, 0, 1, { loOpen: true, hiOpen: true });
  const pB = inRange('pB', args.pB ?? 1 - pA, 0, 1, { loOpen: true, hiOpen: true });
  if (pA + pB > 1 + 1e-12) throw new PhysicsError('pB', pB, `a probability with pA + pB ≤ 1 (pA = ${pA})`);
  if (pA <= pB) return 0;
  return (s / 2) * (normalQuantile(pA) - normalQuantile(pB));
}

/**
 * Largest change of a linear score w·x under an L∞ perturbation of size ε: ε·‖w‖₁ = ε·D·mean|w|.
 * With D = 224·224·3 = 150,528 inputs and ε = 8/255 the shift is up to ≈ 4,722·mean|w|: tiny
 * per-pixel changes add up across dimensions (Goodfellow et al. 2015).
 */
export function linfLinearShift(args: { epsilon: number; dimensions: number; meanAbsWeight?: number }): number {
  return (
    nonNegative('epsilon', args.epsilon) *
    integerAtLeast('dimensions', args.dimensions, 1) *
    nonNegative('meanAbsWeight', args.meanAbsWeight ?? 1)
  );
}

function checkVectors(x: readonly number[], g: readonly number[], xName: string, gName: string): void {
  if (!Array.isArray(x) || x.length === 0) throw new PhysicsError(xName, x, 'a non-empty array of numbers');
  if (!Array.isArray(g) || g.length !== x.length) throw new PhysicsError(gName, g, `an array of ${x.length} numbers`);
}

/** FGSM (Goodfellow et al. 2015): x_adv = clip(x + ε·sign(∇ₓL), 0, 1). */
export function fgsmPerturb(args: {
  x: readonly number[];
  gradient: readonly number[];
  epsilon: number;
  clip?: readonly [number, number];
}): number[] {
  checkVectors(args.x, args.gradient, 'x', 'gradient');
  const eps = nonNegative('epsilon', args.epsilon);
  const [lo, hi] = args.clip ?? [0, 1];
  return args.x.map((v, i) =>
    Math.min(hi, Math.max(lo, finite(`x[${i}]`, v) + eps * Math.sign(finite(`gradient[${i}]`, args.gradient[i])))),
  );
}

/**
 * One PGD step (Madry et al. 2018): x' = Π_{B∞(x₀, ε)}(x + a·sign(∇ₓL)), i.e. step by a, then
 * clip each coordinate to [x₀ − ε, x₀ + ε] and to the valid pixel range.
 */
export function pgdStep(args: {
  x: readonly number[];
  origin: readonly number[];
  gradient: readonly number[];
  stepSize: number;
  epsilon: number;
  clip?: readonly [number, number];
}): number[] {
  checkVectors(args.x, args.gradient, 'x', 'gradient');
  checkVectors(args.x, args.origin, 'x', 'origin');
  const a = nonNegative('stepSize', args.stepSize);
  const eps = nonNegative('epsilon', args.epsilon);
  const [lo, hi] = args.clip ?? [0, 1];
  return args.x.map((v, i) => {
    const o = finite(`origin[${i}]`, args.origin[i]);
    const stepped = finite(`x[${i}]`, v) + a * Math.sign(finite(`gradient[${i}]`, args.gradient[i]));
    return Math.min(hi, Math.max(lo, Math.min(o + eps, Math.max(o - eps, stepped))));
  });
}

/** Mixed adversarial-training loss L = (1 − α)·L_clean + α·L_adv. */
export function mixedAdversarialLoss(args: { cleanLoss: number; adversarialLoss: number; weight: number }): number {
  const w = fraction('weight', args.weight);
  return (1 - w) * nonNegative('cleanLoss', args.cleanLoss) + w * nonNegative('adversarialLoss', args.adversarialLoss);
}

function probs(name: string, p: readonly number[]): number[] {
  if (!Array.isArray(p) || p.length < 2) throw new PhysicsError(name, p, 'an array of at least two class probabilities');
  const total = p.reduce((s, v, i) => s + nonNegative(`${name}[${i}]`, v), 0);
  if (Math.abs(total - 1) > 1e-6) throw new PhysicsError(name, p, 'probabilities that sum to 1');
  return p.slice();
}

/**
 * TRADES loss (Zhang et al. 2019): −ln f_y(x) + β·KL(f(x) ‖ f(x')), the clean cross-entropy plus
 * β times the divergence of the adversarial prediction from the clean one (nats).
 */
export function tradesLoss(args: {
  cleanProbs: readonly number[];
  adversarialProbs: readonly number[];
  label: number;
  beta: number;
}): number {
  const p = probs('cleanProbs', args.cleanProbs);
  const q = probs('adversarialProbs', args.adversarialProbs);
  if (q.length !== p.length) throw new PhysicsError('adversarialProbs', args.adversarialProbs, `an array of ${p.length} probabilities`);
  const y = args.label;
  if (typeof y !== 'number' || !Number.isInteger(y) || y < 0 || y >= p.length)
    throw new PhysicsError('label', y, `a class index from 0 to ${p.length - 1}`);
  if (p[y] <= 0) throw new PhysicsError('cleanProbs', args.cleanProbs, 'a positive probability for the true label');
  let kl = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    kl += p[i] * Math.log(p[i] / q[i]);
  }
  return -Math.log(p[y]) + nonNegative('beta', args.beta) * kl;
}
