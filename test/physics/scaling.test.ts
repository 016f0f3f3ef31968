import { expect } from '@open-wc/testing';
import {
  TRAINING_FLOPS_PER_PARAM_TOKEN,
  CHINCHILLA_TOKENS_PER_PARAM,
  CHINCHILLA_LOSS_FIT,
  trainingFlops,
  chinchillaOptimal,
  trainingDuration,
  flopsFromDeviceTime,
  chinchillaLoss,
} from '../../physics/scaling.js';
import { throwsPhysics } from './_assert.js';

const DAY = 86_400;
const YEAR = 365 * DAY;

describe('physics/scaling', () => {
  it('computes C = 6·P·D', () => {
    expect(TRAINING_FLOPS_PER_PARAM_TOKEN.value).to.equal(6);
    // GPT-3: 6 × 175e9 × 300e9 = 3.15e23 FLOP
    expect(trainingFlops({ params: 175e9, tokens: 300e9 })).to.be.closeTo(3.15e23, 1e17);
    expect(trainingFlops({ params: 0, tokens: 1e9 })).to.equal(0);
    throwsPhysics(() => trainingFlops({ params: -1, tokens: 1 }), 'params');
  });

  it('allocates a budget Chinchilla-optimally: P = √(C/120), D = 20P', () => {
    expect(CHINCHILLA_TOKENS_PER_PARAM.value).to.equal(20);
    // C = 5.76e23: P = √(4.8e21) = 6.928e10 (≈ Chinchilla's 70B), D = 1.386e12
    const o = chinchillaOptimal({ computeFlops: 5.76e23 });
    expect(o.params).to.be.closeTo(6.9282e10, 1e6);
    expect(o.tokens).to.be.closeTo(1.38564e12, 1e8);
    // round trip: 6·P·D gives the budget back
    expect(trainingFlops(o)).to.be.closeTo(5.76e23, 1e9);
    // C = 1.2e21 with 10 tokens/param: P = √(1.2e21/60) = √2e19 = 4.4721e9
    expect(chinchillaOptimal({ computeFlops: 1.2e21, tokensPerParam: 10 }).params).to.be.closeTo(4.4721e9, 1e5);
    throwsPhysics(() => chinchillaOptimal({ computeFlops: 1e20, tokensPerParam: 0 }), 'tokensPerParam');
  });

  it('converts FLOPs to wall-clock time', () => {
    // v2-01 with the dense H100 peak: 2.2e24/(989e12·0.5) = 4.4489e9 s = 141.07 years on one GPU
    expect(trainingDuration({ flops: 2.2e24, devices: 1, peakFlopsPerDevice: 989e12, mfu: 0.5 }) / YEAR).to.be.closeTo(141.07, 0.01);
    // the reference's 1,979 TFLOP/s (sparse) figure halves it to 70.50 years
    expect(trainingDuration({ flops: 2.2e24, devices: 1, peakFlopsPerDevice: 1979e12, mfu: 0.5 }) / YEAR).to.be.closeTo(70.5, 0.01);
    // 1,000 GPUs: 4.4489e9/1000 s = 51.49 days
    expect(trainingDuration({ flops: 2.2e24, devices: 1000, peakFlopsPerDevice: 989e12, mfu: 0.5 }) / DAY).to.be.closeTo(51.49, 0.01);
    throwsPhysics(() => trainingDuration({ flops: 1, devices: 1, peakFlopsPerDevice: 1, mfu: 0 }), 'mfu');
    throwsPhysics(() => trainingDuration({ flops: 1, devices: 0, peakFlopsPerDevice: 1, mfu: 0.5 }), 'devices');
  });

  it('converts device time to FLOPs (mlsysim GPU-day budget)', () => {
    // 1 GPU-day at 989 TFLOP/s and MFU 0.40: 86,400 × 989e12 × 0.4 = 3.418e19
    expect(flopsFromDeviceTime({ deviceSeconds: DAY, peakFlopsPerDevice: 989e12, mfu: 0.4 })).to.be.closeTo(3.41798e19, 1e14);
  });

  it('evaluates the Chinchilla loss fit', () => {
    expect(CHINCHILLA_LOSS_FIT.E.value).to.equal(1.69);
    // N = 70e9, D = 1.4e12: 406.4/70e9^0.34 = 406.4/4,867.8 = 0.08349; 410.7/1.4e12^0.28 = 410.7/2,517.2 = 0.16316
    // L = 1.69 + 0.08349 + 0.16316 = 1.93665
    expect(chinchillaLoss({ params: 70e9, tokens: 1.4e12 })).to.be.closeTo(1.93665, 1e-4);
    // more data at fixed size lowers loss toward E + A/N^α
    expect(chinchillaLoss({ params: 70e9, tokens: 1.4e14 })).to.be.below(chinchillaLoss({ params: 70e9, tokens: 1.4e12 }));
    throwsPhysics(() => chinchillaLoss({ params: 0, tokens: 1 }));
  });
});
