// `headless` (every MlsElement): the element computes and publishes its outputs but renders
// nothing, creates no chart and is out of the accessibility tree. Labs use a second, headless
// instance to evaluate an instrument at the question's setting.
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { LabScope, scopeContext } from '../../src/scope.js';
import { ChartController } from '../../src/chart.js';
import '../../components/instruments/roofline/mls-roofline.js';
import '../../components/instruments/latency-waterfall/mls-latency-waterfall.js';
import type { MlsRoofline } from '../../components/instruments/roofline/mls-roofline.js';
import type { MlsLatencyWaterfall } from '../../components/instruments/latency-waterfall/mls-latency-waterfall.js';
import { v1_02Upgrade } from '../../physics/labs/v1-02.js';

/** A scope host holding `markup`; resolves once every element in it has updated. */
async function inScope(scope: LabScope, markup: string): Promise<HTMLDivElement> {
  const wrap = fixtureSync<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(wrap, { context: scopeContext, initialValue: scope });
  wrap.innerHTML = markup;
  for (const el of wrap.children) await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  return wrap;
}

/** Nothing of the element is laid out or exposed: no box, no rendered shadow content. */
function expectInvisible(el: HTMLElement): void {
  expect(el.hasAttribute('headless')).to.equal(true);
  expect(getComputedStyle(el).display).to.equal('none');
  const box = el.getBoundingClientRect();
  expect([box.width, box.height]).to.deep.equal([0, 0]);
  expect(el.shadowRoot!.querySelector('canvas, .uplot, table, [role], [aria-live]')).to.equal(null);
  expect(el.shadowRoot!.textContent!.trim()).to.equal('');
}

describe('headless', () => {
  it('mls-roofline: publishes, creates no chart, is not visible, and is axe clean', async () => {
    const scope = new LabScope();
    const live = ChartController.live;
    const wrap = await inScope(scope, '<mls-roofline headless kernel="gemm" n="512" publish="roofQ"></mls-roofline>');
    const el = wrap.firstElementChild as MlsRoofline;
    await waitUntil(() => scope.get('roofQ') !== undefined, 'nothing published');
    // I = 512/3 FLOP/B < ridge 989/3.35 = 295 FLOP/B: memory-bound
    expect(scope.get('roofQ.bound')).to.equal('memory');
    expect(scope.get('roofQ.intensity') as number).to.be.closeTo(512 / 3, 1e-9);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(ChartController.live).to.equal(live); // no uPlot instance
    expectInvisible(el);
    await expect(wrap).to.be.accessible();
  });

  it('mls-latency-waterfall: a second, headless instance evaluates the question setting beside the visible one', async () => {
    const scope = new LabScope();
    scope.set('ai', 100);
    const live = ChartController.live;
    const wrap = await inScope(
      scope,
      `
      <mls-latency-waterfall device="h100" baseline="a100" bytes="2e9" intensity="$ai" publish="wf"></mls-latency-waterfall>
      <mls-latency-waterfall headless device="h100" baseline="a100" bytes="2e9" intensity="5" publish="wfQ"></mls-latency-waterfall>`,
    );
    const [shown, question] = [...wrap.children] as MlsLatencyWaterfall[];
    await waitUntil(() => scope.get('wf') !== undefined && scope.get('wfQ') !== undefined, 'nothing published');
    // A100 → H100 at 5 FLOP/B: 1.67× (memory-bound); at 100 FLOP/B the live instance differs
    expect(scope.get('wfQ.speedup') as number).to.be.closeTo(v1_02Upgrade('cloud', 5).speedup, 1e-9);
    expect(scope.get('wf.speedup') as number).to.be.closeTo(v1_02Upgrade('cloud', 100).speedup, 1e-9);
    await waitUntil(() => shown.shadowRoot!.querySelector('canvas'), 'the visible instance has no chart');
    expect(ChartController.live).to.equal(live + 1); // only the visible instance has a chart
    expectInvisible(question);
    await expect(wrap).to.be.accessible();
    // Still a pure function of its attributes: it follows a change and republishes.
    question.setAttribute('intensity', '2000');
    await waitUntil(() => Math.abs((scope.get('wfQ.speedup') as number) - v1_02Upgrade('cloud', 2000).speedup) < 1e-9, 'did not republish');
    expectInvisible(question);
  });

  it('toggling headless removes the chart and brings it back', async () => {
    const scope = new LabScope();
    const live = ChartController.live;
    const wrap = await inScope(scope, '<mls-roofline kernel="gemm" n="512" publish="roof"></mls-roofline>');
    const el = wrap.firstElementChild as MlsRoofline;
    await waitUntil(() => el.shadowRoot!.querySelector('.uplot'), 'no chart');
    expect(ChartController.live).to.equal(live + 1);
    el.headless = true;
    await el.updateComplete;
    expectInvisible(el);
    expect(ChartController.live).to.equal(live);
    el.removeAttribute('headless');
    await waitUntil(() => el.shadowRoot!.querySelector('.uplot'), 'chart not rebuilt');
    expect(getComputedStyle(el).display).to.equal('block');
    expect(scope.get('roof.bound')).to.equal('memory');
    el.remove();
  });

  it('a headless instance with bad input still warns and announces it, invisibly', async () => {
    const original = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => {
      warnings.push(a.map(String).join(' '));
    };
    let events = 0;
    try {
      const wrap = fixtureSync<HTMLDivElement>(html`<div @mls-invalid=${() => events++}></div>`);
      wrap.innerHTML = '<mls-roofline headless device="headless-nope"></mls-roofline>';
      const el = wrap.firstElementChild as MlsRoofline;
      await el.updateComplete;
      expectInvisible(el);
    } finally {
      console.warn = original;
    }
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain('device="headless-nope"');
    expect(events).to.equal(1);
  });
});
