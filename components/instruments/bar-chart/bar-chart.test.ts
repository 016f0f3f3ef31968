import { expect } from '@open-wc/testing';
import './mls-bar-chart.js';
import type { MlsBarChart } from './mls-bar-chart.js';
import { describeDataChart, make, rowsOf, summaryText, alertText, quietly } from '../../../test/helpers/chart-instrument-suite.js';

const good = {
  title: 'Latency per model',
  categories: ['ResNet-50', 'BERT', 'GPT-2'],
  series: [
    { label: 'A100', values: [0.0021, 0.0045, 0.012] },
    { label: 'H100', values: [0.0011, 0.002, null] },
  ],
  yLabel: 'Latency',
  yUnit: 's',
  thresholds: [{ value: 0.01, label: 'Budget 10 ms' }],
};

describeDataChart({
  tag: 'mls-bar-chart',
  good,
  rows: 3,
  summary: 'Largest: GPT-2 (A100), 12 ms; smallest: ResNet-50 (H100), 1.1 ms.',
  changed: {
    ...good,
    series: [
      { label: 'A100', values: [0.003, 0.005, 0.01] },
      { label: 'H100', values: [0.001, 0.002, 0.004] },
    ],
  },
  bad: { ...good, series: [{ label: 'A100', values: [1, 2] }] },
  problem: 'series[0].values has 2 values for 3 categories',
});

describeDataChart({
  tag: 'mls-bar-chart',
  good,
  rows: 3,
  attrs: { mode: 'stacked' },
  // Totals: 2.1 + 1.1 = 3.2 ms, 4.5 + 2 = 6.5 ms, 12 + 0 = 12 ms.
  summary: 'Largest total: GPT-2, 12 ms; smallest: ResNet-50, 3.2 ms.',
  changed: {
    ...good,
    series: [
      { label: 'A100', values: [0.003, 0.005, 0.01] },
      { label: 'H100', values: [0.001, 0.002, 0.004] },
    ],
  },
  bad: { ...good, series: [{ label: 'A100', values: [0.001, -0.002, 0.003] }] },
  problem: 'series[0].values must be ≥ 0 to stack',
});

describe('<mls-bar-chart>', () => {
  it('groups bars side by side with a categories × series twin and a value label per bar', async () => {
    const el = await make<MlsBarChart>('mls-bar-chart', { data: JSON.stringify(good) });
    expect(rowsOf(el)).to.deep.equal([
      ['ResNet-50', '2.1 ms', '1.1 ms'],
      ['BERT', '4.5 ms', '2 ms'],
      ['GPT-2', '12 ms', '—'],
    ]);
    const heads = [...el.shadowRoot!.querySelectorAll('table.data thead th')].map((t) => t.textContent);
    expect(heads).to.deep.equal(['Category', 'A100 (s)', 'H100 (s)']);
    // Two bar series drawn (A100, H100); 5 bars in all.
    const labels = JSON.parse(el.shadowRoot!.querySelector<HTMLElement>('.plot')!.dataset.labels!);
    expect(labels.bars.length).to.equal(5);
    expect([...labels.placed.map((l: unknown[]) => l[0]), ...labels.dropped]).to.have.members([
      'Budget 10 ms',
      '2.1 ms',
      '1.1 ms',
      '4.5 ms',
      '2 ms',
      '12 ms',
    ]);
    // y starts at 0 and leaves room above the tallest bar (12 ms × 1.15).
    const u = el.chart.plot!;
    expect(u.scales.y.min).to.equal(0);
    expect(u.scales.y.max).to.be.closeTo(0.0138, 1e-12);
  });

  it('stacks segments in series order with the total on top, and switches mode in place', async () => {
    const el = await make<MlsBarChart>('mls-bar-chart', { data: JSON.stringify(good), mode: 'stacked' });
    expect(rowsOf(el)).to.deep.equal([
      ['ResNet-50', '2.1 ms', '1.1 ms', '3.2 ms'],
      ['BERT', '4.5 ms', '2 ms', '6.5 ms'],
      ['GPT-2', '12 ms', '—', '12 ms'],
    ]);
    // The drawn series are running sums, largest (top segment) first: H100 on top of A100.
    const u = el.chart.plot!;
    expect([...u.data[1]]).to.deep.equal([0.0021 + 0.0011, 0.0045 + 0.002, 0.012]);
    expect([...u.data[2]]).to.deep.equal([0.0021, 0.0045, 0.012]);
    const { warnings } = await quietly(async () => {
      el.setAttribute('mode', 'pie');
      await el.updateComplete;
    });
    expect(warnings.length).to.equal(1);
    expect(alertText(el)).to.contain('Invalid mode');
    expect(rowsOf(el)[0].length).to.equal(4); // still stacked: the last good mode
    el.setAttribute('mode', 'grouped');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(rowsOf(el)[0].length).to.equal(3);
    expect(summaryText(el)).to.contain('Largest: GPT-2 (A100)');
  });

  it('takes a log axis for values spanning decades', async () => {
    const el = await make<MlsBarChart>('mls-bar-chart', {
      data: JSON.stringify({
        categories: ['Tiny', 'Cloud'],
        series: [{ label: 'Compute', values: [1e9, 9.89e14] }],
        yLabel: 'Peak compute',
        yUnit: 'FLOP/s',
        yLog: true,
      }),
    });
    expect(el.chart.plot!.scales.y.distr).to.equal(3);
    expect(rowsOf(el)).to.deep.equal([
      ['Tiny', '1 GFLOP/s'],
      ['Cloud', '989 TFLOP/s'],
    ]);
    // One series: no legend.
    expect(el.shadowRoot!.querySelector('[part="legend"]')).to.equal(null);
  });
});

describe('<mls-bar-chart> in forced-colors mode', () => {
  it('hatches the second series so series differ without colour', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((q: string) => {
      const real = original.call(window, q);
      return q.includes('forced-colors') ? Object.create(real, { matches: { value: true }, media: { value: q } }) : real;
    }) as typeof window.matchMedia;
    try {
      const el = await make<MlsBarChart>('mls-bar-chart', { data: JSON.stringify(good) });
      const u = el.chart.plot!;
      const fill = (i: number) => {
        const f = u.series[i].fill;
        return typeof f === 'function' ? f(u, i) : f;
      };
      expect(fill(1)).to.equal('CanvasText'); // A100: solid
      expect(fill(2)).to.be.instanceOf(CanvasPattern); // H100: hatched
      expect(el.shadowRoot!.querySelector('.legend .swatch.h1')).to.exist;
    } finally {
      window.matchMedia = original;
    }
  });
});
