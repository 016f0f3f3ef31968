/**
 * <mls-light-barrier>: the propagation arithmetic it states in words (round trip, verdict,
 * distance bound) against the physics. The shared instrument contracts (inline alerts, publish,
 * $refs, disconnect, axe) run from describeInstrument at the end.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './mls-light-barrier.js';
import type { MlsLightBarrier } from './mls-light-barrier.js';
import { describeInstrument, inScope, shadowText as text } from '../../../test/helpers/index.js';

describe('<mls-light-barrier>', () => {
  it('states the round trip, the verdict and the distance bound (AV scenario)', async () => {
    const el = await fixture<MlsLightBarrier>(
      html`<mls-light-barrier distance="2000000" budget="0.01" observed="0.04"></mls-light-barrier>`,
    );
    const t = text(el);
    // 2 × 2,000 km / 200,000 km/s = 20 ms; one way 10 ms
    expect(t).to.contain('2 × 2,000 km ÷ 200,000 km/s = 20 ms round trip (10 ms each way)');
    // 20 / 10 = 2×: over budget, stated in words and with an icon
    expect(t).to.contain('✕');
    expect(t).to.contain('Over budget: 20 ms is 2× the 10 ms loop');
    // measured 40 ms − 20 ms propagation = 20 ms routing and queuing
    expect(t).to.contain('the other 20 ms is routing, queuing and serialization');
    // 10 ms × 200,000 km/s / 2 = 1,000 km
    expect(t).to.contain('on propagation alone: 1,000 km');
    expect(el.outputs).to.include({
      roundTrip: 0.02,
      ratio: 2,
      violated: true,
      feasible: false,
      maxDistance: 1_000_000,
      maxDistanceKm: 1000,
    });
    await expect(el).to.be.accessible();
  });

  it('counts processing against the budget and shrinks the bound', async () => {
    const el = await fixture<MlsLightBarrier>(
      html`<mls-light-barrier distance="200000" budget="0.01" processing="0.004"></mls-light-barrier>`,
    );
    // 2 × 200 km / 2e8 = 2 ms + 4 ms = 6 ms ≤ 10 ms
    expect(text(el)).to.contain('Within budget: 6 ms of the 10 ms loop');
    // (10 − 4) ms × 2e8 / 2 = 600 km
    expect(text(el)).to.contain('after processing: 600 km');
    expect(el.outputs!.feasible).to.equal(true);
  });

  it('publishes its outputs into a lab scope and follows references', async () => {
    const { el, scope } = await inScope<MlsLightBarrier>(
      html`<mls-light-barrier distance="$d" budget="0.01" publish="lb"></mls-light-barrier>`,
    );
    scope.set('d', 5_570_000);
    await el.updateComplete;
    // London–New York 5,570 km: 27.85 ms one way, 55.7 ms round trip
    const out = scope.get('lb') as Record<string, number>;
    expect(out.oneWay).to.be.closeTo(0.02785, 1e-12);
    expect(out.roundTrip).to.be.closeTo(0.0557, 1e-12);
    expect(text(el)).to.contain('55.7 ms');
  });
});

describeInstrument('mls-light-barrier', {
  valid: { distance: '1000000', budget: '0.01' },
  invalid: [
    // A negative distance: the alert names it; the last good state (2 × 1,000 km / 2e8 m/s = 10 ms) stays.
    { attr: 'distance', value: '-5', says: ['Invalid distance'] },
    { attr: 'budget', value: 'soon', says: ['Invalid budget'] },
    { attr: 'processing', value: '-0.001', says: ['Invalid processing'] },
    { attr: 'fiber-speed', value: '0', says: ['Invalid fiber-speed'] },
  ],
  publishes: {
    keys: [
      'distance',
      'distanceKm',
      'roundTrip',
      'oneWay',
      'processing',
      'total',
      'budget',
      'ratio',
      'feasible',
      'violated',
      'maxDistance',
    ],
  },
  follows: { attr: 'distance', values: [1_000_000, 5_570_000, 200_000] },
});
