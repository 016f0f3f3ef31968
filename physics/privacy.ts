/**
 * Differential privacy: mechanisms, composition, DP-SGD accounting, and membership-inference bounds.
 *
 * Corrections against the reference labs (see docs/physics/operations-compression-responsible.md):
 * - v2-11/v2-13 used the classical Gaussian-mechanism σ for ε up to 10; that bound is proven only
 *   for ε < 1 (Dwork & Roth 2014, Thm A.1). `gaussianSigma` flags it; `analyticGaussianSigma`
 *   (Balle & Wang 2018) is exact for every ε.
 * - v2-13 compared the one-shot Gaussian σ with the DP-SGD noise multiplier. DP-SGD privacy comes
 *   from an accountant over T steps with sampling rate q: `dpSgdEpsilon` (RDP of the sampled
 *   Gaussian, Mironov et al. 2019), so more data (smaller q) lowers ε — the real reason data helps.
 * - v2-13 reported membership-inference accuracy as 0.5 + advantage; with a balanced prior the
 *   accuracy is (1 + advantage)/2 (`membershipAttackAccuracy`). Its "98 % train / 68 % test ⇒ up to
 *   80 %" example is 65 %.
 * - The MathPeek σ at ε = 1, δ = 1e-6 is 5.30 (not 5.26).
 * - v2-13's MathPeek defines Rényi DP through the Rényi divergence but the lab never computed one;
 *   `renyiDivergence` (discrete) and `gaussianRenyiDivergence` (α·Δ²/(2σ²)) do.
 */
import { PhysicsError, finite, fraction, inRange, integerAtLeast, nonNegative, positive } from './errors.js';
import { standardNormalCdf } from './responsible.js';
import type { Rng } from './random.js';

function checkRng(rng: unknown): Rng {
  if (!rng || typeof (rng as Rng).next !== 'function' || typeof (rng as Rng).normal !== 'function')
    throw new PhysicsError('rng', rng, 'a seeded generator from createRng(seed)');
  return rng as Rng;
}

// ---------------------------------------------------------------------------------------------
// Mechanisms
// ---------------------------------------------------------------------------------------------

/** Laplace mechanism scale b = Δ₁/ε (Dwork et al. 2006): adding Lap(b) noise gives ε-DP. */
export function laplaceScale(args: { sensitivity: number; epsilon: number }): number {
  return positive('sensitivity', args.sensitivity) / positive('epsilon', args.epsilon);
}

/**
 * Classical Gaussian mechanism σ = Δ₂·√(2 ln(1.25/δ))/ε (Dwork & Roth 2014, Thm A.1).
 * The proof covers ε < 1 only: `valid` is false above that, where the formula is not a
 * guarantee (use `analyticGaussianSigma`).
 */
export function gaussianSigma(args: { sensitivity: number; epsilon: number; delta: number }): { sigma: number; valid: boolean } {
  const s = positive('sensitivity', args.sensitivity);
  const e = positive('epsilon', args.epsilon);
  const d = inRange('delta', args.delta, 0, 1, { loOpen: true, hiOpen: true });
  return { sigma: (s * Math.sqrt(2 * Math.log(1.25 / d))) / e, valid: e < 1 };
}

/** δ achieved by Gaussian noise σ at privacy ε (Balle & Wang 2018, Thm 8). */
function gaussianDelta(sigma: number, epsilon: number, sensitivity: number): number {
  const a = sensitivity / (2 * sigma),
    b = (epsilon * sigma) / sensitivity;
  return standardNormalCdf(a - b) - Math.exp(epsilon) * standardNormalCdf(-a - b);
}

/**
 * Smallest σ for which Gaussian noise gives (ε, δ)-DP, exactly (Balle & Wang 2018, analytic
 * Gaussian mechanism): δ = Φ(Δ/2σ − εσ/Δ) − e^ε·Φ(−Δ/2σ − εσ/Δ), solved for σ by bisection.
 * Valid for every ε > 0, and never larger than the classical σ.
 */
