/**
 * Responsible engineering: group fairness metrics, the Chouldechova identity and a
 * per-group threshold model of the fairness–accuracy trade-off.
 *
 * Rates are fractions in [0, 1]. A rate whose denominator is zero (for example TPR in a
 * group with no positives) is returned as NaN: the rate is undefined, not zero.
 *
 * Corrections against the reference labs (see docs/physics/operations-compression-responsible.md):
 * - v1-15 used one score distribution for both groups and one threshold, so TPR, FPR and FNR
 *   are equal by construction and the equalised-odds gap is always 0. `calibratedGroupRates`
 *   and `fairnessPolicy` model scores that are calibrated within each group, so a shared
 *   threshold produces unequal error rates when base rates differ — the phenomenon taught.
 * - v2-16's confusion model (`p_flag = br/t`) forces TPR = 1 and PPV = t; replaced by the
 *   same binormal model with real per-group thresholds.
 * - v2-16 counted harm as `users × evaluated × FPR`; FPR is conditional on true negatives, so
 *   `expectedFalsePositives` multiplies by (1 − base rate).
 * - The 10 pp EO threshold is not the EEOC four-fifths rule; `demographicParityGap` also
 *   returns the selection-rate ratio, which is what the four-fifths rule tests.
 * - v1-15's MathPeek states individual fairness (Dwork et al. 2012) but the lab computed nothing
 *   for it; `lipschitzFairness` checks d_Y(M(x), M(x′)) ≤ L·d_X(x, x′) on pairs of individuals.
 */
import { PhysicsError, finite, fraction, inRange, nonNegative, oneOf, positive } from './errors.js';
import { sourced } from './sourced.js';
import { compareToThreshold } from './benchmarking.js';

// ---------------------------------------------------------------------------------------------
// Standard normal distribution
// ---------------------------------------------------------------------------------------------

/**
 * Complementary error function to ~1e-13 relative accuracy: Maclaurin series of erf for |x| < 2.5,
 * continued fraction erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))) beyond.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  let r: number;
  if (z < 2.5) {
    let term = z,
      sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (-z * z) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    r = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    let t = z;
    for (let n = 120; n >= 1; n--) t = z + n / 2 / t;
    r = Math.exp(-z * z) / (Math.sqrt(Math.PI) * t);
  }
  return x >= 0 ? r : 2 - r;
}

/**
 * Standard normal CDF Φ(z) = ½·erfc(−z/√2), accurate to ~1e-13 relative, including the tails
 * (needed by the analytic Gaussian mechanism and certified radii).
 */
export function standardNormalCdf(z: number): number {
  if (typeof z !== 'number' || Number.isNaN(z)) throw new PhysicsError('z', z, 'a number');
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z / Math.SQRT2);
}

// ---------------------------------------------------------------------------------------------
// Confusion-matrix rates
// ---------------------------------------------------------------------------------------------

/** Rates derived from one group's confusion matrix. */
export interface ConfusionRates {
  readonly tpr: number;
  readonly fpr: number;
  readonly fnr: number;
  readonly tnr: number;
  readonly ppv: number;
  readonly npv: number;
  readonly accuracy: number;
  readonly selectionRate: number;
  readonly baseRate: number;
  readonly total: number;
}

const ratio = (num: number, den: number): number => (den > 0 ? num / den : Number.NaN);

/**
 * Per-group rates from confusion-matrix counts: TPR = TP/(TP+FN), FPR = FP/(FP+TN),
 * PPV = TP/(TP+FP), NPV = TN/(TN+FN), accuracy = (TP+TN)/total, selection rate = (TP+FP)/total.
 * Undefined rates (zero denominator, e.g. TPR when a group has no positives) are NaN.
 */
