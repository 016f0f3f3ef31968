import { expect } from '@open-wc/testing';
import { speculativeDecoding, PAGED_KV_BLOCK_TOKENS, pagedKvCache, supermarketModel } from '../../physics/llmserving.js';
import { kvBytesPerToken } from '../../physics/memory.js';
import { expectPhysicsError } from './_assert.js';

describe('physics/llmserving (v2-10)', () => {
  it('speculative decoding: E = (1 − α^{k+1})/(1 − α), speedup E/(1 + kc)', () => {
    // α = 0.8, k = 4: (1 − 0.32768)/0.2 = 3.3616; c = 0.05: 3.3616/1.2 = 2.80133.
    const s = speculativeDecoding({ acceptanceRate: 0.8, draftTokens: 4, draftCostRatio: 0.05 });
    expect(s.expectedTokens).to.be.closeTo(3.3616, 1e-12);
    expect(s.speedup).to.be.closeTo(3.3616 / 1.2, 1e-12);
    // α = 1: every draft accepted, k + 1 = 5 tokens per pass; α = 0: 1 token and the drafts are pure cost 1/(1 + 0.4).
    expect(speculativeDecoding({ acceptanceRate: 1, draftTokens: 4 })).to.deep.equal({ expectedTokens: 5, speedup: 5 });
    expect(speculativeDecoding({ acceptanceRate: 0, draftTokens: 4, draftCostRatio: 0.1 }).speedup).to.be.closeTo(1 / 1.4, 1e-12);
    expectPhysicsError(() => speculativeDecoding({ acceptanceRate: 1.2, draftTokens: 4 }), 'acceptanceRate');
    expectPhysicsError(() => speculativeDecoding({ acceptanceRate: 0.5, draftTokens: 2.5 }), 'draftTokens');
  });

  it('paged KV cache wastes under one block per sequence; contiguous reserves the maximum', () => {
    expect(PAGED_KV_BLOCK_TOKENS.value).to.equal(16);
    const m = kvBytesPerToken('llama3-70b'); // 2 × 80 × 8 × 128 × 2 = 327,680 B
    expect(m).to.equal(327_680);
    // Blocks ⌈100/16⌉ + ⌈1000/16⌉ + ⌈4000/16⌉ = 7 + 63 + 250 = 320 → 5,120 tokens for 5,100 used (99.61 %);
    // contiguous 3 × 4,096 = 12,288 tokens (41.50 %).
    const r = pagedKvCache({ sequenceTokens: [100, 1000, 4000], bytesPerToken: m, reservedTokens: 4096 });
    expect(r.blocks).to.equal(320);
    expect(r.usedBytes).to.equal(5100 * m);
    expect(r.pagedBytes).to.equal(5120 * m);
    expect(r.contiguousBytes).to.equal(12_288 * m);
    expect(r.pagedUtilization).to.be.closeTo(5100 / 5120, 1e-12);
    expect(r.contiguousUtilization).to.be.closeTo(5100 / 12_288, 1e-12);
    // v2-10 MathPeek page: 16 tokens × 32,768 B/token/layer = 512 KiB.
    expect(pagedKvCache({ sequenceTokens: [1], bytesPerToken: 32_768, reservedTokens: 16 }).blockBytes).to.equal(512 * 1024);
    expectPhysicsError(() => pagedKvCache({ sequenceTokens: [5000], bytesPerToken: m, reservedTokens: 4096 }), 'sequenceTokens[0]');
    expectPhysicsError(() => pagedKvCache({ sequenceTokens: [], bytesPerToken: m, reservedTokens: 4096 }), 'sequenceTokens');
    expectPhysicsError(() => pagedKvCache({ sequenceTokens: [1], bytesPerToken: m, reservedTokens: 16, blockTokens: 0 }), 'blockTokens');
  });

  it('power of two choices: s_i = λ^{(2^i − 1)}, mean response 2.61 vs 10 service times at λ = 0.9', () => {
    const two = supermarketModel({ utilization: 0.9, choices: 2, lengths: [1, 2, 3, 4, 5] });
    // s_1 = 0.9, s_2 = 0.9³ = 0.729, s_3 = 0.9⁷ = 0.478297, s_4 = 0.9¹⁵ = 0.205891, s_5 = 0.9³¹ = 0.038152.
    expect(two.tail.map((t) => t.length)).to.deep.equal([1, 2, 3, 4, 5]);
    two.tail.forEach((t, i) => expect(t.fraction).to.be.closeTo(0.9 ** (2 ** (i + 1) - 1), 1e-12));
    // Σ s_i = 0.9 + 0.729 + 0.478297 + 0.205891 + 0.038152 + 0.9⁶³ (0.00131) + … = 2.352652; / 0.9 = 2.614057.
    expect(two.meanJobs).to.be.closeTo(2.352652, 1e-6);
    expect(two.meanResponse).to.be.closeTo(2.614057, 1e-6);
    // One choice is M/M/1: 1/(1 − 0.9) = 10.
    expect(supermarketModel({ utilization: 0.9, choices: 1 }).meanResponse).to.be.closeTo(10, 1e-9);
    // In seconds with μ = 20/s: 2.614057/20.
    expect(supermarketModel({ utilization: 0.9, choices: 2, serviceRate: 20 }).meanResponse).to.be.closeTo(2.614057 / 20, 1e-7);
    expectPhysicsError(() => supermarketModel({ utilization: 1, choices: 2 }), 'utilization');
    expectPhysicsError(() => supermarketModel({ utilization: 0.5, choices: 0 }), 'choices');
  });
});
