import { expect } from '@open-wc/testing';
import {
  CELLULAR_ENERGY_PER_BYTE,
  CLIENT_UPLINK,
  federatedTraffic,
  topKCompressionRatio,
  federatedRoundTime,
  federatedVsCentralized,
  radioEnergy,
  fedAvgErrorBound,
  participatingClients,
} from '../../physics/federated.js';
import { throwsPhysics } from './_assert.js';

describe('physics/federated', () => {
  it('counts clients × model × 2 per round (v2-11 defaults)', () => {
    // 1e8 devices × 1 % = 1e6 clients
    const K = participatingClients({ population: 1e8, participation: 0.01 });
    expect(K).to.equal(1e6);
    // 1e6 × 2 GB × 2 = 4e15 B = 4 PB per round; × 10 rounds/day = 4e16 B
    const t = federatedTraffic({ clientsPerRound: K, modelBytes: 2e9, rounds: 10 });
    expect(t.perRound).to.equal(4e15);
    expect(t.total).to.equal(4e16);
    // 100× compression on both directions: 4e14 B/day
    expect(
      federatedTraffic({ clientsPerRound: K, modelBytes: 2e9, rounds: 10, uplinkCompression: 100, downlinkCompression: 100 }).total,
    ).to.be.closeTo(4e14, 1);
    // uplink-only compression: 1e6 × (0.02 + 2) GB = 2.02e15 per round
    expect(federatedTraffic({ clientsPerRound: K, modelBytes: 2e9, uplinkCompression: 100 }).perRound).to.be.closeTo(2.02e15, 1);
    throwsPhysics(() => federatedTraffic({ clientsPerRound: K, modelBytes: 2e9, uplinkCompression: 0.5 }), 'uplinkCompression');
  });

  it('compares with uploading raw keystrokes', () => {
    // central: 1e9 keystrokes × 100 B = 1e11 B/day; ratio 4e16/1e11 = 400,000× (decimal units)
    const c = federatedVsCentralized({ federatedBytes: 4e16, events: 1e9, bytesPerEvent: 100 });
    expect(c.centralizedBytes).to.equal(1e11);
    expect(c.ratio).to.equal(400_000);
    throwsPhysics(() => federatedVsCentralized({ federatedBytes: 1, events: 0, bytesPerEvent: 100 }), 'events');
  });

  it('charges top-K index overhead', () => {
    // k = 1 %, INT8 values, 32-bit indices: 32/(0.08 + 0.32) = 80×
    expect(topKCompressionRatio({ keepFraction: 0.01 })).to.be.closeTo(80, 1e-9);
    // ignoring positions reproduces the chapter's 100 × 4 = 400×
    expect(topKCompressionRatio({ keepFraction: 0.01, indexBits: 0 })).to.be.closeTo(400, 1e-9);
    // k = 10 %: index list 3.2 bits > bitmask 1 bit ⇒ 32/(0.8 + 1) = 17.78×
    expect(topKCompressionRatio({ keepFraction: 0.1 })).to.be.closeTo(17.7778, 1e-4);
    throwsPhysics(() => topKCompressionRatio({ keepFraction: 0 }), 'keepFraction');
  });

  it('times a synchronous round over client links', () => {
    expect(CLIENT_UPLINK.lte.value).to.equal(6.25e6);
    // 2 GB over 50 Mbps LTE = 2e9/6.25e6 = 320 s up; 100 Mbps down = 160 s; + 60 s compute = 540 s
    const r = federatedRoundTime({
      modelBytes: 2e9,
      uplinkBandwidth: CLIENT_UPLINK.lte.value,
      downlinkBandwidth: 12.5e6,
      localComputeSeconds: 60,
    });
    expect(r.uploadSeconds).to.equal(320);
    expect(r.downloadSeconds).to.equal(160);
    expect(r.roundSeconds).to.equal(540);
    // the straggler sets the round: clients at 12.5 and 1.25 MB/s uplink ⇒ 2e9/1.25e6 = 1600 s + 160 s
    const s = federatedRoundTime({ modelBytes: 2e9, uplinkBandwidth: [12.5e6, 1.25e6], downlinkBandwidth: 12.5e6 });
    expect(s.roundSeconds).to.equal(1760);
    throwsPhysics(() => federatedRoundTime({ modelBytes: 2e9, uplinkBandwidth: [], downlinkBandwidth: 1 }), 'uplinkBandwidth');
    throwsPhysics(
      () => federatedRoundTime({ modelBytes: 2e9, uplinkBandwidth: [1, 2], downlinkBandwidth: [1, 2, 3] }),
      'downlinkBandwidth',
    );
  });

  it('prices radio energy at 100 mJ/MB', () => {
    expect(CELLULAR_ENERGY_PER_BYTE.value).to.equal(1e-7);
    // 2 GB upload: 2e9 × 1e-7 = 200 J
    expect(radioEnergy({ bytes: 2e9 })).to.be.closeTo(200, 1e-9);
  });

  it('evaluates the quoted FedAvg bound', () => {
    // σ² = 4, C = 100, E = 5, R = 100, β = 0.1: 4/50,000 + 0.01·25/100 = 8e-5 + 2.5e-3 = 2.58e-3
    const b = fedAvgErrorBound({ noiseVariance: 4, clientsPerRound: 100, localEpochs: 5, rounds: 100, heterogeneity: 0.1 });
    expect(b.noiseTerm).to.be.closeTo(8e-5, 1e-15);
    expect(b.driftTerm).to.be.closeTo(2.5e-3, 1e-15);
    expect(b.bound).to.be.closeTo(2.58e-3, 1e-15);
    throwsPhysics(
      () => fedAvgErrorBound({ noiseVariance: 4, clientsPerRound: 100, localEpochs: 5, rounds: 0, heterogeneity: 0.1 }),
      'rounds',
    );
  });
});
