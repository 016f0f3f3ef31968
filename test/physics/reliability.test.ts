import { expect } from '@open-wc/testing';
import * as reliability from '../../physics/reliability.js';
import {
  COMPONENT_MTBF,
  LLAMA3_INTERRUPTIONS,
  seriesMtbf,
  clusterMtbf,
  observedMtbf,
  failureProbability,
  expectedFailures,
  youngDalyInterval,
  dalyInterval,
  checkpointOverhead,
  expectedJobSeconds,
  checkpointStallSeconds,
  snapIntervalToSteps,
  steadyStateAvailability,
  replicatedAvailability,
  seriesAvailability,
  annualDowntimeSeconds,
} from '../../physics/reliability.js';
import { expectPhysicsError } from './_assert.js';

const H = 3600;

describe('physics/reliability: MTBF', () => {
  it('series MTBF 1/Σ(n/M) for a DGX-like node', () => {
    // 8 GPUs at 50k h, 8 NICs at 150k h, 2 PSUs at 100k h:
    // rate = 8/50k + 8/150k + 2/100k = 2.3333e-4 /h → 4,285.7 h.
    const m = seriesMtbf([
      { count: 8, mtbfSeconds: COMPONENT_MTBF.gpu.value },
      { count: 8, mtbfSeconds: COMPONENT_MTBF.nic.value },
      { count: 2, mtbfSeconds: COMPONENT_MTBF.psu.value },
    ]);
    expect(m / H).to.be.closeTo(1 / (8 / 50_000 + 8 / 150_000 + 2 / 100_000), 1e-9);
    expect(m / H).to.be.closeTo(4285.714, 1e-3);
    expect(seriesMtbf([{ count: 4, mtbfSeconds: 100 }])).to.equal(25);
    expect(seriesMtbf([{ count: 0, mtbfSeconds: 100 }])).to.equal(Infinity);
  });

  it('rejects an empty component list and bad entries', () => {
    expectPhysicsError(() => seriesMtbf([]), 'components');
    expectPhysicsError(() => seriesMtbf([{ count: 1.5, mtbfSeconds: 10 }]), 'components[0].count');
    expectPhysicsError(() => seriesMtbf([{ count: 1, mtbfSeconds: 0 }]), 'components[0].mtbfSeconds');
    expect(() => seriesMtbf([])).to.throw(/non-empty array/);
  });

  it('cluster MTBF is node MTBF / N — in seconds (v2-07 Critique)', () => {
    // 200 h × 3600 s / 16,384 = 43.945 s ("44 minutes" in the reference is 44 seconds).
    expect(clusterMtbf({ nodeMtbfSeconds: 200 * H, nodes: 16_384 })).to.be.closeTo(43.9453125, 1e-9);
    // 1,024 GPUs: 703.1 s = 11.72 min (not "~8 h").
    expect(clusterMtbf({ nodeMtbfSeconds: 200 * H, nodes: 1024 }) / 60).to.be.closeTo(11.71875, 1e-9);
    // With the 50,000 h GPU default: 16,384 GPUs → 3.05 h.
    expect(clusterMtbf({ nodeMtbfSeconds: COMPONENT_MTBF.gpu.value, nodes: 16_384 }) / H).to.be.closeTo(3.0518, 1e-4);
    expectPhysicsError(() => clusterMtbf({ nodeMtbfSeconds: 1, nodes: 0 }), 'nodes');
  });

  it('observed MTBF from Llama 3 interruptions', () => {
    // 54 days / 419 = 11,135.1 s = 1296/419 h = 3.0931 h; × 16,384 GPUs = 50,677 GPU-hours per interruption.
    const m = observedMtbf({
      durationSeconds: LLAMA3_INTERRUPTIONS.durationSeconds.value,
      failures: LLAMA3_INTERRUPTIONS.interruptions.value,
    });
    expect(m / H).to.be.closeTo((54 * 24) / 419, 1e-9);
    expect((m * LLAMA3_INTERRUPTIONS.gpus.value) / H).to.be.closeTo(50_677, 1);
    expect(observedMtbf({ durationSeconds: 10, failures: 0 })).to.equal(Infinity);
  });

  it('failure probability 1 − e^{−T/M} and expected failures T/M', () => {
    expect(failureProbability({ durationSeconds: 10, mtbfSeconds: 10 })).to.be.closeTo(1 - Math.exp(-1), 1e-15); // 0.632
    expect(failureProbability({ durationSeconds: 0, mtbfSeconds: 10 })).to.equal(0);
    // A 24 h job on a cluster with a 3.093 h MTBF: 1 − e^{−7.76} = 99.96 %.
    expect(failureProbability({ durationSeconds: 24 * H, mtbfSeconds: (54 * 24 * H) / 419 })).to.be.closeTo(
      1 - Math.exp((-24 * 419) / (54 * 24)),
      1e-12,
    );
    expect(expectedFailures({ durationSeconds: 54 * 86400, mtbfSeconds: (54 * 86400) / 419 })).to.be.closeTo(419, 1e-9);
    expectPhysicsError(() => failureProbability({ durationSeconds: -1, mtbfSeconds: 10 }), 'durationSeconds');
  });
});

