import { html, css, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MlsElement } from '../src/base.js';
import { defineElement } from '../src/define.js';
import { emit } from '../src/events.js';
import { baseStyles, monoNumbers } from '../src/theme.js';
import { formatValue } from '../src/format.js';

/** Positions of a log slider between its ends (arrow keys move one position). */
const LOG_POSITIONS = 200;
const NAME_RE = /^[A-Za-z_][\w-]*$/;

/** Remove float noise such as 0.30000000000000004. */
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * A labelled range control bound to the lab scope: it writes `scope[name]` live while it
 * moves and fires `mls-change`. Inside a lab it starts from the scope's value when there is
 * one (a restored lab), else from `value`, and follows later changes of `scope[name]` made by
 * anyone else. With `scale="log"` the thumb moves evenly through powers of ten.
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
 * @fires mls-change - When the reader moves the slider: `{ name, value }` (a number in SI units).
 * @fires mls-invalid - `min`, `max`, `step`, `value`, `scale`, `format`, `label` or `name` was rejected.
 */
export class MlsSlider extends MlsElement {
  /** @internal */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** @internal */
  static override styles = [baseStyles, css`
    :host { display: block; margin: var(--mls-space-3) 0; }
    .row { display: flex; justify-content: space-between; align-items: baseline; gap: var(--mls-space-3); }
    label { font-weight: 600; color: var(--mls-color-text); }
    .value { font-family: var(--mls-font-mono); font-weight: 700; color: var(--mls-color-blue); white-space: nowrap; ${monoNumbers} }
    input { display: block; width: 100%; margin: var(--mls-space-2) 0 0; accent-color: var(--mls-color-blue); min-height: 24px; cursor: pointer; }
    input:disabled { cursor: not-allowed; }
    .ends { display: flex; justify-content: space-between; font-size: 0.78rem; color: var(--mls-color-muted); ${monoNumbers} }
    @media (forced-colors: active) { input { accent-color: auto; } }
  `];

  /** Visible label of the control (falls back to `name`). */
  @property() label = '';

  /** The scope key this slider writes (`n` makes `$n` readable). */
  @property({ reflect: true }) name = '';

  /** Lower end, in the value's units (must be > 0 with `scale="log"`). Default 0 (log: 1). */
  @property() min?: string;

  /** Upper end. Default 100 (log: 1000). */
  @property() max?: string;

  /** Step of the written value. Linear default 1; with `scale="log"` the value is rounded to a multiple of it if given, else to `format` significant digits. */
  @property() step?: string;

  /** Initial value (used when the scope does not hold one yet). Default: `min`. */
  @property() value?: string;

  /** Unit of the value for display: `s`, `B`, `B/s`, `FLOP/s`, `W`, `%` (fraction), `x`, or any text such as `km`. */
  @property() unit = '';

  /** `linear` (default) or `log` (the thumb moves through log10 space). */
  @property() scale?: string;

  /** Significant digits of the displayed value (1–12, default 3). */
  @property() format?: string;

  /** Disables the control. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The current value (a number in the value's units), or undefined before the first render. */
  @state() current?: number;

  #min = 0;
  #max = 100;
  #step?: number;
  #log = false;
  #digits = 3;
  #attrValue?: number;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#readAttributes();
    const name = this.#name();
    const fromScope = name ? this.resolve(`$${name}`) : undefined;
    const scoped = typeof fromScope === 'number' ? fromScope
      : typeof fromScope === 'string' && fromScope.trim() !== '' ? Number(fromScope) : NaN;
    const valueChanged = this.hasUpdated && changed.has('value');
    let next: number;
    let write = false;
    if (Number.isFinite(scoped) && !valueChanged) {
      next = this.#clamp(scoped);
      write = next !== fromScope;
    } else {
      next = this.#clamp(valueChanged || this.current === undefined
        ? (this.#attrValue ?? this.current ?? this.#min)
        : this.current);
      write = true;
    }
    this.current = next;
    if (write && name && this.scope) this.scope.set(name, next);
  }

  #name(): string | undefined {
    const n = (this.name ?? '').trim();
    if (!n) { this.markValid('name'); return undefined; }
    if (!NAME_RE.test(n)) { this.markInvalid('name', n, 'a scope key: a letter or _ then letters, digits, _ or -'); return undefined; }
    this.markValid('name');
    return n;
  }

  /** Read one numeric attribute with a single validity test (so its state never flaps). */
  #num(attr: string, raw: unknown, test: (n: number) => boolean, accepted: string): number | undefined {
    const v = this.resolve(raw);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) { this.markValid(attr); return undefined; }
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
    if (!Number.isFinite(n) || !test(n)) { this.markInvalid(attr, v, accepted); return undefined; }
    this.markValid(attr);
    return n;
  }

  #readAttributes(): void {
    const scale = this.readChoice('scale', this.scale, ['linear', 'log'] as const);
    if (scale) this.#log = scale === 'log';
    else if (!this.invalid.has('scale')) this.#log = false;
    const log = this.#log;

    const digits = this.readNumber('format', this.format, { min: 1, max: 12, integer: true });
    if (digits !== undefined) this.#digits = digits;
    else if (!this.invalid.has('format')) this.#digits = 3;

    const min = log
      ? this.#num('min', this.min, (n) => n > 0, 'a number > 0 (scale="log" needs positive ends)')
      : this.#num('min', this.min, () => true, 'a finite number');
    const keep = (had: boolean, last: number, fallback: number) => (had && (!log || last > 0) ? last : fallback);
    const lo = min ?? keep(this.invalid.has('min'), this.#min, log ? 1 : 0);
    const max = this.#num('max', this.max, (n) => n > lo, `a number greater than min (${lo})`);
    const hi = max ?? keep(this.invalid.has('max') && this.#max > lo, this.#max, log ? lo * 1000 : lo + 100);
    if (hi > lo && (!log || lo > 0)) { this.#min = lo; this.#max = hi; }

    const step = this.#num('step', this.step, (n) => n > 0, 'a number > 0');
    if (step !== undefined || !this.invalid.has('step')) this.#step = step;

    const v = this.#num('value', this.value, (n) => n >= this.#min && n <= this.#max,
      `a number from min (${this.#min}) to max (${this.#max})`);
    if (v !== undefined || !this.invalid.has('value')) this.#attrValue = v;

    const label = (this.label || this.name || '').trim();
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
    const name = this.#name();
    if (name && this.scope) this.scope.set(name, v);
    emit(this, 'mls-change', { name: name ?? '', value: v });
  }

  /** The value as displayed, with its unit ("3,000 km", "4.2 GB"). */
  get text(): string {
    return this.current === undefined ? '' : formatValue(this.current, this.unit, this.#digits);
  }

  protected override render() {
    const label = (this.label || this.name || '').trim();
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
        ?disabled=${this.disabled}
        @input=${this.#onInput}>
      <div class="ends" part="ends" aria-hidden="true">
        <span>${formatValue(this.#min, this.unit, this.#digits)}</span>
        <span>${formatValue(this.#max, this.unit, this.#digits)}</span>
      </div>`;
  }
}

defineElement('mls-slider', MlsSlider);

declare global {
  interface HTMLElementTagNameMap { 'mls-slider': MlsSlider }
}
