/**
 * Reliability physics: MTBF of components in series and of clusters, failure probability,
 * Young–Daly checkpoint intervals (with Daly's higher-order form), checkpoint overhead and
 * goodput, sync/async checkpoint stalls, step snapping, availability.
 *
 * Units: seconds for every time (MTBF, checkpoint, interval, restart), bytes and B/s for
 * checkpoint size and storage bandwidth. Failures are exponential (constant hazard), the
 * standard assumption of Young (1974) and Daly (2006).
 *
 * Corrections to the reference labs (details on each function and in
 * docs/physics/serving-distributed-reliability.md):
 * - v2-07: 16,384 GPUs at 200 h per GPU give a cluster MTBF of 200·3600/16384 = 43.9 SECONDS, not
 *   "44 minutes"; so its "T* ≈ 21 min" is T* ≈ 21 s. Per-GPU MTBF of 200 h is also implausible:
 *   the component defaults here are 50,000 h per GPU, consistent with Llama 3's 419 interruptions
 *   in 54 days on 16,384 GPUs (cluster MTBF ≈ 3.1 h).
 * - v2-07: the checkpoint write C and the restart cost R are separate inputs (the reference
 *   counted C twice, in C/T and in λ(T/2 + C)); pass restartSeconds = checkpointSeconds to
 *   reproduce the reference.
 * - v2-07: the first-order Young formula is flagged when the interval is not small next to the
 *   MTBF (T > 0.3·MTBF), and Daly's higher-order estimate is available.
 * - v2-07: the async stall is modelled as a device-to-host snapshot (size ÷ snapshot bandwidth) or
 *   an explicit residual fraction, not a hidden 2 % constant.
 * - v2-07: sizes are SI (2 TB = 2e12 B): 2 TB at 400 GB/s is 5.0 s, matching the scenario's
 *   "about 5 s" (the reference's ×1024 gave 5.12 s).
 */
