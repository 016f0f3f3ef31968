/**
 * Federated learning: communication volume per round, update compression, round time over
 * client links, and comparison with uploading raw data to a server.
 *
 * Units: bytes (decimal SI), seconds, B/s, J. Corrections (v2-11 critique):
 * - Decimal units throughout (the reference mixed "100 GB" text with binary GiB cards).
 * - Top-K sparsification must send the positions of the kept values; `topKCompressionRatio`
 *   charges the cheaper of an index list or a bitmask. The chapter's "100 × 4 = 400×" ignores it.
 * - The device side is computed (upload time over LTE/Wi-Fi, radio energy), not left decorative.
 */
import { PhysicsError, fraction, inRange, nonNegative, positive } from './errors.js';
import { sourced } from './sourced.js';

/** Radio energy per byte transferred over a cellular link (100 mJ per MB). */
export const CELLULAR_ENERGY_PER_BYTE = sourced(1e-7, 'J/B', 'mlsysim constants NETWORK_5G_ENERGY_PER_MB_MJ = 100 mJ/MB');

/** Uplink rates the v2-11 scenario quotes. */
export const CLIENT_UPLINK = {
  lte: sourced(50e6 / 8, 'B/s', 'v2-11 brief: LTE uplink 50 Mbps ("real-world average")'),
  wifi: sourced(100e6 / 8, 'B/s', 'v2-11 brief: Wi-Fi uplink 100 Mbps (802.11ac)'),
} as const;

/**
 * Bytes moved by federated training: each participating client downloads the model (compressed by
 * r_down) and uploads an update (compressed by r_up) every round:
 * per round = K·(M/r_up + M/r_down); total = rounds × per round. With no compression this is the
 * chapter's K × M × 2.
 */
export function federatedTraffic(args: {
  clientsPerRound: number;
  modelBytes: number;
  rounds?: number;
  uplinkCompression?: number;
  downlinkCompression?: number;
}): { uplinkPerClient: number; downlinkPerClient: number; perRound: number; total: number } {
  const K = nonNegative('clientsPerRound', args.clientsPerRound);
  const M = nonNegative('modelBytes', args.modelBytes);
  const R = nonNegative('rounds', args.rounds ?? 1);
  const up = M / inRange('uplinkCompression', args.uplinkCompression ?? 1, 1, Infinity);
  const down = M / inRange('downlinkCompression', args.downlinkCompression ?? 1, 1, Infinity);
  const perRound = K * (up + down);
  return { uplinkPerClient: up, downlinkPerClient: down, perRound, total: perRound * R };
}

/**
 * Compression ratio of top-K sparsification with quantised values: send a fraction k of the
 * values at b_v bits plus their positions, at the cheaper of k·b_i bits per parameter (index list)
 * or 1 bit per parameter (bitmask): CR = b₀ / (k·b_v + min(k·b_i, 1)).
 * k = 1 % at INT8 from FP32 with 32-bit indices: 32/(0.08 + 0.32) = 80×; indexBits = 0
 * reproduces the chapter's 400×.
 */
export function topKCompressionRatio(args: { keepFraction: number; valueBits?: number; baseBits?: number; indexBits?: number }): number {
  const k = inRange('keepFraction', args.keepFraction, 0, 1, { loOpen: true });
  const bv = positive('valueBits', args.valueBits ?? 8);
  const b0 = positive('baseBits', args.baseBits ?? 32);
  const bi = nonNegative('indexBits', args.indexBits ?? 32);
  return b0 / (k * bv + Math.min(k * bi, 1));
}

/**
 * Wall-clock time of one synchronous round: each client downloads, trains locally and uploads;
 * the server waits for the slowest client (straggler). Bandwidths may be one number or one per
 * client. Round time = max over clients of (M/r_down)/BW_down + t_compute + (M/r_up)/BW_up.
 */
