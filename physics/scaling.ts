/**
 * Training compute and scaling laws: 6PD, Chinchilla compute-optimal allocation, training time
 * from FLOPs, and the Chinchilla parametric loss fit.
 *
 * Note (v2-01 critique): the training-time examples used 1,979 TFLOP/s for the H100, which is the
 * FP16 figure with 2:4 sparsity; the dense FP16/BF16 peak is 989 TFLOP/s. Pass the dense peak.
 */
import { nonNegative, positive, fraction, PhysicsError } from './errors.js';
import { sourced } from './sourced.js';

/** FLOPs per parameter per training token (forward 2 + backward 4). */
export const TRAINING_FLOPS_PER_PARAM_TOKEN = sourced(
  6,
  'FLOP',
  'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", §2.1 (C ≈ 6ND)',
);

/** Compute-optimal tokens per parameter. */
export const CHINCHILLA_TOKENS_PER_PARAM = sourced(
  20,
  '1',
  'Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models" (Chinchilla: 70B params, 1.4T tokens)',
);

/**
 * Chinchilla parametric loss fit L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, Approach 3,
 * eq. 10). A replication (Besiroglu et al. 2024) refits E = 1.82, A = 482.0, B = 2085.4,
 * α = 0.3478, β = 0.3658; the published constants are kept here.
 */
export const CHINCHILLA_LOSS_FIT = {
  E: sourced(1.69, 'nat/token', 'Hoffmann et al. 2022, eq. 10 (irreducible loss)'),
  A: sourced(406.4, '1', 'Hoffmann et al. 2022, eq. 10'),
  B: sourced(410.7, '1', 'Hoffmann et al. 2022, eq. 10'),
  alpha: sourced(0.34, '1', 'Hoffmann et al. 2022, eq. 10'),
  beta: sourced(0.28, '1', 'Hoffmann et al. 2022, eq. 10'),
} as const;

/** Training compute C = 6·P·D FLOPs for P parameters and D tokens (Kaplan et al. 2020). */
export function trainingFlops(args: { params: number; tokens: number }): number {
  return TRAINING_FLOPS_PER_PARAM_TOKEN.value * nonNegative('params', args.params) * nonNegative('tokens', args.tokens);
}

/**
 * Compute-optimal model for a FLOP budget C with D = k·P tokens (k = 20, Chinchilla):
 * C = 6·P·D = 6k·P² ⇒ P = √(C/(6k)), D = k·P.
 */
export function chinchillaOptimal(args: { computeFlops: number; tokensPerParam?: number }): { params: number; tokens: number } {
  const C = nonNegative('computeFlops', args.computeFlops);
  const k = positive('tokensPerParam', args.tokensPerParam ?? CHINCHILLA_TOKENS_PER_PARAM.value);
  const params = Math.sqrt(C / (TRAINING_FLOPS_PER_PARAM_TOKEN.value * k));
  return { params, tokens: k * params };
}

/**
 * Wall-clock training time T = C / (N·R·MFU) seconds for C FLOPs on N devices of peak R FLOP/s
 * at model-FLOPs utilisation MFU.
 */
export function trainingDuration(args: { flops: number; devices: number; peakFlopsPerDevice: number; mfu: number }): number {
  const mfu = fraction('mfu', args.mfu);
  if (mfu === 0) throw new PhysicsError('mfu', args.mfu, 'a fraction greater than 0');
  return (
    nonNegative('flops', args.flops) / (positive('devices', args.devices) * positive('peakFlopsPerDevice', args.peakFlopsPerDevice) * mfu)
  );
}

/**
 * Useful FLOPs delivered by device time: C = (device-seconds)·R·MFU. mlsysim converts a GPU-days
 * budget this way with R = 989 TFLOP/s and MFU = 0.40.
 */
export function flopsFromDeviceTime(args: { deviceSeconds: number; peakFlopsPerDevice: number; mfu: number }): number {
  return (
    nonNegative('deviceSeconds', args.deviceSeconds) * positive('peakFlopsPerDevice', args.peakFlopsPerDevice) * fraction('mfu', args.mfu)
  );
}

/** Chinchilla loss L = E + A/N^α + B/D^β (nats/token) for N parameters and D tokens. */
export function chinchillaLoss(args: { params: number; tokens: number }): number {
  const N = positive('params', args.params);
  const D = positive('tokens', args.tokens);
  const f = CHINCHILLA_LOSS_FIT;
  return f.E.value + f.A.value / N ** f.alpha.value + f.B.value / D ** f.beta.value;
}
