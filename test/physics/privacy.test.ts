import { expect } from '@open-wc/testing';
import { createRng } from '../../physics/random.js';
import {
  laplaceScale,
  gaussianSigma,
  analyticGaussianSigma,
  basicComposition,
  advancedComposition,
  dpSgdEpsilon,
  noiseMultiplierForEpsilon,
  clipGradient,
  dpSgdNoisyGradient,
  poissonSubsample,
  membershipAdvantageBound,
  membershipTprBound,
  generalizationGapAdvantage,
  membershipAttackAccuracy,
  renyiDivergence,
  gaussianRenyiDivergence,
} from '../../physics/privacy.js';
import { throwsPhysics } from './_assert.js';

describe('physics/privacy: mechanisms', () => {
  it('scales Laplace noise as Δ/ε', () => {
    expect(laplaceScale({ sensitivity: 1, epsilon: 0.5 })).to.equal(2);
    throwsPhysics(() => laplaceScale({ sensitivity: 1, epsilon: 0 }), 'epsilon');
    throwsPhysics(() => laplaceScale({ sensitivity: 1, epsilon: -1 }), 'epsilon');
  });

  it('gives the classical Gaussian σ and flags ε ≥ 1', () => {
    // δ = 1e-5: √(2 ln 125,000) = √(2·11.736069) = 4.844805
    const g = gaussianSigma({ sensitivity: 1, epsilon: 1, delta: 1e-5 });
    expect(g.sigma).to.be.closeTo(4.844805, 1e-6);
    expect(g.valid).to.equal(false);
    // δ = 1e-6: √(2 ln 1.25e6) = √(2·14.038654) = 5.298803 (the MathPeek's 5.26 is wrong)
    expect(gaussianSigma({ sensitivity: 1, epsilon: 1, delta: 1e-6 }).sigma).to.be.closeTo(5.298803, 1e-6);
    // ε = 0.5 is inside the theorem: σ = 9.68961
    const h = gaussianSigma({ sensitivity: 1, epsilon: 0.5, delta: 1e-5 });
    expect(h.sigma).to.be.closeTo(9.68961, 1e-5);
    expect(h.valid).to.equal(true);
    throwsPhysics(() => gaussianSigma({ sensitivity: 1, epsilon: 1, delta: 0 }), 'delta');
  });

  it('solves the analytic Gaussian mechanism exactly', () => {
    const s = analyticGaussianSigma({ sensitivity: 1, epsilon: 1, delta: 1e-5 });
    // below the classical bound 4.8448, and it meets δ: Φ(1/2σ − σ) − e·Φ(−1/2σ − σ) = 1e-5
    expect(s).to.be.below(4.8448);
    expect(s).to.be.closeTo(3.7306, 1e-3);
    // valid for large ε too, and σ shrinks as ε grows
    expect(analyticGaussianSigma({ sensitivity: 1, epsilon: 5, delta: 1e-5 })).to.be.below(s);
    // linear in sensitivity
    expect(analyticGaussianSigma({ sensitivity: 2, epsilon: 1, delta: 1e-5 })).to.be.closeTo(2 * s, 1e-6);
  });
});

describe('physics/privacy: composition', () => {
  it('adds ε and δ under basic composition', () => {
    const c = basicComposition([{ epsilon: 0.5, delta: 1e-6 }, { epsilon: 0.25 }, { epsilon: 0.25, delta: 1e-6 }]);
    expect(c.epsilon).to.equal(1);
    expect(c.delta).to.equal(2e-6);
    throwsPhysics(() => basicComposition([]), 'steps');
  });

  it('applies Dwork–Rothblum–Vadhan advanced composition', () => {
    // k = 100, ε = 0.1, δ' = 1e-5: √(200·ln 1e5)·0.1 + 100·0.1·(e^0.1 − 1)
    // = √(200·11.512925)·0.1 + 10·0.105171 = 47.9853·0.1 + 1.051709 = 4.798526 + 1.051709 = 5.850235 (< basic 10)
    const a = advancedComposition({ epsilon: 0.1, k: 100, deltaPrime: 1e-5 });
    expect(a.epsilon).to.be.closeTo(5.850235, 1e-6);
    expect(a.basic).to.be.closeTo(10, 1e-12);
    expect(a.delta).to.be.closeTo(1e-5, 1e-18);
    expect(advancedComposition({ epsilon: 0.1, delta: 1e-7, k: 100, deltaPrime: 1e-5 }).delta).to.be.closeTo(2e-5, 1e-18);
    throwsPhysics(() => advancedComposition({ epsilon: 0.1, k: 0, deltaPrime: 1e-5 }), 'k');
  });
});

