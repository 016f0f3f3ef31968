import { lockIcon } from '../../src/icons.js';
import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MlsElement } from '../../src/base.js';
import { defineElement } from '../../src/define.js';
import { consume } from '@lit/context';
import { actContext, type ActNumber } from '../../src/act.js';
import { emit } from '../../src/events.js';
import { formatNumber } from '../../src/format.js';
import { baseStyles } from '../../src/theme.js';

/** What a locked prediction writes to the lab scope under its `name`. */
export interface LockState {
  locked: true;
  /** The option's value ("C"), or the number entered. */
  value: string | number;
  /** The prediction's numeric claim: the option's `data-number`, or the number entered × `scale`. */
  number?: number;
  /** The option's text ("~1,000,000×"), or the number entered with its unit. */
  label: string;
  /** Whether it matches `answer` (null when there is no answer key). */
  correct: boolean | null;
  /** The act the lock sits in (its enclosing `<mls-act n>`), when it is in one. */
  act?: 1 | 2;
}

interface Option {
  value: string;
  label: string;
  number?: number;
}

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function isLockState(v: unknown): v is LockState {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return o.locked === true && (typeof o.value === 'string' || typeof o.value === 'number');
}

/**
 * A structured prediction the learner commits to before the instruments appear.
 *
 * Choice mode (default): exactly four light-DOM `<option value="A" data-number="1e6">~1,000,000×</option>`
 * children become four native radios under the `question` slot. Number mode (`type="number"`):
 * a bounded native number input (`min` and `max` required) with its unit.
 *
 * "Lock prediction" stays disabled until a choice (or an in-range number) is made. Once
 * locked the prediction cannot change — not by clicking, not by changing attributes or
 * options; only a lab reset (which clears the scope) unlocks it. It then writes
 * `scope[name] = { locked: true, value, number?, label, correct }` and fires `mls-lock`.
 * It does not say whether the prediction was right: the overlay reveals that against the
 * physics. A scope that already holds `scope[name].locked` (a restored lab) shows it locked.
 *
 * `answer` is the correct option's value (choice) or the correct number (number mode;
 * correct when |x − answer| ≤ tolerance·|answer|). Inside a lab page, the lab's scenario module
 * (`physics/labs/vN-NN.ts`, keyed by this lock's `name`) derives the same answer from physics,
 * and the conformance suite checks that they agree.
 *
 * @tagname mls-prediction-lock
 * @summary Four-option (or bounded numeric) prediction, locked before the reveal.
 *
 * @slot question - The question.
 *
 * @csspart form - The form around the inputs.
 * @csspart option - Each option's label (choice mode).
 * @csspart input - The number input (number mode).
 * @csspart button - The "Lock prediction" button.
 * @csspart locked - The "Prediction locked: …" line.
 *
 * @cssprop --mls-color-blue - Accent and button colour.
 * @cssprop --mls-color-border - Option borders.
 *
 * @fires mls-lock - The prediction was locked: `{ name, value, correct }`.
 * @fires mls-invalid - Not exactly four options, duplicate values, a bad data-number, an answer that is not an option, missing bounds.
 */
