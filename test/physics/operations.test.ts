import { expect } from '@open-wc/testing';
import {
  PSI_THRESHOLDS,
  PSI_THRESHOLDS_CHAPTER,
  PSI_EMPTY_BIN_EPSILON,
  psiContributions,
  populationStabilityIndex,
  klDivergence,
  psiStatus,
  psiPowerLaw,
  psiCrossingTime,
  decayRateFromObservations,
  accuracyExponentialDecay,
  accuracyLinearDecay,
  timeToAccuracy,
  driftCostRate,
  retrainingCostRate,
  optimalRetrainInterval,
  automationBreakEven,
  DATA_SCALING_REFERENCE,
  CURRICULUM_SPEEDUP_RANGE,
  stepsToConverge,
  orderingSpeedup,
  dataSelectionRun,
  annotationCost,
  LABEL_EFFICIENCY,
  ANNOTATION_CURVE_FITS,
  annotationAccuracy,
  budgetForAccuracy,
  predictiveEntropy,
  coresetEconomics,
  onDemandCost,
  reservedCost,
  ownedCost,
  tcoComparison,
  ACCESS_PATTERN_EFFICIENCY,
  METADATA_DEFAULTS,
  loaderWorkerEfficiency,
  storageDeliveredBandwidth,
  dataLoaderDemand,
  dataLoaderUtilization,
  smallFileThroughput,
  metadataLoad,
  objectStoreRequestCapacity,
  dataTransfer,
  fleetQueue,
  curriculumPacing,
  exampleDifficulty,
  curriculumOrder,
  costPerRequest,
} from '../../physics/operations.js';
import { throwsPhysics } from './_assert.js';

const DAY = 86_400;
const HOUR = 3600;
const YEAR = 8760 * HOUR;

