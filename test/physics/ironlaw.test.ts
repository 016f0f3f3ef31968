import { expect } from '@open-wc/testing';
import {
  ironLaw,
  ironLawOnDevice,
  propagationDelay,
  oneWayDelay,
  maxDistanceForBudget,
  dispatchOverhead,
  kernelFusion,
  breakEven,
} from '../../physics/ironlaw.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/ironlaw ironLaw', () => {
  it('v1-01 cloud golden: ResNet-50 FP16 batch 1 = 15.373 + 8.291 + 10 us = 33.665 us, memory-bound 1.85x', () => {
    // D = 25.6e6 x 2 B + 3 x 224 x 224 x 2 B = 51,501,056 B; O = 4.1e9 MAC x 2 FLOP/MAC = 8.2e9 FLOP
    // (dividing the 4.1e9 MACs by a FLOP/s peak would halve the compute term: 4.15 us)
    const r = ironLaw({ dataBytes: 51_501_056, bandwidth: 3.35e12, ops: 8.2e9, opsPerSecond: 989e12, overheadSeconds: 0.01e-3 });
    rel(r.data, 51_501_056 / 3.35e12); // 15.373 us
    rel(r.compute, 8.2e9 / 989e12); // 8.291 us
    rel(r.total, 51_501_056 / 3.35e12 + 8.2e9 / 989e12 + 1e-5);
    rel(r.total * 1e3, 0.033665, 1e-4);
    expect(r.bound).to.equal('memory');
    rel(r.data / r.compute, 1.854, 1e-3);
    expect(r.dominant).to.equal('data');
  });
  it('v1-01 tiny golden: 1,030 + 8,200 + 2 ms = 9,232 ms, compute-bound (the reference said memory)', () => {
    const r = ironLawOnDevice('cortex-m7', { dataBytes: 51_501_056, ops: 8.2e9, precision: 'fp16' });
    rel(r.data, 1.03002112); // 51,501,056 / 0.05e9
    rel(r.compute, 8.2); // 8.2e9 FLOP / 1e9 FLOP/s
    rel(r.total, 9.23202112);
    expect(r.bound).to.equal('compute');
  });
  it('v1-02 golden (e0117ceb constants): H100 at AI 5 = 1.102068 ms, A100 = 1.532051 ms, 28.07 % faster', () => {
    const h = ironLaw({ dataBytes: 2e9, bandwidth: 3350e9, ops: 10e9, opsPerSecond: 1979e12, overheadSeconds: 0.5e-3 });
    const a = ironLaw({ dataBytes: 2e9, bandwidth: 2000e9, ops: 10e9, opsPerSecond: 312e12, overheadSeconds: 0.5e-3 });
    rel(h.total * 1e3, 1.102068, 1e-6);
    rel(a.total * 1e3, 1.532051, 1e-6);
    rel((1 - h.total / a.total) * 100, 28.07, 1e-3);
    rel(h.intensity, 5);
  });
  it('efficiency, propagation and overlap', () => {
    const r = ironLaw({
      dataBytes: 1,
      bandwidth: 1,
      ops: 2,
      opsPerSecond: 1,
      efficiency: 0.5,
      overheadSeconds: 0.25,
      propagationSeconds: 10,
    });
    expect(r.compute).to.equal(4); // 2 / (1 * 0.5)
    expect(r.total).to.equal(1 + 4 + 0.25 + 10);
    expect(r.dominant).to.equal('propagation');
    expect(r.ridge).to.equal(0.5);
    const o = ironLaw({ dataBytes: 3, bandwidth: 1, ops: 2, opsPerSecond: 1, overheadSeconds: 1, overlap: true });
    expect(o.total).to.equal(4); // max(3, 2) + 1, mlsysim's pipelined form
  });
  it('a tie between data and compute counts as compute; zero data gives infinite intensity', () => {
    expect(ironLaw({ dataBytes: 1, bandwidth: 1, ops: 1, opsPerSecond: 1 }).bound).to.equal('compute');
    expect(ironLaw({ dataBytes: 0, bandwidth: 1, ops: 1, opsPerSecond: 1 }).intensity).to.equal(Infinity);
  });
  it('rejects invalid input with the argument name', () => {
    throwsPhysics(() => ironLaw({ dataBytes: -1, bandwidth: 1, ops: 1, opsPerSecond: 1 }), 'dataBytes', '-1');
    throwsPhysics(() => ironLaw({ dataBytes: 1, bandwidth: 0, ops: 1, opsPerSecond: 1 }), 'bandwidth', '0');
    throwsPhysics(() => ironLaw({ dataBytes: 1, bandwidth: 1, ops: NaN, opsPerSecond: 1 }), 'ops', 'NaN');
    throwsPhysics(() => ironLaw({ dataBytes: 1, bandwidth: 1, ops: 1, opsPerSecond: 1, efficiency: 0 }), 'efficiency');
    throwsPhysics(() => ironLaw({ dataBytes: 1, bandwidth: 1, ops: 1, opsPerSecond: 1, overheadSeconds: -2 }), 'overheadSeconds', '-2');
  });
  it('ironLawOnDevice uses the device overhead unless told', () => {
    rel(ironLawOnDevice('h100', { dataBytes: 0, ops: 0 }).total, 10e-6);
    expect(ironLawOnDevice('h100', { dataBytes: 0, ops: 0, overheadSeconds: 0 }).total).to.equal(0);
  });
});

