/**
 * Sustainability: energy, facility overhead (PUE), operational and embodied carbon, water,
 * the Jevons rebound, and carbon-aware scheduling.
 *
 * Units: energy J, power W, time s, carbon kg CO₂e, carbon intensity kg/J, water m³.
 * 1 gCO₂/kWh = 1e-3 kg / 3.6e6 J = 2.78e-10 kg/J.
 *
 * Corrections (see docs/physics/operations-compression-responsible.md):
 * - PUE is applied once. mlsysim's e0117ceb `carbon_kg` takes IT energy and multiplies by PUE, while
 *   the later `carbon_kg` expects facility energy; feeding facility energy into the first applies
 *   PUE twice. `operationalCarbon` takes IT energy by name and multiplies by PUE exactly once.
 * - WUE (The Green Grid) is litres per kWh of IT energy; mlsysim multiplied IT energy by PUE and WUE.
 * - Rebound: R = (expected − actual savings)/expected = (D − 1)/(η − 1); v2-15's MathPeek wrote
 *   (D − 1)/(1 − 1/η), which is η times too large (4.0 instead of 2.0 at η = 2, D = 3).
 * - Carbon-aware scheduling savings are relative to the baseline carbon (v2-15's MathPeek divided
 *   by the new carbon), and the baseline bills each hour at its own intensity.
 * - v2-15's SLA violation max(0, F − T/24) at the defaults (0.30 − 0.25) is 0.0499… in IEEE
 *   doubles, so "violation > 5 %" depended on rounding; `nightWindowSchedule` rounds to 1e-12.
 */
