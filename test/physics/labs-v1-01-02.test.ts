import { expect } from '@open-wc/testing';
import {
  LAB_DERIVATIONS,
  derivationsV1_01,
  derivationsV1_02,
  nearestOption,
  v1_01Act1Ratio,
  v1_01Act2,
  V1_01_ACT1_CLAIMS,
  V1_01_SCENARIO,
  v1_02Act1Bytes,
  v1_02Upgrade,
  v1_02EndToEnd,
  v1_02MaxDistance,
  V1_02_SCENARIO,
  V1_02_ACT2_CLAIMS,
} from '../../physics/labs/index.js';
import { magnitudeGap, batchWorkload, computeBoundBatch } from '../../physics/index.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/labs/v1-01 (The Magnitude Awakening)', () => {
  it('registers both derivations in LAB_DERIVATIONS', () => {
    expect(Object.keys(derivationsV1_01).sort()).to.deep.equal(['v1-01.act1', 'v1-01.act2']);
    expect(LAB_DERIVATIONS['v1-01.act1']).to.equal(derivationsV1_01['v1-01.act1']);
  });

  it('Act I: the compute gap at headline precisions is 989,000x, option C', () => {
    // H100 dense FP16 989e12 FLOP/s / Cortex-M7 FP32 1e9 FLOP/s = 989,000
    rel(v1_01Act1Ratio(), 989_000);
    // log10(989,000) = 5.995: 0.005 decades from 1e6, 1.995 from 1e4
    expect(LAB_DERIVATIONS['v1-01.act1']()).to.equal('C');
  });

  it('Act I: the four ratios of the gap table, H100 over Cortex-M7', () => {
    const g = magnitudeGap('cloud', 'tiny');
    // 3.35e12 / 5e7 B/s = 67,000
    rel(g.ratios.bandwidth!, 67_000);
    // 80e9 B / 512e3 B = 156,250
    rel(g.ratios.memory!, 156_250);
    // 700 W / 0.1 W = 7,000
    rel(g.ratios.power!, 7_000);
  });

  it('Act I: one precision for both chips shrinks the compute gap (critique: apples and oranges)', () => {
    // FP32: 67e12 / 1e9 = 67,000 (15x smaller than the mixed-precision 989,000)
    rel(magnitudeGap('cloud', 'tiny', 'fp32').ratios.compute!, 67_000);
    // INT8: 1,979e12 / 1e9 = 1,979,000
    rel(magnitudeGap('cloud', 'tiny', 'int8').ratios.compute!, 1_979_000);
  });

  it('Act II: ResNet-50 FP16 at batch 1 on the H100 is memory-bound, option B', () => {
    const r = v1_01Act2('cloud', 1);
    // D = 25.6e6 x 2 B + 3 x 224 x 224 x 2 B = 51,200,000 + 301,056 = 51,501,056 B
    expect(r.workload.dataBytes).to.equal(51_501_056);
    // O = 4.1e9 MAC x 2 = 8.2e9 FLOP
    expect(r.workload.ops).to.equal(8.2e9);
    // D/BW = 51,501,056 / 3.35e12 = 15.373 us
    rel(r.data, 51_501_056 / 3.35e12);
    // O/R = 8.2e9 / 989e12 = 8.291 us
    rel(r.compute, 8.2e9 / 989e12);
    // L = 10 us; T = 15.373 + 8.291 + 10 = 33.665 us
    rel(r.total, 51_501_056 / 3.35e12 + 8.2e9 / 989e12 + 10e-6);
    expect(r.bound).to.equal('memory');
    expect(r.oom).to.equal(false);
    // D/BW ÷ O/R = 15.373 / 8.291 = 1.854: log-nearest claim is 2 (B), not 1 (C) or 0.25 (A)
    rel(r.data / r.compute, 51_501_056 / 3.35e12 / (8.2e9 / 989e12));
    expect(LAB_DERIVATIONS['v1-01.act2']()).to.equal('B');
    // The fixed overhead (10 us) is larger than the compute term (8.29 us) at batch 1
    expect(r.overhead).to.be.greaterThan(r.compute);
  });

  it('Act II: the Cortex-M7 is out of memory AND compute-bound (the reference said memory-bound)', () => {
    const r = v1_01Act2('tiny', 1);
    // D/BW = 51,501,056 / 5e7 = 1.030 s; O/R = 8.2e9 / 1e9 = 8.2 s
    rel(r.data, 1.03002112);
    rel(r.compute, 8.2);
    expect(r.bound).to.equal('compute');
    // 51,501,056 B / 512,000 B = 100.588x over the SRAM
    expect(r.oom).to.equal(true);
    rel(r.oomRatio, 100.588);
  });

  it('Act II: batching turns the H100 compute-bound at batch 2 (ridge 295 FLOP/B)', () => {
    // batch 1: 8.2e9 / 51,501,056 = 159.2 FLOP/B < 989e12 / 3.35e12 = 295.2
    const b1 = v1_01Act2('cloud', 1);
    rel(b1.intensity, 8.2e9 / 51_501_056);
    rel(b1.ridge, 989e12 / 3.35e12);
    // batch 2: 16.4e9 / (51.2e6 + 2 x 301,056) = 316.6 FLOP/B > 295.2
    const b2 = v1_01Act2('cloud', 2);
    rel(b2.intensity, 16.4e9 / 51_802_112);
    expect(b2.bound).to.equal('compute');
    expect(computeBoundBatch('h100', 'resnet50')).to.equal(2);
    // The MCU is compute-bound from batch 1
    expect(computeBoundBatch('cortex-m7', 'resnet50')).to.equal(1);
  });

  it('Act II: the batch reads the weights once (D = W + B x A)', () => {
    const w = batchWorkload('resnet50', { precision: 'fp16', batch: 256 });
    // 51.2e6 + 256 x 301,056 = 128,270,336 B; O = 256 x 8.2e9 = 2.0992e12 FLOP
    expect(w.dataBytes).to.equal(128_270_336);
    rel(w.ops, 2.0992e12);
    // Scenario slider range
    expect([V1_01_SCENARIO.batchMin.value, V1_01_SCENARIO.batchMax.value]).to.deep.equal([1, 256]);
  });

  it('nearestOption works on a log scale and rejects non-positive values', () => {
    // log10(3) = 0.477 decades from 1, 0.523 from 10; log10(4) = 0.602 from 1, 0.398 from 10
    expect(nearestOption(3, { a: 1, b: 10 })).to.equal('a');
    expect(nearestOption(4, { a: 1, b: 10 })).to.equal('b');
    expect(nearestOption(989_000, V1_01_ACT1_CLAIMS)).to.equal('C');
    throwsPhysics(() => nearestOption(0, { a: 1 }), 'actual');
    throwsPhysics(() => nearestOption(1, { a: 0 }), 'claims');
  });
});

