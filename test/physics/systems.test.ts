import { expect } from '@open-wc/testing';
import {
  pipelineThroughput,
  acceleratorUtilization,
  transferTime,
  dataGravity,
  LINK_BANDWIDTHS,
  STORAGE_BANDWIDTHS,
  HOROWITZ_ENERGY,
  DRAM_ENERGY_PER_BYTE,
  energySplit,
  energy,
  batteryLife,
  dutyCycledPower,
  inferencesPerCharge,
  energyBudget,
} from '../../physics/systems.js';
import { getDevice } from '../../physics/registry.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/systems pipelineThroughput', () => {
  it('runs at the slowest stage; the GPU waits on the loader', () => {
    const r = pipelineThroughput([
      { name: 'disk', rate: 400 },
      { name: 'decode', rate: 800 },
      { name: 'gpu', rate: 2000 },
    ]);
    expect(r.throughput).to.equal(400);
    expect(r.bottleneck).to.equal('disk');
    expect(r.utilization.map((s) => s.utilization)).to.deep.equal([1, 0.5, 0.2]); // 400/400, 400/800, 400/2000
  });
  it('rejects empty and non-positive stages', () => {
    throwsPhysics(() => pipelineThroughput([]), 'stages');
    throwsPhysics(() => pipelineThroughput([{ name: 'a', rate: 0 }]), 'stages[0].rate', '0');
  });
});

describe('physics/systems acceleratorUtilization', () => {
  // v1-04: compute 64 x 8.2e9 FLOP (4.1e9 MAC x 2) / 312e12 = 1.68205 ms (the reference divided the
  // MAC count by the FLOP/s peak: 0.841 ms); HDD t_io 239.26 ms; pre = 0.2 t_io
  const tc = (64 * 8.2e9) / 312e12;
  const tio = 0.0358887 / 0.15; // the lab divides 0.0358887 GiB by 0.15 GB/s: 239.26 ms
  it("reproduces the lab's prefetch-load formula: eta = 0.586 % on HDD with 4 workers", () => {
    const r = acceleratorUtilization({ computeSeconds: tc, loadSeconds: tio, preprocessSeconds: 0.2 * tio, mode: 'prefetch-load' });
    rel(r.step * 1e3, 287.11, 1e-4); // 239.26 + 47.85
    rel(r.utilization * 100, 0.5859, 1e-3); // 1.682 / 287.11
    expect(r.bound).to.equal('load');
    rel(r.feedingTax, 1 - r.utilization);
  });
  it('RAM disk: load shorter than compute, no wait; eta = 92.14 %', () => {
    const t = 0.0358887 / 50; // 0.7178 ms
    const r = acceleratorUtilization({ computeSeconds: tc, loadSeconds: t, preprocessSeconds: 0.2 * t, mode: 'prefetch-load' });
    rel(r.utilization * 100, 92.14, 1e-3); // 1.682 / (1.682 + 0.1436)
    expect(r.bound).to.equal('preprocess');
  });
  it('pipelined: step = max of the stages; serial: their sum', () => {
    expect(acceleratorUtilization({ computeSeconds: 1, loadSeconds: 4, preprocessSeconds: 2 }).utilization).to.equal(0.25);
    expect(acceleratorUtilization({ computeSeconds: 1, loadSeconds: 0.5, preprocessSeconds: 2 }).bound).to.equal('preprocess');
    expect(acceleratorUtilization({ computeSeconds: 1, loadSeconds: 0.5 }).bound).to.equal('compute');
    expect(acceleratorUtilization({ computeSeconds: 1, loadSeconds: 1, preprocessSeconds: 2, mode: 'serial' }).utilization).to.equal(0.25);
  });
  it('rejects zero compute and unknown modes', () => {
    throwsPhysics(() => acceleratorUtilization({ computeSeconds: 0, loadSeconds: 1 }), 'computeSeconds', '0');
    throwsPhysics(() => acceleratorUtilization({ computeSeconds: 1, loadSeconds: 1, mode: 'async' as never }), 'mode', '"async"');
  });
});

