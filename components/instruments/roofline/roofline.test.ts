/**
 * <mls-roofline>: the physics it states (intensity, ridge, bound, attainable), its text twin and
 * its first-render states. The contracts every instrument shares (inline alerts, publish, $refs,
 * disconnect leaks, axe) run from describeInstrument at the end.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './mls-roofline.js';
import type { MlsRoofline } from './mls-roofline.js';
import { alertText, describeInstrument, inScope, partText, quietly, uncaught } from '../../../test/helpers/index.js';

const summary = (el: Element) => partText(el, '[aria-live="polite"]');

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
    expect(out.attainableFlops).to.be.closeTo((3.35e12 * 512) / 3, 1);
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

  it('shows no chart when the first device is already unknown, and stays accessible', async () => {
    let el!: MlsRoofline;
    let warnings: string[] = [];
    const errors = await uncaught(async () => {
      ({ result: el, warnings } = await quietly(() => fixture<MlsRoofline>(html`<mls-roofline device="warp-drive"></mls-roofline>`)));
    });
    expect(errors).to.deep.equal([]);
    expect(warnings.length).to.equal(1);
    expect(alertText(el)).to.contain('warp-drive');
    expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('rejects a NaN intensity and a bad precision with an alert', async () => {
    const { warnings } = await quietly(async () => {
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

  it('publishes its physics into the lab scope and follows $n', async () => {
    const { el, scope } = await inScope<MlsRoofline>(html`<mls-roofline kernel="gemm" n="$n" publish="roof"></mls-roofline>`, { n: 512 });
    await waitUntil(() => scope.get('roof') !== undefined, 'nothing published');
    expect(scope.get('roof.bound')).to.equal('memory');
    expect(scope.get('roof.memoryBound')).to.equal(true);
    expect(scope.get('roof.intensity') as number).to.be.closeTo(512 / 3, 1e-9); // 2N/(3·2 B) with N = 512
    expect(scope.get('roof.ridge') as number).to.be.closeTo(295.22, 0.01); // 989 / 3.35
    expect(scope.get('roof.fractionOfPeak') as number).to.be.closeTo((3.35 * 512) / 3 / 989, 1e-9);
    scope.set('n', 4096);
    await waitUntil(() => scope.get('roof.bound') === 'compute', 'did not follow $n');
    expect(summary(el)).to.match(/^Compute-bound/);
  });
});

describeInstrument('mls-roofline', {
  valid: { kernel: 'gemm', n: '512' },
  invalid: [
    // An unknown device: the alert lists the known ids (the last good chart stays).
    { attr: 'device', value: 'nope', says: ['Invalid device', 'h100', 'a100', 'jetson-orin-nx'] },
    { attr: 'precision', value: 'fp128', says: ['Invalid precision', 'fp32, tf32, fp16'] },
    { attr: 'n', value: '-512', says: ['Invalid n'] },
  ],
  publishes: { keys: ['bound', 'memoryBound', 'intensity', 'ridge', 'attainableFlops', 'fractionOfPeak', 'device'] },
  follows: { attr: 'n', values: [512, 4096, 64] },
});
