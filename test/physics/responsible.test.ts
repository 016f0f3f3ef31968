import { expect } from '@open-wc/testing';
import {
  standardNormalCdf,
  confusionRates,
  groupRates,
  binormalScoreRates,
  calibratedGroupRates,
  equalizedOddsGap,
  demographicParityGap,
  FOUR_FIFTHS_RATIO,
  EO_GAP_POLICY_THRESHOLD,
  chouldechovaFpr,
  impliedFprs,
  FAIRNESS_CRITERIA,
  fairnessPolicy,
  auditCost,
  expectedFalsePositives,
  lipschitzFairness,
  lipschitzFairnessOfPoints,
} from '../../physics/responsible.js';
import { throwsPhysics } from './_assert.js';

describe('physics/responsible: normal CDF', () => {
  it('matches tabulated values, including the tails', () => {
    expect(standardNormalCdf(0)).to.be.closeTo(0.5, 1e-9);
    expect(standardNormalCdf(1.959964)).to.be.closeTo(0.975, 1e-7);
    expect(standardNormalCdf(-1)).to.be.closeTo(0.158655, 1e-6);
    // Φ(−5) = 2.8665e-7 (relative accuracy in the tail)
    expect(standardNormalCdf(-5) / 2.86652e-7).to.be.closeTo(1, 1e-5);
    expect(standardNormalCdf(Infinity)).to.equal(1);
    throwsPhysics(() => standardNormalCdf(Number.NaN));
  });
});

describe('physics/responsible: confusion rates', () => {
  it('derives TPR, FPR, PPV, NPV and accuracy from counts', () => {
    // TP 80, FN 20, FP 30, TN 870 (n = 1000)
    const r = confusionRates({ tp: 80, fp: 30, fn: 20, tn: 870 });
    expect(r.tpr).to.equal(0.8); // 80/100
    expect(r.fpr).to.be.closeTo(30 / 900, 1e-15); // 0.0333
    expect(r.ppv).to.be.closeTo(80 / 110, 1e-15); // 0.7273
    expect(r.npv).to.be.closeTo(870 / 890, 1e-15); // 0.9775
    expect(r.accuracy).to.equal(0.95); // 950/1000
    expect(r.selectionRate).to.equal(0.11);
    expect(r.baseRate).to.equal(0.1);
  });

  it('returns NaN for undefined rates at base rate 0 or 1', () => {
    const none = confusionRates({ tp: 0, fp: 5, fn: 0, tn: 95 });
    expect(none.baseRate).to.equal(0);
    expect(Number.isNaN(none.tpr)).to.equal(true);
    expect(none.fpr).to.equal(0.05);
    const all = confusionRates({ tp: 9, fp: 0, fn: 1, tn: 0 });
    expect(Number.isNaN(all.fpr)).to.equal(true);
    expect(all.tpr).to.equal(0.9);
    throwsPhysics(() => confusionRates({ tp: 0, fp: 0, fn: 0, tn: 0 }), 'counts');
    throwsPhysics(() => confusionRates({ tp: -1, fp: 0, fn: 0, tn: 1 }), 'tp');
  });

  it('computes group rates from base rate, TPR and FPR (v1-15 defaults)', () => {
    // TPR = Φ((0.7 − 0.5)/0.15) = Φ(1.3333) = 0.908789; FPR = Φ(−1.3333) = 0.091211
    const { tpr, fpr } = binormalScoreRates({ threshold: 0.5 });
    expect(tpr).to.be.closeTo(0.908789, 1e-6);
    expect(fpr).to.be.closeTo(0.091211, 1e-6);
    const a = groupRates({ baseRate: 0.1, tpr, fpr });
    const b = groupRates({ baseRate: 0.4, tpr, fpr });
    // accuracy 0.1·0.908789 + 0.9·0.908789 = 0.908789 for both groups
    expect(a.accuracy).to.be.closeTo(0.908789, 1e-6);
    expect(b.accuracy).to.be.closeTo(0.908789, 1e-6);
    // PPV A = 0.0908789/(0.0908789 + 0.9·0.091211) = 0.0908789/0.172969 = 0.525406; PPV B = 0.363516/0.418242 = 0.869151
    expect(a.ppv).to.be.closeTo(0.525406, 1e-6);
    expect(b.ppv).to.be.closeTo(0.869151, 1e-6);
    expect(a.selectionRate).to.be.closeTo(0.172969, 1e-6);
    // base rate 0: nobody is positive, PPV undefined
    expect(Number.isNaN(groupRates({ baseRate: 0, tpr: 0.9, fpr: 0 }).ppv)).to.equal(true);
    expect(groupRates({ baseRate: 1, tpr: 0.9, fpr: 0.1 }).accuracy).to.equal(0.9);
  });
});

