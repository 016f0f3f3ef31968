import { expect } from '@open-wc/testing';
import { LAB_DERIVATIONS, V1_00, V1_00_SCENARIO, V1_00_CHECK2_OPTIONS, derivationsV1_00 } from '../../physics/index.js';

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.abs(b);

describe('physics/labs/v1-00 (The Architect\'s Portal)', () => {
  it('computes the AV propagation round trip and its bound', () => {
    // 2 × 2,000,000 m / 2e8 m/s = 0.020 s
    expect(close(V1_00.avRoundTrip, 0.020)).to.equal(true);
    // 2,000,000 m / 2e8 m/s = 0.010 s one way
    expect(close(V1_00.avOneWay, 0.010)).to.equal(true);
    // 0.020 / 0.010 = 2.0
    expect(close(V1_00.avBudgetRatio, 2)).to.equal(true);
    // 0.010 s × 2e8 m/s / 2 = 1,000,000 m
    expect(close(V1_00.avMaxDistance, 1_000_000)).to.equal(true);
    // observed 0.040 − 0.020 propagation = 0.020 s routing and queuing
    expect(close(V1_00.avNonPropagation, 0.020)).to.equal(true);
  });

  it('gives London–New York about 28 ms one way', () => {
    // 5,570,000 m / 2e8 m/s = 0.02785 s; round trip 0.0557 s
    expect(close(V1_00.londonNewYorkOneWay, 0.02785)).to.equal(true);
    expect(close(V1_00.londonNewYorkRoundTrip, 0.0557)).to.equal(true);
  });

  it('derives Check 2 from propagation: only the distance fixes work', () => {
    expect(LAB_DERIVATIONS['v1-00.check2']()).to.equal('move_server edge_deploy');
    expect(V1_00_CHECK2_OPTIONS.map((o) => o.value)).to.deep.equal(['model_size', 'quantization', 'move_server', 'faster_gpu', 'edge_deploy']);
    // The "closer" site must be within the 1,000 km bound for the answer to be right.
    const closer = V1_00_CHECK2_OPTIONS.find((o) => o.value === 'move_server')!;
    expect(closer.distance).to.be.below(V1_00.avMaxDistance);
  });

  it('derives Check 3: only TinyML keeps data on site and lasts six months', () => {
    expect(LAB_DERIVATIONS['v1-00.check3']()).to.equal('D');
    const life = Object.fromEntries(V1_00.icuRegimes.map((r) => [r.tier, r.batteryLife]));
    // 27,000 J / (700 W × 0.002) = 19,286 s (5.4 h)
    expect(close(life.cloud, 27_000 / 1.4)).to.equal(true);
    // 27,000 J / (25 W × 0.002) = 540,000 s (6.25 days)
    expect(close(life.edge, 540_000)).to.equal(true);
    // 27,000 J / (0.1 W × 0.002) = 1.35e8 s (4.3 years) ≥ 15,768,000 s (182.5 days)
    expect(close(life.tiny, 1.35e8)).to.equal(true);
    expect(V1_00_SCENARIO.icuBatteryLife.value).to.equal(182.5 * 86_400);
    expect(V1_00.icuRegimes.filter((r) => r.feasible).map((r) => r.tier)).to.deep.equal(['tiny']);
  });

  it('puts every derivation in LAB_DERIVATIONS', () => {
    for (const k of Object.keys(derivationsV1_00)) expect(LAB_DERIVATIONS[k], k).to.be.a('function');
  });
});

describe('physics/labs/v1-00 tour question', () => {
  it('finds memory the dominant term of one 8,192² FP16 layer at batch 32 on an H100', async () => {
    const { V1_00_TOUR } = await import('../../physics/index.js');
    // D = (32·8192 + 8192² + 32·8192) × 2 B = 135,266,304 B; / 3.35e12 B/s = 40.38 µs
    expect(close(V1_00_TOUR.bytes, 135_266_304)).to.equal(true);
    expect(close(V1_00_TOUR.ironLaw.data, 135_266_304 / 3.35e12)).to.equal(true);
    // O = 2 × 32 × 8192² = 4,294,967,296 FLOP; / 989e12 = 4.34 µs
    expect(close(V1_00_TOUR.ironLaw.compute, 4_294_967_296 / 989e12)).to.equal(true);
    expect(V1_00_TOUR.ironLaw.dominant).to.equal('data');
    expect(LAB_DERIVATIONS['v1-00.tour']()).to.equal('A');
  });
});
