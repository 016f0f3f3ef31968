import { expect } from '@open-wc/testing';
import { ridgePoint, roofline, rooflineCurve, rooflineOps, rooflineTime, mfu } from '../../physics/roofline.js';
import { getDevice } from '../../physics/registry.js';
import { gemm } from '../../physics/compute.js';
import { rel, throwsPhysics } from './_assert.js';

describe('physics/roofline ridgePoint', () => {
  it('H100 FP16 dense: 989e12 / 3.35e12 = 295.22 FLOP/B', () => {
    rel(ridgePoint('h100'), 295.2238806, 1e-8);
    rel(ridgePoint(getDevice('h100'), 'fp16'), 989e12 / 3.35e12);
  });
  it('depends on precision (v1-11 critique: never hard-code one ridge)', () => {
    rel(ridgePoint('h100', 'fp32'), 20); // 67e12 / 3.35e12
    rel(ridgePoint('h100', 'int8'), 590.7462687, 1e-8); // 1979e12 / 3.35e12
    rel(ridgePoint('a100'), 153.0161844, 1e-8); // 312e12 / 2.039e12
    rel(ridgePoint('cortex-m7', 'fp32'), 20); // 1e9 / 0.05e9
  });
  it('rejects unknown devices and precisions', () => {
    throwsPhysics(() => ridgePoint('h1000'), 'device', 'h100');
    throwsPhysics(() => ridgePoint('h100', 'fp64' as never), 'precision');
  });
});

describe('physics/roofline roofline', () => {
  it('memory-bound below the ridge: attainable = BW x I', () => {
    // v1-11 square GEMM N = 512 FP16: I = 2N/(3B) = 170.67; 3.35e12 x 170.67 = 5.717e14 FLOP/s
    const I = gemm(512, 512, 512, 'fp16').intensity;
    rel(I, 1024 / 6);
    const r = roofline('h100', I);
    expect(r.bound).to.equal('memory');
    rel(r.attainableFlops, (3.35e12 * 1024) / 6);
    rel(r.fractionOfPeak, (3.35e12 * (1024 / 6)) / 989e12); // 57.8 % of the dense peak
  });
  it('compute-bound above the ridge: attainable = peak', () => {
    const r = roofline('h100', 1000);
    expect(r.bound).to.equal('compute');
    expect(r.attainableFlops).to.equal(989e12);
    expect(r.fractionOfPeak).to.equal(1);
  });
  it('a tie at the ridge counts as compute-bound', () => {
    const d = getDevice('cortex-m7');
    const r = roofline(d, 20, 'fp32');
    expect(r.bound).to.equal('compute');
    expect(r.attainableFlops).to.equal(1e9);
  });
  it('FP32 on H100 at N = 512 is compute-bound (the reference mislabelled it)', () => {
    // I = 2*512/(3*4) = 85.3 > ridge 20
    const r = roofline('h100', gemm(512, 512, 512, 'fp32').intensity, 'fp32');
    expect(r.bound).to.equal('compute');
    expect(r.attainableFlops).to.equal(67e12);
  });
  it('zero intensity attains nothing; negative or NaN throws naming the argument', () => {
    expect(roofline('h100', 0).attainableFlops).to.equal(0);
    throwsPhysics(() => roofline('h100', -1), 'intensity', '-1');
    throwsPhysics(() => roofline('h100', NaN), 'intensity', 'NaN');
    throwsPhysics(() => roofline('h100', Infinity), 'intensity');
  });
});

