import { expect } from '@open-wc/testing';
import * as serving from '../../physics/serving.js';
import {
  littlesLaw,
  exponentialPercentileFactor,
  mm1,
  erlangC,
  mmc,
  mmcWaitPercentile,
  mmcMeanWait,
  mm1RequiredServiceRate,
  serversForPercentileSlo,
  mg1,
  priorityQueueWaits,
  gangSchedulingProbability,
  fairShareFactor,
  sampleLatencies,
  percentile,
  histogram,
  exponentialBinProbabilities,
  normalQuantile,
  lognormalParams,
  lognormalPercentile,
  affineBatchSeconds,
  logBatchSeconds,
  batchThroughput,
  staticBatching,
  simulateGenerationBatching,
  serialMeanLatency,
  allMeetProbability,
  sloViolationProbability,
  perServiceViolationBudget,
  allocateErrorBudget,
  retryAmplification,
  utilizationAfterFailover,
  overloadBacklog,
  backlogDrainSeconds,
  autoscaleLagSeconds,
  simulateCascade,
  CASCADE_REFERENCE_SERVICES,
} from '../../physics/serving.js';
import { createRng } from '../../physics/random.js';
import { expectPhysicsError } from './_assert.js';

const ln = Math.log;

describe('physics/serving: Little and M/M/1 (v1-13, v2-08)', () => {
  it("Little's law L = λW", () => {
    // 800 req/s × 5 ms = 4 requests in the system.
    expect(littlesLaw({ arrivalRate: 800, latencySeconds: 0.005 })).to.be.closeTo(4, 1e-12);
    // v2-08: 40 jobs/h × 20 h = 800 jobs.
    expect(littlesLaw({ arrivalRate: 40 / 3600, latencySeconds: 20 * 3600 })).to.be.closeTo(800, 1e-9);
    expect(littlesLaw({ arrivalRate: 0, latencySeconds: 3 })).to.equal(0);
    expectPhysicsError(() => littlesLaw({ arrivalRate: -1, latencySeconds: 1 }), 'arrivalRate');
  });

  it('exponential percentile factors −ln(1−p)', () => {
    expect(exponentialPercentileFactor(0.5)).to.be.closeTo(0.693147, 1e-6);
    expect(exponentialPercentileFactor(0.95)).to.be.closeTo(2.995732, 1e-6);
    expect(exponentialPercentileFactor(0.99)).to.be.closeTo(4.60517, 1e-6);
    expect(exponentialPercentileFactor(0.999)).to.be.closeTo(6.907755, 1e-6);
    // v1-13 reveal: mean 45 ms → P99 = 4.60517 × 45 ms = 207.2 ms, 2.1× a 100 ms SLO.
    expect(exponentialPercentileFactor(0.99) * 0.045).to.be.closeTo(0.20723, 1e-5);
    expectPhysicsError(() => exponentialPercentileFactor(99), 'percentile');
  });

  it('matches the v1-13 M/M/1 golden table (λ = 800, μ = 1000 req/s)', () => {
    const q = mm1({ arrivalRate: 800, serviceRate: 1000 });
    expect(q.stable).to.equal(true);
    expect(q.utilization).to.be.closeTo(0.8, 1e-12);
    expect(q.meanResponse).to.be.closeTo(0.005, 1e-12); // W = 1/(1000 − 800) s = 5 ms
    expect(q.meanInSystem).to.be.closeTo(4, 1e-9); // L = ρ/(1 − ρ) = 4
    expect(q.meanWait).to.be.closeTo(0.004, 1e-12); // W_q = ρ/(μ − λ) = 0.8/200
    expect(q.meanInQueue).to.be.closeTo(3.2, 1e-9); // L_q = ρ²/(1 − ρ)
    expect(q.responsePercentile(0.5)).to.be.closeTo(0.693147 / 200, 1e-8); // 3.47 ms
    expect(q.responsePercentile(0.95)).to.be.closeTo(2.995732 / 200, 1e-8); // 14.98 ms
    expect(q.responsePercentile(0.99)).to.be.closeTo(4.60517 / 200, 1e-8); // 23.03 ms
    expect(q.responsePercentile(0.999)).to.be.closeTo(6.907755 / 200, 1e-8); // 34.54 ms
    // P(W_q > t) = ρ e^{−(μ−λ)t}: P99 wait = ln(0.8/0.01)/200 = 21.91 ms; P10 wait = 0 (80 % of arrivals wait).
    expect(q.waitPercentile(0.99)).to.be.closeTo(ln(80) / 200, 1e-12);
    expect(q.waitPercentile(0.1)).to.equal(0);
    // v1-13 Critique: P99 at ρ = 0.8 is 4.605/(1 − 0.8) = 23.0× the service time 1/μ, not 4.6×.
    expect(q.responsePercentile(0.99) * 1000).to.be.closeTo(23.026, 1e-3);
  });

  it('reproduces the other v1-13 rows: ρ = 0.95, 0.5 and the failing 80/100 case', () => {
    expect(mm1({ arrivalRate: 950, serviceRate: 1000 }).responsePercentile(0.99)).to.be.closeTo(4.60517 / 50, 1e-8); // 92.10 ms
    expect(mm1({ arrivalRate: 500, serviceRate: 1000 }).meanResponse).to.be.closeTo(0.002, 1e-12);
    // λ = 80, μ = 100: P99 = 4.60517/20 = 230.26 ms > 100 ms SLO.
    expect(mm1({ arrivalRate: 80, serviceRate: 100 }).responsePercentile(0.99)).to.be.closeTo(0.230259, 1e-6);
    // Per-replica view (v1-13 Critique): 20 req/s replica at ρ = 0.8 → 4.605/(20 − 16) = 1.151 s.
    expect(mm1({ arrivalRate: 16, serviceRate: 20 }).responsePercentile(0.99)).to.be.closeTo(1.151293, 1e-6);
  });

  it('handles zero load: no waiting, response = service time', () => {
    const q = mm1({ arrivalRate: 0, serviceRate: 1000 });
    expect(q.utilization).to.equal(0);
    expect(q.meanWait).to.equal(0);
    expect(q.meanInSystem).to.equal(0);
    expect(q.meanResponse).to.be.closeTo(0.001, 1e-15);
    expect(q.waitPercentile(0.99)).to.equal(0);
    expect(q.responsePercentile(0.99)).to.be.closeTo(4.60517e-3, 1e-9);
  });

  it('reports saturation (ρ ≥ 1) as unstable with Infinity, never NaN or a clamp', () => {
    for (const lambda of [950, 1200]) {
      const q = mm1({ arrivalRate: lambda, serviceRate: 950 });
      expect(q.stable).to.equal(false);
      expect(q.utilization).to.be.closeTo(lambda / 950, 1e-12); // unclamped (v1-13 clamped to 0.9999)
      for (const v of [q.meanWait, q.meanResponse, q.meanInQueue, q.meanInSystem, q.responsePercentile(0.99), q.waitPercentile(0.5)]) {
        expect(v).to.equal(Infinity);
      }
    }
    // Approaching saturation stays finite and grows without bound.
    expect(mm1({ arrivalRate: 999.999, serviceRate: 1000 }).meanResponse).to.be.closeTo(1000, 1e-3);
    expectPhysicsError(() => mm1({ arrivalRate: 1, serviceRate: 0 }), 'serviceRate');
    expectPhysicsError(() => mm1({ arrivalRate: 1, serviceRate: 2 }).responsePercentile(1), 'percentile');
  });

  it('required service rate for a percentile SLO (v1-13 MathPeek)', () => {
    // μ > λ + 4.605/SLO = 10,000 + 4.60517/0.2 = 10,023.03 req/s.
    expect(mm1RequiredServiceRate({ arrivalRate: 10_000, percentile: 0.99, sloSeconds: 0.2 })).to.be.closeTo(10_023.0259, 1e-3);
  });
});

