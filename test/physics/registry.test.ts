import { expect } from '@open-wc/testing';
import {
  getDevice,
  listDevices,
  DEVICE_IDS,
  resolveDevice,
  peakFlopsFor,
  getModel,
  listModels,
  MODEL_IDS,
  resolveModel,
  flopsOf,
  DEPLOYMENT_CONTEXTS,
  getContext,
  contextDevice,
  FIBER_LIGHT_SPEED,
  SPEED_OF_LIGHT,
  FIBER_VELOCITY_FACTOR,
  TIERS,
  type Device,
} from '../../physics/registry.js';
import {
  PRECISION_BYTES,
  bytesPerElement,
  checkPrecision,
  KB,
  MB,
  GB,
  TB,
  KiB,
  MiB,
  GiB,
  ms,
  us,
  ns,
  TFLOPS,
  GBps,
  Gbps,
  Mbps,
  WH,
} from '../../physics/units.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/units', () => {
  it('defines decimal and binary prefixes separately', () => {
    expect(KB).to.equal(1e3);
    expect(MB).to.equal(1e6);
    expect(GB).to.equal(1e9);
    expect(TB).to.equal(1e12);
    expect(KiB).to.equal(1024);
    expect(MiB).to.equal(1048576);
    expect(GiB).to.equal(1073741824);
  });
  it('defines time, rate and energy units in SI', () => {
    expect(ms).to.equal(1e-3);
    expect(us).to.equal(1e-6);
    expect(ns).to.equal(1e-9);
    expect(TFLOPS).to.equal(1e12);
    expect(GBps).to.equal(1e9);
    expect(Gbps).to.equal(1.25e8); // 1e9 bit/s / 8
    expect(Mbps).to.equal(1.25e5);
    expect(WH).to.equal(3600);
  });
  it('gives bytes per element for each precision', () => {
    expect(PRECISION_BYTES).to.deep.equal({ fp32: 4, tf32: 4, fp16: 2, bf16: 2, fp8: 1, int8: 1, int4: 0.5 });
    expect(bytesPerElement('int4')).to.equal(0.5);
    expect(bytesPerElement(3)).to.equal(3);
  });
  it('rejects unknown precisions and non-positive widths, naming the argument', () => {
    throwsPhysics(() => bytesPerElement('fp64' as never), 'precision', '"fp64"', '"fp32"');
    throwsPhysics(() => bytesPerElement(0), 'precision', '0');
    throwsPhysics(() => bytesPerElement(NaN, 'bytesPerElement'), 'bytesPerElement', 'NaN');
    throwsPhysics(() => checkPrecision('p', 'x'), 'p');
  });
});