describe('physics/roofline rooflineCurve', () => {
  it('samples log-spaced points, includes the ridge, and never exceeds peak', () => {
    const c = rooflineCurve('h100', { minIntensity: 0.1, maxIntensity: 1e4, points: 51 });
    expect(c.intensity.length).to.equal(52); // 51 samples + the ridge
    expect(c.intensity[0]).to.equal(0.1);
    expect(c.intensity[c.intensity.length - 1]).to.equal(1e4);
    expect(c.intensity).to.include(c.ridge);
    for (let i = 1; i < c.intensity.length; i++) expect(c.intensity[i]).to.be.greaterThan(c.intensity[i - 1]);
    rel(c.attainableFlops[0], 3.35e11); // 0.1 x 3.35e12
    expect(Math.max(...c.attainableFlops)).to.equal(989e12);
    rel(c.intensity[10], 1); // 10^(-1 + 10 * 5/50) = 10^0
  });
  it('validates options', () => {
    throwsPhysics(() => rooflineCurve('h100', { minIntensity: 10, maxIntensity: 1 }), 'maxIntensity');
    throwsPhysics(() => rooflineCurve('h100', { points: 1 }), 'points', '1');
    throwsPhysics(() => rooflineCurve('h100', { minIntensity: 0 }), 'minIntensity', '0');
  });
});

describe('physics/roofline rooflineOps', () => {
  it('times each op at max(F/peak, B/BW) and sums the sequence', () => {
    // GEMM: 2e12 FLOP, 1e9 B on H100: compute 2e12/989e12 = 2.0222 ms, memory 1e9/3.35e12 = 0.2985 ms
    // LayerNorm-like: 5e6 FLOP, 6e6 B: memory 6e6/3.35e12 = 1.791 us
    const r = rooflineOps('h100', [
      { name: 'gemm', flops: 2e12, bytes: 1e9 },
      { name: 'ln', flops: 5e6, bytes: 6e6 },
    ]);
    expect(r.ops[0].bound).to.equal('compute');
    expect(r.ops[1].bound).to.equal('memory');
    rel(r.ops[0].time, 2e12 / 989e12);
    rel(r.ops[1].time, 6e6 / 3.35e12);
    rel(r.totalTime, 2e12 / 989e12 + 6e6 / 3.35e12);
    rel(r.ops[1].intensity, 5 / 6);
    rel(r.ops[0].timeShare + r.ops[1].timeShare, 1);
    expect(r.bound).to.equal('compute');
    rel(r.attainableFlops, (2e12 + 5e6) / r.totalTime);
    expect(r.totalBytes).to.equal(1e9 + 6e6);
  });
  it('names unnamed ops and handles pure-data ops', () => {
    const r = rooflineOps('a100', [{ flops: 0, bytes: 2.039e9 }]);
    expect(r.ops[0].name).to.equal('op 1');
    rel(r.ops[0].time, 1e-3); // 2.039e9 / 2.039e12
    expect(r.ops[0].intensity).to.equal(0);
    expect(r.bound).to.equal('memory');
  });
  it('rooflineTime is one op', () => {
    rel(rooflineTime('h100', { flops: 989e12, bytes: 0 }).time, 1);
  });
  it('rejects empty lists and bad ops', () => {
    throwsPhysics(() => rooflineOps('h100', []), 'ops');
    throwsPhysics(() => rooflineOps('h100', [{ flops: -1, bytes: 1 }]), 'ops[0].flops', '-1');
    throwsPhysics(
      () =>
        rooflineOps('h100', [
          { flops: 1, bytes: 1 },
          { flops: 1, bytes: NaN },
        ]),
      'ops[1].bytes',
      'NaN',
    );
    throwsPhysics(() => rooflineOps('h100', [{ flops: 0, bytes: 0 }]), 'ops[0]');
  });
});

describe('physics/roofline mfu', () => {
  it('is achieved over the dense peak', () => {
    rel(mfu(312e12, 'h100'), 312 / 989); // 31.5 %, not the 15.8 % a sparse 1979 peak gives
    rel(mfu(156e12, 'a100'), 0.5);
    expect(mfu(0, 'h100')).to.equal(0);
  });
  it('rejects negative or NaN achieved rates', () => {
    throwsPhysics(() => mfu(-1, 'h100'), 'achievedFlops', '-1');
    throwsPhysics(() => mfu(NaN, 'h100'), 'achievedFlops', 'NaN');
  });
});
