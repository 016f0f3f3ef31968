import { expect } from '@open-wc/testing';
import * as distributed from '../../physics/distributed.js';
import {
  INTERCONNECT_LINKS,
  interconnectLink,
  alphaBetaSeconds,
  alphaBetaCrossoverBytes,
  ringAllReduceSeconds,
  ringAllReduceBytesPerWorker,
  treeAllReduceSeconds,
  recursiveHalvingAllReduceSeconds,
  recursiveDoublingAllReduceSeconds,
  naiveAllReduceSeconds,
  naiveAllReduceMasterBytes,
  allToAllSeconds,
  ringTreeCrossoverBytes,
  bestAllReduce,
  ALL_REDUCE_ALGORITHMS,
  hierarchicalAllReduce,
  networkAllReduceSeconds,
  allReduceBusBandwidth,
  overlappedStepTime,
  bucketedBackwardSeconds,
  compareInterconnects,
  dataParallelScaling,
  fleetSpeedup,
  parallelScalingEfficiency,
  amdahlSpeedup,
  amdahlCeiling,
  amdahlProfileSpeedup,
  gustafsonSpeedup,
  fatTreeBisectionBandwidth,
  kAryFatTree,
  torusBisectionBandwidth,
  bisectionAllReduceSeconds,
  pipelineBubble,
  pipelineBubbleRatio,
  parallelLayout,
  modelStateBytesPerDevice,
  activationBytesPerDevice,
  parallelMemoryPerDevice,
  activationTensorBytes,
  tensorParallelCommSeconds,
} from '../../physics/distributed.js';
import { expectPhysicsError } from './_assert.js';

const GB = 1e9;
const IB = { bandwidth: 50 * GB, latency: 1.5e-6 }; // v2-06: NDR 50 GB/s per port, α = 1.5 µs

describe('physics/distributed: links', () => {
  it('stores NVLink 4 per direction (450 GB/s) next to its 900 GB/s bidirectional total', () => {
    const nv = interconnectLink('nvlink4');
    expect(nv.bandwidth.value).to.equal(450e9);
    expect(nv.bidirectional.value).to.equal(900e9);
    expect(interconnectLink('ib-hdr').bandwidth.value).to.equal(25e9); // 200 Gb/s ÷ 8
    expect(interconnectLink('ib-ndr').bandwidth.value).to.equal(50e9); // 400 Gb/s ÷ 8
    expect(interconnectLink('pcie4-x16').bandwidth.value).to.equal(31.5e9); // 16 GT/s·16·128/130/8
    for (const l of Object.values(INTERCONNECT_LINKS)) {
      for (const c of [l.bandwidth, l.bidirectional, l.latency]) {
        expect(c.source.length, l.id).to.be.greaterThan(10);
        expect(c.value).to.be.greaterThan(0);
      }
    }
    expectPhysicsError(() => interconnectLink('token-ring'), 'link');
  });
});