describe('physics/privacy: DP-SGD accounting', () => {
  it('reduces to the Gaussian mechanism RDP bound at q = 1', () => {
    // q = 1, T = 1, σ = 5: ε = min_α α/(2·25) + ln(1e5)/(α − 1); at α = 25: 0.5 + 11.512925/24 = 0.979705
    const r = dpSgdEpsilon({ noiseMultiplier: 5, samplingRate: 1, steps: 1, delta: 1e-5 });
    expect(r.order).to.equal(25);
    expect(r.epsilon).to.be.closeTo(0.979705, 1e-6);
  });

  it('agrees with published moments-accountant values within a few percent', () => {
    // Bu, Dong, Long & Su 2020 (HDSR), MNIST q = 256/60000, δ = 1e-5: σ = 1.3 for 20 epochs ⇒ ε = 1.34
    const steps = Math.round((20 * 60000) / 256);
    expect(dpSgdEpsilon({ noiseMultiplier: 1.3, samplingRate: 256 / 60000, steps, delta: 1e-5 }).epsilon).to.be.closeTo(1.34, 0.05);
    // σ = 0.7 for 70 epochs ⇒ ε = 8.68 (integer orders only: a few % higher)
    const e2 = dpSgdEpsilon({
      noiseMultiplier: 0.7,
      samplingRate: 256 / 60000,
      steps: Math.round((70 * 60000) / 256),
      delta: 1e-5,
    }).epsilon;
    expect(e2).to.be.within(8.68, 8.68 * 1.05);
  });

  it('makes more data (smaller q) and more noise lower ε, and more steps raise it', () => {
    const base = { noiseMultiplier: 1.1, samplingRate: 0.01, steps: 1000, delta: 1e-6 };
    const e = dpSgdEpsilon(base).epsilon;
    expect(dpSgdEpsilon({ ...base, samplingRate: 0.001 }).epsilon).to.be.below(e);
    expect(dpSgdEpsilon({ ...base, noiseMultiplier: 2 }).epsilon).to.be.below(e);
    expect(dpSgdEpsilon({ ...base, steps: 10_000 }).epsilon).to.be.above(e);
    throwsPhysics(() => dpSgdEpsilon({ ...base, samplingRate: 0 }), 'samplingRate');
    throwsPhysics(() => dpSgdEpsilon({ ...base, noiseMultiplier: 0 }), 'noiseMultiplier');
  });

  it('inverts the accountant for a target ε', () => {
    const sigma = noiseMultiplierForEpsilon({ targetEpsilon: 1, samplingRate: 0.001, steps: 10_000, delta: 1e-6 });
    expect(dpSgdEpsilon({ noiseMultiplier: sigma, samplingRate: 0.001, steps: 10_000, delta: 1e-6 }).epsilon).to.be.closeTo(1, 1e-3);
    // a multiplier near 1 reaches ε ≈ 1 thanks to subsampling (q = 0.1 %), unlike the one-shot σ ≈ 5.3
    expect(sigma).to.be.within(0.9, 1.5);
  });

  it('clips per-example gradients to norm C', () => {
    // ‖(3, 4)‖ = 5 > 1 ⇒ (0.6, 0.8)
    const c = clipGradient([3, 4], 1);
    expect(c[0]).to.be.closeTo(0.6, 1e-15);
    expect(c[1]).to.be.closeTo(0.8, 1e-15);
    expect(clipGradient([0.3, 0.4], 1)).to.deep.equal([0.3, 0.4]);
    throwsPhysics(() => clipGradient([], 1));
    throwsPhysics(() => clipGradient([1], 0), 'clipNorm');
  });

  it('adds seeded Gaussian noise of std σ·C to the clipped sum', () => {
    const grads = [
      [3, 4],
      [0.3, 0.4],
    ];
    // zero noise: ((0.6 + 0.3)/2, (0.8 + 0.4)/2) = (0.45, 0.6)
    const clean = dpSgdNoisyGradient({ perExampleGradients: grads, clipNorm: 1, noiseMultiplier: 0, rng: createRng(1) });
    expect(clean.gradient[0]).to.be.closeTo(0.45, 1e-15);
    expect(clean.gradient[1]).to.be.closeTo(0.6, 1e-15);
    const a = dpSgdNoisyGradient({ perExampleGradients: grads, clipNorm: 1, noiseMultiplier: 1.1, rng: createRng(42) });
    const b = dpSgdNoisyGradient({ perExampleGradients: grads, clipNorm: 1, noiseMultiplier: 1.1, rng: createRng(42) });
    expect(a.gradient).to.deep.equal(b.gradient);
    expect(a.noiseStd).to.be.closeTo(1.1, 1e-15);
    // the noise has the right spread: 2,000 one-dimensional draws have std ≈ σC/B = 1.1/1
    const rng = createRng(7);
    const draws = Array.from(
      { length: 2000 },
      () => dpSgdNoisyGradient({ perExampleGradients: [[0]], clipNorm: 1, noiseMultiplier: 1.1, rng }).gradient[0],
    );
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1));
    expect(sd).to.be.closeTo(1.1, 0.06);
    throwsPhysics(
      () => dpSgdNoisyGradient({ perExampleGradients: grads, clipNorm: 1, noiseMultiplier: 1, rng: Math.random as never }),
      'rng',
    );
    throwsPhysics(() => dpSgdNoisyGradient({ perExampleGradients: [], clipNorm: 1, noiseMultiplier: 1, rng: createRng(1) }));
  });

  it('Poisson-subsamples reproducibly', () => {
    const a = poissonSubsample(10_000, 0.01, createRng(3));
    expect(a).to.deep.equal(poissonSubsample(10_000, 0.01, createRng(3)));
    // expected 100 ± 3σ (σ = √(10,000·0.01·0.99) = 9.95)
    expect(a.length).to.be.within(70, 130);
    expect(poissonSubsample(100, 0, createRng(3))).to.deep.equal([]);
    expect(poissonSubsample(5, 1, createRng(3))).to.deep.equal([0, 1, 2, 3, 4]);
  });
});

