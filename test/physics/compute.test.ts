import { expect } from '@open-wc/testing';
import {
  arithmeticIntensity,
  gemm,
  conv2d,
  attention,
  attentionScoreBytes,
  elementwise,
  transformerParams,
  mlpParams,
  mlpFlops,
} from '../../physics/compute.js';
import { getModel } from '../../physics/registry.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/compute arithmeticIntensity', () => {
  it('is flops / bytes', () => {
    expect(arithmeticIntensity(10, 4)).to.equal(2.5);
    expect(arithmeticIntensity(0, 4)).to.equal(0);
  });
  it('rejects zero bytes and negative flops', () => {
    throwsPhysics(() => arithmeticIntensity(1, 0), 'bytes', '0');
    throwsPhysics(() => arithmeticIntensity(-1, 1), 'flops', '-1');
  });
});

describe('physics/compute gemm', () => {
  it('counts 2mnk FLOP and (mk + kn + mn) elements', () => {
    const g = gemm(2, 3, 4, 'fp32');
    expect(g.flops).to.equal(48); // 2*2*3*4
    expect(g.bytes).to.equal((8 + 12 + 6) * 4); // (mk 8 + kn 12 + mn 6) x 4 B = 104
    rel(g.intensity, 48 / 104);
  });
  it('v1-11 golden: N = 512 FP16 is 268,435,456 FLOP over 1,572,864 B (I = 170.67)', () => {
    const g = gemm(512, 512, 512, 'fp16');
    expect(g.flops).to.equal(268_435_456); // 2 x 512^3
    expect(g.bytes).to.equal(1_572_864); // 3 x 512^2 x 2
    rel(g.intensity, 512 / 3);
    rel(gemm(8192, 8192, 8192, 'fp16').intensity, 8192 / 3); // 2730.7
    rel(gemm(512, 512, 512, 'int8').intensity, 1024 / 3); // 341.3: lower precision raises I
  });
  it('accepts a byte width number', () => {
    expect(gemm(1, 1, 1, 3).bytes).to.equal(9);
  });
  it('rejects non-positive sizes', () => {
    throwsPhysics(() => gemm(0, 1, 1), 'm', '0');
    throwsPhysics(() => gemm(1, NaN, 1), 'n', 'NaN');
    throwsPhysics(() => gemm(1, 1, -2), 'k', '-2');
    throwsPhysics(() => gemm(1, 1, 1, 'fp64' as never), 'bytesPerElement');
  });
});

describe('physics/compute conv2d', () => {
  it('ResNet-50 stem: 7x7/2, 3 -> 64 channels, 224 px', () => {
    const c = conv2d({ height: 224, inChannels: 3, outChannels: 64, kernel: 7, stride: 2, padding: 3 });
    expect([c.outHeight, c.outWidth]).to.deep.equal([112, 112]); // floor((224 + 6 - 7)/2) + 1
    expect(c.macs).to.equal(118_013_952); // 112*112*64*3*49
    expect(c.flops).to.equal(2 * 118_013_952);
    expect(c.params).to.equal(9408); // 3*64*49
    expect(c.outputBytes).to.equal(112 * 112 * 64 * 4);
    expect(c.bytes).to.equal(224 * 224 * 3 * 4 + 9408 * 4 + 112 * 112 * 64 * 4);
  });
  it('v1-05: a 3x3 same conv with 256 outputs on 224 px writes 51,380,224 B at FP32', () => {
    const c = conv2d({ height: 224, inChannels: 64, outChannels: 256 });
    expect(c.outputBytes).to.equal(51_380_224); // 224*224*256*4
  });
  it('depthwise conv has one filter per channel', () => {
    const c = conv2d({ height: 112, inChannels: 32, outChannels: 32, depthwise: true, precision: 'int8' });
    expect(c.params).to.equal(288); // 32*9
    expect(c.macs).to.equal(112 * 112 * 32 * 9);
    throwsPhysics(() => conv2d({ height: 8, inChannels: 4, outChannels: 8, depthwise: true }), 'outChannels', '8');
  });
  it('rejects bad shapes', () => {
    throwsPhysics(() => conv2d({ height: 0, inChannels: 1, outChannels: 1 }), 'height', '0');
    throwsPhysics(() => conv2d({ height: 2, inChannels: 1, outChannels: 1, kernel: 7, padding: 0 }), 'kernel', '7');
    throwsPhysics(() => conv2d({ height: 8, inChannels: 1.5, outChannels: 1 }), 'inChannels', '1.5');
  });
});

