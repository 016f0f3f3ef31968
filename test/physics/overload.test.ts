import { expect } from '@open-wc/testing';
import { retryWaveLoad, autoscaleReplicas, BREAKER_INITIAL, circuitBreakerStep, type BreakerState } from '../../physics/overload.js';
import { batchThroughput, logBatchSeconds } from '../../physics/serving.js';
import { expectPhysicsError } from './_assert.js';

describe('physics/overload: retry waves (v2-12)', () => {
  it('capped retries add one copy of the load per timeout, up to the attempt limit', () => {
    // λ₀ = 1,000/s, T = 2 s, 3 attempts, every attempt fails: waves ⌊t/2⌋ → load 1,000·min(n + 1, 3).
    const loads = [0, 1.9, 2, 4, 10].map((seconds) => retryWaveLoad({ baseLoad: 1000, seconds, timeoutSeconds: 2 }).load);
    expect(loads).to.deep.equal([1000, 1000, 2000, 3000, 3000]);
    // f = 0.5, 3 attempts: 1 + 0.5 + 0.25 = 1.75 → 1,750/s.
    expect(retryWaveLoad({ baseLoad: 1000, seconds: 10, timeoutSeconds: 2, failureProbability: 0.5 }).load).to.be.closeTo(1750, 1e-9);
  });

  it("the MathPeek's geometric λ₀·r^⌊t/T⌋, for comparison", () => {
    // r = 3, t = 6 s, T = 2 s: 3³ = 27 → 27,000/s.
    const g = retryWaveLoad({ baseLoad: 1000, seconds: 6, timeoutSeconds: 2, mode: 'geometric', retryMultiplier: 3 });
    expect(g.waves).to.equal(3);
    expect(g.load).to.equal(27_000);
    expectPhysicsError(() => retryWaveLoad({ baseLoad: 1000, seconds: 6, timeoutSeconds: 2, mode: 'geometric' }), 'retryMultiplier');
    expectPhysicsError(() => retryWaveLoad({ baseLoad: 1000, seconds: 6, timeoutSeconds: 0 }), 'timeoutSeconds');
    expectPhysicsError(() => retryWaveLoad({ baseLoad: 1000, seconds: 6, timeoutSeconds: 2, maxAttempts: 0 }), 'maxAttempts');
  });
});

describe('physics/overload: autoscaler replica count (v1-13 Act II)', () => {
  it('⌈λ/(ρ·c)⌉ replicas; a batch of b counts b requests', () => {
    // 10,000 req/s, 20 req/s per replica (50 ms), target 80 %: 10,000/16 = 625; 624 added to 1; ρ = 0.8.
    const a = autoscaleReplicas({ arrivalRate: 10_000, perReplicaRate: 20, targetUtilization: 0.8, currentReplicas: 1 });
    expect(a).to.deep.equal({ replicas: 625, added: 624, utilization: 0.8 });
    // Target 95 %: ⌈10,000/19⌉ = ⌈526.32⌉ = 527 (526 added), ρ = 10,000/10,540 = 0.94877.
    const b = autoscaleReplicas({ arrivalRate: 10_000, perReplicaRate: 20, targetUtilization: 0.95, currentReplicas: 1 });
    expect(b.replicas).to.equal(527);
    expect(b.utilization).to.be.closeTo(10_000 / 10_540, 1e-12);
    // Batch 32: t(32) = 50 ms × (1 + 0.12 ln 32) = 70.79 ms; the reference's c = 1/t = 14.13/s → 885 replicas;
    // counting the 32 requests per batch, c = 452.0/s → ⌈10,000/(0.8 × 452.0)⌉ = 28.
    const t32 = logBatchSeconds({ batchSize: 32, baseSeconds: 0.05 });
    expect(t32).to.be.closeTo(0.05 * (1 + 0.12 * Math.log(32)), 1e-15);
    expect(autoscaleReplicas({ arrivalRate: 10_000, perReplicaRate: 1 / t32, targetUtilization: 0.8 }).replicas).to.equal(885);
    expect(
      autoscaleReplicas({
        arrivalRate: 10_000,
        perReplicaRate: batchThroughput({ batchSize: 32, batchSeconds: t32 }),
        targetUtilization: 0.8,
      }).replicas,
    ).to.equal(28);
    // Already enough: nothing added; no load still keeps one replica.
    expect(autoscaleReplicas({ arrivalRate: 100, perReplicaRate: 20, targetUtilization: 0.8, currentReplicas: 10 }).added).to.equal(0);
    expect(autoscaleReplicas({ arrivalRate: 0, perReplicaRate: 20, targetUtilization: 0.8 }).replicas).to.equal(1);
    expectPhysicsError(() => autoscaleReplicas({ arrivalRate: 1, perReplicaRate: 1, targetUtilization: 0 }), 'targetUtilization');
    expectPhysicsError(() => autoscaleReplicas({ arrivalRate: 1, perReplicaRate: 0, targetUtilization: 0.5 }), 'perReplicaRate');
  });
});

