import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { choice, num, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles, monoNumbers } from '../../src/theme.js';

const STATES = ['ok', 'warn', 'fail'] as const;
type MetricState = (typeof STATES)[number];

/** Text and icon for each state: the colour only repeats what they say. */
const STATE_LOOK: Record<MetricState, { icon: string; text: string }> = {
  ok: { icon: '✓', text: 'OK' },
  warn: { icon: '⚠', text: 'Warning' },
  fail: { icon: '✕', text: 'Over limit' },
};

const INPUTS = {
  label: text({ default: '', doc: 'What the number is ("Attainable throughput").' }),
  value: num({ doc: 'The number in SI units, or a `$name` / `$name.path` reference.' }),
  unit: text({
    default: '',
    doc: 'Unit of the value for formatValue: `s`, `B`, `B/s`, `FLOP`, `FLOP/s`, `W`, `J`, `%` (fraction), `x`, or any text.',
  }),
  displayUnit: text({
    doc: 'Show the value in this unit instead: an SI-prefixed `unit` (`unit="m" display-unit="km"`, `unit="s" display-unit="ms"`), or min / h / days for seconds.',
  }),
  digits: num({ min: 1, max: 12, integer: true, default: 3, doc: 'Significant digits.' }),
  state: choice(STATES, { doc: '`ok`, `warn`, `fail`, or a `$name` reference resolving to one of them.' }),
  tag: text({ doc: 'A short tag shown as a pill, e.g. `BINDING`.' }),
};

/**
 * A metric card: a label, one big formatted number with its unit, and optionally a state
 * ("OK", "Warning", "Over limit", each with an icon) and a tag such as `BINDING`.
 * `value` and `state` may be `$name` references into the lab scope; the number shows "—"
 * until its reference resolves.
 *
 * @tagname mls-metric
 * @summary Labelled big-number card with unit, state (text + icon) and tag.
 *
 * @csspart card - The card.
 * @csspart label - The label line.
 * @csspart value - The formatted number.
 * @csspart state - The state line.
 * @csspart tag - The tag pill.
 *
 * @cssprop --mls-color-blue - Colour of the number.
 * @cssprop --mls-color-green - Accent of the `ok` state.
 * @cssprop --mls-color-orange - Accent of the `warn` state.
 * @cssprop --mls-color-red - Accent of the `fail` state.
 *
 * @fires mls-invalid - `value`, `digits`, `state` or `display-unit` was rejected.
 */
export class MlsMetric extends MlsElement {
  /** @internal */
  static override styles = [
    baseStyles,
    css`
    :host { display: inline-block; min-width: 10rem; vertical-align: top; }
    .card {
      --accent: var(--mls-color-border);
      border: 1px solid var(--mls-color-border); border-top: 4px solid var(--accent);
      border-radius: var(--mls-radius-md); background: var(--mls-color-surface);
      padding: var(--mls-space-3) var(--mls-space-4); height: 100%;
    }
    .card.ok { --accent: var(--mls-color-green); }
    .card.warn { --accent: var(--mls-color-orange); }
    .card.fail { --accent: var(--mls-color-red); background: var(--mls-color-red-ll); }
    .top { display: flex; justify-content: space-between; gap: var(--mls-space-2); align-items: baseline; }
    .label { margin: 0; font-size: 0.8rem; font-weight: 600; color: var(--mls-color-muted); text-transform: uppercase; letter-spacing: 0.06em; }
    .tag {
      font-size: 0.7rem; font-weight: 800; letter-spacing: 0.08em; padding: 1px 8px; border-radius: 20px;
      border: 1px solid var(--mls-color-text-2); color: var(--mls-color-text-2); white-space: nowrap;
    }
    .value {
      margin: var(--mls-space-1) 0 0; font-family: var(--mls-font-mono); font-size: 1.6rem; font-weight: 700;
      color: var(--mls-color-blue); ${monoNumbers}
    }
    .state { margin: var(--mls-space-1) 0 0; font-size: 0.85rem; font-weight: 700; color: var(--accent); }
    .card.ok .state { color: var(--mls-color-green); }
    .card.warn .state { color: var(--mls-color-orange); }
    .card.fail .state { color: var(--mls-color-red); }
    @media (forced-colors: active) { .card { border-color: CanvasText; } .state, .value { color: CanvasText; } }
    @media print { .card { background: none; } }
  `,
  ];

  static override inputs = INPUTS;

  #number?: number;
  #text = '—';
  #state?: MetricState;
  #label = '';
  #tag?: string;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Each input keeps its last good value while rejected (read() returns it).
    const v = this.read(INPUTS);
    this.#number = v.value;
    this.#state = v.state;
    this.#label = v.label;
    this.#tag = v.tag;
    this.#text = this.shownValue(v.value, v.unit, v.displayUnit, v.digits);
  }

  /** The formatted value as shown ("—" while unresolved). */
  get text(): string {
    return this.#text;
  }

  protected override render() {
    const look = this.#state ? STATE_LOOK[this.#state] : undefined;
    const label = this.#label || 'Metric';
    return html`${this.renderInvalid()}
      <div class="card ${this.#state ?? ''}" part="card" role="group" aria-label=${label}>
        <div class="top">
          <p class="label" part="label">${label}</p>
          ${this.#tag ? html`<span class="tag" part="tag">${this.#tag}</span>` : nothing}
        </div>
        <p class="value" part="value">${
          this.#number === undefined
            ? html`<span aria-hidden="true">—</span><span class="visually-hidden">not yet computed</span>`
            : this.text
        }</p>
        ${look ? html`<p class="state" part="state"><span aria-hidden="true">${look.icon}</span> ${look.text}</p>` : nothing}
      </div>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsMetric extends InputProps<typeof INPUTS> {}

defineElement('mls-metric', MlsMetric);

declare global {
  interface HTMLElementTagNameMap {
    'mls-metric': MlsMetric;
  }
}
