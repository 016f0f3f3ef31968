import { html, css, LitElement, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { MlsElement } from '../../src/base.js';
import { bool, text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import { baseStyles } from '../../src/theme.js';

const NAME_RE = /^[A-Za-z_][\w-]*$/;

const INPUTS = {
  label: text({ default: '', doc: 'Visible label of the control (falls back to `name`).' }),
  name: text({
    default: '',
    reflect: true,
    pattern: NAME_RE,
    accepted: 'a scope key: a letter or _ then letters, digits, _ or -',
    doc: 'The scope key this select writes (`precision` makes `$precision` readable).',
  }),
  value: text({ doc: 'Initial choice (an option value), used when the scope does not hold one yet.' }),
  disabled: bool({ reflect: true, doc: 'Disables the control.' }),
};

interface Choice {
  value: string;
  label: string;
  disabled: boolean;
  selected: boolean;
}

/**
 * A labelled drop-down bound to the lab scope. Its choices are the light-DOM `<option>`
 * children (`<option value="fp16">FP16 (2 bytes)</option>`); the chosen option's value is
 * written to `scope[name]` as a string and announced with `mls-change`. Inside a lab it starts
 * from the scope's value when that is one of the options (a restored lab), else from `value`,
 * else from the option marked `selected`, else the first; it follows later changes of
 * `scope[name]` made by anyone else.
 *
 * @tagname mls-select
 * @summary Labelled native select that writes a named scope value.
 *
 * @slot - Not rendered: put `<option value>` children here; they define the choices.
 *
 * @csspart label - The visible label.
 * @csspart select - The native `<select>`.
 *
 * @cssprop --mls-color-border - Border of the select.
 * @cssprop --mls-color-surface - Background of the select.
 *
 * @fires mls-change - When the reader picks an option: `{ name, value }` (the option's value).
 * @fires mls-invalid - `value`, `name` or `label` was rejected, or there are no options.
 */
export class MlsSelect extends MlsElement {
  /** @internal */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** @internal */
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-3) 0; }
    label { display: block; font-weight: 600; margin-bottom: var(--mls-space-1); color: var(--mls-color-text); }
    select {
      font: inherit; color: var(--mls-color-text); background: var(--mls-color-surface);
      border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-sm);
      padding: var(--mls-space-2) var(--mls-space-3); min-height: 2.5rem; max-width: 100%; cursor: pointer;
    }
    select:disabled { cursor: not-allowed; opacity: 0.7; }
    @media (forced-colors: active) { select { border-color: CanvasText; } }
  `,
  ];

  static override inputs = INPUTS;

  /** The chosen option's value. */
  @state() current?: string;

  @state() private choices: Choice[] = [];

  #observer?: MutationObserver;
  /** The scope key in force (undefined when absent or rejected), label and disabled state, from the last update. */
  #key?: string;
  #label = 'Choice';
  #disabled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readOptions();
    this.#observer = new MutationObserver(() => this.#readOptions());
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['value', 'disabled', 'selected', 'label'],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #readOptions(): void {
    this.choices = [...this.querySelectorAll('option')].map((o) => ({
      value: o.value,
      label: (o.label || o.textContent || o.value).replace(/\s+/g, ' ').trim(),
      disabled: o.disabled,
      selected: o.hasAttribute('selected'),
    }));
  }

  #has(v: unknown): v is string {
    return typeof v === 'string' && this.choices.some((c) => c.value === v && !c.disabled);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const values = this.choices.map((c) => c.value);
    if (values.length === 0) this.markInvalid('option', '(none)', 'at least one <option value> child');
    else this.markValid('option');

    const v = this.read(INPUTS);
    const label = (v.label || v.name || '').trim();
    this.#label = label || 'Choice';
    this.#disabled = v.disabled;
    if (label) this.markValid('label');
    else this.markInvalid('label', '', 'a visible text label (or a name)');

    const raw = v.value;
    let attrValue: string | undefined;
    if (raw === undefined || values.length === 0) this.markValid('value');
    else if (this.#has(raw)) {
      this.markValid('value');
      attrValue = raw;
    } else this.markInvalid('value', raw, `one of ${values.join(', ')}`);

    const name = v.name && !this.invalid.has('name') ? v.name : undefined;
    this.#key = name;
    const fromScope = name ? this.resolve(`$${name}`) : undefined;
    const scoped = typeof fromScope === 'number' ? String(fromScope) : fromScope;
    const valueChanged = this.hasUpdated && changed.has('value') && attrValue !== undefined;
    if (values.length === 0) return;

    let next: string;
    let write = false;
    if (this.#has(scoped) && !valueChanged) {
      next = scoped;
    } else {
      const fallback =
        this.choices.find((c) => c.selected && !c.disabled)?.value ?? this.choices.find((c) => !c.disabled)?.value ?? values[0];
      next = valueChanged ? attrValue! : this.#has(this.current) ? this.current : (attrValue ?? fallback);
      write = true;
    }
    this.current = next;
    if (write && name && this.scope) this.scope.set(name, next);
  }

  #onChange(e: Event): void {
    const v = (e.target as HTMLSelectElement).value;
    if (v === this.current) return;
    this.current = v;
    const name = this.#key;
    if (name && this.scope) this.scope.set(name, v);
    emit(this, 'mls-change', { name: name ?? '', value: v });
  }

  protected override render() {
    const label = this.#label;
    return html`${this.renderInvalid()}
      <label for="select" part="label">${label}</label>
      <select id="select" part="select" ?disabled=${this.#disabled || this.choices.length === 0}
        @input=${this.#onChange} @change=${this.#onChange}>
        ${this.choices.map((c) => html`<option value=${c.value} ?disabled=${c.disabled} .selected=${c.value === this.current}>${c.label}</option>`)}
      </select>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsSelect extends InputProps<typeof INPUTS> {}

defineElement('mls-select', MlsSelect);

declare global {
  interface HTMLElementTagNameMap {
    'mls-select': MlsSelect;
  }
}
