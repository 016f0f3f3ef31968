// The chart recipes (src/chart/recipes.ts): pure functions that build spec parts. Numbers are
// worked by hand in the comments; histograms are cross-checked against physics/serving.ts.
import { expect } from '@open-wc/testing';
import { groupedBars, stackedBars, histogram, frontier, paretoFrontier, quantileSorted, unitAxis } from '../../src/chart.js';
import { percentile, histogram as physicsHistogram } from '../../physics/serving.js';

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('unitAxis', () => {
  it('formats ticks and cells in units formatValue scales, and leaves other units to the title', () => {
    const s = unitAxis('Latency', 's', { log: true });
    expect(s.tick!(0.0305)).to.equal('30.5 ms');
    expect(s.format!(2e-6)).to.equal('2 µs');
    expect(s.log).to.equal(true);
    expect(unitAxis('Bandwidth', 'B/s').tick!(3.35e12)).to.equal('3.35 TB/s');
    const ai = unitAxis('Arithmetic intensity', 'FLOP/B');
    expect(ai).to.deep.equal({ label: 'Arithmetic intensity', unit: 'FLOP/B' });
    expect(unitAxis('Count')).to.deep.equal({ label: 'Count' });
  });
});

describe('groupedBars', () => {
  it('puts series side by side in each category and lists each value once in the table', () => {
    const g = groupedBars(
      2,
      [
        { label: 'A', values: [1, 2], color: 'blue' },
        { label: 'B', values: [3, null], color: 'grey' },
      ],
      0.3,
    );
    // Category 1 at x = 1: A at 1 − 0.15, B at 1 + 0.15; category 2 likewise at 2.
    expect(g.x.map((v) => Math.round(v * 100) / 100)).to.deep.equal([0.85, 1.15, 1.85, 2.15]);
    expect(g.series.map((s) => [s.label, s.kind ?? 'line', !!s.tableOnly, [...s.y]])).to.deep.equal([
      ['A', 'bars', false, [1, null, 2, null]],
      ['B', 'bars', false, [null, 3, null, null]],
      ['A', 'line', true, [1, null, 2, null]],
      ['B', 'line', true, [null, 3, null, null]],
    ]);
  });
});

describe('stackedBars', () => {
  const segments = [
    { label: 'Data', values: [1, 4], color: 'blue' },
    { label: 'Compute', values: [2, null], color: 'green' },
    { label: 'Overhead', values: [0.5, 1], color: 'orange' },
  ];

  it('draws running sums, largest first, and keeps each segment and the total for the table', () => {
    const s = stackedBars(segments);
    expect(s.x).to.deep.equal([1, 2]);
    // Running sums: design 1: 1, 1 + 2 = 3, 3 + 0.5 = 3.5; design 2: 4, 4 + 0 = 4, 4 + 1 = 5.
    const drawn = s.series.filter((x) => !x.tableOnly);
    expect(drawn.map((x) => [x.label, x.kind, x.hideInTable, [...x.y]])).to.deep.equal([
      ['Overhead', 'bars', true, [3.5, 5]],
      ['Compute', 'bars', true, [3, 4]],
      ['Data', 'bars', true, [1, 4]],
    ]);
    const table = s.series.filter((x) => x.tableOnly);
    expect(table.map((x) => [x.label, [...x.y]])).to.deep.equal([
      ['Data', [1, 4]],
      ['Compute', [2, null]],
      ['Overhead', [0.5, 1]],
      ['Total', [3.5, 5]],
    ]);
    expect(s.points).to.deep.equal([]);
  });

  it('takes the total column from the caller, or leaves it out, and labels the stack tops', () => {
    const own = stackedBars(segments, { total: { label: 'End to end', values: [3.6, 5.1] } });
    expect(own.series.at(-1)).to.deep.equal({ label: 'End to end', tableOnly: true, y: [3.6, 5.1] });
    expect(stackedBars(segments, { total: false }).series.filter((x) => x.tableOnly).length).to.equal(3);
    const labelled = stackedBars(segments, { totalLabel: (v) => `${v} s` });
    expect(labelled.points.map((p) => [p.x, p.y, p.label, p.labelAt, p.radius])).to.deep.equal([
      [1, 3.5, '3.5 s', 'above', 0],
      [2, 5, '5 s', 'above', 0],
    ]);
  });
});

