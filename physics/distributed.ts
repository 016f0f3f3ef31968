/**
 * Distributed-training physics: collective communication in the α–β model, hierarchical
 * all-reduce, interconnect links, step time with overlap, fat-tree and torus bisection,
 * pipeline bubbles, 3D-parallel memory per device, Amdahl and Gustafson.
 *
 * Units: bytes (B), seconds (s), bandwidth in B/s PER DIRECTION of one link, latency α in s.
 * `workers` is a whole number ≥ 1; zero workers throws PhysicsError; one worker communicates
 * nothing (every collective takes 0 s).
 *
 * Corrections to the reference labs (details on each function and in
 * docs/physics/serving-distributed-reliability.md):
 * - NVLink 4's "900 GB/s" is the bidirectional total; collectives see 450 GB/s per direction
 *   ({@link INTERCONNECT_LINKS}). InfiniBand HDR is 200 Gb/s = 25 GB/s per port, not 400 GB/s (v2-02).
 * - v2-06: recursive halving/doubling (Rabenseifner) costs 2(N−1)/N·M/β + 2log₂N·α, not half that;
 *   the tree is 2⌈log₂N⌉(α + M/β) (not ring's bandwidth term), so a ring/tree crossover exists
 *   ({@link ringTreeCrossoverBytes}, ≈ 1.5 MB at N = 128, α = 1.5 µs, β = 50 GB/s).
 * - v2-06: gather-to-master moves 2(N−1)M through the master; naive/ring traffic ratio is exactly N
 *   (not "≈ N/2", not (2N−1)M).
 * - v2-02: hierarchical all-reduce sends only M/g per GPU across nodes and nothing when there is
 *   one node ({@link hierarchicalAllReduce}).
 * - v2-03: a 3D torus with wrap-around links has bisection 2·N^{2/3} links, with an exact integer
 *   cube root ({@link torusBisectionBandwidth}).
 * - v2-05/v2-09: the pipeline bubble is (p−1)/(v·m + p − 1) of the schedule (GPipe, Megatron),
 *   not (p−1)/(p·m).
 * - v2-05: activation memory shrinks with tensor parallelism (Korthikanti et al. 2022), it does
 *   not grow as 8 GB × TP.
 * - v1-12: parallel efficiency applies to the N − 1 added workers, so one worker has speedup 1.
 */
