/**
 * Category axes follow their names: a chart whose bars keep their heights (the same y-range)
 * but whose category names change (lab 01's compute chart when the precision select goes from
 * "headline" to one format: "Edge INT8" stays put, "Cloud FP16" becomes "Cloud INT8") must draw
 * the new names. uPlot keeps the axis labels of the last layout when the scales do not change,
 * so the controller rebuilds the chart when the tick labels change. The drawn labels are read
 * from uPlot's axis state (what it painted on the canvas).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { MlsElement } from '../../src/base.js';
import { baseStyles } from '../../src/theme.js';
import { CategoryTicks, ChartController, chartStyles, type ChartSpec } from '../../src/chart.js';

class TickChart extends MlsElement {
  static override styles = [baseStyles, chartStyles, css`:host { display: block; width: 500px; }`];
  @property() names = 'Cloud FP16,Edge INT8';
  chart = new ChartController(this);
  ticks = new CategoryTicks();

  override render() {
    this.ticks.names = this.names.split(',');
    const spec: ChartSpec = {
      label: 'Compute',
      x: { label: 'Tier', min: 0.5, max: 2.5, tick: this.ticks.tick, space: 1 },
      y: { label: 'Peak', unit: 'TFLOP/s', min: 0, max: 1000 },
      data: { x: [1, 2], series: [{ label: 'Peak', y: [989, 50], kind: 'bars', color: 'blue' }] },
      summary: 'Two bars.',
    };
    return this.chart.render(spec);
  }
}
customElements.define('tick-chart', TickChart);

/** The x-axis labels uPlot drew last (its axis state), without the empty in-between ticks. */
function drawnNames(el: TickChart): string[] {
  const axis = el.chart.plot?.axes[0] as unknown as { _values?: Array<string | number> } | undefined;
  return (axis?._values ?? []).map(String).filter((v) => v !== '');
}

/** Two frames, or 100 ms each when the runner keeps this page in the background (no frames then). */
const frame = () =>
  new Promise<void>((resolve) => {
    let n = 0;
    const step = () => {
      if (++n >= 2) resolve();
      else next();
    };
    const next = () => {
      let done = false;
      const go = () => {
        if (!done) {
          done = true;
          step();
        }
      };
      requestAnimationFrame(go);
      setTimeout(go, 100);
    };
    next();
  });

describe('category ticks', () => {
  it('draws new category names when only the names change', async () => {
    const el = await fixture<TickChart>(html`<tick-chart></tick-chart>`);
    await waitUntil(() => drawnNames(el).length === 2, 'the chart draws its axis', { timeout: 5000 });
    expect(drawnNames(el)).to.deep.equal(['Cloud FP16', 'Edge INT8']);
    el.names = 'Cloud INT8,Edge INT8';
    await el.updateComplete;
    // Give the chart every chance to redraw (a stale axis never changes, so this times out red).
    await waitUntil(() => drawnNames(el)[0] === 'Cloud INT8', 'the axis still shows the old names', { timeout: 3000 }).catch(
      () => undefined,
    );
    await frame();
    expect(drawnNames(el), 'the axis shows the names the caption describes').to.deep.equal(['Cloud INT8', 'Edge INT8']);
  });
});
