import { expect } from '@open-wc/testing';
import {
  imageInputBytes,
  batchWorkload,
  workloadOnDevice,
  computeBoundBatch,
  evaluateDesign,
  DESIGN_PLACEMENTS,
} from '../../physics/workload.js';
import { rel, throwsPhysics, expectPhysicsError } from './_assert.js';

// ResNet-50 at FP16: W = 25.6e6 x 2 B = 51.2e6 B; one 224 px RGB image = 3 x 224 x 224 x 2 B = 301,056 B;
// 4.1e9 MAC = 8.2e9 FLOP per image.
const W = 51.2e6,
  IMG = 301_056,
  FLOP = 8.2e9;

describe('physics/workload batch workload', () => {
  it('image input bytes: 3 x r x r elements; none for the audio model', () => {
    // 3 x 224 x 224 x 4 B = 602,112 B at FP32
    expect(imageInputBytes('resnet50', 'fp32')).to.equal(602_112);
    expect(imageInputBytes('resnet50', 'fp16')).to.equal(IMG);
    expect(imageInputBytes('ds-cnn', 'fp16')).to.equal(0);
    expect(imageInputBytes('bert-base', 'fp16')).to.equal(0);
  });

  it('reads the weights once per batch: D = W + B x A, O = B x 2 x MAC', () => {
    const w = batchWorkload('resnet50', { batch: 4 });
    expect(w.weightBytes).to.equal(W);
    expect(w.dataBytes).to.equal(W + 4 * IMG); // 52,404,224 B
    expect(w.ops).to.equal(4 * FLOP);
    expect(batchWorkload('resnet50', { sampleBytes: 0 }).dataBytes).to.equal(W);
    expectPhysicsError(() => batchWorkload('resnet50', { batch: 1.5 }), 'batch');
    expectPhysicsError(() => batchWorkload('resnet50', { sampleBytes: -1 }), 'sampleBytes');
    expectPhysicsError(() => batchWorkload('llama3-8b'), 'llama3-8b.flopsPerInference');
  });

  it('the keyword-spotting model fits the MCU where ResNet-50 cannot', () => {
    // DS-CNN FP16: 200e3 x 2 B = 400,000 B < 512,000 B
    const r = workloadOnDevice('cortex-m7', 'ds-cnn', { precision: 'fp16' });
    expect(r.footprint).to.equal(400_000);
    expect(r.oom).to.equal(false);
    // ResNet-50: 51,501,056 / 512,000 = 100.588x over the SRAM
    rel(workloadOnDevice('cortex-m7', 'resnet50').oomRatio, 51_501_056 / 512e3);
  });

  it('ResNet-50 batch 1 on the H100: 15.37 + 8.29 + 10 us = 33.66 us, memory-bound', () => {
    const r = workloadOnDevice('h100', 'resnet50');
    rel(r.data, (W + IMG) / 3.35e12);
    rel(r.compute, FLOP / 989e12);
    rel(r.total, (W + IMG) / 3.35e12 + FLOP / 989e12 + 10e-6);
    expect(r.peak).to.equal(989e12);
    expect(r.bound).to.equal('memory');
  });

  it('computeBoundBatch: the H100 turns compute-bound at batch 2, the MCU at batch 1, never past maxBatch', () => {
    // batch 2: 16.4e9 / 51,802,112 = 316.6 FLOP/B > ridge 295.2
    expect(computeBoundBatch('h100', 'resnet50')).to.equal(2);
    expect(computeBoundBatch('cortex-m7', 'resnet50')).to.equal(1);
    // 1 GB per sample: intensity tends to 8.2e9 / 1e9 = 8.2 FLOP/B, always below the ridge
    expect(computeBoundBatch('h100', 'resnet50', 'fp16', 4096, 1e9)).to.equal(null);
    expectPhysicsError(() => computeBoundBatch('h100', 'resnet50', 'fp16', 0), 'maxBatch');
  });
});