describe('physics/privacy: membership inference', () => {
  it('bounds the advantage tightly and reports Yeom’s looser bound', () => {
    // ε = ln 3, δ = 0: (3 − 1)/(3 + 1) = 0.5; Yeom e^ε − 1 = 2 → capped at 1
    const b = membershipAdvantageBound({ epsilon: Math.log(3) });
    expect(b.advantage).to.be.closeTo(0.5, 1e-12);
    expect(b.yeom).to.equal(1);
    // ε = 1: (e − 1)/(e + 1) = 1.718282/3.718282 = 0.462117
    expect(membershipAdvantageBound({ epsilon: 1 }).advantage).to.be.closeTo(0.462117, 1e-6);
    // ε = 0.1: Yeom 0.105171, tight 0.049958
    const small = membershipAdvantageBound({ epsilon: 0.1 });
    expect(small.yeom).to.be.closeTo(0.105171, 1e-6);
    expect(small.advantage).to.be.closeTo(0.049958, 1e-6);
    // δ adds 2δ/(e^ε + 1): ε = 0, δ = 0.01 ⇒ 0.02/2 = 0.01
    expect(membershipAdvantageBound({ epsilon: 0, delta: 0.01 }).advantage).to.be.closeTo(0.01, 1e-15);
    throwsPhysics(() => membershipAdvantageBound({ epsilon: -1 }), 'epsilon');
  });

  it('bounds attack TPR at a given FPR', () => {
    // ε = 1, FPR = 0.01: min(e·0.01, 1 − e^{−1}·0.99) = min(0.027183, 0.635795) = 0.027183
    expect(membershipTprBound({ epsilon: 1, fpr: 0.01 })).to.be.closeTo(0.027183, 1e-6);
    // FPR = 0.5: min(1.359141, 1 − 0.367879·0.5) = 0.816060
    expect(membershipTprBound({ epsilon: 1, fpr: 0.5 })).to.be.closeTo(0.81606, 1e-6);
    expect(membershipTprBound({ epsilon: 0, fpr: 0.3 })).to.be.closeTo(0.3, 1e-12);
  });

  it('turns the generalisation gap into attack accuracy (1 + adv)/2', () => {
    // 98 % train, 68 % test: advantage 0.30 ⇒ accuracy 0.65 (the reference said 0.80)
    const adv = generalizationGapAdvantage({ trainAccuracy: 0.98, testAccuracy: 0.68 });
    expect(adv).to.be.closeTo(0.3, 1e-12);
    expect(membershipAttackAccuracy(adv)).to.be.closeTo(0.65, 1e-12);
    expect(generalizationGapAdvantage({ trainAccuracy: 0.8, testAccuracy: 0.85 })).to.equal(0);
    expect(membershipAttackAccuracy(0)).to.equal(0.5);
    throwsPhysics(() => membershipAttackAccuracy(1.5), 'advantage');
  });
});

