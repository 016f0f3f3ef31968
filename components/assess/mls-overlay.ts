import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { any, choice, num, ref, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { formatNumber, formatValue } from '../../src/format.js';
import { baseStyles } from '../../src/theme.js';

interface Lock {
  locked?: boolean;
  value?: unknown;
  number?: unknown;
  label?: unknown;
  correct?: unknown;
}

interface View {
  label: string;
  correct: boolean | null;
  actualText?: string;
  gap?: number;
  gapText?: string;
  direction?: 'over' | 'under' | 'exact';
}

const COMPARE = ['ratio', 'difference'] as const;

const PREDICTION_ACCEPTED = 'a $ref to a prediction lock, e.g. $act1';

const INPUTS = {
  prediction: ref({ required: true, accepted: PREDICTION_ACCEPTED, doc: '`$ref` to the prediction lock to compare (e.g. `$act1`).' }),
  actual: any({ doc: 'What the physics gives: a `$ref` (`$wf.speedup`) or a literal number; text values are shown as they are.' }),
  unit: text({
    default: '',
    doc: "Unit of `actual` and of the prediction's number, as `src/format.ts` knows it: `x`, `s`, `B`, `B/s`, `%`, `FLOP/s`, …",
  }),
  compare: choice(COMPARE, { default: 'ratio', doc: '`ratio` (default: "off by 98.9×") or `difference` ("the gap is 12 ms").' }),
  digits: num({ min: 1, max: 8, integer: true, default: 3, doc: 'Significant digits.' }),
};

/**
 * The reveal: the learner's locked prediction set against what the physics gives.
 * Nothing shows until the prediction `prediction` refers to (`prediction="$act1"`) is locked; then:
 * "You predicted ~10,000×. Physics gives 989,000×. You were off by 98.9×." (`compare="ratio"`,
 * the default) or "… The gap is 12 ms." (`compare="difference"`), using the lock's numeric
 * claim. A categorical prediction (an option without `data-number`) states the choice, the
 * physics, and whether the choice was right. Right and wrong are told by icon and text.
 * The slotted sentence explains why.
 *
 * The numeric gap is on the host as `data-gap` and as the `gap` property (ratio ≥ 1, or the
 * absolute difference in the unit's SI base).
 *
 * @tagname mls-overlay
 * @summary "You predicted X. Physics gives Y. You were off by Z×." after the lock.
 *
 * @slot - Why the physics comes out this way (one or two sentences).
 *
 * @csspart overlay - The reveal box.
 * @csspart verdict - The right/wrong line.
 *
 * @cssprop --mls-color-green - Accent when the prediction was right.
 * @cssprop --mls-color-orange - Accent when it was not.
 *
 * @fires mls-invalid - A bad `actual`, `unit`, `compare` or `digits`.
 */
export class MlsOverlay extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    .box {
      --accent: var(--mls-color-blue); --tint: var(--mls-color-blue-ll);
      margin: var(--mls-space-3) 0; padding: var(--mls-space-3) var(--mls-space-4);
      border: 1px solid var(--mls-color-border); border-left: 5px solid var(--accent);
      border-radius: 0 var(--mls-radius-md) var(--mls-radius-md) 0; background: var(--tint);
    }
    .box.right { --accent: var(--mls-color-green); --tint: var(--mls-color-green-ll); }
    .box.wrong { --accent: var(--mls-color-orange); --tint: var(--mls-color-orange-ll); }
    .eyebrow { margin: 0 0 var(--mls-space-1); font-size: 0.75rem; font-weight: 700; letter-spacing: 0.1em; text-transform: uppercase; color: var(--mls-color-muted); }
    .main { margin: 0; line-height: 1.6; }
    .num { font-family: var(--mls-font-mono); font-weight: 700; font-variant-numeric: tabular-nums; }
    .verdict { margin: var(--mls-space-2) 0 0; font-weight: 700; }
    .why { margin-top: var(--mls-space-2); line-height: 1.55; }
    @media (forced-colors: active) { .box { border-color: CanvasText; } }
    @media print { .box { background: none; } }
  `,
  ];

  static override inputs = INPUTS;

  #view?: View;
  #compare: (typeof COMPARE)[number] = 'ratio';

  /** The numeric gap once revealed (ratio ≥ 1, or absolute difference); null otherwise. */
  get gap(): number | null {
    return this.#view?.gap ?? null;
  }

  /** True while the reveal is shown. */
  get revealed(): boolean {
    return !!this.#view;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    // A lock is a top-level scope name (`$act1`), not a path into one.
    let key = this.invalid.has('prediction') ? undefined : v.prediction;
    if (key?.includes('.')) {
      this.markInvalid('prediction', String(this.prediction).trim(), PREDICTION_ACCEPTED);
      key = undefined;
    }
    const compare = v.compare;
    this.#compare = compare;
    const digits = v.digits;
    const unit = v.unit;
    const lock = (key ? this.resolve(`$${key}`) : undefined) as Lock | undefined;
    if (!lock || lock.locked !== true) {
      this.#view = undefined;
      return;
    }
    const fmt = (n: number) => formatValue(n, unit, digits);
    const label = typeof lock.label === 'string' && lock.label ? lock.label : String(lock.value ?? '');
    const correct = typeof lock.correct === 'boolean' ? lock.correct : null;
    // `actual` is read only once the lock is locked, as before: a literal must be a number; a
    // resolved number is formatted, resolved text or a boolean is shown as it is.
    const rawActual = v.actual;
    const literal = !this.isRef(this.actual);
    const view: View = { label, correct };
    let actual: number | undefined;
    if ((typeof rawActual === 'string' && literal && rawActual !== '') || typeof rawActual === 'number') {
      const n = typeof rawActual === 'number' ? rawActual : Number(rawActual);
      if (Number.isFinite(n)) actual = n;
      else this.markInvalid('actual', rawActual, 'a finite number');
    } else if (typeof rawActual === 'string' && rawActual.trim() !== '') {
      this.markValid('actual');
      view.actualText = rawActual; // a categorical result, e.g. "memory"
    } else if (typeof rawActual === 'boolean') {
      this.markValid('actual');
      view.actualText = rawActual ? 'yes' : 'no';
    } else this.markValid('actual');
    if (actual !== undefined) view.actualText = fmt(actual);
    const predicted = typeof lock.number === 'number' && Number.isFinite(lock.number) ? lock.number : undefined;
    if (actual !== undefined && predicted !== undefined) {
      view.direction = predicted === actual ? 'exact' : predicted < actual ? 'under' : 'over';
      const positive = predicted > 0 && actual > 0;
      if (compare === 'ratio' && positive) {
        view.gap = Math.max(predicted, actual) / Math.min(predicted, actual);
        view.gapText = `${formatNumber(view.gap, digits)}×`;
      } else {
        view.gap = Math.abs(actual - predicted);
        view.gapText = fmt(view.gap);
      }
    }
    this.#view = view;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const gap = this.#view?.gap;
    if (gap === undefined) this.removeAttribute('data-gap');
    else this.setAttribute('data-gap', String(gap));
  }

  #verdict(v: View) {
    if (v.correct === null) return nothing;
    return html`<p class="verdict" part="verdict">${
      v.correct
        ? html`<span aria-hidden="true">✓ </span>Your prediction was right.`
        : html`<span aria-hidden="true">✗ </span>Your prediction was not the right answer.`
    }</p>`;
  }

  protected override render() {
    const v = this.#view;
    const compare = this.#compare;
    let body = nothing as unknown;
    if (v) {
      const physics =
        v.actualText !== undefined
          ? html` Physics gives <span class="num">${v.actualText}</span>.`
          : html` The physics result is not available yet.`;
      let gap = nothing as unknown;
      if (v.gap !== undefined && v.gapText) {
        const dir =
          v.direction === 'under' ? ' (your estimate was too low)' : v.direction === 'over' ? ' (your estimate was too high)' : '';
        gap =
          v.direction === 'exact'
            ? html` <span part="gap">Exactly right.</span>`
            : compare === 'ratio' && v.gapText.endsWith('×') && !this.invalid.has('compare')
              ? html` <span part="gap">You were off by <span class="num">${v.gapText}</span>${dir}.</span>`
              : html` <span part="gap">The gap is <span class="num">${v.gapText}</span>${dir}.</span>`;
      } else if (v.actualText !== undefined && v.correct !== null) {
        gap = v.correct ? html` <span part="gap">That matches.</span>` : html` <span part="gap">That does not match.</span>`;
      }
      body = html`<div class="box ${v.correct === true ? 'right' : v.correct === false ? 'wrong' : ''}" part="overlay">
        <p class="eyebrow">Prediction vs physics</p>
        <p class="main">You predicted <strong>${v.label}</strong>.${physics}${gap}</p>
        ${this.#verdict(v)}
        <div class="why"><slot></slot></div>
      </div>`;
    }
    return html`${this.renderInvalid()}<div role="status">${body}</div>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsOverlay extends InputProps<typeof INPUTS> {}

defineElement('mls-overlay', MlsOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'mls-overlay': MlsOverlay;
  }
}
