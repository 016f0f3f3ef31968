import { expect } from '@open-wc/testing';
import {
  ATTACK_STRENGTH,
  MADRY_CIFAR10,
  adversarialAccuracy,
  calibrateVulnerability,
  chanceAccuracy,
  attackSuccessRate,
  adversarialTrainingTradeoff,
  certifiedRadius,
  linfLinearShift,
  fgsmPerturb,
  pgdStep,
  mixedAdversarialLoss,
  tradesLoss,
} from '../../physics/robustness.js';
import { throwsPhysics } from './_assert.js';

const EPS8 = 8 / 255;

describe('physics/robustness: attack curves', () => {
  it('reproduces the v2-14 reference curve (k = 0.062 per 1/255)', () => {
    const k = 0.062 * 255; // per unit ε on the [0, 1] scale
    // 97 % at ε = 8/255, FGSM: 0.97·e^{−0.496} = 0.97·0.608962 = 0.590693
    expect(adversarialAccuracy({ cleanAccuracy: 0.97, epsilon: EPS8, vulnerability: k })).to.be.closeTo(0.590693, 1e-6);
    // PGD-7 (m = 1.4): 0.97·e^{−0.6944} = 0.97·0.499374 = 0.484393
    expect(
      adversarialAccuracy({ cleanAccuracy: 0.97, epsilon: EPS8, vulnerability: k, attackStrength: ATTACK_STRENGTH.pgd7.value }),
    ).to.be.closeTo(0.484393, 1e-6);
    // (75 %, 16/255, PGD-20): 0.75·e^{−1.7856} = 0.75·0.167696 = 0.125772 — never below 10 % chance
    expect(adversarialAccuracy({ cleanAccuracy: 0.75, epsilon: 16 / 255, vulnerability: k, attackStrength: 1.8 })).to.be.closeTo(
      0.125772,
      1e-6,
    );
    expect(adversarialAccuracy({ cleanAccuracy: 0.97, epsilon: 1, vulnerability: 100, floor: 0.01 })).to.equal(0.01);
    throwsPhysics(() => adversarialAccuracy({ cleanAccuracy: 1.2, epsilon: EPS8, vulnerability: k }), 'cleanAccuracy');
  });

  it('recalibrates k from the story (97.3 % → 3.4 % under PGD-7 at 8/255)', () => {
    // k = ln(97.3/3.4)/((8/255)·1.4) = 3.353999/0.043922 = 76.3639 per unit ε (0.2995 per 1/255)
    const k = calibrateVulnerability({ cleanAccuracy: 0.973, adversarialAccuracy: 0.034, epsilon: EPS8, attackStrength: 1.4 });
    expect(k).to.be.closeTo(76.3639, 1e-3);
    expect(adversarialAccuracy({ cleanAccuracy: 0.973, epsilon: EPS8, vulnerability: k, attackStrength: 1.4 })).to.be.closeTo(0.034, 1e-12);
    // with that k, FGSM at 8/255 gives 0.973·e^{−2.395714} = 0.973·0.091106 = 0.088646 — below 10 % chance
    const fgsm = adversarialAccuracy({ cleanAccuracy: 0.973, epsilon: EPS8, vulnerability: k });
    expect(fgsm).to.be.closeTo(0.088646, 1e-5);
    expect(fgsm).to.be.below(chanceAccuracy(10));
    throwsPhysics(() => calibrateVulnerability({ cleanAccuracy: 0.9, adversarialAccuracy: 0.95, epsilon: EPS8 }), 'adversarialAccuracy');
  });

  it('gives chance accuracy and attack success rate', () => {
    expect(chanceAccuracy(10)).to.equal(0.1);
    throwsPhysics(() => chanceAccuracy(1), 'classes');
    // 97.3 % → 3.4 %: 1 − 0.034/0.973 = 0.965057
    expect(attackSuccessRate({ cleanAccuracy: 0.973, adversarialAccuracy: 0.034 })).to.be.closeTo(0.965057, 1e-6);
  });
});

describe('physics/robustness: adversarial training trade-off', () => {
  it('matches v2-14 at defaults and at full PGD-7 training', () => {
    const none = adversarialTrainingTradeoff({ trainEpsilon: 0, pgdSteps: 1, lossWeight: 0 });
    expect(none.adversarialAccuracy).to.equal(0.034);
    expect(none.cleanAccuracy).to.equal(0.973);
    // no adversarial examples generated ⇒ cost 1 (the reference showed 2×)
    expect(none.trainingCost).to.equal(1);
    // ε 8/255, K = 7, α = 1: x = 1 ⇒ adv 0.52, clean 0.973 − 0.09 = 0.883, cost 8
    const full = adversarialTrainingTradeoff({ trainEpsilon: EPS8, pgdSteps: 7, lossWeight: 1 });
    expect(full.strength).to.be.closeTo(1, 1e-12);
    expect(full.adversarialAccuracy).to.be.closeTo(0.52, 1e-12);
    expect(full.cleanAccuracy).to.be.closeTo(0.883, 1e-12);
    expect(full.trainingCost).to.equal(8);
  });

  it('scales with weight, coverage and steps, and saturates at the ceiling', () => {
    // α = 0.8: adv 0.416, clean 0.973 − 0.072 = 0.901
    const w = adversarialTrainingTradeoff({ trainEpsilon: EPS8, pgdSteps: 7, lossWeight: 0.8 });
    expect(w.adversarialAccuracy).to.be.closeTo(0.416, 1e-12);
    expect(w.cleanAccuracy).to.be.closeTo(0.901, 1e-12);
    // ε_train = 4/255: coverage 0.5 ⇒ adv 0.26, clean 0.928
    expect(adversarialTrainingTradeoff({ trainEpsilon: 4 / 255, pgdSteps: 7, lossWeight: 1 }).adversarialAccuracy).to.be.closeTo(
      0.26,
      1e-12,
    );
    // K = 1: ln2/ln8 = 1/3 ⇒ adv 0.17333, clean 0.943
    const k1 = adversarialTrainingTradeoff({ trainEpsilon: EPS8, pgdSteps: 1, lossWeight: 1 });
    expect(k1.adversarialAccuracy).to.be.closeTo(0.173333, 1e-6);
    expect(k1.trainingCost).to.equal(2);
    // ε 16/255, K = 20: strength capped at 1 (reference: 76 %/84 %) but costs 21 passes
    const big = adversarialTrainingTradeoff({ trainEpsilon: 16 / 255, pgdSteps: 20, lossWeight: 1 });
    expect(big.adversarialAccuracy).to.be.closeTo(0.52, 1e-12);
    expect(big.trainingCost).to.equal(21);
    // a smaller clean cost (6 points) opens a feasible region: adv ≥ 0.50 needs x ≥ 0.9615 ⇒ clean 0.973 − 0.0577 = 0.9153 ≥ 0.90
    const feasible = adversarialTrainingTradeoff({ trainEpsilon: EPS8, pgdSteps: 7, lossWeight: 0.97, maxCleanCost: 0.06 });
    expect(feasible.adversarialAccuracy).to.be.at.least(0.5);
    expect(feasible.cleanAccuracy).to.be.at.least(0.9);
    throwsPhysics(() => adversarialTrainingTradeoff({ trainEpsilon: EPS8, pgdSteps: 0, lossWeight: 1 }), 'pgdSteps');
  });
});