export function analyticGaussianSigma(args: { sensitivity: number; epsilon: number; delta: number }): number {
  const s = positive('sensitivity', args.sensitivity);
  const e = inRange('epsilon', args.epsilon, 0, 50, { loOpen: true });
  const d = inRange('delta', args.delta, 0, 1, { loOpen: true, hiOpen: true });
  let lo = 1e-6 * s,
    hi = s;
  while (gaussianDelta(hi, e, s) > d) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (gaussianDelta(mid, e, s) > d) lo = mid;
    else hi = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------------------------

/** Basic sequential composition: running mechanisms (εᵢ, δᵢ) in sequence is (Σεᵢ, Σδᵢ)-DP. */
export function basicComposition(steps: ReadonlyArray<{ epsilon: number; delta?: number }>): { epsilon: number; delta: number } {
  if (!Array.isArray(steps) || steps.length === 0) throw new PhysicsError('steps', steps, 'a non-empty array of { epsilon, delta }');
  return steps.reduce(
    (acc, s, i) => ({
      epsilon: acc.epsilon + positive(`steps[${i}].epsilon`, s?.epsilon),
      delta: acc.delta + fraction(`steps[${i}].delta`, s.delta ?? 0),
    }),
    { epsilon: 0, delta: 0 },
  );
}

/**
 * Advanced composition (Dwork, Rothblum & Vadhan 2010): k-fold use of an (ε, δ)-DP mechanism is
 * (ε', kδ + δ')-DP with ε' = √(2k ln(1/δ'))·ε + k·ε·(e^ε − 1). `basic` is kε for comparison.
 */
export function advancedComposition(args: { epsilon: number; delta?: number; k: number; deltaPrime: number }): {
  epsilon: number;
  delta: number;
  basic: number;
} {
  const e = positive('epsilon', args.epsilon);
  const d = fraction('delta', args.delta ?? 0);
  const k = integerAtLeast('k', args.k, 1);
  const dp = inRange('deltaPrime', args.deltaPrime, 0, 1, { loOpen: true, hiOpen: true });
  return { epsilon: Math.sqrt(2 * k * Math.log(1 / dp)) * e + k * e * Math.expm1(e), delta: k * d + dp, basic: k * e };
}

// ---------------------------------------------------------------------------------------------
// Rényi divergence (the quantity Rényi DP bounds)
// ---------------------------------------------------------------------------------------------

function discreteDistribution(name: string, v: unknown): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new PhysicsError(name, v, 'a non-empty array of probabilities or counts');
  const xs = v.map((x, i) => nonNegative(`${name}[${i}]`, x));
  const total = xs.reduce((s, x) => s + x, 0);
  if (total <= 0) throw new PhysicsError(name, v, 'probabilities with a positive total');
  return xs.map((x) => x / total);
}

/**
 * Rényi divergence of order α between two discrete distributions on the same outcomes (Rényi 1961;
 * Mironov 2017, "Rényi Differential Privacy", Def. 3; v2-13 MathPeek), in nats:
 * D_α(P‖Q) = 1/(α − 1)·ln E_{x∼Q}[(p(x)/q(x))^α] = 1/(α − 1)·ln Σ pᵢ^α qᵢ^{1−α}.
 * α = 1 is the limit KL(P‖Q) = Σ pᵢ ln(pᵢ/qᵢ); α = ∞ is ln maxᵢ pᵢ/qᵢ (the ε of pure DP).
 * Inputs may be counts (each is normalised). An outcome with pᵢ > 0 = qᵢ makes the divergence ∞
 * for α ≥ 1. Non-decreasing in α (van Erven & Harremoës 2014). A mechanism is (α, ε_R)-RDP when
 * D_α(M(D)‖M(D′)) ≤ ε_R for all neighbouring D, D′.
 */
export function renyiDivergence(p: readonly number[], q: readonly number[], alpha: number): number {
  const P = discreteDistribution('p', p);
  const Q = discreteDistribution('q', q);
  if (Q.length !== P.length) throw new PhysicsError('q', q, `an array of ${P.length} probabilities (same outcomes as p)`);
  const a = alpha === Infinity ? Infinity : positive('alpha', alpha);
  const support = P.map((_, i) => i).filter((i) => P[i] > 0);
  if (a === Infinity) return Math.max(...support.map((i) => (Q[i] > 0 ? Math.log(P[i] / Q[i]) : Infinity)));
  if (a === 1) return support.reduce((s, i) => s + (Q[i] > 0 ? P[i] * Math.log(P[i] / Q[i]) : Infinity), 0);
  if (a > 1 && support.some((i) => Q[i] === 0)) return Infinity;
  // ln Σ exp(α ln pᵢ + (1 − α) ln qᵢ) with the largest term factored out (no overflow at large α)
  const logs = support.filter((i) => Q[i] > 0).map((i) => a * Math.log(P[i]) + (1 - a) * Math.log(Q[i]));
  if (logs.length === 0) return Infinity; // disjoint supports (α < 1)
  const m = Math.max(...logs);
  return (m + Math.log(logs.reduce((s, l) => s + Math.exp(l - m), 0))) / (a - 1);
}