describe('physics/reliability: checkpointing (v2-07)', () => {
  it('Young–Daly interval √(2δM)', () => {
    // Act I: √(2 · 240 s · 28,800 s) = √13,824,000 = 3,718.06 s = 61.97 min.
    expect(youngDalyInterval({ checkpointSeconds: 240, mtbfSeconds: 8 * H }) / 60).to.be.closeTo(61.9677, 1e-4);
    // Act II (reference sizes): √(2 · 5.12 · 43.945) = √450 = 21.21 s — seconds, not the "21 min" option.
    expect(youngDalyInterval({ checkpointSeconds: 5.12, mtbfSeconds: (200 * H) / 16_384 })).to.be.closeTo(21.2132, 1e-4);
    // 16× the GPUs → MTBF/16 → interval/4.
    const a = youngDalyInterval({ checkpointSeconds: 60, mtbfSeconds: 16 * H });
    const b = youngDalyInterval({ checkpointSeconds: 60, mtbfSeconds: H });
    expect(a / b).to.be.closeTo(4, 1e-12);
    expect(youngDalyInterval({ checkpointSeconds: 0, mtbfSeconds: H })).to.equal(0);
  });

  it("Daly's higher-order interval", () => {
    // δ = 240, M = 28,800: x = δ/2M = 1/240; 3,718.06·(1 + √x/3 + x/9) − 240 = 3,559.8 s = 59.33 min.
    const x = 240 / 57_600;
    const expected = Math.sqrt(2 * 240 * 28_800) * (1 + Math.sqrt(x) / 3 + x / 9) - 240;
    expect(dalyInterval({ checkpointSeconds: 240, mtbfSeconds: 8 * H })).to.be.closeTo(expected, 1e-9);
    expect(expected / 60).to.be.closeTo(59.33, 0.005);
    // δ ≥ 2M: checkpoint every MTBF.
    expect(dalyInterval({ checkpointSeconds: 100, mtbfSeconds: 40 })).to.equal(40);
  });

  it('overhead, rework and waste match the v2-07 Act I golden table', () => {
    // Reference model: C counted in the write and the restart (restartSeconds = C).
    const yours = checkpointOverhead({ intervalSeconds: 1800, checkpointSeconds: 240, mtbfSeconds: 8 * H, restartSeconds: 240 });
    expect(yours.checkpointFraction).to.be.closeTo(0.133333, 1e-6); // 4/30
    expect(yours.reworkPerFailureSeconds).to.equal(1140); // 15 + 4 min = 19 min
    expect(yours.reworkFraction).to.be.closeTo(1140 / 28_800, 1e-15);
    expect(yours.wasteFraction).to.be.closeTo(0.172917, 1e-6); // 17.29 %
    expect(yours.goodput).to.be.closeTo(0.827083, 1e-6);
    expect(yours.firstOrderValid).to.equal(true);
    const opt = checkpointOverhead({
      intervalSeconds: youngDalyInterval({ checkpointSeconds: 240, mtbfSeconds: 8 * H }),
      checkpointSeconds: 240,
      mtbfSeconds: 8 * H,
      restartSeconds: 240,
    });
    expect(opt.checkpointFraction).to.be.closeTo(0.06455, 1e-5); // 6.45 %
    expect(opt.wasteFraction).to.be.closeTo(0.13743, 1e-5); // 13.74 %
    // Young's optimum minimizes δ/τ + τ/(2M): neighbours waste more.
    for (const f of [0.8, 1.25]) {
      expect(checkpointOverhead({ intervalSeconds: 3718.06 * f, checkpointSeconds: 240, mtbfSeconds: 8 * H }).wasteFraction).to.be.above(
        checkpointOverhead({ intervalSeconds: 3718.06, checkpointSeconds: 240, mtbfSeconds: 8 * H }).wasteFraction,
      );
    }
  });

  it('flags intervals that are not small next to the MTBF', () => {
    // Act II: 20 s interval against a 43.9 s cluster MTBF: 20 > 0.3 × 43.9 → first-order model invalid.
    const r = checkpointOverhead({ intervalSeconds: 20, checkpointSeconds: 5.12, mtbfSeconds: 43.9453125, restartSeconds: 5.12 });
    expect(r.firstOrderValid).to.equal(false);
    expect(r.checkpointFraction).to.be.closeTo(0.256, 1e-12); // 25.6 % > 20 % budget
    // rework = (10 + 5.12)/43.945 = 0.3441; goodput = 1 − 0.256 − 0.3441 = 39.99 %.
    expect(r.goodput).to.be.closeTo(0.39994, 1e-5);
    // Goodput never goes negative.
    expect(checkpointOverhead({ intervalSeconds: 1, checkpointSeconds: 5, mtbfSeconds: 10 }).goodput).to.equal(0);
  });

  it('expected job time = work / goodput', () => {
    const g = checkpointOverhead({ intervalSeconds: 1800, checkpointSeconds: 240, mtbfSeconds: 8 * H, restartSeconds: 240 }).goodput;
    expect(
      expectedJobSeconds({ workSeconds: 100 * H, intervalSeconds: 1800, checkpointSeconds: 240, mtbfSeconds: 8 * H, restartSeconds: 240 }),
    ).to.be.closeTo((100 * H) / g, 1e-6);
    expect(expectedJobSeconds({ workSeconds: 100, intervalSeconds: 1, checkpointSeconds: 5, mtbfSeconds: 10 })).to.equal(Infinity);
    expect(expectedJobSeconds({ workSeconds: 0, intervalSeconds: 1, checkpointSeconds: 5, mtbfSeconds: 10 })).to.equal(0);
  });

  it('sync and async checkpoint stalls in SI units', () => {
    // 2 TB = 2e12 B at 400 GB/s = 5.0 s (the scenario's "about 5 s"; the reference's ×1024 gave 5.12 s).
    expect(checkpointStallSeconds({ bytes: 2e12, storageBandwidth: 400e9 })).to.deep.equal({ stallSeconds: 5, writeSeconds: 5 });
    // Explicit residual: 2 % of 5 s = 0.1 s.
    expect(
      checkpointStallSeconds({ bytes: 2e12, storageBandwidth: 400e9, mode: 'async', asyncResidualFraction: 0.02 }).stallSeconds,
    ).to.be.closeTo(0.1, 1e-15);
    // Snapshot to host at 1 TB/s aggregate: 2 s stall, write continues in the background.
    expect(checkpointStallSeconds({ bytes: 2e12, storageBandwidth: 400e9, mode: 'async', snapshotBandwidth: 1e12 }).stallSeconds).to.equal(
      2,
    );
    expectPhysicsError(() => checkpointStallSeconds({ bytes: 2e12, storageBandwidth: 400e9, mode: 'async' }), 'snapshotBandwidth');
    expectPhysicsError(() => checkpointStallSeconds({ bytes: 2e12, storageBandwidth: 400e9, mode: 'later' as 'sync' }), 'mode');
  });

  it('snaps intervals to whole training steps with ties to even', () => {
    expect(snapIntervalToSteps({ intervalSeconds: 21.2132, stepSeconds: 10 })).to.deep.equal({ steps: 2, intervalSeconds: 20 });
    expect(snapIntervalToSteps({ intervalSeconds: 3.0, stepSeconds: 10 })).to.deep.equal({ steps: 1, intervalSeconds: 10 }); // max(1, 0)
    expect(snapIntervalToSteps({ intervalSeconds: 25, stepSeconds: 10 }).steps).to.equal(2); // 2.5 → 2
    expect(snapIntervalToSteps({ intervalSeconds: 35, stepSeconds: 10 }).steps).to.equal(4); // 3.5 → 4
    expect(snapIntervalToSteps({ intervalSeconds: 13.42, stepSeconds: 1 }).steps).to.equal(13);
    expectPhysicsError(() => snapIntervalToSteps({ intervalSeconds: 10, stepSeconds: 0 }), 'stepSeconds');
  });
});