export class MlsPredictionLock extends MlsElement {
  /** The act this element sits in (from the enclosing `<mls-act>`). */
  @consume({ context: actContext, subscribe: true })
  @state()
  protected act?: ActNumber;

  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-4) 0; }
    form {
      border: 1px solid var(--mls-color-border); border-left: 5px solid var(--mls-color-blue);
      border-radius: 0 var(--mls-radius-md) var(--mls-radius-md) 0; background: var(--mls-color-surface);
      padding: var(--mls-space-4) var(--mls-space-5);
    }
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { padding: 0; margin-bottom: var(--mls-space-3); font-weight: 700; font-size: 1.05rem; line-height: 1.45; }
    .eyebrow { display: block; font-size: 0.75rem; letter-spacing: 0.1em; text-transform: uppercase; color: var(--mls-color-muted); }
    .opts { display: grid; gap: var(--mls-space-2); }
    .opt {
      display: flex; align-items: center; gap: var(--mls-space-3); cursor: pointer;
      border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-sm);
      padding: var(--mls-space-2) var(--mls-space-3); background: var(--mls-color-surface);
    }
    .opt:has(input:checked) { border-color: var(--mls-color-blue); background: var(--mls-color-blue-ll); box-shadow: inset 0 0 0 1px var(--mls-color-blue); }
    .opt:has(input:disabled) { cursor: default; }
    input[type='radio'] { margin: 0; width: 1.1rem; height: 1.1rem; accent-color: var(--mls-color-blue); }
    .key { font-family: var(--mls-font-mono); font-weight: 700; min-width: 1.4rem; }
    .num { display: flex; flex-wrap: wrap; align-items: center; gap: var(--mls-space-2); }
    input[type='number'] {
      font: inherit; width: 12rem; padding: var(--mls-space-2); border: 1px solid var(--mls-color-border);
      border-radius: var(--mls-radius-sm); background: var(--mls-color-surface); color: var(--mls-color-text);
      font-variant-numeric: tabular-nums;
    }
    input[aria-invalid='true'] { border: 2px solid var(--mls-color-red); }
    .hint { margin: var(--mls-space-2) 0 0; font-size: 0.88rem; color: var(--mls-color-muted); }
    .error { margin: var(--mls-space-2) 0 0; font-size: 0.9rem; color: var(--mls-color-red); font-weight: 600; }
    .actions { margin-top: var(--mls-space-3); display: flex; flex-wrap: wrap; gap: var(--mls-space-3); align-items: center; }
    button {
      font: inherit; font-weight: 700; cursor: pointer; border-radius: var(--mls-radius-sm);
      padding: var(--mls-space-2) var(--mls-space-4); border: 2px solid var(--mls-color-blue);
      background: var(--mls-color-blue); color: var(--mls-color-surface);
    }
    button:disabled { cursor: not-allowed; background: var(--mls-color-surface-2); color: var(--mls-color-muted); border-color: var(--mls-color-border); }
    .locked { margin: var(--mls-space-3) 0 0; font-weight: 600; }
    .locked:focus { outline: none; }
    .locked:focus-visible { outline: 3px solid var(--mls-color-focus); }
    @media (forced-colors: active) { form, .opt { border-color: CanvasText; } button:disabled { color: GrayText; } }
    @media print { .actions { display: none; } }
  `,
  ];

  /** Scope key the locked prediction is written to (e.g. `act1`). */
  @property() name?: string;

  /** The correct option's value (choice) or the correct number (number mode); may be a `$ref`. */
  @property() answer?: string;

  /** `choice` (default, four options) or `number` (bounded numeric entry). */
  @property() type?: string;

  /** Number mode: smallest accepted value. */
  @property() min?: string;

  /** Number mode: largest accepted value. */
  @property() max?: string;

  /** Number mode: the input's step (default `any`). */
  @property() step?: string;

  /** Number mode: the unit shown next to the input ("ms", "GB", "×"). */
  @property() unit?: string;

  /** Number mode: relative tolerance for `correct` (default 0.1 = ±10 %). */
  @property() tolerance?: string;

  /** Number mode: factor from the entered unit to the number the overlay compares (e.g. `0.001` for ms → s). Default 1. */
  @property() scale?: string;

  @state() private selected?: string;
  @state() private entry = '';
  @state() private lockState?: LockState;

  #mode: 'choice' | 'number' = 'choice';
  #options: Option[] = [];
  #lockedName?: string;
  #observer?: MutationObserver;
  #scoped = false;
  #initialised = false;
  #range: { min?: number; max?: number } = {};

  /** The locked prediction, or undefined while open. */
  get locked(): LockState | undefined {
    return this.lockState;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer = new MutationObserver(() => {
      if (!this.lockState) this.requestUpdate();
    });
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['value', 'data-number'],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  #readOptions(): void {
    const found: Option[] = [];
    const badNumbers: string[] = [];
    for (const el of this.querySelectorAll(':scope > option')) {
      const label = collapse(el.textContent);
      const value = collapse(el.getAttribute('value') ?? label);
      const dn = el.getAttribute('data-number');
      let number: number | undefined;
      if (dn !== null && dn.trim() !== '') {
        number = Number(dn.trim());
        if (!Number.isFinite(number)) {
          badNumbers.push(`${value}: ${dn}`);
          number = undefined;
        }
      }
      found.push({ value, label, ...(number !== undefined ? { number } : {}) });
    }
    if (badNumbers.length) this.markInvalid('data-number', badNumbers.join('; '), 'a finite number on each option, e.g. data-number="1e6"');
    else this.markValid('data-number');
    const values = found.map((o) => o.value);
    const dupes = values.filter((v, i) => values.indexOf(v) !== i);
    if (found.length !== 4) {
      this.markInvalid(
        'option',
        found.length ? `${found.length} option${found.length === 1 ? '' : 's'} (${values.join(', ')})` : 'no options',
        'exactly four <option> children, each with a distinct value',
      );
      return;
    }
    if (dupes.length) {
      this.markInvalid(
        'option',
        `duplicate value ${dupes[0]} (${values.join(', ')})`,
        'exactly four <option> children, each with a distinct value',
      );
      return;
    }
    this.markValid('option');
    this.#options = found;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A scope value wins: restore a locked prediction, or unlock after a lab reset.
    if (this.scope) {
      const key = this.#lockedName ?? this.name;
      const v = key ? this.resolve(`$${key}`) : undefined;
      if (isLockState(v)) {
        if (!this.lockState || JSON.stringify(v) !== JSON.stringify(this.lockState)) {
          this.lockState = { ...v };
          this.#lockedName = key;
          this.#scoped = true;
          this.selected = String(v.value);
          if (typeof v.value === 'number') this.entry = String(v.value);
        }
      } else if (v === undefined && this.lockState && this.#scoped) {
        this.lockState = undefined;
        this.#lockedName = undefined;
        this.selected = undefined;
        this.entry = '';
      }
    }
    if (this.lockState && this.#initialised) return; // locked: attributes and options no longer matter
    this.#initialised = true;
    const mode = this.readChoice('type', this.type?.trim(), ['choice', 'number'] as const);
    if (mode) this.#mode = mode;
    else if (!this.invalid.has('type')) this.#mode = 'choice';
    if (!this.name?.trim()) this.markInvalid('name', '(missing)', 'a scope key such as act1');
    else this.markValid('name');
    if (this.#mode === 'choice') {
      this.markValid('min');
      this.markValid('max');
      this.#readOptions();
      this.#answerChoice();
    } else {
      this.markValid('option');
      this.#range = this.#bounds();
      this.#answerNumber();
      this.readNumber('tolerance', this.tolerance, { min: 0 });
      this.readNumber('scale', this.scale);
    }
  }

  #answerChoice(): string | undefined {
    const a = this.resolve(this.answer);
    if (a === undefined || a === null || a === '') {
      this.markValid('answer');
      return undefined;
    }
    const values = this.#options.map((o) => o.value);
    const s = collapse(String(a));
    if (values.length && !values.includes(s)) {
      this.markInvalid('answer', s, `one of the option values: ${values.join(', ')}`);
      return undefined;
    }
    this.markValid('answer');
    return s;
  }

  #answerNumber(): number | undefined {
    return this.readNumber('answer', this.answer);
  }

  #bounds(): { min?: number; max?: number } {
    const min = this.readNumber('min', this.min);
    const max = this.readNumber('max', this.max);
    if (this.min === undefined || this.min === null || this.min === '')
      this.markInvalid('min', '(missing)', 'a finite number: a numeric prediction must be bounded');
    if (this.max === undefined || this.max === null || this.max === '')
      this.markInvalid('max', '(missing)', 'a finite number: a numeric prediction must be bounded');
    if (min !== undefined && max !== undefined && min >= max) {
      this.markInvalid('max', String(this.max), `a number greater than min (${min})`);
      return { min };
    }
    return { min, max };
  }

  /** The number entered, and why it cannot be locked (if it cannot). */
  #entryStatus(): { value?: number; error?: string } {
    const { min, max } = this.#range;
    const raw = this.entry.trim();
    if (raw === '') return {};
    const x = Number(raw);
    if (!Number.isFinite(x)) return { error: 'Enter a number.' };
    if (min === undefined || max === undefined) return { error: 'This prediction has no valid range; see the message above.' };
    const unit = this.unit ? ` ${this.unit}` : '';
    if (x < min || x > max)
      return {
        error: `${formatNumber(x, 6)}${unit} is outside the allowed range, ${formatNumber(min, 6)} to ${formatNumber(max, 6)}${unit}.`,
      };
    return { value: x };
  }

  /**
   * Enter in an option or the number field locks, as a form's implicit submission would. The
   * button and Enter act directly, never through form submission, which a sandboxed LMS frame
   * without `allow-forms` blocks silently.
   */
  #onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.isComposing || !(e.target instanceof HTMLInputElement)) return;
    this.#lock(e);
  };

  #lock(e?: Event): void {
    e?.preventDefault();
    if (this.lockState) return;
    const name = this.name?.trim();
    if (!name) return;
    let state: LockState;
    if (this.#mode === 'choice') {
      const opt = this.#options.find((o) => o.value === this.selected);
      if (!opt || this.invalid.has('option')) return;
      const answer = this.#answerChoice();
      state = {
        locked: true,
        value: opt.value,
        ...(opt.number !== undefined ? { number: opt.number } : {}),
        label: opt.label,
        correct: answer === undefined ? null : opt.value === answer,
      };
    } else {
      const { value } = this.#entryStatus();
      if (value === undefined) return;
      const answer = this.#answerNumber();
      const tol = this.readNumber('tolerance', this.tolerance, { min: 0 }) ?? 0.1;
      const scale = this.readNumber('scale', this.scale) ?? 1;
      state = {
        locked: true,
        value,
        number: value * scale,
        label: `${value.toLocaleString('en-US', { maximumFractionDigits: 12 })}${this.unit ? ` ${this.unit}` : ''}`,
        correct: answer === undefined ? null : Math.abs(value - answer) <= tol * Math.abs(answer),
      };
    }
    if (this.act) state = { ...state, act: this.act };
    this.#lockedName = name;
    this.lockState = state;
    if (this.scope) {
      this.#scoped = true;
      this.scope.set(name, state);
    }
    emit(this, 'mls-lock', { name, value: state.value, correct: state.correct, act: state.act ?? null });
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.locked') as HTMLElement | null)?.focus());
  }

  #onEntry(e: Event): void {
    this.entry = (e.target as HTMLInputElement).value;
  }

  protected override render() {
    const locked = this.lockState;
    const question = html`<legend><span class="eyebrow">Your prediction</span><slot name="question"></slot></legend>`;
    let body;
    let canLock = false;
    if (this.#mode === 'choice') {
      body = html`<fieldset ?disabled=${!!locked}>${question}
        <div class="opts">${this.#options.map(
          (o) => html`<label class="opt" part="option">
          <input type="radio" name="prediction" .value=${o.value} .checked=${live(this.selected === o.value)}
            ?disabled=${!!locked} @change=${() => {
              this.selected = o.value;
            }}>
          <span class="key">${o.value}</span><span>${o.label}</span></label>`,
        )}
        </div></fieldset>`;
      canLock = !!this.selected && this.#options.some((o) => o.value === this.selected) && !this.invalid.has('option');
    } else {
      const { min, max } = this.#range;
      const status = locked ? {} : this.#entryStatus();
      const unit = this.unit?.trim();
      canLock = status.value !== undefined;
      body = html`<fieldset ?disabled=${!!locked}>${question}
        <div class="num">
          <label for="entry">Your estimate${unit ? ` (${unit})` : ''}</label>
          <input id="entry" part="input" type="number" inputmode="decimal" min=${min ?? ''} max=${max ?? ''} step=${this.step?.trim() || 'any'}
            .value=${live(this.entry)} @input=${this.#onEntry} ?disabled=${!!locked}
            aria-invalid=${status.error ? 'true' : 'false'} aria-describedby="range${status.error ? ' entry-error' : ''}">
          ${unit ? html`<span aria-hidden="true">${unit}</span>` : nothing}
        </div>
        ${min !== undefined && max !== undefined ? html`<p class="hint" id="range">Between ${formatNumber(min, 6)} and ${formatNumber(max, 6)}${unit ? ` ${unit}` : ''}.</p>` : html`<p class="hint" id="range"></p>`}
        ${status.error ? html`<p class="error" id="entry-error"><span aria-hidden="true">⚠ </span>${status.error}</p>` : nothing}
      </fieldset>`;
    }
    return html`${this.renderInvalid()}
      <form part="form" @submit=${this.#lock} @keydown=${this.#onKey} novalidate>
        ${body}
        <div class="actions">
          ${
            locked
              ? nothing
              : html`<button type="button" part="button" ?disabled=${!canLock} @click=${this.#lock}>Lock prediction</button>
            <span class="hint">${canLock ? 'Once locked, it cannot be changed.' : this.#mode === 'choice' ? 'Choose one option to lock it.' : 'Enter a number in range to lock it.'}</span>`
          }
        </div>
        <div role="status">${locked ? html`<p class="locked" part="locked" tabindex="-1">${lockIcon()} Prediction locked: <strong>${this.#mode === 'choice' || typeof locked.value === 'string' ? `${locked.value} — ${locked.label}` : locked.label}</strong></p>` : nothing}</div>
      </form>`;
  }
}

defineElement('mls-prediction-lock', MlsPredictionLock);

declare global {
  interface HTMLElementTagNameMap {
    'mls-prediction-lock': MlsPredictionLock;
  }
}