describe('physics/distributed: collectives (v2-06)', () => {
  it('α–β point-to-point time and crossover n* = αβ', () => {
    // 4 KB control message: 1.5 µs + 4096/50e9 s = 1.58192 µs (latency-bound).
    expect(alphaBetaSeconds({ bytes: 4096, ...IB })).to.be.closeTo(1.58192e-6, 1e-12);
    expect(alphaBetaCrossoverBytes(IB)).to.be.closeTo(75_000, 1e-6); // 1.5e-6 × 50e9
  });

  it('ring all-reduce (contract: 2(N−1)α + 2(N−1)/N·M/β)', () => {
    // v2-06 default: 1.984375 × 140e9/50e9 = 5.55625 s + 254 × 1.5 µs = 0.000381 s → 5.556631 s.
    expect(ringAllReduceSeconds({ bytes: 140 * GB, workers: 128, ...IB })).to.be.closeTo(5.556631, 1e-9);
    expect(ringAllReduceBytesPerWorker({ bytes: 140 * GB, workers: 128 })).to.be.closeTo(277.8125e9, 1); // 2·127/128·140 GB
    // One worker moves nothing; zero bytes leaves the latency term 2(N−1)α.
    expect(ringAllReduceSeconds({ bytes: 140 * GB, workers: 1, ...IB })).to.equal(0);
    expect(ringAllReduceSeconds({ bytes: 0, workers: 8, ...IB })).to.be.closeTo(14 * 1.5e-6, 1e-18);
    expect(ringAllReduceSeconds({ bytes: 1 * GB, workers: 8, bandwidth: 1 * GB })).to.be.closeTo(1.75, 1e-12); // latency defaults to 0
    expectPhysicsError(() => ringAllReduceSeconds({ bytes: 1, workers: 0, bandwidth: 1 }), 'workers');
    expectPhysicsError(() => ringAllReduceSeconds({ bytes: 1, workers: 2.5, bandwidth: 1 }), 'workers');
    expectPhysicsError(() => ringAllReduceSeconds({ bytes: 1, workers: 2, bandwidth: 0 }), 'bandwidth');
    expectPhysicsError(() => ringAllReduceSeconds({ bytes: -1, workers: 2, bandwidth: 1 }), 'bytes');
  });

  it('naive gather-to-master moves exactly N times the ring per-worker traffic', () => {
    // Master: 2(N−1)M = 254 × 140 GB; ring: 2(N−1)/N·M; ratio = N = 128 (not ≈ N/2, not 128.5).
    expect(
      naiveAllReduceMasterBytes({ bytes: 140 * GB, workers: 128 }) / ringAllReduceBytesPerWorker({ bytes: 140 * GB, workers: 128 }),
    ).to.be.closeTo(128, 1e-9);
    expect(naiveAllReduceSeconds({ bytes: 140 * GB, workers: 128, ...IB })).to.be.closeTo(254 * (1.5e-6 + 2.8), 1e-9);
    expect(naiveAllReduceSeconds({ bytes: 140 * GB, workers: 1, ...IB })).to.equal(0);
  });

  it('tree all-reduce: 2⌈log₂N⌉(α + M/β), or 2M/β + 2⌈log₂N⌉α pipelined', () => {
    // N = 128: 7 levels → 14 × (1.5 µs + 2.8 s) = 39.200021 s.
    expect(treeAllReduceSeconds({ bytes: 140 * GB, workers: 128, ...IB })).to.be.closeTo(39.200021, 1e-9);
    expect(treeAllReduceSeconds({ bytes: 140 * GB, workers: 128, ...IB, pipelined: true })).to.be.closeTo(5.600021, 1e-9);
    // N = 5 needs ⌈log₂5⌉ = 3 levels.
    expect(treeAllReduceSeconds({ bytes: 0, workers: 5, ...IB })).to.be.closeTo(6 * 1.5e-6, 1e-18);
    expect(treeAllReduceSeconds({ bytes: 140 * GB, workers: 1, ...IB })).to.equal(0);
  });

  it('ring/tree crossover exists at ≈ 1.5 MB for N = 128 (v2-06 Critique)', () => {
    // M* = αβ(N − 1 − L)/(L − (N−1)/N) = 75,000 × 120/(7 − 0.9921875) = 1,498,049 B.
    const mStar = ringTreeCrossoverBytes({ workers: 128, ...IB });
    expect(mStar).to.be.closeTo((75_000 * 120) / 6.0078125, 1e-3);
    const at = (m: number) => ({ bytes: m, workers: 128, ...IB });
    expect(ringAllReduceSeconds(at(mStar))).to.be.closeTo(treeAllReduceSeconds(at(mStar)), 1e-12);
    expect(ringAllReduceSeconds(at(2 * mStar))).to.be.below(treeAllReduceSeconds(at(2 * mStar)));
    expect(ringAllReduceSeconds(at(mStar / 2))).to.be.above(treeAllReduceSeconds(at(mStar / 2)));
    expect(ringTreeCrossoverBytes({ workers: 2, ...IB })).to.equal(0);
  });

  it('recursive halving costs the full Rabenseifner all-reduce, not half (v2-06 Critique)', () => {
    // N = 128, M = 280 GB: 2·7·1.5 µs + 2·127/128·5.6 s = 11.1125 + 0.000021 s (reference: 5.5563 s).
    expect(recursiveHalvingAllReduceSeconds({ bytes: 280 * GB, workers: 128, ...IB })).to.be.closeTo(11.112521, 1e-9);
    // N = 6 (not a power of two): p = 4 → 2·2·α + 1.5·M/β, plus 2(α + M/β) to fold 2 ranks in and out.
    const M = 1 * GB;
    expect(recursiveHalvingAllReduceSeconds({ bytes: M, workers: 6, ...IB })).to.be.closeTo(
      4 * 1.5e-6 + 1.5 * 0.02 + 2 * (1.5e-6 + 0.02),
      1e-12,
    );
    // Recursive doubling: log₂8 = 3 rounds of the whole message.
    expect(recursiveDoublingAllReduceSeconds({ bytes: M, workers: 8, ...IB })).to.be.closeTo(3 * (1.5e-6 + 0.02), 1e-12);
    expect(recursiveHalvingAllReduceSeconds({ bytes: M, workers: 1, ...IB })).to.equal(0);
  });

  it('all-to-all: (N−1)α + (N−1)/N·M/β', () => {
    expect(allToAllSeconds({ bytes: 8 * GB, workers: 8, ...IB })).to.be.closeTo(7 * 1.5e-6 + (7 / 8) * 0.16, 1e-12);
  });

  it('picks the fastest algorithm by message size', () => {
    // 1 KB at N = 128: recursive doubling 7(α + M/β) = 10.6 µs beats tree 21.3 µs and ring 381 µs.
    const small = bestAllReduce({ bytes: 1000, workers: 128, ...IB });
    expect(small.algorithm).to.equal('recursive-doubling');
    expect(small.seconds).to.be.closeTo(7 * (1.5e-6 + 1000 / 50e9), 1e-15);
    // 280 GB: Rabenseifner (ring's bandwidth, log latency) beats ring by 360 µs and tree by ~28 s.
    const large = bestAllReduce({ bytes: 280 * GB, workers: 128, ...IB });
    expect(large.algorithm).to.equal('recursive-halving');
    expect(large.times.tree - large.times.ring).to.be.greaterThan(20);
    expect([...ALL_REDUCE_ALGORITHMS]).to.deep.equal(['ring', 'tree', 'recursive-halving', 'recursive-doubling']);
    // One worker: everything ties at 0 and the first in order wins.
    expect(bestAllReduce({ bytes: 1, workers: 1, ...IB }).algorithm).to.equal('ring');
  });

  it('bus bandwidth = algorithm bandwidth × 2(N−1)/N', () => {
    const b = allReduceBusBandwidth({ bytes: 1 * GB, seconds: 0.05, workers: 8 });
    expect(b.algorithmBandwidth).to.be.closeTo(20e9, 1e-3); // 1 GB / 0.05 s
    expect(b.busBandwidth).to.be.closeTo(35e9, 1e-3); // × 1.75
  });
});

