/**
 * Small inline SVG icons (decorative: always aria-hidden, the text beside them carries the meaning).
 * SVG rather than emoji, so they render on systems without an emoji font.
 */
import { svg, html, type TemplateResult } from 'lit';

const wrap = (body: ReturnType<typeof svg>): TemplateResult => html`<svg class="mls-icon" aria-hidden="true" focusable="false"
  viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="1.6"
  stroke-linecap="round" stroke-linejoin="round" style="vertical-align:-0.125em">${body}</svg>`;

/** A padlock (locked predictions, closed gates). */
export const lockIcon = (): TemplateResult =>
  wrap(svg`<rect x="3" y="7" width="10" height="7" rx="1.5"></rect><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"></path>`);
