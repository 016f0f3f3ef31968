import { lockIcon } from '../../src/icons.js';
import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { ref, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles } from '../../src/theme.js';

/** Whether a value read through `when` opens the gate: true, a non-empty string other than "false", a non-zero number, or a lock/answer state. */
const opens = (v: unknown): boolean => {
  if (v && typeof v === 'object') {
    const o = v as { locked?: unknown; answered?: unknown };
    return !!o.locked || !!o.answered;
  }
  if (typeof v === 'string') return v !== '' && v.toLowerCase() !== 'false';
  return Boolean(v);
};

const WHEN_ACCEPTED = 'a $ref into the lab scope, e.g. $act1.locked';
const NOTE = 'Lock your prediction above to reveal the instruments.';

const INPUTS = {
  when: ref({ accepted: WHEN_ACCEPTED, doc: 'A `$ref` whose value opens the gate when truthy, e.g. `$act1.locked`.' }),
  // `after` is an Element method, so the property is `afterKey`.
  afterKey: text({ attribute: 'after', doc: 'Shorthand: the name of the lock (or reflection) that opens this gate, e.g. `act1`.' }),
  note: text({ default: NOTE, doc: 'The note shown while closed.' }),
};

/** Parse context for reading `when` outside an update (no scope lookups: `ref()` does not resolve). */
const LITERAL = { from: 'literal', resolve: () => undefined } as const;

/**
 * Keeps a lab's instruments out of the page until the learner has committed: until the scope
 * value its `when` reference reads is truthy (`when="$act1.locked"`, `when="$check1.answered"`,
 * or any published flag), it shows a short note and its `<template>` content does not exist in
 * the DOM. `after="act1"` is shorthand for "the lock or reflection named act1 is done".
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
 * @fires mls-invalid - Neither `when` nor `after` is given, or `when` is not a `$ref`.
 */
export class MlsGate extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    .note {
      margin: var(--mls-space-3) 0; padding: var(--mls-space-3) var(--mls-space-4);
      border: 2px dashed var(--mls-color-border); border-radius: var(--mls-radius-md);
      color: var(--mls-color-muted); background: var(--mls-color-surface-2);
    }
    @media (forced-colors: active) { .note { border-color: CanvasText; } }
  `,
  ];

  static override inputs = INPUTS;

  #want = false;
  #note = NOTE;
  #open = false;
  #heardEvent = false;
  #stampedFrom: HTMLTemplateElement | null = null;
  #stamped: Node[] = [];
  #held: Node[] = [];
  #observer?: MutationObserver;
  #root?: Node;

  /** True once the gate has revealed its content. */
  get open(): boolean {
    return this.#open;
  }

  /**
   * The scope path the gate reads (`act1.locked`), or undefined when neither attribute is usable.
   * Also needed on connect and for standalone events (outside an update), so it parses the raw
   * values with the declared kinds instead of `read()`, which records errors.
   */
  #path(): string | undefined {
    const when = typeof this.when === 'string' ? this.when.trim() : '';
    if (when) {
      const r = INPUTS.when.parse(when, LITERAL);
      return r.ok ? r.value : undefined;
    }
    return (typeof this.afterKey === 'string' && this.afterKey.trim()) || undefined;
  }

  #compute(track: boolean): boolean {
    const path = this.#path();
    if (!path) return false;
    if (this.scope) return opens(track ? this.resolve(`$${path}`) : this.scope.get(path));
    return this.#heardEvent;
  }

  /** Standalone (no lab): open on an `mls-lock` / `mls-answer` whose name is the reference's head. */
  #onEvent = (e: Event): void => {
    if (this.scope) return;
    const d = (e as CustomEvent).detail as { name?: string } | undefined;
    const head = this.#path()?.split('.')[0];
    if (d?.name && d.name === head) {
      this.#heardEvent = true;
      this.requestUpdate();
    }
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
    const v = this.read(INPUTS);
    // One of when / after is needed; the message is on `when`.
    if (v.when === undefined && !this.invalid.has('when') && v.afterKey === undefined)
      this.markInvalid('when', '(missing)', `${WHEN_ACCEPTED} (or after="act1")`);
    // note="" shows an empty note, as before (absent text would give the default).
    this.#note = this.note === '' ? '' : v.note;
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
      ${this.#want ? nothing : html`<p class="note" part="note">${lockIcon()} ${this.#note}</p>`}
      <slot></slot>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsGate extends InputProps<typeof INPUTS> {}

defineElement('mls-gate', MlsGate);

declare global {
  interface HTMLElementTagNameMap {
    'mls-gate': MlsGate;
  }
}
