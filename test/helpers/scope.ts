/**
 * A lab scope without a lab: `inScope()` renders elements inside a plain host that provides a
 * `LabScope` through the same context `<mls-lab>` provides, so a component test can read and
 * write scope values without depending on `<mls-lab>`'s header, ledger and record logic.
 * The scope counts its live listeners, so a test can check that a removed element stopped
 * listening (a leak otherwise invisible until a lab has run for an hour).
 */
import { fixtureSync, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { LabScope, scopeContext, type ScopeListener } from '../../src/scope.js';

/** A LabScope that counts its subscribers (the elements listening to it). */
export class TrackedScope extends LabScope {
  #live = 0;

  override subscribe(listener: ScopeListener): () => void {
    const unsubscribe = super.subscribe(listener);
    this.#live++;
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.#live--;
      }
      unsubscribe();
    };
  }

  /** Subscribers that have not unsubscribed. */
  get listeners(): number {
    return this.#live;
  }
}

/** What `inScope()` gives back. */
export interface Scoped<T extends Element> {
  /** The host element providing the scope (a `<div>` in the test fixture container). */
  host: HTMLDivElement;
  /** The scope the host provides. */
  scope: TrackedScope;
  /** The first element rendered into the host, after its first update. */
  el: T;
}

export interface InScopeOptions {
  /** Event listeners to add to the host before anything renders (events fired on connect are caught). */
  on?: Record<string, (e: Event) => void>;
  /** Use this scope instead of a new one. */
  scope?: TrackedScope;
}

/**
 * Render `content` (a lit template, an HTML string or an element) inside a host that provides a lab scope
 * holding `values`, and wait for the first element's first update.
 * `const { el, scope } = await inScope<MlsValue>(html`<mls-value value="$n">`, { n: 512 });`
 */
export async function inScope<T extends Element = HTMLElement>(
  content: TemplateResult | string | Element,
  values: Record<string, unknown> = {},
  options: InScopeOptions = {},
): Promise<Scoped<T>> {
  const scope = options.scope ?? new TrackedScope();
  scope.restore(values);
  // fixtureSync, not fixture(): fixture() of a plain <div> waits for a frame, which a background
  // test page may never get.
  const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
  for (const [type, fn] of Object.entries(options.on ?? {})) host.addEventListener(type, fn);
  new ContextProvider(host, { context: scopeContext, initialValue: scope });
  if (typeof content === 'string') host.innerHTML = content;
  else if (content instanceof Element) host.append(content);
  else render(content, host);
  const el = host.firstElementChild as T | null;
  if (!el) throw new Error('inScope(): the content rendered no element');
  await (el as T & { updateComplete?: Promise<unknown> }).updateComplete;
  return { host, scope, el };
}