import { PhysicsError, fraction, inRange, integerAtLeast, nonNegative, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';

const J_PER_KWH = 3.6e6;

/** Carbon intensity in kg/J from grams CO₂e per kWh (the unit grid operators publish). */
export function carbonIntensityFromGramsPerKwh(gramsPerKwh: number): number {
  return nonNegative('gramsPerKwh', gramsPerKwh) / 1000 / J_PER_KWH;
}

const gi = (g: number, source: string, note?: string): Sourced => sourced(g / 1000 / J_PER_KWH, 'kg/J', source, note);

/**
 * mlsysim's grid profiles (e0117ceb `datacenters.py`, intensities citing IEA 2023): carbon
 * intensity (kg/J), the PUE of a typical facility there, and WUE (m³ of water per J of IT energy).
 */
export const CARBON_GRIDS: Readonly<
  Record<'Quebec' | 'Norway' | 'France' | 'EU_Avg' | 'US_Avg' | 'Poland', { intensity: Sourced; pue: Sourced; wue: Sourced }>
> = (() => {
  const src = 'mlsysim core/datacenters.py @e0117ceb (IEA 2023)';
  const g = (gco2: number, pue: number, wueLPerKwh: number, mix: string) => ({
    intensity: gi(gco2, `${src}: ${gco2} gCO₂/kWh (${mix})`),
    pue: sourced(pue, '1', src),
    wue: sourced(wueLPerKwh / 1000 / J_PER_KWH, 'm³/J', `${src}: ${wueLPerKwh} L/kWh`),
  });
  return {
    Quebec: g(20, 1.06, 0, 'hydro'),
    Norway: g(10, 1.06, 0, 'hydro'),
    France: g(50, 1.12, 0.5, 'nuclear'),
    EU_Avg: g(270, 1.4, 1.8, 'mixed'),
    US_Avg: g(429, 1.12, 1.8, 'mixed'),
    Poland: g(820, 1.58, 1.8, 'coal'),
  };
})();

/** Intensities used by the v2-15/v2-17 scenarios, with corrected attributions. */
export const SCENARIO_INTENSITY = {
  coal: gi(
    820,
    'IPCC AR5 WGIII (2014) Annex III: lifecycle median for coal, 820 gCO₂e/kWh',
    'v2-15 attributed it to EPA eGRID; eGRID subregions span roughly 600–1,000.',
  ),
  gas: gi(490, 'IPCC AR5 WGIII (2014) Annex III: lifecycle median for gas combined cycle, 490 gCO₂e/kWh'),
  usAverage: gi(386, 'US EPA eGRID (US average output emission rate ≈ 386 gCO₂/kWh), as cited by v2-15/v2-17'),
  renewable: gi(
    40,
    'v2-15/v2-17 scenario assumption for a renewable-heavy grid (IPCC AR5 lifecycle medians: solar PV 41–48, wind 11–12 gCO₂e/kWh)',
  ),
} as const;

/**
 * Energy drawn by a device: E = (P_idle + (P − P_idle)·u)·t joules, with utilisation u in [0, 1].
 * With P_idle = 0 this is P·u·t.
 */
export function energyFromPower(args: { powerW: number; seconds: number; utilization?: number; idlePowerW?: number }): number {
  const P = nonNegative('powerW', args.powerW);
  const idle = inRange('idlePowerW', args.idlePowerW ?? 0, 0, P);
  return (idle + (P - idle) * fraction('utilization', args.utilization ?? 1)) * nonNegative('seconds', args.seconds);
}

/** Facility energy = PUE × IT energy (The Green Grid, PUE ≥ 1). */
export function facilityEnergy(args: { itEnergy: number; pue: number }): number {
  return nonNegative('itEnergy', args.itEnergy) * inRange('pue', args.pue, 1, Infinity);
}

/**
 * Operational carbon C = E_IT × PUE × CI (kg), PUE applied exactly once to IT energy.
 * Pass pue = 1 when the energy is already facility energy.
 */
export function operationalCarbon(args: { itEnergy: number; pue: number; intensity: number }): number {
  return facilityEnergy(args) * nonNegative('intensity', args.intensity);
}

/** Site water = E_IT × WUE (m³), with WUE in m³ per J of IT energy (The Green Grid WUE is per IT kWh; no PUE). */
export function waterUse(args: { itEnergy: number; wue: number }): number {
  return nonNegative('itEnergy', args.itEnergy) * nonNegative('wue', args.wue);
}

/**
 * Share of a device's embodied (manufacturing) carbon charged to a job that uses it for
 * `usedSeconds` of a `lifetimeSeconds` service life: C_emb·t/T (straight-line amortisation,
 * Gupta et al. 2021, "Chasing Carbon").
 */
export function amortizedEmbodiedCarbon(args: { embodiedCarbon: number; lifetimeSeconds: number; usedSeconds: number }): number {
  const T = positive('lifetimeSeconds', args.lifetimeSeconds);
  return (nonNegative('embodiedCarbon', args.embodiedCarbon) * inRange('usedSeconds', args.usedSeconds, 0, T)) / T;
}

/**
 * Jevons accounting for an efficiency gain η (work per joule ×η) and demand growth D (work ×D):
 * energy ratio D/η, net change D/η − 1, rebound R = (D − 1)/(η − 1) (share of the expected saving
 * taken back; R > 1 is backfire). R is NaN when η = 1 (no saving expected).
 */
export function jevonsNetChange(args: { efficiencyGain: number; demandGrowth: number }): {
  energyRatio: number;
  netChange: number;
  rebound: number;
  backfire: boolean;
} {
  const eta = positive('efficiencyGain', args.efficiencyGain);
  const D = positive('demandGrowth', args.demandGrowth);
  const ratio = D / eta;
  return { energyRatio: ratio, netChange: ratio - 1, rebound: eta === 1 ? Number.NaN : (D - 1) / (eta - 1), backfire: D > eta && eta > 1 };
}

/**
 * Rebound from a price elasticity of demand: cost per unit of work falls by 1/η, so with
 * constant-elasticity demand the work grows by D = η^e and energy changes by η^(e−1)
 * (Saunders 1992; Sorrell 2009). e > 1 means backfire (Jevons paradox).
 */
export function jevonsElasticRebound(args: { efficiencyGain: number; elasticity: number }): {
  demandGrowth: number;
  energyRatio: number;
  netChange: number;
  rebound: number;
  backfire: boolean;
} {
  const eta = positive('efficiencyGain', args.efficiencyGain);
  const e = nonNegative('elasticity', args.elasticity);
  return { ...jevonsNetChange({ efficiencyGain: eta, demandGrowth: eta ** e }), demandGrowth: eta ** e };
}

/**
 * Fractional carbon saving from moving a share s of total energy from intensity I_from to I_to:
 * s·(I_from − I_to)/Ī, with Ī the baseline average intensity (default I_from, i.e. all load at
 * I_from — v2-15's baseline). Savings are relative to the baseline carbon.
 */
export function timeShiftCarbonSavings(args: {
  shiftedFraction: number;
  fromIntensity: number;
  toIntensity: number;
  baselineIntensity?: number;
}): number {
  const s = fraction('shiftedFraction', args.shiftedFraction);
  const from = nonNegative('fromIntensity', args.fromIntensity);
  const to = nonNegative('toIntensity', args.toIntensity);
  const base = positive('baselineIntensity', args.baselineIntensity ?? from);
  return (s * (from - to)) / base;
}

/** Round to 1e-12 so differences of decimal fractions come out exact (0.30 − 0.25 = 0.05, not 0.049999…). */
const round12 = (x: number): number => Math.round(x * 1e12) / 1e12;

/** v2-15's SLA-breach threshold: more than 5 % of jobs missing their deadline. */
export const NIGHT_WINDOW_BREACH_THRESHOLD = sourced(0.05, '1', 'v2-15 brief: SLA breach threshold 5.0 % of jobs (lab policy)');

/**
 * v2-15's closed form for moving a flexible fraction F of the day's jobs into a low-carbon night
 * window of T seconds per day (period P = 86,400 s): the window holds a share T/P of the day's job
 * slots; jobs shifted beyond it miss their deadline, so the SLA violation is max(0, F − T/P) of all
 * jobs; the largest shift without any violation is F_opt = min(F_avail, T/P) (T = 6 h ⇒ 25 %,
 * 8 h ⇒ 33 %); the largest that stays within the breach threshold b is min(1, T/P + b).
 * Violations are rounded to 1e-12 so the default 0.30 − 0.25 is exactly 0.05 (IEEE doubles give
 * 0.0499…), and `breach` is violation > b, strictly (the lab's rule; b defaults to 5 %).
 * `carbonAwareSchedule` models the same limit slot by slot.
 */
export function nightWindowSchedule(args: {
  flexibleFraction: number;
  windowSeconds: number;
  periodSeconds?: number;
  breachThreshold?: number;
}): {
  capacityShare: number;
  violation: number;
  breach: boolean;
  optimalFraction: number;
  maxCompliantFraction: number;
} {
  const F = fraction('flexibleFraction', args.flexibleFraction);
  const P = positive('periodSeconds', args.periodSeconds ?? 86_400);
  const T = inRange('windowSeconds', args.windowSeconds, 0, P);
  const b = fraction('breachThreshold', args.breachThreshold ?? NIGHT_WINDOW_BREACH_THRESHOLD.value);
  const share = T / P;
  const violation = Math.max(0, round12(F - share));
  return {
    capacityShare: share,
    violation,
    breach: violation > b,
    optimalFraction: Math.min(F, share),
    maxCompliantFraction: Math.min(1, round12(share + b)),
  };
}

/**
 * Carbon-aware scheduling over a cyclic day of time slots. Each slot has an intensity (kg/J), a
 * load (J) and a capacity (J). A fraction of every slot's load is flexible and may be delayed by
 * at most `maxDelaySlots` slots (wrapping past midnight). Greedy: the dirtiest slots first move
 * their flexible energy to the cleanest reachable slots with spare capacity and lower intensity.
 * Returns baseline and scheduled carbon, the saving relative to baseline, the energy moved, the
 * flexible energy left in slots dirtier than the day's cleanest (blocked by the delay window or by
 * capacity — v2-15's "night capacity" limit), and the new load profile.
 */
export function carbonAwareSchedule(args: {
  intensity: readonly number[];
  load: readonly number[];
  capacity: number | readonly number[];
  flexibleFraction: number;
  maxDelaySlots: number;
}): {
  baselineCarbon: number;
  scheduledCarbon: number;
  savingsFraction: number;
  shiftedEnergy: number;
  unplacedFlexibleEnergy: number;
  load: number[];
} {
  const I = args.intensity;
  if (!Array.isArray(I) || I.length === 0) throw new PhysicsError('intensity', I, 'a non-empty array of carbon intensities (kg/J)');
  const n = I.length;
  I.forEach((v, i) => nonNegative(`intensity[${i}]`, v));
  if (!Array.isArray(args.load) || args.load.length !== n) throw new PhysicsError('load', args.load, `an array of ${n} energies (J)`);
  const load = args.load.map((v, i) => nonNegative(`load[${i}]`, v));
  const cap = typeof args.capacity === 'number' ? load.map(() => nonNegative('capacity', args.capacity)) : args.capacity;
  if (!Array.isArray(cap) || cap.length !== n)
    throw new PhysicsError('capacity', args.capacity, `a number or an array of ${n} capacities (J)`);
  cap.forEach((c, i) => {
    if (nonNegative(`capacity[${i}]`, c) < load[i])
      throw new PhysicsError(`capacity[${i}]`, c, `a capacity of at least the slot's load (${load[i]})`);
  });
  const f = fraction('flexibleFraction', args.flexibleFraction);
  const maxDelay = integerAtLeast('maxDelaySlots', args.maxDelaySlots, 0);

  const out = load.slice();
  const baselineCarbon = load.reduce((s, e, i) => s + e * I[i], 0);
  const minIntensity = Math.min(...I);
  let shifted = 0,
    unplaced = 0;
  const sources = Array.from({ length: n }, (_, i) => i).sort((a, b) => I[b] - I[a] || a - b);
  for (const i of sources) {
    let remaining = f * load[i];
    if (remaining <= 0) continue;
    const dests: number[] = [];
    for (let k = 1; k <= Math.min(maxDelay, n - 1); k++) dests.push((i + k) % n);
    dests.sort((a, b) => I[a] - I[b] || a - b);
    for (const j of dests) {
      if (remaining <= 0 || I[j] >= I[i]) break;
      const room = (cap[j] as number) - out[j];
      if (room <= 0) continue;
      const move = Math.min(room, remaining);
      out[j] += move;
      out[i] -= move;
      remaining -= move;
      shifted += move;
    }
    if (I[i] > minIntensity) unplaced += remaining;
  }
  const scheduledCarbon = out.reduce((s, e, i) => s + e * I[i], 0);
  return {
    baselineCarbon,
    scheduledCarbon,
    savingsFraction: baselineCarbon > 0 ? 1 - scheduledCarbon / baselineCarbon : 0,
    shiftedEnergy: shifted,
    unplacedFlexibleEnergy: unplaced,
    load: out,
  };
}