export function confusionRates(counts: { tp: number; fp: number; fn: number; tn: number }): ConfusionRates {
  if (counts === null || typeof counts !== 'object') throw new PhysicsError('counts', counts, 'an object { tp, fp, fn, tn }');
  const tp = nonNegative('tp', counts.tp);
  const fp = nonNegative('fp', counts.fp);
  const fn = nonNegative('fn', counts.fn);
  const tn = nonNegative('tn', counts.tn);
  const total = tp + fp + fn + tn;
  if (total === 0) throw new PhysicsError('counts', counts, 'at least one counted case (tp + fp + fn + tn > 0)');
  return {
    tpr: ratio(tp, tp + fn),
    fpr: ratio(fp, fp + tn),
    fnr: ratio(fn, tp + fn),
    tnr: ratio(tn, fp + tn),
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    accuracy: (tp + tn) / total,
    selectionRate: (tp + fp) / total,
    baseRate: (tp + fn) / total,
    total,
  };
}

/** Rates of a group given its base rate and the classifier's TPR and FPR on it. */
export interface GroupRates {
  readonly baseRate: number;
  readonly tpr: number;
  readonly fpr: number;
  readonly fnr: number;
  readonly ppv: number;
  readonly npv: number;
  readonly accuracy: number;
  readonly selectionRate: number;
}

/**
 * Population-level rates of one group from base rate r, TPR and FPR:
 * selection = r·TPR + (1−r)·FPR, accuracy = r·TPR + (1−r)(1−FPR),
 * PPV = r·TPR / selection, NPV = (1−r)(1−FPR) / (1 − selection).
 */
export function groupRates(args: { baseRate: number; tpr: number; fpr: number }): GroupRates {
  const r = fraction('baseRate', args.baseRate);
  const tpr = fraction('tpr', args.tpr);
  const fpr = fraction('fpr', args.fpr);
  const selectionRate = r * tpr + (1 - r) * fpr;
  return {
    baseRate: r,
    tpr,
    fpr,
    fnr: 1 - tpr,
    ppv: ratio(r * tpr, selectionRate),
    npv: ratio((1 - r) * (1 - fpr), 1 - selectionRate),
    accuracy: r * tpr + (1 - r) * (1 - fpr),
    selectionRate,
  };
}

/**
 * TPR and FPR of a threshold t on scores whose positives are N(μ₊, σ²) and negatives N(μ₋, σ²):
 * TPR = Φ((μ₊ − t)/σ), FPR = Φ((μ₋ − t)/σ). Defaults are the v1-15 explorer's
 * (μ₊ = 0.70, μ₋ = 0.30, σ = 0.15). The same distributions for every group give equal
 * TPR/FPR across groups at a shared threshold (the reference's degenerate case).
 */
export function binormalScoreRates(args: { threshold: number; positiveMean?: number; negativeMean?: number; sd?: number }): {
  tpr: number;
  fpr: number;
} {
  const t = finite('threshold', args.threshold);
  const mp = finite('positiveMean', args.positiveMean ?? 0.7);
  const mn = finite('negativeMean', args.negativeMean ?? 0.3);
  const sd = positive('sd', args.sd ?? 0.15);
  return { tpr: standardNormalCdf((mp - t) / sd), fpr: standardNormalCdf((mn - t) / sd) };
}

// ---------------------------------------------------------------------------------------------
// Calibrated scores: x | Y=1 ~ N(+d/2, 1), x | Y=0 ~ N(−d/2, 1); posterior logit = logit(p) + d·x
// ---------------------------------------------------------------------------------------------

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** TPR and FPR of the rule "x > cut" on the latent feature (binormal, unit variance, separation d). */
function ratesAtCut(cut: number, d: number): { tpr: number; fpr: number } {
  return { tpr: standardNormalCdf(d / 2 - cut), fpr: standardNormalCdf(-d / 2 - cut) };
}

function openBaseRate(name: string, v: unknown): number {
  return inRange(name, v, 0, 1, { loOpen: true, hiOpen: true });
}

/**
 * A group whose score is calibrated within the group: s = P(Y=1 | x, group). With a latent
 * feature x | Y=1 ~ N(d/2, 1), x | Y=0 ~ N(−d/2, 1) the posterior logit is logit(p) + d·x, so
 * a shared score threshold t is the feature cut c = (logit t − logit p)/d, different for each
 * base rate p. Returns the group's rates plus the cut. Base rate must be strictly in (0, 1)
 * (at 0 or 1 the score is constant and no threshold separates anything).
 */
