import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { choice, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles } from '../../src/theme.js';

const REGIMES = ['cloud', 'edge', 'mobile', 'tiny'] as const;

const INPUTS = {
  persona: text({ reflect: true, doc: "The stakeholder's job title (the `role` attribute lands here)." }),
  name: text({ doc: "The stakeholder's name." }),
  // A literal must be a context; a `$ref` to a context this card has no colour for just leaves it blue.
  context: choice(REGIMES, {
    lenientRefs: true,
    doc: 'Deployment context whose colour the border takes: cloud, edge, mobile, tiny, or a `$ref`.',
  }),
};

/**
 * An "incoming message" from the lab's stakeholder: the eyebrow "Incoming message · <role>",
 * the sender's name and the slotted quote, with a left border in the deployment context's
 * colour (`context="edge"` or `context="$context"`), BlueLine otherwise.
 *
 * The `role` attribute names the stakeholder's job, as the lab contract says
 * (`role="CTO, NovaSight AI"`). Because `role` is also the ARIA role attribute, the element
 * moves its value to `persona` and sets its ARIA role to `note`.
 *
 * @tagname mls-stakeholder
 * @summary Stakeholder message card: role, name, quote.
 *
 * @attribute role - The stakeholder's job title (moved to `persona`; the host's ARIA role becomes `note`).
 *
 * @slot - The quote.
 *
 * @csspart card - The message card.
 * @csspart eyebrow - The "Incoming message · role" line.
 * @csspart name - The sender's name.
 * @csspart quote - The quote.
 *
 * @cssprop --mls-color-blue - Default accent.
 * @cssprop --mls-color-cloud - Accent with `context="cloud"` (also edge, mobile, tiny).
 *
 * @fires mls-invalid - `context` is not cloud, edge, mobile or tiny.
 */
export class MlsStakeholder extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-4) 0; }
    figure {
      --accent: var(--mls-color-blue);
      margin: 0; border-left: 5px solid var(--accent); border-radius: 0 var(--mls-radius-md) var(--mls-radius-md) 0;
      background: var(--mls-color-blue-ll); padding: var(--mls-space-4) var(--mls-space-5);
    }
    .ctx-cloud { --accent: var(--mls-color-cloud); }
    .ctx-edge { --accent: var(--mls-color-edge); }
    .ctx-mobile { --accent: var(--mls-color-mobile); }
    .ctx-tiny { --accent: var(--mls-color-tiny); }
    .eyebrow {
      margin: 0; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.1em; text-transform: uppercase;
      color: var(--mls-color-muted);
    }
    .name { margin: var(--mls-space-1) 0 0; font-weight: 700; }
    blockquote { margin: var(--mls-space-2) 0 0; font-style: italic; font-size: 1.02rem; line-height: 1.65; }
    @media (forced-colors: active) { figure { border-left-color: CanvasText; } }
    @media print { figure { background: none; } }
  `,
  ];

  static override inputs = INPUTS;

  #regime?: (typeof REGIMES)[number];
  #persona?: string;
  #name?: string;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'role'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'role') {
      if (value !== null && value !== 'note') {
        this.persona = value;
        this.setAttribute('role', 'note');
      }
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'note');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    this.#regime = this.invalid.has('context') ? undefined : v.context;
    this.#persona = v.persona;
    this.#name = v.name;
  }

  protected override render() {
    const persona = this.#persona;
    return html`${this.renderInvalid()}
      <figure part="card" class=${this.#regime ? `ctx-${this.#regime}` : ''}>
        <p class="eyebrow" part="eyebrow"><span aria-hidden="true">✉ </span>Incoming message${persona ? html` · ${persona}` : nothing}</p>
        ${this.#name ? html`<p class="name" part="name">${this.#name}</p>` : nothing}
        <blockquote part="quote"><slot></slot></blockquote>
      </figure>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsStakeholder extends InputProps<typeof INPUTS> {}

defineElement('mls-stakeholder', MlsStakeholder);

declare global {
  interface HTMLElementTagNameMap {
    'mls-stakeholder': MlsStakeholder;
  }
}