describe('physics/serving: M/M/c (Erlang C)', () => {
  it('computes Erlang C by hand-checkable cases', () => {
    // c = 2, a = λ/μ = 1, ρ = 0.5: C = [a²/(2!(1−ρ))]/[1 + a + a²/(2!(1−ρ))] = 1/(1 + 1 + 1) = 1/3.
    expect(erlangC({ arrivalRate: 1, serviceRate: 1, servers: 2 })).to.be.closeTo(1 / 3, 1e-12);
    // c = 1: C = ρ.
    expect(erlangC({ arrivalRate: 0.7, serviceRate: 1, servers: 1 })).to.be.closeTo(0.7, 1e-12);
    expect(erlangC({ arrivalRate: 0, serviceRate: 1, servers: 4 })).to.equal(0);
    expect(erlangC({ arrivalRate: 5, serviceRate: 1, servers: 4 })).to.equal(1);
    expectPhysicsError(() => erlangC({ arrivalRate: 1, serviceRate: 1, servers: 0 }), 'servers');
  });

  it('mean wait and wait percentile (contract: t_p = max(0, ln(C/(1−p))/(cμ − λ)))', () => {
    // W_q = C/(cμ − λ) = (1/3)/(2 − 1) = 1/3 s.
    expect(mmcMeanWait({ arrivalRate: 1, serviceRate: 1, servers: 2 })).to.be.closeTo(1 / 3, 1e-12);
    // P99 wait = ln((1/3)/0.01)/1 = ln(33.33) = 3.5066 s; P50 wait = 0 since C = 1/3 ≤ 0.5.
    expect(mmcWaitPercentile({ arrivalRate: 1, serviceRate: 1, servers: 2, percentile: 0.99 })).to.be.closeTo(ln(100 / 3), 1e-12);
    expect(mmcWaitPercentile({ arrivalRate: 1, serviceRate: 1, servers: 2, percentile: 0.5 })).to.equal(0);
    expect(mmcWaitPercentile({ arrivalRate: 3, serviceRate: 1, servers: 2, percentile: 0.99 })).to.equal(Infinity);
  });

  it('agrees with M/M/1 when c = 1', () => {
    const a = mmc({ arrivalRate: 800, serviceRate: 1000, servers: 1 });
    const b = mm1({ arrivalRate: 800, serviceRate: 1000 });
    expect(a.responsePercentile(0.99)).to.be.closeTo(b.responsePercentile(0.99), 1e-15);
    expect(a.probabilityOfWait).to.be.closeTo(0.8, 1e-12);
  });

  it('solves the sojourn percentile from its survival function, including the θ = μ case', () => {
    // c = 2, λ = μ = 1: θ = cμ − λ = 1 = μ, so P(T > t) = (1 − C)e^{−t} + C(1 + t)e^{−t} = e^{−t}(1 + t/3).
    const t = mmc({ arrivalRate: 1, serviceRate: 1, servers: 2 }).responsePercentile(0.99);
    expect(Math.exp(-t) * (1 + t / 3)).to.be.closeTo(0.01, 1e-9);
    // c = 4, λ = 2, μ = 1: θ = 2; P(T > t) = (1 − C)e^{−t} + C(2e^{−t} − e^{−2t})/(2 − 1).
    const q = mmc({ arrivalRate: 2, serviceRate: 1, servers: 4 });
    const C = q.probabilityOfWait;
    const t2 = q.responsePercentile(0.95);
    expect((1 - C) * Math.exp(-t2) + C * (2 * Math.exp(-t2) - Math.exp(-2 * t2))).to.be.closeTo(0.05, 1e-9);
    expect(q.meanResponse).to.be.closeTo(C / 2 + 1, 1e-12);
  });

  it('shows that an aggregate M/M/1 understates replica latency (v1-13 Critique)', () => {
    // 625 replicas × 20 req/s at 10,000 req/s: ρ = 0.8, queueing is negligible (C ≈ 4e-8) but each
    // request still takes an Exp(50 ms) service: P99 ≈ 4.605 × 50 ms = 230 ms, not the aggregate 1.84 ms.
    const q = mmc({ arrivalRate: 10_000, serviceRate: 20, servers: 625 });
    expect(q.utilization).to.be.closeTo(0.8, 1e-12);
    expect(q.probabilityOfWait).to.be.below(1e-6);
    expect(q.responsePercentile(0.99)).to.be.closeTo(0.2302585, 1e-6);
    // So a 200 ms P99 SLO with 50 ms exponential service cannot be met by any replica count.
    const s = serversForPercentileSlo({ arrivalRate: 10_000, serviceRate: 20, percentile: 0.99, sloSeconds: 0.2 });
    expect(s.servers).to.equal(Infinity);
  });

  it('sizes replicas for a percentile SLO (split load balancer and shared queue)', () => {
    // Split: each replica M/M/1 with λ/c: 4.60517/(μ − λ/c) ≤ 0.5 ⇔ c ≥ 100/(20 − 9.21034) = 9.27 → 10.
    const split = serversForPercentileSlo({ arrivalRate: 100, serviceRate: 20, percentile: 0.99, sloSeconds: 0.5, discipline: 'split' });
    expect(split.servers).to.equal(10);
    expect(split.percentileSeconds).to.be.closeTo(-ln(0.01) / (20 - 10), 1e-12);
    // Shared queue never needs more servers than split, and its choice is the smallest that works.
    const shared = serversForPercentileSlo({ arrivalRate: 100, serviceRate: 20, percentile: 0.99, sloSeconds: 0.5 });
    expect(shared.servers).to.be.at.most(10);
    expect(mmc({ arrivalRate: 100, serviceRate: 20, servers: shared.servers }).responsePercentile(0.99)).to.be.at.most(0.5);
    expect(mmc({ arrivalRate: 100, serviceRate: 20, servers: shared.servers - 1 }).responsePercentile(0.99)).to.be.above(0.5);
    // Zero load: one server suffices when the service percentile fits.
    expect(serversForPercentileSlo({ arrivalRate: 0, serviceRate: 20, percentile: 0.99, sloSeconds: 0.5 }).servers).to.equal(1);
  });
});

