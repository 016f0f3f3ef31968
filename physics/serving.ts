/**
 * Serving physics: queueing (Little, M/M/1, M/M/c, M/G/1, priority classes), tail-latency
 * sampling with a seeded generator, batching, SLO composition across service chains and
 * cascading overload.
 *
 * Units: rates in 1/s (requests, jobs or batches per second), times in s, probabilities and
 * percentiles as fractions in [0, 1] (P99 is `0.99`, not `99`).
 *
 * Saturation policy: a queue with utilization ρ ≥ 1 has no steady state. Functions that
 * describe a queue return `stable: false` and `Infinity` for every mean and percentile
 * instead of throwing, so an instrument can show "unstable" at the edge of a slider range.
 * Invalid arguments (negative rates, p outside [0, 1), zero servers) throw PhysicsError.
 *
 * Corrections to the reference labs (details on each function and in
 * docs/physics/serving-distributed-reliability.md):
 * - v1-13: ρ is never clamped to 0.9999; ρ ≥ 1 is reported as unstable (queue grows by λ − μ per
 *   second, {@link overloadBacklog}) instead of a fake "46,050 ms".
 * - v1-13: replicas are modelled as M/M/c (Erlang C, {@link mmc}) or per-replica M/M/1
 *   ({@link serversForPercentileSlo} `discipline: 'split'`), not one aggregate M/M/1 server, which
 *   gave a 1.84 ms P99 for a 50 ms inference.
 * - v1-13: batching raises throughput: a batch of b served in s(b) delivers b/s(b) req/s
 *   ({@link batchThroughput}); the reference counted a batch as one request.
 * - v1-13: the M/G/1 MathPeek formula is replaced by Pollaczek–Khinchine ({@link mg1}).
 * - v2-08: "wait" means queueing delay W_q = ρS/(1−ρ), separate from the sojourn W = S/(1−ρ)
 *   (both are returned; the reference used the sojourn as the wait, so no policy could meet a
 *   5-minute SLA for 30-minute jobs).
 * - v2-12: the "correlation" blend is stated as what it is, a common-shock mixture
 *   ({@link sloViolationProbability}); the cascade simulator couples services declaratively and
 *   can model retries arriving one timeout apart ({@link simulateCascade}).
 */
import { PhysicsError, finite, fraction, inRange, integerAtLeast, nonNegative, oneOf, positive } from './errors.js';
import type { Rng } from './random.js';

// ---------------------------------------------------------------------------------------------
// Little's law and M/M/1
// ---------------------------------------------------------------------------------------------

/**
 * Little's law (Little 1961, Operations Research 9(3)): mean number in a stable system
 * L = λ·W. Holds for any arrival and service distribution.
 * @param arrivalRate λ, items/s (≥ 0)
 * @param latencySeconds W, mean time an item spends in the system, s (≥ 0)
 * @returns L, mean number of items in the system (dimensionless)
 */
export function littlesLaw({ arrivalRate, latencySeconds }: { arrivalRate: number; latencySeconds: number }): number {
  nonNegative('arrivalRate', arrivalRate);
  nonNegative('latencySeconds', latencySeconds);
  return arrivalRate * latencySeconds;
}

/**
 * −ln(1 − p): the multiple of the mean at which an exponential distribution reaches
 * percentile p (P50 0.693, P95 2.996, P99 4.605, P99.9 6.908). M/M/1 sojourn times are
 * exponential, so P99 = 4.605 × mean response time.
 * @param p percentile as a fraction in [0, 1)
 */
export function exponentialPercentileFactor(p: number): number {
  checkPercentile(p);
  return -Math.log1p(-p);
}

/** Steady-state metrics of a queue with exponential service. Times in s. */
export interface QueueMetrics {
  /** False when ρ ≥ 1: no steady state; means and percentiles are Infinity. */
  readonly stable: boolean;
  /** ρ = λ / (c·μ); reported unclamped (may exceed 1 when unstable). */
  readonly utilization: number;
  readonly servers: number;
  /** Probability an arrival has to queue (Erlang C; ρ for one server; 1 when unstable). */
  readonly probabilityOfWait: number;
  /** W_q, mean time in queue before service starts, s. */
  readonly meanWait: number;
  /** W = W_q + 1/μ, mean time in system (sojourn), s. */
  readonly meanResponse: number;
  /** L_q = λ·W_q, mean number waiting. */
  readonly meanInQueue: number;
  /** L = λ·W, mean number in system. */
  readonly meanInSystem: number;
  /** Percentile p ∈ [0, 1) of the queueing wait, s (0 when fewer than 1 − p of arrivals wait). */
  waitPercentile(p: number): number;
  /** Percentile p ∈ [0, 1) of the time in system (wait + service), s. */
  responsePercentile(p: number): number;
}

/**
 * M/M/1 queue (Kleinrock 1975, "Queueing Systems" vol. 1, §3.2): Poisson arrivals λ, one server
 * with exponential service rate μ.
 * ρ = λ/μ; W = 1/(μ−λ); W_q = ρ/(μ−λ); L = ρ/(1−ρ); L_q = ρ²/(1−ρ);
 * sojourn percentile t_p = −ln(1−p)/(μ−λ); wait percentile t_p = max(0, ln(ρ/(1−p))/(μ−λ)).
 *
 * ρ ≥ 1 returns `stable: false` with Infinity everywhere (no throw). λ = 0 gives W = 1/μ and
 * zero wait.
 * @param arrivalRate λ, 1/s (≥ 0)
 * @param serviceRate μ, 1/s (> 0)
 */
export function mm1({ arrivalRate, serviceRate }: { arrivalRate: number; serviceRate: number }): QueueMetrics {
  return mmc({ arrivalRate, serviceRate, servers: 1 });
}

/**
 * Erlang C (Erlang 1917): probability that an arrival to an M/M/c queue must wait,
 * C(c, a) = [a^c/(c!(1−ρ))] / [Σ_{k<c} a^k/k! + a^c/(c!(1−ρ))], a = λ/μ, ρ = a/c.
 * Computed stably through the Erlang B recursion B_k = a·B_{k−1}/(k + a·B_{k−1}),
 * C = B_c / (1 − ρ(1 − B_c)). Returns 1 when ρ ≥ 1 (every arrival waits, unboundedly).
 * @param arrivalRate λ, 1/s (≥ 0)
 * @param serviceRate μ per server, 1/s (> 0)
 * @param servers c, whole number ≥ 1
 */
export function erlangC({ arrivalRate, serviceRate, servers }: { arrivalRate: number; serviceRate: number; servers: number }): number {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  integerAtLeast('servers', servers, 1);
  return erlangCUnchecked(arrivalRate, serviceRate, servers);
}