/**
 * Rényi divergence between two Gaussians with the same standard deviation σ whose means differ by Δ
 * (the Gaussian mechanism on neighbouring inputs, Δ = the L2 sensitivity): D_α = α·Δ²/(2σ²)
 * (Mironov 2017, Prop. 7), for every order α > 0; α = 1 gives KL = Δ²/(2σ²). So the Gaussian
 * mechanism with noise σ is (α, αΔ²/(2σ²))-RDP, and T uses compose to T·αΔ²/(2σ²).
 */
export function gaussianRenyiDivergence(args: { alpha: number; meanDifference: number; sigma: number }): number {
  const a = positive('alpha', args.alpha);
  const d = finite('meanDifference', args.meanDifference);
  const s = positive('sigma', args.sigma);
  return (a * d * d) / (2 * s * s);
}

// ---------------------------------------------------------------------------------------------
// DP-SGD
// ---------------------------------------------------------------------------------------------

const RDP_ORDERS: readonly number[] = [
  ...Array.from({ length: 63 }, (_, i) => i + 2),
  72,
  80,
  96,
  112,
  128,
  160,
  192,
  256,
  320,
  384,
  512,
  768,
  1024,
];

/** log A_α for the Poisson-sampled Gaussian at integer order α (Mironov, Talwar & Zhang 2019, §3.3). */
function logAInteger(alpha: number, q: number, sigma: number): number {
  if (q === 1) return (alpha * (alpha - 1)) / (2 * sigma * sigma);
  const lq = Math.log(q),
    l1q = Math.log1p(-q);
  let logBinom = 0;
  const terms: number[] = [];
  for (let k = 0; k <= alpha; k++) {
    if (k > 0) logBinom += Math.log(alpha - k + 1) - Math.log(k);
    terms.push(logBinom + k * lq + (alpha - k) * l1q + (k * k - k) / (2 * sigma * sigma));
  }
  const m = Math.max(...terms);
  return m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0));
}

/**
 * ε of DP-SGD after T steps with Poisson sampling rate q = B/N and noise multiplier σ (noise std
 * σ·C on the sum of clipped gradients), at target δ: Rényi-DP accountant of the sampled Gaussian
 * mechanism (Mironov et al. 2019) over integer orders α = 2…1024, converted with
 * ε = min_α T·ε_RDP(α) + ln(1/δ)/(α − 1) (Mironov 2017, Prop. 3). A small over-estimate
 * (a few %) of accountants that also use fractional orders. q = 1 is the full-batch Gaussian.
 */
export function dpSgdEpsilon(args: { noiseMultiplier: number; samplingRate: number; steps: number; delta: number }): {
  epsilon: number;
  order: number;
} {
  const sigma = positive('noiseMultiplier', args.noiseMultiplier);
  const q = inRange('samplingRate', args.samplingRate, 0, 1, { loOpen: true });
  const T = integerAtLeast('steps', args.steps, 1);
  const delta = inRange('delta', args.delta, 0, 1, { loOpen: true, hiOpen: true });
  let best = Infinity,
    order = RDP_ORDERS[0];
  for (const a of RDP_ORDERS) {
    const rdp = (T * logAInteger(a, q, sigma)) / (a - 1);
    const eps = rdp + Math.log(1 / delta) / (a - 1);
    if (eps < best) {
      best = eps;
      order = a;
    }
  }
  return { epsilon: best, order };
}

/**
 * Smallest noise multiplier σ for which `dpSgdEpsilon` ≤ the target ε (bisection on log σ over
 * [0.05, 1000]). Throws if even σ = 1000 cannot reach the target.
 */
