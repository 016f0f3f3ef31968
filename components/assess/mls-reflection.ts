import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MlsElement } from '../../src/base.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import { baseStyles } from '../../src/theme.js';

/** What a checked reflection writes to the lab scope under its `name`. */
export interface AnswerState {
  answered: true;
  /** The chosen option's value, or (with `multiple`) the chosen values in option order. */
  value: string | string[];
  correct: boolean;
  /** How many times the learner has checked an answer (1 on the first check). */
  attempts?: number;
  /** Whether the first checked answer was right (kept when the learner tries again). */
  firstCorrect?: boolean;
}

interface Option {
  value: string;
  label: string;
  hasFeedback: boolean;
}

type Grade = 'hit' | 'wrong' | 'missed' | 'none';

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const GRADE_TEXT: Record<Grade, { icon: string; text: string }> = {
  hit: { icon: '✓', text: 'correct' },
  wrong: { icon: '✗', text: 'wrong' },
  missed: { icon: '◉', text: 'missed' },
  none: { icon: '○', text: 'not chosen' },
};

function isAnswerState(v: unknown): v is AnswerState {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    o.answered === true &&
    typeof o.correct === 'boolean' &&
    (typeof o.value === 'string' || (Array.isArray(o.value) && o.value.every((x) => typeof x === 'string')))
  );
}

/**
 * A structured reflection or concept check: native radios (or, with `multiple`, checkboxes)
 * in a fieldset whose legend is the `question` slot, and a "Check answer" button. Options are
 * light-DOM `<option value="A">text</option>` children: exactly four for a single choice, two or
 * more with `multiple`. Feedback is child content too, one element per option marked
 * `data-for="A"`, so it can hold inline elements bound to the lab scope (`<mls-value>`):
 * `<p data-for="A">Memory-bound needs <mls-value value="$roof.ridge"></mls-value> FLOP/B…</p>`.
 *
 * After checking, the chosen option(s) show their feedback and every graded option its grade by
 * icon and text; the feedback of options the learner did not choose stays hidden (a wrong answer
 * must not reveal the right one's "Right." line). Single
 * choice: "Correct" / "Not quite". Multiple choice grades each option four ways — chosen and
 * right "✓ correct", chosen and wrong "✗ wrong", right but not chosen "◉ missed", neither "○" —
 * under the title "Exactly right" (all right ones, no wrong one), "Partially right" (no wrong
 * one, a right one missing) or "Not quite" (a wrong one chosen).
 *
 * It writes `scope[name] = { answered: true, value, correct, attempts, firstCorrect }` and fires
 * `mls-answer`. Unlike a prediction, the answer may be changed and checked again; `attempts`
 * counts the checks and `firstCorrect` keeps the first one's result, so the ledger reports the
 * first attempt. A scope that already holds the answer (a restored lab) shows it checked.
 *
 * @tagname mls-reflection
 * @summary Graded concept check (single or multiple choice) with per-option feedback.
 *
 * @slot question - The question.
 * @slot feedback-{value} - Set by the element on each `[data-for]` child: the feedback of option {value}.
 *
 * @csspart form - The form around the inputs.
 * @csspart option - Each option row.
 * @csspart feedback - Each option's feedback text.
 * @csspart button - The "Check answer" button.
 * @csspart result - The result title.
 *
 * @cssprop --mls-color-green - Right.
 * @cssprop --mls-color-orange - Partially right / missed.
 * @cssprop --mls-color-red - Wrong.
 *
 * @fires mls-answer - The answer was checked: `{ name, value, correct }`.
 * @fires mls-invalid - Wrong option count, duplicate values, a missing answer or one that is not an option.
 */