describe('physics/distributed: hierarchical all-reduce (v2-02)', () => {
  it('sends only M/g per GPU across nodes and nothing within one node', () => {
    const args = { bytes: 140 * GB, gpusPerNode: 8, nodes: 16, intraBandwidth: 450e9, interBandwidth: 50e9 };
    // Intra: 2 × 7/8 × 140/450 = 0.54444 s. Inter with 1 IB link per node: 8 rings of a 17.5 GB shard
    // share 50 GB/s → 6.25 GB/s each: 2·15/16·17.5/6.25 = 5.25 s.
    const one = hierarchicalAllReduce({ ...args, interLinksPerNode: 1 });
    expect(one.intraSeconds).to.be.closeTo(0.544444, 1e-6);
    expect(one.interSeconds).to.be.closeTo(5.25, 1e-12);
    expect(one.interBytesPerGpu).to.be.closeTo(((2 * 15) / 16) * 17.5e9, 1);
    // A NIC per GPU (DGX H100 has 8): 2·15/16·17.5/50 = 0.65625 s.
    expect(hierarchicalAllReduce(args).interSeconds).to.be.closeTo(0.65625, 1e-12);
    // One node: no inter-node cost (the reference charged 5.6 s of IB here).
    expect(hierarchicalAllReduce({ ...args, nodes: 1 }).interSeconds).to.equal(0);
    expect(hierarchicalAllReduce({ ...args, gpusPerNode: 1, nodes: 1 }).seconds).to.equal(0);
  });

  it('dispatches flat and hierarchical networks', () => {
    const net = { kind: 'hierarchical', gpusPerNode: 8, intraBandwidth: 450e9, interBandwidth: 50e9 } as const;
    expect(networkAllReduceSeconds({ bytes: 14 * GB, workers: 8, network: net })).to.be.closeTo(
      ringAllReduceSeconds({ bytes: 14 * GB, workers: 8, bandwidth: 450e9 }),
      1e-15,
    );
    expect(networkAllReduceSeconds({ bytes: 14 * GB, workers: 32, network: net })).to.be.closeTo(
      hierarchicalAllReduce({ bytes: 14 * GB, gpusPerNode: 8, nodes: 4, intraBandwidth: 450e9, interBandwidth: 50e9 }).seconds,
      1e-15,
    );
    expectPhysicsError(() => networkAllReduceSeconds({ bytes: 1, workers: 12, network: net }), 'workers');
    expectPhysicsError(() => networkAllReduceSeconds({ bytes: 1, workers: 2, network: { kind: 'mesh' } as never }), 'network.kind');
  });
});