describe('physics/registry devices', () => {
  it('has the required ids', () => {
    for (const id of [
      'h100',
      'a100',
      'v100',
      'h200',
      'b200',
      't4',
      'mi300x',
      'tpu-v4',
      'tpu-v5p',
      'jetson-orin-nx',
      'jetson-xavier-nx',
      'mobile-npu',
      'cortex-m7',
      'esp32',
    ]) {
      expect(DEVICE_IDS).to.include(id);
      expect(getDevice(id).id).to.equal(id);
    }
  });

  it('H100 uses the dense FP16 peak and keeps the sparse figure separate', () => {
    const h = getDevice('h100');
    expect(h.peakFlops.fp16).to.equal(989e12);
    expect(h.peakFlopsSparseFp16).to.equal(1979e12); // 2:4 sparsity = 2 x dense
    expect(h.memoryBandwidth).to.equal(3.35e12);
    expect(h.memoryBytes).to.equal(80e9);
    expect(h.tdpWatts).to.equal(700);
    expect(h.overheadSeconds).to.equal(10e-6); // mlsysim dispatch tax 0.01 ms
    expect(h.note).to.include('1,979');
  });

  it('every device has positive dense peaks, bandwidth, memory, power and a source', () => {
    for (const d of listDevices()) {
      for (const p of ['fp32', 'fp16', 'int8'] as const) expect(d.peakFlops[p], `${d.id}.${p}`).to.be.greaterThan(0);
      expect(d.memoryBandwidth).to.be.greaterThan(0);
      expect(d.memoryBytes).to.be.greaterThan(0);
      expect(d.tdpWatts).to.be.greaterThan(0);
      expect(d.overheadSeconds).to.be.greaterThan(0);
      expect(d.source.length).to.be.greaterThan(10);
      expect(TIERS).to.include(d.tier);
      if (d.peakFlopsSparseFp16 !== undefined) expect(d.peakFlopsSparseFp16).to.be.greaterThan(d.peakFlops.fp16);
      if (d.peakFlopsSparseInt8 !== undefined) expect(d.peakFlopsSparseInt8).to.be.greaterThan(d.peakFlops.int8);
    }
  });

  it('matches the lab-01 context values and its golden gap ratios', () => {
    const h = getDevice('h100'),
      m = getDevice('cortex-m7');
    rel(h.peakFlops.fp16 / m.peakFlops.fp32, 989_000); // 989e12 / 1e9
    rel(h.memoryBandwidth / m.memoryBandwidth, 67_000); // 3.35e12 / 0.05e9
    rel(h.memoryBytes / m.memoryBytes, 156_250); // 80e9 / 512e3
    rel(h.tdpWatts / m.tdpWatts, 7_000); // 700 / 0.1
    expect(m.overheadSeconds).to.equal(2e-3);
    const phone = getDevice('mobile-npu');
    expect([phone.memoryBandwidth, phone.peakFlops.int8, phone.memoryBytes, phone.tdpWatts]).to.deep.equal([68e9, 35e12, 8e9, 5]);
    const orin = getDevice('jetson-orin-nx');
    // INT8 is the dense 50 TOPS; the datasheet's 100 TOPS is the sparse figure, kept apart
    expect([orin.memoryBandwidth, orin.peakFlops.int8, orin.memoryBytes, orin.tdpWatts]).to.deep.equal([102e9, 50e12, 16e9, 25]);
  });

  it('Jetson Orin NX: dense INT8 50 TOPS is the default peak; the sparse 100 TOPS is a labelled field of its own', () => {
    const orin = getDevice('jetson-orin-nx');
    expect(orin.peakFlops.int8).to.equal(50e12);
    expect(orin.peakFlopsSparseInt8).to.equal(100e12); // structured sparsity = 2 x dense
    expect(orin.sources.peakFlopsSparseInt8).to.include('sparsity');
    expect(orin.sources.int8).to.include('dense');
    // peakFlopsFor never returns a sparse figure: 50e12 OP/s; ridge 50e12 / 102e9 = 490.2 FLOP/B
    expect(peakFlopsFor('jetson-orin-nx', 'int8')).to.equal(50e12);
    rel(peakFlopsFor('jetson-orin-nx', 'int8') / orin.memoryBandwidth, 490.196, 1e-5);
    // INT4 falls back to the dense INT8 rate, not the sparse one
    expect(peakFlopsFor('jetson-orin-nx', 'int4')).to.equal(50e12);
  });

  it('TPU v4 memory is 32 GiB as Google states it: 32 x 2^30 = 34,359,738,368 B', () => {
    const tpu = getDevice('tpu-v4');
    expect(tpu.memoryBytes).to.equal(32 * 2 ** 30);
    expect(tpu.memoryBytes).to.equal(34_359_738_368);
    expect(tpu.sources.memoryBytes).to.include('GiB');
    expect(tpu.note).to.include('GiB');
  });

  it('records each resolved disagreement in a note', () => {
    expect(getDevice('mobile-npu').note).to.include('100 GB/s');
    expect(getDevice('cortex-m7').note).to.include('256 KB');
    expect(getDevice('b200').note).to.include('int8');
    expect(getDevice('jetson-orin-nx').note).to.include('980');
  });

  it('B200 int8 is the dense INT8 rate, not the INT4 figure mlsysim stored there', () => {
    const b = getDevice('b200');
    expect(b.peakFlops.int8).to.equal(4500e12);
    expect(b.peakFlops.int4).to.equal(9000e12);
  });

  it('lists devices by tier', () => {
    expect(listDevices('tiny').map((d) => d.id)).to.deep.equal(['cortex-m7', 'esp32']);
    expect(listDevices().length).to.equal(DEVICE_IDS.length);
    throwsPhysics(() => listDevices('space' as never), 'tier', '"space"');
  });

  it('unknown device id throws a PhysicsError that lists the known ids', () => {
    const e = throwsPhysics(() => getDevice('h900'), 'device id', '"h900"', 'h100', 'cortex-m7', 'esp32');
    expect(e.argument).to.equal('device id');
    throwsPhysics(() => getDevice(undefined as never), 'undefined');
  });

  it('resolveDevice accepts ids and caller-built objects, and checks bandwidth', () => {
    expect(resolveDevice('a100').name).to.include('A100');
    const half: Device = { ...getDevice('jetson-orin-nx'), id: 'prior-orin', memoryBandwidth: 51e9 };
    expect(resolveDevice(half)).to.equal(half);
    throwsPhysics(() => resolveDevice({ ...half, memoryBandwidth: 0 }), 'device.memoryBandwidth', '0');
    throwsPhysics(() => resolveDevice(42 as never), 'device', '42');
    throwsPhysics(() => resolveDevice('nope', 'hardware'), 'hardware', 'h100');
  });

  it('peakFlopsFor falls back sensibly for formats a device does not publish', () => {
    expect(peakFlopsFor('h100', 'bf16')).to.equal(989e12);
    expect(peakFlopsFor('v100', 'tf32')).to.equal(15.7e12); // no TF32 on Volta -> FP32 rate
    expect(peakFlopsFor('a100', 'fp8')).to.equal(312e12); // no FP8 units on Ampere -> FP16 rate
    expect(peakFlopsFor('h100', 'int4')).to.equal(1979e12); // no INT4 figure -> INT8 rate
    expect(peakFlopsFor('h100', 'fp32')).to.equal(67e12);
    throwsPhysics(() => peakFlopsFor('h100', 'fp64' as never), 'precision');
    throwsPhysics(() => peakFlopsFor({ ...getDevice('h100'), peakFlops: { fp32: 1, fp16: 0, int8: 1 } }, 'fp16'), 'peakFlops.fp16');
  });
});