describe('physics/labs/v1-02 (The Iron Law)', () => {
  it('registers both derivations', () => {
    expect(Object.keys(derivationsV1_02).sort()).to.deep.equal(['v1-02.act1', 'v1-02.act2']);
  });

  it('Act I: the upgrade at AI 5 buys the bandwidth ratio, option B', () => {
    // D = 1e9 params x 2 B = 2e9 B; O = 5 x 2e9 = 1e10 FLOP
    expect(v1_02Act1Bytes()).to.equal(2e9);
    const u = v1_02Upgrade('cloud', 5);
    // A100: 2e9 / 2.039e12 + 1e10 / 312e12 + 15e-6 = 980.87 + 32.05 + 15 us = 1,027.92 us
    rel(u.before.total, 2e9 / 2.039e12 + 1e10 / 312e12 + 15e-6);
    // H100: 2e9 / 3.35e12 + 1e10 / 989e12 + 10e-6 = 597.01 + 10.11 + 10 us = 617.13 us
    rel(u.after.total, 2e9 / 3.35e12 + 1e10 / 989e12 + 10e-6);
    // speedup 1,027.92 / 617.13 = 1.666; bandwidth ratio 3.35 / 2.039 = 1.643; compute 989 / 312 = 3.170
    expect(u.speedup).to.be.within(1.66, 1.67);
    rel(u.bandwidthRatio, 3.35 / 2.039);
    rel(u.computeRatio, 989 / 312);
    expect(u.after.bound).to.equal('memory');
    expect(LAB_DERIVATIONS['v1-02.act1']()).to.equal('B');
  });

  it('Act I: past both ridges the speedup approaches the compute ratio', () => {
    // AI 2,000 > H100 ridge 295.2 and > A100 ridge 312 / 2.039 = 153.0: compute-bound on both
    const u = v1_02Upgrade('cloud', 2000);
    expect(u.after.bound).to.equal('compute');
    expect(u.before.bound).to.equal('compute');
    // A100: 0.9809 ms + 4e12 / 312e12 (12.82 ms) + 0.015 ms = 13.816 ms; H100: 0.597 + 4.044 + 0.010 = 4.652 ms
    rel(u.speedup, (2e9 / 2.039e12 + 4e12 / 312e12 + 15e-6) / (2e9 / 3.35e12 + 4e12 / 989e12 + 10e-6));
    expect(u.speedup).to.be.within(2.9, 3.17);
    // The lab's intensity slider spans both regimes: memory-bound at its low end, compute-bound at its high end.
    expect(v1_02Upgrade('cloud', V1_02_SCENARIO.act1IntensityMin.value).after.bound).to.equal('memory');
    expect(v1_02Upgrade('cloud', V1_02_SCENARIO.act1IntensityMax.value).after.bound).to.equal('compute');
  });

  it('Act I on the edge: Xavier NX to Orin NX (the real predecessor)', () => {
    const u = v1_02Upgrade('edge', 5);
    // Xavier: 2e9 / 51.2e9 + 1e10 / 6e12 + 0.2 ms = 39.0625 + 1.6667 + 0.2 = 40.929 ms
    // Orin:   2e9 / 102e9  + 1e10 / 25e12 + 0.2 ms = 19.6078 + 0.4 + 0.2 = 20.208 ms
    rel(u.speedup, (2e9 / 51.2e9 + 1e10 / 6e12 + 2e-4) / (2e9 / 102e9 + 1e10 / 25e12 + 2e-4));
  });

  it('Act II: the round trip to 3,000 km is 30 ms, option C', () => {
    // 2 x 3e6 m / 2e8 m/s = 0.030 s
    const r = v1_02EndToEnd('cloud', 3e6, 1);
    rel(r.roundTrip, 0.03);
    expect(r.slaViolated).to.equal(true);
    expect(LAB_DERIVATIONS['v1-02.act2']()).to.equal('C');
    expect(V1_02_ACT2_CLAIMS.C).to.equal(0.03);
  });

  it('Act II: 500 km meets the SLA; the crossover is just under 1,000 km', () => {
    // 2 x 5e5 / 2e8 = 5 ms + 33.7 us of inference < 10 ms
    expect(v1_02EndToEnd('cloud', 5e5, 1).slaViolated).to.equal(false);
    // (10 ms - 33.66 us) x 2e8 / 2 = 996,634 m
    rel(v1_02MaxDistance(1), (0.01 - v1_02EndToEnd('cloud', 0, 1).total) * 1e8);
    expect(v1_02MaxDistance(1)).to.be.within(996_000, 997_000);
  });

  it('Act II: on the edge the distance does not matter, but a big batch breaks the loop', () => {
    // On board: no propagation at any distance
    const e1 = v1_02EndToEnd('edge', 5e6, 1);
    expect(e1.roundTrip).to.equal(0);
    // 51,501,056 / 102e9 + 8.2e9 / 25e12 + 0.2 ms = 0.5049 + 0.328 + 0.2 = 1.033 ms
    rel(e1.endToEnd, 51_501_056 / 102e9 + 8.2e9 / 25e12 + 2e-4);
    expect(e1.slaViolated).to.equal(false);
    // batch 64: (51.2e6 + 64 x 301,056) / 102e9 + 64 x 8.2e9 / 25e12 + 0.2 ms = 0.691 + 20.99 + 0.2 = 21.88 ms
    const e64 = v1_02EndToEnd('edge', 0, 64);
    rel(e64.endToEnd, (51.2e6 + 64 * 301_056) / 102e9 + (64 * 8.2e9) / 25e12 + 2e-4);
    expect(e64.slaViolated).to.equal(true);
    // The edge crossover: 0.702 ms + B x 0.331 ms <= 10 ms holds up to B = 28
    expect(v1_02EndToEnd('edge', 0, 28).slaViolated).to.equal(false);
    expect(v1_02EndToEnd('edge', 0, 29).slaViolated).to.equal(true);
  });
});
