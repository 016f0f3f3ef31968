/**
 * Layout for the light-DOM prose and groups inside `<mls-lab>`: headings, a row of metric cards,
 * a grid of controls, notes, cards. One stylesheet installed once per document by `<mls-lab>`,
 * every rule scoped under `mls-lab` so it never reaches the host page (a Quarto chapter, an LMS
 * page). Lab pages therefore need no `<style>` of their own, and a lab pasted into another page
 * looks the same as in the gallery. Colours come from the `--mls-color-*` tokens.
 *
 * Classes an author may use inside a lab: `.metrics` (a wrapping row of `<mls-metric>`),
 * `.controls` (a responsive grid of controls), `.note` (a small muted line, e.g. what a model
 * leaves out), `.cards` + `.card` (a grid of bordered cards; `.regime.cloud|edge|mobile|tiny`
 * adds the context accent), `.zones` (a spaced list), and `mls-switch.inline` (a switch that
 * sits inside a sentence).
 */
const LAB_LAYOUT = `
mls-lab { display: block; line-height: 1.6; }
mls-lab h3 { font-size: 1.2rem; margin: 1.75rem 0 0.35rem; line-height: 1.3; }
mls-lab h4 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
mls-lab .metrics { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.75rem 0; }
mls-lab .metrics > * { flex: 1 1 12rem; min-width: 0; }
mls-lab .controls { display: grid; gap: 0 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
mls-lab .note { font-size: 0.92rem; color: var(--mls-color-muted); }
mls-lab .cards { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); margin: 0.75rem 0; padding: 0; list-style: none; }
mls-lab .card { border: 1px solid var(--mls-color-border); border-radius: 10px; padding: 0.75rem 1rem; background: var(--mls-color-surface-2); min-width: 0; }
mls-lab .card h4 { margin-top: 0; }
mls-lab .card p { margin: 0.25rem 0; }
mls-lab .regimes { grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); }
mls-lab .regime { border-left: 6px solid var(--accent, var(--mls-color-grey)); }
mls-lab .regime.cloud { --accent: var(--mls-color-cloud); }
mls-lab .regime.edge { --accent: var(--mls-color-edge); }
mls-lab .regime.mobile { --accent: var(--mls-color-mobile); }
mls-lab .regime.tiny { --accent: var(--mls-color-tiny); }
mls-lab .regime dl { display: grid; grid-template-columns: auto 1fr; gap: 0.15rem 0.75rem; margin: 0.5rem 0 0; }
mls-lab .regime dt { font-weight: 600; color: var(--mls-color-text-2); }
mls-lab .regime dd { margin: 0; }
mls-lab .zones { padding-left: 1.25rem; }
mls-lab .zones li { margin: 0.35rem 0; }
mls-lab mls-switch.inline { display: inline; }
mls-lab mls-reflection:not(:defined) > [data-for] { display: none; }
@media (forced-colors: active) { mls-lab .card { border-color: CanvasText; } }
`;

let installed = false;

/** Install the lab layout stylesheet once in a document (idempotent across bundle copies). */
export function installLabLayout(doc: Document | undefined = globalThis.document): void {
  if (installed || !doc) return;
  installed = true;
  if (doc.getElementById('mls-lab-layout')) return;
  const style = doc.createElement('style');
  style.id = 'mls-lab-layout';
  style.textContent = LAB_LAYOUT;
  (doc.head ?? doc.documentElement).append(style);
}