describe('physics/responsible: gaps', () => {
  it('computes the equalised-odds gap as the brief defines it', () => {
    // |0.8 − 0.7| = 0.1 TPR (= FNR) gap, |0.10 − 0.04| = 0.06 FPR gap ⇒ mean 0.08, max 0.10
    const g = equalizedOddsGap({ tpr: 0.8, fpr: 0.1 }, { tpr: 0.7, fpr: 0.04 });
    expect(g.fnrGap).to.be.closeTo(0.1, 1e-12);
    expect(g.fprGap).to.be.closeTo(0.06, 1e-12);
    expect(g.mean).to.be.closeTo(0.08, 1e-12);
    expect(g.max).to.be.closeTo(0.1, 1e-12);
    expect(EO_GAP_POLICY_THRESHOLD.value).to.equal(0.1);
  });

  it('computes the parity difference and the four-fifths ratio', () => {
    // v1-15 defaults: approvals 17.30 % vs 41.82 % ⇒ difference 0.2453, ratio 0.4136 < 0.8
    const d = demographicParityGap({ selectionRate: 0.172969 }, { selectionRate: 0.418242 });
    expect(d.difference).to.be.closeTo(0.245273, 1e-6);
    expect(d.ratio).to.be.closeTo(0.413562, 1e-6);
    expect(d.fourFifthsViolated).to.equal(true);
    expect(FOUR_FIFTHS_RATIO.value).to.equal(0.8);
    expect(demographicParityGap({ selectionRate: 0.4 }, { selectionRate: 0.45 }).fourFifthsViolated).to.equal(false);
    expect(Number.isNaN(demographicParityGap({ selectionRate: 0 }, { selectionRate: 0 }).ratio)).to.equal(true);
  });
});

describe('physics/responsible: Chouldechova identity', () => {
  it('recovers FPR from base rate, PPV and TPR', () => {
    // p = 0.1, PPV = 0.525406, TPR = 0.908789: (0.1/0.9)·(0.474594/0.525406)·0.908789 = 0.111111·0.903290·0.908789 = 0.091211
    expect(chouldechovaFpr({ baseRate: 0.1, ppv: 0.525406, tpr: 0.908789 })).to.be.closeTo(0.091211, 1e-6);
  });

  it('forces unequal FPR when PPV and TPR are shared but base rates differ', () => {
    // PPV 0.8, TPR 0.7: p = 0.1 → (1/9)(0.25)(0.7) = 0.019444; p = 0.4 → (2/3)(0.25)(0.7) = 0.116667
    const f = impliedFprs({ baseRates: [0.1, 0.4], ppv: 0.8, tpr: 0.7 });
    expect(f[0]).to.be.closeTo(0.019444, 1e-6);
    expect(f[1]).to.be.closeTo(0.116667, 1e-6);
    // base rate 0 ⇒ FPR 0; base rate 1 is outside the identity
    expect(chouldechovaFpr({ baseRate: 0, ppv: 0.8, tpr: 0.7 })).to.equal(0);
    throwsPhysics(() => chouldechovaFpr({ baseRate: 1, ppv: 0.8, tpr: 0.7 }), 'baseRate');
    throwsPhysics(() => chouldechovaFpr({ baseRate: 0.2, ppv: 0, tpr: 0.7 }), 'ppv');
    throwsPhysics(() => impliedFprs({ baseRates: [], ppv: 0.8, tpr: 0.7 }), 'baseRates');
  });
});

