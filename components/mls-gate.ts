import { lockIcon } from '../src/icons.js';
import { html, css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { MlsElement } from '../src/base.js';
import { defineElement } from '../src/define.js';
import { baseStyles } from '../src/theme.js';

const opens = (v: unknown): boolean => {
  if (!v || typeof v !== 'object') return false;
  const o = v as { locked?: unknown; answered?: unknown };
  return !!o.locked || !!o.answered;
};

/**
 * Keeps a lab's instruments out of the page until the learner has committed: until
 * `scope[after].locked` (a prediction lock) or `scope[after].answered` (a reflection) is
 * truthy, it shows a short note and its `<template>` content does not exist in the DOM.
 * Once open, it stamps the template's content into its light DOM, right after the template,
 * exactly once. A gate without a `<template>` takes its children out of the document on
 * connect and puts them back when it opens. A restored lab (scope already locked) opens at once.
 *
 * If the lab is reset (the scope key disappears), the gate closes again and removes what it
 * stamped; the next opening stamps a fresh copy. Outside a lab, the gate opens on an
 * `mls-lock` / `mls-answer` event named `after` anywhere on the page.
 *
 * @tagname mls-gate
 * @summary Reveals its template content only after a prediction is locked.
 *
 * @slot - Where the stamped content (or the returned children) shows.
 *
 * @csspart note - The "Lock your prediction above…" note while closed.
 *
 * @cssprop --mls-color-border - The note's dashed border.
 *
 * @fires mls-invalid - `after` is missing.
 */
export class MlsGate extends MlsElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .note {
      margin: var(--mls-space-3) 0; padding: var(--mls-space-3) var(--mls-space-4);
      border: 2px dashed var(--mls-color-border); border-radius: var(--mls-radius-md);
      color: var(--mls-color-muted); background: var(--mls-color-surface-2);
    }
    @media (forced-colors: active) { .note { border-color: CanvasText; } }
  `];

  /** Scope key of the lock (or reflection) that opens this gate, e.g. `act1`. */
  @property({ attribute: 'after' }) afterKey?: string;

  /** The note shown while closed. */
  @property() note = 'Lock your prediction above to reveal the instruments.';

  #want = false;
  #open = false;
  #heardEvent = false;
  #stampedFrom: HTMLTemplateElement | null = null;
  #stamped: Node[] = [];
  #held: Node[] = [];
  #observer?: MutationObserver;
  #root?: Node;

  /** True once the gate has revealed its content. */
  get open(): boolean { return this.#open; }

  #compute(track: boolean): boolean {
    const key = this.afterKey?.trim();
    if (!key) return false;
    if (this.scope) return opens(track ? this.resolve(`$${key}`) : this.scope.get(key));
    return this.#heardEvent;
  }

  #onEvent = (e: Event): void => {
    if (this.scope) return;
    const d = (e as CustomEvent).detail as { name?: string } | undefined;
    if (d?.name && d.name === this.afterKey?.trim()) { this.#heardEvent = true; this.requestUpdate(); }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#want = this.#compute(false);
    this.#observer = new MutationObserver(() => this.#sync());
    this.#observer.observe(this, { childList: true });
    this.#root = this.getRootNode();
    this.#root.addEventListener('mls-lock', this.#onEvent);
    this.#root.addEventListener('mls-answer', this.#onEvent);
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#root?.removeEventListener('mls-lock', this.#onEvent);
    this.#root?.removeEventListener('mls-answer', this.#onEvent);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.afterKey?.trim()) this.markInvalid('after', '(missing)', 'the scope key of a prediction lock or reflection, e.g. act1');
    else this.markValid('after');
    this.#want = this.#compute(true);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#sync();
  }

  #template(): HTMLTemplateElement | null {
    for (const c of this.children) if (c instanceof HTMLTemplateElement) return c;
    return null;
  }

  /** Bring the light DOM in line with the open/closed state. */
  #sync(): void {
    if (!this.isConnected) return;
    if (this.#want) {
      if (!this.#open) {
        this.#open = true;
        for (const n of this.#held) this.appendChild(n);
        this.#held = [];
      }
      const t = this.#template();
      if (t && !this.#stampedFrom) {
        const frag = document.importNode(t.content, true);
        this.#stamped = [...frag.childNodes];
        this.#stampedFrom = t;
        t.after(frag);
      }
      return;
    }
    if (this.#open) {
      this.#open = false;
      for (const n of this.#stamped) (n as ChildNode).remove();
      this.#stamped = [];
      this.#stampedFrom = null;
    }
    // Closed: keep everything but templates (and comments, e.g. a renderer's markers) out of the document.
    for (const n of [...this.childNodes]) {
      if (n instanceof HTMLTemplateElement || n.nodeType === Node.COMMENT_NODE) continue;
      this.#held.push(n);
      n.remove();
    }
  }

  protected override render() {
    return html`${this.renderInvalid()}
      ${this.#want ? nothing : html`<p class="note" part="note">${lockIcon()} ${this.note}</p>`}
      <slot></slot>`;
  }
}

defineElement('mls-gate', MlsGate);

declare global {
  interface HTMLElementTagNameMap { 'mls-gate': MlsGate }
}
