// The text twin (src/chart/text-twin.ts) rendered by an element that draws no uPlot chart.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { baseStyles } from '../../src/theme.js';
import { renderTextTwin, textTwinStyles, MAX_TABLE_ROWS } from '../../src/chart.js';
import { ChartController } from '../../src/chart.js';

/** A diagram drawn in SVG (say, ring allreduce steps) with its twin beside it. */
class TestDiagram extends LitElement {
  static override styles = [baseStyles, textTwinStyles];
  @property({ type: Number }) steps = 300;
  @property({ type: Boolean }) summaryHidden = false;

  override render() {
    const t = (i: number) => (i + 1) * 0.001;
    return html`<svg role="img" aria-label="Ring allreduce, one step per hop" width="200" height="40"><circle cx="20" cy="20" r="10"></circle></svg>
      ${renderTextTwin({
        tables: [
          {
            caption: 'Ring allreduce: time per step',
            head: ['Step', 'Time (s)'],
            length: this.steps,
            row: (i) => [String(i + 1), t(i).toFixed(3)],
            sampleNoun: 'steps',
            className: 'data',
          },
          {
            caption: 'Totals',
            head: ['What', 'Value'],
            length: 1,
            row: () => ['All steps', (((this.steps * (this.steps + 1)) / 2) * 0.001).toFixed(1)],
          },
        ],
        summary: `${this.steps} steps.`,
        summaryHidden: this.summaryHidden,
      })}`;
  }
}
customElements.define('test-diagram', TestDiagram);

describe('text twin without a chart', () => {
  it('samples long tables to 50 rows, says so, and announces the summary politely', async () => {
    const live = ChartController.live;
    const el = await fixture<TestDiagram>(html`<test-diagram></test-diagram>`);
    const [data, totals] = el.shadowRoot!.querySelectorAll('table');
    expect(data.querySelector('caption')!.textContent).to.equal('Ring allreduce: time per step (50 of 300 steps)');
    const rows = [...data.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(MAX_TABLE_ROWS);
    expect(rows[0].querySelector('th[scope="row"]')!.textContent).to.equal('1');
    expect(rows[49].textContent).to.contain('300'); // the last row is kept
    expect(totals.querySelector('caption')!.textContent).to.equal('Totals'); // not sampled: no note
    // 300 × 301 / 2 × 1 ms = 45.15 s
    expect(totals.querySelector('td')!.textContent).to.equal('45.1');
    const summary = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(summary.textContent).to.equal('300 steps.');
    expect(summary.classList.contains('visually-hidden')).to.equal(false);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="table"]')!).position).to.equal('absolute'); // visually hidden
    expect(ChartController.live).to.equal(live); // no uPlot involved
    el.steps = 7;
    el.summaryHidden = true;
    await el.updateComplete;
    expect(data.querySelector('caption')!.textContent).to.equal('Ring allreduce: time per step');
    expect(data.querySelectorAll('tbody tr').length).to.equal(7);
    expect(summary.classList.contains('visually-hidden')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
