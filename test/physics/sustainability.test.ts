import { expect } from '@open-wc/testing';
import {
  carbonIntensityFromGramsPerKwh,
  CARBON_GRIDS,
  SCENARIO_INTENSITY,
  energyFromPower,
  facilityEnergy,
  operationalCarbon,
  waterUse,
  amortizedEmbodiedCarbon,
  jevonsNetChange,
  jevonsElasticRebound,
  timeShiftCarbonSavings,
  carbonAwareSchedule,
  NIGHT_WINDOW_BREACH_THRESHOLD,
  nightWindowSchedule,
} from '../../physics/sustainability.js';
import { throwsPhysics } from './_assert.js';

const KWH = 3.6e6;
const HOUR = 3600;

describe('physics/sustainability: energy and carbon', () => {
  it('converts g/kWh to kg/J and carries the grid registry', () => {
    // 820 g/kWh = 0.82 kg / 3.6e6 J = 2.27778e-7 kg/J
    expect(carbonIntensityFromGramsPerKwh(820)).to.be.closeTo(2.277778e-7, 1e-12);
    expect(CARBON_GRIDS.US_Avg.intensity.value * KWH * 1000).to.be.closeTo(429, 1e-9);
    expect(CARBON_GRIDS.Poland.pue.value).to.equal(1.58);
    expect(SCENARIO_INTENSITY.coal.value * KWH * 1000).to.be.closeTo(820, 1e-9);
    expect(SCENARIO_INTENSITY.coal.source).to.match(/IPCC/);
    throwsPhysics(() => carbonIntensityFromGramsPerKwh(-1));
  });

  it('computes energy from power, time and utilisation', () => {
    // v2-15 week: 1,000 GPUs × 700 W × 168 h = 117,600 kWh
    expect(energyFromPower({ powerW: 700e3, seconds: 168 * HOUR }) / KWH).to.be.closeTo(117_600, 1e-6);
    // v2-15 Act II day: 700 kW × 0.75 × 24 h = 12,600 kWh
    expect(energyFromPower({ powerW: 700e3, seconds: 24 * HOUR, utilization: 0.75 }) / KWH).to.be.closeTo(12_600, 1e-6);
    // idle floor 180 W of 700 W at 50 %: (180 + 520·0.5)·1 h = 440 Wh
    expect(energyFromPower({ powerW: 700, seconds: HOUR, utilization: 0.5, idlePowerW: 180 }) / 3600).to.be.closeTo(440, 1e-9);
    throwsPhysics(() => energyFromPower({ powerW: 700, seconds: HOUR, utilization: 1.5 }), 'utilization');
    throwsPhysics(() => energyFromPower({ powerW: 100, seconds: HOUR, idlePowerW: 200 }), 'idlePowerW');
  });

  it('applies PUE exactly once', () => {
    // 1 MWh IT at PUE 1.4 = 1.4 MWh facility; × 429 g/kWh = 600.6 kg
    const it = 1000 * KWH;
    expect(facilityEnergy({ itEnergy: it, pue: 1.4 }) / KWH).to.be.closeTo(1400, 1e-9);
    expect(operationalCarbon({ itEnergy: it, pue: 1.4, intensity: CARBON_GRIDS.US_Avg.intensity.value })).to.be.closeTo(600.6, 1e-6);
    // v2-15 Act I coal week: 117,600 kWh × 0.82 kg/kWh = 96,432 kg = 96.43 t
    expect(operationalCarbon({ itEnergy: 117_600 * KWH, pue: 1, intensity: SCENARIO_INTENSITY.coal.value })).to.be.closeTo(96_432, 1e-6);
    throwsPhysics(() => facilityEnergy({ itEnergy: it, pue: 0.9 }), 'pue');
  });

  it('computes water from IT energy and WUE, without PUE', () => {
    // 1 MWh IT × 1.8 L/kWh = 1,800 L = 1.8 m³
    expect(waterUse({ itEnergy: 1000 * KWH, wue: CARBON_GRIDS.US_Avg.wue.value })).to.be.closeTo(1.8, 1e-9);
  });

  it('amortises embodied carbon over the service life', () => {
    // 1,500 kg over 5 years, used 6 months: 1,500·0.5/5 = 150 kg
    const year = 365 * 86_400;
    expect(amortizedEmbodiedCarbon({ embodiedCarbon: 1500, lifetimeSeconds: 5 * year, usedSeconds: 0.5 * year })).to.be.closeTo(150, 1e-9);
    throwsPhysics(() => amortizedEmbodiedCarbon({ embodiedCarbon: 1500, lifetimeSeconds: year, usedSeconds: 2 * year }), 'usedSeconds');
  });
});

