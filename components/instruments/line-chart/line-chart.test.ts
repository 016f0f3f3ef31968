import { expect } from '@open-wc/testing';
import './mls-line-chart.js';
import type { MlsLineChart } from './mls-line-chart.js';
import { describeDataChart, make, rowsOf, summaryText } from '../../../test/helpers/chart-instrument-suite.js';

const good = {
  title: 'Latency against batch size',
  x: [1, 2, 4, 8],
  series: [
    { label: 'p50', y: [0.002, 0.0025, 0.003, 0.005] },
    { label: 'p99', y: [0.004, 0.005, null, 0.011] },
  ],
  xLabel: 'Batch',
  yLabel: 'Latency',
  yUnit: 's',
  xLog: true,
  markers: [{ x: 4, y: 0.003, label: 'Chosen' }],
  thresholds: [{ axis: 'y', value: 0.01, label: 'SLO 10 ms' }],
  regions: [{ axis: 'x', from: 4, to: 8, label: 'Tight' }],
};

describeDataChart({
  tag: 'mls-line-chart',
  good,
  rows: 4,
  // Default sentence: each curve's first and last value.
  summary: 'p50 goes from 2 ms at 1 to 5 ms at 8; p99 goes from 4 ms at 1 to 11 ms at 8.',
  changed: {
    ...good,
    series: [
      { label: 'p50', y: [0.001, 0.002, 0.003, 0.004] },
      { label: 'p99', y: [0.002, 0.003, 0.004, 0.009] },
    ],
  },
  bad: { ...good, series: [{ label: 'p50', y: [0.002, 0.0025] }] },
  problem: 'series[0].y has 2 values for 4 x values',
});

describe('<mls-line-chart>', () => {
  it('plots curves with units in the twin, marks, thresholds and dashes that tell curves apart', async () => {
    const el = await make<MlsLineChart>('mls-line-chart', { data: JSON.stringify(good) });
    // x column plain (no unit), y cells formatted in seconds; the gap in p99 shows as "—".
    expect(rowsOf(el)).to.deep.equal([
      ['1', '2 ms', '4 ms'],
      ['2', '2.5 ms', '5 ms'],
      ['4', '3 ms', '—'],
      ['8', '5 ms', '11 ms'],
    ]);
    const heads = [...el.shadowRoot!.querySelectorAll('table.data thead th')].map((t) => t.textContent);
    expect(heads).to.deep.equal(['Batch', 'p50 (s)', 'p99 (s)']);
    const marks = [...el.shadowRoot!.querySelectorAll('table.marks tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent!.trim()),
    );
    expect(marks).to.deep.equal([
      ['SLO 10 ms', '—', '10 ms'],
      ['Chosen', '4', '3 ms'],
    ]);
    const u = el.chart.plot!;
    expect(u.scales.x.distr).to.equal(3); // log x
    expect(u.scales.y.distr).to.equal(1);
    // The second curve is dashed, so the two differ by more than colour.
    expect(u.series[1].dash).to.deep.equal([]);
    expect(u.series[2].dash).to.deep.equal([8, 4]);
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Latency against batch size');
    const labels = JSON.parse(el.shadowRoot!.querySelector<HTMLElement>('.plot')!.dataset.labels!);
    expect(labels.placed.map((l: unknown[]) => l[0])).to.include.members(['SLO 10 ms', 'Chosen']);
    expect(summaryText(el)).to.contain('p50 goes from 2 ms');
  });

  it('rejects x that does not ascend and non-positive values on a log axis', async () => {
    const { warnings } = await (
      await import('../../../test/helpers/chart-instrument-suite.js')
    ).quietly(async () => {
      const a = await make<MlsLineChart>('mls-line-chart', { data: JSON.stringify({ ...good, x: [1, 4, 2, 8] }) });
      expect(a.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('x[2] must be greater than x[1]');
      const b = await make<MlsLineChart>('mls-line-chart', { data: JSON.stringify({ ...good, x: [0, 2, 4, 8] }) });
      expect(b.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('x[0] must be > 0 on a log axis');
    });
    expect(warnings.length).to.equal(2);
  });
});