describe('histogram', () => {
  // 1 … 100: percentiles interpolate between ranks like physics' percentile().
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);

  it('bins samples as physics does, with percentile lines and the share over a threshold', () => {
    const h = histogram({ samples, bins: 10, percentiles: [0.5, 0.99], threshold: { value: 90, label: 'SLO' }, format: (v) => `${v}` });
    const ref = physicsHistogram(samples, 10);
    expect(h.counts).to.deep.equal(ref.counts);
    h.edges.forEach((e, i) => expect(close(e, ref.edges[i]), `edge ${i}`).to.equal(true));
    expect(h.total).to.equal(100);
    // Bin centres: (1 + 10.9) / 2 = 5.95 for the first bin of width 9.9.
    expect(close(h.x[0], 5.95)).to.equal(true);
    // p50 = 50.5 (between ranks 50 and 51), p99 = 99.01.
    expect(h.percentiles.map((p) => p.value)).to.deep.equal([percentile(samples, 0.5), percentile(samples, 0.99)]);
    expect(close(h.percentiles[1].value, 99.01)).to.equal(true);
    // 10 samples (91 … 100) are over 90: 10%.
    expect(h.aboveThreshold).to.equal(0.1);
    expect(h.markers.map((m) => [m.axis, m.label])).to.deep.equal([
      ['x', 'p50 50.5'],
      ['x', 'p99 99.01'],
      ['x', 'SLO 90 (10% above)'],
    ]);
    expect(h.series[0]).to.include({ kind: 'bars', label: 'Count' });
    expect(h.binRange(h.x[0])).to.equal('1 – 10.9');
  });

  it('takes precomputed counts and interpolates percentiles and the threshold share within bins', () => {
    // 10 in [0, 1), 30 in [1, 2), 60 in [2, 4): the median (50th of 100) is 10 below bin 3 + 40 in,
    // 10/60 of the way through [2, 4) → 2 + 2 × 10/60 = 2.333…
    const h = histogram({ counts: [10, 30, 60], edges: [0, 1, 2, 4], percentiles: [0.5], threshold: { value: 3, label: 'SLO' } });
    expect(h.x).to.deep.equal([0.5, 1.5, 3]);
    expect(close(h.percentiles[0].value, 2 + 2 * (10 / 60))).to.equal(true);
    // Half of the last bin lies above 3: 30 of 100.
    expect(close(h.aboveThreshold!, 0.3)).to.equal(true);
  });

  it('bins in log space for a log axis', () => {
    // 1 … 1000 over 3 bins: edges 1, 10, 100, 1000; centres at the geometric means.
    const h = histogram({ samples: [1, 2, 5, 20, 50, 200, 999, 1000], bins: 3, log: true });
    expect(h.edges.map((e) => Math.round(e * 1e6) / 1e6)).to.deep.equal([1, 10, 100, 1000]);
    expect(h.counts).to.deep.equal([3, 2, 3]);
    expect(close(h.x[0], Math.sqrt(10))).to.equal(true);
  });

  it('rejects unusable input, naming what is wrong', () => {
    expect(() => histogram({})).to.throw(RangeError, /samples, or counts with edges/);
    expect(() => histogram({ samples: [NaN] })).to.throw(RangeError, /no finite value/);
    expect(() => histogram({ samples: [0, 1], log: true })).to.throw(RangeError, /> 0/);
    expect(() => histogram({ counts: [1, 2], edges: [0, 1] })).to.throw(RangeError, /counts.length \+ 1 = 3/);
    expect(() => histogram({ counts: [1], edges: [1, 0] })).to.throw(RangeError, /ascending/);
    expect(() => histogram({ samples, percentiles: [99] })).to.throw(RangeError, /fractions/);
  });

  it('gives a single repeated value a bin of width one around it', () => {
    const h = histogram({ samples: [5, 5, 5], bins: 2 });
    expect(h.edges).to.deep.equal([4.5, 5, 5.5]);
    expect(h.counts).to.deep.equal([0, 3]);
    expect(quantileSorted([5, 5, 5], 0.99)).to.equal(5);
  });
});

describe('paretoFrontier and frontier', () => {
  // Cost (x, less is better) against accuracy (y, more is better).
  const pts = [
    { x: 4, y: 0.9, label: 'big' }, // 0: on the frontier (most accurate)
    { x: 1, y: 0.6, label: 'tiny' }, // 1: on (cheapest)
    { x: 2, y: 0.8, label: 'small' }, // 2: on
    { x: 3, y: 0.7 }, // 3: dominated by 2 (cheaper and more accurate)
    { x: 2, y: 0.8, label: 'copy' }, // 4: identical to 2: the first listed is kept
    { x: 5, y: 0.9 }, // 5: dominated by 0 (same accuracy, dearer)
  ];

  it('keeps the points nothing beats on both axes, by x', () => {
    expect(paretoFrontier(pts)).to.deep.equal([1, 2, 0]);
    // Both "more is better": 5 (x 5, y 0.9) beats 0; 0 is dominated.
    expect(paretoFrontier(pts, { x: 'max', y: 'max' })).to.deep.equal([5]);
    // Both "less is better": the cheapest and least accurate alone.
    expect(paretoFrontier(pts, { x: 'min', y: 'min' })).to.deep.equal([1]);
    expect(
      paretoFrontier([
        { x: NaN, y: 1 },
        { x: 1, y: 1 },
      ]),
    ).to.deep.equal([1]);
  });

  it('builds the scatter: ascending x, a frontier line through the optimal points, the chosen point first', () => {
    const f = frontier(pts, { highlight: 3 });
    expect(f.x).to.deep.equal([1, 2, 2, 3, 4, 5]);
    expect(f.order).to.deep.equal([1, 2, 4, 3, 0, 5]);
    const [dots, line] = f.series;
    expect(dots).to.include({ kind: 'points', label: 'Points' });
    expect([...dots.y]).to.deep.equal([0.6, 0.8, 0.8, 0.7, 0.9, 0.9]);
    expect(line).to.include({ label: 'Pareto frontier', spanGaps: true });
    expect([...line.y]).to.deep.equal([0.6, 0.8, null, null, 0.9, null]);
    // The chosen point is drawn (radius 7) and placed first; labelled points are label-only.
    expect(f.points.map((p) => [p.label, p.radius])).to.deep.equal([
      ['Chosen', 7],
      ['tiny', 0],
      ['small', 0],
      ['copy', 0],
      ['big', 0],
    ]);
    expect(frontier(pts, { line: false }).series.length).to.equal(1);
  });
});