describe('physics/serving: general service, priorities, scheduling', () => {
  it('Pollaczek–Khinchine M/G/1', () => {
    // C_s = 1 equals M/M/1: W_q = ρS/(1 − ρ) = 0.8/0.2 = 4 s.
    expect(mg1({ arrivalRate: 0.8, meanServiceSeconds: 1, serviceCv: 1 }).meanWait).to.be.closeTo(4, 1e-12);
    // M/D/1 halves it: 2 s.
    expect(mg1({ arrivalRate: 0.8, meanServiceSeconds: 1, serviceCv: 0 }).meanWait).to.be.closeTo(2, 1e-12);
    // v2-08 objectives: C_s = 3 multiplies by (1 + 9)/2 = 5 → 20× S at 80 %, 45× S at 90 %.
    expect(mg1({ arrivalRate: 0.8, meanServiceSeconds: 1, serviceCv: 3 }).meanWait).to.be.closeTo(20, 1e-9);
    expect(mg1({ arrivalRate: 0.9, meanServiceSeconds: 1, serviceCv: 3 }).meanWait).to.be.closeTo(45, 1e-9);
    // v2-08 Critique: queue wait (not sojourn) for 1-h jobs at 95 %: W_q = 19 h, W = 20 h.
    const jobs = mg1({ arrivalRate: 0.95 / 3600, meanServiceSeconds: 3600, serviceCv: 1 });
    expect(jobs.meanWait / 3600).to.be.closeTo(19, 1e-9);
    expect(jobs.meanResponse / 3600).to.be.closeTo(20, 1e-9);
    expect(mg1({ arrivalRate: 1, meanServiceSeconds: 1, serviceCv: 1 }).stable).to.equal(false);
  });

  it("non-preemptive priority classes obey Cobham's formula and the conservation law", () => {
    // W0 = Σλ E[S²]/2 = (0.2·2 + 0.5·2)/2 = 0.7; W_0 = 0.7/(1·0.8) = 0.875; W_1 = 0.7/(0.8·0.3) = 2.9167.
    const r = priorityQueueWaits({
      classes: [
        { arrivalRate: 0.2, meanServiceSeconds: 1 },
        { arrivalRate: 0.5, meanServiceSeconds: 1 },
      ],
    });
    expect(r.classes[0]!.meanWait).to.be.closeTo(0.875, 1e-12);
    expect(r.classes[1]!.meanWait).to.be.closeTo(0.7 / 0.24, 1e-12);
    // Kleinrock's conservation law: Σ ρ_k W_k = ρ W0/(1 − ρ) = 0.7·0.7/0.3.
    expect(0.2 * r.classes[0]!.meanWait + 0.5 * r.classes[1]!.meanWait).to.be.closeTo(0.49 / 0.3, 1e-12);
    // An overloaded low class starves while the high class stays finite.
    const o = priorityQueueWaits({
      classes: [
        { arrivalRate: 0.3, meanServiceSeconds: 1 },
        { arrivalRate: 0.9, meanServiceSeconds: 1 },
      ],
    });
    expect(o.stable).to.equal(false);
    expect(o.classes[0]!.meanWait).to.be.finite;
    expect(o.classes[1]!.meanWait).to.equal(Infinity);
    expectPhysicsError(() => priorityQueueWaits({ classes: [] }), 'classes');
  });

  it('gang scheduling p^n and the Slurm fair-share factor', () => {
    expect(gangSchedulingProbability({ freeProbability: 0.2, gpus: 4 })).to.be.closeTo(0.0016, 1e-15);
    expect(gangSchedulingProbability({ freeProbability: 0.2, gpus: 64 })).to.be.closeTo(Math.pow(0.2, 64), 1e-60);
    expect(fairShareFactor({ usage: 0, share: 0.25 })).to.equal(1);
    expect(fairShareFactor({ usage: 0.25, share: 0.25 })).to.be.closeTo(0.5, 1e-15); // 2^(−1)
    expect(fairShareFactor({ usage: 0.5, share: 0.25 })).to.be.closeTo(0.25, 1e-15); // 2^(−2)
  });
});

