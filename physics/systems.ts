/**
 * Single-machine systems physics: data pipelines feeding an accelerator, moving datasets over
 * links (data gravity), the energy of moving bytes versus computing on them, and battery/power
 * budgets of mobile and TinyML devices.
 */
import { PhysicsError, fraction, nonNegative, oneOf, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';
import { Gbps } from './units.js';

// ---------------------------------------------------------------------------------------------
// Pipelines
// ---------------------------------------------------------------------------------------------

export interface PipelineStage {
  readonly name: string;
  /** Items per second this stage can sustain alone. */
  readonly rate: number;
}

export interface PipelineThroughput {
  /** min of the stage rates, items/s. */
  readonly throughput: number;
  /** Name of the slowest stage. */
  readonly bottleneck: string;
  /** Per stage, throughput / rate: the fraction of time each stage is busy. */
  readonly utilization: { readonly name: string; readonly rate: number; readonly utilization: number }[];
}

/**
 * A pipeline whose stages overlap (prefetching) runs at the slowest stage's rate; every other
 * stage idles for the rest of the time. The last stage is usually the accelerator, whose
 * utilization is then min(1, producer rate / consumer rate).
 */
export function pipelineThroughput(stages: readonly PipelineStage[]): PipelineThroughput {
  if (!Array.isArray(stages) || stages.length === 0) throw new PhysicsError('stages', stages, 'a non-empty array of { name, rate }');
  const rates = stages.map((s, i) => positive(`stages[${i}].rate`, s?.rate));
  let k = 0;
  rates.forEach((r, i) => {
    if (r < rates[k]) k = i;
  });
  const tp = rates[k];
  return {
    throughput: tp,
    bottleneck: stages[k].name,
    utilization: stages.map((s, i) => ({ name: s.name, rate: rates[i], utilization: tp / rates[i] })),
  };
}

export const FEED_MODES = ['pipelined', 'prefetch-load', 'serial'] as const;
export type FeedMode = (typeof FEED_MODES)[number];

export interface FeedInput {
  /** Accelerator time per batch, s. */
  computeSeconds: number;
  /** Storage read time per batch, s. */
  loadSeconds: number;
  /** CPU decode/augment time per batch (already divided by workers), s (default 0). */
  preprocessSeconds?: number;
  /**
   * - 'pipelined' (default): loading, preprocessing and compute all overlap (prefetching
   *   DataLoader workers): step = max(compute, load, preprocess).
   * - 'prefetch-load': loads overlap compute but preprocessing blocks the step (v1-04's model):
   *   step = max(compute, load) + preprocess.
   * - 'serial': nothing overlaps: step = compute + load + preprocess.
   */
  mode?: FeedMode;
}

export interface FeedResult {
  /** Time per batch, s. */
  readonly step: number;
  /** Accelerator idle time per batch, s. */
  readonly wait: number;
  /** compute / step, 0..1. */
  readonly utilization: number;
  /** 1 - utilization: the "feeding tax". */
  readonly feedingTax: number;
  readonly bound: 'compute' | 'load' | 'preprocess';
}

/**
 * Accelerator utilization when a data pipeline feeds it. v1-04 (A100 FP16 dense 312e12, 64
 * ResNet-50 images): compute 64 x 8.2e9 FLOP / 312e12 = 1.682 ms (4.1e9 MAC x 2 FLOP per MAC;
 * the reference divided the MAC count by the FLOP/s peak, 0.841 ms); from HDD at 0.15 GB/s the
 * load of 38.5 MB takes 257 ms, so utilization is ~0.6 %, not the story's 23 %.
 */
export function acceleratorUtilization(input: FeedInput): FeedResult {
  const c = positive('computeSeconds', input.computeSeconds);
  const l = nonNegative('loadSeconds', input.loadSeconds);
  const p = nonNegative('preprocessSeconds', input.preprocessSeconds ?? 0);
  const mode = oneOf('mode', input.mode ?? 'pipelined', FEED_MODES);
  const step = mode === 'serial' ? c + l + p : mode === 'prefetch-load' ? Math.max(c, l) + p : Math.max(c, l, p);
  // What the accelerator waits on. Pipelined: the slowest stage. Otherwise: the larger of the
  // load and preprocessing contributions to the wait.
  let bound: FeedResult['bound'];
  if (step === c) bound = 'compute';
  else if (mode === 'pipelined') bound = l >= p ? 'load' : 'preprocess';
  else bound = (mode === 'serial' ? l : Math.max(l - c, 0)) >= p ? 'load' : 'preprocess';
  const utilization = c / step;
  return { step, wait: step - c, utilization, feedingTax: 1 - utilization, bound };
}

// ---------------------------------------------------------------------------------------------
// Data gravity
// ---------------------------------------------------------------------------------------------

/**
 * Time to move bytes over a link: latency + bytes / (bandwidth * efficiency), s.
 * 50 TB over 100 Gbps (12.5 GB/s): 50e12 / 12.5e9 = 4,000 s = 66.7 min.
 */
export function transferTime(bytes: number, bandwidth: number, options: { latencySeconds?: number; efficiency?: number } = {}): number {
  const B = nonNegative('bytes', bytes);
  const bw = positive('bandwidth', bandwidth);
  const eff = fraction('efficiency', options.efficiency ?? 1);
  if (eff === 0) throw new PhysicsError('efficiency', eff, 'a fraction greater than 0');
  return nonNegative('latencySeconds', options.latencySeconds ?? 0) + B / (bw * eff);
}

export interface DataGravityInput {
  bytes: number;
  /** Link bandwidth, B/s. */
  bandwidth: number;
  /** Time the job may wait for its data (e.g. the training time), s. */
  budgetSeconds: number;
  /** Egress price, USD per byte (default 0; cloud egress is 0.08 USD/GB = 8e-11 USD/B). */
  egressPerByte?: number;
  /**
   * Extra cost of running the compute where the data is, USD (default 0). Compared with the
   * egress bill: v1-04 compared egress with the whole training bill, which is paid either way.
   */
  remoteComputeExtraCost?: number;
}

export interface DataGravity {
  readonly transferTime: number;
  /** transferTime / budgetSeconds. */
  readonly budgetRatio: number;
  readonly exceedsBudget: boolean;
  readonly egressCost: number;
  /** Move the computation to the data when the transfer overruns the budget or costs more. */
  readonly decision: 'move-compute' | 'move-data';
}

/** Data gravity: move the data or move the compute? */
export function dataGravity(input: DataGravityInput): DataGravity {
  const t = transferTime(input.bytes, input.bandwidth);
  const budget = positive('budgetSeconds', input.budgetSeconds);
  const egressCost = input.bytes * nonNegative('egressPerByte', input.egressPerByte ?? 0);
  const extra = nonNegative('remoteComputeExtraCost', input.remoteComputeExtraCost ?? 0);
  const exceeds = t > budget;
  return {
    transferTime: t,
    budgetRatio: t / budget,
    exceedsBudget: exceeds,
    egressCost,
    decision: exceeds || egressCost > extra ? 'move-compute' : 'move-data',
  };
}

/** Link bandwidths the data-gravity and federated labs quote, B/s. */
export const LINK_BANDWIDTHS: Readonly<Record<string, Sourced>> = Object.freeze({
  ethernet1g: sourced(1 * Gbps, 'B/s', 'IEEE 802.3ab 1000BASE-T: 1 Gbit/s = 0.125 GB/s'),
  ethernet10g: sourced(10 * Gbps, 'B/s', 'IEEE 802.3ae 10GbE; mlsysim NETWORK_10G_BW 1.25 GB/s'),
  ethernet100g: sourced(100 * Gbps, 'B/s', 'IEEE 802.3ba 100GbE; mlsysim NETWORK_100G_BW 12.5 GB/s'),
  lte50m: sourced(50e6 / 8, 'B/s', 'v2-lab-11 LTE uplink 50 Mbit/s (illustrative)'),
  wifi100m: sourced(100e6 / 8, 'B/s', 'v2-lab-11 Wi-Fi uplink 100 Mbit/s (illustrative)'),
});

/** Storage read bandwidths the v1-04 lab offers, B/s (sequential, one device). */
export const STORAGE_BANDWIDTHS: Readonly<Record<string, Sourced>> = Object.freeze({
  hdd: sourced(0.15e9, 'B/s', 'v1-04 / data_engineering.qmd storage tiers: 7,200 rpm HDD ~150 MB/s sequential'),
  ssd: sourced(0.55e9, 'B/s', 'v1-04: SATA SSD ~550 MB/s (SATA III 6 Gbit/s ceiling)'),
  nvme: sourced(3.5e9, 'B/s', 'v1-04: PCIe Gen3 x4 NVMe ~3.5 GB/s (mlsysim NVME_SEQUENTIAL_BW was 3.5, later 7 GB/s for Gen4)'),
  ram: sourced(50e9, 'B/s', 'v1-04 RAM disk 50 GB/s; mlsysim SYSTEM_MEMORY_BW 50 GB/s'),
});

// ---------------------------------------------------------------------------------------------
// Energy: moving bytes versus computing
// ---------------------------------------------------------------------------------------------

const HOROWITZ =
  'Horowitz (2014) "Computing\'s energy problem", ISSCC, 45 nm, 0.9 V; as tabulated by Han et al. (2016) EIE/Deep Compression';

/** Energy per operation or per 32-bit access at 45 nm, J. */
export const HOROWITZ_ENERGY: Readonly<Record<string, Sourced>> = Object.freeze({
  int8Add: sourced(0.03e-12, 'J', HOROWITZ),
  int32Add: sourced(0.1e-12, 'J', HOROWITZ),
  fp16Add: sourced(0.4e-12, 'J', HOROWITZ),
  fp32Add: sourced(0.9e-12, 'J', HOROWITZ),
  int8Mult: sourced(0.2e-12, 'J', HOROWITZ),
  int32Mult: sourced(3.1e-12, 'J', HOROWITZ),
  fp16Mult: sourced(1.1e-12, 'J', HOROWITZ),
  fp32Mult: sourced(
    3.7e-12,
    'J',
    HOROWITZ,
    'mlsysim labels 3.7 pJ "FP32 multiply-add"; it is the multiply alone (a multiply-add is 3.7 + 0.9 = 4.6 pJ, mlsysim ENERGY_FLOP_PJ).',
  ),
  registerFile32: sourced(1e-12, 'J', HOROWITZ),
  sram32: sourced(
    5e-12,
    'J',
    `${HOROWITZ} (32-bit read from an 8 KB SRAM cache)`,
    'mlsysim ENERGY_SRAM_L1_PJ is 0.5 pJ; Han et al. list 5 pJ.',
  ),
  dram32: sourced(640e-12, 'J', `${HOROWITZ} (32-bit DRAM access)`),
});

/** DRAM energy per byte moved: 640 pJ / 4 B = 160 pJ/B (mlsysim ENERGY_DRAM_PJ_PER_BYTE). */
export const DRAM_ENERGY_PER_BYTE: Sourced = sourced(160e-12, 'J/B', `${HOROWITZ}: 640 pJ per 32-bit access / 4 B`);

export interface EnergySplitInput {
  /** Bytes moved from memory, B. */
  bytes: number;
  /** Operations executed. */
  ops: number;
  /** J per byte (default DRAM 160 pJ/B). */
  energyPerByte?: number;
  /** J per operation (default FP32 multiply 3.7 pJ). */
  energyPerOp?: number;
}

export interface EnergySplit {
  readonly movement: number;
  readonly compute: number;
  readonly total: number;
  /** movement / total. */
  readonly movementShare: number;
}

/**
 * E = bytes * e_byte + ops * e_op, J. One FP32 multiply on operands fetched from DRAM:
 * 2 x 640 pJ of movement vs 3.7 pJ of arithmetic, a 346x gap.
 */
export function energySplit(input: EnergySplitInput): EnergySplit {
  const b = nonNegative('bytes', input.bytes);
  const o = nonNegative('ops', input.ops);
  const eb = nonNegative('energyPerByte', input.energyPerByte ?? DRAM_ENERGY_PER_BYTE.value);
  const eo = nonNegative('energyPerOp', input.energyPerOp ?? HOROWITZ_ENERGY.fp32Mult.value);
  const movement = b * eb,
    compute = o * eo,
    total = movement + compute;
  return { movement, compute, total, movementShare: total === 0 ? 0 : movement / total };
}

// ---------------------------------------------------------------------------------------------
// Power and batteries
// ---------------------------------------------------------------------------------------------

/** Energy = power * time, J. */
export function energy(powerWatts: number, seconds: number): number {
  return nonNegative('powerWatts', powerWatts) * nonNegative('seconds', seconds);
}

/**
 * Battery runtime at a constant draw: E / P, s. A 15 Wh (54 kJ) phone at 5 W: 10,800 s = 3 h.
 */
export function batteryLife(batteryJoules: number, powerWatts: number): number {
  return positive('batteryJoules', batteryJoules) / positive('powerWatts', powerWatts);
}

/**
 * Average power of a duty-cycled device: d * P_active + (1 - d) * P_idle, W.
 */
export function dutyCycledPower(activeWatts: number, idleWatts: number, dutyCycle: number): number {
  const a = nonNegative('activeWatts', activeWatts);
  const i = nonNegative('idleWatts', idleWatts);
  const d = fraction('dutyCycle', dutyCycle);
  return d * a + (1 - d) * i;
}

/** Inferences one charge allows: floor(E_battery / E_inference). */
export function inferencesPerCharge(batteryJoules: number, joulesPerInference: number): number {
  return Math.floor(positive('batteryJoules', batteryJoules) / positive('joulesPerInference', joulesPerInference));
}

export interface EnergyBudgetInput {
  /** Draw while active, W. */
  powerWatts: number;
  /** Length of one session (e.g. one on-device training run), s. */
  sessionSeconds: number;
  /** Sessions per day. */
  sessionsPerDay: number;
  /** Energy available per day (e.g. a battery charge), J. */
  budgetJoules: number;
}

export interface EnergyBudget {
  /** sessionsPerDay * sessionSeconds * power, J. */
  readonly dailyEnergy: number;
  /** dailyEnergy / budget. */
  readonly ratio: number;
  readonly exceeds: boolean;
  /** budget - dailyEnergy, J (negative when over). */
  readonly margin: number;
}

/**
 * Daily energy of periodic sessions against a budget. Correction (v1-03): the reference charged
 * 24 h x 5 W = 120 Wh/day for every cycle length because it assumed training never stops; energy
 * depends on the session length, not the cycle period. 24 one-hour 5 W sessions: 120 Wh vs a 10 Wh
 * battery (12x over); one 2 h session a day: 10 Wh (fits exactly).
 */
export function energyBudget(input: EnergyBudgetInput): EnergyBudget {
  const p = nonNegative('powerWatts', input.powerWatts);
  const t = nonNegative('sessionSeconds', input.sessionSeconds);
  const n = nonNegative('sessionsPerDay', input.sessionsPerDay);
  const budget = positive('budgetJoules', input.budgetJoules);
  const daily = p * t * n;
  return { dailyEnergy: daily, ratio: daily / budget, exceeds: daily > budget, margin: budget - daily };
}