describe('physics/distributed: step time and scaling', () => {
  it('matches the v2-02 Act I golden values (no overlap)', () => {
    // NVLink as the lab quotes it: 280 GB/900 GB/s = 0.3111 s vs 2.1 s compute → η = 2.1/2.4111 = 87.10 %.
    const nv = overlappedStepTime({ computeSeconds: 2.1, commSeconds: 280 / 900 });
    expect(nv.efficiency).to.be.closeTo(0.870968, 1e-6);
    expect(nv.commToCompute).to.be.closeTo(0.148148, 1e-6);
    // PCIe at 50 GB/s: 5.6 s → 2.1/7.7 = 27.27 %, overhead 266.67 %.
    const pcie = overlappedStepTime({ computeSeconds: 2.1, commSeconds: 5.6 });
    expect(pcie.efficiency).to.be.closeTo(0.272727, 1e-6);
    expect(pcie.commToCompute).to.be.closeTo(2.666667, 1e-6);
  });

  it('hides communication behind compute up to the compute time', () => {
    expect(overlappedStepTime({ computeSeconds: 1, commSeconds: 0.5, overlapFraction: 1 }).stepSeconds).to.equal(1);
    // f = 0.5, T_comm = 4: hidden = min(2, 1) = 1 → 1 + 4 − 1 = 4 s.
    const r = overlappedStepTime({ computeSeconds: 1, commSeconds: 4, overlapFraction: 0.5 });
    expect(r.stepSeconds).to.equal(4);
    expect(r.hiddenCommSeconds).to.equal(1);
    expect(r.exposedCommSeconds).to.equal(3);
    // v2-05: MFU = T_c/(T_c + T_AR) × 52 % = 1.306/(1.306 + 27.22) × 0.52 = 2.38 %.
    expect(overlappedStepTime({ computeSeconds: 1.306e-3, commSeconds: 27.22e-3, referenceMfu: 0.52 }).effectiveMfu).to.be.closeTo(
      0.0238,
      1e-4,
    );
    expectPhysicsError(() => overlappedStepTime({ computeSeconds: 1, commSeconds: 1, overlapFraction: 1.5 }), 'overlapFraction');
  });

  it('bucketing pipelines the backward pass with the all-reduce', () => {
    expect(bucketedBackwardSeconds({ backwardSeconds: 1, allReduceSeconds: 0.5, buckets: 1 })).to.equal(1.5); // serialized
    expect(bucketedBackwardSeconds({ backwardSeconds: 1, allReduceSeconds: 0.5, buckets: 4 })).to.equal(1.125); // max(1 + 0.125, 0.25 + 0.5)
    expect(bucketedBackwardSeconds({ backwardSeconds: 0.5, allReduceSeconds: 1, buckets: 4 })).to.equal(1.125); // max(0.5 + 0.25, 0.125 + 1)
  });

  it('compares interconnects for the same job', () => {
    // 8 GPUs, 140 GB, 2.1 s compute. NVLink 4: 1.75 × 140/450 = 0.54444 s + 14 × 0.5 µs.
    const rows = compareInterconnects({ computeSeconds: 2.1, bytes: 140 * GB, workers: 8 });
    expect(rows.map((r) => r.id)).to.deep.equal(['nvlink4', 'pcie4-x16', 'ib-ndr']);
    expect(rows[0]!.commSeconds).to.be.closeTo(0.544444 + 7e-6, 1e-6);
    expect(rows[1]!.commSeconds).to.be.closeTo((1.75 * 140) / 31.5, 1e-4); // 7.78 s over PCIe Gen4
    expect(rows[0]!.efficiency).to.be.above(rows[2]!.efficiency);
    expect(rows[2]!.efficiency).to.be.above(rows[1]!.efficiency);
    expectPhysicsError(() => compareInterconnects({ computeSeconds: 1, bytes: 1, workers: 2, links: ['smoke-signal'] }), 'link');
  });

  it('derives data-parallel speedup from compute and all-reduce time', () => {
    const net = { kind: 'flat', bandwidth: 10 * GB } as const;
    // Weak: T_c = 1 s, 1 GB over 8 workers: comm = 1.75 × 0.1 s = 0.175 s → speedup 8/1.175 = 6.809.
    const weak = dataParallelScaling({ workers: 8, computeSeconds: 1, gradientBytes: 1 * GB, network: net });
    expect(weak.commSeconds).to.be.closeTo(0.175, 1e-12);
    expect(weak.speedup).to.be.closeTo(8 / 1.175, 1e-12);
    expect(weak.efficiency).to.be.closeTo(1 / 1.175, 1e-12);
    // Strong: the 1 s batch splits into 0.125 s per worker: 1/(0.125 + 0.175) = 3.33×.
    const strong = dataParallelScaling({ workers: 8, computeSeconds: 1, gradientBytes: 1 * GB, network: net, scaling: 'strong' });
    expect(strong.speedup).to.be.closeTo(1 / 0.3, 1e-12);
    // One worker: speedup 1 in both modes.
    expect(dataParallelScaling({ workers: 1, computeSeconds: 1, gradientBytes: 1 * GB, network: net }).speedup).to.equal(1);
    expectPhysicsError(() => dataParallelScaling({ workers: 0, computeSeconds: 1, gradientBytes: 1, network: net }), 'workers');
  });

  it('v2-01 fleet product model and scaling efficiency', () => {
    expect(fleetSpeedup({ workers: 1000, parallelEfficiency: 0.4, commOverhead: 0.2 }).speedup).to.be.closeTo(320, 1e-9); // 1000·0.4·0.8
    expect(fleetSpeedup({ workers: 1024, parallelEfficiency: 0.6, commOverhead: 0 }).speedup).to.be.closeTo(614.4, 1e-9);
    expect(fleetSpeedup({ workers: 4096, parallelEfficiency: 0.1, commOverhead: 0.6 }).efficiency).to.be.closeTo(0.04, 1e-12);
    expect(parallelScalingEfficiency({ speedup: 6.1244, workers: 64 })).to.be.closeTo(0.0957, 1e-4);
  });
});

