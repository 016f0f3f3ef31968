import { html, css, LitElement, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MlsElement } from '../../src/base.js';
import { bool, choice, num, text, type InputProps, type InputValues } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import { baseStyles, monoNumbers } from '../../src/theme.js';
import { formatValue } from '../../src/format.js';

/** Positions of a log slider between its ends (arrow keys move one position). */
const LOG_POSITIONS = 200;
const NAME_RE = /^[A-Za-z_][\w-]*$/;

const INPUTS = {
  label: text({ default: '', doc: 'Visible label of the control (falls back to `name`).' }),
  name: text({
    default: '',
    reflect: true,
    pattern: NAME_RE,
    accepted: 'a scope key: a letter or _ then letters, digits, _ or -',
    doc: 'The scope key this slider writes (`n` makes `$n` readable).',
  }),
  min: num({ doc: 'Lower end, in the displayed units (must be > 0 with `scale="log"`). Default 0 (log: 1).' }),
  max: num({ doc: 'Upper end, in the displayed units. Default min + 100 (log: min × 1000).' }),
  step: num({
    gt: 0,
    doc: 'Step of the value. Linear default 1; with `scale="log"` the value is rounded to a multiple of it if given, else to `format` significant digits.',
  }),
  value: num({ doc: 'Initial value, in the displayed units (used when the scope does not hold one yet). Default: `min`.' }),
  unit: text({
    default: '',
    doc: 'Unit the value is shown in: `s`, `B`, `B/s`, `FLOP/s`, `W`, `%` (fraction), `x`, or any text such as `km`.',
  }),
  scale: choice(['linear', 'log'] as const, { default: 'linear', doc: '`linear` or `log` (the thumb moves through log10 space).' }),
  siScale: num({
    gt: 0,
    default: 1,
    doc: 'The scope holds the shown value × si-scale: `unit="km" si-scale="1000"` shows kilometres and writes metres (SI). A value restored from the scope is divided back.',
  }),
  format: num({ min: 1, max: 12, integer: true, default: 3, doc: 'Significant digits of the displayed value.' }),
  disabled: bool({ reflect: true, doc: 'Disables the control.' }),
};

/** Remove float noise such as 0.30000000000000004. */
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * A labelled range control bound to the lab scope: it writes `scope[name]` live while it
 * moves and fires `mls-change`. Inside a lab it starts from the scope's value when there is
 * one (a restored lab), else from `value`, and follows later changes of `scope[name]` made by
 * anyone else. With `scale="log"` the thumb moves evenly through powers of ten.
 * Display units belong to the control: `unit="km" si-scale="1000"` shows (and takes `min`,
 * `max`, `step`, `value` in) kilometres and writes metres to the scope.
 * Keyboard: arrow keys, Page Up/Down, Home and End (native range input).
 *
 * @tagname mls-slider
 * @summary Labelled range slider that writes a named scope value (linear or log).
 *
 * @csspart label - The visible label.
 * @csspart value - The formatted current value with its unit.
 * @csspart input - The native `<input type="range">`.
 * @csspart ends - The min and max captions under the track.
 *
 * @cssprop --mls-color-blue - Track accent colour.
 * @cssprop --mls-color-muted - Colour of the end captions.
 *
 * @fires mls-change - When the reader moves the slider: `{ name, value }` (the value written to the scope: shown × si-scale, SI units).
 * @fires mls-invalid - `min`, `max`, `step`, `value`, `scale`, `si-scale`, `format`, `label` or `name` was rejected.
 */
