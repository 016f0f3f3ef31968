import { expect } from '@open-wc/testing';
import { LAB_DERIVATIONS, V1_00, V1_00_SCENARIO, V1_00_CHECK2_OPTIONS, derivationsV1_00 } from '../../physics/labs/index.js';
import { rel } from './_assert.js';

describe("physics/labs/v1-00 (The Architect's Portal)", () => {
  it('computes the AV propagation round trip and its bound', () => {
    // 2 × 2,000,000 m / 2e8 m/s = 0.020 s
    rel(V1_00.avRoundTrip, 0.02);
    // 2,000,000 m / 2e8 m/s = 0.010 s one way
    rel(V1_00.avOneWay, 0.01);
    // 0.020 / 0.010 = 2.0
    rel(V1_00.avBudgetRatio, 2);
    // 0.010 s × 2e8 m/s / 2 = 1,000,000 m
    rel(V1_00.avMaxDistance, 1_000_000);
    // observed 0.040 − 0.020 propagation = 0.020 s routing and queuing
    rel(V1_00.avNonPropagation, 0.02);
  });

  it('gives London–New York about 28 ms one way', () => {
    // 5,570,000 m / 2e8 m/s = 0.02785 s; round trip 0.0557 s
    rel(V1_00.londonNewYorkOneWay, 0.02785);
    rel(V1_00.londonNewYorkRoundTrip, 0.0557);
  });

  it('derives Check 2 from propagation: only the distance fixes work', () => {
    expect(LAB_DERIVATIONS['v1-00.check2']()).to.equal('move_server edge_deploy');
    expect(V1_00_CHECK2_OPTIONS.map((o) => o.value)).to.deep.equal([
      'model_size',
      'quantization',
      'move_server',
      'faster_gpu',
      'edge_deploy',
    ]);
    // The "closer" site must be within the 1,000 km bound for the answer to be right.
    const closer = V1_00_CHECK2_OPTIONS.find((o) => o.value === 'move_server')!;
    expect(closer.distance).to.be.below(V1_00.avMaxDistance);
  });

  it('derives Check 3: only TinyML keeps data on site and lasts six months', () => {
    expect(LAB_DERIVATIONS['v1-00.check3']()).to.equal('D');
    const life = Object.fromEntries(V1_00.icuRegimes.map((r) => [r.tier, r.batteryLife]));
    // 27,000 J / (700 W × 0.002) = 19,286 s (5.4 h)
    rel(life.cloud, 27_000 / 1.4);
    // 27,000 J / (25 W × 0.002) = 540,000 s (6.25 days)
    rel(life.edge, 540_000);
    // 27,000 J / (0.1 W × 0.002) = 1.35e8 s (4.3 years) ≥ 15,768,000 s (182.5 days)
    rel(life.tiny, 1.35e8);
    expect(V1_00_SCENARIO.icuBatteryLife.value).to.equal(182.5 * 86_400);
    expect(V1_00.icuRegimes.filter((r) => r.feasible).map((r) => r.tier)).to.deep.equal(['tiny']);
  });

  it('puts every derivation in LAB_DERIVATIONS', () => {
    for (const k of Object.keys(derivationsV1_00)) expect(LAB_DERIVATIONS[k], k).to.be.a('function');
  });
});

describe('physics/labs/v1-00 tour question', () => {
  it('finds memory the dominant term of one 8,192² FP16 layer at batch 32 on an H100', async () => {
    const { V1_00_TOUR } = await import('../../physics/labs/index.js');
    // D = (32·8192 + 8192² + 32·8192) × 2 B = 135,266,304 B; / 3.35e12 B/s = 40.38 µs
    rel(V1_00_TOUR.bytes, 135_266_304);
    rel(V1_00_TOUR.ironLaw.data, 135_266_304 / 3.35e12);
    // O = 2 × 32 × 8192² = 4,294,967,296 FLOP; / 989e12 = 4.34 µs
    rel(V1_00_TOUR.ironLaw.compute, 4_294_967_296 / 989e12);
    expect(V1_00_TOUR.ironLaw.dominant).to.equal('data');
    expect(LAB_DERIVATIONS['v1-00.tour']()).to.equal('A');
  });
});
