import { expect } from '@open-wc/testing';
import * as p from '../../physics/index.js';

// The public physics API named in the foundation issue: these exact names and argument shapes
// are what a textbook build and outside tests call. Arithmetic in comments.
describe('physics public API (contract shapes)', () => {
  it('getDevice / getModel return SI fields with a source', () => {
    const h = p.getDevice('h100');
    expect(h.memoryBytes).to.equal(80e9);
    expect(h.memoryBandwidth).to.equal(3.35e12);
    expect(h.peakFlops.fp16).to.equal(989e12); // dense; the 2:4-sparse 1979e12 is separate
    expect(h.tdpWatts).to.equal(700);
    expect(h.source).to.be.a('string').and.not.equal('');
    const m = p.getModel('llama3-8b');
    expect(m.layers).to.equal(32);
    expect(m.kvHeads).to.equal(8);
    expect(m.source).to.be.a('string');
    for (const id of ['h100', 'a100', 'jetson-orin-nx', 'mobile-npu', 'cortex-m7', 'esp32']) expect(p.getDevice(id).id).to.equal(id);
    for (const id of ['llama3-8b', 'resnet50', 'mobilenet-v2', 'gpt3', 'bert-base']) expect(p.getModel(id).id).to.equal(id);
  });

  it('unknown ids and invalid arguments throw PhysicsError naming the argument', () => {
    expect(() => p.getDevice('nope')).to.throw(p.PhysicsError, /h100/);
    expect(() => p.ringAllReduceSeconds({ bytes: 1e9, workers: 0, bandwidth: 1e11, latency: 0 })).to.throw(p.PhysicsError, /workers/);
    expect(() => p.littlesLaw({ arrivalRate: NaN, latencySeconds: 1 })).to.throw(p.PhysicsError, /arrivalRate/);
    expect(() => p.gemm(-1, 2, 2, 2)).to.throw(p.PhysicsError);
  });

  it('ridgePoint and roofline', () => {
    // 989e12 / 3.35e12 = 295.22 FLOP/B
    expect(p.ridgePoint(p.getDevice('h100'))).to.be.closeTo(295.22, 0.01);
    const r = p.roofline(p.getDevice('h100'), 100, 'fp16');
    expect(r.bound).to.equal('memory');
    expect(r.attainableFlops).to.be.closeTo(100 * 3.35e12, 1);
    expect(r.ridge).to.be.closeTo(295.22, 0.01);
  });

  it('gemm(m, n, k, bytesPerElement)', () => {
    // 2·512³ = 268,435,456 FLOP; (3·512²)·2 B = 1,572,864 B; 170.67 FLOP/B
    const g = p.gemm(512, 512, 512, 2);
    expect(g.flops).to.equal(268435456);
    expect(g.bytes).to.equal(1572864);
    expect(g.intensity).to.be.closeTo(170.67, 0.01);
  });

  it('ironLaw({ dataBytes, bandwidth, ops, opsPerSecond, overheadSeconds })', () => {
    // 1e9/1e12 = 1 ms; 2e12/1e15 = 2 ms; + 0.5 ms
    const t = p.ironLaw({ dataBytes: 1e9, bandwidth: 1e12, ops: 2e12, opsPerSecond: 1e15, overheadSeconds: 5e-4 });
    expect(t.data).to.be.closeTo(1e-3, 1e-12);
    expect(t.compute).to.be.closeTo(2e-3, 1e-12);
    expect(t.overhead).to.equal(5e-4);
    expect(t.total).to.be.closeTo(3.5e-3, 1e-12);
  });

  it('trainingMemory({ params, precision, optimizer, activationBytes })', () => {
    // fp32 Adam: 4 B weights + 4 B gradients + 8 B (m, v) per parameter
    const m = p.trainingMemory({ params: 1e9, precision: 'fp32', optimizer: 'adam', activationBytes: 2e9 });
    expect(m.weights).to.equal(4e9);
    expect(m.gradients).to.equal(4e9);
    expect(m.optimizer).to.equal(8e9);
    expect(m.activations).to.equal(2e9);
    expect(m.total).to.equal(18e9);
  });

  it('kvCacheBytes({ layers, kvHeads, headDim, seqLen, batch, bytesPerElement })', () => {
    // Llama 3 8B, 8k tokens, batch 4, fp16: 2·32·8·128·8192·4·2 = 4,294,967,296 B
    expect(p.kvCacheBytes({ layers: 32, kvHeads: 8, headDim: 128, seqLen: 8192, batch: 4, bytesPerElement: 2 })).to.equal(4294967296);
    expect(() => p.kvCacheBytes({ layers: 32, kvHeads: 8, headDim: 128, seqLen: 8192, batch: 4, bytesPerElement: -2 })).to.throw(
      p.PhysicsError,
      /bytesPerElement/,
    );
  });

  it('collectives, reliability, queueing and scaling shapes', () => {
    // ring: 2(N−1)/N · S/B = 2·7/8 · 1e9/1e11 = 17.5 ms, plus 2(N−1)·α = 14 µs
    expect(p.ringAllReduceSeconds({ bytes: 1e9, workers: 8, bandwidth: 1e11, latency: 1e-6 })).to.be.closeTo(0.0175 + 14e-6, 1e-9);
    expect(p.treeAllReduceSeconds({ bytes: 1e9, workers: 8, bandwidth: 1e11, latency: 1e-6 })).to.be.greaterThan(0);
    // √(2·60·3600) = 657.3 s
    expect(p.youngDalyInterval({ checkpointSeconds: 60, mtbfSeconds: 3600 })).to.be.closeTo(657.27, 0.01);
    expect(p.littlesLaw({ arrivalRate: 100, latencySeconds: 0.05 })).to.be.closeTo(5, 1e-12);
    // 1 / (0.05 + 0.95/8) = 5.926
    expect(p.amdahlSpeedup({ parallelFraction: 0.95, workers: 8 })).to.be.closeTo(5.926, 0.001);
    // (p−1)/(m+p−1) = 3/11
    expect(p.pipelineBubble({ stages: 4, microbatches: 8 })).to.be.closeTo(3 / 11, 1e-12);
    // 1/(2/1000 h + 3/2000 h) = 1/0.0035 h = 285.714 h = 1,028,571.43 s
    expect(
      p.seriesMtbf([
        { count: 2, mtbfSeconds: 1000 * 3600 },
        { count: 3, mtbfSeconds: 2000 * 3600 },
      ]),
    ).to.be.closeTo(1028571.43, 0.01);
    expect(p.failureProbability({ durationSeconds: 3600, mtbfSeconds: 3600 })).to.be.closeTo(1 - Math.exp(-1), 1e-12);
    expect(p.trainingFlops({ params: 7e9, tokens: 1e12 })).to.equal(4.2e22);
    const c = p.chinchillaOptimal({ computeFlops: 6 * 20 * 1e10 * 1e10 });
    expect(c.params).to.be.closeTo(1e10, 1);
    expect(c.tokens).to.be.closeTo(2e11, 10);
    expect(p.mmcWaitPercentile({ arrivalRate: 8, serviceRate: 1, servers: 10, percentile: 0.99 })).to.be.greaterThan(0);
  });
});
