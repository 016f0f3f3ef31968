import { expect } from '@open-wc/testing';
import {
  weightBytes,
  modelWeightBytes,
  trainingMemory,
  OPTIMIZER_STATE_VECTORS,
  transformerActivationBytes,
  activationCheckpointing,
  featureMapBytes,
  cnnActivationPyramid,
  kvCacheBytes,
  kvBytesPerToken,
  maxConcurrentSequences,
} from '../../physics/memory.js';
import { getModel } from '../../physics/registry.js';
import { GiB } from '../../physics/units.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/memory weights', () => {
  it('P x b', () => {
    expect(weightBytes(7e9, 'fp16')).to.equal(14e9);
    expect(weightBytes(25.6e6, 'fp32')).to.equal(102.4e6); // v1-01: the "100 MB" is FP32 weights
    expect(weightBytes(70e9, 'int4')).to.equal(35e9);
  });
  it('registered models; DLRM keeps its fixed size', () => {
    expect(modelWeightBytes('llama3-70b', 'fp16')).to.equal(141.2e9); // 70.6e9 x 2
    expect(modelWeightBytes('dlrm', 'fp16')).to.equal(100e9);
  });
  it('rejects non-positive params', () => {
    throwsPhysics(() => weightBytes(0), 'params', '0');
    throwsPhysics(() => weightBytes(-5), 'params', '-5');
  });
});

describe('physics/memory trainingMemory', () => {
  it('v1-08 golden: 7B FP32 Adam = 28 + 28 + 56 = 112 GB (16 B/param)', () => {
    const m = trainingMemory({ params: 7e9, precision: 'fp32', optimizer: 'adam' });
    expect([m.weights, m.gradients, m.optimizer, m.static]).to.deep.equal([28e9, 28e9, 56e9, 112e9]);
    expect(m.bytesPerParam).to.equal(16);
    expect(m.total).to.equal(112e9);
  });
  it('mixed precision Adam (ZeRO): 2 + 2 + (4 master + 4 + 4) = 16 B/param', () => {
    const m = trainingMemory({ params: 7e9, precision: 'mixed', optimizer: 'adam' });
    expect([m.weights, m.gradients, m.optimizer]).to.deep.equal([14e9, 14e9, 84e9]);
    expect(m.bytesPerParam).to.equal(16);
    expect(trainingMemory({ params: 1e9 }).bytesPerParam).to.equal(16); // defaults: mixed, adam
    expect(trainingMemory({ params: 1e9, precision: 'mixed', optimizer: 'sgd' }).bytesPerParam).to.equal(8); // 2+2+4 master
  });
  it('v1-08 pure-BF16 accounting: 14 + 14 + 56 = 84 GB (over an 80 GB H100)', () => {
    const m = trainingMemory({ params: 7e9, precision: 'bf16', optimizer: 'adam', activationBytes: 0.9765e9 });
    expect(m.static).to.equal(84e9);
    rel(m.total, 84.9765e9);
  });
  it('v1-08 goldens: INT8 Adam 70 GB; FP32 SGD 56 GB; FP32 momentum 84 GB', () => {
    expect(trainingMemory({ params: 7e9, precision: 'int8', optimizer: 'adam' }).static).to.equal(70e9);
    expect(trainingMemory({ params: 7e9, precision: 'fp32', optimizer: 'sgd' }).static).to.equal(56e9);
    expect(trainingMemory({ params: 7e9, precision: 'fp32', optimizer: 'momentum' }).static).to.equal(84e9);
    expect(OPTIMIZER_STATE_VECTORS.adam).to.equal(2);
  });
  it('rejects bad options naming the argument', () => {
    throwsPhysics(() => trainingMemory({ params: 1e9, optimizer: 'lion' as never }), 'optimizer', '"lion"', '"adam"');
    throwsPhysics(() => trainingMemory({ params: 1e9, precision: 'fp64' as never }), 'precision', '"fp64"');
    throwsPhysics(() => trainingMemory({ params: NaN }), 'params', 'NaN');
    throwsPhysics(() => trainingMemory({ params: 1, activationBytes: -1 }), 'activationBytes', '-1');
  });
});

describe('physics/memory transformerActivationBytes (Korthikanti et al. 2022)', () => {
  // s 2048, b 1, h 4096, a 32: sbh = 8,388,608
  const base = { seqLen: 2048, batch: 1, dModel: 4096, heads: 32 };
  it('no recomputation: sbh (34 + 5 a s / h) per layer', () => {
    // 5*32*2048/4096 = 80; 8,388,608 * 114 = 956,301,312
    expect(transformerActivationBytes(base)).to.equal(956_301_312);
    expect(transformerActivationBytes({ ...base, layers: 32 })).to.equal(32 * 956_301_312);
  });
  it('selective: 34 sbh; full: 2 sbh', () => {
    expect(transformerActivationBytes({ ...base, recompute: 'selective' })).to.equal(34 * 8_388_608);
    expect(transformerActivationBytes({ ...base, recompute: 'full' })).to.equal(2 * 8_388_608);
  });
  it('tensor parallelism divides all but the 10 sbh term', () => {
    // t = 8: 10 + 24/8 + 80/8 = 23
    expect(transformerActivationBytes({ ...base, tensorParallel: 8 })).to.equal(23 * 8_388_608);
  });
  it('FP32 activations double the 16-bit figure', () => {
    expect(transformerActivationBytes({ ...base, precision: 'fp32' })).to.equal(2 * 956_301_312);
  });
  it('rejects bad modes', () => {
    throwsPhysics(() => transformerActivationBytes({ ...base, recompute: 'some' as never }), 'recompute', '"some"');
  });
});