describe('physics/responsible: calibrated scores and fairness policies', () => {
  it('turns a shared calibrated threshold into group-specific cuts', () => {
    // d = 2, t = 0.5, p = 0.1: cut = (0 − ln(1/9))/2 = 2.197225/2 = 1.098612
    // TPR = Φ(1 − 1.098612) = Φ(−0.098612) = 0.460724; FPR = Φ(−1 − 1.098612) = Φ(−2.098612) = 0.017926
    const a = calibratedGroupRates({ baseRate: 0.1, separation: 2 });
    expect(a.cut).to.be.closeTo(1.098612, 1e-6);
    expect(a.tpr).to.be.closeTo(0.460724, 1e-5);
    expect(a.fpr).to.be.closeTo(0.017926, 1e-5);
    // p = 0.4: cut = ln(1.5)/2 = 0.202733 ⇒ TPR = Φ(0.797267) = 0.787352
    const b = calibratedGroupRates({ baseRate: 0.4, separation: 2 });
    expect(b.tpr).to.be.closeTo(0.787352, 1e-5);
    throwsPhysics(() => calibratedGroupRates({ baseRate: 0, separation: 2 }), 'baseRate');
    throwsPhysics(() => calibratedGroupRates({ baseRate: 1, separation: 2 }), 'baseRate');
  });

  it('satisfies each criterion with per-group thresholds and prices it in accuracy', () => {
    const args = { baseRates: [0.1, 0.4], separation: 2 } as const;
    const acc = fairnessPolicy({ ...args, criterion: 'max-accuracy' });
    // unconstrained: FPR_B = Φ(−1.202733) = 0.114540; accuracy
    // ½(0.1·0.460724 + 0.9·0.982074) + ½(0.4·0.787352 + 0.6·0.885460) = ½(0.929939) + ½(0.846217) = 0.888078
    expect(acc.accuracy).to.be.closeTo(0.888078, 1e-5);
    expect(acc.equalizedOdds.mean).to.be.above(0.2);

    const eo = fairnessPolicy({ ...args, criterion: 'equalized-odds' });
    // shared cut at pooled base rate 0.25: c = ln(3)/2 = 0.549306
    expect(eo.groups[0].cut).to.be.closeTo(0.549306, 1e-6);
    expect(eo.equalizedOdds.max).to.be.below(1e-12);
    expect(eo.accuracy).to.be.below(acc.accuracy);
    // ...and then PPV must differ (Chouldechova), consistent with the identity
    expect(eo.ppvGap).to.be.above(0.3);
    for (const g of eo.groups) expect(chouldechovaFpr({ baseRate: g.baseRate, ppv: g.ppv, tpr: g.tpr })).to.be.closeTo(g.fpr, 1e-12);

    const dp = fairnessPolicy({ ...args, criterion: 'demographic-parity' });
    expect(Math.abs(dp.groups[0].selectionRate - dp.groups[1].selectionRate)).to.be.below(1e-9);
    expect(dp.accuracy).to.be.below(eo.accuracy);

    const pp = fairnessPolicy({ ...args, criterion: 'predictive-parity' });
    expect(pp.ppvGap).to.be.below(1e-9);
    expect(pp.equalizedOdds.mean).to.be.above(0.1);
    expect(FAIRNESS_CRITERIA).to.have.length(4);
  });

  it('accepts an explicit target and equal base rates', () => {
    const dp = fairnessPolicy({ baseRates: [0.1, 0.4], separation: 2, criterion: 'demographic-parity', target: 0.2 });
    expect(dp.target).to.equal(0.2);
    expect(dp.groups[0].selectionRate).to.be.closeTo(0.2, 1e-9);
    // equal base rates: the unconstrained policy already satisfies every criterion
    const same = fairnessPolicy({ baseRates: [0.3, 0.3], separation: 1.5, criterion: 'max-accuracy' });
    expect(same.equalizedOdds.max).to.equal(0);
    expect(same.demographicParity.difference).to.equal(0);
    expect(same.ppvGap).to.equal(0);
    throwsPhysics(() => fairnessPolicy({ baseRates: [0.3], separation: 1, criterion: 'max-accuracy' }), 'baseRates');
    throwsPhysics(() => fairnessPolicy({ baseRates: [0.3, 0.2], separation: 1, criterion: 'fair' as never }), 'criterion');
    throwsPhysics(() => fairnessPolicy({ baseRates: [0.3, 0.2], separation: 1, criterion: 'predictive-parity', target: 0.25 }), 'target');
  });
});