describe('physics/distributed: Amdahl and Gustafson (v1-12, v2-09)', () => {
  it('matches the v1-12 golden table', () => {
    // 15 % serial, 64 GPUs: 1/(0.15 + 0.85/64) = 1/0.163281 = 6.1244×; 100 h → 16.33 h.
    expect(amdahlSpeedup({ parallelFraction: 0.85, workers: 64 })).to.be.closeTo(6.1244, 1e-4);
    expect(100 / amdahlSpeedup({ parallelFraction: 0.85, workers: 64 })).to.be.closeTo(16.33, 0.005);
    expect(amdahlSpeedup({ parallelFraction: 0.75, workers: 64 })).to.be.closeTo(3.8209, 1e-4);
    expect(amdahlSpeedup({ parallelFraction: 0.98, workers: 64 })).to.be.closeTo(28.3186, 1e-4);
    expect(amdahlSpeedup({ parallelFraction: 1, workers: 64 })).to.equal(64);
    expect(amdahlSpeedup({ parallelFraction: 0.85, workers: 1024 })).to.be.closeTo(6.63, 1e-4);
    expect(amdahlCeiling({ parallelFraction: 0.85 })).to.be.closeTo(6.6667, 1e-4);
    expect(amdahlCeiling({ parallelFraction: 1 })).to.equal(Infinity);
    // Fraction of the ceiling reached: 6.1244/6.6667 = 91.9 %.
    expect(amdahlSpeedup({ parallelFraction: 0.85, workers: 64 }) / amdahlCeiling({ parallelFraction: 0.85 })).to.be.closeTo(0.9187, 1e-4);
  });

  it('applies parallel efficiency to the added workers only (v1-12 Critique)', () => {
    // N_eff = 1 + 63·0.9 = 57.7 → 1/(0.15 + 0.85/57.7) = 6.0705 (reference 6.0695 with 64·0.9).
    expect(amdahlSpeedup({ parallelFraction: 0.85, workers: 64, parallelEfficiency: 0.9 })).to.be.closeTo(6.0705, 1e-4);
    // One processor is always 1× (the reference gave 0.733× at E = 70 %).
    expect(amdahlSpeedup({ parallelFraction: 0.85, workers: 1, parallelEfficiency: 0.7 })).to.equal(1);
    expectPhysicsError(() => amdahlSpeedup({ parallelFraction: 0.85, workers: 0 }), 'workers');
    expectPhysicsError(() => amdahlSpeedup({ parallelFraction: 1.2, workers: 4 }), 'parallelFraction');
  });

  it('Gustafson: N − (1 − p)(N − 1)', () => {
    expect(gustafsonSpeedup({ parallelFraction: 0.85, workers: 64 })).to.be.closeTo(54.55, 1e-9); // 64 − 0.15·63
    expect(gustafsonSpeedup({ parallelFraction: 0.85, workers: 1 })).to.equal(1);
    expectPhysicsError(() => gustafsonSpeedup({ parallelFraction: 0.5, workers: 0 }), 'workers');
  });

  it('profile Amdahl with renormalized after-profile (v2-09)', () => {
    // Attention 12 % at 3×: 1/(0.88 + 0.04) = 1.0870; its share after = 0.04/0.92 = 4.35 %.
    const att = amdahlProfileSpeedup({ components: [{ fraction: 0.12, speedup: 3 }] });
    expect(att.speedup).to.be.closeTo(1.086957, 1e-6);
    expect(att.after[0]).to.be.closeTo(0.043478, 1e-6);
    expect(att.afterRemainder).to.be.closeTo(0.88 / 0.92, 1e-12);
    // AllReduce 45 % at 3× → 1/0.70 = 1.4286; at 2× → 1/0.775 = 1.2903.
    expect(amdahlProfileSpeedup({ components: [{ fraction: 0.45, speedup: 3 }] }).speedup).to.be.closeTo(1.428571, 1e-6);
    expect(amdahlProfileSpeedup({ components: [{ fraction: 0.45, speedup: 2 }] }).speedup).to.be.closeTo(1.290323, 1e-6);
    // Two fixes at once: 1/(0.43 + 0.15 + 0.04) = 1.6129.
    expect(
      amdahlProfileSpeedup({
        components: [
          { fraction: 0.45, speedup: 3 },
          { fraction: 0.12, speedup: 3 },
        ],
      }).speedup,
    ).to.be.closeTo(1 / 0.62, 1e-12);
    expectPhysicsError(
      () =>
        amdahlProfileSpeedup({
          components: [
            { fraction: 0.7, speedup: 2 },
            { fraction: 0.6, speedup: 2 },
          ],
        }),
      'components',
    );
  });
});

