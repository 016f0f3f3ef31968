// The behaviour every general chart instrument shares (src/chart/data-element.ts), run by each
// element's test file with its own data: renders from a JSON literal, a script child and a
// scope reference; bad data warns once, shows the inline alert and keeps the last good chart;
// axe; uPlot destroyed on disconnect; no horizontal overflow at 360 px.
import { expect, fixtureSync, html, aTimeout } from '@open-wc/testing';
import { render } from 'lit';
import { ContextProvider } from '@lit/context';
import { LabScope, scopeContext } from '../../src/scope.js';
import { ChartController } from '../../src/chart.js';
import type { DataChartElement } from '../../src/chart/data-element.js';

export interface SuiteCase {
  tag: string;
  /** Good data, its number of text-twin data rows, and a phrase of its default summary. */
  good: Record<string, unknown>;
  rows: number;
  summary: string;
  /** Same structure, other values: updated in place. */
  changed: Record<string, unknown>;
  /** Bad data and a phrase the alert must contain (the offending path). */
  bad: Record<string, unknown>;
  problem: string;
  /** Extra attributes (e.g. mode). */
  attrs?: Record<string, string>;
}

export const rowsOf = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table.data tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
export const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const summaryText = (el: Element) => el.shadowRoot!.querySelector('[part="summary"]')?.textContent?.trim() ?? '';

export async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  try {
    return { value: await fn(), warnings };
  } finally {
    console.warn = original;
  }
}

/** Create `<tag>` with attributes inside `parent`, and wait for it to render. */
export async function make<T extends DataChartElement>(
  tag: string,
  attrs: Record<string, string>,
  parent?: HTMLElement,
  script?: string,
): Promise<T> {
  const host = parent ?? fixtureSync<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (script !== undefined) {
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = script;
    el.append(s);
  }
  host.append(el);
  await el.updateComplete;
  return el;
}

/** Render `<tag data="$ref">` inside a minimal host that provides `scope`. */
async function inScope<T extends DataChartElement>(scope: LabScope, tag: string, attrs: Record<string, string>): Promise<T> {
  const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(host, { context: scopeContext, initialValue: scope });
  render(html``, host);
  return make<T>(tag, attrs, host);
}