describe('physics/overload: circuit breaker', () => {
  const opts = { threshold: 3, cooldownSeconds: 30 };

  it('opens after k consecutive failures, rejects during cool-down, probes, closes', () => {
    let s: BreakerState = BREAKER_INITIAL;
    // Two failures and a success reset the count.
    s = circuitBreakerStep(s, { now: 0, outcome: 'failure', ...opts }).state;
    s = circuitBreakerStep(s, { now: 1, outcome: 'failure', ...opts }).state;
    expect(s).to.include({ mode: 'closed', consecutiveFailures: 2 });
    s = circuitBreakerStep(s, { now: 2, outcome: 'success', ...opts }).state;
    expect(s.consecutiveFailures).to.equal(0);
    // Three failures in a row open it at t = 5.
    for (const now of [3, 4, 5]) s = circuitBreakerStep(s, { now, outcome: 'failure', ...opts }).state;
    expect(s).to.include({ mode: 'open', openedAt: 5 });
    // t = 20 (< 5 + 30): rejected, state unchanged.
    const rejected = circuitBreakerStep(s, { now: 20, outcome: 'success', ...opts });
    expect(rejected.allowed).to.equal(false);
    expect(rejected.state).to.equal(s);
    // t = 35: half-open probe fails → open again from 35.
    const failedProbe = circuitBreakerStep(s, { now: 35, outcome: 'failure', ...opts });
    expect(failedProbe).to.include({ allowed: true, probe: true });
    expect(failedProbe.state).to.include({ mode: 'open', openedAt: 35 });
    // t = 65: the probe succeeds → closed.
    const ok = circuitBreakerStep(failedProbe.state, { now: 65, outcome: 'success', ...opts });
    expect(ok.probe).to.equal(true);
    expect(ok.state).to.include({ mode: 'closed', consecutiveFailures: 0 });
    // An explicit half-open state probes immediately.
    expect(
      circuitBreakerStep({ mode: 'half-open', consecutiveFailures: 3, openedAt: 0 }, { now: 1, outcome: 'success', ...opts }).state.mode,
    ).to.equal('closed');
  });

  it('rejects bad input', () => {
    expectPhysicsError(
      () => circuitBreakerStep({ mode: 'ajar' as never, consecutiveFailures: 0, openedAt: null }, { now: 0, outcome: 'success', ...opts }),
      'state.mode',
    );
    expectPhysicsError(() => circuitBreakerStep(BREAKER_INITIAL, { now: 0, outcome: 'maybe' as never, ...opts }), 'outcome');
    expectPhysicsError(
      () => circuitBreakerStep(BREAKER_INITIAL, { now: 0, outcome: 'failure', threshold: 0, cooldownSeconds: 1 }),
      'threshold',
    );
    expectPhysicsError(() => circuitBreakerStep(BREAKER_INITIAL, { now: -1, outcome: 'failure', ...opts }), 'now');
  });
});