export class MlsSlider extends MlsElement {
  /** @internal */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** @internal */
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-3) 0; }
    .row { display: flex; justify-content: space-between; align-items: baseline; gap: var(--mls-space-3); }
    label { font-weight: 600; color: var(--mls-color-text); }
    .value { font-family: var(--mls-font-mono); font-weight: 700; color: var(--mls-color-blue); white-space: nowrap; ${monoNumbers} }
    input { display: block; width: 100%; margin: var(--mls-space-2) 0 0; accent-color: var(--mls-color-blue); min-height: 24px; cursor: pointer; }
    input:disabled { cursor: not-allowed; }
    .ends { display: flex; justify-content: space-between; font-size: 0.78rem; color: var(--mls-color-muted); ${monoNumbers} }
    @media (forced-colors: active) { input { accent-color: auto; } }
  `,
  ];

  static override inputs = INPUTS;

  /** The current value as shown (in the displayed units: scope value ÷ si-scale), or undefined before the first render. */
  @state() current?: number;

  #min = 0;
  #max = 100;
  #step?: number;
  #log = false;
  #digits = 3;
  #attrValue?: number;
  /** The scope key in force (undefined when absent or rejected), the multiplier to SI, unit and label. */
  #key?: string;
  #si = 1;
  #unit = '';
  #label = '';
  #disabled = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    this.#readAttributes(v);
    const name = this.#key;
    const si = this.#si;
    const fromScope = name ? this.resolve(`$${name}`) : undefined;
    const scoped =
      typeof fromScope === 'number' ? fromScope : typeof fromScope === 'string' && fromScope.trim() !== '' ? Number(fromScope) : NaN;
    const valueChanged = this.hasUpdated && changed.has('value');
    let next: number;
    let write = false;
    if (Number.isFinite(scoped) && !valueChanged) {
      next = this.#clamp(si === 1 ? scoped : tidy(scoped / si));
      write = this.#toScope(next) !== fromScope;
    } else {
      next = this.#clamp(valueChanged || this.current === undefined ? (this.#attrValue ?? this.current ?? this.#min) : this.current);
      write = true;
    }
    this.current = next;
    if (write && name && this.scope) this.scope.set(name, this.#toScope(next));
  }

  /** The SI value written to the scope for a shown value. */
  #toScope(shown: number): number {
    return this.#si === 1 ? shown : tidy(shown * this.#si);
  }

  #readAttributes(v: InputValues<typeof INPUTS>): void {
    // Every input keeps its last good value while rejected (read() returns it).
    this.#log = v.scale === 'log';
    const log = this.#log;
    this.#digits = v.format;
    this.#si = v.siScale;
    this.#unit = v.unit;
    this.#disabled = v.disabled;
    const name = v.name;
    this.#key = name && !this.invalid.has('name') ? name : undefined;

    // The ends and the initial value are checked against each other here, after read() has
    // checked that each is a number; a rejection keeps the last good end.
    const keep = (had: boolean, last: number, fallback: number) => (had && (!log || last > 0) ? last : fallback);
    const rawMin = v.min;
    let min = this.invalid.has('min') ? undefined : rawMin;
    if (min !== undefined && log && !(min > 0)) {
      this.markInvalid('min', min, 'a number > 0 (scale="log" needs positive ends)');
      min = undefined;
    }
    const lo = min ?? keep(this.invalid.has('min'), this.#min, log ? 1 : 0);
    const rawMax = v.max;
    let max = this.invalid.has('max') ? undefined : rawMax;
    if (max !== undefined && !(max > lo)) {
      this.markInvalid('max', max, `a number greater than min (${lo})`);
      max = undefined;
    }
    const hi = max ?? keep(this.invalid.has('max') && this.#max > lo, this.#max, log ? lo * 1000 : lo + 100);
    if (hi > lo && (!log || lo > 0)) {
      this.#min = lo;
      this.#max = hi;
    }

    this.#step = v.step;

    const rawValue = v.value;
    if (!this.invalid.has('value')) {
      if (rawValue !== undefined && !(rawValue >= this.#min && rawValue <= this.#max)) {
        this.markInvalid('value', rawValue, `a number from min (${this.#min}) to max (${this.#max})`);
      } else this.#attrValue = rawValue;
    }

    const label = (v.label || name || '').trim();
    this.#label = label;
    if (label) this.markValid('label');
    else this.markInvalid('label', '', 'a visible text label (or a name)');
  }

  #clamp(v: number): number {
    return Math.min(this.#max, Math.max(this.#min, v));
  }

  /** Linear step in force (native default 1). */
  get #linearStep(): number {
    return this.#step ?? 1;
  }

  #position(v: number): number {
    return this.#log ? Math.log10(v) : v;
  }

  /** The value for a thumb position, rounded as documented. */
  #valueAt(pos: number): number {
    if (!this.#log) return this.#clamp(tidy(pos));
    const raw = 10 ** pos;
    const rounded = this.#step ? tidy(Math.round(raw / this.#step) * this.#step) : Number(raw.toPrecision(this.#digits));
    return this.#clamp(rounded);
  }

  /** The next representable value from `v` in direction `dir` (log scale, when rounding swallowed a key press). */
  #nudge(v: number, dir: number): number {
    if (this.#step) return this.#clamp(tidy(v + dir * this.#step));
    const unit = 10 ** (Math.floor(Math.log10(Math.abs(v))) - this.#digits + 1);
    return this.#clamp(tidy(v + dir * unit));
  }

  #onInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    const pos = input.valueAsNumber;
    if (!Number.isFinite(pos)) return;
    let v = this.#valueAt(pos);
    const prev = this.current;
    if (this.#log && prev !== undefined && v === prev) {
      const dir = Math.sign(pos - this.#position(prev));
      if (dir !== 0) v = this.#nudge(prev, dir);
    }
    if (v === prev) return;
    this.current = v;
    const name = this.#key;
    const si = this.#toScope(v);
    if (name && this.scope) this.scope.set(name, si);
    emit(this, 'mls-change', { name: name ?? '', value: si });
  }

  /** The value as displayed, with its unit ("3,000 km", "4.2 GB"). */
  get text(): string {
    return this.current === undefined ? '' : formatValue(this.current, this.#unit, this.#digits);
  }

  protected override render() {
    const label = this.#label;
    const log = this.#log;
    const lo = log ? Math.log10(this.#min) : this.#min;
    const hi = log ? Math.log10(this.#max) : this.#max;
    const step = log ? (hi - lo) / LOG_POSITIONS : this.#linearStep;
    const pos = this.current === undefined ? lo : this.#position(this.current);
    const text = this.text;
    return html`${this.renderInvalid()}
      <div class="row">
        <label for="input" part="label">${label || 'Value'}</label>
        <span class="value" part="value" aria-hidden="true">${text}</span>
      </div>
      <input id="input" part="input" type="range"
        min=${String(lo)} max=${String(hi)} step=${String(step)}
        .value=${live(String(pos))}
        aria-valuetext=${text}
        ?disabled=${this.#disabled}
        @input=${this.#onInput}>
      <div class="ends" part="ends" aria-hidden="true">
        <span>${formatValue(this.#min, this.#unit, this.#digits)}</span>
        <span>${formatValue(this.#max, this.#unit, this.#digits)}</span>
      </div>`;
  }
}

/** The raw input properties (`el.min = '200'`, `el.value = 75`), typed from the schema. */
export interface MlsSlider extends InputProps<typeof INPUTS> {}

defineElement('mls-slider', MlsSlider);

declare global {
  interface HTMLElementTagNameMap {
    'mls-slider': MlsSlider;
  }
}
