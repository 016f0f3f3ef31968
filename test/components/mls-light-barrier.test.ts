import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/mls-light-barrier.js';
import '../../components/mls-lab.js';
import type { MlsLightBarrier } from '../../components/mls-light-barrier.js';
import type { MlsLab } from '../../components/mls-lab.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('<mls-light-barrier>', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null, sync: false })));
  afterEach(() => setPageLedger(undefined));

  it('states the round trip, the verdict and the distance bound (AV scenario)', async () => {
    const el = await fixture<MlsLightBarrier>(html`<mls-light-barrier distance="2000000" budget="0.01" observed="0.04"></mls-light-barrier>`);
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
    expect(el.outputs).to.include({ roundTrip: 0.02, ratio: 2, violated: true, feasible: false, maxDistance: 1_000_000, maxDistanceKm: 1000 });
    await expect(el).to.be.accessible();
  });

  it('counts processing against the budget and shrinks the bound', async () => {
    const el = await fixture<MlsLightBarrier>(html`<mls-light-barrier distance="200000" budget="0.01" processing="0.004"></mls-light-barrier>`);
    // 2 × 200 km / 2e8 = 2 ms + 4 ms = 6 ms ≤ 10 ms
    expect(text(el)).to.contain('Within budget: 6 ms of the 10 ms loop');
    // (10 − 4) ms × 2e8 / 2 = 600 km
    expect(text(el)).to.contain('after processing: 600 km');
    expect(el.outputs!.feasible).to.equal(true);
  });

  it('publishes its outputs into a lab scope and follows references', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="2">
      <mls-light-barrier distance="$d" budget="0.01" publish="lb"></mls-light-barrier></mls-lab>`);
    const el = lab.querySelector('mls-light-barrier') as MlsLightBarrier;
    lab.labScope.set('d', 5_570_000);
    await el.updateComplete;
    // London–New York 5,570 km: 27.85 ms one way, 55.7 ms round trip
    const out = lab.labScope.get('lb') as Record<string, number>;
    expect(out.oneWay).to.be.closeTo(0.02785, 1e-12);
    expect(out.roundTrip).to.be.closeTo(0.0557, 1e-12);
    expect(text(el)).to.contain('55.7 ms');
  });

  it('rejects a negative distance inline and keeps the last good state', async () => {
    const el = await fixture<MlsLightBarrier>(html`<mls-light-barrier distance="1000000" budget="0.01"></mls-light-barrier>`);
    const warn = console.warn;
    console.warn = () => {};
    try {
      setTimeout(() => el.setAttribute('distance', '-5'));
      const ev = await oneEvent(el, 'mls-invalid');
      expect(ev.detail.attribute).to.equal('distance');
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('distance');
    expect(el.outputs!.roundTrip).to.equal(0.01); // 2 × 1,000 km / 2e8 m/s
  });
});