export function calibratedGroupRates(args: {
  baseRate: number;
  separation: number;
  threshold?: number;
}): GroupRates & { cut: number; threshold: number } {
  const p = openBaseRate('baseRate', args.baseRate);
  const d = positive('separation', args.separation);
  const t = inRange('threshold', args.threshold ?? 0.5, 0, 1, { loOpen: true, hiOpen: true });
  const cut = (logit(t) - logit(p)) / d;
  const { tpr, fpr } = ratesAtCut(cut, d);
  return { ...groupRates({ baseRate: p, tpr, fpr }), cut, threshold: t };
}

// ---------------------------------------------------------------------------------------------
// Gaps between groups
// ---------------------------------------------------------------------------------------------

/**
 * Equalised-odds gap (Hardt et al. 2016) between two groups: the brief's
 * EO = ½(|FPR_A − FPR_B| + |FNR_A − FNR_B|) as `mean`, and the stricter max of the two.
 * |ΔFNR| = |ΔTPR|.
 */
export function equalizedOddsGap(
  a: { tpr: number; fpr: number },
  b: { tpr: number; fpr: number },
): { tprGap: number; fprGap: number; fnrGap: number; mean: number; max: number } {
  const tprGap = Math.abs(fraction('a.tpr', a?.tpr) - fraction('b.tpr', b?.tpr));
  const fprGap = Math.abs(fraction('a.fpr', a.fpr) - fraction('b.fpr', b.fpr));
  return { tprGap, fprGap, fnrGap: tprGap, mean: (tprGap + fprGap) / 2, max: Math.max(tprGap, fprGap) };
}

/**
 * Demographic-parity gap |S_A − S_B| of selection rates, and the selection-rate ratio
 * min/max that the EEOC four-fifths rule compares with 0.8 (29 CFR §1607.4(D)).
 * The ratio is NaN when both groups select no one.
 */
export function demographicParityGap(
  a: { selectionRate: number },
  b: { selectionRate: number },
): { difference: number; ratio: number; fourFifthsViolated: boolean } {
  const sa = fraction('a.selectionRate', a?.selectionRate);
  const sb = fraction('b.selectionRate', b?.selectionRate);
  const hi = Math.max(sa, sb);
  const r = hi > 0 ? Math.min(sa, sb) / hi : Number.NaN;
  return { difference: Math.abs(sa - sb), ratio: r, fourFifthsViolated: r < FOUR_FIFTHS_RATIO.value };
}

/** The four-fifths (80 %) selection-rate ratio of the Uniform Guidelines on Employee Selection Procedures. */
export const FOUR_FIFTHS_RATIO = sourced(
  0.8,
  '1',
  'Uniform Guidelines on Employee Selection Procedures, 29 CFR §1607.4(D) (1978)',
  'A ratio of selection rates, not an error-rate gap; v1-15 labelled its 10 pp EO threshold with this rule, which does not convert.',
);

/** The v1-15 lab's project policy threshold on the EO gap (a policy choice, not a legal rule). */
export const EO_GAP_POLICY_THRESHOLD = sourced(
  0.1,
  '1',
  'v1-15 brief: DISPARATE_IMPACT_THRESHOLD_PP = 10 (lab policy)',
  'The reference attributes it to EEOC guidance; no such EO-gap rule exists.',
);

// ---------------------------------------------------------------------------------------------
// Chouldechova (2017)
// ---------------------------------------------------------------------------------------------

/**
 * Chouldechova (2017) identity: FPR = p/(1−p) · (1−PPV)/PPV · TPR, for base rate p in [0, 1),
 * PPV in (0, 1] and TPR in [0, 1]. Two groups with equal PPV and equal TPR (hence FNR) but
 * different p must have different FPR.
 */
export function chouldechovaFpr(args: { baseRate: number; ppv: number; tpr: number }): number {
  const p = inRange('baseRate', args.baseRate, 0, 1, { hiOpen: true });
  const ppv = inRange('ppv', args.ppv, 0, 1, { loOpen: true });
  const tpr = fraction('tpr', args.tpr);
  return (p / (1 - p)) * ((1 - ppv) / ppv) * tpr;
}