import { PhysicsError, fraction, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';

const HOUR = 3600;
const DAY = 86400;

/**
 * Mean time between failures of hardware components, s (mlsysim defaults.py, re-exported by
 * constants.py; facts.json *_MTTF_HOURS).
 */
export const COMPONENT_MTBF: Readonly<Record<'gpu' | 'nic' | 'psu' | 'pcieSwitch' | 'cable' | 'torSwitch' | 'hbm', Sourced>> =
  Object.freeze({
    gpu: sourced(50_000 * HOUR, 's', 'mlsysim defaults GPU_MTTF_HOURS = 50,000 h (Meta 2024; Google 2024; Barroso et al. 2018)'),
    nic: sourced(150_000 * HOUR, 's', 'mlsysim defaults NIC_MTTF_HOURS = 150,000 h'),
    psu: sourced(100_000 * HOUR, 's', 'mlsysim defaults PSU_MTTF_HOURS = 100,000 h'),
    pcieSwitch: sourced(200_000 * HOUR, 's', 'mlsysim defaults PCIE_SWITCH_MTTF_HOURS = 200,000 h'),
    cable: sourced(
      50_000 * HOUR,
      's',
      'mlsysim defaults CABLE_MTTF_HOURS = 50,000 h',
      '"lowered for SDC analysis"; the pre-mlsysim constants had 500,000 h (mlsysim-notes §7.24)',
    ),
    torSwitch: sourced(300_000 * HOUR, 's', 'mlsysim defaults TOR_SWITCH_MTTF_HOURS = 300,000 h'),
    hbm: sourced(200_000 * HOUR, 's', 'mlsysim defaults HBM_MTTF_HOURS = 200,000 h'),
  });

/**
 * Llama 3 405B pre-training: 419 unexpected interruptions in a 54-day snapshot on 16,384 H100s
 * (Llama Team, Meta 2024, "The Llama 3 Herd of Models", §3.3.4): observed cluster MTBF
 * 54·24/419 ≈ 3.09 h, ≈ 50,677 GPU-hours per interruption.
 */
export const LLAMA3_INTERRUPTIONS: Readonly<{ interruptions: Sourced; durationSeconds: Sourced; gpus: Sourced }> = Object.freeze({
  interruptions: sourced(419, '1', 'Llama 3 Herd of Models (Meta 2024) §3.3.4: 419 unexpected interruptions'),
  durationSeconds: sourced(54 * DAY, 's', 'Llama 3 Herd of Models (Meta 2024) §3.3.4: 54-day snapshot'),
  gpus: sourced(16_384, '1', 'Llama 3 Herd of Models (Meta 2024) §3.3.4: 16,384 H100 GPUs'),
});

/**
 * MTBF of a system that fails when any component fails (series system, exponential lifetimes):
 * 1/M = Σ_i n_i/M_i ⇒ M = 1 / Σ(n_i/M_i).
 * @param components [{ count, mtbfSeconds }], non-empty; count is a whole number ≥ 0
 * @returns seconds (Infinity if every count is 0)
 * @throws PhysicsError for an empty list
 */
export function seriesMtbf(components: readonly { count: number; mtbfSeconds: number }[]): number {
  if (!Array.isArray(components) || components.length === 0) {
    throw new PhysicsError('components', components, 'a non-empty array of { count, mtbfSeconds }');
  }
  let rate = 0;
  components.forEach((c, i) => {
    if (c === null || typeof c !== 'object') throw new PhysicsError(`components[${i}]`, c, 'an object { count, mtbfSeconds }');
    rate += integerAtLeast(`components[${i}].count`, c.count, 0) / positive(`components[${i}].mtbfSeconds`, c.mtbfSeconds);
  });
  return rate === 0 ? Infinity : 1 / rate;
}

/**
 * MTBF of a cluster of N identical nodes (or GPUs), any one failing stops the job:
 * M_cluster = M_node / N (failure rate λ = N/M_node).
 * v2-07: 16,384 × 200 h → 720,000 s / 16,384 = 43.9 s (seconds, not minutes).
 */
export function clusterMtbf({ nodeMtbfSeconds, nodes }: { nodeMtbfSeconds: number; nodes: number }): number {
  return positive('nodeMtbfSeconds', nodeMtbfSeconds) / integerAtLeast('nodes', nodes, 1);
}

/** Observed MTBF from a failure log: duration / failures (Infinity with no failures). */
export function observedMtbf({ durationSeconds, failures }: { durationSeconds: number; failures: number }): number {
  positive('durationSeconds', durationSeconds);
  integerAtLeast('failures', failures, 0);
  return failures === 0 ? Infinity : durationSeconds / failures;
}

/**
 * Probability of at least one failure during T with exponential failures of mean M:
 * P = 1 − e^{−T/M}.
 */
export function failureProbability({ durationSeconds, mtbfSeconds }: { durationSeconds: number; mtbfSeconds: number }): number {
  return -Math.expm1(-nonNegative('durationSeconds', durationSeconds) / positive('mtbfSeconds', mtbfSeconds));
}

/** Expected number of failures during T: T/M. */
export function expectedFailures({ durationSeconds, mtbfSeconds }: { durationSeconds: number; mtbfSeconds: number }): number {
  return nonNegative('durationSeconds', durationSeconds) / positive('mtbfSeconds', mtbfSeconds);
}

/**
 * Young's optimal checkpoint interval (Young 1974, CACM 17(9)), first order:
 * τ* = √(2·δ·M), δ = checkpoint time, M = MTBF. Minimizes δ/τ + τ/(2M). Valid for δ, τ ≪ M.
 * v2-07 Act I: √(2 · 240 s · 28,800 s) = 3,718 s = 62 min.
 */
export function youngDalyInterval({ checkpointSeconds, mtbfSeconds }: { checkpointSeconds: number; mtbfSeconds: number }): number {
  return Math.sqrt(2 * nonNegative('checkpointSeconds', checkpointSeconds) * positive('mtbfSeconds', mtbfSeconds));
}

/**
 * Daly's higher-order optimum (Daly 2006, "A higher order estimate of the optimum checkpoint
 * interval for restart dumps", FGCS 22(3)):
 * τ = √(2δM)·[1 + ⅓·√(δ/(2M)) + (1/9)·(δ/(2M))] − δ for δ < 2M, else τ = M.
 * Use it when the first-order Young interval is not small next to M.
 */
export function dalyInterval({ checkpointSeconds, mtbfSeconds }: { checkpointSeconds: number; mtbfSeconds: number }): number {
  const d = nonNegative('checkpointSeconds', checkpointSeconds);
  const M = positive('mtbfSeconds', mtbfSeconds);
  if (d >= 2 * M) return M;
  const x = d / (2 * M);
  return Math.sqrt(2 * d * M) * (1 + Math.sqrt(x) / 3 + x / 9) - d;
}

/**
 * Time lost to checkpointing with interval τ (first-order model, Young 1974):
 * - checkpoint fraction δ/τ;
 * - expected rework per failure τ/2 + R (half an interval of lost work plus the restart R);
 * - rework fraction (τ/2 + R)/M;
 * - waste = δ/τ + (τ/2 + R)/M, goodput = max(0, 1 − waste).
 * `firstOrderValid` is false when τ > 0.3·M (v2-07 Critique: the first-order model breaks down;
 * see {@link dalyInterval}). The reference's f(T) = C/T + λ(T/2 + C) is restartSeconds = C.
 */
export function checkpointOverhead({
  intervalSeconds,
  checkpointSeconds,
  mtbfSeconds,
  restartSeconds = 0,
}: {
  intervalSeconds: number;
  checkpointSeconds: number;
  mtbfSeconds: number;
  restartSeconds?: number;
}): {
  checkpointFraction: number;
  reworkPerFailureSeconds: number;
  reworkFraction: number;
  wasteFraction: number;
  goodput: number;
  firstOrderValid: boolean;
} {
  const tau = positive('intervalSeconds', intervalSeconds);
  const d = nonNegative('checkpointSeconds', checkpointSeconds);
  const M = positive('mtbfSeconds', mtbfSeconds);
  const R = nonNegative('restartSeconds', restartSeconds);
  const checkpointFraction = d / tau;
  const reworkPerFailureSeconds = tau / 2 + R;
  const reworkFraction = reworkPerFailureSeconds / M;
  const wasteFraction = checkpointFraction + reworkFraction;
  return {
    checkpointFraction,
    reworkPerFailureSeconds,
    reworkFraction,
    wasteFraction,
    goodput: Math.max(0, 1 - wasteFraction),
    firstOrderValid: tau <= 0.3 * M,
  };
}

/**
 * Expected wall-clock time to finish W seconds of useful work: W / goodput
 * (v2-07 MathPeek E[T] = T_ideal/(1 − overhead − λE[W])). Infinity when goodput is 0.
 */
export function expectedJobSeconds({
  workSeconds,
  intervalSeconds,
  checkpointSeconds,
  mtbfSeconds,
  restartSeconds = 0,
}: {
  workSeconds: number;
  intervalSeconds: number;
  checkpointSeconds: number;
  mtbfSeconds: number;
  restartSeconds?: number;
}): number {
  const W = nonNegative('workSeconds', workSeconds);
  const { goodput } = checkpointOverhead({ intervalSeconds, checkpointSeconds, mtbfSeconds, restartSeconds });
  if (W === 0) return 0;
  return goodput === 0 ? Infinity : W / goodput;
}

/**
 * Training stall caused by one checkpoint:
 * - `sync`: the job waits for the whole write, size / storage bandwidth;
 * - `async`: the job waits only for the snapshot to host memory, size / snapshotBandwidth
 *   (e.g. GPUs × PCIe rate) — or, when only a residual fraction is known, residual × write time.
 * v2-07 used a fixed 2 % residual; here the residual is an explicit input or derived from a
 * snapshot bandwidth. Returns { stallSeconds, writeSeconds }.
 */
export function checkpointStallSeconds({
  bytes,
  storageBandwidth,
  mode = 'sync',
  snapshotBandwidth,
  asyncResidualFraction,
}: {
  bytes: number;
  storageBandwidth: number;
  mode?: 'sync' | 'async';
  snapshotBandwidth?: number;
  asyncResidualFraction?: number;
}): { stallSeconds: number; writeSeconds: number } {
  const size = nonNegative('bytes', bytes);
  const writeSeconds = size / positive('storageBandwidth', storageBandwidth);
  oneOf('mode', mode, ['sync', 'async'] as const);
  if (mode === 'sync') return { stallSeconds: writeSeconds, writeSeconds };
  if (snapshotBandwidth !== undefined) return { stallSeconds: size / positive('snapshotBandwidth', snapshotBandwidth), writeSeconds };
  if (asyncResidualFraction !== undefined)
    return { stallSeconds: fraction('asyncResidualFraction', asyncResidualFraction) * writeSeconds, writeSeconds };
  throw new PhysicsError('snapshotBandwidth', snapshotBandwidth, 'a bandwidth in B/s (or asyncResidualFraction) for mode "async"');
}

/** Round to nearest, ties to even (IEEE 754 default; Python's round()). */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * Checkpoints can only be taken between training steps: k = max(1, round(τ/step)) with ties to
 * even (matching the reference's Python round()), interval = k·step.
 * v2-07: τ* = 21.2 s, 10 s steps → k = 2, 20 s; τ = 25 s → 2.5 → k = 2.
 */
export function snapIntervalToSteps({ intervalSeconds, stepSeconds }: { intervalSeconds: number; stepSeconds: number }): {
  steps: number;
  intervalSeconds: number;
} {
  const tau = nonNegative('intervalSeconds', intervalSeconds);
  const step = positive('stepSeconds', stepSeconds);
  const steps = Math.max(1, roundHalfEven(tau / step));
  return { steps, intervalSeconds: steps * step };
}

/** Steady-state availability A = MTBF / (MTBF + MTTR). */
export function steadyStateAvailability({ mtbfSeconds, mttrSeconds }: { mtbfSeconds: number; mttrSeconds: number }): number {
  const M = positive('mtbfSeconds', mtbfSeconds);
  return M / (M + nonNegative('mttrSeconds', mttrSeconds));
}

/** Availability of k independent replicas where any one suffices: 1 − (1 − a)^k. */
export function replicatedAvailability({ availability, replicas }: { availability: number; replicas: number }): number {
  return 1 - Math.pow(1 - fraction('availability', availability), integerAtLeast('replicas', replicas, 1));
}

/** Availability of services that must all be up (series): Π a_i. */
export function seriesAvailability(availabilities: readonly number[]): number {
  if (!Array.isArray(availabilities) || availabilities.length === 0) {
    throw new PhysicsError('availabilities', availabilities, 'a non-empty array of availabilities in [0, 1]');
  }
  return availabilities.reduce((s, a, i) => s * fraction(`availabilities[${i}]`, a), 1);
}

/** Expected downtime per 365-day year, (1 − A) × 31,536,000 s (99.9 % → 8.76 h). */
export function annualDowntimeSeconds(availability: number): number {
  return (1 - fraction('availability', availability)) * 365 * DAY;
}
