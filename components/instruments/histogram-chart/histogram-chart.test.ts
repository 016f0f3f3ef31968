import { expect } from '@open-wc/testing';
import './mls-histogram-chart.js';
import type { MlsHistogramChart } from './mls-histogram-chart.js';
import { percentile } from '../../../physics/serving.js';
import { describeDataChart, make, rowsOf, summaryText } from '../../../test/helpers/chart-instrument-suite.js';

// 1 … 20 ms in 1 ms steps.
const samples = Array.from({ length: 20 }, (_, i) => (i + 1) / 1000);
const good = {
  title: 'Request latency',
  samples,
  bins: 4,
  xLabel: 'Latency',
  xUnit: 's',
  percentiles: [0.5, 0.95],
  threshold: { value: 0.015, label: 'SLO' },
};

describeDataChart({
  tag: 'mls-histogram-chart',
  good,
  rows: 4,
  // p50 = 10.5 ms (between the 10th and 11th), p95 = 19.05 ms; 5 of 20 samples (16 … 20 ms) above 15 ms.
  summary: '20 samples; p50 10.5 ms, p95 19.1 ms; 25% above the SLO of 15 ms.',
  changed: { ...good, samples: samples.map((v) => v * 1.5) },
  bad: { ...good, percentiles: [99] },
  problem: 'percentiles[0] must be a fraction between 0 and 1',
});

describe('<mls-histogram-chart>', () => {
  it('bins samples with percentile lines and the share over the SLO, as physics computes them', async () => {
    const el = await make<MlsHistogramChart>('mls-histogram-chart', { data: JSON.stringify(good) });
    // 1 … 20 ms in 4 bins of 4.75 ms: 5 samples each.
    expect(rowsOf(el)).to.deep.equal([
      ['1 ms – 5.75 ms', '5'],
      ['5.75 ms – 10.5 ms', '5'],
      ['10.5 ms – 15.3 ms', '5'],
      ['15.3 ms – 20 ms', '5'],
    ]);
    const marks = [...el.shadowRoot!.querySelectorAll('table.marks tbody th')].map((t) => t.textContent);
    expect(marks).to.deep.equal(['p50 10.5 ms', 'p95 19.1 ms', 'SLO 15 ms (25% above)']);
    const lines = el.spec!.markers!.map((m) => m.value);
    expect(lines[0]).to.equal(percentile(samples, 0.5));
    expect(lines[1]).to.equal(percentile(samples, 0.95));
    expect(summaryText(el)).to.contain('25% above the SLO');
  });

  it('takes precomputed counts with edges', async () => {
    const el = await make<MlsHistogramChart>('mls-histogram-chart', {
      data: JSON.stringify({ counts: [10, 30, 60], edges: [0, 0.01, 0.02, 0.04], xLabel: 'Latency', xUnit: 's', percentiles: [0.5] }),
    });
    expect(rowsOf(el)).to.deep.equal([
      ['0 s – 10 ms', '10'],
      ['10 ms – 20 ms', '30'],
      ['20 ms – 40 ms', '60'],
    ]);
    // Median: 10 of the last bin's 60 in → 20 ms + 20 ms × 10/60 = 23.3 ms.
    expect(summaryText(el)).to.equal('100 counted; p50 23.3 ms.');
  });
});