export class MlsReflection extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-4) 0; }
    form {
      --accent: var(--mls-color-border);
      border: 1.5px solid var(--mls-color-border); border-left: 5px solid var(--accent);
      border-radius: 0 var(--mls-radius-md) var(--mls-radius-md) 0; background: var(--mls-color-surface);
      padding: var(--mls-space-4) var(--mls-space-5);
    }
    form.exact { --accent: var(--mls-color-green); }
    form.partial { --accent: var(--mls-color-orange); }
    form.wrong { --accent: var(--mls-color-red); }
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { padding: 0; margin-bottom: var(--mls-space-3); font-weight: 700; font-size: 1.05rem; line-height: 1.45; }
    .eyebrow { display: block; font-size: 0.75rem; letter-spacing: 0.1em; text-transform: uppercase; color: var(--mls-color-muted); }
    .opts { display: grid; gap: var(--mls-space-2); }
    .opt { border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-sm); padding: var(--mls-space-2) var(--mls-space-3); }
    .opt label { display: flex; align-items: center; gap: var(--mls-space-3); cursor: pointer; }
    .opt.hit { border-color: var(--mls-color-green); background: var(--mls-color-green-ll); }
    .opt.wrong { border-color: var(--mls-color-red); background: var(--mls-color-red-ll); }
    .opt.missed { border-color: var(--mls-color-orange); background: var(--mls-color-orange-ll); }
    input { margin: 0; width: 1.1rem; height: 1.1rem; accent-color: var(--mls-color-blue); flex: none; }
    .grade { font-weight: 700; white-space: nowrap; margin-left: auto; }
    .feedback { margin: var(--mls-space-1) 0 0 calc(1.1rem + var(--mls-space-3)); font-size: 0.92rem; color: var(--mls-color-text-2); line-height: 1.5; }
    .feedback ::slotted(*) { margin: 0; }
    .actions { margin-top: var(--mls-space-3); }
    button {
      font: inherit; font-weight: 700; cursor: pointer; border-radius: var(--mls-radius-sm);
      padding: var(--mls-space-2) var(--mls-space-4); border: 2px solid var(--mls-color-blue);
      background: var(--mls-color-blue); color: var(--mls-color-surface);
    }
    button:disabled { cursor: not-allowed; background: var(--mls-color-surface-2); color: var(--mls-color-muted); border-color: var(--mls-color-border); }
    .result { margin: var(--mls-space-3) 0 0; font-weight: 800; }
    @media (forced-colors: active) { form, .opt { border-color: CanvasText; } button:disabled { color: GrayText; } }
  `,
  ];

  /** Scope key the answer is written to (e.g. `r1`). */
  @property() name?: string;

  /** The right option's value; with `multiple`, the right values space-separated (`"move_server edge_deploy"`). */
  @property() answer?: string;

  /** Checkboxes (choose every right option) instead of radios. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  @state() private chosen: string[] = [];
  /** The answer as last checked (what the grading shows), or undefined. */
  @state() private checked?: AnswerState;
  /** True when the selection changed after the last check (grading hidden until re-checked). */
  @state() private dirty = false;

  #options: Option[] = [];
  #observer?: MutationObserver;
  #scoped = false;

  /** The last checked answer, or undefined. */
  get answered(): AnswerState | undefined {
    return this.checked;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer = new MutationObserver(() => this.requestUpdate());
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['value', 'data-for'],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  #readOptions(): void {
    const found: Option[] = [];
    const feedback = new Set<string>();
    for (const el of this.querySelectorAll(':scope > [data-for]')) {
      const forValue = collapse(el.getAttribute('data-for'));
      if (!forValue) continue;
      feedback.add(forValue);
      const slot = `feedback-${forValue}`;
      if (el.getAttribute('slot') !== slot) el.setAttribute('slot', slot);
    }
    for (const el of this.querySelectorAll(':scope > option')) {
      const label = collapse(el.textContent);
      const value = collapse(el.getAttribute('value') ?? label);
      found.push({ value, label, hasFeedback: feedback.has(value) });
    }
    const values = found.map((o) => o.value);
    const dupes = values.filter((v, i) => values.indexOf(v) !== i);
    const accepted = this.multiple
      ? 'two or more <option> children, each with a distinct value'
      : 'exactly four <option> children, each with a distinct value';
    const countOk = this.multiple ? found.length >= 2 : found.length === 4;
    if (!countOk) {
      this.markInvalid(
        'option',
        found.length ? `${found.length} option${found.length === 1 ? '' : 's'} (${values.join(', ')})` : 'no options',
        accepted,
      );
      return;
    }
    if (dupes.length) {
      this.markInvalid('option', `duplicate value ${dupes[0]} (${values.join(', ')})`, accepted);
      return;
    }
    this.markValid('option');
    const orphans = [...feedback].filter((v) => !values.includes(v));
    if (orphans.length) this.markInvalid('data-for', orphans.join(' '), `feedback for one of the option values: ${values.join(', ')}`);
    else this.markValid('data-for');
    this.#options = found;
  }

  /** The right values (a set of one for single choice), or undefined when the key is bad. */
  #key(): string[] | undefined {
    const raw = this.resolve(this.answer);
    const values = this.#options.map((o) => o.value);
    const text =
      typeof raw === 'string' ? raw.trim() : Array.isArray(raw) ? raw.join(' ') : raw === undefined || raw === null ? '' : String(raw);
    const accepted = this.multiple
      ? `option values separated by spaces, from: ${values.join(', ')}`
      : `one of the option values: ${values.join(', ')}`;
    if (!text) {
      this.markInvalid('answer', '(missing)', accepted);
      return undefined;
    }
    const key = this.multiple ? [...new Set(text.split(/\s+/))] : [text];
    if (values.length && (key.some((k) => !values.includes(k)) || (!this.multiple && key.length !== 1))) {
      this.markInvalid('answer', text, accepted);
      return undefined;
    }
    this.markValid('answer');
    return key;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.name?.trim()) this.markInvalid('name', '(missing)', 'a scope key such as r1');
    else this.markValid('name');
    this.#readOptions();
    this.#key();
    if (this.scope && this.name?.trim()) {
      const v = this.resolve(`$${this.name.trim()}`);
      if (isAnswerState(v)) {
        if (!this.checked || JSON.stringify(v) !== JSON.stringify(this.checked)) {
          this.checked = { ...v };
          this.chosen = Array.isArray(v.value) ? [...v.value] : [v.value];
          this.dirty = false;
          this.#scoped = true;
        }
      } else if (v === undefined && this.checked && this.#scoped) {
        this.checked = undefined;
        this.chosen = [];
        this.dirty = false;
      }
    }
  }

  #toggle(value: string, on: boolean): void {
    if (this.multiple) {
      const set = new Set(this.chosen);
      if (on) set.add(value);
      else set.delete(value);
      this.chosen = this.#options.map((o) => o.value).filter((v) => set.has(v));
    } else if (on) {
      this.chosen = [value];
    }
    this.dirty = true;
  }

  /** Enter in an option checks, like a form's implicit submission (which sandboxed frames block). */
  #onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.isComposing || !(e.target instanceof HTMLInputElement)) return;
    this.#check(e);
  };

  #check(e: Event): void {
    e.preventDefault();
    const name = this.name?.trim();
    const key = this.#key();
    if (!name || !key || this.chosen.length === 0 || this.invalid.has('option')) return;
    const chosen = this.#options.map((o) => o.value).filter((v) => this.chosen.includes(v));
    const correct = chosen.length === key.length && key.every((k) => chosen.includes(k));
    const prev = this.checked;
    const attempts = (prev?.attempts ?? (prev ? 1 : 0)) + 1;
    const firstCorrect = prev ? (prev.firstCorrect ?? prev.correct) : correct;
    const state: AnswerState = { answered: true, value: this.multiple ? chosen : chosen[0], correct, attempts, firstCorrect };
    this.checked = state;
    this.dirty = false;
    if (this.scope) {
      this.#scoped = true;
      this.scope.set(name, state);
    }
    emit(this, 'mls-answer', { name, value: state.value, correct, attempts, firstCorrect });
  }

  #grade(value: string, key: string[], chosen: string[]): Grade {
    const right = key.includes(value);
    const picked = chosen.includes(value);
    return picked ? (right ? 'hit' : 'wrong') : right && this.multiple ? 'missed' : 'none';
  }

  /** 'exact' | 'partial' | 'wrong' for the shown answer. */
  #overall(key: string[], chosen: string[]): 'exact' | 'partial' | 'wrong' {
    if (chosen.some((c) => !key.includes(c))) return 'wrong';
    return key.every((k) => chosen.includes(k)) ? 'exact' : 'partial';
  }

  protected override render() {
    const key = this.invalid.has('answer') ? undefined : this.#currentKey();
    const shown = this.checked && !this.dirty && key ? this.checked : undefined;
    const shownChosen = shown ? (Array.isArray(shown.value) ? shown.value : [shown.value]) : [];
    const overall = shown && key ? this.#overall(key, shownChosen) : undefined;
    const title =
      overall === undefined
        ? undefined
        : this.multiple
          ? { exact: '✓ Exactly right', partial: '◉ Partially right', wrong: '✗ Not quite' }[overall]
          : overall === 'exact'
            ? '✓ Correct'
            : '✗ Not quite';
    const type = this.multiple ? 'checkbox' : 'radio';
    return html`${this.renderInvalid()}
      <form part="form" class=${overall ?? ''} @submit=${this.#check} @keydown=${this.#onKey} novalidate>
        <fieldset>
          <legend><span class="eyebrow">${this.multiple ? 'Check your understanding · choose every answer that applies' : 'Check your understanding'}</span><slot name="question"></slot></legend>
          <div class="opts">${this.#options.map((o, i) => {
            const grade = shown && key ? this.#grade(o.value, key, shownChosen) : undefined;
            const g = grade ? GRADE_TEXT[grade] : undefined;
            return html`<div class="opt ${grade ?? ''}" part="option">
              <label>
                <input type=${type} name="answer" .value=${o.value} .checked=${live(this.chosen.includes(o.value))}
                  aria-describedby=${shown && o.hasFeedback && shownChosen.includes(o.value) ? `fb-${i}` : nothing}
                  @change=${(e: Event) => this.#toggle(o.value, (e.target as HTMLInputElement).checked)}>
                <span>${o.label}</span>
                ${g && (grade !== 'none' || this.multiple) ? html`<span class="grade"><span aria-hidden="true">${g.icon} </span>${g.text}</span>` : nothing}
              </label>
              ${
                shown && o.hasFeedback && shownChosen.includes(o.value)
                  ? html`<div class="feedback" part="feedback" id="fb-${i}"><slot name="feedback-${o.value}"></slot></div>`
                  : nothing
              }
            </div>`;
          })}</div>
        </fieldset>
        <div class="actions">
          <button type="button" part="button" ?disabled=${this.chosen.length === 0 || !key} @click=${this.#check}>Check answer</button>
        </div>
        <div role="status">${title ? html`<p class="result" part="result">${title}</p>` : nothing}</div>
      </form>`;
  }

  #currentKey(): string[] | undefined {
    const raw = this.resolve(this.answer);
    const text = typeof raw === 'string' ? raw.trim() : Array.isArray(raw) ? raw.join(' ') : raw == null ? '' : String(raw);
    if (!text) return undefined;
    return this.multiple ? [...new Set(text.split(/\s+/))] : [text];
  }
}

defineElement('mls-reflection', MlsReflection);

declare global {
  interface HTMLElementTagNameMap {
    'mls-reflection': MlsReflection;
  }
}