/**
 * The FPR each group must have when all groups share one PPV and one TPR (Chouldechova 2017).
 * A value above 1 means that combination of PPV and TPR is impossible for that base rate.
 */
export function impliedFprs(args: { baseRates: readonly number[]; ppv: number; tpr: number }): number[] {
  if (!Array.isArray(args?.baseRates) || args.baseRates.length === 0)
    throw new PhysicsError('baseRates', args?.baseRates, 'a non-empty array of base rates in [0, 1)');
  return args.baseRates.map((p, i) =>
    chouldechovaFpr({ baseRate: inRange(`baseRates[${i}]`, p, 0, 1, { hiOpen: true }), ppv: args.ppv, tpr: args.tpr }),
  );
}

// ---------------------------------------------------------------------------------------------
// Fairness policies with per-group thresholds (fairness–accuracy trade-off)
// ---------------------------------------------------------------------------------------------

export type FairnessCriterion = 'max-accuracy' | 'demographic-parity' | 'equalized-odds' | 'predictive-parity';
export const FAIRNESS_CRITERIA: readonly FairnessCriterion[] = [
  'max-accuracy',
  'demographic-parity',
  'equalized-odds',
  'predictive-parity',
];

export interface PolicyGroup extends GroupRates {
  readonly cut: number;
  readonly scoreThreshold: number;
  readonly weight: number;
}

/** Solve f(c) = target for a monotone function on the feature cut by bisection on [−40, 40]. */
function solveCut(f: (c: number) => number, target: number, increasing: boolean): number {
  let lo = -40,
    hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const v = f(mid);
    if (v < target === increasing) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Maximise a unimodal function on [lo, hi]: coarse grid, then golden-section refinement. */
function maximise(f: (x: number) => number, lo: number, hi: number): number {
  const n = 200;
  let best = lo,
    bestV = -Infinity;
  for (let i = 0; i <= n; i++) {
    const x = lo + ((hi - lo) * i) / n;
    const v = f(x);
    if (v > bestV) {
      bestV = v;
      best = x;
    }
  }
  let a = Math.max(lo, best - (hi - lo) / n),
    b = Math.min(hi, best + (hi - lo) / n);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i++) {
    const x1 = b - g * (b - a),
      x2 = a + g * (b - a);
    if (f(x1) >= f(x2)) b = x2;
    else a = x1;
  }
  return (a + b) / 2;
}

/**
 * Per-group thresholds that satisfy one fairness criterion, for groups whose scores are
 * calibrated within the group (binormal latent feature with separation d, as in
 * `calibratedGroupRates`), and the accuracy that criterion costs:
 * - `max-accuracy`: one shared score threshold t (default 0.5) — calibrated, unequal error rates.
 * - `equalized-odds`: one shared feature cut, so TPR and FPR are equal; the cut maximises
 *   pooled accuracy at threshold t: c = (logit t − logit p̄)/d with p̄ the weighted base rate.
 * - `demographic-parity`: cuts giving every group the same selection rate s; s maximises pooled
 *   accuracy unless `target` is given.
 * - `predictive-parity`: cuts giving every group the same PPV v (calibration in the
 *   Chouldechova sense); v maximises pooled accuracy unless `target` is given.
 * Groups are weighted by `weights` (default equal). Base rates strictly in (0, 1).
 */
