/**
 * The accessible text twin: what a chart (or any drawn diagram) says to someone who cannot see
 * it. Visually hidden tables of the data (sampled down to `MAX_TABLE_ROWS` rows, first and last
 * kept, the caption saying so) and of the marked values, then a `<p aria-live="polite">` with
 * the summary sentence (visible unless `summaryHidden`).
 *
 * It is a plain render function, not tied to uPlot: `ChartController` renders `chartTwin(spec)`
 * for every chart, and an element that draws SVG or HTML (an allreduce ring, a memory ledger)
 * renders `renderTextTwin({ tables, summary })` next to its drawing with its own rows. It keeps
 * no state (Lit diffs the template), so it needs no controller. The host's styles must include
 * `baseStyles` (for `.visually-hidden`) and, outside a chart, `textTwinStyles`.
 *
 * ```ts
 * html`<svg role="img" aria-label="Ring allreduce, 8 GPUs">…</svg>
 *   ${renderTextTwin({
 *     tables: [{ caption: 'Ring allreduce: time per step', head: ['Step', 'Time (s)'], length: steps.length,
 *                row: (i) => [String(i + 1), formatSeconds(steps[i])], sampleNoun: 'steps' }],
 *     summary: `8 GPUs finish in ${formatSeconds(total)}.`,
 *   })}`
 * ```
 */
import { html, css, nothing, type TemplateResult } from 'lit';
import { MAX_TABLE_ROWS, type ChartSpec, type SeriesSpec, type TwinTable } from './spec.js';

export type { TwinTable };
import { axisTitle, cell, sampleIndices } from './scales.js';

export interface TextTwin {
  tables: readonly TwinTable[];
  /** The sentence with the key number, in a polite live region. */
  summary: string;
  /** Keep the summary for assistive technology only. */
  summaryHidden?: boolean;
}

/** Styles for the visible summary outside a chart (a chart's come with `chartStyles`). */
export const textTwinStyles = css`
  .summary { margin: var(--mls-space-2) 0 0; font-size: 0.95rem; color: var(--mls-color-text); }
`;

function renderTable(t: TwinTable): TemplateResult {
  const rows = t.sampleNoun ? sampleIndices(t.length, MAX_TABLE_ROWS) : Array.from({ length: t.length }, (_, i) => i);
  const sampled = t.sampleNoun && rows.length < t.length ? ` (${rows.length} of ${t.length} ${t.sampleNoun})` : '';
  return html`<table class=${t.className ?? nothing}>
    <caption>${t.caption}${sampled}</caption>
    <thead><tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((i) => {
      const [head, ...cells] = t.row(i);
      return html`<tr><th scope="row">${head}</th>${cells.map((c) => html`<td>${c}</td>`)}</tr>`;
    })}</tbody>
  </table>`;
}

/** The hidden tables and the live summary (two sibling nodes: a `div` and a `p`). */
export function renderTextTwin(twin: TextTwin): TemplateResult {
  return html`<div class="visually-hidden" part="table">${twin.tables.map(renderTable)}</div>
      <p class="summary ${twin.summaryHidden ? 'visually-hidden' : ''}" part="summary" aria-live="polite">${twin.summary}</p>`;
}

/**
 * A chart's twin: the plotted data (x, then each series not `hideInTable`, units in the
 * headers; or the spec's own `table`), and the marked values (marker lines and labelled
 * points with their x and y).
 */
export function chartTwin(spec: ChartSpec): TextTwin {
  const series = spec.data.series.filter((s) => !s.hideInTable);
  const yHead = (s: SeriesSpec) => (spec.y.unit ? `${s.label} (${spec.y.unit})` : s.label);
  const marks = [
    ...(spec.markers ?? []).map((m) => ({ label: m.label, x: m.axis === 'x' ? m.value : null, y: m.axis === 'y' ? m.value : null })),
    ...(spec.points ?? []).map((p) => ({ label: p.label, x: p.x, y: p.y })),
  ];
  const tables: TwinTable[] = [
    spec.table
      ? { ...spec.table, className: 'data' }
      : {
          caption: `${spec.label}: plotted data`,
          className: 'data',
          head: [axisTitle(spec.x), ...series.map(yHead)],
          length: spec.data.x.length,
          row: (i) => [cell(spec.x, spec.data.x[i]), ...series.map((s) => cell(spec.y, s.y[i]))],
          sampleNoun: 'points',
        },
  ];
  if (marks.length) {
    tables.push({
      caption: `${spec.label}: marked values`,
      className: 'marks',
      head: ['Mark', axisTitle(spec.x), axisTitle(spec.y)],
      length: marks.length,
      row: (i) => [marks[i].label, cell(spec.x, marks[i].x), cell(spec.y, marks[i].y)],
    });
  }
  return { tables, summary: spec.summary, summaryHidden: spec.summaryHidden };
}