describe('physics/systems data gravity', () => {
  it('50 TB over 100 Gbps = 4,000 s (66.7 min)', () => {
    rel(transferTime(50e12, LINK_BANDWIDTHS.ethernet100g.value), 4000);
    rel(transferTime(1e9, 1e9, { latencySeconds: 0.5, efficiency: 0.5 }), 2.5); // 0.5 + 1e9 / 5e8
  });
  it('v1-04 Act II default: 10 TB, 100 Gbps, 6 h -> 800 s, ratio 0.037, $800 egress', () => {
    const r = dataGravity({ bytes: 10e12, bandwidth: 12.5e9, budgetSeconds: 6 * 3600, egressPerByte: 0.08e-9 });
    rel(r.transferTime, 800);
    rel(r.budgetRatio, 800 / 21600);
    rel(r.egressCost, 800);
    expect(r.exceedsBudget).to.equal(false);
    expect(r.decision).to.equal('move-compute'); // $800 of egress vs no extra cost to compute in place
  });
  it('1 PB over 100 Gbps overruns 6 h (22.2 h); free local transfer within budget moves the data', () => {
    const pb = dataGravity({ bytes: 1e15, bandwidth: 12.5e9, budgetSeconds: 6 * 3600 });
    rel(pb.transferTime / 3600, 22.222, 1e-4);
    expect(pb.exceedsBudget).to.equal(true);
    expect(pb.decision).to.equal('move-compute');
    expect(dataGravity({ bytes: 10e9, bandwidth: 0.125e9, budgetSeconds: 3600 }).decision).to.equal('move-data'); // 80 s, $0
  });
  it('storage tiers are sourced B/s', () => {
    expect(STORAGE_BANDWIDTHS.hdd.value).to.equal(0.15e9);
    expect(STORAGE_BANDWIDTHS.nvme.unit).to.equal('B/s');
    expect(LINK_BANDWIDTHS.ethernet1g.value).to.equal(0.125e9);
  });
  it('rejects bad input', () => {
    throwsPhysics(() => transferTime(-1, 1), 'bytes', '-1');
    throwsPhysics(() => dataGravity({ bytes: 1, bandwidth: 1, budgetSeconds: 0 }), 'budgetSeconds', '0');
  });
});

describe('physics/systems energy', () => {
  it('Horowitz 45 nm table: DRAM 640 pJ, FP32 mult 3.7 pJ per 32-bit access/op', () => {
    expect(HOROWITZ_ENERGY.dram32.value).to.equal(640e-12);
    expect(HOROWITZ_ENERGY.fp32Mult.value).to.equal(3.7e-12);
    expect(HOROWITZ_ENERGY.int8Add.value).to.equal(0.03e-12);
    expect(HOROWITZ_ENERGY.dram32.source).to.include('Horowitz');
    rel(DRAM_ENERGY_PER_BYTE.value, HOROWITZ_ENERGY.dram32.value / 4); // 160 pJ/B
    rel(HOROWITZ_ENERGY.dram32.value / HOROWITZ_ENERGY.fp32Mult.value, 172.97, 1e-4); // 640 / 3.7
  });
  it('moving two FP32 operands from DRAM costs 346x the multiply', () => {
    const e = energySplit({ bytes: 8, ops: 1 });
    rel(e.movement, 1280e-12); // 8 B x 160 pJ
    rel(e.compute, 3.7e-12);
    rel(e.movement / e.compute, 345.95, 1e-4);
    rel(e.movementShare, 1280 / 1283.7);
    expect(energySplit({ bytes: 0, ops: 0 }).movementShare).to.equal(0);
  });
  it('energy, battery life, duty cycling and inferences per charge', () => {
    expect(energy(5, 3600)).to.equal(18_000);
    const phone = getDevice('mobile-npu');
    expect(batteryLife(phone.batteryJoules!, phone.tdpWatts)).to.equal(10_800); // 54 kJ / 5 W = 3 h
    rel(dutyCycledPower(0.1, 0.001, 0.1), 0.0109); // 0.1*0.1 + 0.9*0.001
    expect(inferencesPerCharge(54_000, 0.1e-3)).to.equal(540_000_000); // MobileNet 0.1 mJ
  });
  it('v1-03 correction: energy depends on session length, not the cycle period', () => {
    const hourly = energyBudget({ powerWatts: 5, sessionSeconds: 3600, sessionsPerDay: 24, budgetJoules: 10 * 3600 });
    rel(hourly.dailyEnergy, 120 * 3600); // 120 Wh
    rel(hourly.ratio, 12);
    expect(hourly.exceeds).to.equal(true);
    const daily = energyBudget({ powerWatts: 5, sessionSeconds: 2 * 3600, sessionsPerDay: 1, budgetJoules: 10 * 3600 });
    expect(daily.exceeds).to.equal(false);
    expect(daily.margin).to.equal(0);
  });
  it('rejects bad input', () => {
    throwsPhysics(() => batteryLife(1, 0), 'powerWatts', '0');
    throwsPhysics(() => dutyCycledPower(1, 0, 1.2), 'dutyCycle', '1.2');
    throwsPhysics(() => energy(-1, 1), 'powerWatts', '-1');
  });
});