describe('physics/registry models', () => {
  it('Llama 3 8B has its published shape', () => {
    const m = getModel('llama3-8b');
    expect([m.layers, m.dModel, m.heads, m.kvHeads, m.headDim]).to.deep.equal([32, 4096, 32, 8, 128]);
    expect(m.params).to.equal(8.03e9);
    expect(m.dModel! / m.heads!).to.equal(m.headDim); // 4096 / 32 = 128
  });

  it('has the required models', () => {
    for (const id of [
      'llama3-8b',
      'llama3-70b',
      'llama2-70b',
      'gpt3',
      'gpt2',
      'bert-base',
      'bert-large',
      'resnet50',
      'mobilenet-v2',
      'ds-cnn',
    ]) {
      expect(MODEL_IDS).to.include(id);
    }
    expect(getModel('gpt3').params).to.equal(175e9);
    expect(listModels('cnn').every((m) => m.kind === 'cnn')).to.equal(true);
    expect(listModels().length).to.equal(MODEL_IDS.length);
  });

  it('transformer shapes are self-consistent (d = heads x headDim, heads divisible by kvHeads)', () => {
    for (const m of listModels('transformer')) {
      expect(m.heads! * m.headDim!, m.id).to.equal(m.dModel);
      expect(m.heads! % m.kvHeads!, m.id).to.equal(0);
    }
  });

  it('Llama 2 70B carries its 8 GQA KV heads (mlsysim omitted them)', () => {
    const m = getModel('llama2-70b');
    expect(m.kvHeads).to.equal(8);
    expect(m.note).to.include('8x');
  });

  it('ResNet-50 reconciles the MAC and FLOP conventions', () => {
    const r = getModel('resnet50');
    expect(r.params).to.equal(25.6e6);
    expect(r.flopsPerInference).to.equal(4.1e9);
    expect(r.flopConvention).to.equal('mac');
    expect(flopsOf('resnet50', 'flop')).to.equal(8.2e9); // 4.1e9 MACs x 2 FLOP/MAC
    expect(flopsOf('resnet50', 'mac')).to.equal(4.1e9);
    expect(flopsOf('bert-base', 'mac')).to.equal(11e9); // 22e9 FLOP / 2
    expect(r.note).to.include('8.2e9');
  });

  it('flopsOf rejects models without a per-inference count and bad conventions', () => {
    throwsPhysics(() => flopsOf('llama3-8b'), 'llama3-8b.flopsPerInference');
    throwsPhysics(() => flopsOf('resnet50', 'ops' as never), 'convention', '"ops"');
  });

  it('unknown model id lists known ids', () => {
    throwsPhysics(() => getModel('gpt5'), 'model id', '"gpt5"', 'llama3-8b', 'resnet50');
    throwsPhysics(() => resolveModel({ params: -1 } as never), 'model');
  });
});

describe('physics/registry contexts and constants', () => {
  it('maps the four contexts to their devices', () => {
    expect(DEPLOYMENT_CONTEXTS.cloud).to.include({ id: 'cloud', label: 'Cloud', device: 'h100' });
    expect(DEPLOYMENT_CONTEXTS.edge.device).to.equal('jetson-orin-nx');
    expect(DEPLOYMENT_CONTEXTS.mobile.device).to.equal('mobile-npu');
    expect(DEPLOYMENT_CONTEXTS.tiny.device).to.equal('cortex-m7');
    expect(getContext('tiny').label).to.equal('TinyML');
    expect(contextDevice('edge').id).to.equal('jetson-orin-nx');
    for (const c of Object.values(DEPLOYMENT_CONTEXTS)) expect(() => getDevice(c.device)).not.to.throw();
  });
  it('unknown context lists the known ones', () => {
    throwsPhysics(() => getContext('orbit'), 'context id', '"orbit"', 'cloud, edge, mobile, tiny');
  });
  it('fiber light speed is 2e8 m/s = 0.67 c, sourced', () => {
    expect(FIBER_LIGHT_SPEED.value).to.equal(2e8);
    expect(FIBER_LIGHT_SPEED.unit).to.equal('m/s');
    expect(FIBER_LIGHT_SPEED.source).to.include('200,000 km/s');
    expect(SPEED_OF_LIGHT.value).to.equal(299_792_458);
    rel(FIBER_VELOCITY_FACTOR.value, 0.667128, 1e-6); // 2e8 / 299,792,458
  });
  it('registry objects are frozen', () => {
    const h = getDevice('h100');
    expect(Object.isFrozen(h)).to.equal(true);
    expect(Object.isFrozen(h.peakFlops)).to.equal(true);
    expect(Object.isFrozen(getModel('gpt2'))).to.equal(true);
  });
});
