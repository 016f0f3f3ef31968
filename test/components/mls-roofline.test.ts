import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../components/mls-roofline.js';
import type { MlsRoofline } from '../../components/mls-roofline.js';
import { LabScope, scopeContext } from '../../src/scope.js';
import { ChartController } from '../../src/chart.js';

const summary = (el: Element) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();
const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Count console.warn calls (and keep them out of the log) while `fn` runs. */
async function countWarnings(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => { seen.push(args.map(String).join(' ')); };
  try { await fn(); } finally { console.warn = original; }
  return seen;
}

/** Collect uncaught errors and rejections while `fn` runs. */
async function uncaught(fn: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try { await fn(); await new Promise((r) => setTimeout(r, 20)); } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

describe('<mls-roofline>', () => {
  it('renders a canvas and the text twin (table + live sentence)', async () => {
    const el = await fixture<MlsRoofline>(html`<mls-roofline kernel="gemm" n="512"></mls-roofline>`);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas).to.exist;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('NVIDIA H100');
    const table = el.shadowRoot!.querySelector('table.data')!;
    const heads = [...table.querySelectorAll('thead th')].map((t) => t.textContent!.trim());
    expect(heads).to.deep.equal(['Arithmetic intensity (FLOP/B)', 'Attainable (TFLOP/s)']);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows.length).to.be.within(2, 50);
    // First row: intensity 0.1 FLOP/B × 3.35 TB/s = 0.335 TFLOP/s.
    expect([...rows[0].children].map((c) => c.textContent!.trim())).to.deep.equal(['0.1', '0.335']);
    const marks = [...el.shadowRoot!.querySelectorAll('table.marks tbody tr th')].map((t) => t.textContent!.trim());
    expect(marks[0]).to.equal('Ridge: 295 FLOP/B');
    expect(marks[1]).to.match(/^GEMM 512³: 572 TFLOP\/s/);
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Roofline — NVIDIA H100 SXM5 (fp16)');
  });

  it('says memory-bound for an H100 fp16 GEMM at n = 512', async () => {
    const el = await fixture<MlsRoofline>(html`<mls-roofline device="h100" precision="fp16" kernel="gemm" n="512"></mls-roofline>`);
    // I = 2·512³ FLOP / (3·512² elements · 2 B) = 512/3 = 170.7 FLOP/B
    // ridge = 989e12 FLOP/s / 3.35e12 B/s = 295.2 FLOP/B  → I < ridge: memory-bound
    // attainable = 3.35e12 × 170.7 = 571.7e12 FLOP/s = 57.8 % of 989e12
    expect(summary(el)).to.equal('Memory-bound: 171 FLOP/B is below the ridge at 295 FLOP/B; attainable 572 TFLOP/s = 58% of peak.');
    const out = el.outputs!;
    expect(out.bound).to.equal('memory');
    expect(out.intensity).to.be.closeTo(512 / 3, 1e-9);
    expect(out.ridge).to.be.closeTo(989 / 3.35, 1e-9);
    expect(out.attainableFlops).to.be.closeTo(3.35e12 * 512 / 3, 1);
  });

  it('says compute-bound at n = 4096 and updates when the attribute changes', async () => {
    const el = await fixture<MlsRoofline>(html`<mls-roofline kernel="gemm" n="512"></mls-roofline>`);
    const plot = (el as unknown as { shadowRoot: ShadowRoot }).shadowRoot.querySelector('.uplot');
    el.setAttribute('n', '4096');
    await el.updateComplete;
    // I = 4096/3 = 1365.3 FLOP/B > 295.2 → compute-bound; attainable = peak = 989 TFLOP/s (100 %)
    expect(summary(el)).to.equal('Compute-bound: 1,365 FLOP/B is above the ridge at 295 FLOP/B; attainable 989 TFLOP/s = 100% of peak.');
    expect(el.outputs!.fractionOfPeak).to.equal(1);
    // Only data changed: the same uPlot root is still there.
    expect(el.shadowRoot!.querySelector('.uplot')).to.equal(plot);
  });

  it('takes an intensity directly, a precision and a deployment context as device', async () => {
    const el = await fixture<MlsRoofline>(html`<mls-roofline device="edge" precision="int8" intensity="50"></mls-roofline>`);
    // Jetson Orin NX: 50e12 OP/s int8 (dense) / 102e9 B/s = 490 FLOP/B; 50 × 102e9 = 5.1e12 = 10.2 % of peak
    expect(summary(el)).to.equal('Memory-bound: 50 FLOP/B is below the ridge at 490 FLOP/B; attainable 5.1 TFLOP/s = 10% of peak.');
    expect(el.outputs!.device).to.equal('jetson-orin-nx');
  });

  it('shows only the roof and the ridge without an operating point', async () => {
    const el = await fixture<MlsRoofline>(html`<mls-roofline device="a100"></mls-roofline>`);
    expect(summary(el)).to.match(/^Ridge at \d+ FLOP\/B: peak .* ÷ bandwidth .*B\/s/);
    expect(el.outputs!.bound).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('table.marks tbody tr').length).to.equal(1);
  });

  it('rejects an unknown device inline, warns once, throws nothing and keeps the last good chart', async () => {
    const el = await fixture<MlsRoofline>(html`<mls-roofline kernel="gemm" n="512"></mls-roofline>`);
    const before = summary(el);
    let invalidEvents = 0;
    el.addEventListener('mls-invalid', () => invalidEvents++);
    let warnings: string[] = [];
    const errors = await uncaught(async () => {
      warnings = await countWarnings(async () => {
        el.setAttribute('device', 'nope');
        await el.updateComplete;
        el.setAttribute('n', '1024'); // another update while still invalid: no second warning
        await el.updateComplete;
      });
    });
    expect(errors).to.deep.equal([]);
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain('device="nope"');
    const text = alertText(el);
    expect(text).to.contain('Invalid device');
    expect(text).to.contain('nope');
    for (const id of ['h100', 'a100', 'jetson-orin-nx']) expect(text).to.contain(id);
    expect(invalidEvents).to.equal(1);
    expect(el.shadowRoot!.querySelector('canvas')).to.exist;   // last good chart kept
    expect(summary(el)).to.equal(before);
    el.setAttribute('device', 'a100');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows no chart when the first device is already unknown', async () => {
    let el!: MlsRoofline;
    const errors = await uncaught(async () => {
      const warnings = await countWarnings(async () => {
        el = await fixture<MlsRoofline>(html`<mls-roofline device="warp-drive"></mls-roofline>`);
      });
      expect(warnings.length).to.equal(1);
    });
    expect(errors).to.deep.equal([]);
    expect(alertText(el)).to.contain('warp-drive');
    expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('rejects a NaN intensity and a bad precision with an alert', async () => {
    const warnings = await countWarnings(async () => {
      const el = await fixture<MlsRoofline>(html`<mls-roofline intensity="NaN"></mls-roofline>`);
      expect(alertText(el)).to.contain('Invalid intensity');
      expect(alertText(el)).to.contain('NaN');
      const p = await fixture<MlsRoofline>(html`<mls-roofline precision="fp64" intensity="10"></mls-roofline>`);
      expect(alertText(p)).to.contain('Invalid precision');
      expect(alertText(p)).to.contain('fp32, tf32, fp16');
      const z = await fixture<MlsRoofline>(html`<mls-roofline intensity="0"></mls-roofline>`);
      expect(alertText(z)).to.contain('> 0');
    });
    expect(warnings.length).to.equal(3);
  });

  it('is accessible (axe), in the default and the invalid state', async () => {
    const el = await fixture<MlsRoofline>(html`<mls-roofline kernel="gemm" n="512"></mls-roofline>`);
    await expect(el).to.be.accessible();
    const bad = await countWarnings(async () => {
      const b = await fixture<MlsRoofline>(html`<mls-roofline device="axe-test"></mls-roofline>`);
      await expect(b).to.be.accessible();
    });
    expect(bad.length).to.equal(1);
  });

  it('publishes its outputs into the lab scope and follows $references', async () => {
    const scope = new LabScope();
    scope.set('n', 512);
    // fixtureSync: a plain <div> has no updateComplete, and fixture() would wait for a frame.
    const wrap = fixtureSync<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(wrap, { context: scopeContext, initialValue: scope });
    const el = document.createElement('mls-roofline') as MlsRoofline;
    el.setAttribute('kernel', 'gemm');
    el.setAttribute('n', '$n');
    el.setAttribute('publish', 'roof');
    wrap.append(el);
    await el.updateComplete;
    await waitUntil(() => scope.get('roof') !== undefined, 'nothing published');
    expect(scope.get('roof.bound')).to.equal('memory');
    expect(scope.get('roof.memoryBound')).to.equal(true);
    expect(scope.get('roof.intensity') as number).to.be.closeTo(512 / 3, 1e-9);   // 2N/(3·2 B) with N = 512
    expect(scope.get('roof.ridge') as number).to.be.closeTo(295.22, 0.01);         // 989 / 3.35
    expect(scope.get('roof.fractionOfPeak') as number).to.be.closeTo((3.35 * 512 / 3) / 989, 1e-9);
    scope.set('n', 4096);
    await waitUntil(() => scope.get('roof.bound') === 'compute', 'did not follow $n');
    expect(summary(el)).to.match(/^Compute-bound/);
  });

  it('destroys uPlot and its ResizeObserver on disconnect and rebuilds on reconnect', async () => {
    const Original = window.ResizeObserver;
    const active = new Set<ResizeObserver>();
    window.ResizeObserver = class extends Original {
      override observe(t: Element, o?: ResizeObserverOptions) { active.add(this); super.observe(t, o); }
      override disconnect() { active.delete(this); super.disconnect(); }
    };
    try {
      const live = ChartController.live;
      const el = await fixture<MlsRoofline>(html`<mls-roofline kernel="gemm" n="512"></mls-roofline>`);
      expect(active.size).to.equal(1);
      expect(ChartController.live).to.equal(live + 1);
      const parent = el.parentElement!;
      el.remove();
      expect(active.size).to.equal(0);
      expect(ChartController.live).to.equal(live);
      expect(el.shadowRoot!.querySelector('.uplot')).to.equal(null);
      parent.append(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.uplot'), 'not rebuilt');
      expect(active.size).to.equal(1);
      expect(el.shadowRoot!.querySelectorAll('.uplot').length).to.equal(1);
      el.remove();
    } finally {
      window.ResizeObserver = Original;
    }
  });
});
