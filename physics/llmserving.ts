/**
 * LLM serving techniques (v2-10 "The KV-Cache Memory Wall"): speculative decoding, paged KV-cache
 * allocation, and power-of-d-choices load balancing. KV sizes, prefill and decode are in
 * memory.ts and inference.ts ({@link kvCacheBytes}, {@link decodeStep}, {@link llmInference});
 * batching schedules in serving.ts ({@link simulateGenerationBatching}). SI units.
 */
import { PhysicsError, fraction, integerAtLeast, nonNegative, positive } from './errors.js';
import { sourced, type Sourced } from './sourced.js';

/**
 * Speculative decoding (Leviathan, Kalman & Matias 2023, "Fast Inference from Transformers via
 * Speculative Decoding", ICML, Eq. 1 and Thm. 3.8): a draft model proposes k tokens, the target
 * verifies them in one pass, each accepted independently with probability α.
 * Expected tokens per target pass E = (1 − α^{k+1})/(1 − α) (k + 1 when α = 1);
 * speedup = E / (1 + k·c), c = cost of one draft step relative to one target step.
 * Replaces v2-10's flat 2.5× and its garbled `tps × α × (1 + acceptance × draft_len)`.
 * α = 0.8, k = 4: E = 3.3616; with c = 0.05, 2.80×.
 */
export function speculativeDecoding({
  acceptanceRate,
  draftTokens,
  draftCostRatio = 0,
}: {
  acceptanceRate: number;
  draftTokens: number;
  draftCostRatio?: number;
}): { expectedTokens: number; speedup: number } {
  const a = fraction('acceptanceRate', acceptanceRate);
  const k = integerAtLeast('draftTokens', draftTokens, 0);
  const c = nonNegative('draftCostRatio', draftCostRatio);
  const expectedTokens = a === 1 ? k + 1 : (1 - Math.pow(a, k + 1)) / (1 - a);
  return { expectedTokens, speedup: expectedTokens / (1 + k * c) };
}

/** Tokens per KV-cache block in vLLM's PagedAttention (Kwon et al. 2023, SOSP, default block size). */
export const PAGED_KV_BLOCK_TOKENS: Sourced = sourced(
  16,
  'token',
  'Kwon et al. 2023, "Efficient Memory Management for Large Language Model Serving with PagedAttention", SOSP (vLLM default block size 16)',
);

/**
 * KV-cache memory for a set of live sequences under two allocators:
 * - contiguous: every sequence reserves `reservedTokens` (the maximum length) up front;
 * - paged: each sequence holds ⌈n_i / B⌉ blocks of B tokens (waste < 1 block per sequence).
 * used = Σ n_i·m_KV; utilization = used / allocated. `blockBytes` = B·m_KV (v2-10 MathPeek:
 * 16 tokens × 32,768 B/token/layer = 512 KiB per layer; pass a whole-model m_KV for whole blocks).
 * Llama 3 70B (327,680 B/token), sequences of 100, 1,000 and 4,000 tokens, 4,096 reserved:
 * paged 5,120 tokens (99.6 % used), contiguous 12,288 (41.5 %).
 */
export function pagedKvCache({
  sequenceTokens,
  bytesPerToken,
  reservedTokens,
  blockTokens = PAGED_KV_BLOCK_TOKENS.value,
}: {
  sequenceTokens: readonly number[];
  bytesPerToken: number;
  reservedTokens: number;
  blockTokens?: number;
}): {
  usedBytes: number;
  pagedBytes: number;
  contiguousBytes: number;
  blockBytes: number;
  blocks: number;
  pagedUtilization: number;
  contiguousUtilization: number;
} {
  if (!Array.isArray(sequenceTokens) || sequenceTokens.length === 0) {
    throw new PhysicsError('sequenceTokens', sequenceTokens, 'a non-empty array of token counts');
  }
  const m = positive('bytesPerToken', bytesPerToken);
  const R = integerAtLeast('reservedTokens', reservedTokens, 1);
  const B = integerAtLeast('blockTokens', blockTokens, 1);
  let used = 0,
    blocks = 0;
  sequenceTokens.forEach((n, i) => {
    const t = integerAtLeast(`sequenceTokens[${i}]`, n, 0);
    if (t > R) throw new PhysicsError(`sequenceTokens[${i}]`, n, `at most reservedTokens (${R})`);
    used += t;
    blocks += Math.ceil(t / B);
  });
  const usedBytes = used * m,
    pagedBytes = blocks * B * m,
    contiguousBytes = sequenceTokens.length * R * m;
  return {
    usedBytes,
    pagedBytes,
    contiguousBytes,
    blockBytes: B * m,
    blocks,
    pagedUtilization: pagedBytes === 0 ? 1 : usedBytes / pagedBytes,
    contiguousUtilization: usedBytes / contiguousBytes,
  };
}

/**
 * Power-of-d-choices load balancing (Mitzenmacher 2001, "The Power of Two Choices in Randomized
 * Load Balancing", IEEE TPDS 12(10); the supermarket model): n → ∞ servers, Poisson arrivals
 * at load λ per server (μ = 1), each job joins the shortest of d sampled queues. The fraction
 * of servers with at least i jobs is s_i = λ^{(d^i − 1)/(d − 1)} (d = 1: λ^i, M/M/1).
 * Mean jobs per server Σ_{i≥1} s_i; mean response time (Σ s_i)/λ in service times (× 1/μ for s).
 * λ = 0.9: d = 1 → 10 service times; d = 2 → 2.61.
 * @param lengths queue lengths i for which s_i is returned (default 1..10)
 */
export function supermarketModel({
  utilization,
  choices,
  serviceRate,
  lengths,
}: {
  utilization: number;
  choices: number;
  serviceRate?: number;
  lengths?: readonly number[];
}): { tail: { length: number; fraction: number }[]; meanJobs: number; meanResponse: number } {
  const lambda = fraction('utilization', utilization);
  if (lambda >= 1) throw new PhysicsError('utilization', utilization, 'a load in [0, 1)');
  const d = integerAtLeast('choices', choices, 1);
  const mu = positive('serviceRate', serviceRate ?? 1);
  const s = (i: number): number => (d === 1 ? Math.pow(lambda, i) : Math.pow(lambda, (Math.pow(d, i) - 1) / (d - 1)));
  const ls = lengths ?? Array.from({ length: 10 }, (_, i) => i + 1);
  if (!Array.isArray(ls)) throw new PhysicsError('lengths', lengths, 'an array of whole numbers ≥ 0');
  const tail = ls.map((i, k) => ({ length: integerAtLeast(`lengths[${k}]`, i, 0), fraction: s(i) }));
  let meanJobs = 0;
  if (d === 1) meanJobs = lambda / (1 - lambda);
  else if (lambda > 0) {
    for (let i = 1; i < 100_000; i++) {
      const v = s(i);
      meanJobs += v;
      if (v < 1e-16 * meanJobs || !Number.isFinite(v)) break;
    }
  }
  return { tail, meanJobs, meanResponse: lambda === 0 ? 1 / mu : meanJobs / lambda / mu };
}