describe('physics/robustness: certification and perturbations', () => {
  it('computes Cohen et al.’s certified radius with the ½ factor', () => {
    // σ = 0.5, p_A = 0.9, p_B = 0.1: 0.25·(1.281552 + 1.281552) = 0.640776 = σ·Φ⁻¹(0.9)
    expect(certifiedRadius({ sigma: 0.5, pA: 0.9 })).to.be.closeTo(0.640776, 1e-5);
    // p_B smaller than 1 − p_A: 0.25·(1.281552 + 2.326348) = 0.901975
    expect(certifiedRadius({ sigma: 0.5, pA: 0.9, pB: 0.01 })).to.be.closeTo(0.901975, 1e-5);
    expect(certifiedRadius({ sigma: 0.5, pA: 0.4 })).to.equal(0);
    throwsPhysics(() => certifiedRadius({ sigma: 0.5, pA: 0.9, pB: 0.2 }), 'pB');
    throwsPhysics(() => certifiedRadius({ sigma: 0, pA: 0.9 }), 'sigma');
  });

  it('accumulates L∞ perturbations across dimensions', () => {
    // 150,528 × 8/255 = 4,722.45
    expect(linfLinearShift({ epsilon: EPS8, dimensions: 224 * 224 * 3 })).to.be.closeTo(4722.45, 0.01);
  });

  it('takes FGSM and PGD steps inside the ε-ball', () => {
    expect(fgsmPerturb({ x: [0.5, 0.99, 0.0], gradient: [1, 2, -3], epsilon: 0.03 })).to.deep.equal([0.53, 1, 0]);
    expect(fgsmPerturb({ x: [0.5], gradient: [0], epsilon: 0.03 })).to.deep.equal([0.5]);
    // origin 0.5, ε 0.03, current 0.52, step 0.02 up ⇒ 0.54 projected to 0.53
    const p = pgdStep({ x: [0.52, 0.5], origin: [0.5, 0.5], gradient: [1, -1], stepSize: 0.02, epsilon: 0.03 });
    expect(p[0]).to.be.closeTo(0.53, 1e-15);
    expect(p[1]).to.be.closeTo(0.48, 1e-15);
    throwsPhysics(() => fgsmPerturb({ x: [0.5], gradient: [1, 2], epsilon: 0.1 }), 'gradient');
    throwsPhysics(() => pgdStep({ x: [], origin: [], gradient: [], stepSize: 0.1, epsilon: 0.1 }));
  });

  it('mixes clean and adversarial losses and computes TRADES', () => {
    // (1 − 0.3)·0.2 + 0.3·2.0 = 0.14 + 0.6 = 0.74
    expect(mixedAdversarialLoss({ cleanLoss: 0.2, adversarialLoss: 2, weight: 0.3 })).to.be.closeTo(0.74, 1e-12);
    // p = (0.8, 0.2), q = (0.5, 0.5), y = 0, β = 6:
    // −ln 0.8 = 0.223144; KL = 0.8 ln1.6 + 0.2 ln0.4 = 0.376003 − 0.183258 = 0.192745; total 0.223144 + 6·0.192745 = 1.379612
    expect(tradesLoss({ cleanProbs: [0.8, 0.2], adversarialProbs: [0.5, 0.5], label: 0, beta: 6 })).to.be.closeTo(1.379612, 1e-6);
    expect(tradesLoss({ cleanProbs: [0.8, 0.2], adversarialProbs: [1, 0], label: 0, beta: 1 })).to.equal(Infinity);
    throwsPhysics(() => tradesLoss({ cleanProbs: [0.8, 0.3], adversarialProbs: [0.5, 0.5], label: 0, beta: 1 }), 'sum to 1');
    throwsPhysics(() => tradesLoss({ cleanProbs: [0.8, 0.2], adversarialProbs: [0.5, 0.5], label: 2, beta: 1 }), 'label');
  });

  it('carries sourced reference numbers', () => {
    expect(MADRY_CIFAR10.clean.value).to.equal(0.873);
    expect(ATTACK_STRENGTH.fgsm.source).to.match(/Goodfellow/);
  });
});
