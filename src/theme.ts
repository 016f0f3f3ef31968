/**
 * Design tokens as CSS custom properties (`--mls-*`), from the reference design system
 * (BlueLine/GreenLine/RedLine/OrangeLine ramps, slate neutrals, regime accents).
 * Installed once per document at `:root` so a host page can override any of them;
 * dark mode follows Quarto's `.quarto-dark` body class, `[data-mls-theme="dark"]`, or
 * prefers-color-scheme (unless the page forces light with `.quarto-light` / `[data-mls-theme="light"]`).
 * Muted text uses slate-500/600 rather than the reference's #94a3b8, which fails WCAG AA.
 */
import { css, unsafeCSS } from 'lit';

const light = `
  --mls-color-blue: #006395; --mls-color-blue-l: #d1e6f3; --mls-color-blue-ll: #ebf4fa;
  --mls-color-green: #007a3b; --mls-color-green-l: #d4efdf; --mls-color-green-ll: #ecfdf5;
  --mls-color-red: #b71c28; --mls-color-red-l: #f5d2d5; --mls-color-red-ll: #fef2f2;
  --mls-color-orange: #a84600; --mls-color-orange-l: #ffe5cc; --mls-color-orange-ll: #fff7ed;
  --mls-color-grey: #64748b;
  --mls-color-cloud: #6366f1; --mls-color-edge: #cb202d; --mls-color-mobile: #cc5500; --mls-color-tiny: #008f45;
  --mls-color-surface: #ffffff; --mls-color-surface-2: #f8fafc; --mls-color-surface-inverse: #0f172a;
  --mls-color-border: #cbd5e1; --mls-color-text: #0f172a; --mls-color-text-2: #334155; --mls-color-muted: #475569;
  --mls-color-on-inverse: #f8fafc; --mls-color-focus: #006395;
`;
const dark = `
  --mls-color-blue: #7cc4ee; --mls-color-blue-l: #1e3a4f; --mls-color-blue-ll: #132a3a;
  --mls-color-green: #4ade80; --mls-color-green-l: #14532d; --mls-color-green-ll: #0c2a1a;
  --mls-color-red: #f87171; --mls-color-red-l: #7f1d1d; --mls-color-red-ll: #2a1215;
  --mls-color-orange: #fdba74; --mls-color-orange-l: #7c2d12; --mls-color-orange-ll: #2a1a0e;
  --mls-color-grey: #94a3b8;
  --mls-color-cloud: #a5b4fc; --mls-color-edge: #f87171; --mls-color-mobile: #fdba74; --mls-color-tiny: #4ade80;
  --mls-color-surface: #0f172a; --mls-color-surface-2: #1e293b; --mls-color-surface-inverse: #f8fafc;
  --mls-color-border: #334155; --mls-color-text: #f1f5f9; --mls-color-text-2: #cbd5e1; --mls-color-muted: #a3b1c2;
  --mls-color-on-inverse: #0f172a; --mls-color-focus: #7cc4ee;
`;
const shared = `
  --mls-radius-sm: 6px; --mls-radius-md: 10px; --mls-radius-lg: 16px;
  --mls-space-1: 4px; --mls-space-2: 8px; --mls-space-3: 12px; --mls-space-4: 16px; --mls-space-5: 24px;
  --mls-font-sans: Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --mls-font-mono: 'SF Mono', 'Fira Code', 'Cascadia Code', ui-monospace, monospace;
  --mls-duration: 150ms;
`;

/** The document-level token sheet (exported for tests and for pages that want it inline). */
export const tokenSheetText = `
:root { ${shared} ${light} }
:root.quarto-dark, body.quarto-dark, [data-mls-theme="dark"] { ${dark} }
@media (prefers-color-scheme: dark) {
  :root:not(.quarto-light):not([data-mls-theme="light"]) body:not(.quarto-light):not([data-mls-theme="light"]) { ${dark} }
}
:root [data-mls-theme="light"] { ${light} }
@media (prefers-reduced-motion: reduce) { :root { --mls-duration: 0ms; } }
`;

let installed = false;
/** Install the token sheet on the document once (safe to call from every element). */
export function installTokens(doc: Document | undefined = globalThis.document): void {
  if (installed || !doc) return;
  installed = true;
  if (doc.getElementById('mls-tokens')) return;
  const style = doc.createElement('style');
  style.id = 'mls-tokens';
  style.textContent = tokenSheetText;
  (doc.head ?? doc.documentElement).prepend(style);
}

/**
 * Styles every element shares: host font, focus ring, visually-hidden, error box, and
 * `headless` (an instance that only computes and publishes: not shown, not in the accessibility tree).
 */
export const baseStyles = css`
  :host { font-family: var(--mls-font-sans); color: var(--mls-color-text); box-sizing: border-box; }
  :host([hidden]), :host([headless]) { display: none !important; }
  *, *::before, *::after { box-sizing: inherit; }
  :focus-visible { outline: 3px solid var(--mls-color-focus); outline-offset: 2px; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .mls-invalid {
    border: 2px solid var(--mls-color-red); border-left-width: 6px; background: var(--mls-color-red-ll);
    color: var(--mls-color-text); padding: var(--mls-space-2) var(--mls-space-3); border-radius: var(--mls-radius-sm);
    margin: var(--mls-space-2) 0; font-size: 0.9rem;
  }
  .mls-invalid strong { color: var(--mls-color-red); }
  .mls-invalid code { font-family: var(--mls-font-mono); }
  @media (forced-colors: active) {
    .mls-invalid { border-color: CanvasText; }
  }
  @media print { :host { color: #000; } }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

export const monoNumbers = unsafeCSS('font-variant-numeric: tabular-nums;');