describe('physics/serving: sampling, percentiles, histograms', () => {
  it('percentile interpolates between order statistics (type 7)', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).to.be.closeTo(2.5, 1e-15); // h = 1.5 → 2 + 0.5·(3 − 2)
    expect(percentile([4, 1, 3, 2], 0)).to.equal(1);
    expect(percentile([4, 1, 3, 2], 1)).to.equal(4);
    expect(percentile([1, 2, 3, 4], 0.99)).to.be.closeTo(3.97, 1e-12); // h = 2.97
    expect(percentile([7], 0.99)).to.equal(7);
    expectPhysicsError(() => percentile([], 0.5), 'values');
    expectPhysicsError(() => percentile([1, Number.NaN], 0.5), 'values[1]');
    expectPhysicsError(() => percentile([1, 2], 99), 'p');
  });

  it('histogram counts values per equal-width bin', () => {
    const h = histogram([0, 0.5, 1, 1.5, 2], 2);
    expect(h.edges).to.deep.equal([0, 1, 2]);
    expect(h.counts).to.deep.equal([2, 3]); // [0,1): 0, 0.5; [1,2]: 1, 1.5, 2
    expect(h.fractions).to.deep.equal([0.4, 0.6]);
    const r = histogram([0, 0.5, 1, 1.5, 2, -1], 2, { min: 0, max: 1 });
    expect(r.counts).to.deep.equal([1, 2]); // [0,0.5): 0; [0.5,1]: 0.5, 1
    expect(r.below).to.equal(1);
    expect(r.above).to.equal(2);
    expect(r.fractions).to.deep.equal([1 / 6, 2 / 6]);
    expect(histogram([3, 3], 1).edges).to.deep.equal([2.5, 3.5]);
    expectPhysicsError(() => histogram([1], 0), 'bins');
    expectPhysicsError(() => histogram([], 3), 'values');
  });

  it('exponential bin probabilities are e^{−a/m} − e^{−b/m}', () => {
    const p = exponentialBinProbabilities({ meanSeconds: 1, edges: [0, ln(2), ln(4)] });
    expect(p[0]).to.be.closeTo(0.5, 1e-15);
    expect(p[1]).to.be.closeTo(0.25, 1e-15);
    expectPhysicsError(() => exponentialBinProbabilities({ meanSeconds: 1, edges: [0, 2, 1] }), 'edges[2]');
  });

  it('normal quantile and log-normal parameters', () => {
    expect(normalQuantile(0.5)).to.be.closeTo(0, 1e-12);
    expect(normalQuantile(0.975)).to.be.closeTo(1.959964, 1e-6);
    expect(normalQuantile(0.99)).to.be.closeTo(2.326348, 1e-6);
    expect(normalQuantile(0.001)).to.be.closeTo(-3.090232, 1e-6);
    // median 100 ms, P99 300 ms: σ = ln 3/2.326348 = 0.47225.
    const ps = lognormalParams({ medianSeconds: 0.1, percentileSeconds: 0.3, percentile: 0.99 });
    expect(ps.mu).to.be.closeTo(ln(0.1), 1e-12);
    expect(ps.sigma).to.be.closeTo(ln(3) / 2.326348, 1e-6);
    expect(lognormalPercentile({ ...ps, percentile: 0.99 })).to.be.closeTo(0.3, 1e-9);
    expect(lognormalPercentile({ ...ps, percentile: 0.5 })).to.be.closeTo(0.1, 1e-12);
    expectPhysicsError(() => normalQuantile(1), 'p');
  });

  it('samples exponential latencies reproducibly with the right mean and P99', () => {
    const model = { kind: 'exponential', meanSeconds: 0.05 } as const;
    const a = sampleLatencies({ rng: createRng(77), n: 100_000, model });
    const b = sampleLatencies({ rng: createRng(77), n: 100_000, model });
    expect(a).to.deep.equal(b);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean).to.be.closeTo(0.05, 0.0005); // within 1 %
    // P99 = 4.60517 × 50 ms = 230.26 ms; empirical P99 of 1e5 draws within 3 %.
    expect(percentile(a, 0.99)).to.be.closeTo(0.230259, 0.007);
  });

  it('samples M/M/1 and M/M/c response times that match the analytic values', () => {
    const m1 = sampleLatencies({ rng: createRng(3), n: 100_000, model: { kind: 'mm1', arrivalRate: 800, serviceRate: 1000 } });
    expect(m1.reduce((s, x) => s + x, 0) / m1.length).to.be.closeTo(0.005, 0.0001); // W = 5 ms, ±2 %
    const q = mmc({ arrivalRate: 2, serviceRate: 1, servers: 4 });
    const mc = sampleLatencies({ rng: createRng(4), n: 200_000, model: { kind: 'mmc', arrivalRate: 2, serviceRate: 1, servers: 4 } });
    expect(percentile(mc, 0.99)).to.be.closeTo(q.responsePercentile(0.99), q.responsePercentile(0.99) * 0.03);
    expectPhysicsError(
      () => sampleLatencies({ rng: createRng(1), n: 10, model: { kind: 'mm1', arrivalRate: 2, serviceRate: 1 } }),
      'model.arrivalRate',
    );
    expectPhysicsError(() => sampleLatencies({ rng: createRng(1), n: 0, model: { kind: 'exponential', meanSeconds: 1 } }), 'n');
  });

  it('composes a chain by sampling: P99 of the sum is below the sum of P99s (v2-12 Critique #6)', () => {
    const constant = sampleLatencies({
      rng: createRng(1),
      n: 5,
      model: {
        kind: 'chain',
        stages: [
          { kind: 'constant', seconds: 0.01 },
          { kind: 'constant', seconds: 0.02 },
        ],
      },
    });
    for (const x of constant) expect(x).to.be.closeTo(0.03, 1e-15);
    // Five services, each log-normal with median 50 ms and P99 100 ms (the scenario's 100 ms budget each).
    const svc = lognormalParams({ medianSeconds: 0.05, percentileSeconds: 0.1, percentile: 0.99 });
    const stage = { kind: 'lognormal', ...svc } as const;
    const sums = sampleLatencies({ rng: createRng(12), n: 50_000, model: { kind: 'chain', stages: [stage, stage, stage, stage, stage] } });
    const p99 = percentile(sums, 0.99);
    expect(p99).to.be.below(0.5); // sum of P99s = 5 × 100 ms
    expect(p99).to.be.above(0.25); // sum of medians
    // Fan-out waits for the slowest: its P99 exceeds a single stage's 100 ms.
    const fan = sampleLatencies({ rng: createRng(13), n: 50_000, model: { kind: 'fanout', stages: [stage, stage, stage, stage, stage] } });
    expect(percentile(fan, 0.99)).to.be.above(0.1);
  });
});