describe('physics/sustainability: Jevons', () => {
  it('computes the net change and the rebound (D − 1)/(η − 1)', () => {
    // η = 2, D = 3: ratio 1.5, +50 %; rebound 2/1 = 2.0 (200 %, backfire) — the MathPeek's 4.0 is η× too large
    const j = jevonsNetChange({ efficiencyGain: 2, demandGrowth: 3 });
    expect(j.energyRatio).to.equal(1.5);
    expect(j.netChange).to.equal(0.5);
    expect(j.rebound).to.equal(2);
    expect(j.backfire).to.equal(true);
    // D = 2.8 reproduces the story's +40 %
    expect(jevonsNetChange({ efficiencyGain: 2, demandGrowth: 2.8 }).netChange).to.be.closeTo(0.4, 1e-12);
    // D = 1.5: −25 %, rebound 0.5 (half the saving taken back)
    const k = jevonsNetChange({ efficiencyGain: 2, demandGrowth: 1.5 });
    expect(k.netChange).to.equal(-0.25);
    expect(k.rebound).to.equal(0.5);
    expect(k.backfire).to.equal(false);
    expect(Number.isNaN(jevonsNetChange({ efficiencyGain: 1, demandGrowth: 2 }).rebound)).to.equal(true);
    throwsPhysics(() => jevonsNetChange({ efficiencyGain: 0, demandGrowth: 2 }));
  });

  it('derives demand growth from a price elasticity', () => {
    // η = 2, e = 1.5: D = 2^1.5 = 2.828427; energy 2^0.5 = 1.414214 (+41.4 %, backfire)
    const j = jevonsElasticRebound({ efficiencyGain: 2, elasticity: 1.5 });
    expect(j.demandGrowth).to.be.closeTo(2.828427, 1e-6);
    expect(j.energyRatio).to.be.closeTo(1.414214, 1e-6);
    expect(j.backfire).to.equal(true);
    // unit elasticity: energy unchanged, rebound exactly 1
    const u = jevonsElasticRebound({ efficiencyGain: 3, elasticity: 1 });
    expect(u.energyRatio).to.be.closeTo(1, 1e-12);
    expect(u.rebound).to.be.closeTo(1, 1e-12);
    // e = 0.5: η = 4 ⇒ D = 2, energy 0.5
    expect(jevonsElasticRebound({ efficiencyGain: 4, elasticity: 0.5 }).energyRatio).to.be.closeTo(0.5, 1e-12);
  });
});

describe('physics/sustainability: carbon-aware scheduling', () => {
  it('computes savings relative to the baseline', () => {
    // 30 % from 820 to 40 g/kWh with an all-day-coal baseline: 0.3·780/820 = 0.285366 (the reference code's 28.5 %)
    expect(timeShiftCarbonSavings({ shiftedFraction: 0.3, fromIntensity: 820, toIntensity: 40 })).to.be.closeTo(0.285366, 1e-6);
    // with a 12 h day / 12 h night baseline Ī = 430: 0.15·780/430 = 0.272093 (15 % of energy is 30 % of the day's)
    expect(timeShiftCarbonSavings({ shiftedFraction: 0.15, fromIntensity: 820, toIntensity: 40, baselineIntensity: 430 })).to.be.closeTo(
      0.272093,
      1e-6,
    );
    // 40 % target needs s ≥ 0.4·820/780 = 0.420513 of the energy moved
    expect(timeShiftCarbonSavings({ shiftedFraction: 0.4206, fromIntensity: 820, toIntensity: 40 })).to.be.at.least(0.4);
  });

  it('shifts flexible load into clean slots within the delay window and capacity', () => {
    // 4 slots: dirty (1.0), dirty (1.0), clean (0.1), clean (0.1); load 10 each; capacity 15; half flexible; delay ≤ 2
    const r = carbonAwareSchedule({
      intensity: [1, 1, 0.1, 0.1],
      load: [10, 10, 10, 10],
      capacity: 15,
      flexibleFraction: 0.5,
      maxDelaySlots: 2,
    });
    // slot 0 reaches slot 2 (room 5) → moves 5; slot 1 reaches slots 2 (full) and 3 (room 5) → moves 5
    expect(r.load).to.deep.equal([5, 5, 15, 15]);
    expect(r.shiftedEnergy).to.equal(10);
    expect(r.unplacedFlexibleEnergy).to.equal(0);
    // baseline 10 + 10 + 1 + 1 = 22; scheduled 5 + 5 + 1.5 + 1.5 = 13; saving 9/22 = 0.409091
    expect(r.baselineCarbon).to.equal(22);
    expect(r.scheduledCarbon).to.be.closeTo(13, 1e-12);
    expect(r.savingsFraction).to.be.closeTo(0.409091, 1e-6);
  });

  it('leaves flexible load in place when the window or capacity runs out', () => {
    // delay 1: slot 0 can only reach slot 1 (dirty) → nothing; slot 1 reaches slot 2 (room 5)
    const r = carbonAwareSchedule({
      intensity: [1, 1, 0.1, 0.1],
      load: [10, 10, 10, 10],
      capacity: 15,
      flexibleFraction: 0.5,
      maxDelaySlots: 1,
    });
    expect(r.load).to.deep.equal([10, 5, 15, 10]);
    expect(r.unplacedFlexibleEnergy).to.equal(5);
    // no spare capacity at all
    const full = carbonAwareSchedule({ intensity: [1, 0.1], load: [10, 10], capacity: 10, flexibleFraction: 1, maxDelaySlots: 1 });
    expect(full.savingsFraction).to.equal(0);
    expect(full.unplacedFlexibleEnergy).to.equal(10);
  });

  it('wraps past midnight and validates input', () => {
    // the dirty last slot moves into slot 0 of the next day
    const r = carbonAwareSchedule({ intensity: [0.1, 1], load: [0, 10], capacity: 10, flexibleFraction: 1, maxDelaySlots: 1 });
    expect(r.load).to.deep.equal([10, 0]);
    expect(r.savingsFraction).to.be.closeTo(0.9, 1e-12);
    throwsPhysics(
      () => carbonAwareSchedule({ intensity: [], load: [], capacity: 1, flexibleFraction: 0.5, maxDelaySlots: 1 }),
      'intensity',
    );
    throwsPhysics(
      () => carbonAwareSchedule({ intensity: [1, 1], load: [1], capacity: 1, flexibleFraction: 0.5, maxDelaySlots: 1 }),
      'load',
    );
    throwsPhysics(
      () => carbonAwareSchedule({ intensity: [1, 1], load: [5, 5], capacity: 4, flexibleFraction: 0.5, maxDelaySlots: 1 }),
      'capacity',
    );
  });
});

