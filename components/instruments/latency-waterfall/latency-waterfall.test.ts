/**
 * <mls-latency-waterfall>: the Iron Law terms old against new, the end-to-end stack with
 * propagation and an SLA, against the lab physics. The shared instrument contracts (inline
 * alerts, publish, $refs, disconnect leaks, axe) run from describeInstrument at the end.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './mls-latency-waterfall.js';
import type { MlsLatencyWaterfall } from './mls-latency-waterfall.js';
import { v1_02Upgrade, v1_02EndToEnd } from '../../../physics/labs/v1-02.js';
import { alertText, describeInstrument, expectClose, inScope, partText as text, quietly, squash } from '../../../test/helpers/index.js';

describe('<mls-latency-waterfall>', () => {
  it('compares old and new term by term, with the speed-up the physics gives', async () => {
    const el = await fixture<MlsLatencyWaterfall>(
      html`<mls-latency-waterfall device="h100" baseline="a100" bytes="2e9" intensity="5"></mls-latency-waterfall>`,
    );
    const o = el.outputs!;
    const u = v1_02Upgrade('cloud', 5);
    // A100 1,027.9 us / H100 617.1 us = 1.666x (bandwidth 1.643x, compute 3.170x)
    expectClose(o.speedup!, u.speedup);
    expectClose(o.total, 2e9 / 3.35e12 + 1e10 / 989e12 + 10e-6);
    expectClose(o.baseline!.total, 2e9 / 2.039e12 + 1e10 / 312e12 + 15e-6);
    expect(o.bound).to.equal('memory');
    expect(text(el, '[part="title"]')).to.equal('Iron Law terms: A100 SXM 80GB → H100 SXM5');
    expect(text(el, '.summary')).to.equal(
      'A100 SXM 80GB 1.03 ms → H100 SXM5 617 µs: 1.67× faster (compute 3.17×, bandwidth 1.64×); H100 SXM5 is memory-bound (data movement is the larger term).',
    );
    // Visible terms table: the binding term is tagged in text
    const dataRow = [...el.shadowRoot!.querySelectorAll('table[part="terms"] tbody tr')][0];
    expect([...dataRow.children].map((c) => squash(c.textContent))).to.deep.equal(['Data movement D/BW', '981 µsBINDING', '597 µsBINDING']);
    // Text twin: table-only columns per design, by term
    const head = [...el.shadowRoot!.querySelectorAll('table.data thead th')].map((t) => t.textContent!.trim());
    expect(head).to.deep.equal(['Term', 'A100 SXM 80GB (old) (s)', 'H100 SXM5 (new) (s)']);
    const firstRow = [...el.shadowRoot!.querySelectorAll('table.data tbody tr')][0];
    expect(firstRow.children[0].textContent!.trim()).to.equal('Data movement D/BW');
  });

  it('turns compute-bound past the ridge and the speed-up approaches the compute ratio', async () => {
    const el = await fixture<MlsLatencyWaterfall>(
      html`<mls-latency-waterfall device="h100" baseline="a100" bytes="2e9" intensity="2000"></mls-latency-waterfall>`,
    );
    const o = el.outputs!;
    expect(o.bound).to.equal('compute');
    expectClose(o.speedup!, v1_02Upgrade('cloud', 2000).speedup);
    expect(o.speedup!).to.be.within(2.9, 3.17);
  });

  it('publishes the reference (question) setting alongside the live one and says so', async () => {
    const el = await fixture<MlsLatencyWaterfall>(
      html`<mls-latency-waterfall device="h100" baseline="a100" bytes="2e9" intensity="100" reference-intensity="5"></mls-latency-waterfall>`,
    );
    const o = el.outputs!;
    expectClose(o.reference!.speedup!, v1_02Upgrade('cloud', 5).speedup);
    expectClose(o.speedup!, v1_02Upgrade('cloud', 100).speedup);
    expect(text(el, '[part="reference"]')).to.equal(
      "At the question's setting (intensity 5 FLOP/B): H100 SXM5 is 1.67× faster than A100 SXM 80GB.",
    );
  });

  it('stacks the end-to-end bar with propagation and an SLA line (cloud remote, edge on board)', async () => {
    const el = await fixture<MlsLatencyWaterfall>(html`<mls-latency-waterfall mode="stack" device="h100" baseline="jetson-orin-nx"
      model="resnet50" precision="fp16" distance-km="3000" sla="0.01"></mls-latency-waterfall>`);
    const o = el.outputs!;
    const phys = v1_02EndToEnd('cloud', 3e6, 1);
    // 2 x 3e6 m / 2e8 m/s = 30 ms + 33.66 us of inference
    expectClose(o.propagation, 0.03);
    expectClose(o.total, phys.endToEnd);
    expect(o.slaViolated).to.equal(true);
    expect(o.status).to.equal('sla-violated');
    expect(o.state).to.equal('fail');
    expect(o.placement).to.equal('remote');
    // (10 ms - 33.66 us) x 2e8 / 2 = 996.6 km
    expect(o.maxDistanceKm!).to.be.within(996.6, 996.7);
    // The Orin is on board: no propagation
    expect(o.baseline!.placement).to.equal('onboard');
    expect(o.baseline!.propagation).to.equal(0);
    expectClose(o.baseline!.total, v1_02EndToEnd('edge', 3e6, 1).endToEnd);
    expect(text(el, '[part="status"]')).to.equal('✕ SLA violated: 30 ms > 10 ms.');
    const marks = [...el.shadowRoot!.querySelectorAll('table.marks tbody th')].map((t) => t.textContent!.trim());
    expect(marks[0]).to.equal('SLA 10 ms');
    el.setAttribute('distance-km', '500');
    await el.updateComplete;
    // 5 ms + 33.66 us < 10 ms
    expect(el.outputs!.slaViolated).to.equal(false);
    expect(text(el, '[part="status"]')).to.equal('✓ SLA met: 5.03 ms ≤ 10 ms.');
    // With a reference distance, the sentence describes that setting end to end (not a speed-up)
    el.setAttribute('reference-distance-km', '3000');
    await el.updateComplete;
    expect(text(el, '[part="reference"]')).to.equal(
      "At the question's setting (3,000 km): H100 SXM5 is 30 ms end to end, of which 30 ms is the light's round trip.",
    );
  });

  it('reads weights once per batch: D = W + B x A', async () => {
    const el = await fixture<MlsLatencyWaterfall>(
      html`<mls-latency-waterfall device="jetson-orin-nx" model="resnet50" batch="64" sla="0.01"></mls-latency-waterfall>`,
    );
    const o = el.outputs!;
    // 51.2e6 + 64 x 301,056 = 70,467,584 B; 64 x 8.2e9 FLOP
    expect(o.bytes).to.equal(70_467_584);
    expect(o.ops).to.equal(64 * 8.2e9);
    expectClose(o.total, v1_02EndToEnd('edge', 0, 64).endToEnd);
    expect(o.slaViolated).to.equal(true);
    // throughput = batch / inference time
    expectClose(o.throughput, 64 / o.inference);
  });

  it('accepts literal bandwidth and flops', async () => {
    const el = await fixture<MlsLatencyWaterfall>(
      html`<mls-latency-waterfall bandwidth="1e12" flops="1e14" overhead="0" bytes="1e9" ops="1e12"></mls-latency-waterfall>`,
    );
    const o = el.outputs!;
    // 1e9 / 1e12 = 1 ms; 1e12 / 1e14 = 10 ms
    expectClose(o.data, 1e-3);
    expectClose(o.compute, 1e-2);
    expect(o.device).to.equal(null);
    expect(o.bound).to.equal('compute');
  });

  it('rejects several bad attributes at once, each named in the alert, and draws no chart; accessible', async () => {
    const { warnings } = await quietly(async () => {
      const b = await fixture<MlsLatencyWaterfall>(
        html`<mls-latency-waterfall batch="0.5" mode="spiral" sla="-1" baseline="h100:nothing"></mls-latency-waterfall>`,
      );
      const t = alertText(b);
      expect(t).to.contain('Invalid batch');
      expect(t).to.contain('whole number');
      expect(t).to.contain('Invalid mode');
      expect(t).to.contain('terms, stack');
      expect(t).to.contain('Invalid sla');
      expect(b.shadowRoot!.querySelector('canvas')).to.equal(null);
      await expect(b).to.be.accessible();
    });
    expect(warnings.length).to.equal(3);
  });

  it('reports a model without an operation count, and recovers when the model changes', async () => {
    const { warnings } = await quietly(async () => {
      // Llama 3 8B has no per-inference FLOP count in the registry (it depends on the sequence)
      const el = await fixture<MlsLatencyWaterfall>(html`<mls-latency-waterfall device="h100" model="llama3-8b"></mls-latency-waterfall>`);
      expect(alertText(el)).to.contain('Invalid model');
      expect(alertText(el)).to.contain('llama3-8b');
      expect(alertText(el)).to.contain('operation count');
      el.setAttribute('model', 'bert-base');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      // BERT-Base: 22e9 FLOP per 128-token sequence
      expect(el.outputs!.ops).to.equal(22e9);
    });
    expect(warnings.length).to.equal(1);
  });

  it('is accessible (axe) in stack mode with an SLA', async () => {
    const el = await fixture<MlsLatencyWaterfall>(
      html`<mls-latency-waterfall mode="stack" device="h100" baseline="jetson-orin-nx" distance-km="3000" sla="0.01"></mls-latency-waterfall>`,
    );
    await expect(el).to.be.accessible();
  });

  it('publishes into the lab scope, follows $device with a new:old map and $distance', async () => {
    const { scope } = await inScope<MlsLatencyWaterfall>(
      html`<mls-latency-waterfall mode="stack" device="$device"
      baseline="h100:jetson-orin-nx jetson-orin-nx:h100" distance-km="$distance" sla="0.01" reference-distance-km="3000"
      publish="wf2"></mls-latency-waterfall>`,
      { device: 'h100', distance: 3000 },
    );
    await waitUntil(() => scope.get('wf2') !== undefined, 'nothing published');
    expect(scope.get('wf2.slaViolated')).to.equal(true);
    expect(scope.get('wf2.baseline.device')).to.equal('jetson-orin-nx');
    scope.set('distance', 500);
    await waitUntil(() => scope.get('wf2.slaViolated') === false, 'did not follow $distance');
    // The reference stays at 3,000 km: 2 x 3e6 / 2e8 = 30 ms
    expectClose(scope.get('wf2.reference.linkRoundTrip') as number, 0.03);
    scope.set('device', 'jetson-orin-nx');
    await waitUntil(() => scope.get('wf2.placement') === 'onboard', 'did not follow $device');
    expect(scope.get('wf2.baseline.device')).to.equal('h100');
    expect(scope.get('wf2.propagation')).to.equal(0);
  });
});

describeInstrument('mls-latency-waterfall', {
  valid: { device: 'h100', baseline: 'a100', bytes: '2e9', intensity: '5' },
  invalid: [
    { attr: 'device', value: 'quantum', says: ['Invalid device'] },
    { attr: 'intensity', value: '-5', says: ['Invalid intensity'] },
    { attr: 'mode', value: 'pyramid', says: ['Invalid mode', 'terms, stack'] },
    { attr: 'sla', value: '-2', says: ['Invalid sla'] },
  ],
  publishes: {
    keys: ['total', 'data', 'compute', 'bound', 'speedup', 'baseline', 'slaViolated', 'status', 'state', 'placement', 'throughput'],
  },
  follows: { attr: 'intensity', values: [5, 100, 2000] },
});