export function noiseMultiplierForEpsilon(args: { targetEpsilon: number; samplingRate: number; steps: number; delta: number }): number {
  const target = positive('targetEpsilon', args.targetEpsilon);
  const eps = (s: number) =>
    dpSgdEpsilon({ noiseMultiplier: s, samplingRate: args.samplingRate, steps: args.steps, delta: args.delta }).epsilon;
  let lo = 0.05,
    hi = 1000;
  if (eps(hi) > target) throw new PhysicsError('targetEpsilon', target, 'a budget reachable with noise multiplier ≤ 1000 at these q, T, δ');
  if (eps(lo) <= target) return lo;
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(lo * hi);
    if (eps(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Per-example clipping: g·min(1, C/‖g‖₂) (Abadi et al. 2016). Returns a new array. */
export function clipGradient(gradient: readonly number[], clipNorm: number): number[] {
  if (!Array.isArray(gradient) || gradient.length === 0) throw new PhysicsError('gradient', gradient, 'a non-empty array of numbers');
  const C = positive('clipNorm', clipNorm);
  const norm = Math.sqrt(gradient.reduce((s, g, i) => s + finite(`gradient[${i}]`, g) ** 2, 0));
  const f = norm > C ? C / norm : 1;
  return gradient.map((g) => g * f);
}

/**
 * One DP-SGD aggregation step (Abadi et al. 2016): clip each per-example gradient to norm C,
 * sum, add N(0, σ²C²) noise per coordinate from the seeded generator (`createRng`), and divide by the
 * expected batch size (default: the number of examples). Deterministic for a given seed.
 */
export function dpSgdNoisyGradient(args: {
  perExampleGradients: ReadonlyArray<readonly number[]>;
  clipNorm: number;
  noiseMultiplier: number;
  rng: Rng;
  expectedBatchSize?: number;
}): { gradient: number[]; noiseStd: number } {
  const grads = args.perExampleGradients;
  if (!Array.isArray(grads) || grads.length === 0) throw new PhysicsError('perExampleGradients', grads, 'a non-empty array of gradients');
  const dim = grads[0]?.length;
  if (!dim) throw new PhysicsError('perExampleGradients[0]', grads[0], 'a non-empty array of numbers');
  const C = positive('clipNorm', args.clipNorm);
  const sigma = nonNegative('noiseMultiplier', args.noiseMultiplier);
  const rng = checkRng(args.rng);
  const B = positive('expectedBatchSize', args.expectedBatchSize ?? grads.length);
  const sum = new Array<number>(dim).fill(0);
  grads.forEach((g, i) => {
    if (!Array.isArray(g) || g.length !== dim) throw new PhysicsError(`perExampleGradients[${i}]`, g, `an array of ${dim} numbers`);
    clipGradient(g, C).forEach((v, j) => {
      sum[j] += v;
    });
  });
  const std = sigma * C;
  return { gradient: sum.map((s) => (s + rng.normal(0, std)) / B), noiseStd: std };
}

/** Poisson subsampling for DP-SGD: each of n examples joins the batch independently with probability q. */
export function poissonSubsample(n: number, samplingRate: number, rng: Rng): number[] {
  const N = integerAtLeast('n', n, 0);
  const q = fraction('samplingRate', samplingRate);
  const r = checkRng(rng);
  const out: number[] = [];
  for (let i = 0; i < N; i++) if (r.next() < q) out.push(i);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Membership inference
// ---------------------------------------------------------------------------------------------

/**
 * Tight bound on membership-inference advantage (TPR − FPR) against an (ε, δ)-DP training
 * algorithm, from the hypothesis-testing region TPR ≤ e^ε·FPR + δ and
 * 1 − FPR ≤ e^ε(1 − TPR) + δ (Kairouz, Oh & Viswanath 2015; Humphries et al. 2020):
 * adv ≤ (e^ε − 1 + 2δ)/(e^ε + 1). Also returns Yeom et al.'s (2018) looser e^ε − 1 (capped at 1).
 */
export function membershipAdvantageBound(args: { epsilon: number; delta?: number }): { advantage: number; yeom: number } {
  const e = nonNegative('epsilon', args.epsilon);
  const d = fraction('delta', args.delta ?? 0);
  return { advantage: Math.min(1, (Math.expm1(e) + 2 * d) / (Math.exp(e) + 1)), yeom: Math.min(1, Math.expm1(e)) };
}

/**
 * Largest attack TPR at a given FPR against an (ε, δ)-DP algorithm:
 * min(1, e^ε·FPR + δ, 1 − e^{−ε}(1 − δ − FPR)) (Kairouz, Oh & Viswanath 2015).
 */
export function membershipTprBound(args: { epsilon: number; delta?: number; fpr: number }): number {
  const e = nonNegative('epsilon', args.epsilon);
  const d = fraction('delta', args.delta ?? 0);
  const f = fraction('fpr', args.fpr);
  return Math.min(1, Math.exp(e) * f + d, 1 - Math.exp(-e) * (1 - d - f));
}

/**
 * Advantage of Yeom et al.'s (2018) threshold attack ("member if classified correctly"):
 * TPR − FPR = A_train − A_test, the generalisation gap (floored at 0).
 */
export function generalizationGapAdvantage(args: { trainAccuracy: number; testAccuracy: number }): number {
  return Math.max(0, fraction('trainAccuracy', args.trainAccuracy) - fraction('testAccuracy', args.testAccuracy));
}

/**
 * Membership-inference accuracy for an attack with advantage TPR − FPR when members and
 * non-members are equally likely: (1 + adv)/2 (the reference used 0.5 + adv).
 */
export function membershipAttackAccuracy(advantage: number): number {
  return (1 + inRange('advantage', advantage, -1, 1)) / 2;
}
