import { expect, fixture, fixtureSync, html, aTimeout, waitUntil } from '@open-wc/testing';
import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { MlsElement } from '../../src/base.js';
import { baseStyles } from '../../src/theme.js';
import {
  ChartController,
  chartStyles,
  logTicks,
  logTickLabel,
  logSpace,
  linSpace,
  sampleIndices,
  superscript,
  MAX_TABLE_ROWS,
  type ChartSpec,
} from '../../src/chart.js';

/** A minimal instrument: y = k·x on log-log axes, with a marker and a labelled point. */
class TestChart extends MlsElement {
  static override styles = [baseStyles, chartStyles, css`:host { display: block; width: 500px; }`];
  @property({ type: Number }) k = 2;
  @property({ type: Number }) count = 300;
  @property({ type: Boolean }) log = true;
  @property({ type: Boolean }) empty = false;
  @property() color = 'blue';
  chart = new ChartController(this);

  spec(): ChartSpec {
    const x = this.log ? logSpace(0.1, 1000, this.count) : linSpace(0, 10, this.count);
    return {
      label: 'Test line',
      x: { label: 'Intensity', unit: 'FLOP/B', log: this.log },
      y: { label: 'Rate', unit: 'TFLOP/s', log: this.log },
      data: {
        x,
        series: [
          { label: 'Line', y: x.map((v) => this.k * v), color: this.color },
          { label: 'Flat', y: x.map(() => 5), color: 'orange', dash: [4, 4] },
        ],
      },
      markers: [{ axis: 'x', value: 10, label: 'Ridge 10 FLOP/B' }],
      points: [{ x: 3, y: 3 * this.k, label: 'Here', color: 'green' }],
      summary: `k is ${this.k}.`,
    };
  }

  override render() {
    return this.chart.render(this.empty ? null : this.spec());
  }
}
customElements.define('test-chart', TestChart);

const rowsOf = (el: TestChart) => [...el.shadowRoot!.querySelectorAll('table.data tbody tr')];
const cells = (row: Element) => [...row.children].map((c) => c.textContent!.trim()).join(' | ');

