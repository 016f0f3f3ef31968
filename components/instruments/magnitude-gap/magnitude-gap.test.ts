/**
 * <mls-magnitude-gap>: the four-tier charts, the ratio table banded in words, the precision
 * modes, against the registry physics. The shared instrument contracts (inline alerts, publish,
 * $refs, disconnect leaks, axe) run from describeInstrument at the end.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './mls-magnitude-gap.js';
import type { MlsMagnitudeGap } from './mls-magnitude-gap.js';
import { magnitudeGap } from '../../../physics/tiers.js';
import { alertText, describeInstrument, expectClose, inScope, partText as text, quietly } from '../../../test/helpers/index.js';

describe('<mls-magnitude-gap>', () => {
  it('draws one log chart per metric with a text twin, and the ratio table', async () => {
    const el = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap></mls-magnitude-gap>`);
    const canvases = el.shadowRoot!.querySelectorAll('canvas');
    expect(canvases.length).to.equal(4);
    canvases.forEach((c) => expect(c.getAttribute('role')).to.equal('img'));
    // Each chart's hidden data table lists the four tiers with their values.
    const first = el.shadowRoot!.querySelector('table.data')!;
    const rows = [...first.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    // Compute at the headline precisions: MCU 1 GFLOP/s (FP32), phone 35 TOPS, Orin 50 TOPS (INT8 dense), H100 989 TFLOP/s (FP16)
    expect(rows).to.deep.equal([
      ['TinyML FP32', '1 GFLOP/s'],
      ['Mobile INT8', '35 TFLOP/s'],
      ['Edge INT8', '50 TFLOP/s'],
      ['Cloud FP16', '989 TFLOP/s'],
    ]);
    const ratioRows = [...el.shadowRoot!.querySelectorAll('table.ratios tbody tr')].map((r) => r.children[3].textContent!.trim());
    // 989e12 / 1e9; 3.35e12 / 5e7; 80e9 / 512e3; 700 / 0.1
    expect(ratioRows).to.deep.equal(['989,000×', '67,000×', '156,250×', '7,000×']);
    // The mixed-precision warning is visible, in words
    expect(text(el, '[part="note"]')).to.contain('mix number formats');
    expect(text(el, '[part="headline"]')).to.equal(
      'Cloud (H100 SXM5) has 989,000× the peak compute of TinyML (Cortex-M7 MCU) (FP16 vs FP32): 6.0 orders of magnitude.',
    );
  });

  it('bands the ratios in words, not only in colour', async () => {
    const el = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap></mls-magnitude-gap>`);
    const bands = [...el.shadowRoot!.querySelectorAll('table.ratios .badge')].map((b) => b.textContent!.trim());
    // log10: 5.995 → 6.0 (six or more), 4.83, 5.19 (four to six), 3.85 (one to four)
    expect(bands).to.deep.equal(['▲▲▲ six or more orders', '▲▲ four to six orders', '▲▲ four to six orders', '▲ one to four orders']);
  });

  it('puts every chip on one precision when asked, and the outputs agree with physics', async () => {
    const el = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap precision="fp32"></mls-magnitude-gap>`);
    const out = el.outputs!;
    // FP32: 67e12 / 1e9 = 67,000; the headline ratio stays 989,000
    expectClose(out.compute!, 67_000);
    expectClose(out.headlineCompute!, 989_000);
    expect(out.compute).to.equal(magnitudeGap('cloud', 'tiny', 'fp32').ratios.compute);
    expect(text(el, '[part="note"]')).to.equal('Every compute bar is at FP32.');
  });

  it('highlights the active context in colour and in words', async () => {
    const el = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap highlight="tiny"></mls-magnitude-gap>`);
    expect(text(el, '[part="active"]')).to.contain('TinyML (Cortex-M7 MCU)');
    const none = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap></mls-magnitude-gap>`);
    expect(none.shadowRoot!.querySelector('[part="active"]')).to.equal(null);
  });

  it('compares two devices given by id, on chosen metrics', async () => {
    const el = await fixture<MlsMagnitudeGap>(
      html`<mls-magnitude-gap columns="a100 h100" a="h100" b="a100" metrics="compute bandwidth" precision="fp16"></mls-magnitude-gap>`,
    );
    expect(el.shadowRoot!.querySelectorAll('canvas').length).to.equal(2);
    const out = el.outputs!;
    // 989 / 312 = 3.170; 3.35 / 2.039 = 1.643
    expectClose(out.compute!, 989 / 312);
    expectClose(out.bandwidth, 3.35 / 2.039);
    expect(text(el, 'table.ratios caption')).to.equal('H100 SXM5 ÷ A100 SXM 80GB');
    // log10(3.17) = 0.5: within one order
    expect(text(el, 'table.ratios .badge')).to.equal('△ within one order');
    expect(text(el, '[part="headline"]')).to.equal(
      'H100 SXM5 has 3.17× the peak compute of A100 SXM 80GB (both FP16): 0.5 orders of magnitude.',
    );
  });

  it('rejects a bad precision and bad metrics from the start, naming each, with no chart; accessible', async () => {
    const { warnings } = await quietly(async () => {
      const p = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap precision="fp64" metrics="compute speed"></mls-magnitude-gap>`);
      expect(alertText(p)).to.contain('Invalid precision');
      expect(alertText(p)).to.contain('headline, fp32, fp16, int8');
      expect(alertText(p)).to.contain('Invalid metrics');
      expect(p.shadowRoot!.querySelector('canvas')).to.equal(null);
      await expect(p).to.be.accessible();
    });
    expect(warnings.length).to.equal(2);
  });

  it('publishes into the lab scope and follows $precision and $context', async () => {
    const { el, scope } = await inScope<MlsMagnitudeGap>(
      html`<mls-magnitude-gap precision="$precision" highlight="$context" publish="gap"></mls-magnitude-gap>`,
      { precision: 'headline', context: 'cloud' },
    );
    await waitUntil(() => scope.get('gap') !== undefined, 'nothing published');
    expect(scope.get('gap.compute')).to.equal(989_000);
    expect(scope.get('gap.headlineCompute')).to.equal(989_000);
    expect(scope.get('gap.aPrecision')).to.equal('fp16');
    expect(scope.get('gap.bPrecision')).to.equal('fp32');
    scope.set('precision', 'int8');
    // INT8: 1,979e12 / 1e9 = 1,979,000; headline unchanged
    await waitUntil(() => scope.get('gap.compute') === 1_979_000, 'did not follow $precision');
    expect(scope.get('gap.headlineCompute')).to.equal(989_000);
    scope.set('context', 'tiny');
    await waitUntil(() => text(el, '[part="active"]').includes('TinyML'), 'did not follow $context');
  });
});

describeInstrument('mls-magnitude-gap', {
  valid: { highlight: 'cloud' },
  invalid: [
    // A tier that does not exist: the alert lists the tiers; the four charts and the cloud ÷ tiny ratio stay.
    { attr: 'b', value: 'toaster', says: ['Invalid b', 'cloud, edge, mobile, tiny'] },
    { attr: 'precision', value: 'fp128', says: ['Invalid precision', 'headline, fp32, fp16, int8'] },
    { attr: 'metrics', value: 'compute latency', says: ['Invalid metrics'] },
  ],
  publishes: {
    keys: [
      'a',
      'b',
      'precision',
      'aPrecision',
      'bPrecision',
      'compute',
      'bandwidth',
      'memory',
      'power',
      'headlineCompute',
      'computeOrders',
    ],
  },
  follows: { attr: 'precision', values: ['headline', 'int8', 'fp32'] },
});