describe('physics/distributed: topologies (v2-03)', () => {
  it('fat-tree bisection N·β/(2r)', () => {
    expect(fatTreeBisectionBandwidth({ endpoints: 128, linkBandwidth: 22.5 * GB })).to.be.closeTo(1440e9, 1); // 128·22.5/2
    expect(fatTreeBisectionBandwidth({ endpoints: 128, linkBandwidth: 22.5 * GB, oversubscription: 2 })).to.be.closeTo(720e9, 1);
    expect(fatTreeBisectionBandwidth({ endpoints: 128, linkBandwidth: 22.5 * GB, oversubscription: 4 })).to.be.closeTo(360e9, 1);
    expect(fatTreeBisectionBandwidth({ endpoints: 1024, linkBandwidth: 45 * GB })).to.be.closeTo(23_040e9, 1);
    expectPhysicsError(() => fatTreeBisectionBandwidth({ endpoints: 8, linkBandwidth: 1, oversubscription: 0.5 }), 'oversubscription');
  });

  it('k-ary fat tree sizes (Al-Fares 2008)', () => {
    const t = kAryFatTree({ radix: 48, linkBandwidth: 50 * GB });
    expect(t.hosts).to.equal(27_648); // 48³/4
    expect(t.switches).to.equal(2_880); // 5·48²/4
    expect(t.coreSwitches).to.equal(576); // (48/2)²
    expect(t.bisectionBandwidth).to.be.closeTo((27_648 * 50e9) / 2, 1);
    expect(kAryFatTree({ radix: 4, linkBandwidth: 1 }).hosts).to.equal(16);
    expectPhysicsError(() => kAryFatTree({ radix: 5, linkBandwidth: 1 }), 'radix');
  });

  it('3D torus bisection 2k² links with an exact cube root (v2-03 Critique)', () => {
    expect(torusBisectionBandwidth({ nodes: 64, linkBandwidth: 11 * GB })).to.deep.equal({ links: 32, bandwidth: 352e9, side: 4 }); // 2·4²
    expect(torusBisectionBandwidth({ nodes: 4096, linkBandwidth: 11 * GB }).links).to.equal(512); // 2·16²
    // 1024 is not a cube: 2·1024^(2/3) = 203.19 links.
    expect(torusBisectionBandwidth({ nodes: 1024, linkBandwidth: 11 * GB }).links).to.be.closeTo(203.187, 1e-3);
    expect(torusBisectionBandwidth({ nodes: 16, linkBandwidth: 1, dimensions: 2 }).links).to.equal(8); // 2·4
    expect(torusBisectionBandwidth({ nodes: 1, linkBandwidth: 1 }).links).to.equal(0);
  });

  it('bisection-limited all-reduce time (v2-03 golden values)', () => {
    // IB fat tree, 1024 GPUs, 32 GB: per-GPU share 22.5 GB/s → 1.998047·32/22.5 = 2.8416 s.
    expect(bisectionAllReduceSeconds({ bytes: 32 * GB, workers: 1024, bisectionBandwidth: 23_040e9 })).to.be.closeTo(2.841667, 1e-6);
    expect(bisectionAllReduceSeconds({ bytes: 11 * GB, workers: 1024, bisectionBandwidth: 23_040e9 })).to.be.closeTo(0.976823, 1e-6);
    expect(bisectionAllReduceSeconds({ bytes: 32 * GB, workers: 1, bisectionBandwidth: 1 })).to.equal(0);
  });
});