describe('physics/workload evaluateDesign', () => {
  it('lab 02 Act I: H100 replacing an A100 at intensity 5 is 1.67x faster, the bandwidth ratio', () => {
    const e = evaluateDesign({ device: 'h100', baseline: 'a100', bytes: 2e9, intensity: 5 });
    // D = 2e9 B (no per-sample bytes with literal bytes); O = 5 x 2e9 = 1e10 FLOP
    expect(e.bytes).to.equal(2e9);
    expect(e.ops).to.equal(1e10);
    // A100: 2e9 / 2.039e12 + 1e10 / 312e12 + 15 us = 980.87 + 32.05 + 15 = 1,027.92 us
    rel(e.baseline!.total, 2e9 / 2.039e12 + 1e10 / 312e12 + 15e-6);
    // H100: 2e9 / 3.35e12 + 1e10 / 989e12 + 10 us = 597.01 + 10.11 + 10 = 617.13 us
    rel(e.design.total, 2e9 / 3.35e12 + 1e10 / 989e12 + 10e-6);
    rel(e.speedup!, (2e9 / 2.039e12 + 1e10 / 312e12 + 15e-6) / (2e9 / 3.35e12 + 1e10 / 989e12 + 10e-6)); // 1.6657
    rel(e.computeRatio!, 989 / 312);
    rel(e.bandwidthRatio!, 3.35 / 2.039);
    // A cloud device is remote under `auto`, but at 0 km the link adds nothing
    expect(e.design.placement).to.equal('remote');
    expect(e.design.propagation).to.equal(0);
    expect(e.status).to.equal('ok');
    expect([e.sla, e.slaMargin, e.maxDistance]).to.deep.equal([null, null, null]);
  });

  it('lab 02 Act II: the H100 3,000 km away misses a 10 ms loop by the light alone; the Orin on board meets it', () => {
    const e = evaluateDesign({ device: 'h100', baseline: 'jetson-orin-nx', model: 'resnet50', sla: 0.01, distance: 3e6 });
    const inference = (W + IMG) / 3.35e12 + FLOP / 989e12 + 10e-6; // 33.665 us
    // 2 x 3e6 m / 2e8 m/s = 30 ms
    rel(e.linkRoundTrip, 0.03);
    rel(e.design.propagation, 0.03);
    rel(e.design.inference, inference);
    rel(e.design.total, inference + 0.03);
    expect(e.design.slaViolated).to.equal(true);
    expect(e.status).to.equal('sla-violated');
    rel(e.slaMargin!, 0.01 - inference - 0.03);
    // (10 ms - 33.665 us) x 2e8 / 2 = 996,634 m
    rel(e.maxDistance!, (0.01 - inference) * 1e8);
    // Orin on board: 51,501,056 / 102e9 + 8.2e9 / 25e12 + 0.2 ms = 0.505 + 0.328 + 0.2 = 1.033 ms, no link
    expect(e.baseline!.placement).to.equal('onboard');
    expect(e.baseline!.propagation).to.equal(0);
    rel(e.baseline!.total, (W + IMG) / 102e9 + FLOP / 25e12 + 2e-4);
    expect(e.baseline!.slaViolated).to.equal(false);
    // throughput = batch / inference
    rel(e.design.throughput, 1 / inference);
  });

  it('agrees with workloadOnDevice for a model on a device', () => {
    const e = evaluateDesign({ device: 'jetson-orin-nx', model: 'resnet50', batch: 64, sla: 0.01 });
    const w = workloadOnDevice('jetson-orin-nx', 'resnet50', { batch: 64 });
    // (51.2e6 + 64 x 301,056) / 102e9 + 64 x 8.2e9 / 25e12 + 0.2 ms = 0.691 + 20.99 + 0.2 = 21.88 ms
    rel(e.design.total, (W + 64 * IMG) / 102e9 + (64 * FLOP) / 25e12 + 2e-4);
    rel(e.design.total, w.total);
    expect([e.design.bound, e.design.dominant, e.bytes, e.ops]).to.deep.equal([w.bound, w.dominant, w.workload.dataBytes, w.workload.ops]);
    expect(e.status).to.equal('sla-violated');
  });

  it('out of memory comes before the SLA: ResNet-50 on the Cortex-M7 needs 51.5 MB of 512 kB', () => {
    const e = evaluateDesign({ device: 'cortex-m7', model: 'resnet50', precision: 'fp32', sla: 100 });
    // FP32: 25.6e6 x 4 + 3 x 224 x 224 x 4 = 102,400,000 + 602,112 = 103,002,112 B
    expect(e.design.footprint).to.equal(103_002_112);
    expect(e.design.capacity).to.equal(512e3);
    expect(e.design.oom).to.equal(true);
    // 103,002,112 / 5e7 + 8.2e9 / 1e9 + 2 ms = 2.060 + 8.2 + 0.002 = 10.262 s, within the 100 s budget
    rel(e.design.total, 103_002_112 / 5e7 + 8.2 + 2e-3);
    expect(e.design.slaViolated).to.equal(false);
    expect(e.status).to.equal('oom');
  });

  it('a literal design: 1e9 B at 1e12 B/s = 1 ms, 1e12 FLOP at 1e14 FLOP/s = 10 ms', () => {
    const e = evaluateDesign({ device: null, bandwidth: 1e12, flops: 1e14, overhead: 0, bytes: 1e9, ops: 1e12 });
    rel(e.design.data, 1e-3);
    rel(e.design.compute, 1e-2);
    expect(e.design.total).to.equal(e.design.data + e.design.compute);
    expect([e.design.device, e.design.capacity, e.design.oom, e.design.placement]).to.deep.equal([null, null, false, 'onboard']);
    // Remote under `auto` only when the link has a length; literal rates override a device's
    expect(evaluateDesign({ device: null, bandwidth: 1e12, flops: 1e14, bytes: 1e9, ops: 1e12, distance: 1e3 }).design.placement).to.equal(
      'remote',
    );
    const over = evaluateDesign({ device: 'h100', bandwidth: 1e12, bytes: 1e9, ops: 1e12, batch: 2 });
    // batch 2: O = 2 x 1e12; D = 1e9 (no per-sample bytes); 2e12 / 989e12 = 2.022 ms
    rel(over.design.data, 1e-3);
    rel(over.design.compute, 2e12 / 989e12);
    expect(DESIGN_PLACEMENTS).to.deep.equal(['auto', 'remote', 'onboard']);
  });

  it('placement: remote adds the round trip even to an edge device; onboard removes it from the cloud', () => {
    const r = evaluateDesign({ device: 'jetson-orin-nx', model: 'resnet50', distance: 1e6, placement: 'remote' });
    rel(r.design.propagation, 0.01); // 2 x 1e6 / 2e8
    const o = evaluateDesign({ device: 'h100', model: 'resnet50', distance: 1e6, placement: 'onboard' });
    expect(o.design.propagation).to.equal(0);
    rel(o.linkRoundTrip, 0.01);
  });

  it('intensity takes precedence over ops; literal bytes replace the weights', () => {
    const e = evaluateDesign({ device: 'h100', model: 'resnet50', bytes: 1e6, ops: 1, intensity: 100, batch: 3 });
    // D = 1e6 + 3 x 0 (literal bytes: no image bytes unless sampleBytes is given); O = 100 x 1e6
    expect(e.bytes).to.equal(1e6);
    expect(e.ops).to.equal(1e8);
    const s = evaluateDesign({ device: 'h100', model: 'resnet50', bytes: 1e6, sampleBytes: 10, batch: 3 });
    // D = 1e6 + 3 x 10; O = 3 x 8.2e9 from the model
    expect(s.bytes).to.equal(1e6 + 30);
    expect(s.ops).to.equal(3 * FLOP);
  });

  it('rejects an incomplete workload, a missing machine and out-of-range inputs, naming the argument', () => {
    expectPhysicsError(() => evaluateDesign({ device: 'h100' }), 'model');
    expectPhysicsError(() => evaluateDesign({ device: 'h100', bytes: 1e9 }), 'model');
    expectPhysicsError(() => evaluateDesign({ device: null, flops: 1e12, bytes: 1, ops: 1 }), 'device');
    expectPhysicsError(() => evaluateDesign({ device: 'h100', model: 'resnet50', batch: 0 }), 'batch');
    expectPhysicsError(() => evaluateDesign({ device: 'h100', model: 'resnet50', sla: 0 }), 'sla');
    expectPhysicsError(() => evaluateDesign({ device: 'h100', model: 'resnet50', distance: -1 }), 'distance');
    expectPhysicsError(() => evaluateDesign({ device: 'h100', model: 'resnet50', placement: 'orbit' as never }), 'placement');
    expectPhysicsError(() => evaluateDesign({ device: 'h100', model: 'llama3-8b' }), 'llama3-8b.flopsPerInference');
    throwsPhysics(() => evaluateDesign({ device: 'h100', model: 'resnet50', baseline: 'h1000' }), 'h1000');
  });
});