describe('physics/operations: PSI drift', () => {
  it('computes PSI as Σ (a−e) ln(a/e)', () => {
    // e = 0.25 each; a = 0.1, 0.2, 0.3, 0.4:
    // (−0.15)ln0.4 + (−0.05)ln0.8 + 0.05 ln1.2 + 0.15 ln1.6
    // = 0.137444 + 0.011157 + 0.009116 + 0.070500 = 0.228217
    expect(populationStabilityIndex([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).to.be.closeTo(0.228217, 1e-6);
  });

  it('normalises counts and is symmetric and zero for identical distributions', () => {
    // counts 25/25/25/25 vs 10/20/30/40 are the same distributions as above
    expect(populationStabilityIndex([25, 25, 25, 25], [10, 20, 30, 40])).to.be.closeTo(0.228217, 1e-6);
    expect(populationStabilityIndex([10, 20, 30, 40], [25, 25, 25, 25])).to.be.closeTo(0.228217, 1e-6);
    expect(populationStabilityIndex([1, 2, 3], [2, 4, 6])).to.equal(0);
  });

  it('equals KL(a‖e) + KL(e‖a) exactly (Jeffreys divergence)', () => {
    const e = [0.25, 0.25, 0.25, 0.25],
      a = [0.1, 0.2, 0.3, 0.4];
    expect(klDivergence(a, e) + klDivergence(e, a)).to.be.closeTo(populationStabilityIndex(e, a), 1e-12);
    // KL(a‖e) = 0.1ln0.4 + 0.2ln0.8 + 0.3ln1.2 + 0.4ln1.6 = −0.091629 − 0.044629 + 0.054697 + 0.188001 = 0.106440
    expect(klDivergence(a, e)).to.be.closeTo(0.10644, 1e-6);
  });

  it('floors empty bins at ε so PSI stays finite', () => {
    // e = (0.5, 0.5, 0 → 1e-4), a = (0.4, 0.4, 0.2):
    // 2·(−0.1)ln0.8 + (0.2 − 1e-4)·ln(0.2/1e-4) = 0.044629 + 0.1999·7.600902 = 0.044629 + 1.519420 = 1.564049
    expect(PSI_EMPTY_BIN_EPSILON.value).to.equal(1e-4);
    expect(populationStabilityIndex([0.5, 0.5, 0], [0.4, 0.4, 0.2])).to.be.closeTo(1.564049, 1e-5);
    const terms = psiContributions([0.5, 0.5, 0], [0.4, 0.4, 0.2]);
    expect(terms).to.have.length(3);
    expect(terms[2]).to.be.closeTo(1.51942, 1e-5);
    // a larger ε caps the empty-bin penalty lower: (0.2 − 0.01)·ln(20) = 0.569189
    expect(psiContributions([0.5, 0.5, 0], [0.4, 0.4, 0.2], { epsilon: 0.01 })[2]).to.be.closeTo(0.569189, 1e-5);
  });

  it('rejects empty, mismatched, negative and all-zero inputs', () => {
    throwsPhysics(() => populationStabilityIndex([], []), 'expected');
    throwsPhysics(() => populationStabilityIndex([1, 2], [1, 2, 3]), '2 bins');
    throwsPhysics(() => populationStabilityIndex([1, -1], [1, 1]));
    throwsPhysics(() => populationStabilityIndex([0, 0], [1, 1]), 'positive total');
    throwsPhysics(() => populationStabilityIndex([1, 1], [1, 1], { epsilon: 0 }), 'epsilon');
  });

  it('bands PSI with conventional and chapter thresholds', () => {
    expect(PSI_THRESHOLDS.warning.value).to.equal(0.1);
    expect(PSI_THRESHOLDS.drift.value).to.equal(0.25);
    expect(PSI_THRESHOLDS_CHAPTER.drift.value).to.equal(0.2);
    expect(psiStatus(0.05)).to.equal('stable');
    expect(psiStatus(0.1)).to.equal('warning');
    expect(psiStatus(0.22)).to.equal('warning');
    expect(psiStatus(0.25)).to.equal('drift');
    const chapter = { warning: PSI_THRESHOLDS_CHAPTER.warning.value, drift: PSI_THRESHOLDS_CHAPTER.drift.value };
    expect(psiStatus(0.22, chapter)).to.equal('drift');
    throwsPhysics(() => psiStatus(-0.1));
    throwsPhysics(() => psiStatus(0.1, { warning: 0.3, drift: 0.2 }), 'thresholds.drift');
  });

  it('reproduces v1-14 PSI curves and the week-14 crossing', () => {
    // Transaction Amount k = 0.028, e = 0.75: PSI(14) = 0.028·14^0.75 = 0.028·7.2376 = 0.20265
    expect(psiPowerLaw({ t: 14, coefficient: 0.028, exponent: 0.75 })).to.be.closeTo(0.20265, 1e-4);
    expect(psiPowerLaw({ t: 0, coefficient: 0.028, exponent: 0.75 })).to.equal(0);
    // Location k = 0.012, e = 0.85 at week 26: 0.012·26^0.85 = 0.012·15.9515 = 0.19142
    expect(psiPowerLaw({ t: 26, coefficient: 0.012, exponent: 0.85 })).to.be.closeTo(0.19142, 1e-4);
    // crossing (0.2/0.028)^(1/0.75) = 7.142857^1.3333 = 13.756 weeks → first whole week 14
    expect(psiCrossingTime({ threshold: 0.2, coefficient: 0.028, exponent: 0.75 })).to.be.closeTo(13.756, 1e-3);
    // Merchant (0.2/0.018)^(1/0.8) = 11.111^1.25 = 20.29
    expect(psiCrossingTime({ threshold: 0.2, coefficient: 0.018, exponent: 0.8 })).to.be.closeTo(20.29, 0.01);
    throwsPhysics(() => psiCrossingTime({ threshold: 0.2, coefficient: 0, exponent: 0.8 }), 'coefficient');
  });
});

describe('physics/operations: accuracy decay and retraining', () => {
  it('derives λ = −ln(0.87/0.94)/6 = 0.012898 per month and decays accuracy', () => {
    const lambda = decayRateFromObservations({ initial: 0.94, later: 0.87, elapsed: 6 });
    // ln(0.94/0.87) = 0.077386; / 6 = 0.012898
    expect(lambda).to.be.closeTo(0.012898, 1e-6);
    // week 14 = 14/4.33 = 3.2333 months: 0.94·e^(−0.012898·3.2333) = 0.94·0.95915 = 0.90160
    expect(accuracyExponentialDecay({ initial: 0.94, rate: lambda, elapsed: 14 / 4.33 })).to.be.closeTo(0.9016, 1e-4);
    // at 6 months the decay lands back on 0.87
    expect(accuracyExponentialDecay({ initial: 0.94, rate: lambda, elapsed: 6 })).to.be.closeTo(0.87, 1e-12);
    throwsPhysics(() => decayRateFromObservations({ initial: 0.94, later: 0.87, elapsed: 0 }), 'elapsed');
  });

  it('decays linearly with a floor and inverts the exponential decay', () => {
    // 7 pp over 14 days, after 5.657 days: 0.94 − 0.005·5.657 = 0.911716
    expect(accuracyLinearDecay({ initial: 0.94, rate: 0.07 / 14, elapsed: Math.sqrt(32) })).to.be.closeTo(0.911716, 1e-6);
    // v1-16 drift 0.001/day over 30 days: 0.975 − 0.03 = 0.945
    expect(accuracyLinearDecay({ initial: 0.975, rate: 0.001, elapsed: 30 })).to.be.closeTo(0.945, 1e-12);
    expect(accuracyLinearDecay({ initial: 0.5, rate: 0.1, elapsed: 10, floor: 0.1 })).to.equal(0.1);
    // 93 % boundary: ln(0.94/0.93)/0.012898 months = 0.010695/0.012898 = 0.8292 months = 25.24 days (·30.44)
    expect(timeToAccuracy({ initial: 0.94, rate: 0.012898, target: 0.93 }) * 30.44).to.be.closeTo(25.24, 0.01);
    expect(timeToAccuracy({ initial: 0.9, rate: 0.01, target: 0.95 })).to.equal(0);
  });

  it('finds T* = √(2·C_r/c): cloud defaults give 5.657 days', () => {
    // $1K per pp per day = $100,000 per unit accuracy per day; 7 pp over 14 days ⇒ c = 1e5·0.07/14 = $500/day²
    const c = driftCostRate({ accuracyDrop: 0.07, dropWindow: 14 * DAY, valuePerAccuracyPerSecond: 1e5 / DAY });
    expect(c * DAY * DAY).to.be.closeTo(500, 1e-9);
    // T* = √(2·8000/500) = √32 = 5.6569 days
    const T = optimalRetrainInterval({ retrainCost: 8000, driftCostRate: c });
    expect(T / DAY).to.be.closeTo(5.65685, 1e-5);
    // annual retraining cost 8000·365/5.657 = $516,188
    expect((8000 * 365 * DAY) / T).to.be.closeTo(516_188, 1);
    // mobile defaults: R = 5000, 7 pp over 90 days ⇒ c = 77.78/day², T* = √128.57 = 11.339 days
    const cm = driftCostRate({ accuracyDrop: 0.07, dropWindow: 90 * DAY, valuePerAccuracyPerSecond: 1e5 / DAY });
    expect(optimalRetrainInterval({ retrainCost: 5000, driftCostRate: cm }) / DAY).to.be.closeTo(11.339, 1e-3);
    throwsPhysics(() => optimalRetrainInterval({ retrainCost: 8000, driftCostRate: 0 }), 'driftCostRate');
  });

  it('plots the minimised function: both terms are equal at T* and the total is minimal there', () => {
    const c = 500 / (DAY * DAY),
      C = 8000;
    const T = optimalRetrainInterval({ retrainCost: C, driftCostRate: c });
    const at = retrainingCostRate({ retrainCost: C, driftCostRate: c, interval: T });
    expect(at.retraining).to.be.closeTo(at.staleness, 1e-15);
    // total at T* = √(2·C·c) = √(2·8000·500)/day = 2828.43 $/day
    expect(at.total * DAY).to.be.closeTo(2828.427, 1e-3);
    expect(retrainingCostRate({ retrainCost: C, driftCostRate: c, interval: T * 1.2 }).total).to.be.above(at.total);
    expect(retrainingCostRate({ retrainCost: C, driftCostRate: c, interval: T / 1.2 }).total).to.be.above(at.total);
    throwsPhysics(() => retrainingCostRate({ retrainCost: C, driftCostRate: c, interval: 0 }), 'interval');
  });

  it('breaks automation even at upfront ÷ saving rate (80 h ÷ 4 h/week = 20 weeks)', () => {
    expect(automationBreakEven({ upfrontCost: 80, savingsRate: 4 })).to.equal(20);
    throwsPhysics(() => automationBreakEven({ upfrontCost: 80, savingsRate: 0 }));
  });
});

describe('physics/operations: data selection (v1-09)', () => {
  it('scales steps as 50,000·(N/1e6)^0.7', () => {
    expect(DATA_SCALING_REFERENCE.steps.value).to.equal(5e4);
    // 0.8^0.7 = 0.855388 ⇒ 42,769.4 steps
    expect(stepsToConverge({ examples: 8e5 })).to.be.closeTo(42_769.4, 0.1);
    // 0.01^0.7 = 0.039811 ⇒ 1,990.5
    expect(stepsToConverge({ examples: 1e4 })).to.be.closeTo(1990.5, 0.1);
    // N = 0 is floored at one example: 5e4·1e-6^0.7 = 5e4·6.3096e-5 = 3.155
    expect(stepsToConverge({ examples: 0 })).to.be.closeTo(3.155, 1e-3);
  });

  it('models ordering speedups and clamps curriculum to 2–3×', () => {
    expect(CURRICULUM_SPEEDUP_RANGE.max.value).to.equal(3);
    expect(orderingSpeedup({ method: 'random', qualityFraction: 0.8 })).to.equal(1);
    // easy-first 1.3·(1 + 0.3·0.8) = 1.3·1.24 = 1.612
    expect(orderingSpeedup({ method: 'easy_first', qualityFraction: 0.8 })).to.be.closeTo(1.612, 1e-12);
    expect(orderingSpeedup({ method: 'hard_first', qualityFraction: 0.8 })).to.equal(0.7);
    // curriculum 2.5·1.24 = 3.10 → clamped to 3 (reference showed 3.10×); q = 0 gives 2.5
    expect(orderingSpeedup({ method: 'curriculum', qualityFraction: 0.8 })).to.equal(3);
    expect(orderingSpeedup({ method: 'curriculum', qualityFraction: 0 })).to.equal(2.5);
    throwsPhysics(() => orderingSpeedup({ method: 'shuffled' as never, qualityFraction: 0.5 }), 'method');
  });

  it('runs the default and curriculum designs', () => {
    const r = dataSelectionRun({ examples: 1e6, qualityFraction: 0.8, method: 'random', stepsPerSecond: 12 });
    expect(r.effectiveExamples).to.equal(8e5);
    // 42,769 steps / 12 per s = 3564 s = 0.99 h
    expect(r.seconds / HOUR).to.be.closeTo(0.99, 0.005);
    const h = dataSelectionRun({ examples: 1e6, qualityFraction: 0.8, method: 'hard_first', stepsPerSecond: 12 });
    // 42,769.4/0.7 = 61,099
    expect(h.steps).to.be.closeTo(61_099.1, 0.1);
    const c = dataSelectionRun({ examples: 1e6, qualityFraction: 0.8, method: 'curriculum', stepsPerSecond: 12 });
    expect(c.steps).to.be.closeTo(42_769.4 / 3, 0.1);
  });

  it('prices annotation per item or per hour', () => {
    // 1e6 images ×0.8 kept at 500/h = 1,600 h × $15 = $24,000
    const a = annotationCost({ items: 8e5, hourlyWage: 15, itemsPerHour: 500 });
    expect(a.hours).to.equal(1600);
    expect(a.cost).to.be.closeTo(24_000, 1e-6);
    expect(a.costPerItem).to.be.closeTo(0.03, 1e-12);
    // Act II price $0.05/image: $50K buys 1,000,000 images
    expect(annotationCost({ items: 1e6, costPerItem: 0.05 }).cost).to.be.closeTo(50_000, 1e-6);
    throwsPhysics(() => annotationCost({ items: 10 }), 'costPerItem');
  });

  it('maps budget to accuracy and back (log form) and separates strategies in the saturating form', () => {
    const fit = ANNOTATION_CURVE_FITS.medium;
    const m = { floor: fit.floor.value, gain: fit.gain.value, scale: fit.scale.value };
    // B = $5K random: 0.65 + 0.155·ln(1 + 5/12) = 0.65 + 0.155·0.348307 = 0.703988
    expect(annotationAccuracy({ budget: 5000, labelEfficiency: 1, ...m })).to.be.closeTo(0.703988, 1e-6);
    // uncertainty sampling e = 1.85: 0.65 + 0.155·ln(1.770833) = 0.65 + 0.155·0.571450 = 0.738575
    expect(annotationAccuracy({ budget: 5000, labelEfficiency: LABEL_EFFICIENCY.active_uncertainty.value, ...m })).to.be.closeTo(
      0.738575,
      1e-6,
    );
    // B = $50K random caps at 0.85
    expect(annotationAccuracy({ budget: 50_000, labelEfficiency: 1, ...m })).to.equal(0.85);
    // budget to reach the cap: 12,000·(e^{0.2/0.155} − 1) = 12,000·(3.63398 − 1) = $31,608
    expect(budgetForAccuracy({ target: 0.85, labelEfficiency: 1, ...m })).to.be.closeTo(31_607.5, 0.5);
    expect(budgetForAccuracy({ target: 0.9, labelEfficiency: 1, ...m })).to.equal(Infinity);
    expect(budgetForAccuracy({ target: 0.6, labelEfficiency: 1, ...m })).to.equal(0);
    // saturating: 0.65 + 0.20·(1 − e^{−50/12}) = 0.65 + 0.20·0.984496 = 0.846899 for random, still below uncertainty's
    const sr = annotationAccuracy({ budget: 50_000, labelEfficiency: 1, ...m, form: 'saturating' });
    expect(sr).to.be.closeTo(0.846899, 1e-6);
    expect(annotationAccuracy({ budget: 50_000, labelEfficiency: 1.85, ...m, form: 'saturating' })).to.be.above(sr);
    expect(budgetForAccuracy({ target: sr, labelEfficiency: 1, ...m, form: 'saturating' })).to.be.closeTo(50_000, 1e-6);
  });

  it('computes predictive entropy in nats', () => {
    // uniform over 4 classes: ln 4 = 1.386294
    expect(predictiveEntropy([0.25, 0.25, 0.25, 0.25])).to.be.closeTo(1.386294, 1e-6);
    expect(predictiveEntropy([1, 0])).to.equal(0);
    throwsPhysics(() => predictiveEntropy([0.5, 0.2]), 'sum to 1');
    throwsPhysics(() => predictiveEntropy([]));
  });

  it('computes coreset savings and the break-even keep fraction', () => {
    // N = 1e6, keep 30 %, scoring $0.001, training $0.002 per example-epoch, 10 epochs:
    // full = 1e6·0.002·10 = 20,000; selected = 1,000 + 0.3·20,000 = 7,000; savings 13,000; f* = 1 − 0.001/0.02 = 0.95
    const c = coresetEconomics({
      examples: 1e6,
      keepFraction: 0.3,
      scoringCostPerExample: 0.001,
      trainingCostPerExample: 0.002,
      epochs: 10,
    });
    expect(c.fullCost).to.be.closeTo(20_000, 1e-6);
    expect(c.selectedCost).to.be.closeTo(7000, 1e-6);
    expect(c.savings).to.be.closeTo(13_000, 1e-6);
    expect(c.breakEvenKeepFraction).to.be.closeTo(0.95, 1e-12);
  });
});

describe('physics/operations: TCO (v2-01)', () => {
  const base = {
    devices: 1000,
    utilization: 0.6,
    seconds: 3 * YEAR,
    pricePerDeviceSecond: 2.1 / HOUR,
    reservedDiscount: 0.35,
    purchasePrice: 40_000,
    powerW: 700,
    pue: 1.4,
    energyPrice: 0.1 / 3.6e6,
    staffPerDeviceSecond: 2000 / YEAR,
  };

  it('reproduces the three 3-year TCOs at the defaults', () => {
    // on-demand 1000·0.6·26,280 h·$2.10 = $33,112,800
    expect(onDemandCost(base)).to.be.closeTo(33_112_800, 1e-3);
    // reserved 1000·26,280·2.10·0.65 = $35,872,200
    expect(reservedCost({ ...base, discount: 0.35 })).to.be.closeTo(35_872_200, 1e-3);
    // owned: capex 40M; energy 1000·0.7 kW·0.6·26,280 h·1.4·$0.10 = $1,545,264 (power + cooling, PUE once); staff 6M
    const o = ownedCost(base);
    expect(o.capex).to.equal(40_000_000);
    expect(o.energy).to.be.closeTo(1_545_264, 1e-3);
    expect(o.staff).to.be.closeTo(6_000_000, 1e-6);
    expect(o.total).to.be.closeTo(47_545_264, 1e-3);
  });

  it('picks the cheapest and reports every break-even', () => {
    const t = tcoComparison(base);
    expect(t.cheapest).to.equal('on-demand');
    expect(t.breakEven.onDemandVsReserved).to.be.closeTo(0.65, 1e-12);
    // U_be = (40M + 6M)/(55,188,000 − 2,575,440) = 46,000,000/52,612,560 = 0.874316
    expect(t.breakEven.onDemandVsOwned).to.be.closeTo(0.874316, 1e-6);
    // owned never drops to reserved at these prices (minimum $46M > $35.9M)
    expect(t.breakEven.reservedVsOwned).to.equal(null);
    // 90 % utilisation: reserved wins
    expect(tcoComparison({ ...base, utilization: 0.9 }).cheapest).to.equal('reserved');
    // 5 years, 95 %, $20K GPUs: owned 20M + 4,077,780 + 10M = $34.08M wins; U_be = 30M/(91.98M − 4.29M) = 0.34212
    const cheap = tcoComparison({ ...base, utilization: 0.95, seconds: 5 * YEAR, purchasePrice: 20_000 });
    expect(cheap.owned.total).to.be.closeTo(34_077_780, 1e-2);
    expect(cheap.cheapest).to.equal('owned');
    expect(cheap.breakEven.onDemandVsOwned).to.be.closeTo(0.34212, 1e-5);
  });

  it('amortises capex over a lifetime and charges idle power', () => {
    // 1 year of a 4-year life: capex = 1000·40,000/4 = 10M
    expect(ownedCost({ ...base, seconds: YEAR, lifetimeSeconds: 4 * YEAR }).capex).to.be.closeTo(10_000_000, 1e-6);
    // idle 350 W at 0 % utilisation: 1000·0.35 kW·26,280 h·1.4·0.10 = $1,287,720
    expect(ownedCost({ ...base, utilization: 0, idlePowerW: 350 }).energy).to.be.closeTo(1_287_720, 1e-3);
    throwsPhysics(() => ownedCost({ ...base, pue: 0.9 }), 'pue');
  });
});

describe('physics/operations: storage and data loading (v2-04)', () => {
  it('uses the worker curve of the brief', () => {
    expect(loaderWorkerEfficiency(1)).to.equal(0.25);
    expect(loaderWorkerEfficiency(4)).to.be.closeTo(0.85, 1e-12);
    expect(loaderWorkerEfficiency(8)).to.be.closeTo(0.97, 1e-12);
    expect(loaderWorkerEfficiency(16)).to.be.closeTo(0.986, 1e-12);
    throwsPhysics(() => loaderWorkerEfficiency(0), 'workers');
  });

  it('delivers min(disks, network)', () => {
    // random reads, 1 worker: 672·0.07·0.25 = 11.76 GB/s, under the 400 GB/s network
    const r = storageDeliveredBandwidth({
      aggregateBandwidth: 672e9,
      patternEfficiency: ACCESS_PATTERN_EFFICIENCY.random.value,
      workerEfficiency: 0.25,
      networkBandwidth: 400e9,
    });
    expect(r.bandwidth).to.be.closeTo(11.76e9, 1e3);
    expect(r.bound).to.equal('storage');
    // sequential, 8 workers: 672·0.85·0.97 = 554.1 GB/s > 400 GB/s ⇒ network-bound at 400
    const s = storageDeliveredBandwidth({
      aggregateBandwidth: 672e9,
      patternEfficiency: 0.85,
      workerEfficiency: 0.97,
      networkBandwidth: 400e9,
    });
    expect(s.bandwidth).to.equal(400e9);
    expect(s.bound).to.equal('network');
  });

  it('computes demand and steady-state utilisation', () => {
    // 128 GPUs × 4 MB / 50 ms = 10.24 GB/s
    expect(dataLoaderDemand({ consumers: 128, bytesPerStep: 4e6, stepSeconds: 0.05 })).to.be.closeTo(10.24e9, 1);
    // 256 MB per step at 55 MB/s: t_io = 4.6545 s ≫ 50 ms ⇒ overlapped utilisation 0.05/4.6545 = 1.074 %
    const u = dataLoaderUtilization({ bytesPerStep: 256e6, bandwidth: 55e6, computeSeconds: 0.05 });
    expect(u.ioSeconds).to.be.closeTo(4.654545, 1e-6);
    expect(u.utilization).to.be.closeTo(0.010742, 1e-6);
    // serial loading: 0.05/(0.05 + 0.03) = 62.5 %; overlapped it would be 100 %
    expect(dataLoaderUtilization({ bytesPerStep: 3e6, bandwidth: 1e8, computeSeconds: 0.05, overlap: false }).utilization).to.be.closeTo(
      0.625,
      1e-12,
    );
    expect(dataLoaderUtilization({ bytesPerStep: 3e6, bandwidth: 1e8, computeSeconds: 0.05 }).utilization).to.equal(1);
  });

  it('shows the small-file penalty', () => {
    // 4 KiB files at 7 GB/s and 122,070 IOPS: min(1.709e6, 122,070) files/s = 122,070 ⇒ 0.5 GB/s
    const s = smallFileThroughput({ fileBytes: 4096, bandwidth: 7e9, opsPerSecond: 122_070 });
    expect(s.bound).to.equal('operations');
    expect(s.bytesPerSecond).to.be.closeTo(0.5e9, 1e5);
    // 100 MB shards are bandwidth-bound: 70 files/s
    expect(smallFileThroughput({ fileBytes: 1e8, bandwidth: 7e9, opsPerSecond: 122_070 }).filesPerSecond).to.be.closeTo(70, 1e-9);
  });

  it('derives metadata load from samples per file', () => {
    expect(METADATA_DEFAULTS.opsPerServer.value).to.equal(50_000);
    // 512 GPUs × 4 workers × 50 files/s = 102,400 opens/s × 3 = 307,200 ops/s ⇒ 614 % of one MDS, 7 needed
    const m = metadataLoad({ samplesPerSecond: 512 * 4 * 50, samplesPerFile: 1 });
    expect(m.opsPerSecond).to.equal(307_200);
    expect(m.utilization).to.be.closeTo(6.144, 1e-12);
    expect(m.serversNeeded).to.equal(7);
    expect(m.saturated).to.equal(true);
    // 7 servers: 307.2/350 = 87.77 %
    expect(metadataLoad({ samplesPerSecond: 102_400, servers: 7 }).utilization).to.be.closeTo(0.877714, 1e-6);
    // shards of 10,000 samples: 30.72 ops/s, 1 server
    const shards = metadataLoad({ samplesPerSecond: 102_400, samplesPerFile: 10_000 });
    expect(shards.opsPerSecond).to.be.closeTo(30.72, 1e-9);
    expect(shards.serversNeeded).to.equal(1);
    throwsPhysics(() => metadataLoad({ samplesPerSecond: 1, samplesPerFile: 0 }), 'samplesPerFile');
  });

  it('prices object-store requests and data movement', () => {
    expect(objectStoreRequestCapacity({ prefixes: 10 })).to.equal(55_000);
    // 100 TB over 12.5 GB/s = 8,000 s; egress 1e14 B × $0.09/GB = $9,000
    const t = dataTransfer({ bytes: 1e14, bandwidth: 12.5e9, egressPricePerByte: 0.09e-9 });
    expect(t.seconds).to.equal(8000);
    expect(t.cost).to.be.closeTo(9000, 1e-6);
  });
});

describe('physics/operations: fleet queueing', () => {
  it('gives an M/M/1 queue wait of 19 job-lengths at ρ = 0.95', () => {
    // W_q = ρ/(μ(1−ρ)) = 0.95/0.05 = 19 with μ = 1; sojourn 20
    const q = fleetQueue({ arrivalRate: 0.95, serviceRate: 1, servers: 1 });
    expect(q.utilization).to.be.closeTo(0.95, 1e-12);
    expect(q.meanWait).to.be.closeTo(19, 1e-9);
    expect(q.meanResponse).to.be.closeTo(20, 1e-9);
    expect(q.waitInJobLengths).to.be.closeTo(19, 1e-9);
    // p99 wait = ln(0.95/0.01)/0.05 = ln 95 / 0.05 = 4.553877/0.05 = 91.0775
    expect(q.waitQuantile).to.be.closeTo(91.0775, 1e-3);
  });

  it('uses Erlang C for several servers and reports instability', () => {
    // c = 2, λ = 1, μ = 1: a = 1, ρ = 0.5; C = 1/3; W_q = (1/3)/(2 − 1) = 0.3333
    const q = fleetQueue({ arrivalRate: 1, serviceRate: 1, servers: 2 });
    expect(q.waitProbability).to.be.closeTo(1 / 3, 1e-12);
    expect(q.meanWait).to.be.closeTo(1 / 3, 1e-12);
    expect(q.meanQueueLength).to.be.closeTo(1 / 3, 1e-12);
    const u = fleetQueue({ arrivalRate: 3, serviceRate: 1, servers: 2 });
    expect(u.stable).to.equal(false);
    expect(u.meanWait).to.equal(Infinity);
    throwsPhysics(() => fleetQueue({ arrivalRate: 1, serviceRate: 1, servers: 0 }), 'servers');
  });
});

describe('physics/operations: curriculum pacing and difficulty (v1-09 MathPeek)', () => {
  it('grows the pool as λ₀·e^{αt} and caps it at the full dataset', () => {
    // λ₀ = 0.2, α = 2: λ(0) = 0.2; λ(0.5) = 0.2·e = 0.543656; λ(1) = min(1, 0.2·e² = 1.4778) = 1
    expect(curriculumPacing({ initialFraction: 0.2, rate: 2, progress: 0 }).fraction).to.equal(0.2);
    expect(curriculumPacing({ initialFraction: 0.2, rate: 2, progress: 0.5 }).fraction).to.be.closeTo(0.543656, 1e-6);
    const end = curriculumPacing({ initialFraction: 0.2, rate: 2, progress: 1 });
    expect(end.fraction).to.equal(1);
    // full dataset at t = ln(1/0.2)/2 = 1.609438/2 = 0.804719
    expect(end.fullDatasetProgress).to.be.closeTo(0.804719, 1e-6);
    expect(end.reachesFullDataset).to.equal(true);
  });

  it('counts the examples in the pool and flags schedules that never reach the hardest data', () => {
    // 50,000 images at λ = 0.2·e = 0.5436564 ⇒ ⌊27,182.8⌋ = 27,182
    expect(curriculumPacing({ initialFraction: 0.2, rate: 2, progress: 0.5, examples: 50_000 }).examples).to.equal(27_182);
    // α = ln 5: λ(0.5) = 0.2·√5 = 0.447214 ⇒ ⌊447.2⌋ = 447 of 1,000; λ(1) = 0.2·5 = 1 exactly at the end
    const slow = curriculumPacing({ initialFraction: 0.2, rate: Math.log(5), progress: 0.5, examples: 1000 });
    expect(slow.fraction).to.be.closeTo(0.447214, 1e-6);
    expect(slow.examples).to.equal(447);
    expect(curriculumPacing({ initialFraction: 0.2, rate: Math.log(5), progress: 1, examples: 1000 }).examples).to.equal(1000);
    // α = 1: λ(1) = 0.2·e = 0.54 — the hardest 46 % are never seen; t_full = ln 5 = 1.609 > 1
    const short = curriculumPacing({ initialFraction: 0.2, rate: 1, progress: 1 });
    expect(short.fraction).to.be.closeTo(0.543656, 1e-6);
    expect(short.fullDatasetProgress).to.be.closeTo(1.609438, 1e-6);
    expect(short.reachesFullDataset).to.equal(false);
    // α = 0 never grows; λ₀ = 1 is plain random order over everything
    expect(curriculumPacing({ initialFraction: 0.3, rate: 0, progress: 1 }).fullDatasetProgress).to.equal(Infinity);
    expect(curriculumPacing({ initialFraction: 1, rate: 0, progress: 0 }).fullDatasetProgress).to.equal(0);
    expect(curriculumPacing({ initialFraction: 0.2, rate: 2, progress: 0.5 }).examples).to.equal(null);
  });

  it('rejects invalid pacing arguments', () => {
    throwsPhysics(() => curriculumPacing({ initialFraction: 0, rate: 1, progress: 0.5 }), 'initialFraction');
    throwsPhysics(() => curriculumPacing({ initialFraction: 1.2, rate: 1, progress: 0.5 }), 'initialFraction');
    throwsPhysics(() => curriculumPacing({ initialFraction: 0.2, rate: -1, progress: 0.5 }), 'rate');
    throwsPhysics(() => curriculumPacing({ initialFraction: 0.2, rate: 1, progress: 1.5 }), 'progress');
    throwsPhysics(() => curriculumPacing({ initialFraction: 0.2, rate: 1, progress: 0.5, examples: 2.5 }), 'examples');
  });

  it('scores difficulty as 1 − P(correct | x, θ₀) and orders easy to hard', () => {
    // P(correct) 0.95 ⇒ 0.05; 0.2 ⇒ 0.8
    expect(exampleDifficulty(0.95)).to.be.closeTo(0.05, 1e-12);
    expect(exampleDifficulty(0.2)).to.be.closeTo(0.8, 1e-12);
    expect(exampleDifficulty(1)).to.equal(0);
    // difficulties 0.4, 0.1, 0.9, 0.1 ⇒ easiest first: 1, 3 (tie keeps index order), 0, 2
    const c = curriculumOrder([0.6, 0.9, 0.1, 0.9]);
    expect(c.difficulty[0]).to.be.closeTo(0.4, 1e-12);
    expect(c.difficulty[2]).to.be.closeTo(0.9, 1e-12);
    expect(c.order).to.deep.equal([1, 3, 0, 2]);
    throwsPhysics(() => exampleDifficulty(1.1), 'probabilityCorrect');
    throwsPhysics(() => curriculumOrder([]), 'probabilitiesCorrect');
    throwsPhysics(() => curriculumOrder([0.5, -0.1]), 'probabilitiesCorrect[1]');
  });
});

describe('physics/operations: cost per request against delivered capacity (v1-16 Critique)', () => {
  it('charges the fleet to the requests it actually serves', () => {
    // v1-16 default: 2 H100 at $3/h, FP16, dynamic batching (×0.8), 256-token answers, 600 req/s demanded.
    // tokens/s = 3350e9/(7e9·2 B)·2 GPUs·0.8 = 382.857; capacity = 382.857/256 = 1.495536 req/s
    // cost = 2·3/3600 = $0.0016667/s; per served request = 0.0016667/1.495536 = $0.0011144 (> the $0.001 SLO)
    // the reference divided by the demand: 0.0016667/600 = $0.0000028
    const capacityRate = ((3350e9 / (7e9 * 2)) * 2 * 0.8) / 256;
    const c = costPerRequest({ devices: 2, pricePerDeviceSecond: 3 / 3600, demandRate: 600, capacityRate });
    expect(c.costPerSecond).to.be.closeTo(1 / 600, 1e-15);
    expect(c.servedRate).to.be.closeTo(1.495536, 1e-6);
    expect(c.perServedRequest).to.be.closeTo(0.0011144, 1e-7);
    expect(c.perServedRequest).to.be.greaterThan(0.001);
    expect(c.atDemand).to.be.closeTo(2.7778e-6, 1e-10);
    expect(c.utilization).to.equal(1);
    // 600 − 1.495536 = 598.504 req/s are not served at all
    expect(c.unservedRate).to.be.closeTo(598.504464, 1e-6);
  });

  it('pays for idle capacity when demand is below it', () => {
    // 8 GPUs, INT4 (0.5 B/param), continuous: 3350e9/3.5e9·8 = 7,657.14 tok/s ⇒ 29.9107 req/s
    // cost 8·3/3600 = $0.0066667/s; 10 req/s demanded ⇒ per request 0.0066667/10 = $0.00066667,
    // floor at full utilisation 0.0066667/29.9107 = $0.00022289, utilisation 10/29.9107 = 0.334328
    const capacityRate = ((3350e9 / 3.5e9) * 8) / 256;
    const c = costPerRequest({ devices: 8, pricePerDeviceSecond: 3 / 3600, demandRate: 10, capacityRate });
    expect(c.servedRate).to.equal(10);
    expect(c.unservedRate).to.equal(0);
    expect(c.perServedRequest).to.be.closeTo(0.00066667, 1e-8);
    expect(c.atCapacity).to.be.closeTo(0.00022289, 1e-8);
    expect(c.utilization).to.be.closeTo(0.334328, 1e-6);
  });

  it('reports a fleet with no capacity and rejects invalid input', () => {
    const none = costPerRequest({ devices: 1, pricePerDeviceSecond: 0.001, demandRate: 5, capacityRate: 0 });
    expect(none.perServedRequest).to.equal(Infinity);
    expect(none.unservedRate).to.equal(5);
    expect(none.utilization).to.equal(0);
    expect(Number.isNaN(costPerRequest({ devices: 0, pricePerDeviceSecond: 1, demandRate: 5, capacityRate: 0 }).perServedRequest)).to.equal(
      true,
    );
    throwsPhysics(() => costPerRequest({ devices: 1, pricePerDeviceSecond: 1, demandRate: 0, capacityRate: 1 }), 'demandRate');
    throwsPhysics(() => costPerRequest({ devices: 1, pricePerDeviceSecond: 1, demandRate: 1, capacityRate: -1 }), 'capacityRate');
    throwsPhysics(() => costPerRequest({ devices: -1, pricePerDeviceSecond: 1, demandRate: 1, capacityRate: 1 }), 'devices');
  });
});
