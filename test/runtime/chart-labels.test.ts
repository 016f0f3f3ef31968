// Label placement (src/chart/marks.ts): the pure rule on boxes, then the rule at work in
// <mls-magnitude-gap> as lab 01 uses it (the four tiers), at a desktop and a phone width.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { placeLabels, pointOptions, markerOptions, textSizes, intersects, within, type Box, type LabelRequest } from '../../src/chart.js';
import '../../components/instruments/magnitude-gap/mls-magnitude-gap.js';
import '../../components/instruments/roofline/mls-roofline.js';
import type { MlsMagnitudeGap } from '../../components/instruments/magnitude-gap/mls-magnitude-gap.js';

const plot: Box = { x: 50, y: 10, w: 300, h: 200 };
/** 7 px per character, 15 px per line: a stand-in for canvas text measurement. */
const measure = (s: string) => 7 * s.length;

/** A seeded generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectClean(placed: Array<{ text: string; box: Box }>, area: Box, obstacles: Box[] = []) {
  placed.forEach((a, i) => {
    expect(within(a.box, area), `${a.text} inside the plot`).to.equal(true);
    for (const b of placed.slice(i + 1)) expect(intersects(a.box, b.box), `${a.text} × ${b.text}`).to.equal(false);
    for (const o of obstacles) expect(intersects(a.box, o), `${a.text} over an obstacle`).to.equal(false);
  });
}

describe('label placement (pure)', () => {
  it("takes each label's first free option and drops a label with none", () => {
    const A: LabelRequest = { text: 'A', options: [{ box: { x: 60, y: 20, w: 40, h: 15 }, lines: ['A'] }] };
    // B's first option overlaps A, its second is outside the plot, its third is free.
    const B: LabelRequest = {
      text: 'B',
      options: [
        { box: { x: 80, y: 25, w: 40, h: 15 }, lines: ['B'] },
        { box: { x: 330, y: 20, w: 40, h: 15 }, lines: ['B'] },
        { box: { x: 60, y: 60, w: 40, h: 15 }, lines: ['B'] },
      ],
    };
    // C's only option sits on an obstacle (a bar): dropped.
    const bar: Box = { x: 200, y: 100, w: 30, h: 110 };
    const C: LabelRequest = { text: 'C', options: [{ box: { x: 195, y: 120, w: 40, h: 15 }, lines: ['C'] }] };
    // D may sit inside that bar (its own), since the option names it.
    const D: LabelRequest = { text: 'D', options: [{ box: { x: 205, y: 150, w: 20, h: 15 }, lines: ['D'], ignore: bar }] };
    const out = placeLabels([A, B, C, D], plot, [bar]);
    expect(out.placed.map((p) => [p.text, p.option])).to.deep.equal([
      ['A', 0],
      ['B', 2],
      ['D', 0],
    ]);
    expect(out.dropped).to.deep.equal(['C']);
    // Keeps `pad` between labels: 2 px apart is not enough at pad 3.
    const near: LabelRequest = { text: 'E', options: [{ box: { x: 102, y: 20, w: 20, h: 15 }, lines: ['E'] }] };
    expect(placeLabels([A, near], plot, [], 3).dropped).to.deep.equal(['E']);
    expect(placeLabels([A, near], plot, [], 1).dropped).to.deep.equal([]);
  });

  it('never returns overlapping boxes or boxes outside the plot (300 random layouts, bars as obstacles)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const bars: Box[] = Array.from({ length: 1 + Math.floor(r() * 6) }, (_, i) => {
        const h = 20 + r() * 180;
        return { x: plot.x + 10 + i * 45, y: plot.y + plot.h - h, w: 30, h };
      });
      const requests: LabelRequest[] = Array.from({ length: 2 + Math.floor(r() * 10) }, (_, i) => {
        const text = `${Math.round(r() * 1e4)} ${['TFLOP/s', 'GB/s', 'ms', 'W'][i % 4]}`;
        const sizes = textSizes(text, measure, 15);
        const bar = bars[i % bars.length];
        const onBar = r() < 0.5;
        const anchor = onBar
          ? { x: bar.x, y: bar.y, w: bar.w, h: 0 }
          : { x: plot.x + r() * plot.w - 4, y: plot.y + r() * plot.h - 4, w: 8, h: 8 };
        return { text, options: pointOptions(anchor, sizes, plot, 4, onBar ? 'above' : 'right', onBar ? bar : undefined) };
      });
      const out = placeLabels(requests, plot, bars);
      expect(out.placed.length + out.dropped.length).to.equal(requests.length);
      const inner = { x: plot.x + 1, y: plot.y + 1, w: plot.w - 2, h: plot.h - 2 };
      // Labels may only overlap the bar they were allowed inside (their option's `ignore`).
      out.placed.forEach((p) => {
        const ignore = requests[p.request].options[p.option].ignore;
        for (const b of bars) if (b !== ignore) expect(intersects(p.box, b, 2), `seed ${seed}: ${p.text} over a bar`).to.equal(false);
      });
      expectClean(out.placed, inner);
      // Deterministic: the same input places the same way.
      expect(placeLabels(requests, plot, bars)).to.deep.equal(out);
    }
  });

  it('offers the old spots first: above-right of a point, beside a marker line', () => {
    // A 6 px point at (200, 100): label 4 px right of the marker, its top 18 px above the marker's top.
    const anchor = { x: 194, y: 94, w: 12, h: 12 };
    const [first, second] = pointOptions(anchor, textSizes('Here', measure, 15), plot, 4);
    expect(first.box).to.deep.equal({ x: 210, y: 76, w: 28, h: 15 });
    expect(second.box).to.deep.equal({ x: 162, y: 76, w: 28, h: 15 }); // above-left: 4 px left of the marker
    // A vertical marker at x = 120 with its label at the top: 6 px right of the line, then 6 px left of it.
    const m = markerOptions('x', 120, 16, textSizes('Ridge', measure, 15), plot, 4);
    expect([m[0].box.x, m[0].box.y, m[1].box.x]).to.deep.equal([126, 16, 79]);
    // A horizontal marker at y = 100: right-aligned 6 px from the plot's right edge, 18 px above the line.
    const h = markerOptions('y', 100, 0, textSizes('SLA', measure, 15), plot, 4);
    expect(h[0].box).to.deep.equal({ x: 323, y: 82, w: 21, h: 15 });
  });

  it('breaks long labels onto two lines at a natural point', () => {
    expect(textSizes('989 TFLOP/s', measure, 15).map((s) => s.lines)).to.deep.equal([['989 TFLOP/s'], ['989', 'TFLOP/s']]);
    expect(textSizes('This layer: 211 TFLOP/s (21% of peak)', measure, 15)[1].lines).to.deep.equal([
      'This layer: 211 TFLOP/s',
      '(21% of peak)',
    ]);
    expect(textSizes('Ridge', measure, 15).length).to.equal(1);
    // A value label on a bar narrower than its one-line text fits over the bar on two lines.
    const bar = { x: 100, y: 100, w: 40, h: 100 };
    const out = placeLabels(
      [
        {
          text: '989 TFLOP/s',
          options: pointOptions({ x: 100, y: 100, w: 40, h: 0 }, textSizes('989 TFLOP/s', measure, 15), plot, 4, 'above', bar),
        },
      ],
      plot,
      [bar, { x: 50, y: 60, w: 40, h: 150 }, { x: 150, y: 60, w: 40, h: 150 }],
    ); // taller neighbours either side
    expect(out.placed[0]?.lines).to.deep.equal(['989', 'TFLOP/s']);
  });
});

type Labels = {
  plot: number[];
  canvas: number[];
  placed: Array<[string, number, number, number, number]>;
  dropped: string[];
  bars: number[][];
};

describe('label placement in <mls-magnitude-gap> (lab 01: the four tiers)', () => {
  for (const width of [1280, 360]) {
    it(`keeps every value label clear of the others, the bars and the canvas edge at ${width} px`, async () => {
      // fixtureSync: fixture() would wait a frame for the plain div.
      const wrap = fixtureSync<HTMLDivElement>(
        html`<div style="width:${width}px"><mls-magnitude-gap a="cloud" b="tiny" precision="headline" highlight="cloud"></mls-magnitude-gap></div>`,
      );
      const el = wrap.querySelector('mls-magnitude-gap') as MlsMagnitudeGap;
      await el.updateComplete;
      const plots = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.plot')];
      expect(plots.length).to.equal(4);
      let shown = 0;
      for (const p of plots) {
        const l = JSON.parse(p.dataset.labels!) as Labels;
        const box = (b: number[]): Box => ({ x: b[0], y: b[1], w: b[2], h: b[3] });
        const canvas = { x: 0, y: 0, w: l.canvas[0], h: l.canvas[1] };
        const placed = l.placed.map(([text, ...b]) => ({ text, box: box(b) }));
        expect(l.bars.length).to.equal(4); // one bar per tier
        // Inside the plot and the canvas; no two labels overlap; no label overlaps a bar, except
        // the one it was placed inside (a label inside a bar lies entirely within it).
        expectClean(placed, box(l.plot));
        for (const { text, box: b } of placed) {
          expect(within(b, canvas), `${text} on the canvas`).to.equal(true);
          for (const bar of l.bars.map(box)) expect(intersects(b, bar) && !within(b, bar), `${text} across a bar`).to.equal(false);
        }
        // A dropped label's value is still in the text twin.
        const twin = p.closest('figure')!.querySelector('table.data')!.textContent!;
        for (const t of l.dropped) expect(twin).to.contain(t);
        shown += placed.length;
      }
      // At desktop width every value has its label (4 metrics × 4 tiers).
      if (width === 1280) expect(shown).to.equal(16);
      else expect(shown).to.be.at.least(12);
    });
  }
});

describe('label placement in <mls-roofline> on a phone', () => {
  it("keeps the operating point's label whole and on the canvas at 340 px (lab 00's layer)", async () => {
    const wrap = fixtureSync<HTMLDivElement>(
      html`<div style="width:340px"><mls-roofline device="h100" precision="fp16" kernel="gemm" m="64" n="8192" k="8192" label="This layer"></mls-roofline></div>`,
    );
    const el = wrap.querySelector('mls-roofline')!;
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const l = JSON.parse(el.shadowRoot!.querySelector<HTMLElement>('.plot')!.dataset.labels!) as Labels;
    const point = l.placed.find(([t]) => t.startsWith('This layer:'));
    expect(point, `placed: ${JSON.stringify(l.placed)}, dropped: ${JSON.stringify(l.dropped)}`).to.exist;
    const [, x, y, w, h] = point!;
    expect(within({ x, y, w, h }, { x: l.plot[0], y: l.plot[1], w: l.plot[2], h: l.plot[3] })).to.equal(true);
    expectClean(
      l.placed.map(([text, ...b]) => ({ text, box: { x: b[0], y: b[1], w: b[2], h: b[3] } })),
      { x: l.plot[0], y: l.plot[1], w: l.plot[2], h: l.plot[3] },
    );
  });
});
