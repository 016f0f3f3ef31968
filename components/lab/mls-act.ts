import { html, css, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { MlsElement } from '../../src/base.js';
import { choice, num, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles } from '../../src/theme.js';
import { ContextProvider } from '@lit/context';
import { actContext, type ActNumber } from '../../src/act.js';

const ACTS: Record<1 | 2, { numeral: string; kind: string }> = {
  1: { numeral: 'I', kind: 'Calibration' },
  2: { numeral: 'II', kind: 'Design Challenge' },
};

const INPUTS = {
  n: choice(['1', '2'] as const, { required: true, reflect: true, doc: 'Which act: 1 (Calibration) or 2 (Design Challenge).' }),
  heading: text({ reflect: true, doc: "The act's title (the `title` attribute lands here)." }),
  headingLevel: num({
    min: 1,
    max: 6,
    integer: true,
    doc: "Level of the act heading, 1–6. Default: one below the enclosing lab's `heading-level` (3 when the lab uses its default 2).",
  }),
};

/**
 * One act of a lab: Act I (Calibration) or Act II (Design Challenge). A section labelled by
 * its heading, "Act I — Calibration: The Memory Wall". The lab's ledger record files each
 * locked prediction under the act that contains it, and counts Act II failures as
 * `constraint_hit`.
 *
 * The `title` attribute is accepted and moved to `heading` (a `title` attribute would show a
 * browser tooltip over the whole act).
 *
 * @tagname mls-act
 * @summary Act I / Act II section with its numbered heading.
 *
 * @attribute title - The act's title (moved to `heading`).
 *
 * @slot - The act's content.
 *
 * @csspart section - The act section.
 * @csspart heading - The act heading.
 *
 * @cssprop --mls-color-blue - Act I accent.
 * @cssprop --mls-color-orange - Act II accent.
 *
 * @fires mls-invalid - `n` is not 1 or 2.
 */
export class MlsAct extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-5) 0; }
    section { --accent: var(--mls-color-blue); }
    section.act-2 { --accent: var(--mls-color-orange); }
    #heading {
      display: flex; align-items: baseline; gap: var(--mls-space-3); flex-wrap: wrap;
      margin: 0 0 var(--mls-space-3); padding-bottom: var(--mls-space-2);
      border-bottom: 2px solid var(--accent); font-size: 1.35rem; line-height: 1.25; font-weight: 800;
    }
    .num {
      display: inline-grid; place-items: center; min-width: 2rem; height: 2rem; padding: 0 6px; border-radius: 999px;
      background: var(--accent); color: var(--mls-color-surface); font-size: 0.95rem;
    }
    .kind { color: var(--mls-color-muted); font-weight: 700; }
    @media (forced-colors: active) { .num { border: 1px solid CanvasText; } #heading { border-color: CanvasText; } }
  `,
  ];

  static override inputs = INPUTS;

  #act?: 1 | 2;
  #level = 3;
  #title = '';
  /** Tells the elements inside which act they are in (locks and failures put it in their events). */
  readonly #provider = new ContextProvider(this, { context: actContext, initialValue: undefined as ActNumber | undefined });

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'title'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'title') {
      if (value !== null) {
        this.heading = value;
        this.removeAttribute('title');
      }
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  /** The act number in force (1 or 2), or undefined when `n` has never been valid. */
  get act(): 1 | 2 | undefined {
    return this.#act;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    this.#title = v.heading ?? '';
    // A rejected heading-level falls back to the lab's level, not to the last good one.
    const own = this.invalid.has('heading-level') ? undefined : v.headingLevel;
    const lab = Number(this.closest('mls-lab')?.getAttribute('heading-level'));
    this.#level = own ?? (Number.isInteger(lab) && lab >= 1 && lab <= 5 ? lab + 1 : 3);
    // Missing or rejected: the act in force stays (read() gives the last good n).
    const n = v.n;
    if (n) this.#act = Number(n) as 1 | 2;
    if (this.#provider.value !== this.#act) this.#provider.setValue(this.#act);
  }

  protected override render() {
    const act = this.#act ? ACTS[this.#act] : undefined;
    const title = this.#title;
    const tag = unsafeStatic(`h${this.#level}`);
    const inner = act
      ? html`<span class="num" aria-hidden="true">${act.numeral}</span><span>Act ${act.numeral} — <span class="kind">${act.kind}</span>${title ? html`: ${title}` : ''}</span>`
      : html`<span>${title || 'Act'}</span>`;
    return html`${this.renderInvalid()}
      <section part="section" class="act-${this.#act ?? 0}" aria-labelledby="heading">
        ${staticHtml`<${tag} id="heading" part="heading">${inner}</${tag}>`}
        <slot></slot>
      </section>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsAct extends InputProps<typeof INPUTS> {}

defineElement('mls-act', MlsAct);

declare global {
  interface HTMLElementTagNameMap {
    'mls-act': MlsAct;
  }
}
