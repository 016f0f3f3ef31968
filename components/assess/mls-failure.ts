import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MlsElement } from '../../src/base.js';
import { any, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { consume } from '@lit/context';
import { actContext, type ActNumber } from '../../src/act.js';
import { emit } from '../../src/events.js';
import { baseStyles } from '../../src/theme.js';

const WHEN_ACCEPTED = 'a $name reference into the lab scope, "true" or "false"';

const INPUTS = {
  when: any({
    accepted: WHEN_ACCEPTED,
    doc: 'The condition: a `$name` / `$name.flag` reference into the lab scope, or the literal `true` / `false`.',
  }),
  name: text({ default: '', doc: "The constraint's name, reported in the `mls-failure` event (e.g. `sla`, `oom`)." }),
  heading: text({ default: 'Constraint violated', doc: "The banner's heading." }),
};

/**
 * A constraint-violation banner. It is shown while `when` is truthy and disappears as soon
 * as it is not, so moving a control back undoes it (nothing is latched here; the lab's
 * ledger records that a constraint was hit). While shown it is a role="alert" box with a
 * ⚠ icon, the heading text and the slotted message, so it never relies on colour alone.
 *
 * @tagname mls-failure
 * @summary Red "constraint violated" alert driven by a scope flag; reversible.
 *
 * @slot - The explanation: what broke and why.
 *
 * @csspart banner - The alert box (present only while active).
 * @csspart heading - The heading line.
 *
 * @cssprop --mls-color-red - Border, icon and heading colour.
 * @cssprop --mls-color-red-ll - Background tint.
 *
 * @fires mls-failure - On every transition: `{ name, active, message }`.
 * @fires mls-invalid - `when` is neither a `$name` reference nor `true`/`false`.
 */
export class MlsFailure extends MlsElement {
  /** The act this element sits in (from the enclosing `<mls-act>`). */
  @consume({ context: actContext, subscribe: true })
  @state()
  protected act?: ActNumber;

  /** @internal */
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    .banner {
      display: flex; gap: var(--mls-space-3); align-items: flex-start;
      border: 2px solid var(--mls-color-red); border-left-width: 6px; background: var(--mls-color-red-ll);
      border-radius: var(--mls-radius-md); padding: var(--mls-space-3) var(--mls-space-4);
      margin: var(--mls-space-3) 0; color: var(--mls-color-text);
      animation: mls-failure-in var(--mls-duration) ease-out;
    }
    .icon { font-size: 1.4rem; line-height: 1; color: var(--mls-color-red); }
    .heading { margin: 0 0 var(--mls-space-1); font-weight: 800; color: var(--mls-color-red); }
    .message { line-height: 1.55; }
    @keyframes mls-failure-in { from { transform: translateX(-4px); } to { transform: none; } }
    @media (forced-colors: active) { .banner { border-color: CanvasText; } .heading, .icon { color: CanvasText; } }
    @media print { .banner { background: none; } }
  `,
  ];

  static override inputs = INPUTS;

  /** Reflects whether the failure is currently shown. Read-only: set by `when`. */
  @property({ type: Boolean, reflect: true }) active = false;

  #emitted = false;
  #name = '';
  #heading = 'Constraint violated';

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    this.#name = v.name;
    this.#heading = v.heading;
    this.active = this.#evaluate(v.when);
  }

  /**
   * `when` as read: a literal must be `true` / `false` (any case); a resolved reference counts
   * by truthiness, the text `false` and empty text being false; unresolved is false.
   */
  #evaluate(when: unknown): boolean {
    if (when === undefined) return false;
    if (!this.isRef(this.when) && typeof when === 'string') {
      // A reference written with leading spaces is still a reference.
      if (when.startsWith('$')) return this.#truthy(this.resolve(when));
      const t = when.toLowerCase();
      if (t === 'true' || t === 'false') return t === 'true';
      this.markInvalid('when', when, WHEN_ACCEPTED);
      return this.active;
    }
    return this.#truthy(when);
  }

  #truthy(v: unknown): boolean {
    if (typeof v === 'string') return v !== '' && v.toLowerCase() !== 'false';
    return Boolean(v);
  }

  /** The message text (the slotted content, whitespace collapsed). */
  get message(): string {
    return (this.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.active !== this.#emitted) {
      this.#emitted = this.active;
      emit(this, 'mls-failure', { name: this.#name, active: this.active, message: this.message, act: this.act ?? null });
    }
  }

  protected override render() {
    return html`${this.renderInvalid()}
      ${
        this.active
          ? html`<div class="banner" part="banner" role="alert">
        <span class="icon" aria-hidden="true">⚠</span>
        <div>
          <p class="heading" part="heading">${this.#heading}</p>
          <div class="message"><slot></slot></div>
        </div>
      </div>`
          : nothing
      }`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsFailure extends InputProps<typeof INPUTS> {}

defineElement('mls-failure', MlsFailure);

declare global {
  interface HTMLElementTagNameMap {
    'mls-failure': MlsFailure;
  }
}
