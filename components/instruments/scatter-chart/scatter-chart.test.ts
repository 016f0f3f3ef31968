import { expect } from '@open-wc/testing';
import './mls-scatter-chart.js';
import type { MlsScatterChart } from './mls-scatter-chart.js';
import { describeDataChart, make, rowsOf, summaryText, alertText, quietly } from '../../../test/helpers/chart-instrument-suite.js';

// Latency (less is better) against accuracy (more is better).
const good = {
  title: 'Accuracy against latency',
  points: [
    { x: 0.004, y: 0.76, label: 'ResNet-50' }, // frontier
    { x: 0.002, y: 0.71, label: 'MobileNet' }, // frontier (fastest)
    { x: 0.006, y: 0.74 }, // dominated by ResNet-50
    { x: 0.02, y: 0.81, label: 'ViT-L' }, // frontier (most accurate)
  ],
  xLabel: 'Latency',
  xUnit: 's',
  yLabel: 'Top-1 accuracy',
  yUnit: '%',
  frontier: true,
  highlight: 'ResNet-50',
};

describeDataChart({
  tag: 'mls-scatter-chart',
  good,
  rows: 4,
  summary: '4 points; 3 on the Pareto frontier (MobileNet, ResNet-50, ViT-L); chosen: ResNet-50 at 4 ms, 76%, on the frontier.',
  changed: { ...good, points: good.points.map((p) => ({ ...p, y: p.y - 0.01 })) },
  bad: { ...good, highlight: 'AlexNet' },
  problem: "highlight names no point's label",
});

describe('<mls-scatter-chart>', () => {
  it('lists the points by x with the frontier and the chosen point, and draws the frontier through them', async () => {
    const el = await make<MlsScatterChart>('mls-scatter-chart', { data: JSON.stringify(good) });
    expect(rowsOf(el)).to.deep.equal([
      ['MobileNet', '2 ms', '71%', 'yes'],
      ['ResNet-50 (chosen)', '4 ms', '76%', 'yes'],
      ['Point 3', '6 ms', '74%', 'no'],
      ['ViT-L', '20 ms', '81%', 'yes'],
    ]);
    const u = el.chart.plot!;
    expect([...u.data[2]]).to.deep.equal([0.71, 0.76, null, 0.81]); // the frontier line skips point 3
    expect(u.series[2].spanGaps).to.equal(true);
    // The chosen point is drawn as a mark (larger), labelled first.
    const labels = JSON.parse(el.shadowRoot!.querySelector<HTMLElement>('.plot')!.dataset.labels!);
    expect(labels.placed[0][0]).to.equal('ResNet-50 (chosen)');
  });

  it("takes the frontier's sense per axis and the highlight by index, and rejects a bad index", async () => {
    const el = await make<MlsScatterChart>('mls-scatter-chart', {
      data: JSON.stringify({ ...good, frontier: { x: 'min', y: 'min' }, highlight: 2 }),
    });
    // Less latency and less accuracy both "better": MobileNet alone.
    expect(rowsOf(el).map((r) => r[3])).to.deep.equal(['yes', 'no', 'no', 'no']);
    expect(summaryText(el)).to.contain('chosen: Point 3 at 6 ms, 74%, off the frontier');
    const { warnings } = await quietly(async () => {
      el.setAttribute('data', JSON.stringify({ ...good, highlight: 9 }));
      await el.updateComplete;
    });
    expect(warnings.length).to.equal(1);
    expect(alertText(el)).to.contain('highlight must be a point index 0 … 3');
    // Without a frontier: no line, no legend, no frontier column.
    const plain = await make<MlsScatterChart>('mls-scatter-chart', {
      data: JSON.stringify({ ...good, frontier: false, highlight: undefined }),
    });
    expect(plain.chart.plot!.series.length).to.equal(2);
    expect(rowsOf(plain)[0]).to.deep.equal(['MobileNet', '2 ms', '71%']);
  });
});