describe('physics/memory activationCheckpointing', () => {
  it('sqrt(L) checkpoints plus one live segment', () => {
    // L = 48: k = 6 checkpoints, segment 8 layers -> 14 layers at peak vs 48
    const c = activationCheckpointing({ layers: 48, bytesPerLayer: 1e9 });
    expect([c.checkpoints, c.segmentLayers]).to.deep.equal([6, 8]);
    expect(c.withoutCheckpointing).to.equal(48e9);
    expect(c.withCheckpointing).to.equal(14e9);
    rel(c.savedFraction, 1 - 14 / 48);
    rel(c.recomputeOverhead, 1 / 3); // the lab's 1.33x compute factor
  });
  it('small checkpoints save more', () => {
    // L 22: k 4, seg 6: 4 * 0.1 + 6 * 1 = 6.4 layers
    rel(activationCheckpointing({ layers: 22, bytesPerLayer: 1, checkpointBytes: 0.1 }).withCheckpointing, 6.4);
  });
  it('never reports more than without checkpointing', () => {
    const c = activationCheckpointing({ layers: 1, bytesPerLayer: 5 });
    expect(c.withCheckpointing).to.equal(5);
    throwsPhysics(() => activationCheckpointing({ layers: 0, bytesPerLayer: 1 }), 'layers', '0');
  });
});

describe('physics/memory CNN activations', () => {
  it('featureMapBytes: 224 x 224 x 256 x 4 B = 51,380,224 B (v1-05)', () => {
    expect(featureMapBytes({ height: 224, channels: 256 })).to.equal(51_380_224);
    rel(524_288 / featureMapBytes({ height: 224, channels: 256 }), 0.010204, 1e-4); // 1.02 % fits a 512 KiB L2
  });
  it('v1-05 pyramid: 224 px, 64 ch, batch 8, FP32 -> 98.0, 49.0, 24.5, 12.25, 6.125, 3.0625 MiB', () => {
    const layers = cnnActivationPyramid({ imageSize: 224, channels: 64, batch: 8 });
    expect(layers.map((l) => l.bytes / 2 ** 20)).to.deep.equal([98, 49, 24.5, 12.25, 6.125, 3.0625]);
    rel(layers.reduce((s, l) => s + l.bytes, 0) / 2 ** 20, 192.9375); // "192.94 MB" in the lab (MiB)
  });
  it('floor-halves odd widths down to 1', () => {
    expect(cnnActivationPyramid({ imageSize: 28, channels: 1 }).map((l) => l.width)).to.deep.equal([28, 14, 7, 3, 1, 1]);
  });
});

describe('physics/memory KV cache', () => {
  it('2 L H_kv d_h S B b', () => {
    expect(kvCacheBytes({ layers: 2, kvHeads: 3, headDim: 5, seqLen: 7, batch: 11, precision: 'fp16' })).to.equal(
      2 * 2 * 3 * 5 * 7 * 11 * 2,
    );
    expect(kvCacheBytes({ layers: 1, kvHeads: 1, headDim: 1, seqLen: 0 })).to.equal(0);
  });
  it('Llama 3 70B with GQA: 327,680 B/token, 1.25 GiB per 4,096-token user (v2-10 critique)', () => {
    expect(kvBytesPerToken('llama3-70b')).to.equal(327_680); // 2*80*8*128*2
    expect(kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, seqLen: 4096 }) / GiB).to.equal(1.25);
  });
  it('the reference MHA-style count (64 heads) is 8x larger: 10 GiB per user', () => {
    expect(kvCacheBytes({ layers: 80, kvHeads: 64, headDim: 128, seqLen: 4096 }) / GiB).to.equal(10);
  });
  it('Llama 3 8B: B x S x 131,072 B (v1-11 critique, not 524,288)', () => {
    expect(kvBytesPerToken(getModel('llama3-8b'))).to.equal(131_072); // 2*32*8*128*2
  });
  it('rejects fractional or missing shapes', () => {
    throwsPhysics(() => kvCacheBytes({ layers: 1.5, kvHeads: 1, headDim: 1, seqLen: 1 }), 'layers', '1.5');
    throwsPhysics(() => kvBytesPerToken('resnet50'), 'model', 'resnet50');
  });
});

describe('physics/memory maxConcurrentSequences', () => {
  it('v2-10: 640 GB - 140 GB over 10 GiB = 46 (decimal GB throughout); GQA: 372', () => {
    expect(maxConcurrentSequences({ capacityBytes: 640e9, reservedBytes: 140e9, bytesPerSequence: 10 * GiB })).to.equal(46); // 500e9 / 10.737e9 = 46.6
    expect(maxConcurrentSequences({ capacityBytes: 640e9, reservedBytes: 140e9, bytesPerSequence: 1.25 * GiB })).to.equal(372); // 500e9 / 1.342e9
  });
  it('is 0 when the weights do not fit', () => {
    expect(maxConcurrentSequences({ capacityBytes: 80e9, reservedBytes: 140e9, bytesPerSequence: 1 })).to.equal(0);
    throwsPhysics(() => maxConcurrentSequences({ capacityBytes: 1, reservedBytes: 0, bytesPerSequence: 0 }), 'bytesPerSequence', '0');
  });
});