describe('physics/reliability: availability', () => {
  it('steady-state, replicated, series availability and downtime', () => {
    expect(steadyStateAvailability({ mtbfSeconds: 999 * H, mttrSeconds: H })).to.be.closeTo(0.999, 1e-15);
    expect(steadyStateAvailability({ mtbfSeconds: H, mttrSeconds: 0 })).to.equal(1);
    expect(replicatedAvailability({ availability: 0.99, replicas: 3 })).to.be.closeTo(0.999999, 1e-12); // 1 − 0.01³
    expect(seriesAvailability([0.999, 0.999])).to.be.closeTo(0.998001, 1e-15);
    expect(annualDowntimeSeconds(0.999) / H).to.be.closeTo(8.76, 1e-9); // 0.001 × 8,760 h
    expectPhysicsError(() => seriesAvailability([]), 'availabilities');
    expectPhysicsError(() => replicatedAvailability({ availability: 0.9, replicas: 0 }), 'replicas');
  });

  it('carries sources on every constant', () => {
    expect(COMPONENT_MTBF.gpu.value).to.equal(50_000 * H);
    for (const c of [...Object.values(COMPONENT_MTBF), ...Object.values(LLAMA3_INTERRUPTIONS)]) {
      expect(c.source.length).to.be.greaterThan(10);
    }
  });

  it('documents every export in docs/physics/serving-distributed-reliability.md', async () => {
    const doc = await (await fetch('/docs/physics/serving-distributed-reliability.md')).text();
    for (const name of Object.keys(reliability)) expect(doc, name).to.include(`### \`${name}\``);
  });
});