describe('physics/compute attention', () => {
  it('counts QK^T, softmax and AV for one layer', () => {
    // B 1, S 4, H 2, dh 8: scores 1*2*4*4 = 32
    const a = attention({ seqLen: 4, heads: 2, headDim: 8, precision: 'fp16' });
    expect(a.scoreFlops).to.equal(512); // 2*32*8
    expect(a.softmaxFlops).to.equal(160); // 5*32
    expect(a.valueFlops).to.equal(512);
    expect(a.flops).to.equal(1184);
    expect(a.scoreBytes).to.equal(64); // 32*2
    expect(a.qkvoBytes).to.equal((2 * 2 * 4 * 8 + 2 * 2 * 4 * 8) * 2); // Q,O + K,V = 512 B
    expect(a.bytes).to.equal(512 + 4 * 64);
    rel(a.fusedIntensity, 1184 / 512);
    expect(a.fusedIntensity).to.be.greaterThan(a.intensity);
  });
  it('score memory is quadratic: doubling the context quadruples it', () => {
    const s4 = attention({ seqLen: 4096, heads: 12, headDim: 64 }).scoreBytes;
    const s8 = attention({ seqLen: 8192, heads: 12, headDim: 64 }).scoreBytes;
    expect(s8 / s4).to.equal(4);
  });
  it('GQA shrinks K/V traffic, not the scores', () => {
    const mha = attention({ seqLen: 128, heads: 32, headDim: 128 });
    const gqa = attention({ seqLen: 128, heads: 32, headDim: 128, kvHeads: 8 });
    expect(gqa.scoreBytes).to.equal(mha.scoreBytes);
    expect(gqa.qkvoBytes).to.be.lessThan(mha.qkvoBytes);
    throwsPhysics(() => attention({ seqLen: 1, heads: 32, headDim: 1, kvHeads: 5 }), 'kvHeads', '5');
  });
  it('decode: one query against a long cache', () => {
    const a = attention({ seqLen: 1, kvLen: 1000, heads: 1, headDim: 4 });
    expect(a.scoreFlops).to.equal(8000); // 2*1000*4
  });
});

describe('physics/compute attentionScoreBytes', () => {
  it('v1-06 golden: N 4096, 12 heads, FP16 = 0.40265 GB per layer; x48 layers = 19.327 GB', () => {
    expect(attentionScoreBytes({ seqLen: 4096, heads: 12 })).to.equal(402_653_184); // 4096^2 * 12 * 2
    expect(attentionScoreBytes({ seqLen: 4096, heads: 12, layers: 48 })).to.equal(19_327_352_832);
    rel(attentionScoreBytes({ seqLen: 100_000, heads: 12 }) / attentionScoreBytes({ seqLen: 4000, heads: 12 }), 625); // (100k/4k)^2
  });
  it('rejects zero length', () => {
    throwsPhysics(() => attentionScoreBytes({ seqLen: 0, heads: 1 }), 'seqLen', '0');
  });
});

describe('physics/compute elementwise', () => {
  it('unary FP16 op: 1 FLOP over 4 B', () => {
    const e = elementwise({ elements: 1000 });
    expect([e.flops, e.bytes, e.intensity]).to.deep.equal([1000, 4000, 0.25]);
  });
  it('v1-11 layer norm model: 5 FLOP over 2 reads + 1 write at FP16 = 0.8333 FLOP/B', () => {
    rel(elementwise({ elements: 4096, flopsPerElement: 5, inputs: 2, outputs: 1 }).intensity, 5 / 6);
  });
  it('rejects bad input', () => {
    throwsPhysics(() => elementwise({ elements: 0 }), 'elements', '0');
    throwsPhysics(() => elementwise({ elements: 1, inputs: 0, outputs: 0 }), 'inputs');
  });
});

describe('physics/compute transformerParams', () => {
  it('classic block is 12 d^2 (v1-06: L 12, d 512 -> 37.75 M)', () => {
    const p = transformerParams({ layers: 12, dModel: 512 });
    expect(p.perLayer).to.equal(12 * 512 * 512);
    expect(p.total).to.equal(37_748_736); // 12 * 12 * 512^2
    expect(transformerParams({ layers: 64, dModel: 384 }).total).to.equal(113_246_208); // 64*12*384^2
  });
  it('adds embeddings: GPT-3 175B from its shape', () => {
    // 96 * 12 * 12288^2 + 50257 * 12288 = 173.95e9 + 0.62e9 = 174.6e9
    const p = transformerParams({ layers: 96, dModel: 12288, vocab: 50257 });
    rel(p.total, 96 * 12 * 12288 ** 2 + 50257 * 12288);
    rel(p.total / 175e9, 0.9975, 1e-3);
  });
  it('Llama 3 8B (GQA, SwiGLU, untied) gives 8.03e9', () => {
    const m = getModel('llama3-8b');
    const p = transformerParams({
      layers: m.layers!,
      dModel: m.dModel!,
      ffnDim: m.ffnDim,
      heads: m.heads,
      kvHeads: m.kvHeads,
      vocab: m.vocab,
      gatedMlp: true,
      tiedEmbeddings: false,
    });
    // attention 2*4096^2 + 2*4096*1024 = 41,943,040; MLP 3*4096*14336 = 176,160,768
    expect(p.attentionPerLayer).to.equal(41_943_040);
    expect(p.mlpPerLayer).to.equal(176_160_768);
    expect(p.total).to.equal(8_029_995_008); // 32 * 218,103,808 + 2 * 128256 * 4096
    rel(p.total, m.params, 1e-3);
  });
  it('rejects inconsistent head counts', () => {
    throwsPhysics(() => transformerParams({ layers: 1, dModel: 100, heads: 3, kvHeads: 1 }), 'heads', '3');
    throwsPhysics(() => transformerParams({ layers: 0, dModel: 8 }), 'layers', '0');
  });
});

describe('physics/compute MLP', () => {
  it('MNIST 784-128-64-10 has 109,386 parameters', () => {
    expect(mlpParams([784, 128, 64, 10])).to.equal(109_386); // 100,480 + 8,256 + 650
    expect(mlpParams([784, 128, 64, 10], false)).to.equal(109_184);
  });
  it('forward FLOP = 2 * batch * sum of weight products', () => {
    expect(mlpFlops([784, 128, 64, 10], 2)).to.equal(2 * 2 * 109_184);
  });
  it('rejects bad widths', () => {
    throwsPhysics(() => mlpParams([784]), 'widths');
    throwsPhysics(() => mlpParams([784, 0]), 'widths[1]', '0');
  });
});
