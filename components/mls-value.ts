import { html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { MlsElement } from '../src/base.js';
import { defineElement } from '../src/define.js';
import { baseStyles, monoNumbers } from '../src/theme.js';
import { formatValue } from '../src/format.js';

/**
 * An inline number in a lab's prose, bound to the lab scope so that text and physics never
 * disagree: `<mls-value value="$wf.total" unit="s"></mls-value>` reads "30.5 ms".
 * It renders as plain text (no live region), and "—" until its reference resolves.
 *
 * @tagname mls-value
 * @summary Inline formatted number bound to a scope value.
 *
 * @csspart value - The text.
 *
 * @cssprop --mls-font-sans - Font (inherits the surrounding prose otherwise).
 *
 * @fires mls-invalid - `value` or `digits` was rejected.
 */
export class MlsValue extends MlsElement {
  /** @internal */
  static override styles = [baseStyles, css`
    :host { display: inline; font-family: inherit; color: inherit; }
    .value { font-weight: 600; white-space: nowrap; ${monoNumbers} }
  `];

  /** The number in SI units, or a `$name` / `$name.path` reference. */
  @property() value?: string;

  /** Unit for formatValue: `s`, `B`, `B/s`, `FLOP`, `FLOP/s`, `W`, `J`, `%` (fraction), `x`, or any text. */
  @property() unit = '';

  /** Significant digits (1–12, default 3). */
  @property() digits?: string;

  #number?: number;
  #digits = 3;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const digits = this.readNumber('digits', this.digits, { min: 1, max: 12, integer: true });
    if (digits !== undefined) this.#digits = digits;
    else if (!this.invalid.has('digits')) this.#digits = 3;
    const n = this.readNumber('value', this.value);
    if (n !== undefined || !this.invalid.has('value')) this.#number = n;
  }

  /** The text shown: the formatted number with its unit, or "—" while unresolved. */
  get text(): string {
    return this.#number === undefined ? '—' : formatValue(this.#number, this.unit, this.#digits);
  }

  protected override render() {
    return html`${this.renderInvalid()}<span class="value" part="value">${this.#number === undefined
      ? html`<span aria-hidden="true">—</span><span class="visually-hidden">not yet computed</span>`
      : this.text}</span>`;
  }
}

defineElement('mls-value', MlsValue);

declare global {
  interface HTMLElementTagNameMap { 'mls-value': MlsValue }
}