describe('physics/serving: batching', () => {
  it('batch service-time models and throughput b/s(b)', () => {
    expect(affineBatchSeconds({ batchSize: 8, fixedSeconds: 0.005, perItemSeconds: 0.002 })).to.be.closeTo(0.021, 1e-15); // 5 + 8·2 ms
    // v1-13: 50 ms·(1 + 0.12·ln 32) = 50·(1 + 0.12·3.465736) = 70.79 ms.
    expect(logBatchSeconds({ batchSize: 32, baseSeconds: 0.05 })).to.be.closeTo(0.0707944, 1e-7);
    expect(logBatchSeconds({ batchSize: 1, baseSeconds: 0.05 })).to.be.closeTo(0.05, 1e-15);
    // Corrected capacity: 32/0.0707944 = 452.0 req/s per replica (reference: 1/0.0708 = 14.1).
    expect(batchThroughput({ batchSize: 32, batchSeconds: 0.0707944 })).to.be.closeTo(452.01, 0.01);
    expect(batchThroughput({ batchSize: 1, batchSeconds: 0.05 })).to.be.closeTo(20, 1e-12);
    expectPhysicsError(() => affineBatchSeconds({ batchSize: 0, fixedSeconds: 1, perItemSeconds: 0 }), 'batchSize');
  });

  it('static batching: fill wait + Kingman queue wait + service', () => {
    // λ = 100 req/s, b = 8, s = 54 ms: ρ = 100·0.054/8 = 0.675; fill = 7/(2·100) = 35 ms;
    // W_q ≈ 0.675/0.325 · 0.054/(2·8) = 7.010 ms; latency = 35 + 7.010 + 54 = 96.01 ms.
    const r = staticBatching({ arrivalRate: 100, batchSize: 8, batchSeconds: 0.054 });
    expect(r.utilization).to.be.closeTo(0.675, 1e-12);
    expect(r.capacity).to.be.closeTo(148.148, 1e-3);
    expect(r.fillWaitSeconds).to.be.closeTo(0.035, 1e-15);
    expect(r.queueWaitSeconds).to.be.closeTo((0.675 / 0.325) * (0.054 / 16), 1e-15);
    expect(r.meanLatencySeconds).to.be.closeTo(0.035 + 0.0070096 + 0.054, 1e-6);
    // Zero load: b = 1 has no fill wait; b > 1 never fills.
    expect(staticBatching({ arrivalRate: 0, batchSize: 1, batchSeconds: 0.01 }).meanLatencySeconds).to.be.closeTo(0.01, 1e-15);
    expect(staticBatching({ arrivalRate: 0, batchSize: 4, batchSeconds: 0.01 }).fillWaitSeconds).to.equal(Infinity);
    // Saturation: 200 req/s > 148 req/s capacity.
    const sat = staticBatching({ arrivalRate: 200, batchSize: 8, batchSeconds: 0.054 });
    expect(sat.stable).to.equal(false);
    expect(sat.meanLatencySeconds).to.equal(Infinity);
  });

  it('continuous batching refills slots; static batching waits for the longest request', () => {
    // Lengths [1, 10, 3, 3], 2 slots. Static: batches {1,10} → 10 iterations, {3,3} → 3: 13 total,
    // utilization 17/(13·2) = 0.654. Continuous: 1 finishes at 1, the 3 joins → done at 4, the next 3 → 7,
    // the 10 at 10: 10 iterations, utilization 17/20 = 0.85.
    const s = simulateGenerationBatching({ outputTokens: [1, 10, 3, 3], slots: 2, mode: 'static' });
    expect(s.iterations).to.equal(13);
    expect(s.slotUtilization).to.be.closeTo(17 / 26, 1e-15);
    expect(s.completionIterations).to.deep.equal([1, 10, 13, 13]);
    const c = simulateGenerationBatching({ outputTokens: [1, 10, 3, 3], slots: 2, mode: 'continuous', iterationSeconds: 0.02 });
    expect(c.iterations).to.equal(10);
    expect(c.slotUtilization).to.be.closeTo(0.85, 1e-15);
    expect(c.completionIterations).to.deep.equal([1, 10, 4, 7]);
    expect(c.meanCompletionIterations).to.be.closeTo(5.5, 1e-15);
    expect(c.makespanSeconds).to.be.closeTo(0.2, 1e-15);
    expect(c.tokensPerSecond).to.be.closeTo(17 / 0.2, 1e-9);
    // Equal lengths: both modes are identical and fully utilized.
    expect(simulateGenerationBatching({ outputTokens: [4, 4, 4, 4], slots: 2, mode: 'static' }).slotUtilization).to.equal(1);
    expectPhysicsError(() => simulateGenerationBatching({ outputTokens: [0], slots: 1, mode: 'static' }), 'outputTokens[0]');
  });
});