describe('physics/privacy: Rényi divergence (v2-13 MathPeek)', () => {
  const P = [0.5, 0.5],
    Q = [0.25, 0.75];

  it('computes D_α = ln Σ pᵢ^α qᵢ^{1−α} / (α − 1) for discrete distributions', () => {
    // α = 2: Σ p²/q = 0.25/0.25 + 0.25/0.75 = 4/3 ⇒ ln(4/3) = 0.287682
    expect(renyiDivergence(P, Q, 2)).to.be.closeTo(0.287682, 1e-6);
    // α = 0.5: Σ √(pq) = √0.125 + √0.375 = 0.353553 + 0.612372 = 0.965926 ⇒ ln(0.965926)/(−0.5) = 0.069336
    expect(renyiDivergence(P, Q, 0.5)).to.be.closeTo(0.069336, 1e-6);
    // α = 1 is KL: 0.5 ln 2 + 0.5 ln(2/3) = 0.346574 − 0.202733 = 0.143841
    expect(renyiDivergence(P, Q, 1)).to.be.closeTo(0.143841, 1e-6);
    // α = ∞: ln max(0.5/0.25, 0.5/0.75) = ln 2 = 0.693147
    expect(renyiDivergence(P, Q, Infinity)).to.be.closeTo(0.693147, 1e-6);
    // counts normalise like probabilities; identical distributions give 0
    expect(renyiDivergence([2, 2], [1, 3], 2)).to.be.closeTo(0.287682, 1e-6);
    expect(renyiDivergence([1, 2, 3], [1, 2, 3], 5)).to.be.closeTo(0, 1e-12);
  });

  it('is non-decreasing in α and tends to KL as α → 1', () => {
    const orders = [0.5, 0.9, 1, 1.1, 2, 8, 32];
    const d = orders.map((a) => renyiDivergence(P, Q, a));
    d.slice(1).forEach((v, i) => expect(v).to.be.at.least(d[i]));
    expect(renyiDivergence(P, Q, 1 + 1e-6)).to.be.closeTo(renyiDivergence(P, Q, 1), 1e-6);
    // bounded by the α = ∞ value ln 2 even at α = 1,000 (no overflow in Σ pᵢ^α qᵢ^{1−α})
    const big = renyiDivergence(P, Q, 1000);
    expect(big).to.be.below(0.693148);
    expect(big).to.be.above(0.69);
  });

  it('handles outcomes one distribution never produces', () => {
    // p puts mass where q has none: ∞ for α ≥ 1; for α = 0.5: Σ √(pq) over the overlap = √(0.5·1) = 0.707107 ⇒ −2 ln 0.707107 = ln 2
    expect(renyiDivergence([0.5, 0.5], [1, 0], 2)).to.equal(Infinity);
    expect(renyiDivergence([0.5, 0.5], [1, 0], 1)).to.equal(Infinity);
    expect(renyiDivergence([0.5, 0.5], [1, 0], 0.5)).to.be.closeTo(Math.LN2, 1e-12);
    // q puts mass where p has none: finite; α = 2: Σ p²/q = 1/0.5 = 2 ⇒ ln 2
    expect(renyiDivergence([1, 0], [0.5, 0.5], 2)).to.be.closeTo(Math.LN2, 1e-12);
    expect(renyiDivergence([1, 0], [0, 1], 0.5)).to.equal(Infinity);
  });

  it('gives α·Δ²/(2σ²) for equal-variance Gaussians, matching a discretised computation', () => {
    // Δ = 1, σ = 2, α = 10: 10·1/(2·4) = 1.25; α = 1 (KL): 1/8 = 0.125
    expect(gaussianRenyiDivergence({ alpha: 10, meanDifference: 1, sigma: 2 })).to.equal(1.25);
    expect(gaussianRenyiDivergence({ alpha: 1, meanDifference: -1, sigma: 2 })).to.equal(0.125);
    // v2-13: σ = 5.2988 at sensitivity 1 ⇒ α = 2: 2/(2·28.0773) = 0.035616 per release
    expect(gaussianRenyiDivergence({ alpha: 2, meanDifference: 1, sigma: 5.2988 })).to.be.closeTo(0.035616, 1e-6);
    // N(1, 2²) vs N(0, 2²) on a grid of step 0.01 over [−40, 40]: the discrete D_3 approaches 3/8 = 0.375
    const xs = Array.from({ length: 8001 }, (_, i) => -40 + i * 0.01);
    const pdf = (mu: number) => xs.map((x) => Math.exp(-((x - mu) ** 2) / 8));
    expect(renyiDivergence(pdf(1), pdf(0), 3)).to.be.closeTo(0.375, 1e-6);
  });

  it('rejects invalid distributions and orders', () => {
    throwsPhysics(() => renyiDivergence([], [], 2), 'p');
    throwsPhysics(() => renyiDivergence([0.5, 0.5], [1], 2), 'same outcomes');
    throwsPhysics(() => renyiDivergence([0.5, -0.5], [0.5, 0.5], 2), 'p[1]');
    throwsPhysics(() => renyiDivergence([0, 0], [0.5, 0.5], 2), 'positive total');
    throwsPhysics(() => renyiDivergence(P, Q, 0), 'alpha');
    throwsPhysics(() => renyiDivergence(P, Q, Number.NaN), 'alpha');
    throwsPhysics(() => gaussianRenyiDivergence({ alpha: 2, meanDifference: 1, sigma: 0 }), 'sigma');
    throwsPhysics(() => gaussianRenyiDivergence({ alpha: -1, meanDifference: 1, sigma: 1 }), 'alpha');
  });
});