describe('physics/sustainability: night-window closed form (v2-15)', () => {
  it('gives capacity T/24, violation max(0, F − T/24) exactly, and no breach at exactly 5 %', () => {
    // defaults F = 30 %, T = 6 h: share 6/24 = 0.25; violation 0.30 − 0.25 = 0.05 exactly
    // (IEEE doubles give 0.30 − 0.25 = 0.04999999999999999, the brief's test-vector trap)
    expect(0.3 - 0.25).to.not.equal(0.05);
    const d = nightWindowSchedule({ flexibleFraction: 0.3, windowSeconds: 6 * HOUR });
    expect(d.capacityShare).to.equal(0.25);
    expect(d.violation).to.equal(0.05);
    expect(d.breach).to.equal(false); // the lab's rule is violation > 5 %
    // F_opt = min(0.30, 0.25) = 0.25; the breach limit allows F up to 0.25 + 0.05 = 0.30
    expect(d.optimalFraction).to.equal(0.25);
    expect(d.maxCompliantFraction).to.equal(0.3);
    expect(NIGHT_WINDOW_BREACH_THRESHOLD.value).to.equal(0.05);
  });

  it("reproduces the brief's table rows", () => {
    // (35 %, 6 h): 0.35 − 0.25 = 0.10 (doubles: 0.09999999999999998) ⇒ breach
    const a = nightWindowSchedule({ flexibleFraction: 0.35, windowSeconds: 6 * HOUR });
    expect(a.violation).to.equal(0.1);
    expect(a.breach).to.equal(true);
    // (35 %, 8 h): 0.35 − 8/24 = 0.35 − 0.333333 = 0.016667 ⇒ no breach; F_opt = 1/3
    const b = nightWindowSchedule({ flexibleFraction: 0.35, windowSeconds: 8 * HOUR });
    expect(b.violation).to.be.closeTo(0.016667, 1e-6);
    expect(b.breach).to.equal(false);
    expect(b.optimalFraction).to.be.closeTo(1 / 3, 1e-15);
    // (45 %, 8 h): 0.45 − 0.333333 = 0.116667 ⇒ breach; largest compliant F = 1/3 + 0.05 = 0.383333
    const c = nightWindowSchedule({ flexibleFraction: 0.45, windowSeconds: 8 * HOUR });
    expect(c.violation).to.be.closeTo(0.116667, 1e-6);
    expect(c.breach).to.equal(true);
    expect(c.maxCompliantFraction).to.be.closeTo(0.383333, 1e-6);
    // (30 %, 8 h): everything fits, violation 0, F_opt = F = 0.30
    const e = nightWindowSchedule({ flexibleFraction: 0.3, windowSeconds: 8 * HOUR });
    expect(e.violation).to.equal(0);
    expect(e.optimalFraction).to.equal(0.3);
  });

  it('takes another period or threshold and rejects invalid input', () => {
    // a 12-hour cycle with a 3-hour window: share 0.25; threshold 0 ⇒ any violation breaches
    const r = nightWindowSchedule({ flexibleFraction: 0.3, windowSeconds: 3 * HOUR, periodSeconds: 12 * HOUR, breachThreshold: 0 });
    expect(r.capacityShare).to.equal(0.25);
    expect(r.breach).to.equal(true);
    throwsPhysics(() => nightWindowSchedule({ flexibleFraction: 1.2, windowSeconds: HOUR }), 'flexibleFraction');
    throwsPhysics(() => nightWindowSchedule({ flexibleFraction: 0.3, windowSeconds: 25 * HOUR }), 'windowSeconds');
    throwsPhysics(() => nightWindowSchedule({ flexibleFraction: 0.3, windowSeconds: -1 }), 'windowSeconds');
    throwsPhysics(() => nightWindowSchedule({ flexibleFraction: 0.3, windowSeconds: HOUR, periodSeconds: 0 }), 'periodSeconds');
  });
});