export function fairnessPolicy(args: {
  baseRates: readonly number[];
  separation: number;
  criterion: FairnessCriterion;
  threshold?: number;
  target?: number;
  weights?: readonly number[];
}): {
  groups: PolicyGroup[];
  accuracy: number;
  criterion: FairnessCriterion;
  target: number | null;
  equalizedOdds: ReturnType<typeof equalizedOddsGap>;
  demographicParity: ReturnType<typeof demographicParityGap>;
  ppvGap: number;
} {
  const { baseRates } = args;
  if (!Array.isArray(baseRates) || baseRates.length < 2)
    throw new PhysicsError('baseRates', baseRates, 'an array of at least two base rates in (0, 1)');
  const ps = baseRates.map((p, i) => openBaseRate(`baseRates[${i}]`, p));
  const d = positive('separation', args.separation);
  const criterion = oneOf('criterion', args.criterion, FAIRNESS_CRITERIA);
  const t = inRange('threshold', args.threshold ?? 0.5, 0, 1, { loOpen: true, hiOpen: true });
  const rawW = args.weights ?? ps.map(() => 1);
  if (!Array.isArray(rawW) || rawW.length !== ps.length)
    throw new PhysicsError('weights', rawW, `an array of ${ps.length} non-negative weights`);
  const wSum = rawW.reduce((s, w, i) => s + nonNegative(`weights[${i}]`, w), 0);
  if (wSum <= 0) throw new PhysicsError('weights', rawW, 'weights with a positive sum');
  const ws = rawW.map((w) => w / wSum);

  const selection = (c: number, p: number) => {
    const r = ratesAtCut(c, d);
    return p * r.tpr + (1 - p) * r.fpr;
  };
  const ppvAt = (c: number, p: number) => {
    const r = ratesAtCut(c, d);
    const s = p * r.tpr + (1 - p) * r.fpr;
    return s > 0 ? (p * r.tpr) / s : 1;
  };
  const pooledAccuracy = (cuts: number[]) =>
    cuts.reduce((acc, c, i) => {
      const r = ratesAtCut(c, d);
      return acc + ws[i] * (ps[i] * r.tpr + (1 - ps[i]) * (1 - r.fpr));
    }, 0);

  let cuts: number[];
  let target: number | null = null;
  if (criterion === 'max-accuracy') {
    cuts = ps.map((p) => (logit(t) - logit(p)) / d);
  } else if (criterion === 'equalized-odds') {
    const pBar = ps.reduce((s, p, i) => s + ws[i] * p, 0);
    const c = (logit(t) - logit(pBar)) / d;
    cuts = ps.map(() => c);
  } else if (criterion === 'demographic-parity') {
    const cutsFor = (s: number) => ps.map((p) => solveCut((c) => selection(c, p), s, false));
    const s =
      args.target !== undefined
        ? inRange('target', args.target, 0, 1, { loOpen: true, hiOpen: true })
        : maximise((x) => pooledAccuracy(cutsFor(x)), 1e-6, 1 - 1e-6);
    target = s;
    cuts = cutsFor(s);
  } else {
    const lo = Math.max(...ps);
    const cutsFor = (v: number) => ps.map((p) => solveCut((c) => ppvAt(c, p), v, true));
    const v =
      args.target !== undefined
        ? inRange('target', args.target, lo, 1, { loOpen: true, hiOpen: true })
        : maximise((x) => pooledAccuracy(cutsFor(x)), lo + 1e-6, 1 - 1e-6);
    target = v;
    cuts = cutsFor(v);
  }
  const groups: PolicyGroup[] = cuts.map((c, i) => {
    const r = ratesAtCut(c, d);
    return {
      ...groupRates({ baseRate: ps[i], tpr: r.tpr, fpr: r.fpr }),
      cut: c,
      scoreThreshold: sigmoid(logit(ps[i]) + d * c),
      weight: ws[i],
    };
  });
  const first = groups[0];
  let eo = equalizedOddsGap(first, groups[1]);
  let dp = demographicParityGap(first, groups[1]);
  let ppvGap = Math.abs(first.ppv - groups[1].ppv);
  // With more than two groups report the largest pairwise gaps.
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const e = equalizedOddsGap(groups[i], groups[j]);
      if (e.mean > eo.mean) eo = e;
      const g = demographicParityGap(groups[i], groups[j]);
      if (g.difference > dp.difference) dp = g;
      ppvGap = Math.max(ppvGap, Math.abs(groups[i].ppv - groups[j].ppv));
    }
  return { groups, accuracy: pooledAccuracy(cuts), criterion, target, equalizedOdds: eo, demographicParity: dp, ppvGap };
}

// ---------------------------------------------------------------------------------------------
// Individual fairness (Lipschitz condition)
// ---------------------------------------------------------------------------------------------