import { PhysicsError, fraction, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/** An interconnect in the α–β model. */
export interface InterconnectLink {
  readonly id: string;
  readonly label: string;
  /** β: bandwidth per direction of one link (one GPU's port), B/s. */
  readonly bandwidth: Sourced;
  /** Marketing total (both directions, all links of a GPU), B/s, for display. */
  readonly bidirectional: Sourced;
  /** α: per-message latency, s. */
  readonly latency: Sourced;
  /** Where the link is used. */
  readonly scope: 'intra-node' | 'inter-node';
}

const link = (l: InterconnectLink): InterconnectLink => Object.freeze(l);

/**
 * Sourced link constants, bandwidth PER DIRECTION (what a ring all-reduce step can use).
 * Ids: nvlink3, nvlink4, nvlink5, pcie4-x16, pcie5-x16, ib-hdr, ib-ndr, ib-xdr, eth-100g, eth-400g.
 */
export const INTERCONNECT_LINKS: Readonly<Record<string, InterconnectLink>> = Object.freeze({
  nvlink3: link({
    id: 'nvlink3',
    label: 'NVLink 3 (A100)',
    scope: 'intra-node',
    bandwidth: sourced(
      300e9,
      'B/s',
      'NVIDIA A100 datasheet: NVLink 600 GB/s total (12 links × 50 GB/s bidirectional) = 300 GB/s per direction',
    ),
    bidirectional: sourced(600e9, 'B/s', 'NVIDIA A100 datasheet; facts.json NVLINK_A100_BW'),
    latency: sourced(0.5e-6, 's', 'mlsysim constants LATENCY_NVLINK (order of magnitude)'),
  }),
  nvlink4: link({
    id: 'nvlink4',
    label: 'NVLink 4 (H100 SXM)',
    scope: 'intra-node',
    bandwidth: sourced(
      450e9,
      'B/s',
      'NVIDIA H100 datasheet: NVLink 900 GB/s total (18 links × 50 GB/s bidirectional) = 450 GB/s per direction',
      'The labs quote 900 GB/s; that is the sum of both directions (mlsysim-notes §7.22).',
    ),
    bidirectional: sourced(900e9, 'B/s', 'NVIDIA H100 datasheet; facts.json NVLINK_H100_BW'),
    latency: sourced(0.5e-6, 's', 'mlsysim constants LATENCY_NVLINK (order of magnitude)'),
  }),
  nvlink5: link({
    id: 'nvlink5',
    label: 'NVLink 5 (B200)',
    scope: 'intra-node',
    bandwidth: sourced(900e9, 'B/s', 'NVIDIA Blackwell datasheet: NVLink 1.8 TB/s total per GPU = 900 GB/s per direction'),
    bidirectional: sourced(1.8e12, 'B/s', 'NVIDIA B200 datasheet; facts.json NVLINK_B200_BW'),
    latency: sourced(0.5e-6, 's', 'mlsysim constants LATENCY_NVLINK (order of magnitude)'),
  }),
  'pcie4-x16': link({
    id: 'pcie4-x16',
    label: 'PCIe Gen4 x16',
    scope: 'intra-node',
    bandwidth: sourced(
      31.5e9,
      'B/s',
      'PCI-SIG PCIe 4.0: 16 GT/s × 16 lanes × 128/130 ÷ 8 = 31.5 GB/s per direction',
      'facts.json PCIE_GEN4_BW rounds to 32 GB/s; v2-02 uses 50 GB/s "P2P effective", which exceeds the x16 line rate.',
    ),
    bidirectional: sourced(63e9, 'B/s', 'PCI-SIG PCIe 4.0 x16, both directions'),
    latency: sourced(1e-6, 's', 'mlsysim constants LATENCY_PCIE_GEN5 (order of magnitude)'),
  }),
  'pcie5-x16': link({
    id: 'pcie5-x16',
    label: 'PCIe Gen5 x16',
    scope: 'intra-node',
    bandwidth: sourced(63e9, 'B/s', 'PCI-SIG PCIe 5.0: 32 GT/s × 16 lanes × 128/130 ÷ 8 = 63 GB/s per direction'),
    bidirectional: sourced(126e9, 'B/s', 'PCI-SIG PCIe 5.0 x16, both directions'),
    latency: sourced(1e-6, 's', 'mlsysim constants LATENCY_PCIE_GEN5 (order of magnitude)'),
  }),
  'ib-hdr': link({
    id: 'ib-hdr',
    label: 'InfiniBand HDR (200 Gb/s)',
    scope: 'inter-node',
    bandwidth: sourced(
      25e9,
      'B/s',
      'NVIDIA/Mellanox ConnectX-6 HDR: 200 Gb/s per port per direction = 25 GB/s; facts.json INFINIBAND_HDR_BW',
      'v2-02 labels HDR200 "400 GB/s"; 200 Gb/s is 25 GB/s per direction.',
    ),
    bidirectional: sourced(50e9, 'B/s', '200 Gb/s in each direction'),
    latency: sourced(1.5e-6, 's', 'textbook tbl-interconnect-parameters as quoted by v2-06 (α = 1.5 µs); mlsysim uses 5 µs end to end'),
  }),
  'ib-ndr': link({
    id: 'ib-ndr',
    label: 'InfiniBand NDR (400 Gb/s)',
    scope: 'inter-node',
    bandwidth: sourced(50e9, 'B/s', 'NVIDIA ConnectX-7 NDR: 400 Gb/s per port per direction = 50 GB/s; facts.json INFINIBAND_NDR_BW'),
    bidirectional: sourced(100e9, 'B/s', '400 Gb/s in each direction'),
    latency: sourced(1.5e-6, 's', 'textbook tbl-interconnect-parameters as quoted by v2-06 (α = 1.5 µs)'),
  }),
  'ib-xdr': link({
    id: 'ib-xdr',
    label: 'InfiniBand XDR (800 Gb/s)',
    scope: 'inter-node',
    bandwidth: sourced(100e9, 'B/s', 'NVIDIA Quantum-X800 XDR: 800 Gb/s per port = 100 GB/s; facts.json INFINIBAND_XDR_BW'),
    bidirectional: sourced(200e9, 'B/s', '800 Gb/s in each direction'),
    latency: sourced(1.5e-6, 's', 'assumed equal to NDR (textbook α = 1.5 µs)'),
  }),
  'eth-100g': link({
    id: 'eth-100g',
    label: 'Ethernet 100G',
    scope: 'inter-node',
    bandwidth: sourced(12.5e9, 'B/s', 'IEEE 802.3 100GBASE: 100 Gb/s = 12.5 GB/s per direction; facts.json NETWORK_100G_BW'),
    bidirectional: sourced(25e9, 'B/s', '100 Gb/s in each direction'),
    latency: sourced(5e-6, 's', 'mlsysim constants LATENCY_INFINIBAND (5 µs, used as a network default)'),
  }),
  'eth-400g': link({
    id: 'eth-400g',
    label: 'Ethernet 400G',
    scope: 'inter-node',
    bandwidth: sourced(50e9, 'B/s', 'IEEE 802.3bs 400GBASE: 400 Gb/s = 50 GB/s per direction'),
    bidirectional: sourced(100e9, 'B/s', '400 Gb/s in each direction'),
    latency: sourced(5e-6, 's', 'mlsysim constants LATENCY_INFINIBAND (5 µs, used as a network default)'),
  }),
});

/**
 * Looks up an interconnect by id.
 * @throws PhysicsError for an unknown id (the message lists the known ids)
 */
export function interconnectLink(id: string): InterconnectLink {
  const l = typeof id === 'string' ? INTERCONNECT_LINKS[id] : undefined;
  if (!l)
    throw new PhysicsError(
      'link',
      id,
      `one of ${Object.keys(INTERCONNECT_LINKS)
        .map((k) => JSON.stringify(k))
        .join(', ')}`,
    );
  return l;
}

// ---------------------------------------------------------------------------------------------
// Collectives in the α–β model (Hockney 1994; Thakur, Rabenseifner & Gropp 2005)
// ---------------------------------------------------------------------------------------------

/** Arguments shared by the collective-cost functions. */
export interface CollectiveArgs {
  /** M: bytes each worker contributes (the gradient size), B. */
  bytes: number;
  /** N: number of workers, whole number ≥ 1. */
  workers: number;
  /** β: bandwidth per direction of each worker's link, B/s. */
  bandwidth: number;
  /** α: per-message latency, s (default 0). */
  latency?: number;
}

function collective(a: CollectiveArgs): { M: number; N: number; beta: number; alpha: number } {
  if (a === null || typeof a !== 'object') throw new PhysicsError('arguments', a, 'an object { bytes, workers, bandwidth, latency }');
  return {
    M: nonNegative('bytes', a.bytes),
    N: integerAtLeast('workers', a.workers, 1),
    beta: positive('bandwidth', a.bandwidth),
    alpha: nonNegative('latency', a.latency ?? 0),
  };
}

const log2Ceil = (n: number): number => (n <= 1 ? 0 : Math.ceil(Math.log2(n) - 1e-12));

/**
 * Time of one point-to-point message: T = α + n/β (Hockney 1994, "The communication challenge
 * for MPP", Parallel Computing 20(3)).
 */
export function alphaBetaSeconds({ bytes, bandwidth, latency = 0 }: { bytes: number; bandwidth: number; latency?: number }): number {
  return nonNegative('latency', latency) + nonNegative('bytes', bytes) / positive('bandwidth', bandwidth);
}

/**
 * Message size at which latency and bandwidth cost the same, n* = α·β (Hockney's n½):
 * smaller messages are latency-bound, larger ones bandwidth-bound.
 * 1.5 µs × 50 GB/s = 75,000 B (75 KB); at 450 GB/s NVLink and 0.5 µs, 225 KB.
 */
export function alphaBetaCrossoverBytes({ bandwidth, latency }: { bandwidth: number; latency: number }): number {
  return nonNegative('latency', latency) * positive('bandwidth', bandwidth);
}

/**
 * Ring all-reduce (Patarasuk & Yuan 2009, JPDC 69(2)): reduce-scatter then all-gather,
 * 2(N−1) steps each moving M/N: T = 2(N−1)·α + 2(N−1)/N · M/β. One worker: 0 s.
 */
export function ringAllReduceSeconds(args: CollectiveArgs): number {
  const { M, N, beta, alpha } = collective(args);
  if (N === 1) return 0;
  return 2 * (N - 1) * alpha + ((2 * (N - 1)) / N) * (M / beta);
}

/**
 * Bytes each worker sends (and receives) in a ring all-reduce, 2(N−1)/N · M — nearly 2M for
 * any N, which is why ring all-reduce is bandwidth-optimal.
 */
export function ringAllReduceBytesPerWorker({ bytes, workers }: { bytes: number; workers: number }): number {
  nonNegative('bytes', bytes);
  integerAtLeast('workers', workers, 1);
  return ((2 * (workers - 1)) / workers) * bytes;
}

/**
 * Tree all-reduce.
 * - Default (`pipelined: false`): binomial-tree reduce to a root then broadcast, whole message at
 *   each of ⌈log₂N⌉ levels: T = 2⌈log₂N⌉ · (α + M/β). Latency-optimal, bandwidth-poor.
 * - `pipelined: true`: the message is split into chunks that stream through the tree (NCCL's
 *   double binary tree, Sanders et al. 2009): T ≈ 2·M/β + 2⌈log₂N⌉·α.
 * The v2-06 reference gave the tree ring's bandwidth term 2(1−1/N)M/β with log latency, so the
 * tree could never lose; this form restores the ring/tree crossover. One worker: 0 s.
 */
export function treeAllReduceSeconds(args: CollectiveArgs & { pipelined?: boolean }): number {
  const { M, N, beta, alpha } = collective(args);
  const levels = log2Ceil(N);
  if (levels === 0) return 0;
  if (args.pipelined) return 2 * (M / beta) + 2 * levels * alpha;
  return 2 * levels * (alpha + M / beta);
}

/** Largest power of two ≤ N and whether N needs the fold-in/fold-out steps. */
function powerOfTwoFloor(N: number): { p: number; extra: boolean } {
  const p = 2 ** Math.floor(Math.log2(N) + 1e-12);
  return { p, extra: N > p };
}

/**
 * Rabenseifner's all-reduce: recursive-halving reduce-scatter + recursive-doubling all-gather
 * (Thakur, Rabenseifner & Gropp 2005, IJHPCA 19(1)):
 * T = 2log₂p·α + 2(p−1)/p · M/β for p = N a power of two; otherwise the N − p extra workers fold
 * into partners first and receive the result last, adding 2(α + M/β).
 * Corrects v2-06, which charged only the reduce-scatter half, (1−1/N)M/β + log₂N·α, so recursive
 * halving "won" at every message size.
 */
export function recursiveHalvingAllReduceSeconds(args: CollectiveArgs): number {
  const { M, N, beta, alpha } = collective(args);
  if (N === 1) return 0;
  const { p, extra } = powerOfTwoFloor(N);
  const core = 2 * Math.log2(p) * alpha + ((2 * (p - 1)) / p) * (M / beta);
  return core + (extra ? 2 * (alpha + M / beta) : 0);
}

/**
 * Recursive-doubling all-reduce: log₂p rounds, each exchanging the whole message with a
 * partner at distance 2^k: T = log₂p · (α + M/β) (+ 2(α + M/β) when N is not a power of two).
 * Best for tiny messages (fewest rounds, no splitting).
 */
export function recursiveDoublingAllReduceSeconds(args: CollectiveArgs): number {
  const { M, N, beta, alpha } = collective(args);
  if (N === 1) return 0;
  const { p, extra } = powerOfTwoFloor(N);
  return Math.log2(p) * (alpha + M / beta) + (extra ? 2 * (alpha + M / beta) : 0);
}

/**
 * Naive all-reduce through one master: N − 1 workers send M to the master, which sends the sum
 * back to each: T = 2(N−1)·(α + M/β); the master's link carries 2(N−1)M.
 */
export function naiveAllReduceSeconds(args: CollectiveArgs): number {
  const { M, N, beta, alpha } = collective(args);
  return 2 * (N - 1) * (alpha + M / beta);
}

/**
 * Bytes through the master's link in a naive all-reduce, 2(N−1)·M. Divided by the ring's
 * per-worker 2(N−1)/N·M this is exactly N (128× at 128 workers). Corrects v2-06's (2N−1)M,
 * which counted the master sending to itself, and its "≈ N/2" asymptote.
 */
export function naiveAllReduceMasterBytes({ bytes, workers }: { bytes: number; workers: number }): number {
  nonNegative('bytes', bytes);
  integerAtLeast('workers', workers, 1);
  return 2 * (workers - 1) * bytes;
}

/**
 * All-to-all personalized exchange (MoE token routing), pairwise/linear algorithm: each worker
 * sends M/N to each of the others: T = (N−1)·α + (N−1)/N · M/β.
 */
export function allToAllSeconds(args: CollectiveArgs): number {
  const { M, N, beta, alpha } = collective(args);
  return (N - 1) * alpha + ((N - 1) / N) * (M / beta);
}

/**
 * Message size above which ring all-reduce beats the non-pipelined tree:
 * 2(N−1)α + 2(N−1)/N·M/β = 2L(α + M/β), L = ⌈log₂N⌉ ⇒ M* = αβ·(N − 1 − L)/(L − (N−1)/N).
 * N = 128, α = 1.5 µs, β = 50 GB/s: 75,000 B × 120/6.0078 ≈ 1.50 MB. 0 for N ≤ 2 (ring never worse).
 */
export function ringTreeCrossoverBytes({ workers, bandwidth, latency }: { workers: number; bandwidth: number; latency: number }): number {
  const N = integerAtLeast('workers', workers, 1);
  const nStar = alphaBetaCrossoverBytes({ bandwidth, latency });
  const L = log2Ceil(N);
  const den = L - (N - 1) / N;
  if (N <= 2 || den <= 0) return 0;
  return (nStar * (N - 1 - L)) / den;
}

/** Algorithms compared by {@link bestAllReduce}, in tie-break order. */
export const ALL_REDUCE_ALGORITHMS = Object.freeze(['ring', 'tree', 'recursive-halving', 'recursive-doubling'] as const);
export type AllReduceAlgorithm = (typeof ALL_REDUCE_ALGORITHMS)[number];

/**
 * Fastest all-reduce algorithm for a message size: evaluates ring, tree (non-pipelined),
 * recursive halving (Rabenseifner) and recursive doubling; ties resolve in that order.
 * In this contention-free α–β model Rabenseifner matches ring's bandwidth term with only
 * 2log₂N latency steps; ring's practical edge (nearest-neighbour traffic, any N) is not modelled.
 */
export function bestAllReduce(args: CollectiveArgs): {
  algorithm: AllReduceAlgorithm;
  seconds: number;
  times: Record<AllReduceAlgorithm, number>;
} {
  const times: Record<AllReduceAlgorithm, number> = {
    ring: ringAllReduceSeconds(args),
    tree: treeAllReduceSeconds(args),
    'recursive-halving': recursiveHalvingAllReduceSeconds(args),
    'recursive-doubling': recursiveDoublingAllReduceSeconds(args),
  };
  let algorithm: AllReduceAlgorithm = 'ring';
  for (const a of ALL_REDUCE_ALGORITHMS) if (times[a] < times[algorithm]) algorithm = a;
  return { algorithm, seconds: times[algorithm], times };
}

/**
 * Two-level (hierarchical) all-reduce over nodes of g GPUs (NCCL/Horovod style):
 * 1. intra-node reduce-scatter: (g−1)/g·M/β_in + (g−1)α_in;
 * 2. inter-node ring all-reduce of each GPU's M/g shard across n nodes, g rings in parallel
 *    sharing the node's L NIC links: β_eff = β_out·min(L, g)/g;
 * 3. intra-node all-gather, same cost as step 1.
 * Corrects v2-02, which sent the full 2M across InfiniBand regardless of node count and charged
 * it even with one node.
 */
export function hierarchicalAllReduce({
  bytes,
  gpusPerNode,
  nodes,
  intraBandwidth,
  intraLatency = 0,
  interBandwidth,
  interLatency = 0,
  interLinksPerNode,
}: {
  bytes: number;
  gpusPerNode: number;
  nodes: number;
  intraBandwidth: number;
  intraLatency?: number;
  /** β of one inter-node link (NIC port), B/s per direction. */
  interBandwidth: number;
  interLatency?: number;
  /** NIC links per node (default: one per GPU). */
  interLinksPerNode?: number;
}): { seconds: number; intraSeconds: number; interSeconds: number; interBytesPerGpu: number } {
  const M = nonNegative('bytes', bytes);
  const g = integerAtLeast('gpusPerNode', gpusPerNode, 1);
  const n = integerAtLeast('nodes', nodes, 1);
  const bIn = positive('intraBandwidth', intraBandwidth);
  const aIn = nonNegative('intraLatency', intraLatency);
  const bOut = positive('interBandwidth', interBandwidth);
  const aOut = nonNegative('interLatency', interLatency);
  const links = integerAtLeast('interLinksPerNode', interLinksPerNode ?? g, 1);
  const phase = g === 1 ? 0 : ((g - 1) / g) * (M / bIn) + (g - 1) * aIn;
  const intraSeconds = 2 * phase;
  const shard = M / g;
  const interSeconds = ringAllReduceSeconds({ bytes: shard, workers: n, bandwidth: (bOut * Math.min(links, g)) / g, latency: aOut });
  return {
    seconds: intraSeconds + interSeconds,
    intraSeconds,
    interSeconds,
    interBytesPerGpu: ringAllReduceBytesPerWorker({ bytes: shard, workers: n }),
  };
}

/** A network for {@link networkAllReduceSeconds}: one flat ring, or nodes joined by a fabric. */
export type AllReduceNetwork =
  | { readonly kind: 'flat'; readonly bandwidth: number; readonly latency?: number }
  | {
      readonly kind: 'hierarchical';
      readonly gpusPerNode: number;
      readonly intraBandwidth: number;
      readonly intraLatency?: number;
      readonly interBandwidth: number;
      readonly interLatency?: number;
      readonly interLinksPerNode?: number;
    };

/**
 * All-reduce time on a network: ring for `flat`; for `hierarchical`, a ring inside one node when
 * workers ≤ gpusPerNode, else {@link hierarchicalAllReduce} (workers must fill whole nodes).
 */
export function networkAllReduceSeconds({
  bytes,
  workers,
  network,
}: {
  bytes: number;
  workers: number;
  network: AllReduceNetwork;
}): number {
  integerAtLeast('workers', workers, 1);
  if (!network || typeof network !== 'object') throw new PhysicsError('network', network, 'an object with kind "flat" or "hierarchical"');
  const kind = oneOf('network.kind', network.kind, ['flat', 'hierarchical'] as const);
  if (kind === 'flat') {
    const net = network as Extract<AllReduceNetwork, { kind: 'flat' }>;
    return ringAllReduceSeconds({ bytes, workers, bandwidth: net.bandwidth, latency: net.latency ?? 0 });
  }
  const net = network as Extract<AllReduceNetwork, { kind: 'hierarchical' }>;
  const g = integerAtLeast('network.gpusPerNode', net.gpusPerNode, 1);
  if (workers <= g) return ringAllReduceSeconds({ bytes, workers, bandwidth: net.intraBandwidth, latency: net.intraLatency ?? 0 });
  if (workers % g !== 0) throw new PhysicsError('workers', workers, `a multiple of gpusPerNode (${g}) when it exceeds one node`);
  return hierarchicalAllReduce({
    bytes,
    gpusPerNode: g,
    nodes: workers / g,
    intraBandwidth: net.intraBandwidth,
    intraLatency: net.intraLatency ?? 0,
    interBandwidth: net.interBandwidth,
    interLatency: net.interLatency ?? 0,
    ...(net.interLinksPerNode === undefined ? {} : { interLinksPerNode: net.interLinksPerNode }),
  }).seconds;
}

/**
 * NCCL's reported bandwidths (nccl-tests PERFORMANCE.md): algorithm bandwidth M/T and bus
 * bandwidth M/T · 2(N−1)/N, the per-link rate a ring all-reduce achieved — comparable with the
 * link's β whatever N is.
 */
export function allReduceBusBandwidth({ bytes, seconds, workers }: { bytes: number; seconds: number; workers: number }): {
  algorithmBandwidth: number;
  busBandwidth: number;
} {
  nonNegative('bytes', bytes);
  positive('seconds', seconds);
  integerAtLeast('workers', workers, 1);
  const algorithmBandwidth = bytes / seconds;
  return { algorithmBandwidth, busBandwidth: algorithmBandwidth * ((2 * (workers - 1)) / workers) };
}

// ---------------------------------------------------------------------------------------------
// Step time, overlap, scaling
// ---------------------------------------------------------------------------------------------

/**
 * Step time with communication partly hidden behind compute:
 * hidden = min(f·T_comm, T_compute), T_step = T_compute + T_comm − hidden,
 * efficiency η = T_compute/T_step, overhead = T_comm/T_compute, and, given a reference MFU,
 * MFU_eff = η·MFU_ref (v2-05). f = 0: fully serialized (v2-02's η = T_c/(T_c + T_comm)).
 */
export function overlappedStepTime({
  computeSeconds,
  commSeconds,
  overlapFraction = 0,
  referenceMfu,
}: {
  computeSeconds: number;
  commSeconds: number;
  overlapFraction?: number;
  referenceMfu?: number;
}): {
  stepSeconds: number;
  exposedCommSeconds: number;
  hiddenCommSeconds: number;
  efficiency: number;
  commToCompute: number;
  effectiveMfu?: number;
} {
  const tc = positive('computeSeconds', computeSeconds);
  const tm = nonNegative('commSeconds', commSeconds);
  const f = fraction('overlapFraction', overlapFraction);
  const hidden = Math.min(f * tm, tc);
  const step = tc + tm - hidden;
  const out = {
    stepSeconds: step,
    exposedCommSeconds: tm - hidden,
    hiddenCommSeconds: hidden,
    efficiency: tc / step,
    commToCompute: tm / tc,
  };
  if (referenceMfu === undefined) return out;
  return { ...out, effectiveMfu: fraction('referenceMfu', referenceMfu) * (tc / step) };
}

/**
 * Backward pass with gradient bucketing (PyTorch DDP, Li et al. 2020 VLDB): B equal buckets, each
 * all-reduced as soon as its gradients are ready, as a two-stage pipeline:
 * T = max(T_bwd + T_AR/B, T_bwd/B + T_AR). B = 1 serializes (T_bwd + T_AR); B → ∞ gives
 * max(T_bwd, T_AR).
 */
export function bucketedBackwardSeconds({
  backwardSeconds,
  allReduceSeconds,
  buckets,
}: {
  backwardSeconds: number;
  allReduceSeconds: number;
  buckets: number;
}): number {
  const tb = nonNegative('backwardSeconds', backwardSeconds);
  const ta = nonNegative('allReduceSeconds', allReduceSeconds);
  const B = integerAtLeast('buckets', buckets, 1);
  return Math.max(tb + ta / B, tb / B + ta);
}

/**
 * Step time of the same data-parallel job over several interconnects (v2-02: NVLink vs PCIe vs
 * InfiniBand): ring all-reduce of `bytes` over each link, then {@link overlappedStepTime}.
 * @param links ids from {@link INTERCONNECT_LINKS} (default nvlink4, pcie4-x16, ib-ndr)
 */
export function compareInterconnects({
  computeSeconds,
  bytes,
  workers,
  links = ['nvlink4', 'pcie4-x16', 'ib-ndr'],
  overlapFraction = 0,
}: {
  computeSeconds: number;
  bytes: number;
  workers: number;
  links?: readonly string[];
  overlapFraction?: number;
}): { id: string; label: string; bandwidth: number; latency: number; commSeconds: number; stepSeconds: number; efficiency: number }[] {
  if (!Array.isArray(links) || links.length === 0) throw new PhysicsError('links', links, 'a non-empty array of interconnect ids');
  return links.map((id) => {
    const l = interconnectLink(id);
    const commSeconds = ringAllReduceSeconds({ bytes, workers, bandwidth: l.bandwidth.value, latency: l.latency.value });
    const s = overlappedStepTime({ computeSeconds, commSeconds, overlapFraction });
    return {
      id,
      label: l.label,
      bandwidth: l.bandwidth.value,
      latency: l.latency.value,
      commSeconds,
      stepSeconds: s.stepSeconds,
      efficiency: s.efficiency,
    };
  });
}

/**
 * Data-parallel scaling from physics, the "Iron Law of Scale" of the distributed-training chapter:
 * T_step(N) = T_compute(N) + T_AR(N) − T_overlap.
 * - `scaling: 'weak'` (default): fixed per-worker batch, T_compute(N) = T_c; speedup = N·T_c/T_step(N).
 * - `scaling: 'strong'`: fixed global batch, T_compute(N) = T_c/N; speedup = T_c/T_step(N).
 * Efficiency = speedup/N. One worker has no communication (speedup 1).
 * @param computeSeconds weak: one worker's compute per step; strong: the whole batch on one worker
 * @param gradientBytes bytes all-reduced per step
 */
export function dataParallelScaling({
  workers,
  computeSeconds,
  gradientBytes,
  network,
  overlapFraction = 0,
  scaling = 'weak',
}: {
  workers: number;
  computeSeconds: number;
  gradientBytes: number;
  network: AllReduceNetwork;
  overlapFraction?: number;
  scaling?: 'weak' | 'strong';
}): { computeSeconds: number; commSeconds: number; stepSeconds: number; speedup: number; efficiency: number } {
  const N = integerAtLeast('workers', workers, 1);
  const tc = positive('computeSeconds', computeSeconds);
  oneOf('scaling', scaling, ['weak', 'strong'] as const);
  const perWorker = scaling === 'strong' ? tc / N : tc;
  const commSeconds = networkAllReduceSeconds({ bytes: gradientBytes, workers: N, network });
  const { stepSeconds } = overlappedStepTime({ computeSeconds: perWorker, commSeconds, overlapFraction });
  const speedup = scaling === 'strong' ? tc / stepSeconds : (N * tc) / stepSeconds;
  return { computeSeconds: perWorker, commSeconds, stepSeconds, speedup, efficiency: speedup / N };
}

/**
 * v2-01's phenomenological fleet model: speedup S = N·E·(1 − C), efficiency E·(1 − C), with E the
 * parallel efficiency and C the communication share of a step. Both are inputs here; prefer
 * {@link dataParallelScaling}, which derives C from bytes, links and compute (v2-01 Critique).
 */
export function fleetSpeedup({
  workers,
  parallelEfficiency,
  commOverhead,
}: {
  workers: number;
  parallelEfficiency: number;
  commOverhead: number;
}): { speedup: number; efficiency: number } {
  const N = integerAtLeast('workers', workers, 1);
  const e = fraction('parallelEfficiency', parallelEfficiency) * (1 - fraction('commOverhead', commOverhead));
  return { speedup: N * e, efficiency: e };
}

/** Scaling efficiency E = S/N (speedup per worker). */
export function parallelScalingEfficiency({ speedup, workers }: { speedup: number; workers: number }): number {
  nonNegative('speedup', speedup);
  return speedup / integerAtLeast('workers', workers, 1);
}

/**
 * Amdahl's law (Amdahl 1967, AFIPS): S(N) = 1 / ((1 − p) + p/N).
 * Optional parallel efficiency E scales the added workers: N_eff = 1 + (N − 1)·E, so one
 * worker always gives S = 1 (v1-12 used p/(N·E), which gave 0.73× for one processor at E = 70 %).
 * @param parallelFraction p ∈ [0, 1]; @param workers N ≥ 1
 */
export function amdahlSpeedup({
  parallelFraction,
  workers,
  parallelEfficiency = 1,
}: {
  parallelFraction: number;
  workers: number;
  parallelEfficiency?: number;
}): number {
  const p = fraction('parallelFraction', parallelFraction);
  const N = positive('workers', workers);
  if (N < 1) throw new PhysicsError('workers', workers, 'a number of at least 1');
  const E = fraction('parallelEfficiency', parallelEfficiency);
  if (E === 0 && N > 1) throw new PhysicsError('parallelEfficiency', parallelEfficiency, 'a fraction in (0, 1]');
  const nEff = 1 + (N - 1) * E;
  return 1 / (1 - p + p / nEff);
}

/** Amdahl ceiling as N → ∞: 1/(1 − p) (Infinity when p = 1). */
export function amdahlCeiling({ parallelFraction }: { parallelFraction: number }): number {
  const p = fraction('parallelFraction', parallelFraction);
  return p === 1 ? Infinity : 1 / (1 - p);
}

/**
 * Amdahl over a time profile: components i take fraction f_i of the step and are sped up k_i×;
 * the rest (1 − Σf_i) is unchanged. New time T' = (1 − Σf) + Σ f_i/k_i, speedup 1/T', and the
 * after-profile f_i/k_i/T' (v2-09). Fractions must sum to at most 1.
 */
export function amdahlProfileSpeedup({ components }: { components: readonly { fraction: number; speedup: number }[] }): {
  speedup: number;
  newTime: number;
  after: number[];
  afterRemainder: number;
} {
  if (!Array.isArray(components) || components.length === 0)
    throw new PhysicsError('components', components, 'a non-empty array of { fraction, speedup }');
  let used = 0;
  const parts = components.map((c, i) => {
    used += fraction(`components[${i}].fraction`, c.fraction);
    return c.fraction / positive(`components[${i}].speedup`, c.speedup);
  });
  if (used > 1 + 1e-9) throw new PhysicsError('components', `fractions summing to ${used}`, 'fractions that sum to at most 1');
  const remainder = Math.max(0, 1 - used);
  const newTime = remainder + parts.reduce((s, x) => s + x, 0);
  return { speedup: 1 / newTime, newTime, after: parts.map((x) => x / newTime), afterRemainder: remainder / newTime };
}

/**
 * Gustafson's law (Gustafson 1988, CACM 31(5)): with the problem grown to fill N workers,
 * scaled speedup S = (1 − p) + p·N = N − (1 − p)(N − 1). v1-12: p = 0.85, N = 64 → 54.55×.
 */
export function gustafsonSpeedup({ parallelFraction, workers }: { parallelFraction: number; workers: number }): number {
  const p = fraction('parallelFraction', parallelFraction);
  const N = positive('workers', workers);
  if (N < 1) throw new PhysicsError('workers', workers, 'a number of at least 1');
  return N - (1 - p) * (N - 1);
}

// ---------------------------------------------------------------------------------------------
// Topologies
// ---------------------------------------------------------------------------------------------

/**
 * Bisection bandwidth of a fat tree with N endpoints, each on a link of β, and oversubscription
 * r (downlink:uplink capacity at the edge): BW_bis = N·β/(2r). r = 1 is non-blocking.
 */
export function fatTreeBisectionBandwidth({
  endpoints,
  linkBandwidth,
  oversubscription = 1,
}: {
  endpoints: number;
  linkBandwidth: number;
  oversubscription?: number;
}): number {
  const N = integerAtLeast('endpoints', endpoints, 1);
  const r = positive('oversubscription', oversubscription);
  if (r < 1) throw new PhysicsError('oversubscription', r, 'a ratio of at least 1 (1 = non-blocking)');
  return (N * positive('linkBandwidth', linkBandwidth)) / (2 * r);
}

/**
 * Three-tier k-ary fat tree built from k-port switches (Al-Fares, Loukissas & Vahdat 2008,
 * SIGCOMM): k pods of k/2 edge + k/2 aggregation switches, (k/2)² core switches,
 * k³/4 hosts, 5k²/4 switches; bisection = hosts·β/(2r).
 * @param radix k, even whole number ≥ 2
 */
export function kAryFatTree({
  radix,
  linkBandwidth,
  oversubscription = 1,
}: {
  radix: number;
  linkBandwidth: number;
  oversubscription?: number;
}): {
  hosts: number;
  edgeSwitches: number;
  aggregationSwitches: number;
  coreSwitches: number;
  switches: number;
  bisectionBandwidth: number;
} {
  const k = integerAtLeast('radix', radix, 2);
  if (k % 2 !== 0) throw new PhysicsError('radix', radix, 'an even whole number of switch ports');
  const hosts = (k * k * k) / 4;
  const edge = (k * k) / 2;
  const core = (k * k) / 4;
  return {
    hosts,
    edgeSwitches: edge,
    aggregationSwitches: edge,
    coreSwitches: core,
    switches: 2 * edge + core,
    bisectionBandwidth: fatTreeBisectionBandwidth({ endpoints: hosts, linkBandwidth, oversubscription }),
  };
}

/**
 * Bisection of a d-dimensional torus (k-ary d-cube with wrap-around links, Dally & Towles 2004
 * §3.3): cutting it in half severs 2·k^{d−1} links, k = N^{1/d}. When N is an exact d-th power
 * the integer side is used; otherwise the continuous 2·N^{(d−1)/d}.
 * Corrects v2-03, which used N^{2/3}/2 links (4× too few) and truncated int(64^{2/3}) to 15.
 * @returns { links, bandwidth } with bandwidth = links × β
 */
export function torusBisectionBandwidth({
  nodes,
  linkBandwidth,
  dimensions = 3,
}: {
  nodes: number;
  linkBandwidth: number;
  dimensions?: number;
}): { links: number; bandwidth: number; side: number } {
  const N = integerAtLeast('nodes', nodes, 1);
  const d = integerAtLeast('dimensions', dimensions, 1);
  const beta = positive('linkBandwidth', linkBandwidth);
  const kInt = Math.round(Math.pow(N, 1 / d));
  const exact = kInt ** d === N;
  const side = exact ? kInt : Math.pow(N, 1 / d);
  const links = N === 1 ? 0 : 2 * Math.pow(side, d - 1);
  return { links, bandwidth: links * beta, side };
}

/**
 * All-reduce time when each worker's share of the bisection, BW_bis/N, is the bottleneck
 * (v2-03): T = 2(N−1)/N · M / (BW_bis/N). For a fat tree this is ≈ 4rM/β whatever N.
 */
export function bisectionAllReduceSeconds({
  bytes,
  workers,
  bisectionBandwidth,
}: {
  bytes: number;
  workers: number;
  bisectionBandwidth: number;
}): number {
  const N = integerAtLeast('workers', workers, 1);
  positive('bisectionBandwidth', bisectionBandwidth);
  return ringAllReduceBytesPerWorker({ bytes, workers: N }) / (bisectionBandwidth / N);
}

// ---------------------------------------------------------------------------------------------
// Pipeline, tensor and data parallelism: bubbles, layouts, memory
// ---------------------------------------------------------------------------------------------

/**
 * Idle fraction of a synchronous pipeline schedule (GPipe, Huang et al. 2019; 1F1B and the
 * interleaved schedule, Narayanan et al. 2021 SC): p stages, m micro-batches, v model chunks per
 * device: bubble = (p − 1)/(v·m + p − 1). One stage: 0.
 * Corrects v2-05/v2-09's (p − 1)/(p·m), which is no published formula and understates the bubble
 * (p = 4, m = 8: 27.3 %, not 9.4 %).
 */
export function pipelineBubble({
  stages,
  microbatches,
  interleave = 1,
}: {
  stages: number;
  microbatches: number;
  interleave?: number;
}): number {
  const p = integerAtLeast('stages', stages, 1);
  const m = integerAtLeast('microbatches', microbatches, 1);
  const v = integerAtLeast('interleave', interleave, 1);
  return (p - 1) / (v * m + p - 1);
}

/**
 * Bubble time relative to useful compute (Narayanan et al. 2021, §2.2): (p − 1)/(v·m).
 * Equivalent to {@link pipelineBubble} b via b = r/(1 + r).
 */
export function pipelineBubbleRatio({
  stages,
  microbatches,
  interleave = 1,
}: {
  stages: number;
  microbatches: number;
  interleave?: number;
}): number {
  const p = integerAtLeast('stages', stages, 1);
  const m = integerAtLeast('microbatches', microbatches, 1);
  const v = integerAtLeast('interleave', interleave, 1);
  return (p - 1) / (v * m);
}

/**
 * 3D-parallel layout on a fixed GPU count: DP = total/(TP·PP), valid only when TP·PP divides the
 * total (v2-05: invalid layouts get `dp: null`, never a floored DP); `crossesNode` when TP spans
 * more GPUs than one node has (TP traffic would leave NVLink).
 */
export function parallelLayout({
  totalGpus,
  tp,
  pp,
  gpusPerNode = 8,
}: {
  totalGpus: number;
  tp: number;
  pp: number;
  gpusPerNode?: number;
}): {
  valid: boolean;
  dp: number | null;
  crossesNode: boolean;
  reason: string | null;
} {
  const total = integerAtLeast('totalGpus', totalGpus, 1);
  const t = integerAtLeast('tp', tp, 1);
  const p = integerAtLeast('pp', pp, 1);
  const g = integerAtLeast('gpusPerNode', gpusPerNode, 1);
  const crossesNode = t > g;
  if (t * p > total) return { valid: false, dp: null, crossesNode, reason: `TP × PP = ${t * p} exceeds ${total} GPUs` };
  if (total % (t * p) !== 0) return { valid: false, dp: null, crossesNode, reason: `TP × PP = ${t * p} does not divide ${total} GPUs` };
  return { valid: true, dp: total / (t * p), crossesNode, reason: null };
}

/** Inputs of {@link modelStateBytesPerDevice}. */
export interface ModelStateArgs {
  /** Parameter count. */
  parameters: number;
  tp?: number;
  pp?: number;
  dp?: number;
  /** ZeRO stage 0–3 (Rajbhandari et al. 2020, SC): 1 shards optimizer, 2 + gradients, 3 + weights over DP. */
  zeroStage?: 0 | 1 | 2 | 3;
  /** Bytes per parameter for weights (default 2, FP16/BF16). */
  weightBytes?: number;
  /** Bytes per parameter for gradients (default 2). */
  gradientBytes?: number;
  /** Bytes per parameter for optimizer state (default 12: FP32 master, momentum, variance for Adam). */
  optimizerBytes?: number;
}

/**
 * Model-state memory per device under TP·PP sharding and ZeRO over DP (Rajbhandari et al. 2020,
 * "ZeRO", SC; mixed-precision Adam = 2 + 2 + 12 = 16 B/param):
 * weights = P·b_w/(TP·PP) (÷DP at stage 3), gradients = P·b_g/(TP·PP) (÷DP at stage ≥ 2),
 * optimizer = P·b_o/(TP·PP) (÷DP at stage ≥ 1).
 */
export function modelStateBytesPerDevice(args: ModelStateArgs): { weights: number; gradients: number; optimizer: number; total: number } {
  const P = nonNegative('parameters', args.parameters);
  const tp = integerAtLeast('tp', args.tp ?? 1, 1);
  const pp = integerAtLeast('pp', args.pp ?? 1, 1);
  const dp = integerAtLeast('dp', args.dp ?? 1, 1);
  const stage = args.zeroStage ?? 0;
  if (![0, 1, 2, 3].includes(stage)) throw new PhysicsError('zeroStage', stage, 'one of 0, 1, 2, 3');
  const shard = P / (tp * pp);
  const weights = (shard * nonNegative('weightBytes', args.weightBytes ?? 2)) / (stage >= 3 ? dp : 1);
  const gradients = (shard * nonNegative('gradientBytes', args.gradientBytes ?? 2)) / (stage >= 2 ? dp : 1);
  const optimizer = (shard * nonNegative('optimizerBytes', args.optimizerBytes ?? 12)) / (stage >= 1 ? dp : 1);
  return { weights, gradients, optimizer, total: weights + gradients + optimizer };
}

/** Inputs of {@link activationBytesPerDevice}. */
export interface ActivationArgs {
  /** b: micro-batch size (sequences). */
  microBatch: number;
  /** s: sequence length (tokens). */
  seqLength: number;
  /** h: hidden size. */
  hidden: number;
  /** a: attention heads. */
  heads: number;
  /** L: transformer layers in the whole model. */
  layers: number;
  tp?: number;
  pp?: number;
  /** Activation recomputation: none, selective (attention recomputed) or full (layer inputs only). */
  recompute?: 'none' | 'selective' | 'full';
  /**
   * Megatron sequence parallelism (shards the non-TP regions, and with full recomputation the
   * stored layer input, over the TP ranks). Default true; false gives Table 2's rows without it.
   */
  sequenceParallel?: boolean;
  /** Bytes per activation element (default 2, 16-bit). */
  bytesPerElement?: number;
  /** Micro-batches whose activations are alive at once on the first stage (default PP, 1F1B). */
  inFlightMicrobatches?: number;
}

/**
 * Activation memory per device for a transformer (Korthikanti et al. 2022, "Reducing activation
 * recomputation in large transformer models", Table 2), per layer with 16-bit activations:
 * none: sbh(10 + 24/t + 5as/(ht)), with sequence parallelism sbh(34/t + 5as/(ht));
 * selective: sbh(10 + 24/t), with SP 34·sbh/t;
 * full: only each layer's 16-bit input is kept, 2sbh (Table 2, `sequenceParallel: false`); with
 * sequence parallelism that input is stored as each rank's sequence shard, 2sbh/t (the default).
 * Per device: (L/PP) layers × in-flight micro-batches (PP for 1F1B's first stage, so pipeline
 * depth does not reduce it) × bytesPerElement/2.
 * Corrects v2-05's "8 GB × TP": tensor parallelism divides activations, it does not multiply them.
 * Embedding and output-layer activations are not included.
 */
export function activationBytesPerDevice(args: ActivationArgs): number {
  const b = positive('microBatch', args.microBatch);
  const s = positive('seqLength', args.seqLength);
  const h = positive('hidden', args.hidden);
  const a = positive('heads', args.heads);
  const L = integerAtLeast('layers', args.layers, 1);
  const t = integerAtLeast('tp', args.tp ?? 1, 1);
  const p = integerAtLeast('pp', args.pp ?? 1, 1);
  const mode = oneOf('recompute', args.recompute ?? 'none', ['none', 'selective', 'full'] as const);
  const sp = args.sequenceParallel ?? true;
  const bytes = positive('bytesPerElement', args.bytesPerElement ?? 2);
  const inFlight = positive('inFlightMicrobatches', args.inFlightMicrobatches ?? p);
  const sbh = s * b * h;
  let perLayer: number;
  if (mode === 'full') perLayer = sp ? (2 * sbh) / t : 2 * sbh;
  else {
    const attention = mode === 'none' ? (5 * a * s) / (h * t) : 0;
    perLayer = sbh * ((sp ? 34 / t : 10 + 24 / t) + attention);
  }
  return perLayer * (L / p) * inFlight * (bytes / 2);
}

/**
 * Total per-device training memory for a 3D-parallel layout: {@link modelStateBytesPerDevice}
 * plus {@link activationBytesPerDevice} (pass `activations` in bytes instead to use your own).
 */
export function parallelMemoryPerDevice(args: ModelStateArgs & { activations: number | ActivationArgs }): {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  total: number;
} {
  const state = modelStateBytesPerDevice(args);
  const activations =
    typeof args.activations === 'number'
      ? nonNegative('activations', args.activations)
      : activationBytesPerDevice({ tp: args.tp ?? 1, pp: args.pp ?? 1, ...args.activations });
  return { ...state, activations, total: state.total + activations };
}

/**
 * Size of one activation tensor b·s·h·bytes (what crosses a pipeline boundary per micro-batch, or
 * what each tensor-parallel all-reduce sums). v2-02: 32 × 2048 × 8192 × 2 B = 1.07 GB forward,
 * ×2 with the backward gradient ≈ 2.15 GB, versus 280 GB of gradients.
 */
export function activationTensorBytes({
  batch,
  seqLength,
  hidden,
  bytesPerElement = 2,
}: {
  batch: number;
  seqLength: number;
  hidden: number;
  bytesPerElement?: number;
}): number {
  return (
    positive('batch', batch) * positive('seqLength', seqLength) * positive('hidden', hidden) * positive('bytesPerElement', bytesPerElement)
  );
}

/**
 * Tensor-parallel communication per micro-batch (Megatron-LM, Shoeybi et al. 2019): each layer
 * all-reduces its b·s·h activations `allReducesPerLayer` times (2 forward + 2 backward = 4;
 * v2-05's "192 all-reduces for 96 layers" counts the forward pass only), ring over TP GPUs:
 * T = L · k · Ring(b·s·h·bytes, TP). One TP rank: 0.
 */
export function tensorParallelCommSeconds({
  microBatch,
  seqLength,
  hidden,
  bytesPerElement = 2,
  tp,
  layers,
  bandwidth,
  latency = 0,
  allReducesPerLayer = 4,
}: {
  microBatch: number;
  seqLength: number;
  hidden: number;
  bytesPerElement?: number;
  tp: number;
  layers: number;
  bandwidth: number;
  latency?: number;
  allReducesPerLayer?: number;
}): { bytesPerAllReduce: number; allReduces: number; seconds: number } {
  const bytes = activationTensorBytes({ batch: microBatch, seqLength, hidden, bytesPerElement });
  const L = integerAtLeast('layers', layers, 1);
  const k = integerAtLeast('allReducesPerLayer', allReducesPerLayer, 1);
  const each = ringAllReduceSeconds({ bytes, workers: tp, bandwidth, latency });
  return { bytesPerAllReduce: bytes, allReduces: L * k, seconds: L * k * each };
}