describe('physics/distributed: pipeline, layouts, memory (v2-05)', () => {
  it('pipeline bubble (contract: (p−1)/(v·m + p − 1))', () => {
    expect(pipelineBubble({ stages: 4, microbatches: 8 })).to.be.closeTo(3 / 11, 1e-15); // 27.3 %, not 9.4 %
    expect(pipelineBubble({ stages: 4, microbatches: 8, interleave: 2 })).to.be.closeTo(3 / 19, 1e-15);
    expect(pipelineBubble({ stages: 8, microbatches: 4 })).to.be.closeTo(7 / 11, 1e-15);
    expect(pipelineBubble({ stages: 1, microbatches: 8 })).to.equal(0);
    const r = pipelineBubbleRatio({ stages: 4, microbatches: 8 });
    expect(r).to.be.closeTo(0.375, 1e-15); // 3/8
    expect(r / (1 + r)).to.be.closeTo(pipelineBubble({ stages: 4, microbatches: 8 }), 1e-15);
    expectPhysicsError(() => pipelineBubble({ stages: 0, microbatches: 8 }), 'stages');
    expectPhysicsError(() => pipelineBubble({ stages: 4, microbatches: 0 }), 'microbatches');
  });

  it('3D layout: DP only when TP·PP divides the GPUs', () => {
    expect(parallelLayout({ totalGpus: 1024, tp: 8, pp: 4 })).to.deep.equal({ valid: true, dp: 32, crossesNode: false, reason: null });
    const bad = parallelLayout({ totalGpus: 1024, tp: 3, pp: 4 });
    expect(bad.valid).to.equal(false);
    expect(bad.dp).to.equal(null);
    expect(bad.reason).to.match(/does not divide/);
    expect(parallelLayout({ totalGpus: 1024, tp: 16, pp: 8 }).crossesNode).to.equal(true);
    expect(parallelLayout({ totalGpus: 64, tp: 64, pp: 2 }).valid).to.equal(false);
  });

  it('model-state memory with TP/PP sharding and ZeRO', () => {
    // v2-05 reference accounting: 175e9/(8·4) × 2 B = 10.94 GB weights, × 8 B = 43.75 GB optimizer.
    const ref = modelStateBytesPerDevice({ parameters: 175e9, tp: 8, pp: 4, gradientBytes: 0, optimizerBytes: 8 });
    expect(ref.weights).to.be.closeTo(10.9375e9, 1);
    expect(ref.optimizer).to.be.closeTo(43.75e9, 1);
    // ZeRO paper (Rajbhandari 2020, Fig. 1): Ψ = 7.5B, N_d = 64, K = 12:
    // baseline 16Ψ = 120 GB; stage 1 4Ψ + 12Ψ/64 = 31.4 GB; stage 2 2Ψ + 14Ψ/64 = 16.6 GB; stage 3 16Ψ/64 = 1.875 GB.
    const z = (zeroStage: 0 | 1 | 2 | 3) => modelStateBytesPerDevice({ parameters: 7.5e9, dp: 64, zeroStage }).total;
    expect(z(0)).to.be.closeTo(120e9, 1);
    expect(z(1)).to.be.closeTo(31.40625e9, 1);
    expect(z(2)).to.be.closeTo(16.640625e9, 1);
    expect(z(3)).to.be.closeTo(1.875e9, 1);
    expectPhysicsError(() => modelStateBytesPerDevice({ parameters: 1, zeroStage: 4 as 3 }), 'zeroStage');
  });

  it('activation memory shrinks with TP (Korthikanti et al. 2022)', () => {
    // GPT-3 shape: s = 2048, b = 1, h = 12288, a = 96, L = 96, t = 8, p = 8, SP, no recompute.
    // Per layer sbh(34/8 + 5·96·2048/(12288·8)) = 25,165,824 × (4.25 + 10) = 358,612,992 B;
    // per device × (96/8 layers) × 8 in-flight micro-batches = × 96 → 34.43 GB.
    const gpt3 = { microBatch: 1, seqLength: 2048, hidden: 12288, heads: 96, layers: 96, tp: 8, pp: 8 };
    expect(activationBytesPerDevice(gpt3)).to.equal(358_612_992 * 96);
    expect(activationBytesPerDevice({ ...gpt3, recompute: 'selective' })).to.equal(25_165_824 * 4.25 * 96); // 34sbh/t
    expect(activationBytesPerDevice({ ...gpt3, recompute: 'full' })).to.equal(((2 * 25_165_824) / 8) * 96);
    // Without sequence parallelism: sbh(10 + 24/8 + 10) per layer.
    expect(activationBytesPerDevice({ ...gpt3, sequenceParallel: false })).to.equal(25_165_824 * 23 * 96);
    // TP = 8 needs less than TP = 1 (the reference modelled 8 GB × TP).
    expect(activationBytesPerDevice(gpt3)).to.be.below(activationBytesPerDevice({ ...gpt3, tp: 1 }));
    const total = parallelMemoryPerDevice({ parameters: 175e9, tp: 8, pp: 8, dp: 16, zeroStage: 1, activations: gpt3 });
    expect(total.total).to.be.closeTo(total.weights + total.gradients + total.optimizer + total.activations, 1e-3);
    expect(parallelMemoryPerDevice({ parameters: 1e9, activations: 5e9 }).activations).to.equal(5e9);
  });

  it('full recomputation stores only the 16-bit layer input: 2sbh per layer, 2sbh/t with sequence parallelism', () => {
    // s = 2048, b = 1, h = 12288: sbh = 25,165,824; t = 8, p = 8, 96 layers / 8 stages x 8 in flight = x 96.
    const gpt3 = { microBatch: 1, seqLength: 2048, hidden: 12288, heads: 96, layers: 96, tp: 8, pp: 8, recompute: 'full' as const };
    // Korthikanti et al. 2022, Table 2: 2sbh = 50,331,648 B per layer, whatever t (each TP rank holds the whole input).
    expect(activationBytesPerDevice({ ...gpt3, sequenceParallel: false })).to.equal(2 * 25_165_824 * 96); // 4.83 GB
    // With sequence parallelism the stored input is the rank's sequence shard: 2sbh/t = 6,291,456 B per layer.
    expect(activationBytesPerDevice({ ...gpt3, sequenceParallel: true })).to.equal(((2 * 25_165_824) / 8) * 96); // 0.60 GB
    // Sequence parallelism is the default.
    expect(activationBytesPerDevice(gpt3)).to.equal(activationBytesPerDevice({ ...gpt3, sequenceParallel: true }));
    // At t = 1 the two agree.
    expect(activationBytesPerDevice({ ...gpt3, tp: 1, sequenceParallel: true })).to.equal(
      activationBytesPerDevice({ ...gpt3, tp: 1, sequenceParallel: false }),
    );
    // 8-bit activations halve it.
    expect(activationBytesPerDevice({ ...gpt3, sequenceParallel: false, bytesPerElement: 1 })).to.equal(25_165_824 * 96);
  });

  it('tensor-parallel traffic per micro-batch', () => {
    // v2-02: 32 × 2048 × 8192 × 2 B = 1,073,741,824 B per activation tensor.
    expect(activationTensorBytes({ batch: 32, seqLength: 2048, hidden: 8192 })).to.equal(1_073_741_824);
    // b = 1, s = 2048, h = 12288: 50,331,648 B per all-reduce; ring over TP = 8 at 450 GB/s: 1.75 × 50,331,648/450e9
    // = 1.9573e-4 s; 96 layers × 4 all-reduces = 384 → 0.07516 s.
    const tpc = tensorParallelCommSeconds({ microBatch: 1, seqLength: 2048, hidden: 12288, tp: 8, layers: 96, bandwidth: 450e9 });
    expect(tpc.bytesPerAllReduce).to.equal(50_331_648);
    expect(tpc.allReduces).to.equal(384);
    expect(tpc.seconds).to.be.closeTo((384 * 1.75 * 50_331_648) / 450e9, 1e-12);
    expect(
      tensorParallelCommSeconds({ microBatch: 1, seqLength: 2048, hidden: 12288, tp: 1, layers: 96, bandwidth: 450e9 }).seconds,
    ).to.equal(0);
  });
});

describe('physics/distributed: documentation', () => {
  it('documents every export in docs/physics/serving-distributed-reliability.md', async () => {
    const doc = await (await fetch('/docs/physics/serving-distributed-reliability.md')).text();
    for (const name of Object.keys(distributed)) expect(doc, name).to.include(`### \`${name}\``);
  });
});