describe('physics/serving: SLO composition (v2-12 Act I)', () => {
  it('serial means add; all-meet probabilities multiply', () => {
    expect(serialMeanLatency([0.1, 0.2, 0.05])).to.be.closeTo(0.35, 1e-15);
    expect(allMeetProbability([0.99, 0.99, 0.99, 0.99, 0.99])).to.be.closeTo(0.95099, 1e-6); // 0.99⁵
    expectPhysicsError(() => serialMeanLatency([]), 'means');
  });

  it('end-to-end violation matches the v2-12 golden table', () => {
    const five = [0.01, 0.01, 0.01, 0.01, 0.01];
    expect(sloViolationProbability({ violationProbabilities: five })).to.be.closeTo(0.0490099, 1e-7); // 1 − 0.99⁵
    // Common-shock mixture w = 0.5: 0.5·4.90099501 % + 0.5·1 % = 2.950498 %.
    expect(sloViolationProbability({ violationProbabilities: five, correlation: 0.5 })).to.be.closeTo(0.029504975, 1e-9);
    expect(sloViolationProbability({ violationProbabilities: five, correlation: 1 })).to.be.closeTo(0.01, 1e-15);
    expect(sloViolationProbability({ violationProbabilities: Array(10).fill(0.05) })).to.be.closeTo(0.401263, 1e-6); // 1 − 0.95¹⁰
    expect(sloViolationProbability({ violationProbabilities: [0.001, 0.001] })).to.be.closeTo(0.001999, 1e-9);
    expectPhysicsError(() => sloViolationProbability({ violationProbabilities: [] }), 'violationProbabilities');
    expectPhysicsError(() => sloViolationProbability({ violationProbabilities: [1.5] }), 'violationProbabilities[0]');
  });

  it('per-service budgets compose back to the target', () => {
    // 1 − 0.99^(1/5) = 0.2008 %, essentially 1 %/5 (v2-12 Critique #5).
    expect(perServiceViolationBudget({ target: 0.01, services: 5 })).to.be.closeTo(0.0020080483, 1e-10);
    const eq = allocateErrorBudget({ target: 0.01, weights: [1, 1, 1, 1, 1] });
    for (const b of eq) expect(b).to.be.closeTo(0.0020080483, 1e-10);
    const w = allocateErrorBudget({ target: 0.01, weights: [1, 3] });
    expect(w[0]).to.be.closeTo(1 - Math.pow(0.99, 0.25), 1e-15);
    expect((1 - w[0]!) * (1 - w[1]!)).to.be.closeTo(0.99, 1e-15);
    expectPhysicsError(() => allocateErrorBudget({ target: 0.01, weights: [1, 0] }), 'weights[1]');
  });
});