function erlangCUnchecked(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) return 1;
  if (a === 0) return 0;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b / (1 - rho * (1 - b));
}

/**
 * M/M/c queue with a shared FIFO queue (Kleinrock 1975, §3.5; Erlang C).
 * ρ = λ/(cμ); W_q = C/(cμ − λ); W = W_q + 1/μ; L_q = λW_q; L = λW.
 * P(W_q > t) = C·e^{−(cμ−λ)t} ⇒ wait percentile t_p = max(0, ln(C/(1−p))/(cμ−λ)).
 * The sojourn percentile solves (1−C)e^{−μt} + C·P(X + S > t) = 1 − p by bisection, with
 * X ~ Exp(cμ−λ) and S ~ Exp(μ) (closed form −ln(1−p)/(μ−λ) when c = 1).
 * ρ ≥ 1 returns `stable: false` with Infinity everywhere.
 * @param arrivalRate λ, 1/s (≥ 0)
 * @param serviceRate μ per server, 1/s (> 0)
 * @param servers c, whole number ≥ 1
 */
export function mmc({ arrivalRate, serviceRate, servers }: { arrivalRate: number; serviceRate: number; servers: number }): QueueMetrics {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  integerAtLeast('servers', servers, 1);
  const lambda = arrivalRate;
  const mu = serviceRate;
  const c = servers;
  const utilization = lambda / (c * mu);
  if (utilization >= 1) {
    return {
      stable: false,
      utilization,
      servers: c,
      probabilityOfWait: 1,
      meanWait: Infinity,
      meanResponse: Infinity,
      meanInQueue: Infinity,
      meanInSystem: Infinity,
      waitPercentile(p: number) {
        checkPercentile(p);
        return Infinity;
      },
      responsePercentile(p: number) {
        checkPercentile(p);
        return Infinity;
      },
    };
  }
  const C = erlangCUnchecked(lambda, mu, c);
  const theta = c * mu - lambda; // decay rate of the conditional wait
  const meanWait = C / theta;
  const meanResponse = meanWait + 1 / mu;
  return {
    stable: true,
    utilization,
    servers: c,
    probabilityOfWait: C,
    meanWait,
    meanResponse,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanResponse,
    waitPercentile(p: number): number {
      checkPercentile(p);
      if (C <= 1 - p) return 0;
      return Math.log(C / (1 - p)) / theta;
    },
    responsePercentile(p: number): number {
      checkPercentile(p);
      if (p === 0) return 0;
      if (c === 1) return -Math.log1p(-p) / theta;
      return solveDecreasing((t) => mmcResponseSurvival(t, mu, theta, C), 1 - p, 1 / Math.min(mu, theta));
    },
  };
}

/** P(sojourn > t) for M/M/c: mixture of pure service and wait + service. */
function mmcResponseSurvival(t: number, mu: number, theta: number, C: number): number {
  const service = Math.exp(-mu * t);
  let hypo: number;
  if (Math.abs(theta - mu) <= 1e-9 * mu) hypo = (1 + mu * t) * Math.exp(-mu * t);
  else hypo = (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - C) * service + C * hypo;
}