describe('physics/responsible: audit cost and harm at scale', () => {
  it('computes annual audit cost', () => {
    // v1-15 cloud quarterly: 4 × $1,500 = $6,000; mobile continuous 52 × $4,000 = $208,000
    expect(auditCost({ auditsPerYear: 4, costPerAudit: 1500 }).annualCost).to.equal(6000);
    expect(auditCost({ auditsPerYear: 52, costPerAudit: 4000 }).annualCost).to.equal(208_000);
    // v2-16: 4 × 10,000 samples × $5 = $200,000
    expect(auditCost({ auditsPerYear: 4, samplesPerAudit: 10_000, costPerSample: 5 }).annualCost).to.equal(200_000);
    throwsPhysics(() => auditCost({ auditsPerYear: 4 }), 'costPerAudit');
  });

  it('counts false positives among true negatives only', () => {
    // EU: 300 M × 0.5 % × (1 − 0.05) × 8 % = 114,000 per day (the reference's 120,000 ignored the base rate)
    expect(expectedFalsePositives({ population: 300e6, evaluatedFraction: 0.005, baseRate: 0.05, fpr: 0.08 })).to.be.closeTo(114_000, 1e-6);
    expect(expectedFalsePositives({ population: 300e6, evaluatedFraction: 0.005, baseRate: 0, fpr: 0.08 })).to.be.closeTo(120_000, 1e-6);
    expect(expectedFalsePositives({ population: 1e6, evaluatedFraction: 1, baseRate: 1, fpr: 0.5 })).to.equal(0);
  });
});

