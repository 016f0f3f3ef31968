import { expect } from '@open-wc/testing';
import {
  HEADLINE_PRECISION,
  MAGNITUDE_METRICS,
  MAGNITUDE_PRECISIONS,
  magnitudeGap,
  tierFigures,
  tierOrDevice,
} from '../../physics/tiers.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/tiers tierOrDevice and tierFigures', () => {
  it('resolves a tier to its context device and a device id to its tier', () => {
    expect(tierOrDevice('edge').device.id).to.equal('jetson-orin-nx');
    expect(tierOrDevice('a100')).to.include({ id: 'a100', tier: 'cloud' });
  });

  it("labels every tier's compute with the precision it is quoted in", () => {
    expect(HEADLINE_PRECISION).to.deep.equal({ cloud: 'fp16', edge: 'int8', mobile: 'int8', tiny: 'fp32' });
    const edge = tierFigures('edge');
    // Jetson Orin NX: 50 TOPS INT8 dense (the datasheet's 100 TOPS is with sparsity)
    expect(edge.precision).to.equal('int8');
    rel(edge.compute!, 50e12);
    const mobile = tierFigures('mobile');
    // Phone NPU: 35 TOPS INT8
    rel(mobile.compute!, 35e12);
    // A device id works as well as a tier id
    const a100 = tierFigures('a100', 'fp16');
    expect(a100.tier).to.equal('cloud');
    rel(a100.compute!, 312e12);
  });

  it('rejects an unknown tier or device id, and an unknown precision mode', () => {
    throwsPhysics(() => tierFigures('laptop'), 'laptop');
    throwsPhysics(() => tierFigures('edge', 'fp64' as never), 'precision', '"fp64"');
    expect(MAGNITUDE_PRECISIONS).to.deep.equal(['headline', 'fp32', 'fp16', 'int8']);
    expect(MAGNITUDE_METRICS).to.deep.equal(['compute', 'bandwidth', 'memory', 'power']);
  });
});

describe('physics/tiers magnitudeGap', () => {
  it('H100 over Cortex-M7 at headline precisions: 989,000x compute, 67,000x bandwidth, 156,250x memory, 7,000x power', () => {
    const g = magnitudeGap('cloud', 'tiny');
    rel(g.ratios.compute!, 989e12 / 1e9);
    rel(g.ratios.bandwidth!, 3.35e12 / 5e7);
    rel(g.ratios.memory!, 80e9 / 512e3);
    rel(g.ratios.power!, 700 / 0.1);
  });

  it('cloud over edge: 989e12 FP16 / 50e12 INT8 dense = 19.78x (it read 9.89x against the sparse 100 TOPS stored before)', () => {
    const g = magnitudeGap('cloud', 'edge');
    rel(g.ratios.compute!, 19.78);
    // one format for both: INT8 1,979e12 / 50e12 = 39.58x
    rel(magnitudeGap('cloud', 'edge', 'int8').ratios.compute!, 39.58);
    // 3.35e12 / 102e9 = 32.84x bandwidth
    rel(g.ratios.bandwidth!, 3.35e12 / 102e9);
  });
});
