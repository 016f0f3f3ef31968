import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { choice, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles } from '../../src/theme.js';

const KINDS = ['info', 'success', 'warn', 'danger'] as const;
type Kind = (typeof KINDS)[number];

/** Icon and text label for each kind, so that meaning never rests on colour alone. */
const LOOK: Record<Kind, { icon: string; label: string }> = {
  info: { icon: 'ℹ', label: 'Note' },
  success: { icon: '✓', label: 'Correct' },
  warn: { icon: '⚠', label: 'Caution' },
  danger: { icon: '✖', label: 'Danger' },
};

const INPUTS = {
  kind: choice(KINDS, { default: 'info', reflect: true, doc: 'What sort of message this is: `info`, `success`, `warn` or `danger`.' }),
  heading: text({ doc: 'Optional heading shown under the kind label.' }),
};

/**
 * A boxed aside in a lab's prose: a note, a confirmation, a caution or a danger.
 * Each kind carries an icon and a text label ("Note", "Correct", "Caution", "Danger")
 * besides its colour.
 *
 * @tagname mls-callout
 * @summary Note / success / caution / danger box with icon and text label.
 *
 * @slot - The message.
 *
 * @csspart callout - The box.
 * @csspart label - The icon and kind label line.
 * @csspart heading - The optional heading.
 *
 * @cssprop --mls-color-blue - Accent of `info`.
 * @cssprop --mls-color-green - Accent of `success`.
 * @cssprop --mls-color-orange - Accent of `warn`.
 * @cssprop --mls-color-red - Accent of `danger`.
 *
 * @fires mls-invalid - `kind` is not one of info, success, warn, danger.
 */
export class MlsCallout extends MlsElement {
  /** @internal */
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-3) 0; }
    .box {
      --accent: var(--mls-color-blue); --tint: var(--mls-color-blue-ll);
      border: 1px solid var(--mls-color-border); border-left: 5px solid var(--accent);
      background: var(--tint); border-radius: var(--mls-radius-md);
      padding: var(--mls-space-3) var(--mls-space-4); color: var(--mls-color-text);
    }
    .box.success { --accent: var(--mls-color-green); --tint: var(--mls-color-green-ll); }
    .box.warn { --accent: var(--mls-color-orange); --tint: var(--mls-color-orange-ll); }
    .box.danger { --accent: var(--mls-color-red); --tint: var(--mls-color-red-ll); }
    .label {
      display: flex; gap: var(--mls-space-2); align-items: baseline; margin: 0 0 var(--mls-space-1);
      font-size: 0.78rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent);
    }
    .icon { font-size: 1rem; letter-spacing: 0; }
    .heading { font-weight: 700; margin: 0 0 var(--mls-space-1); }
    .body { line-height: 1.55; }
    @media (forced-colors: active) { .box { border-color: CanvasText; } .label { color: CanvasText; } }
    @media print { .box { background: none; } }
  `,
  ];

  static override inputs = INPUTS;

  /** The kind in force: the last valid one when `kind` is rejected. */
  #kind: Kind = 'info';
  #heading?: string;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    this.#kind = v.kind;
    this.#heading = v.heading;
  }

  protected override render() {
    const kind = this.#kind;
    const look = LOOK[kind];
    return html`${this.renderInvalid()}
      <div class="box ${kind}" part="callout" role="note" aria-label=${this.#heading ? `${look.label}: ${this.#heading}` : look.label}>
        <p class="label" part="label"><span class="icon" aria-hidden="true">${look.icon}</span><span>${look.label}</span></p>
        ${this.#heading ? html`<p class="heading" part="heading">${this.#heading}</p>` : nothing}
        <div class="body"><slot></slot></div>
      </div>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsCallout extends InputProps<typeof INPUTS> {}

defineElement('mls-callout', MlsCallout);

declare global {
  interface HTMLElementTagNameMap {
    'mls-callout': MlsCallout;
  }
}
