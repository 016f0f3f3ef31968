import { expect } from '@open-wc/testing';
import { forwardFlopsPerToken, prefillTime, decodeStep, llmInference, mfuFromTokens } from '../../physics/inference.js';
import { kvCacheBytes } from '../../physics/memory.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/inference forwardFlopsPerToken', () => {
  it('is 2P', () => {
    expect(forwardFlopsPerToken(8.03e9)).to.equal(16.06e9);
    throwsPhysics(() => forwardFlopsPerToken(0), 'params', '0');
  });
});

describe('physics/inference prefillTime', () => {
  it('is compute-bound: 2 P tokens / (peak mfu)', () => {
    // 70e9 params, 4096 tokens, 8 H100: 2*70e9*4096 = 5.7344e14 FLOP / 7.912e15 = 72.48 ms
    const p = prefillTime({ params: 70e9, tokens: 4096, device: 'h100', devices: 8 });
    rel(p.flops, 5.7344e14);
    rel(p.computeTime, 5.7344e14 / 7.912e15);
    expect(p.bound).to.equal('compute');
    rel(p.memoryTime, 140e9 / (8 * 3.35e12)); // weights read once: 5.22 ms
    expect(p.time).to.equal(p.computeTime);
  });
  it('MFU stretches compute time', () => {
    const full = prefillTime({ params: 8.03e9, tokens: 2048, device: 'h100' });
    const half = prefillTime({ params: 8.03e9, tokens: 2048, device: 'h100', mfu: 0.5 });
    rel(half.computeTime, 2 * full.computeTime);
  });
  it('a one-token prefill is memory-bound (it is a decode step)', () => {
    expect(prefillTime({ params: 8.03e9, tokens: 1, device: 'h100' }).bound).to.equal('memory');
  });
  it('rejects bad inputs', () => {
    throwsPhysics(() => prefillTime({ params: 1e9, tokens: 0, device: 'h100' }), 'tokens', '0');
    throwsPhysics(() => prefillTime({ params: 1e9, tokens: 1, device: 'h100', mfu: 0 }), 'mfu');
    throwsPhysics(() => prefillTime({ params: 1e9, tokens: 1, device: 'h100', mfu: 1.5 }), 'mfu', '1.5');
    throwsPhysics(() => prefillTime({ params: 1e9, tokens: 1, device: 'x100' }), 'device', 'h100');
  });
});

describe('physics/inference decodeStep', () => {
  it('is memory-bound: weights / BW at batch 1', () => {
    // Llama 3 8B FP16: 16.06e9 B / 3.35e12 B/s = 4.794 ms -> 208.6 tokens/s
    const d = decodeStep({ params: 8.03e9, device: 'h100' });
    rel(d.time, 16.06e9 / 3.35e12);
    expect(d.bound).to.equal('memory');
    rel(d.tokensPerSecond, 3.35e12 / 16.06e9);
  });
  it('v2-10 base rate: 8 H100 stream 140 GB of weights at 191.43 tokens/s per sequence', () => {
    const d = decodeStep({ params: 70e9, device: 'h100', devices: 8 });
    rel(d.tokensPerSecondPerSequence, (8 * 3.35e12) / 140e9); // 191.43
  });
  it('reads the KV cache every step (v2-10 critique)', () => {
    const kv = kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, seqLen: 4096, batch: 64 }); // 85.9e9 B
    const d = decodeStep({ params: 70e9, device: 'h100', devices: 8, batch: 64, kvBytes: kv });
    rel(d.time, (140e9 + kv) / (8 * 3.35e12));
    rel(d.tokensPerSecond, 64 / d.time);
  });
  it('large batches become compute-bound', () => {
    // batch 1024: 2*8.03e9*1024 / 989e12 = 16.6 ms > 4.79 ms of weight streaming
    expect(decodeStep({ params: 8.03e9, device: 'h100', batch: 1024 }).bound).to.equal('compute');
  });
  it('weight precision changes the memory term', () => {
    rel(decodeStep({ params: 8.03e9, device: 'h100', precision: 'int8' }).memoryTime, 8.03e9 / 3.35e12);
  });
  it('rejects negative KV', () => {
    throwsPhysics(() => decodeStep({ params: 1e9, device: 'h100', kvBytes: -1 }), 'kvBytes', '-1');
  });
});

describe('physics/inference llmInference', () => {
  it('composes prefill, decode and the KV footprint (GQA-aware)', () => {
    const r = llmInference({ model: 'llama3-8b', device: 'h100', promptTokens: 1000, outputTokens: 101 });
    expect(r.weightBytes).to.equal(16.06e9);
    expect(r.kvBytes).to.equal(131_072 * 1101); // 2*32*8*128*2 B/token
    expect(r.fits).to.equal(true);
    rel(r.prefill.computeTime, (2 * 8.03e9 * 1000) / 989e12);
    rel(r.ttft, r.prefill.time + 10e-6); // + H100 dispatch overhead
    rel(r.tpot, (16.06e9 + 131_072 * 1050.5) / 3.35e12); // mean KV length 1000 + 101/2
    rel(r.total, r.ttft + 100 * r.tpot);
  });
  it('flags when weights plus KV exceed memory', () => {
    const r = llmInference({ model: 'llama3-70b', device: 'h100', promptTokens: 100, outputTokens: 10 });
    expect(r.fits).to.equal(false); // 141.2 GB > 80 GB
    expect(llmInference({ model: 'llama3-70b', device: 'h100', devices: 2, promptTokens: 100, outputTokens: 10 }).fits).to.equal(true);
  });
  it('rejects non-transformer models', () => {
    throwsPhysics(() => llmInference({ model: 'resnet50', device: 'h100', promptTokens: 1, outputTokens: 1 }), 'model', 'resnet50');
  });
});

describe('physics/inference mfuFromTokens', () => {
  it('2 P tps / peak', () => {
    rel(mfuFromTokens(1000, 8.03e9, 'h100'), 1.606e13 / 989e12); // 1.62 %
    rel(mfuFromTokens(1000, 8.03e9, 'h100', 'fp16', 2), 1.606e13 / (2 * 989e12));
    throwsPhysics(() => mfuFromTokens(-1, 1, 'h100'), 'tokensPerSecond');
  });
});
