import { html, css, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { MlsElement } from '../../src/base.js';
import { bool, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles } from '../../src/theme.js';
import { renderTex } from '../../src/math.js';

const INPUTS = {
  heading: text({ default: 'The governing equations', doc: 'Summary text of the panel.' }),
  open: bool({ reflect: true, doc: "Whether the panel is open. Set it to open the panel initially; it follows the reader's toggling." }),
};

/**
 * A collapsible panel holding the governing equations of an instrument. Its content is
 * ordinary light DOM; every descendant with a `data-tex` attribute holds TeX as its text
 * (`data-tex="display"` for a displayed equation, `data-tex` or `data-tex="inline"` for
 * inline math). KaTeX is fetched only when the panel first opens, and renders MathML.
 *
 * @tagname mls-math-peek
 * @summary Collapsible "governing equations" panel with lazily typeset TeX.
 *
 * @slot - The panel body: prose, lists and `data-tex` elements.
 *
 * @csspart panel - The `<details>` element.
 * @csspart summary - The clickable summary line.
 * @csspart body - The container of the slotted content.
 *
 * @cssprop --mls-color-blue - Accent of the summary marker and border.
 * @cssprop --mls-color-surface-2 - Panel background.
 *
 * @fires mls-invalid - A `data-tex` value other than `display`/`inline` was found.
 */
export class MlsMathPeek extends MlsElement {
  /** @internal */
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-3) 0; }
    details {
      border: 1px solid var(--mls-color-border); border-left: 4px solid var(--mls-color-blue);
      border-radius: var(--mls-radius-md); background: var(--mls-color-surface-2);
    }
    summary {
      cursor: pointer; padding: var(--mls-space-2) var(--mls-space-3); font-weight: 600;
      color: var(--mls-color-text); border-radius: var(--mls-radius-md); list-style-position: inside;
    }
    summary .icon { color: var(--mls-color-blue); margin-right: var(--mls-space-1); }
    .body { padding: 0 var(--mls-space-4) var(--mls-space-3); color: var(--mls-color-text-2); line-height: 1.6; }
    .status { font-size: 0.85rem; color: var(--mls-color-muted); }
    ::slotted([data-tex="display"]) { display: block; overflow-x: auto; margin: var(--mls-space-2) 0; }
    @media (forced-colors: active) { details { border-color: CanvasText; } }
    @media print { details { border-left-width: 1px; } }
  `,
  ];

  static override inputs = INPUTS;

  @state() private typesetting = false;

  #typeset?: Promise<void>;
  #heading = 'The governing equations';
  #open = false;

  /** Resolves once every `data-tex` descendant present at the last open has been typeset. */
  get typesetComplete(): Promise<void> {
    return this.#typeset ?? Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    this.#heading = v.heading;
    this.#open = v.open;
    if (changed.has('open') && this.#open) this.#typesetAll();
  }

  #typesetAll(): void {
    const pending = [...this.querySelectorAll<HTMLElement>('[data-tex]')].filter((el) => !el.hasAttribute('data-tex-rendered'));
    if (pending.length === 0) return;
    this.typesetting = true;
    const jobs = pending.map((el) => {
      const mode = el.getAttribute('data-tex') ?? '';
      if (mode !== '' && mode !== 'display' && mode !== 'inline') {
        this.markInvalid('data-tex', mode, 'display, inline or empty (inline)');
      }
      const tex = el.getAttribute('data-tex-source') ?? el.textContent?.trim() ?? '';
      el.setAttribute('data-tex-source', tex);
      el.setAttribute('data-tex-rendered', '');
      return renderTex(tex, el, mode === 'display');
    });
    const prev = this.#typeset ?? Promise.resolve();
    this.#typeset = prev
      .then(() => Promise.all(jobs))
      .then(() => {
        this.typesetting = false;
      });
  }

  #onToggle(e: Event): void {
    this.open = (e.target as HTMLDetailsElement).open;
  }

  protected override render() {
    return html`${this.renderInvalid()}
      <details part="panel" ?open=${this.#open} @toggle=${this.#onToggle}>
        <summary part="summary"><span class="icon" aria-hidden="true">∑</span>${this.#heading}</summary>
        <div class="body" part="body">
          ${this.typesetting ? html`<p class="status">Typesetting…</p>` : ''}
          <slot></slot>
        </div>
      </details>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsMathPeek extends InputProps<typeof INPUTS> {}

defineElement('mls-math-peek', MlsMathPeek);

declare global {
  interface HTMLElementTagNameMap {
    'mls-math-peek': MlsMathPeek;
  }
}
