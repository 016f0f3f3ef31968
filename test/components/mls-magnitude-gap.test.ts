import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../components/mls-magnitude-gap.js';
import type { MlsMagnitudeGap } from '../../components/mls-magnitude-gap.js';
import { LabScope, scopeContext } from '../../src/scope.js';
import { magnitudeGap } from '../../physics/tiers.js';

const text = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const alertText = (el: Element) => text(el, '[role="alert"]');
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.abs(b);

async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); };
  try { return { value: await fn(), warnings }; } finally { console.warn = original; }
}

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
      ['TinyML FP32', '1 GFLOP/s'], ['Mobile INT8', '35 TFLOP/s'], ['Edge INT8', '50 TFLOP/s'], ['Cloud FP16', '989 TFLOP/s'],
    ]);
    const ratioRows = [...el.shadowRoot!.querySelectorAll('table.ratios tbody tr')].map((r) => r.children[3].textContent!.trim());
    // 989e12 / 1e9; 3.35e12 / 5e7; 80e9 / 512e3; 700 / 0.1
    expect(ratioRows).to.deep.equal(['989,000×', '67,000×', '156,250×', '7,000×']);
    // The mixed-precision warning is visible, in words
    expect(text(el, '[part="note"]')).to.contain('mix number formats');
    expect(text(el, '[part="headline"]')).to.equal(
      'Cloud (H100 SXM5) has 989,000× the peak compute of TinyML (Cortex-M7 MCU) (FP16 vs FP32): 6.0 orders of magnitude.');
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
    expect(close(out.compute!, 67_000)).to.equal(true);
    expect(close(out.headlineCompute!, 989_000)).to.equal(true);
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
    const el = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap columns="a100 h100" a="h100" b="a100" metrics="compute bandwidth" precision="fp16"></mls-magnitude-gap>`);
    expect(el.shadowRoot!.querySelectorAll('canvas').length).to.equal(2);
    const out = el.outputs!;
    // 989 / 312 = 3.170; 3.35 / 2.039 = 1.643
    expect(close(out.compute!, 989 / 312)).to.equal(true);
    expect(close(out.bandwidth, 3.35 / 2.039)).to.equal(true);
    expect(text(el, 'table.ratios caption')).to.equal('H100 SXM5 ÷ A100 SXM 80GB');
    // log10(3.17) = 0.5: within one order
    expect(text(el, 'table.ratios .badge')).to.equal('△ within one order');
    expect(text(el, '[part="headline"]')).to.equal('H100 SXM5 has 3.17× the peak compute of A100 SXM 80GB (both FP16): 0.5 orders of magnitude.');
  });

  it('rejects a bad tier, precision or metric inline, warns once per value and keeps the last good view', async () => {
    const el = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap></mls-magnitude-gap>`);
    let events = 0;
    el.addEventListener('mls-invalid', () => events++);
    const { warnings } = await quietly(async () => {
      el.setAttribute('b', 'toaster');
      await el.updateComplete;
      el.setAttribute('a', 'edge'); // another update while b is still bad: no second warning for b
      await el.updateComplete;
    });
    expect(warnings.length).to.equal(1);
    expect(alertText(el)).to.contain('Invalid b');
    expect(alertText(el)).to.contain('toaster');
    expect(alertText(el)).to.contain('cloud, edge, mobile, tiny');
    expect(events).to.equal(1);
    // Last good view kept: still the cloud ÷ tiny ratio
    expect(el.shadowRoot!.querySelectorAll('canvas').length).to.equal(4);
    expect(close(el.outputs!.compute!, 989_000)).to.equal(true);
    el.setAttribute('b', 'tiny');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    const { warnings: w2 } = await quietly(async () => {
      const p = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap precision="fp64" metrics="compute speed"></mls-magnitude-gap>`);
      expect(alertText(p)).to.contain('Invalid precision');
      expect(alertText(p)).to.contain('headline, fp32, fp16, int8');
      expect(alertText(p)).to.contain('Invalid metrics');
      expect(p.shadowRoot!.querySelector('canvas')).to.equal(null);
    });
    expect(w2.length).to.equal(2);
  });

  it('is accessible (axe), valid and invalid', async () => {
    const el = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap highlight="cloud"></mls-magnitude-gap>`);
    await expect(el).to.be.accessible();
    await quietly(async () => {
      const bad = await fixture<MlsMagnitudeGap>(html`<mls-magnitude-gap a="nowhere"></mls-magnitude-gap>`);
      await expect(bad).to.be.accessible();
    });
  });

  it('publishes into the lab scope and follows $precision and $context', async () => {
    const scope = new LabScope();
    scope.set('precision', 'headline');
    scope.set('context', 'cloud');
    const wrap = fixtureSync<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(wrap, { context: scopeContext, initialValue: scope });
    const el = document.createElement('mls-magnitude-gap') as MlsMagnitudeGap;
    el.setAttribute('precision', '$precision');
    el.setAttribute('highlight', '$context');
    el.setAttribute('publish', 'gap');
    wrap.append(el);
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
