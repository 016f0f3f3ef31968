import { html, css, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { num, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles, monoNumbers } from '../../src/theme.js';

const INPUTS = {
  value: num({ doc: 'The number in SI units, or a `$name` / `$name.path` reference.' }),
  unit: text({ default: '', doc: 'Unit for formatValue: `s`, `B`, `B/s`, `FLOP`, `FLOP/s`, `W`, `J`, `%` (fraction), `x`, or any text.' }),
  displayUnit: text({
    doc: 'Show the value in this unit instead: an SI-prefixed `unit` (`unit="m" display-unit="km"`, `unit="s" display-unit="ms"`), or min / h / days for seconds.',
  }),
  digits: num({ min: 1, max: 12, integer: true, default: 3, doc: 'Significant digits.' }),
};

/**
 * An inline number in a lab's prose, bound to the lab scope so that text and physics never
 * disagree: `<mls-value value="$wf.total" unit="s"></mls-value>` reads "30.5 ms".
 * It renders as plain text (no live region), and "—" until its reference resolves. A value
 * in metres reads in kilometres with `unit="m" display-unit="km"`.
 *
 * @tagname mls-value
 * @summary Inline formatted number bound to a scope value.
 *
 * @csspart value - The text.
 *
 * @cssprop --mls-font-sans - Font (inherits the surrounding prose otherwise).
 *
 * @fires mls-invalid - `value`, `digits` or `display-unit` was rejected.
 */
export class MlsValue extends MlsElement {
  /** @internal */
  static override styles = [
    baseStyles,
    css`
    :host { display: inline; font-family: inherit; color: inherit; }
    .value { font-weight: 600; white-space: nowrap; ${monoNumbers} }
  `,
  ];

  static override inputs = INPUTS;

  #number?: number;
  #text = '—';

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Each input keeps its last good value while rejected (read() returns it).
    const v = this.read(INPUTS);
    this.#number = v.value;
    this.#text = this.shownValue(v.value, v.unit, v.displayUnit, v.digits);
  }

  /** The text shown: the formatted number with its unit, or "—" while unresolved. */
  get text(): string {
    return this.#text;
  }

  protected override render() {
    return html`${this.renderInvalid()}<span class="value" part="value">${
      this.#number === undefined ? html`<span aria-hidden="true">—</span><span class="visually-hidden">not yet computed</span>` : this.text
    }</span>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsValue extends InputProps<typeof INPUTS> {}

defineElement('mls-value', MlsValue);

declare global {
  interface HTMLElementTagNameMap {
    'mls-value': MlsValue;
  }
}