describe('physics/ironlaw propagation', () => {
  it('round trip 2d/v: 3,000 km at 2e8 m/s = 30 ms (the reference called it one-way)', () => {
    rel(propagationDelay(3_000_000), 0.03);
    rel(oneWayDelay(3_000_000), 0.015);
  });
  it('v1-00 goldens: 2,000 km RTT = 20 ms; with c n (n = 0.67) = 19.91 ms; London-NY one-way 27.85 ms', () => {
    rel(propagationDelay(2_000_000), 0.02);
    rel(propagationDelay(2_000_000, 299_792_458 * 0.67) * 1e3, 19.914, 1e-4); // 4e6 / 2.00861e8
    rel(oneWayDelay(5_570_000) * 1e3, 27.85);
    expect(propagationDelay(0)).to.equal(0);
  });
  it('rejects negative distance and zero speed', () => {
    throwsPhysics(() => propagationDelay(-1), 'distanceMeters', '-1');
    throwsPhysics(() => propagationDelay(1, 0), 'fiberSpeed', '0');
  });
});

describe('physics/ironlaw maxDistanceForBudget', () => {
  it('10 ms budget, propagation only: 1,000 km', () => {
    rel(maxDistanceForBudget(0.01), 1_000_000);
  });
  it('v1-02 crossover: (10 - 0.53086) ms x 2e8 / 2 = 946.9 km', () => {
    rel(maxDistanceForBudget(0.01, 0.53086e-3) / 1e3, 946.914, 1e-6);
  });
  it('is 0 when processing uses the whole budget', () => {
    expect(maxDistanceForBudget(0.01, 0.02)).to.equal(0);
    throwsPhysics(() => maxDistanceForBudget(NaN), 'budgetSeconds', 'NaN');
  });
});

describe('physics/ironlaw dispatchOverhead', () => {
  it('v1-07 Act I: 1,000 x (5 + 10) us -> 33.3 % utilization', () => {
    const r = dispatchOverhead({ kernels: 1000, computePerKernel: 5e-6, dispatchPerKernel: 10e-6 });
    rel(r.compute, 5e-3);
    rel(r.dispatch, 10e-3);
    rel(r.utilization, 1 / 3);
  });
  it('MathPeek variant with 500 us of memory: 5,000 / 15,500 = 32.3 %', () => {
    rel(
      dispatchOverhead({ kernels: 1000, computePerKernel: 5e-6, dispatchPerKernel: 10e-6, memorySeconds: 500e-6 }).utilization,
      5000 / 15500,
    );
  });
  it('a 2x faster GPU lowers utilization but still cuts latency (12.5 vs 15 us per kernel)', () => {
    const slow = dispatchOverhead({ kernels: 1, computePerKernel: 5e-6, dispatchPerKernel: 10e-6 });
    const fast = dispatchOverhead({ kernels: 1, computePerKernel: 2.5e-6, dispatchPerKernel: 10e-6 });
    expect(fast.utilization).to.be.lessThan(slow.utilization);
    rel(fast.total, 12.5e-6);
    expect(dispatchOverhead({ kernels: 0, computePerKernel: 1, dispatchPerKernel: 1 }).utilization).to.equal(0);
    throwsPhysics(() => dispatchOverhead({ kernels: 1.5, computePerKernel: 1, dispatchPerKernel: 1 }), 'kernels', '1.5');
  });
});

