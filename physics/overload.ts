/**
 * Overload dynamics of a service chain (v2-12 "The SLO Composition Trap", Act II): how client
 * retries grow the offered load wave by wave, and the circuit-breaker state machine. The
 * fluid backlog, autoscaling lag and the cascade simulation are in serving.ts
 * ({@link overloadBacklog}, {@link autoscaleLagSeconds}, {@link simulateCascade}); this module adds
 * the replica count a utilization-target autoscaler requests (v1-13 Act II). SI units.
 */
import { PhysicsError, fraction, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';

/**
 * Offered load t seconds into an overload, when clients time out after T and retry:
 * the n = ⌊t/T⌋-th wave carries the new requests plus the retries of the earlier waves.
 * - `capped` (default): every request is tried at most a times and each attempt fails with
 *   probability f: L(t) = λ₀·Σ_{j=0}^{min(n, a−1)} f^j (f = 1: λ₀·min(n + 1, a)). This is what
 *   {@link simulateCascade} does with a timeout.
 * - `geometric`: the v2-12 MathPeek's L(t) = λ₀·r^{⌊t/T⌋}, which holds only if every failed
 *   request spawned r new ones without limit; shown for comparison (v2-12 Critique #2).
 * λ₀ = 1,000/s, T = 2 s, a = 3, f = 1: 1,000 → 2,000 (t ≥ 2 s) → 3,000 (t ≥ 4 s, then flat).
 * @param retryMultiplier r (geometric mode only, ≥ 1)
 */
export function retryWaveLoad({
  baseLoad,
  seconds,
  timeoutSeconds,
  maxAttempts = 3,
  failureProbability = 1,
  retryMultiplier,
  mode = 'capped',
}: {
  baseLoad: number;
  seconds: number;
  timeoutSeconds: number;
  maxAttempts?: number;
  failureProbability?: number;
  retryMultiplier?: number;
  mode?: 'capped' | 'geometric';
}): { waves: number; load: number; amplification: number } {
  const l0 = nonNegative('baseLoad', baseLoad);
  const t = nonNegative('seconds', seconds);
  const T = positive('timeoutSeconds', timeoutSeconds);
  oneOf('mode', mode, ['capped', 'geometric'] as const);
  const waves = Math.floor((t / T) * (1 + 1e-12));
  let amplification: number;
  if (mode === 'geometric') {
    if (retryMultiplier === undefined) throw new PhysicsError('retryMultiplier', retryMultiplier, 'a multiplier ≥ 1 for geometric mode');
    const r = positive('retryMultiplier', retryMultiplier);
    if (r < 1) throw new PhysicsError('retryMultiplier', retryMultiplier, 'a multiplier ≥ 1');
    amplification = Math.pow(r, waves);
  } else {
    const a = integerAtLeast('maxAttempts', maxAttempts, 1);
    const f = fraction('failureProbability', failureProbability);
    const terms = Math.min(waves, a - 1) + 1;
    amplification = f === 1 ? terms : (1 - Math.pow(f, terms)) / (1 - f);
  }
  return { waves, load: l0 * amplification, amplification };
}

/**
 * Replicas a utilization-target autoscaler asks for: n = ⌈λ / (ρ_target·c)⌉ with c the
 * per-replica throughput (for batches of b: b / t(b), {@link batchThroughput}), and the replicas
 * it adds to the current R, max(0, n − R). The scaled utilization is λ / (n·c).
 * Correction (v1-13): the reference counted a batch as one request (c = 1/t(b)), and treated the
 * new replicas as instantly available and as one M/M/1 server of rate n·c; evaluate latency with
 * {@link mmc} and the scale-out lag with {@link overloadBacklog}.
 * v1-13: 10,000 req/s at 20 req/s per replica, target 80 %: ⌈10,000 / 16⌉ = 625 (624 added to 1).
 */
export function autoscaleReplicas({
  arrivalRate,
  perReplicaRate,
  targetUtilization,
  currentReplicas = 0,
}: {
  arrivalRate: number;
  perReplicaRate: number;
  targetUtilization: number;
  currentReplicas?: number;
}): { replicas: number; added: number; utilization: number } {
  const lambda = nonNegative('arrivalRate', arrivalRate);
  const c = positive('perReplicaRate', perReplicaRate);
  const rho = fraction('targetUtilization', targetUtilization);
  if (rho === 0) throw new PhysicsError('targetUtilization', targetUtilization, 'a utilization in (0, 1]');
  const R = integerAtLeast('currentReplicas', currentReplicas, 0);
  const replicas = Math.max(1, Math.ceil((lambda / (rho * c)) * (1 - 1e-12)));
  return { replicas, added: Math.max(0, replicas - R), utilization: lambda / (replicas * c) };
}

export type BreakerMode = 'closed' | 'open' | 'half-open';

/** State of a circuit breaker between requests. */
export interface BreakerState {
  readonly mode: BreakerMode;
  /** Consecutive failures counted while closed. */
  readonly consecutiveFailures: number;
  /** Time the breaker last opened, s (null when it has not). */
  readonly openedAt: number | null;
}

/** A closed breaker with no failures. */
export const BREAKER_INITIAL: BreakerState = Object.freeze({ mode: 'closed', consecutiveFailures: 0, openedAt: null });

/**
 * One transition of a circuit breaker (Nygard 2007, "Release It!", ch. 5; v2-12 MathPeek):
 * CLOSED → OPEN after `threshold` consecutive failures; OPEN rejects calls until `cooldownSeconds`
 * have passed, then HALF-OPEN lets one probe through; the probe's success closes the breaker,
 * its failure re-opens it. `outcome` is the result of the call made at `now` (ignored when the
 * breaker rejects it: `allowed` false). Returns the next state, whether the call was allowed and
 * whether it was the half-open probe.
 */
export function circuitBreakerStep(
  state: BreakerState,
  {
    now,
    outcome,
    threshold,
    cooldownSeconds,
  }: {
    now: number;
    outcome: 'success' | 'failure';
    threshold: number;
    cooldownSeconds: number;
  },
): { state: BreakerState; allowed: boolean; probe: boolean } {
  if (state === null || typeof state !== 'object')
    throw new PhysicsError('state', state, 'a BreakerState { mode, consecutiveFailures, openedAt }');
  const mode = oneOf('state.mode', state.mode, ['closed', 'open', 'half-open'] as const);
  const failures = integerAtLeast('state.consecutiveFailures', state.consecutiveFailures, 0);
  const t = nonNegative('now', now);
  oneOf('outcome', outcome, ['success', 'failure'] as const);
  const k = integerAtLeast('threshold', threshold, 1);
  const cool = nonNegative('cooldownSeconds', cooldownSeconds);
  if (mode === 'open') {
    if (state.openedAt === null || t - nonNegative('state.openedAt', state.openedAt) < cool) return { state, allowed: false, probe: false };
    // Cool-down over: the breaker is half-open and this call is its probe.
    return probe(outcome, t, failures, state.openedAt);
  }
  if (mode === 'half-open') return probe(outcome, t, failures, state.openedAt);
  if (outcome === 'success')
    return { state: { mode: 'closed', consecutiveFailures: 0, openedAt: state.openedAt }, allowed: true, probe: false };
  const n = failures + 1;
  return n >= k
    ? { state: { mode: 'open', consecutiveFailures: n, openedAt: t }, allowed: true, probe: false }
    : { state: { mode: 'closed', consecutiveFailures: n, openedAt: state.openedAt }, allowed: true, probe: false };
}

function probe(
  outcome: 'success' | 'failure',
  t: number,
  failures: number,
  openedAt: number | null,
): { state: BreakerState; allowed: boolean; probe: boolean } {
  return outcome === 'success'
    ? { state: { mode: 'closed', consecutiveFailures: 0, openedAt }, allowed: true, probe: true }
    : { state: { mode: 'open', consecutiveFailures: failures, openedAt: t }, allowed: true, probe: true };
}