describe('chart helpers', () => {
  it('labels log-axis decades plainly near 1 and as powers of ten far from it', () => {
    expect(logTickLabel(1)).to.equal('1');
    expect(logTickLabel(100)).to.equal('100');
    expect(logTickLabel(1000)).to.equal('1,000');
    expect(logTickLabel(0.01)).to.equal('0.01');
    expect(logTickLabel(1e-3)).to.equal('10⁻³');
    expect(logTickLabel(1e4)).to.equal('10⁴');
    expect(logTickLabel(3)).to.equal(''); // minor tick: unlabelled
    expect(superscript(-12)).to.equal('⁻¹²');
  });

  it('places log ticks on every decade of the range', () => {
    expect(logTicks(0.1, 1e4)).to.deep.equal([0.1, 1, 10, 100, 1000, 1e4]);
    // Under three decades the 2× and 5× ticks are added: 1, 2, 5, 10, 20, 50, 100.
    expect(logTicks(1, 100)).to.deep.equal([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(-1, 10)).to.deep.equal([]);
  });

  it('samples long curves down to at most 50 rows, keeping both ends', () => {
    const idx = sampleIndices(500);
    expect(idx.length).to.equal(MAX_TABLE_ROWS);
    expect(idx[0]).to.equal(0);
    expect(idx[idx.length - 1]).to.equal(499);
    expect(sampleIndices(7)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    const xs = logSpace(0.1, 1000, 5); // decades 10^-1 … 10^3 in four equal steps of one decade
    xs.forEach((v, i) => expect(v).to.be.closeTo(10 ** (i - 1), 1e-9 * 10 ** (i - 1)));
  });
});

describe('ChartController', () => {
  it('draws uPlot in the shadow root with a labelled canvas and log scales', async () => {
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    const canvas = el.shadowRoot!.querySelector('.uplot canvas')!;
    expect(canvas).to.exist;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('Test line');
    const u = el.chart.plot!;
    expect(u.scales.x.distr).to.equal(3);
    expect(u.scales.y.distr).to.equal(3);
    expect(u.scales.x.time).to.equal(false);
    // The data span 0.1 … 1000, so the x scale snaps to those decades.
    expect(u.scales.x.min).to.be.closeTo(0.1, 1e-12);
    expect(u.scales.x.max).to.be.closeTo(1000, 1e-9);
    // uPlot's own stylesheet is in the shadow root: the wrapper is positioned relative.
    expect(getComputedStyle(el.shadowRoot!.querySelector('.u-wrap')!).position).to.equal('relative');
  });

  it('renders the text twin: caption, unit headers, ≤ 50 sampled rows, marks and a live summary', async () => {
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    const table = el.shadowRoot!.querySelector('table.data')!;
    expect(table.querySelector('caption')!.textContent).to.contain('Test line');
    expect(table.querySelector('caption')!.textContent).to.contain('50 of 300 points');
    const heads = [...table.querySelectorAll('thead th')].map((t) => t.textContent!.trim());
    expect(heads).to.deep.equal(['Intensity (FLOP/B)', 'Line (TFLOP/s)', 'Flat (TFLOP/s)']);
    const rows = rowsOf(el);
    expect(rows.length).to.equal(50);
    // First row: x = 0.1, y = 2 × 0.1 = 0.2; last row x = 1000, y = 2000.
    expect(cells(rows[0])).to.equal('0.1 | 0.2 | 5');
    expect(cells(rows[49])).to.equal('1,000 | 2,000 | 5');
    const marks = [...el.shadowRoot!.querySelectorAll('table.marks tbody tr')].map(cells);
    expect(marks).to.deep.equal(['Ridge 10 FLOP/B | 10 | —', 'Here | 3 | 6']);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).to.equal('k is 2.');
    const small = await fixture<TestChart>(html`<test-chart count="12"></test-chart>`);
    expect(rowsOf(small).length).to.equal(12);
  });

  it('updates data with setData, without creating a new uPlot', async () => {
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    const first = el.chart.plot;
    expect(el.chart.created).to.equal(1);
    el.k = 4;
    await el.updateComplete;
    expect(el.chart.plot).to.equal(first);
    expect(el.chart.created).to.equal(1);
    // The last y of the line is now 4 × 1000.
    const ys = el.chart.plot!.data[1];
    expect(ys[ys.length - 1]).to.equal(4000);
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('k is 4.');
    expect(cells(rowsOf(el)[49])).to.equal('1,000 | 4,000 | 5');
  });

  it('re-creates the plot when the structure changes (log → linear, colour)', async () => {
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    el.log = false;
    await el.updateComplete;
    expect(el.chart.created).to.equal(2);
    expect(el.chart.plot!.scales.x.distr).to.equal(1);
    el.color = 'red';
    await el.updateComplete;
    expect(el.chart.created).to.equal(3);
    expect(el.shadowRoot!.querySelectorAll('.uplot').length).to.equal(1);
  });

  it('reads series colours from the --mls-* tokens, so a host override applies', async () => {
    const wrap = fixtureSync<HTMLDivElement>(html`<div style="--mls-color-blue: rgb(1, 2, 3)"><test-chart></test-chart></div>`);
    const el = wrap.querySelector('test-chart') as TestChart;
    await el.updateComplete;
    expect(el.chart.plot!.series[1].stroke).to.satisfy(
      (s: unknown) => (typeof s === 'function' ? s(el.chart.plot, 1) : s) === 'rgb(1, 2, 3)',
    );
  });

  it('re-reads colours when the page switches to dark mode', async () => {
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    const stroke = () => {
      const s = el.chart.plot!.series[1].stroke;
      return typeof s === 'function' ? s(el.chart.plot!, 1) : s;
    };
    const light = stroke();
    document.body.classList.add('quarto-dark');
    try {
      await waitUntil(() => stroke() !== light, 'colour did not change in dark mode');
      // dark BlueLine token is #7cc4ee (src/theme.ts)
      expect(stroke()).to.equal('#7cc4ee');
    } finally {
      document.body.classList.remove('quarto-dark');
    }
  });

  it('uses system colours and distinct dashes in forced-colors mode', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((q: string) => {
      const real = original.call(window, q);
      return q.includes('forced-colors') ? Object.create(real, { matches: { value: true }, media: { value: q } }) : real;
    }) as typeof window.matchMedia;
    try {
      const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
      const u = el.chart.plot!;
      const [, a, b] = u.series;
      const stroke = (s: typeof a, i: number) => (typeof s.stroke === 'function' ? s.stroke(u, i) : s.stroke);
      expect(stroke(a, 1)).to.equal('CanvasText');
      expect(stroke(b, 2)).to.equal('CanvasText');
      expect(a.dash).to.deep.equal([]);
      expect(b.dash).to.deep.equal([4, 4]); // its own dash; series without one get a pattern by index
      // A canvas accepts the system colour (it would silently keep the old fill otherwise).
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.fillStyle = '#ff0000';
      ctx.fillStyle = 'CanvasText';
      expect(ctx.fillStyle).not.to.equal('#ff0000');
    } finally {
      window.matchMedia = original;
    }
  });

  it('sizes to its container and follows the width its ResizeObserver reports', async () => {
    // The observer's callback is driven by hand: a real one fires only when the page renders,
    // which a background test tab (concurrent runs) may not do.
    const Original = window.ResizeObserver;
    const observers: Array<{ cb: ResizeObserverCallback; ro: ResizeObserver }> = [];
    window.ResizeObserver = class extends Original {
      constructor(cb: ResizeObserverCallback) {
        super(() => {});
        observers.push({ cb, ro: this });
      }
    };
    try {
      const wrap = fixtureSync<HTMLDivElement>(html`<div style="width: 400px"><test-chart style="width:100%"></test-chart></div>`);
      const el = wrap.querySelector('test-chart') as TestChart;
      await el.updateComplete;
      expect(el.chart.plot!.width).to.equal(400); // read from the laid-out container
      expect(observers.length).to.equal(1);
      const { cb, ro } = observers[0];
      const report = (width: number) => cb([{ contentRect: { width } } as unknown as ResizeObserverEntry], ro);
      report(300);
      expect(el.chart.plot!.width).to.equal(300);
      expect(el.chart.created).to.equal(1); // resized, not re-created
      report(0); // hidden (display:none): keep the last size
      expect(el.chart.plot!.width).to.equal(300);
    } finally {
      window.ResizeObserver = Original;
    }
  });

  it('destroys the plot on disconnect and builds it again on reconnect', async () => {
    const before = ChartController.live;
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    expect(ChartController.live).to.equal(before + 1);
    const parent = el.parentElement!;
    el.remove();
    expect(ChartController.live).to.equal(before);
    expect(el.chart.plot).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('.uplot')).to.equal(null);
    parent.append(el);
    await el.updateComplete;
    await aTimeout(0);
    expect(el.chart.plot).to.exist;
    expect(el.shadowRoot!.querySelectorAll('.uplot').length).to.equal(1);
    expect(ChartController.live).to.equal(before + 1);
  });

  it('renders nothing for a null spec and destroys any plot', async () => {
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    const before = ChartController.live;
    el.empty = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.uplot')).to.equal(null);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(ChartController.live).to.equal(before - 1);
  });

  it('is accessible (axe)', async () => {
    const el = await fixture<TestChart>(html`<test-chart></test-chart>`);
    await expect(el).to.be.accessible();
  });
});