/** Result of an individual-fairness (Lipschitz) check over pairs of individuals. */
export interface LipschitzFairnessResult {
  /** d_Y/d_X per pair (0 when d_Y = 0; ∞ when d_X = 0 < d_Y). */
  readonly ratios: number[];
  /** Indices of the pairs with d_Y > L·d_X. */
  readonly violations: number[];
  /** Largest ratio: the smallest L the model satisfies on these pairs. */
  readonly maxRatio: number;
  /** Index of the pair with the largest ratio (first on ties). */
  readonly worstPair: number;
  /** True when no pair violates the bound. */
  readonly satisfied: boolean;
}

/**
 * Individual fairness as a Lipschitz condition (Dwork, Hardt, Pitassi, Reingold & Zemel 2012,
 * "Fairness Through Awareness", ITCS; v1-15 MathPeek): similar individuals are treated similarly,
 * d_Y(M(x), M(x′)) ≤ L·d_X(x, x′) for every pair. Takes each pair's input distance d_X and output
 * distance d_Y (same metrics throughout) and the constant L ≥ 0; returns the ratios d_Y/d_X, the
 * violating pairs, the largest ratio (the tightest L these pairs allow) and whether L holds. A pair
 * exactly on the bound is not a violation: the comparison allows a relative tolerance (default
 * 1e-9, as `compareToThreshold`) so rounding (0.1 + 0.2 against 0.3) does not flag it.
 */
export function lipschitzFairness(args: {
  pairs: ReadonlyArray<{ inputDistance: number; outputDistance: number }>;
  lipschitz: number;
  tolerance?: number;
}): LipschitzFairnessResult {
  const pairs = args?.pairs;
  if (!Array.isArray(pairs) || pairs.length === 0)
    throw new PhysicsError('pairs', pairs, 'a non-empty array of { inputDistance, outputDistance }');
  const L = nonNegative('lipschitz', args.lipschitz);
  const tol = nonNegative('tolerance', args.tolerance ?? 1e-9);
  const ratios: number[] = [];
  const violations: number[] = [];
  let maxRatio = -1,
    worstPair = 0;
  pairs.forEach((pair, i) => {
    const dx = nonNegative(`pairs[${i}].inputDistance`, pair?.inputDistance);
    const dy = nonNegative(`pairs[${i}].outputDistance`, pair.outputDistance);
    const r = dy === 0 ? 0 : dx === 0 ? Infinity : dy / dx;
    ratios.push(r);
    if (r > maxRatio) {
      maxRatio = r;
      worstPair = i;
    }
    if (compareToThreshold({ value: dy, threshold: L * dx, tolerance: tol }).above) violations.push(i);
  });
  return { ratios, violations, maxRatio, worstPair, satisfied: violations.length === 0 };
}

type Point = number | readonly number[];

function pointVector(name: string, v: unknown): number[] {
  if (typeof v === 'number') return [finite(name, v)];
  if (!Array.isArray(v) || v.length === 0) throw new PhysicsError(name, v, 'a number or a non-empty array of numbers');
  return v.map((x, i) => finite(`${name}[${i}]`, x));
}

function sameLength(a: number[], b: number[], name: string, received: unknown): void {
  if (a.length !== b.length) throw new PhysicsError(name, received, `a point with ${a.length} coordinates, like the others`);
}

/** Euclidean distance between two numbers or two vectors of the same length. */
function euclidean(a: Point, b: Point, name: string): number {
  const u = pointVector(`${name} (first)`, a),
    v = pointVector(`${name} (second)`, b);
  sameLength(u, v, name, b);
  return Math.sqrt(u.reduce((s, x, i) => s + (x - v[i]) ** 2, 0));
}

/** |a − b| for scores; total variation ½Σ|aᵢ − bᵢ| for outcome distributions (Dwork et al. 2012). */
function outcomeDistance(a: Point, b: Point, name: string): number {
  const u = pointVector(`${name} (first)`, a),
    v = pointVector(`${name} (second)`, b);
  sameLength(u, v, name, b);
  if (u.length === 1) return Math.abs(u[0] - v[0]);
  return 0.5 * u.reduce((s, x, i) => s + Math.abs(x - v[i]), 0);
}

