import { html, css, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { any, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles } from '../../src/theme.js';

const INPUTS = {
  value: any({
    required: true,
    accepted: 'a $name reference into the lab scope (or a literal)',
    doc: 'The value to match: a `$name` / `$name.path` reference into the lab scope, or a literal.',
  }),
};

/**
 * Shows the one child that matches a scope value, so a lab can say something different per
 * choice without JavaScript: the persona message for the chosen deployment context, or a
 * different explanation when a concept check was exactly right.
 *
 * ```html
 * <mls-switch value="$context">
 *   <div data-case="cloud">…</div>
 *   <div data-case="edge mobile">…</div>
 *   <div data-otherwise>Pick a context above.</div>
 * </mls-switch>
 * ```
 *
 * Every element child with `data-case` (space-separated values, compared with the value as
 * text: `true`, `false`, `42`, `edge`) is hidden unless it matches; a `data-otherwise` child
 * shows when none does (including while the reference is unresolved). Hidden children stay
 * in the DOM with the `hidden` attribute, so they are out of the page's text and
 * accessibility tree but keep their state.
 *
 * @summary Shows the child whose `data-case` matches a scope value.
 *
 * @slot - Children with `data-case="value …"` and at most one `data-otherwise`.
 *
 * @fires mls-invalid - `value` is missing.
 */
export class MlsSwitch extends MlsElement {
  static override styles = [baseStyles, css`:host { display: block; } :host([empty]) { display: none; }`];

  static override inputs = INPUTS;

  #observer?: MutationObserver;
  #current: string | undefined;

  /** The value as text, or undefined while unresolved. */
  get current(): string | undefined {
    return this.#current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer = new MutationObserver(() => this.#apply());
    this.#observer.observe(this, { childList: true, attributes: true, subtree: false, attributeFilter: ['data-case', 'data-otherwise'] });
    this.#apply();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS).value; // missing: rejected; unresolved: undefined
    this.#current = v === undefined || v === null ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#apply();
  }

  #apply(): void {
    const kids = [...this.children] as HTMLElement[];
    const cur = this.#current;
    let matched = false;
    for (const kid of kids) {
      if (!kid.hasAttribute('data-case')) continue;
      const cases = (kid.getAttribute('data-case') ?? '').split(/\s+/).filter(Boolean);
      const on = cur !== undefined && cases.includes(cur);
      matched ||= on;
      if (kid.hidden === on) kid.hidden = !on;
    }
    for (const kid of kids) {
      if (!kid.hasAttribute('data-otherwise') || kid.hasAttribute('data-case')) continue;
      if (kid.hidden === !matched) kid.hidden = matched;
    }
    const empty = !kids.some((k) => !k.hidden && (k.hasAttribute('data-case') || k.hasAttribute('data-otherwise')));
    this.toggleAttribute('empty', empty && this.invalid.size === 0);
  }

  protected override render() {
    return html`${this.renderInvalid()}<slot></slot>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsSwitch extends InputProps<typeof INPUTS> {}

defineElement('mls-switch', MlsSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'mls-switch': MlsSwitch;
  }
}