describe('physics/responsible: individual fairness (Lipschitz, v1-15 MathPeek)', () => {
  it('flags pairs whose outputs differ more than L times their inputs', () => {
    // pairs (d_X, d_Y): (5, 0.7) ratio 0.14; (1, 0.3) ratio 0.3; (4.242641, 0.4) ratio 0.094281
    const pairs = [
      { inputDistance: 5, outputDistance: 0.7 },
      { inputDistance: 1, outputDistance: 0.3 },
      { inputDistance: Math.sqrt(18), outputDistance: 0.4 },
    ];
    const r = lipschitzFairness({ pairs, lipschitz: 0.2 });
    expect(r.ratios[0]).to.be.closeTo(0.14, 1e-12);
    expect(r.ratios[2]).to.be.closeTo(0.094281, 1e-6);
    // only 0.3 > 0.2·1 violates; the tightest L these pairs allow is 0.3
    expect(r.violations).to.deep.equal([1]);
    expect(r.maxRatio).to.be.closeTo(0.3, 1e-12);
    expect(r.worstPair).to.equal(1);
    expect(r.satisfied).to.equal(false);
    expect(lipschitzFairness({ pairs, lipschitz: 0.3 }).satisfied).to.equal(true);
  });

  it('treats a pair exactly on the bound as fair despite rounding, and identical inputs strictly', () => {
    // d_Y = 0.1 + 0.2 = 0.30000000000000004 against L·d_X = 0.3·1: on the bound, not a violation
    expect(lipschitzFairness({ pairs: [{ inputDistance: 1, outputDistance: 0.1 + 0.2 }], lipschitz: 0.3 }).satisfied).to.equal(true);
    // same applicant twice (d_X = 0) with different scores: ratio ∞, violates every L
    const twin = lipschitzFairness({
      pairs: [
        { inputDistance: 0, outputDistance: 0.05 },
        { inputDistance: 0, outputDistance: 0 },
      ],
      lipschitz: 100,
    });
    expect(twin.ratios).to.deep.equal([Infinity, 0]);
    expect(twin.violations).to.deep.equal([0]);
  });

  it('checks every pair of points with Euclidean inputs and score or total-variation outputs', () => {
    // x = (0,0), (3,4), (0,1); scores 0.2, 0.9, 0.5; pairs (0,1), (0,2), (1,2):
    // d_X = 5, 1, √(9 + 9) = 4.242641; d_Y = 0.7, 0.3, 0.4 (as above)
    const r = lipschitzFairnessOfPoints({
      inputs: [
        [0, 0],
        [3, 4],
        [0, 1],
      ],
      outputs: [0.2, 0.9, 0.5],
      lipschitz: 0.2,
    });
    expect(r.pairs).to.deep.equal([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(r.violations).to.deep.equal([1]);
    expect(r.pairs[r.worstPair]).to.deep.equal([0, 2]);
    // outcome distributions (approve, reject): TV = ½(|0.7 − 0.4| + |0.3 − 0.6|) = 0.3 at d_X = |10 − 11| = 1
    const tv = lipschitzFairnessOfPoints({
      inputs: [10, 11],
      outputs: [
        [0.7, 0.3],
        [0.4, 0.6],
      ],
      lipschitz: 0.25,
    });
    expect(tv.ratios[0]).to.be.closeTo(0.3, 1e-12);
    expect(tv.satisfied).to.equal(false);
    // a task-specific metric: only the first feature is relevant, so d_X = |0 − 0| = 0 for (0,0) vs (0,1)
    const custom = lipschitzFairnessOfPoints({
      inputs: [
        [0, 0],
        [0, 1],
      ],
      outputs: [0.2, 0.2],
      lipschitz: 1,
      inputDistance: (a: number[], b: number[]) => Math.abs(a[0] - b[0]),
    });
    expect(custom.ratios).to.deep.equal([0]);
    expect(custom.satisfied).to.equal(true);
  });

  it('rejects invalid pairs, constants and points', () => {
    throwsPhysics(() => lipschitzFairness({ pairs: [], lipschitz: 1 }), 'pairs');
    throwsPhysics(() => lipschitzFairness({ pairs: [{ inputDistance: -1, outputDistance: 0 }], lipschitz: 1 }), 'inputDistance');
    throwsPhysics(() => lipschitzFairness({ pairs: [{ inputDistance: 1, outputDistance: 0 }], lipschitz: -0.5 }), 'lipschitz');
    throwsPhysics(() => lipschitzFairnessOfPoints({ inputs: [1], outputs: [0.5], lipschitz: 1 }), 'inputs');
    throwsPhysics(() => lipschitzFairnessOfPoints({ inputs: [1, 2], outputs: [0.5], lipschitz: 1 }), 'outputs');
    throwsPhysics(() => lipschitzFairnessOfPoints({ inputs: [[1, 2], [1]], outputs: [0.5, 0.6], lipschitz: 1 }), 'inputs');
    throwsPhysics(
      () => lipschitzFairnessOfPoints({ inputs: [1, 2], outputs: [0.5, 0.6], lipschitz: 1, outputDistance: () => Number.NaN }),
      'outputDistance',
    );
  });
});