/**
 * `lipschitzFairness` over every pair (i, j), i < j, of a set of individuals: inputs xᵢ, model
 * outputs M(xᵢ), and the two metrics. Defaults: d_X is Euclidean on numbers or feature vectors;
 * d_Y is |M(x) − M(x′)| for scores and the total-variation distance ½Σ|pₖ − p′ₖ| for outcome
 * distributions (the statistical distance of Dwork et al. 2012). The task-specific d_X is the hard
 * part of individual fairness; pass your own. `pairs[k]` gives the individuals of pair k.
 */
export function lipschitzFairnessOfPoints<X = Point, Y = Point>(args: {
  inputs: readonly X[];
  outputs: readonly Y[];
  lipschitz: number;
  tolerance?: number;
  inputDistance?: (a: X, b: X) => number;
  outputDistance?: (a: Y, b: Y) => number;
}): LipschitzFairnessResult & { pairs: Array<[number, number]> } {
  const xs = args?.inputs,
    ys = args?.outputs;
  if (!Array.isArray(xs) || xs.length < 2) throw new PhysicsError('inputs', xs, 'an array of at least two individuals');
  if (!Array.isArray(ys) || ys.length !== xs.length)
    throw new PhysicsError('outputs', ys, `an array of ${xs.length} model outputs, one per input`);
  const dX = args.inputDistance ?? ((a: X, b: X) => euclidean(a as unknown as Point, b as unknown as Point, 'inputs'));
  const dY = args.outputDistance ?? ((a: Y, b: Y) => outcomeDistance(a as unknown as Point, b as unknown as Point, 'outputs'));
  if (typeof dX !== 'function') throw new PhysicsError('inputDistance', dX, 'a function (a, b) => distance');
  if (typeof dY !== 'function') throw new PhysicsError('outputDistance', dY, 'a function (a, b) => distance');
  const index: Array<[number, number]> = [];
  const pairs: Array<{ inputDistance: number; outputDistance: number }> = [];
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++) {
      index.push([i, j]);
      pairs.push({
        inputDistance: nonNegative(`inputDistance(inputs[${i}], inputs[${j}])`, dX(xs[i], xs[j])),
        outputDistance: nonNegative(`outputDistance(outputs[${i}], outputs[${j}])`, dY(ys[i], ys[j])),
      });
    }
  return { ...lipschitzFairness({ pairs, lipschitz: args.lipschitz, tolerance: args.tolerance }), pairs: index };
}

// ---------------------------------------------------------------------------------------------
// Audit cost and harm at scale
// ---------------------------------------------------------------------------------------------

/**
 * Annual audit cost = audits per year × cost per audit, where cost per audit is given directly
 * or as samples per audit × cost per sample (v1-15: $1.5K cloud / $4K mobile per run;
 * v2-16: 10,000 samples × $5).
 */
export function auditCost(args: { auditsPerYear: number; costPerAudit?: number; samplesPerAudit?: number; costPerSample?: number }): {
  costPerAudit: number;
  annualCost: number;
} {
  const n = nonNegative('auditsPerYear', args.auditsPerYear);
  let per: number;
  if (args.costPerAudit !== undefined) per = nonNegative('costPerAudit', args.costPerAudit);
  else if (args.samplesPerAudit !== undefined && args.costPerSample !== undefined)
    per = nonNegative('samplesPerAudit', args.samplesPerAudit) * nonNegative('costPerSample', args.costPerSample);
  else throw new PhysicsError('costPerAudit', args.costPerAudit, 'a cost per audit, or both samplesPerAudit and costPerSample');
  return { costPerAudit: per, annualCost: n * per };
}

/**
 * Expected false positives = population × evaluated fraction × (1 − base rate) × FPR.
 * FPR is conditional on true negatives, hence the (1 − base rate) factor the v2-16 reference omitted.
 */
export function expectedFalsePositives(args: { population: number; evaluatedFraction: number; baseRate: number; fpr: number }): number {
  return (
    nonNegative('population', args.population) *
    fraction('evaluatedFraction', args.evaluatedFraction) *
    (1 - fraction('baseRate', args.baseRate)) *
    fraction('fpr', args.fpr)
  );
}