describe('physics/ironlaw kernelFusion', () => {
  const tensor = 1024 * 768 * 2; // 1,572,864 B
  it('v1-07 Panel A, cloud: 39.72 us vs 16.57 us, 2.40x; traffic 3x; AI 0.833 -> 2.5', () => {
    const r = kernelFusion({
      ops: 3,
      tensorBytes: tensor,
      bandwidth: 2000e9,
      dispatchSeconds: 10e-6,
      computeSeconds: 5e-6,
      flops: 1024 * 768 * 10,
    });
    expect(r.unfused.bytes).to.equal(6 * tensor); // 9.437 MB
    expect(r.fused.bytes).to.equal(2 * tensor);
    rel(r.unfused.memoryTime, 4.718592e-6);
    rel(r.unfused.total * 1e6, 39.718592);
    rel(r.fused.total * 1e6, 16.572864);
    rel(r.speedup, 39.718592 / 16.572864);
    expect(r.trafficReduction).to.equal(3);
    rel(r.unfused.intensity, 7_864_320 / 9_437_184); // 0.8333
    rel(r.fused.intensity, 2.5);
  });
  it('edge (50 us launches): 159.72 vs 56.57 us, 2.82x; the ceiling is N', () => {
    const r = kernelFusion({ ops: 3, tensorBytes: tensor, bandwidth: 2000e9, dispatchSeconds: 50e-6, computeSeconds: 5e-6 });
    rel(r.speedup, 159.718592 / 56.572864);
    const ceiling = kernelFusion({ ops: 3, tensorBytes: tensor, bandwidth: 2000e9, dispatchSeconds: 1 });
    rel(ceiling.speedup, 3); // no compute: both dispatch and traffic shrink exactly N-fold
    expect(r.speedup).to.be.lessThan(3);
  });
  it('rejects zero ops', () => {
    throwsPhysics(() => kernelFusion({ ops: 0, tensorBytes: 1, bandwidth: 1, dispatchSeconds: 0 }), 'ops', '0');
  });
});

describe('physics/ironlaw breakEven', () => {
  it('v1-07 reveal: 30 / (1/1450 - 1/2150) = 133,607 images', () => {
    const r = breakEven({ fixedSeconds: 30, baselineRate: 1450, improvedRate: 2150 });
    expect(Math.floor(r.breakEvenItems)).to.equal(133_607);
    expect(r.breakEvenDays).to.equal(undefined);
  });
  it('v1-07 slider: +48 % -> 134,125 images; at 10 M/day break-even on day 0.0134', () => {
    const r = breakEven({ fixedSeconds: 30, baselineRate: 1450, improvedRate: 1450 * 1.48, itemsPerDay: 10e6 });
    expect(Math.round(r.breakEvenItems)).to.equal(134_125); // 30 * 1450 * 1.48 / 0.48
    rel(r.breakEvenDays!, 0.0134125, 1e-6);
  });
  it('no gain never breaks even', () => {
    expect(breakEven({ fixedSeconds: 30, baselineRate: 10, improvedRate: 10 }).breakEvenItems).to.equal(Infinity);
    throwsPhysics(() => breakEven({ fixedSeconds: 30, baselineRate: 0, improvedRate: 1 }), 'baselineRate', '0');
  });
});