export function describeDataChart(c: SuiteCase): void {
  const attrs = c.attrs ?? {};
  const extra = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  describe(`<${c.tag}${extra}> as a general chart`, () => {
    it('renders from a JSON literal: labelled canvas, text twin and summary', async () => {
      const el = await make(c.tag, { ...attrs, data: JSON.stringify(c.good) });
      const canvas = el.shadowRoot!.querySelector('canvas')!;
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.contain(summaryText(el));
      expect(rowsOf(el).length).to.equal(c.rows);
      expect(summaryText(el)).to.contain(c.summary);
      expect(el.shadowRoot!.querySelector('[aria-live="polite"]')).to.equal(el.shadowRoot!.querySelector('[part="summary"]'));
      expect(alertText(el)).to.equal('');
      // The summary attribute replaces the default sentence.
      el.setAttribute('summary', 'Custom sentence.');
      await el.updateComplete;
      expect(summaryText(el)).to.equal('Custom sentence.');
    });

    it('reads a <script type="application/json"> child when there is no data attribute', async () => {
      const el = await make(c.tag, attrs, undefined, JSON.stringify(c.good));
      expect(rowsOf(el).length).to.equal(c.rows);
      expect(alertText(el)).to.equal('');
    });

    it('follows a scope reference and updates in place', async () => {
      const scope = new LabScope();
      const el = await inScope(scope, c.tag, { ...attrs, data: '$lab.chart' });
      // Not yet published: nothing drawn, no alert.
      expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
      expect(alertText(el)).to.equal('');
      scope.set('lab', { chart: c.good });
      await el.updateComplete;
      expect(rowsOf(el).length).to.equal(c.rows);
      const before = rowsOf(el);
      scope.set('lab', { chart: c.changed });
      await el.updateComplete;
      expect(rowsOf(el)).not.to.deep.equal(before);
      expect(el.chart.created).to.equal(1); // setData, not a new uPlot
    });

    it('shows bad data inline, warns once and keeps the last good chart', async () => {
      const el = await make(c.tag, { ...attrs, data: JSON.stringify(c.good) });
      const good = rowsOf(el);
      let events = 0;
      el.addEventListener('mls-invalid', () => events++);
      const { warnings } = await quietly(async () => {
        el.setAttribute('data', JSON.stringify(c.bad));
        await el.updateComplete;
        el.setAttribute('height', '250'); // another update, same bad data: no second warning
        await el.updateComplete;
      });
      expect(warnings.length).to.equal(1);
      expect(warnings[0]).to.contain(`<${c.tag}>: invalid data=`);
      expect(alertText(el)).to.contain('Invalid data');
      expect(alertText(el)).to.contain(c.problem);
      expect(events).to.equal(1);
      expect(rowsOf(el)).to.deep.equal(good);
      expect(el.shadowRoot!.querySelector('canvas')).to.exist;
      // Not JSON at all; then good data again clears the alert.
      const { warnings: w2 } = await quietly(async () => {
        el.setAttribute('data', `{ x: [1, 2]${extra} }`); // unquoted keys (and unique per suite: warnings are once per text)
        await el.updateComplete;
      });
      expect(w2.length).to.equal(1);
      expect(alertText(el)).to.contain('not valid JSON');
      el.setAttribute('data', JSON.stringify(c.changed));
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
      // No data anywhere is an error too, with nothing drawn.
      const { value: empty } = await quietly(() => make(c.tag, attrs));
      expect(alertText(empty)).to.contain('Invalid data');
      expect(empty.shadowRoot!.querySelector('canvas')).to.equal(null);
    });

    it('is accessible (axe), valid and invalid', async () => {
      const el = await make(c.tag, { ...attrs, data: JSON.stringify(c.good) });
      await expect(el).to.be.accessible();
      await quietly(async () => {
        const bad = await make(c.tag, { ...attrs, data: JSON.stringify(c.bad) });
        await expect(bad).to.be.accessible();
      });
    });

    it('destroys its uPlot on disconnect and builds it again on reconnect', async () => {
      const before = ChartController.live;
      const el = await make(c.tag, { ...attrs, data: JSON.stringify(c.good) });
      expect(ChartController.live).to.equal(before + 1);
      const parent = el.parentElement!;
      el.remove();
      expect(ChartController.live).to.equal(before);
      expect(el.chart.plot).to.equal(undefined);
      parent.append(el);
      await el.updateComplete;
      await aTimeout(0);
      expect(ChartController.live).to.equal(before + 1);
      expect(el.shadowRoot!.querySelectorAll('canvas').length).to.be.greaterThan(0);
    });

    it('fits a 360 px wide column without horizontal overflow', async () => {
      const wrap = fixtureSync<HTMLDivElement>(html`<div style="width:360px"></div>`); // not fixture(): a plain div waits a frame
      const el = await make(c.tag, { ...attrs, data: JSON.stringify(c.good) }, wrap);
      await aTimeout(0);
      expect(el.getBoundingClientRect().width).to.be.at.most(360);
      expect(el.scrollWidth).to.be.at.most(360);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('figure, .plot, .legend, .summary, canvas')) {
        expect(node.getBoundingClientRect().right - wrap.getBoundingClientRect().left, node.className || node.tagName).to.be.at.most(360.5);
      }
      // Every label stays on the canvas.
      const labels = JSON.parse(el.shadowRoot!.querySelector<HTMLElement>('.plot')!.dataset.labels!) as {
        canvas: number[];
        placed: Array<[string, number, number, number, number]>;
      };
      for (const [t, x, y, w, h] of labels.placed) {
        expect(x >= 0 && y >= 0 && x + w <= labels.canvas[0] && y + h <= labels.canvas[1], t).to.equal(true);
      }
    });
  });
}