/** Smallest t ≥ 0 with f(t) ≤ target for a decreasing survival function f (bisection). */
function solveDecreasing(f: (t: number) => number, target: number, scale: number): number {
  let lo = 0;
  let hi = scale;
  let guard = 0;
  while (f(hi) > target && guard++ < 200) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Queueing-wait percentile of an M/M/c queue (Erlang C tail):
 * t_p = max(0, ln(C/(1−p)) / (cμ − λ)). Infinity when ρ ≥ 1.
 * @param arrivalRate λ, 1/s
 * @param serviceRate μ per server, 1/s
 * @param servers c ≥ 1
 * @param percentile p as a fraction in [0, 1), e.g. 0.99
 * @returns seconds of queueing delay (service time not included)
 */
export function mmcWaitPercentile({
  arrivalRate,
  serviceRate,
  servers,
  percentile,
}: {
  arrivalRate: number;
  serviceRate: number;
  servers: number;
  percentile: number;
}): number {
  return mmc({ arrivalRate, serviceRate, servers }).waitPercentile(percentile);
}

/**
 * Mean queueing wait of an M/M/c queue, W_q = C(c, λ/μ) / (cμ − λ), s. Infinity when ρ ≥ 1.
 */
export function mmcMeanWait({ arrivalRate, serviceRate, servers }: { arrivalRate: number; serviceRate: number; servers: number }): number {
  return mmc({ arrivalRate, serviceRate, servers }).meanWait;
}

/**
 * Service rate an M/M/1 server needs so that percentile p of the response time meets an SLO:
 * −ln(1−p)/(μ − λ) ≤ SLO ⇔ μ ≥ λ + −ln(1−p)/SLO (v1-13 capacity-planning MathPeek).
 * @returns μ in 1/s
 */
export function mm1RequiredServiceRate({
  arrivalRate,
  percentile,
  sloSeconds,
}: {
  arrivalRate: number;
  percentile: number;
  sloSeconds: number;
}): number {
  nonNegative('arrivalRate', arrivalRate);
  checkPercentile(percentile);
  positive('sloSeconds', sloSeconds);
  return arrivalRate + -Math.log1p(-percentile) / sloSeconds;
}

/** How replicas share traffic in {@link serversForPercentileSlo}. */
export type ReplicaDiscipline = 'shared' | 'split';

/**
 * Fewest servers (replicas) whose percentile latency meets an SLO.
 * - `discipline: 'shared'` (default): one queue feeding c servers, M/M/c (Erlang C).
 * - `discipline: 'split'`: a load balancer splits traffic evenly, each replica an M/M/1 with λ/c.
 * `metric: 'response'` (default) counts wait + service; `'wait'` counts queueing only.
 * Returns `servers: Infinity` when no number of servers can meet the SLO (the service time
 * alone exceeds it: −ln(1−p)/μ ≥ SLO for the response metric).
 * Monotone search: doubling then bisection over c.
 */
export function serversForPercentileSlo({
  arrivalRate,
  serviceRate,
  percentile,
  sloSeconds,
  metric = 'response',
  discipline = 'shared',
}: {
  arrivalRate: number;
  serviceRate: number;
  percentile: number;
  sloSeconds: number;
  metric?: 'response' | 'wait';
  discipline?: ReplicaDiscipline;
}): { servers: number; percentileSeconds: number; utilization: number } {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  checkPercentile(percentile);
  nonNegative('sloSeconds', sloSeconds);
  oneOf('metric', metric, ['response', 'wait'] as const);
  oneOf('discipline', discipline, ['shared', 'split'] as const);
  const floor = -Math.log1p(-percentile) / serviceRate;
  if (metric === 'response' && sloSeconds < floor) {
    return { servers: Infinity, percentileSeconds: floor, utilization: 0 };
  }
  const latency = (c: number): number => {
    const q =
      discipline === 'shared'
        ? mmc({ arrivalRate, serviceRate, servers: c })
        : mmc({ arrivalRate: arrivalRate / c, serviceRate, servers: 1 });
    return metric === 'response' ? q.responsePercentile(percentile) : q.waitPercentile(percentile);
  };
  let lo = Math.max(1, Math.floor(arrivalRate / serviceRate)); // lo may fail
  if (latency(lo) <= sloSeconds) {
    return { servers: lo, percentileSeconds: latency(lo), utilization: arrivalRate / (lo * serviceRate) };
  }
  let hi = lo * 2;
  while (latency(hi) > sloSeconds) {
    lo = hi;
    hi *= 2;
    if (hi > 1e7) return { servers: Infinity, percentileSeconds: latency(lo), utilization: arrivalRate / (lo * serviceRate) };
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (latency(mid) <= sloSeconds) hi = mid;
    else lo = mid;
  }
  return { servers: hi, percentileSeconds: latency(hi), utilization: arrivalRate / (hi * serviceRate) };
}

// ---------------------------------------------------------------------------------------------
// General service times and priority classes
// ---------------------------------------------------------------------------------------------

/** Mean-value metrics of a single-server queue with general service times. Times in s. */
export interface MeanQueueMetrics {
  readonly stable: boolean;
  readonly utilization: number;
  readonly meanWait: number;
  readonly meanResponse: number;
  readonly meanInQueue: number;
  readonly meanInSystem: number;
}

/**
 * M/G/1 mean values by the Pollaczek–Khinchine formula (Pollaczek 1930, Khinchine 1932):
 * W_q = ρ·S·(1 + C_s²) / (2(1 − ρ)), W = W_q + S, ρ = λS.
 * C_s = 0 is M/D/1 (half the M/M/1 wait); C_s = 1 is M/M/1.
 * Corrects v1-13's MathPeek, which wrote ρ²(1+C_s²)/(2(1−ρ)) + 1/μ.
 * @param arrivalRate λ, 1/s
 * @param meanServiceSeconds S = E[service], s (> 0)
 * @param serviceCv C_s, coefficient of variation of the service time (≥ 0)
 */
export function mg1({
  arrivalRate,
  meanServiceSeconds,
  serviceCv,
}: {
  arrivalRate: number;
  meanServiceSeconds: number;
  serviceCv: number;
}): MeanQueueMetrics {
  nonNegative('arrivalRate', arrivalRate);
  positive('meanServiceSeconds', meanServiceSeconds);
  nonNegative('serviceCv', serviceCv);
  const rho = arrivalRate * meanServiceSeconds;
  if (rho >= 1) {
    return { stable: false, utilization: rho, meanWait: Infinity, meanResponse: Infinity, meanInQueue: Infinity, meanInSystem: Infinity };
  }
  const meanWait = (rho * meanServiceSeconds * (1 + serviceCv * serviceCv)) / (2 * (1 - rho));
  const meanResponse = meanWait + meanServiceSeconds;
  return {
    stable: true,
    utilization: rho,
    meanWait,
    meanResponse,
    meanInQueue: arrivalRate * meanWait,
    meanInSystem: arrivalRate * meanResponse,
  };
}

/** One class of a priority queue. */
export interface PriorityClass {
  /** λ_k, 1/s. */
  readonly arrivalRate: number;
  /** S_k, s. */
  readonly meanServiceSeconds: number;
  /** C_s of the class's service time (default 1, exponential). */
  readonly serviceCv?: number;
}

/**
 * Non-preemptive priority M/G/1 (Cobham 1954, "Priority assignment in waiting line problems",
 * JORSA 2(1)); class 0 is served first.
 * W_0 = Σ_i λ_i E[S_i²]/2 (mean residual work found by an arrival, including the residual of a
 * long low-priority job already in service — head-of-line blocking),
 * σ_k = Σ_{i≤k} ρ_i, W_{q,k} = W_0 / ((1 − σ_{k−1})(1 − σ_k)).
 * Classes with σ_k ≥ 1 get Infinity (they starve); higher classes still have finite waits.
 */
export function priorityQueueWaits({ classes }: { classes: readonly PriorityClass[] }): {
  stable: boolean;
  utilization: number;
  classes: { utilization: number; meanWait: number; meanResponse: number }[];
} {
  if (!Array.isArray(classes) || classes.length === 0) throw new PhysicsError('classes', classes, 'a non-empty array of priority classes');
  let w0 = 0;
  const rhos = classes.map((k, i) => {
    nonNegative(`classes[${i}].arrivalRate`, k.arrivalRate);
    positive(`classes[${i}].meanServiceSeconds`, k.meanServiceSeconds);
    const cv = k.serviceCv ?? 1;
    nonNegative(`classes[${i}].serviceCv`, cv);
    w0 += (k.arrivalRate * k.meanServiceSeconds * k.meanServiceSeconds * (1 + cv * cv)) / 2;
    return k.arrivalRate * k.meanServiceSeconds;
  });
  let sigmaPrev = 0;
  const out = classes.map((k, i) => {
    const sigma = sigmaPrev + rhos[i]!;
    const wait = sigma >= 1 ? Infinity : w0 / ((1 - sigmaPrev) * (1 - sigma));
    sigmaPrev = sigma;
    return { utilization: rhos[i]!, meanWait: wait, meanResponse: wait + k.meanServiceSeconds };
  });
  return { stable: sigmaPrev < 1, utilization: sigmaPrev, classes: out };
}

/**
 * Probability that a gang of n GPUs is all free at once when each is free independently with
 * probability p: p^n (v2-08 MathPeek; p = 0.2: n = 4 → 0.0016, n = 64 → 1.8e-45).
 */
export function gangSchedulingProbability({ freeProbability, gpus }: { freeProbability: number; gpus: number }): number {
  fraction('freeProbability', freeProbability);
  integerAtLeast('gpus', gpus, 0);
  return Math.pow(freeProbability, gpus);
}

/**
 * Classic Slurm fair-share factor F = 2^(−U/S) (Slurm "Classic Fairshare Algorithm"): U is the
 * account's decayed normalized usage, S its normalized share. F = 1 for an idle account,
 * 0.5 when usage equals share, → 0 as usage grows.
 */
export function fairShareFactor({ usage, share }: { usage: number; share: number }): number {
  nonNegative('usage', usage);
  positive('share', share);
  return Math.pow(2, -usage / share);
}

// ---------------------------------------------------------------------------------------------
// Sampling, percentiles and histograms
// ---------------------------------------------------------------------------------------------

/** A latency distribution that {@link sampleLatencies} can draw from. Parameters in s (or 1/s). */
export type LatencyModel =
  | { readonly kind: 'constant'; readonly seconds: number }
  | { readonly kind: 'exponential'; readonly meanSeconds: number }
  | { readonly kind: 'lognormal'; readonly mu: number; readonly sigma: number }
  /** M/M/1 response time (wait + service); must be stable. */
  | { readonly kind: 'mm1'; readonly arrivalRate: number; readonly serviceRate: number }
  /** M/M/c response time (wait + service); must be stable. */
  | { readonly kind: 'mmc'; readonly arrivalRate: number; readonly serviceRate: number; readonly servers: number }
  /** Services called one after another: latencies add. */
  | { readonly kind: 'chain'; readonly stages: readonly LatencyModel[] }
  /** Parallel fan-out: the request waits for the slowest of the stages. */
  | { readonly kind: 'fanout'; readonly stages: readonly LatencyModel[] };

type Sampler = () => number;

function compileModel(model: LatencyModel, rng: Rng, path: string): Sampler {
  if (model === null || typeof model !== 'object') throw new PhysicsError(path, model, 'a latency model object');
  switch (model.kind) {
    case 'constant': {
      const s = nonNegative(`${path}.seconds`, model.seconds);
      return () => s;
    }
    case 'exponential': {
      const rate = 1 / positive(`${path}.meanSeconds`, model.meanSeconds);
      return () => rng.exponential(rate);
    }
    case 'lognormal': {
      finite(`${path}.mu`, model.mu);
      nonNegative(`${path}.sigma`, model.sigma);
      return () => rng.lognormal(model.mu, model.sigma);
    }
    case 'mm1':
    case 'mmc': {
      const servers = model.kind === 'mm1' ? 1 : model.servers;
      const q = mmc({ arrivalRate: model.arrivalRate, serviceRate: model.serviceRate, servers });
      if (!q.stable)
        throw new PhysicsError(
          `${path}.arrivalRate`,
          model.arrivalRate,
          `a rate below servers × serviceRate (${servers * model.serviceRate}) so the queue is stable`,
        );
      const theta = servers * model.serviceRate - model.arrivalRate;
      const C = q.probabilityOfWait;
      return () => {
        const wait = rng.next() < C ? rng.exponential(theta) : 0;
        return wait + rng.exponential(model.serviceRate);
      };
    }
    case 'chain':
    case 'fanout': {
      if (!Array.isArray(model.stages) || model.stages.length === 0)
        throw new PhysicsError(`${path}.stages`, model.stages, 'a non-empty array of latency models');
      const parts = model.stages.map((s, i) => compileModel(s, rng, `${path}.stages[${i}]`));
      if (model.kind === 'chain')
        return () => {
          let t = 0;
          for (const p of parts) t += p();
          return t;
        };
      return () => {
        let t = 0;
        for (const p of parts) t = Math.max(t, p());
        return t;
      };
    }
    default:
      throw new PhysicsError(
        `${path}.kind`,
        (model as { kind?: unknown }).kind,
        'one of "constant", "exponential", "lognormal", "mm1", "mmc", "chain", "fanout"',
      );
  }
}

/**
 * Draws n latencies (s) from a model with a seeded generator. Same rng seed ⇒ same samples.
 * M/M/c response: wait ~ Exp(cμ−λ) with probability C (Erlang C), else 0; plus service Exp(μ).
 * Chains add stage latencies (serial calls); fan-outs take the slowest stage (Dean & Barroso 2013,
 * "The tail at scale", CACM 56(2)).
 * @param rng a generator from createRng
 * @param n number of samples, whole number ≥ 1
 */
export function sampleLatencies({ rng, n, model }: { rng: Rng; n: number; model: LatencyModel }): number[] {
  if (!rng || typeof rng.next !== 'function') throw new PhysicsError('rng', rng, 'a generator from createRng(seed)');
  integerAtLeast('n', n, 1);
  const draw = compileModel(model, rng, 'model');
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

function checkValues(name: string, values: readonly number[]): void {
  if (!Array.isArray(values) || values.length === 0) throw new PhysicsError(name, values, 'a non-empty array of finite numbers');
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new PhysicsError(`${name}[${i}]`, v, 'a finite number');
  }
}

/**
 * Empirical percentile with linear interpolation between order statistics (Hyndman & Fan 1996
 * definition 7, the default of NumPy and R): h = (n−1)p, x_⌊h⌋ + (h−⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
 * @param values non-empty array of finite numbers (not modified)
 * @param p fraction in [0, 1] (0.99 for P99)
 */
export function percentile(values: readonly number[], p: number): number {
  checkValues('values', values);
  fraction('p', p);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Result of {@link histogram}. */
export interface Histogram {
  /** bins + 1 bin edges, ascending. */
  readonly edges: number[];
  /** Counts per bin; bin i is [edges[i], edges[i+1]), the last bin also includes its upper edge. */
  readonly counts: number[];
  /** Probability mass per bin, counts / total number of values (including out-of-range ones). */
  readonly fractions: number[];
  /** Values below edges[0] / above the last edge (not binned). */
  readonly below: number;
  readonly above: number;
}

/**
 * Equal-width histogram. Default range is [min, max] of the values; a single repeated value
 * gets the range [v − 0.5, v + 0.5].
 * @param values non-empty array of finite numbers
 * @param bins whole number ≥ 1
 * @param range optional { min, max } with max > min
 */
export function histogram(values: readonly number[], bins: number, range?: { min: number; max: number }): Histogram {
  checkValues('values', values);
  integerAtLeast('bins', bins, 1);
  let lo: number;
  let hi: number;
  if (range) {
    lo = finite('range.min', range.min);
    hi = finite('range.max', range.max);
    if (hi <= lo) throw new PhysicsError('range.max', hi, `a number greater than range.min (${lo})`);
  } else {
    lo = Math.min(...values);
    hi = Math.max(...values);
    if (hi === lo) {
      lo -= 0.5;
      hi += 0.5;
    }
  }
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (const v of values) {
    if (v < lo) below++;
    else if (v > hi) above++;
    else counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  }
  const n = values.length;
  return { edges, counts, fractions: counts.map((c) => c / n), below, above };
}

/**
 * Analytic probability mass of an exponential distribution in each bin:
 * P(a ≤ X < b) = e^{−a/m} − e^{−b/m}. Deterministic alternative to sampling for a histogram.
 * @param meanSeconds m > 0
 * @param edges ascending bin edges (≥ 2 values, first ≥ 0)
 */
export function exponentialBinProbabilities({ meanSeconds, edges }: { meanSeconds: number; edges: readonly number[] }): number[] {
  positive('meanSeconds', meanSeconds);
  if (!Array.isArray(edges) || edges.length < 2) throw new PhysicsError('edges', edges, 'an array of at least 2 ascending bin edges');
  edges.forEach((e, i) => {
    nonNegative(`edges[${i}]`, e);
    if (i > 0 && e <= edges[i - 1]!) throw new PhysicsError(`edges[${i}]`, e, `a value greater than edges[${i - 1}] (${edges[i - 1]})`);
  });
  const out: number[] = [];
  for (let i = 0; i + 1 < edges.length; i++) out.push(Math.exp(-edges[i]! / meanSeconds) - Math.exp(-edges[i + 1]! / meanSeconds));
  return out;
}

/**
 * Inverse standard-normal CDF z = Φ⁻¹(p) (Acklam's rational approximation, relative error
 * < 1.2e-9). Φ⁻¹(0.5) = 0, Φ⁻¹(0.99) = 2.3263, Φ⁻¹(0.975) = 1.9600.
 * @param p fraction in (0, 1)
 */
export function normalQuantile(p: number): number {
  inRange('p', p, 0, 1, { loOpen: true, hiOpen: true });
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - pLow) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Log-normal parameters from a median and one upper percentile:
 * μ = ln(median), σ = ln(x_p / median) / Φ⁻¹(p). Useful to give each service of a chain a
 * realistic skewed latency (v2-12 Critique #6: compose P99s by sampling, not by adding them).
 * @param medianSeconds > 0
 * @param percentileSeconds x_p ≥ median
 * @param percentile p in (0.5, 1), e.g. 0.99
 */
export function lognormalParams({
  medianSeconds,
  percentileSeconds,
  percentile: p,
}: {
  medianSeconds: number;
  percentileSeconds: number;
  percentile: number;
}): { mu: number; sigma: number } {
  positive('medianSeconds', medianSeconds);
  positive('percentileSeconds', percentileSeconds);
  inRange('percentile', p, 0.5, 1, { loOpen: true, hiOpen: true });
  if (percentileSeconds < medianSeconds)
    throw new PhysicsError('percentileSeconds', percentileSeconds, `a value of at least medianSeconds (${medianSeconds})`);
  return { mu: Math.log(medianSeconds), sigma: Math.log(percentileSeconds / medianSeconds) / normalQuantile(p) };
}

/**
 * Percentile of a log-normal distribution: x_p = exp(μ + σ·Φ⁻¹(p)), s.
 * @param p fraction in (0, 1)
 */
export function lognormalPercentile({ mu, sigma, percentile: p }: { mu: number; sigma: number; percentile: number }): number {
  finite('mu', mu);
  nonNegative('sigma', sigma);
  return Math.exp(mu + sigma * normalQuantile(p));
}

// ---------------------------------------------------------------------------------------------
// Batching
// ---------------------------------------------------------------------------------------------

/**
 * Affine batch service time s(b) = s₀ + b·s₁: a fixed per-launch cost (weights read once,
 * kernel launches) plus a per-request cost. Used for static batching and decode iterations.
 * @returns seconds per batch
 */
export function affineBatchSeconds({
  batchSize,
  fixedSeconds,
  perItemSeconds,
}: {
  batchSize: number;
  fixedSeconds: number;
  perItemSeconds: number;
}): number {
  integerAtLeast('batchSize', batchSize, 1);
  nonNegative('fixedSeconds', fixedSeconds);
  nonNegative('perItemSeconds', perItemSeconds);
  if (fixedSeconds + perItemSeconds === 0) throw new PhysicsError('fixedSeconds', fixedSeconds, 'a value > 0 when perItemSeconds is 0');
  return fixedSeconds + batchSize * perItemSeconds;
}

/**
 * Logarithmic batch service time s(b) = s₁·(1 + k·ln b) (v1-13: s₁ = 50 ms, k = 0.12,
 * "HBM-bound transformer inference"): a batch of 32 takes 70.79 ms instead of 32 × 50 ms.
 * @returns seconds per batch
 */
export function logBatchSeconds({
  batchSize,
  baseSeconds,
  coefficient = 0.12,
}: {
  batchSize: number;
  baseSeconds: number;
  coefficient?: number;
}): number {
  integerAtLeast('batchSize', batchSize, 1);
  positive('baseSeconds', baseSeconds);
  nonNegative('coefficient', coefficient);
  return baseSeconds * (1 + coefficient * Math.log(batchSize));
}

/**
 * Throughput of a server that runs batches of b requests, each batch taking s(b) seconds:
 * X = b / s(b) requests/s. Corrects v1-13, which used 1/s(b) (a batch counted as one request,
 * so batching could only lower capacity).
 */
export function batchThroughput({ batchSize, batchSeconds }: { batchSize: number; batchSeconds: number }): number {
  integerAtLeast('batchSize', batchSize, 1);
  positive('batchSeconds', batchSeconds);
  return batchSize / batchSeconds;
}

/**
 * Static (fixed-size) batching of Poisson arrivals at rate λ, batch size b, batch service
 * time s(b) (deterministic):
 * - fill wait (mean, per request) = (b − 1)/(2λ): the k-th arrival of a batch waits for b − k more;
 * - batches arrive every b/λ s with squared coefficient of variation 1/b (Erlang-b gaps); the
 *   batch queue wait uses Kingman's G/G/1 approximation (Kingman 1961):
 *   W_q ≈ ρ/(1−ρ) · (c_a² + c_s²)/2 · s(b) = ρ/(1−ρ) · s(b)/(2b), ρ = λ·s(b)/b;
 * - mean latency = fill wait + W_q + s(b); capacity = b/s(b).
 * λ = 0 with b > 1: the batch never fills (fill wait Infinity; a real server needs a timeout).
 * ρ ≥ 1: `stable: false`, queue wait and latency Infinity.
 */
export function staticBatching({
  arrivalRate,
  batchSize,
  batchSeconds,
}: {
  arrivalRate: number;
  batchSize: number;
  batchSeconds: number;
}): {
  stable: boolean;
  utilization: number;
  capacity: number;
  fillWaitSeconds: number;
  queueWaitSeconds: number;
  meanLatencySeconds: number;
} {
  nonNegative('arrivalRate', arrivalRate);
  integerAtLeast('batchSize', batchSize, 1);
  positive('batchSeconds', batchSeconds);
  const b = batchSize;
  const capacity = b / batchSeconds;
  const utilization = arrivalRate / capacity;
  const fillWaitSeconds = b === 1 ? 0 : arrivalRate === 0 ? Infinity : (b - 1) / (2 * arrivalRate);
  if (utilization >= 1) {
    return { stable: false, utilization, capacity, fillWaitSeconds, queueWaitSeconds: Infinity, meanLatencySeconds: Infinity };
  }
  const queueWaitSeconds = (utilization / (1 - utilization)) * (batchSeconds / (2 * b));
  return {
    stable: true,
    utilization,
    capacity,
    fillWaitSeconds,
    queueWaitSeconds,
    meanLatencySeconds: fillWaitSeconds + queueWaitSeconds + batchSeconds,
  };
}

/**
 * Token generation with a fixed number of batch slots, static versus continuous batching
 * (iteration-level scheduling: Yu et al. 2022 "Orca", OSDI; Kwon et al. 2023 "vLLM", SOSP).
 * All requests are queued at time 0 in the given order; every iteration each active request
 * emits one token.
 * - `static`: the next `slots` requests start together and the batch runs until its longest
 *   request finishes (short requests leave their slot idle);
 * - `continuous`: a slot freed at the end of an iteration is refilled at the next iteration.
 * Slot utilization = Σ tokens / (iterations × slots).
 * @param outputTokens tokens each request generates (whole numbers ≥ 1)
 * @param slots concurrent requests per iteration, ≥ 1
 * @param iterationSeconds optional time per decode iteration, to report seconds
 */
export function simulateGenerationBatching({
  outputTokens,
  slots,
  mode,
  iterationSeconds,
}: {
  outputTokens: readonly number[];
  slots: number;
  mode: 'static' | 'continuous';
  iterationSeconds?: number;
}): {
  iterations: number;
  slotUtilization: number;
  meanCompletionIterations: number;
  completionIterations: number[];
  tokensPerIteration: number;
  makespanSeconds?: number;
  tokensPerSecond?: number;
} {
  if (!Array.isArray(outputTokens) || outputTokens.length === 0)
    throw new PhysicsError('outputTokens', outputTokens, 'a non-empty array of whole numbers ≥ 1');
  outputTokens.forEach((t, i) => integerAtLeast(`outputTokens[${i}]`, t, 1));
  integerAtLeast('slots', slots, 1);
  oneOf('mode', mode, ['static', 'continuous'] as const);
  if (iterationSeconds !== undefined) positive('iterationSeconds', iterationSeconds);
  const n = outputTokens.length;
  const completion = new Array<number>(n).fill(0);
  let iterations = 0;
  if (mode === 'static') {
    for (let start = 0; start < n; start += slots) {
      const batch = outputTokens.slice(start, start + slots);
      for (let j = 0; j < batch.length; j++) completion[start + j] = iterations + batch[j]!;
      iterations += Math.max(...batch);
    }
  } else {
    const remaining: number[] = [];
    const ids: number[] = [];
    let next = 0;
    while (next < n || remaining.length > 0) {
      while (remaining.length < slots && next < n) {
        remaining.push(outputTokens[next]!);
        ids.push(next);
        next++;
      }
      iterations++;
      for (let j = remaining.length - 1; j >= 0; j--) {
        remaining[j]! -= 1;
        if (remaining[j] === 0) {
          completion[ids[j]!] = iterations;
          remaining.splice(j, 1);
          ids.splice(j, 1);
        }
      }
    }
  }
  const tokens = outputTokens.reduce((s, t) => s + t, 0);
  const result = {
    iterations,
    slotUtilization: tokens / (iterations * slots),
    meanCompletionIterations: completion.reduce((s, c) => s + c, 0) / n,
    completionIterations: completion,
    tokensPerIteration: tokens / iterations,
  };
  if (iterationSeconds === undefined) return result;
  return { ...result, makespanSeconds: iterations * iterationSeconds, tokensPerSecond: tokens / (iterations * iterationSeconds) };
}

// ---------------------------------------------------------------------------------------------
// SLO composition across a chain of services
// ---------------------------------------------------------------------------------------------

function checkProbabilities(name: string, ps: readonly number[]): void {
  if (!Array.isArray(ps) || ps.length === 0) throw new PhysicsError(name, ps, 'a non-empty array of probabilities in [0, 1]');
  ps.forEach((p, i) => fraction(`${name}[${i}]`, p));
}

/**
 * Mean latency of services called one after another: E[Σ T_i] = Σ E[T_i] (linearity of
 * expectation; holds for any dependence). Percentiles do NOT add: use {@link sampleLatencies}
 * with a `chain` model for the P99 of the sum.
 * @param means mean latency of each service, s
 */
export function serialMeanLatency(means: readonly number[]): number {
  if (!Array.isArray(means) || means.length === 0) throw new PhysicsError('means', means, 'a non-empty array of latencies in seconds');
  return means.reduce((s, m, i) => s + nonNegative(`means[${i}]`, m), 0);
}

/**
 * Probability that every one of several independent events happens: Π p_i
 * (e.g. every service of a chain meets its SLO).
 */
export function allMeetProbability(probabilities: readonly number[]): number {
  checkProbabilities('probabilities', probabilities);
  return probabilities.reduce((s, p) => s * p, 1);
}

/**
 * End-to-end SLO violation probability of a request that crosses N services, service i
 * violating with probability p_i.
 * Independent: P_ind = 1 − Π(1 − p_i) (five services at 1 % → 4.90 %).
 * With `correlation` w ∈ [0, 1], a common-shock mixture: with probability w the services fail
 * together (fully dependent: P = max p_i), otherwise independently:
 * P = (1 − w)·P_ind + w·max p_i.
 * This is the v2-12 reference's "(1−ρ)P_ind + ρp"; w is a mixing weight, not a Pearson
 * correlation coefficient (v2-12 Critique #7).
 */
export function sloViolationProbability({
  violationProbabilities,
  correlation = 0,
}: {
  violationProbabilities: readonly number[];
  correlation?: number;
}): number {
  checkProbabilities('violationProbabilities', violationProbabilities);
  fraction('correlation', correlation);
  const independent = 1 - violationProbabilities.reduce((s, p) => s * (1 - p), 1);
  return (1 - correlation) * independent + correlation * Math.max(...violationProbabilities);
}

/**
 * Per-service violation budget so that N independent services together violate at most the
 * end-to-end target: b = 1 − (1 − target)^{1/N} (N = 5, 1 % → 0.2008 %).
 */
export function perServiceViolationBudget({ target, services }: { target: number; services: number }): number {
  fraction('target', target);
  integerAtLeast('services', services, 1);
  return 1 - Math.pow(1 - target, 1 / services);
}

/**
 * Error-budget allocation with weights: b_i = 1 − (1 − target)^{w_i / Σw}, so that
 * Π(1 − b_i) = 1 − target exactly. Give high-variance services a larger weight.
 * Equal weights reduce to {@link perServiceViolationBudget}.
 */
export function allocateErrorBudget({ target, weights }: { target: number; weights: readonly number[] }): number[] {
  fraction('target', target);
  if (!Array.isArray(weights) || weights.length === 0) throw new PhysicsError('weights', weights, 'a non-empty array of weights > 0');
  const total = weights.reduce((s, w, i) => s + positive(`weights[${i}]`, w), 0);
  return weights.map((w) => 1 - Math.pow(1 - target, w / total));
}

// ---------------------------------------------------------------------------------------------
// Overload, retries, failover
// ---------------------------------------------------------------------------------------------

/**
 * Load amplification from client retries: a request tried up to r times, each attempt failing
 * with probability f, makes on average Σ_{k<r} f^k = (1 − f^r)/(1 − f) attempts (r when f = 1).
 * Offered load = λ × amplification.
 * @param failureProbability f ∈ [0, 1]
 * @param maxAttempts r, whole number ≥ 1 (first try + retries)
 */
export function retryAmplification({ failureProbability, maxAttempts }: { failureProbability: number; maxAttempts: number }): number {
  fraction('failureProbability', failureProbability);
  integerAtLeast('maxAttempts', maxAttempts, 1);
  const f = failureProbability;
  if (f === 1) return maxAttempts;
  return (1 - Math.pow(f, maxAttempts)) / (1 - f);
}

/**
 * Utilization of the survivors when k of n equal replicas fail and their traffic moves to the
 * rest: ρ' = ρ·n/(n − k). Infinity when every replica has failed. ρ' ≥ 1 means overload.
 */
export function utilizationAfterFailover({
  utilization,
  replicas,
  failed,
}: {
  utilization: number;
  replicas: number;
  failed: number;
}): number {
  nonNegative('utilization', utilization);
  integerAtLeast('replicas', replicas, 1);
  integerAtLeast('failed', failed, 0);
  if (failed > replicas) throw new PhysicsError('failed', failed, `a whole number from 0 to replicas (${replicas})`);
  if (failed === replicas) return Infinity;
  return (utilization * replicas) / (replicas - failed);
}

/**
 * Fluid backlog of an overloaded queue, Q(t) = max(0, Q₀ + (λ − μ)t) (v2-12 MathPeek
 * Q(t+1) = Q(t) + λ − μ). A request arriving at t waits about Q(t)/μ before service.
 * v1-13: during a 30–120 s scale-out lag at 10,000 req/s against 1,000 req/s the queue grows by
 * 9,000 requests per second; that, not a clamped ρ = 0.9999, is the honest "P99".
 * @param arrivalRate λ, 1/s; @param serviceRate μ (total capacity), 1/s; @param seconds t ≥ 0
 */
export function overloadBacklog({
  arrivalRate,
  serviceRate,
  seconds,
  initialBacklog = 0,
}: {
  arrivalRate: number;
  serviceRate: number;
  seconds: number;
  initialBacklog?: number;
}): { backlog: number; growthPerSecond: number; waitSeconds: number } {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  nonNegative('seconds', seconds);
  nonNegative('initialBacklog', initialBacklog);
  const backlog = Math.max(0, initialBacklog + (arrivalRate - serviceRate) * seconds);
  return { backlog, growthPerSecond: arrivalRate - serviceRate, waitSeconds: backlog / serviceRate };
}

/**
 * Time to drain a backlog once capacity exceeds demand: Q / (μ − λ), s. Infinity when μ ≤ λ.
 */
export function backlogDrainSeconds({
  backlog,
  arrivalRate,
  serviceRate,
}: {
  backlog: number;
  arrivalRate: number;
  serviceRate: number;
}): number {
  nonNegative('backlog', backlog);
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  if (backlog === 0) return 0;
  if (serviceRate <= arrivalRate) return Infinity;
  return backlog / (serviceRate - arrivalRate);
}

/**
 * Reaction time of a metrics-driven autoscaler: T = T_detect + T_schedule + T_start
 * (v2-12: 25 s detection with a 15 s HPA poll, ≈ 0 scheduling, 5 s warm pod start ≈ 30 s,
 * 300× a 100 ms circuit breaker).
 */
export function autoscaleLagSeconds({
  detectSeconds,
  scheduleSeconds = 0,
  startSeconds,
}: {
  detectSeconds: number;
  scheduleSeconds?: number;
  startSeconds: number;
}): number {
  return (
    nonNegative('detectSeconds', detectSeconds) +
    nonNegative('scheduleSeconds', scheduleSeconds) +
    nonNegative('startSeconds', startSeconds)
  );
}

/** One service of a {@link simulateCascade} graph. */
export interface CascadeService {
  readonly name: string;
  /** Utilization with normal traffic (fraction of capacity). */
  readonly baseline: number;
  /** Indices of services this one calls: when one of them runs hot, retries pile up here. */
  readonly dependsOn?: readonly number[];
}

/**
 * The five-service critical path of v2-12 (API gateway, auth, feature store, ML inference,
 * formatter) with the reference's baselines. Gateway, auth and feature store call inference;
 * the formatter is uncoupled (so at most 4 of 5 can overload, v2-12 Critique #1).
 */
export const CASCADE_REFERENCE_SERVICES: readonly CascadeService[] = Object.freeze(
  [
    { name: 'API Gateway', baseline: 0.4, dependsOn: [3] },
    { name: 'Auth', baseline: 0.35, dependsOn: [3] },
    { name: 'Feature Store', baseline: 0.55, dependsOn: [3] },
    { name: 'ML Inference', baseline: 0.8 },
    { name: 'Formatter', baseline: 0.25 },
  ].map((s) => Object.freeze(s)),
);

/** Options of {@link simulateCascade}; defaults reproduce the v2-12 reference simulator. */
export interface CascadeOptions {
  services?: readonly CascadeService[];
  /** Index of the service whose offered load jumps, and its load as a fraction of capacity. */
  overloadedIndex?: number;
  overloadLoad: number;
  /** Client retry multiplier r (≥ 1). */
  retryMultiplier: number;
  /**
   * Client timeout, s. 0 (default, reference behaviour): a hot service immediately sees r× load.
   * > 0: retries arrive in waves, one per timeout: amplification min(r, 1 + ⌊t_hot/T⌋)
   * (v2-12 Critique #2).
   */
  timeoutSeconds?: number;
  circuitBreaker?: { enabled: boolean; threshold?: number; resetBelow?: number; shedFraction?: number };
  bulkheads?: boolean;
  autoscaler?: { enabled: boolean; startSeconds?: number; ratePerSecond?: number; maxReduction?: number };
  hotThreshold?: number;
  couplingCoefficient?: number;
  couplingGain?: number;
  minUtilization?: number;
  maxUtilization?: number;
  stepSeconds?: number;
  horizonSeconds?: number;
}

/**
 * Deterministic time-stepped cascade of utilizations in a service graph (v2-12 Act II).
 * Per step s (t = s·dt), every service i reads the previous step:
 * 1. base = overloadLoad for the overloaded service, else its baseline;
 * 2. amplification = r if the service was hot (> 0.95) and its breaker closed (see timeout);
 * 3. coupling: for each callee j that was hot, + (r − 1)·0.3·(u_j − 0.95)·2 (0 with bulkheads);
 * 4. autoscaler: − min(0.3, 0.01·(t − 30)) for t > 30 s on services whose base > 1;
 * 5. breaker: counter +1 when hot else −1 (≥ 0); opens at the threshold; closes (counter 0)
 *    when u < 0.7; an open breaker sheds 0.8·(base − 1);
 * 6. u = clamp(base·amp + coupling − autoscale − shed, 0.05, 2.0).
 * The summary counts services above 1.0 at the end: `contained` ⇔ overloaded ≤ 2,
 * `fullOutage` ⇔ every service overloaded.
 */
export function simulateCascade(options: CascadeOptions): {
  times: number[];
  utilization: number[][];
  final: number[];
  overloaded: number;
  contained: boolean;
  fullOutage: boolean;
  breakerOpened: boolean[];
} {
  const services = options.services ?? CASCADE_REFERENCE_SERVICES;
  if (!Array.isArray(services) || services.length === 0) throw new PhysicsError('services', services, 'a non-empty array of services');
  services.forEach((s, i) => {
    nonNegative(`services[${i}].baseline`, s.baseline);
    (s.dependsOn ?? ([] as readonly number[])).forEach((j: number, k: number) => {
      if (!Number.isInteger(j) || j < 0 || j >= services.length || j === i) {
        throw new PhysicsError(`services[${i}].dependsOn[${k}]`, j, `another service index from 0 to ${services.length - 1}`);
      }
    });
  });
  const overloadedIndex = options.overloadedIndex ?? 3;
  if (!Number.isInteger(overloadedIndex) || overloadedIndex < 0 || overloadedIndex >= services.length) {
    throw new PhysicsError('overloadedIndex', overloadedIndex, `a service index from 0 to ${services.length - 1}`);
  }
  const load = nonNegative('overloadLoad', options.overloadLoad);
  const r = finite('retryMultiplier', options.retryMultiplier);
  if (r < 1) throw new PhysicsError('retryMultiplier', r, 'a number of at least 1');
  const timeout = nonNegative('timeoutSeconds', options.timeoutSeconds ?? 0);
  const cb = options.circuitBreaker ?? { enabled: false };
  const cbThreshold = integerAtLeast('circuitBreaker.threshold', cb.threshold ?? 5, 1);
  const cbReset = fraction('circuitBreaker.resetBelow', cb.resetBelow ?? 0.7);
  const cbShed = fraction('circuitBreaker.shedFraction', cb.shedFraction ?? 0.8);
  const bulkheads = options.bulkheads ?? false;
  const hpa = options.autoscaler ?? { enabled: false };
  const hpaStart = nonNegative('autoscaler.startSeconds', hpa.startSeconds ?? 30);
  const hpaRate = nonNegative('autoscaler.ratePerSecond', hpa.ratePerSecond ?? 0.01);
  const hpaMax = nonNegative('autoscaler.maxReduction', hpa.maxReduction ?? 0.3);
  const hot = positive('hotThreshold', options.hotThreshold ?? 0.95);
  const coupling = nonNegative('couplingCoefficient', options.couplingCoefficient ?? 0.3);
  const gain = nonNegative('couplingGain', options.couplingGain ?? 2);
  const uMin = nonNegative('minUtilization', options.minUtilization ?? 0.05);
  const uMax = positive('maxUtilization', options.maxUtilization ?? 2);
  if (uMax <= uMin) throw new PhysicsError('maxUtilization', uMax, `a value greater than minUtilization (${uMin})`);
  const dt = positive('stepSeconds', options.stepSeconds ?? 0.5);
  const horizon = positive('horizonSeconds', options.horizonSeconds ?? 60);
  const steps = Math.round(horizon / dt);

  const n = services.length;
  const utilization: number[][] = services.map((s) => [s.baseline]);
  const open = new Array<boolean>(n).fill(false);
  const everOpen = new Array<boolean>(n).fill(false);
  const counter = new Array<number>(n).fill(0);
  const hotSteps = new Array<number>(n).fill(0);
  const times = [0];
  for (let s = 1; s < steps; s++) {
    const t = s * dt;
    times.push(t);
    const prevAll = utilization.map((u) => u[s - 1]!);
    for (let i = 0; i < n; i++) {
      const prev = prevAll[i]!;
      const base = i === overloadedIndex ? load : services[i]!.baseline;
      const isHot = prev > hot;
      hotSteps[i] = isHot ? hotSteps[i]! + 1 : 0;
      let amp = 1;
      if (isHot && !open[i]) amp = timeout > 0 ? Math.min(r, 1 + Math.floor((hotSteps[i]! * dt) / timeout)) : r;
      let upstream = 0;
      if (!bulkheads) {
        for (const j of services[i]!.dependsOn ?? []) {
          const uj = prevAll[j]!;
          if (uj > hot) upstream += (r - 1) * coupling * (uj - hot) * gain;
        }
      }
      const autoscale = hpa.enabled && t > hpaStart && base > 1 ? Math.min(hpaMax, (t - hpaStart) * hpaRate) : 0;
      let shed = 0;
      if (cb.enabled) {
        counter[i] = isHot ? counter[i]! + 1 : Math.max(0, counter[i]! - 1);
        if (counter[i]! >= cbThreshold) open[i] = true;
        else if (prev < cbReset) {
          open[i] = false;
          counter[i] = 0;
        }
        if (open[i]) everOpen[i] = true;
        if (open[i] && base > 1) shed = (base - 1) * cbShed;
      }
      const u = base * amp + upstream - autoscale - shed;
      utilization[i]!.push(Math.min(uMax, Math.max(uMin, u)));
    }
  }
  const final = utilization.map((u) => u[u.length - 1]!);
  const overloaded = final.filter((u) => u > 1).length;
  return { times, utilization, final, overloaded, contained: overloaded <= 2, fullOutage: overloaded === n, breakerOpened: everOpen };
}

// ---------------------------------------------------------------------------------------------

function checkPercentile(p: number): void {
  inRange('percentile', p, 0, 1, { hiOpen: true });
}
