/**
 * A lab scope for an element story, without a lab: `scopedStory(html`…`, { n: 4096 })` renders
 * the content inside a host that provides a `LabScope` (what `<mls-lab>` provides in a real lab),
 * holding `values`. Stories of controls and readouts use it to show elements reading and writing
 * `$name` references; it replaces the `scoped()` host each story file used to define for itself.
 * Not a story file itself (the leading underscore keeps it out of `*.stories.ts`).
 */
import { render, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { LabScope, scopeContext } from '../src/scope.js';

/**
 * A `<div>` providing a new lab scope that holds `values`, with `content` rendered into it.
 * `content` may be a function of the scope, for stories that write to it (a button flipping a flag).
 */
export function scopedStory(
  content: TemplateResult | ((scope: LabScope) => TemplateResult),
  values: Record<string, unknown> = {},
): HTMLElement {
  const host = document.createElement('div');
  const scope = new LabScope();
  scope.restore(values);
  new ContextProvider(host, { context: scopeContext, initialValue: scope });
  render(typeof content === 'function' ? content(scope) : content, host);
  return host;
}