describe('physics/serving: overload and cascades (v2-12 Act II, v1-13 Act II)', () => {
  it('retry amplification (1 − f^r)/(1 − f)', () => {
    expect(retryAmplification({ failureProbability: 0.5, maxAttempts: 3 })).to.be.closeTo(1.75, 1e-15); // 1 + 0.5 + 0.25
    expect(retryAmplification({ failureProbability: 1, maxAttempts: 3 })).to.equal(3);
    expect(retryAmplification({ failureProbability: 0, maxAttempts: 3 })).to.equal(1);
  });

  it('failover concentrates load on survivors', () => {
    expect(utilizationAfterFailover({ utilization: 0.6, replicas: 4, failed: 1 })).to.be.closeTo(0.8, 1e-15); // 0.6·4/3
    expect(utilizationAfterFailover({ utilization: 0.6, replicas: 4, failed: 2 })).to.be.closeTo(1.2, 1e-15);
    expect(utilizationAfterFailover({ utilization: 0.6, replicas: 4, failed: 4 })).to.equal(Infinity);
    expectPhysicsError(() => utilizationAfterFailover({ utilization: 0.6, replicas: 4, failed: 5 }), 'failed');
  });

  it('backlog grows at λ − μ while capacity lags, then drains at μ − λ', () => {
    // v1-13: 10,000 req/s against 1,000 req/s for a 30 s scale-out lag: 9,000 × 30 = 270,000 queued, 270 s wait.
    const b = overloadBacklog({ arrivalRate: 10_000, serviceRate: 1000, seconds: 30 });
    expect(b.backlog).to.equal(270_000);
    expect(b.growthPerSecond).to.equal(9000);
    expect(b.waitSeconds).to.equal(270);
    expect(overloadBacklog({ arrivalRate: 500, serviceRate: 1000, seconds: 30 }).backlog).to.equal(0);
    // After scaling to 12,500 req/s: 270,000/2,500 = 108 s to drain.
    expect(backlogDrainSeconds({ backlog: 270_000, arrivalRate: 10_000, serviceRate: 12_500 })).to.equal(108);
    expect(backlogDrainSeconds({ backlog: 1, arrivalRate: 10, serviceRate: 10 })).to.equal(Infinity);
    expect(autoscaleLagSeconds({ detectSeconds: 25, startSeconds: 5 })).to.equal(30);
  });

  it('reproduces the v2-12 cascade golden traces', () => {
    const base = { overloadLoad: 1.5, retryMultiplier: 3, autoscaler: { enabled: true } };
    const d = simulateCascade(base);
    expect(d.times.length).to.equal(120); // 0 … 59.5 s at 0.5 s
    expect(d.final).to.deep.equal([2, 2, 2, 2, 0.25]);
    expect(d.overloaded).to.equal(4);
    expect(d.contained).to.equal(false);
    expect(d.fullOutage).to.equal(false); // the uncoupled formatter can never overload
    // Gateway step 2: 0.40 + 0.6·(1.5 − 0.95)·2 = 1.06; inference: 0.80, 1.50, then 3× → clamp 2.0.
    expect(d.utilization[0]!.slice(0, 4).map((x) => +x.toFixed(6))).to.deep.equal([0.4, 0.4, 1.06, 2]);
    expect(d.utilization[3]!.slice(0, 3)).to.deep.equal([0.8, 1.5, 2]);
    // Circuit breaker (threshold 5): inference 0.8, 1.5, five steps at 2.0, then 1.5 − 0.4 shed = 1.1,
    // then the autoscaler removes up to 0.295 by t = 59.5 s → 0.805.
    const cb = simulateCascade({ ...base, circuitBreaker: { enabled: true, threshold: 5 } });
    expect(cb.utilization[3]!.slice(0, 8).map((x) => +x.toFixed(6))).to.deep.equal([0.8, 1.5, 2, 2, 2, 2, 2, 1.1]);
    expect(cb.final.map((x) => +x.toFixed(6))).to.deep.equal([0.4, 0.35, 0.55, 0.805, 0.25]);
    expect(cb.overloaded).to.equal(0);
    expect(cb.breakerOpened[3]).to.equal(true);
    // Bulkheads alone: only inference stays overloaded.
    expect(simulateCascade({ ...base, bulkheads: true }).final).to.deep.equal([0.4, 0.35, 0.55, 2, 0.25]);
    // Bare metal (no autoscaler), breakers + bulkheads: inference holds at 1.1.
    const bm = simulateCascade({ overloadLoad: 1.5, retryMultiplier: 3, circuitBreaker: { enabled: true }, bulkheads: true });
    expect(bm.final.map((x) => +x.toFixed(6))).to.deep.equal([0.4, 0.35, 0.55, 1.1, 0.25]);
    // No retries: 1.5 − 0.295 = 1.205.
    expect(simulateCascade({ ...base, retryMultiplier: 1 }).final.map((x) => +x.toFixed(6))).to.deep.equal([0.4, 0.35, 0.55, 1.205, 0.25]);
  });

  it('models retry waves one timeout apart and can couple every service', () => {
    // Timeout 2 s, dt 0.5 s: amplification min(3, 1 + ⌊hot time/2⌋) stays 1 for the first three hot
    // steps, so inference reaches the 2.0 clamp at step 5 instead of step 2.
    const t = simulateCascade({ overloadLoad: 1.5, retryMultiplier: 3, timeoutSeconds: 2 });
    expect(t.utilization[3]!.slice(0, 6)).to.deep.equal([0.8, 1.5, 1.5, 1.5, 1.5, 2]);
    // Coupling the formatter to inference makes a full outage reachable.
    const all = CASCADE_REFERENCE_SERVICES.map((s, i) => (i === 4 ? { ...s, dependsOn: [3] } : s));
    const f = simulateCascade({ services: all, overloadLoad: 1.5, retryMultiplier: 3 });
    expect(f.overloaded).to.equal(5);
    expect(f.fullOutage).to.equal(true);
    expectPhysicsError(() => simulateCascade({ overloadLoad: 1.5, retryMultiplier: 0.5 }), 'retryMultiplier');
    expectPhysicsError(
      () =>
        simulateCascade({
          services: [{ name: 'a', baseline: 0.5, dependsOn: [0] }],
          overloadedIndex: 0,
          overloadLoad: 1.5,
          retryMultiplier: 2,
        }),
      'services[0].dependsOn[0]',
    );
  });
});

describe('physics/serving: documentation', () => {
  it('documents every export in docs/physics/serving-distributed-reliability.md', async () => {
    const doc = await (await fetch('/docs/physics/serving-distributed-reliability.md')).text();
    for (const name of Object.keys(serving)) expect(doc, name).to.include(`### \`${name}\``);
  });
});