export function federatedRoundTime(args: {
  modelBytes: number;
  uplinkBandwidth: number | readonly number[];
  downlinkBandwidth: number | readonly number[];
  localComputeSeconds?: number;
  uplinkCompression?: number;
  downlinkCompression?: number;
}): { uploadSeconds: number; downloadSeconds: number; roundSeconds: number } {
  const M = nonNegative('modelBytes', args.modelBytes);
  const tc = nonNegative('localComputeSeconds', args.localComputeSeconds ?? 0);
  const upBytes = M / inRange('uplinkCompression', args.uplinkCompression ?? 1, 1, Infinity);
  const downBytes = M / inRange('downlinkCompression', args.downlinkCompression ?? 1, 1, Infinity);
  const list = (name: string, v: number | readonly number[]): number[] => {
    if (typeof v === 'number') return [positive(name, v)];
    if (!Array.isArray(v) || v.length === 0) throw new PhysicsError(name, v, 'a bandwidth in B/s or a non-empty array of them');
    return v.map((b, i) => positive(`${name}[${i}]`, b));
  };
  const ups = list('uplinkBandwidth', args.uplinkBandwidth);
  const downs = list('downlinkBandwidth', args.downlinkBandwidth);
  const n = Math.max(ups.length, downs.length);
  if (ups.length !== downs.length && ups.length !== 1 && downs.length !== 1)
    throw new PhysicsError('downlinkBandwidth', args.downlinkBandwidth, `one bandwidth or ${ups.length} (one per client)`);
  let upload = 0,
    download = 0,
    round = 0;
  for (let i = 0; i < n; i++) {
    const u = upBytes / ups[ups.length === 1 ? 0 : i];
    const d = downBytes / downs[downs.length === 1 ? 0 : i];
    upload = Math.max(upload, u);
    download = Math.max(download, d);
    round = Math.max(round, d + tc + u);
  }
  return { uploadSeconds: upload, downloadSeconds: download, roundSeconds: round };
}

/**
 * Federated traffic against shipping raw data to a server: centralised bytes = events × bytes
 * per event over the same period; ratio = federated / centralised (> 1 means federated costs
 * more bandwidth). v2-11 defaults: 4e16 B/day vs 1e9 × 100 B = 1e11 B/day ⇒ 400,000×.
 */
export function federatedVsCentralized(args: { federatedBytes: number; events: number; bytesPerEvent: number }): {
  centralizedBytes: number;
  ratio: number;
} {
  const central = nonNegative('events', args.events) * nonNegative('bytesPerEvent', args.bytesPerEvent);
  if (central === 0) throw new PhysicsError('events', args.events, 'a positive number of events with a positive size');
  return { centralizedBytes: central, ratio: nonNegative('federatedBytes', args.federatedBytes) / central };
}

/** Radio energy of a transfer: bytes × J per byte (default 100 mJ/MB cellular). */
export function radioEnergy(args: { bytes: number; joulesPerByte?: number }): number {
  return nonNegative('bytes', args.bytes) * nonNegative('joulesPerByte', args.joulesPerByte ?? CELLULAR_ENERGY_PER_BYTE.value);
}

/**
 * The FedAvg convergence bound as the v2-11 MathPeek quotes it: gap ≤ σ²/(C·E·R) + β²·E²/R,
 * with gradient-noise variance σ², C clients per round, E local epochs, R rounds and client
 * heterogeneity β. Illustrative scaling (more rounds always help; more local epochs trade noise
 * averaging for client drift), not a calibrated accuracy.
 */
export function fedAvgErrorBound(args: {
  noiseVariance: number;
  clientsPerRound: number;
  localEpochs: number;
  rounds: number;
  heterogeneity: number;
}): { noiseTerm: number; driftTerm: number; bound: number } {
  const s2 = nonNegative('noiseVariance', args.noiseVariance);
  const C = positive('clientsPerRound', args.clientsPerRound);
  const E = positive('localEpochs', args.localEpochs);
  const R = positive('rounds', args.rounds);
  const b = nonNegative('heterogeneity', args.heterogeneity);
  const noiseTerm = s2 / (C * E * R),
    driftTerm = (b * b * E * E) / R;
  return { noiseTerm, driftTerm, bound: noiseTerm + driftTerm };
}

/** Clients per round = population × participation fraction (v2-11: 1e8 × 1 % = 1e6). */
export function participatingClients(args: { population: number; participation: number }): number {
  return nonNegative('population', args.population) * fraction('participation', args.participation);
}
