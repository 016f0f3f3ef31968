import { downloadLedger } from '../../src/ledger/download.js';
import { html, css, nothing, type PropertyValues } from 'lit';
import { state, query } from 'lit/decorators.js';
import { bool, type InputProps } from '../../src/inputs.js';
import { MlsElement } from '../../src/base.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import type { DesignLedger } from '../../src/ledger/store.js';
import type { LedgerRecord } from '../../src/ledger/types.js';
import { baseStyles } from '../../src/theme.js';
import { describeContext } from '../../src/contexts.js';

const REDISPATCHED = Symbol.for('mlsys-labs.ledger-change-redispatched');
/** Labs per volume: vol. 1 has lab 00–16, vol. 2 has lab 01–17. */
const LABS_PER_VOLUME = { 1: 17, 2: 17 } as const;

const INPUTS = {
  summary: bool({ reflect: true, doc: "Show counts of records per volume instead of one lab's record." }),
};

/** Parse context for reading `summary` outside an update. */
const LITERAL = { from: 'literal', resolve: () => undefined } as const;

/**
 * The design ledger's footer bar. Inside a lab it shows that lab's record: key, deployment
 * context, Act I and Act II ✓/✗, whether a constraint was hit. Standalone (or with
 * `summary`) it counts the records of each volume. Either way it says whether progress is
 * being saved — "Saved", or "Not saved:" and the reason, always as visible text — and offers:
 *
 * - **Export**: downloads the whole ledger as JSON;
 * - **Import…**: reads a ledger file and merges it in (a bad file changes nothing; the reason is shown);
 * - **Reset…**: after a confirmation dialog, erases this lab's record and starts the lab over
 *   (inside a lab), or erases every record (summary).
 *
 * @tagname mls-ledger-hud
 * @summary Ledger footer: record summary, saved status, export / import / reset.
 *
 * @csspart hud - The bar.
 * @csspart status - The saved / not-saved text.
 * @csspart actions - The buttons.
 * @csspart dialog - The reset confirmation dialog.
 *
 * @cssprop --mls-color-surface-inverse - Bar background.
 * @cssprop --mls-color-on-inverse - Bar text.
 *
 * @fires mls-ledger-change - Re-dispatched ledger changes (once per change on the page).
 */
export class MlsLedgerHud extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-5) 0 var(--mls-space-3); }
    .hud {
      display: flex; flex-wrap: wrap; align-items: center; gap: var(--mls-space-3) var(--mls-space-5);
      background: var(--mls-color-surface-inverse); color: var(--mls-color-on-inverse);
      border-radius: var(--mls-radius-md); padding: var(--mls-space-3) var(--mls-space-5);
      font-family: var(--mls-font-mono); font-size: 0.85rem;
    }
    dl { display: flex; flex-wrap: wrap; gap: var(--mls-space-2) var(--mls-space-5); margin: 0; }
    dl > div { display: flex; gap: var(--mls-space-2); align-items: baseline; }
    dt { font-weight: 700; opacity: 0.85; }
    dd { margin: 0; }
    .swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px; margin-right: 4px; background: var(--mls-color-grey); border: 1px solid currentColor; }
    .ctx-cloud { background: var(--mls-color-cloud); }
    .ctx-edge { background: var(--mls-color-edge); }
    .ctx-mobile { background: var(--mls-color-mobile); }
    .ctx-tiny { background: var(--mls-color-tiny); }
    .unsaved { font-weight: 700; }
    .actions { display: flex; flex-wrap: wrap; gap: var(--mls-space-2); margin-left: auto; }
    button {
      font: inherit; font-weight: 700; cursor: pointer; border-radius: var(--mls-radius-sm);
      padding: 4px 12px; border: 1px solid currentColor; background: transparent; color: inherit;
    }
    .note { flex-basis: 100%; margin: 0; }
    dialog {
      font-family: var(--mls-font-sans); color: var(--mls-color-text); background: var(--mls-color-surface);
      border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md); max-width: 32rem;
      padding: var(--mls-space-4) var(--mls-space-5);
    }
    dialog h2 { margin: 0 0 var(--mls-space-2); font-size: 1.1rem; }
    dialog .row { display: flex; gap: var(--mls-space-3); justify-content: flex-end; margin-top: var(--mls-space-4); }
    dialog button { border-color: var(--mls-color-border); }
    dialog button.danger { background: var(--mls-color-red); border-color: var(--mls-color-red); color: var(--mls-color-surface); }
    @media (forced-colors: active) { .hud { border: 1px solid CanvasText; } }
    @media print { .actions { display: none; } .hud { background: none; color: #000; border: 1px solid #000; } }
  `,
  ];

  static override inputs = INPUTS;

  @state() private message?: string;
  @state() private error?: string;

  @query('input[type=file]') private fileInput?: HTMLInputElement;
  @query('dialog') private dialog?: HTMLDialogElement;

  #listening?: DesignLedger;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('providedLedger') && this.isConnected) this.#listen();
  }

  #listen(): void {
    const ledger = this.ledger;
    if (this.#listening === ledger) return;
    this.#unlisten();
    this.#listening = ledger;
    ledger.addEventListener('mls-ledger-change', this.#onChange);
    ledger.addEventListener('mls-ledger-status', this.#onStatus);
  }

  #unlisten(): void {
    this.#listening?.removeEventListener('mls-ledger-change', this.#onChange);
    this.#listening?.removeEventListener('mls-ledger-status', this.#onStatus);
    this.#listening = undefined;
  }

  #onChange = (e: Event): void => {
    const ev = e as CustomEvent & { [REDISPATCHED]?: boolean };
    if (!ev[REDISPATCHED]) {
      ev[REDISPATCHED] = true;
      emit(this, 'mls-ledger-change', ev.detail);
    }
    this.requestUpdate();
  };

  #onStatus = (): void => {
    this.requestUpdate();
  };

  /**
   * Summary mode. Read from the raw property with the declared kind, not with `read()`: it is
   * needed outside an update (`labKey`, the reset button), and, as before, any present
   * `summary` attribute means true (`read()` would resolve a `$`-value from the scope).
   */
  get #summary(): boolean {
    const r = INPUTS.summary.parse(this.summary ?? false, LITERAL);
    return r.ok && r.value;
  }

  /** The lab key this HUD reports on, or null in summary mode. */
  get labKey(): string | null {
    if (this.#summary || !this.scope) return null;
    const key = this.scope.get('lab.key');
    return typeof key === 'string' ? key : null;
  }

  #export(): void {
    try {
      const { count } = downloadLedger(this.ledger, this.renderRoot);
      this.error = undefined;
      this.message = `Exported ${count} record${count === 1 ? '' : 's'}.`;
    } catch (err) {
      this.error = `The export failed (${(err as Error).message}).`;
    }
  }

  async #import(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      this.message = undefined;
      this.error = `The file could not be read (${(err as Error).message}).`;
      return;
    } finally {
      input.value = '';
    }
    const result = this.ledger.import(text, 'merge');
    if (result.ok) {
      this.error = undefined;
      this.message = `Imported ${result.count} record${result.count === 1 ? '' : 's'}.`;
    } else {
      this.message = undefined;
      this.error = result.error;
    }
  }

  #askReset(): void {
    const d = this.dialog;
    if (!d) return;
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }

  #cancelReset(): void {
    this.dialog?.close();
  }

  #confirmReset(): void {
    this.dialog?.close();
    const key = this.labKey;
    if (key) {
      const lab = this.closest('mls-lab') as (HTMLElement & { reset?: () => void }) | null;
      if (lab && typeof lab.reset === 'function') lab.reset();
      else this.ledger.remove(key);
      this.message = `Lab ${key} was reset.`;
    } else {
      this.ledger.reset();
      this.message = 'The design ledger was erased.';
    }
    this.error = undefined;
  }

  #verdict(v: boolean | null | undefined) {
    if (v === true) return html`<span aria-hidden="true">✓ </span>right`;
    if (v === false) return html`<span aria-hidden="true">✗ </span>missed`;
    return html`— not yet`;
  }

  #labItems(key: string, rec: LedgerRecord | undefined) {
    const scoped = this.resolve('$context');
    const ctxId = rec?.context ?? (typeof scoped === 'string' ? scoped : null);
    const ctx = ctxId ? describeContext(ctxId) : undefined;
    const context = html`
      <div><dt>Lab:</dt> <dd>${key}</dd></div>
      <div><dt>Context:</dt> <dd>${ctx ? html`<span class="swatch ctx-${ctx.id}" aria-hidden="true"></span>${ctx.label}` : 'none'}</dd></div>`;
    if (rec?.chapter === 0 || key.endsWith('.ch00')) {
      // The orientation lab has concept checks instead of acts.
      const checks = ['check1_correct', 'check2_correct', 'check3_correct'].map((k) => rec?.extra?.[k]);
      const answered = checks.filter((c) => typeof c === 'boolean').length;
      const right = checks.filter((c) => c === true).length;
      return html`${context}
      <div><dt>Concept checks:</dt> <dd>${answered === 0 ? '— not yet' : `${right} of ${answered} right`}</dd></div>`;
    }
    return html`${context}
      <div><dt>Act I:</dt> <dd>${this.#verdict(rec?.act1_correct)}</dd></div>
      <div><dt>Act II:</dt> <dd>${this.#verdict(rec?.act2_correct)}</dd></div>
      <div><dt>Constraint hit:</dt> <dd>${rec?.constraint_hit === true ? 'yes' : rec?.constraint_hit === false ? 'no' : '—'}</dd></div>`;
  }

  #summaryItems(records: LedgerRecord[]) {
    const count = (v: 1 | 2) => records.filter((r) => r.volume === v).length;
    let track: string | null = null;
    try {
      track = this.ledger.track;
    } catch {
      track = null;
    }
    const t = track ? describeContext(track) : undefined;
    return html`
      <div><dt>Volume I:</dt> <dd>${count(1)} of ${LABS_PER_VOLUME[1]} labs</dd></div>
      <div><dt>Volume II:</dt> <dd>${count(2)} of ${LABS_PER_VOLUME[2]} labs</dd></div>
      <div><dt>Track:</dt> <dd>${t ? html`<span class="swatch ctx-${t.id}" aria-hidden="true"></span>${t.label}` : 'none chosen'}</dd></div>`;
  }

  // The reset dialog autofocuses its safe choice (Cancel): the native <dialog> pattern moves focus into the dialog.
  /* eslint-disable lit-a11y/no-autofocus */
  protected override render() {
    const ledger = this.ledger;
    const tracked = this.#summary ? undefined : this.resolve('$lab.key');
    const key = typeof tracked === 'string' ? tracked : null;
    const rec = key ? ledger.get(key) : undefined;
    const status = ledger.status;
    const saved = status.persistent
      ? html`<span><span aria-hidden="true">✓ </span>${key && !rec ? 'Nothing to save yet' : 'Saved'}</span>`
      : html`<span class="unsaved"><span aria-hidden="true">⚠ </span>Not saved: ${status.message ?? 'storage is unavailable.'}</span>`;
    const resetText = key
      ? {
          title: `Reset lab ${key}?`,
          body: 'This erases your predictions and answers for this lab and starts it over. Other labs are kept.',
        }
      : {
          title: 'Erase the whole design ledger?',
          body: 'This erases every lab’s record. Export the ledger first if you want to keep a copy.',
        };
    return html`
      <div class="hud" part="hud" role="group" aria-label="Design ledger">
        <dl>
          ${key ? this.#labItems(key, rec) : this.#summaryItems(ledger.all())}
          <div><dt>Status:</dt> <dd part="status">${saved}</dd></div>
        </dl>
        <div class="actions" part="actions">
          <button type="button" @click=${this.#export}>Export</button>
          <button type="button" @click=${() => this.fileInput?.click()}>Import…</button>
          <input type="file" accept=".json,application/json" hidden aria-label="Ledger file to import" @change=${this.#import}>
          <button type="button" @click=${this.#askReset}>Reset…</button>
        </div>
        ${status.persistent && status.message ? html`<p class="note">${status.message}</p>` : nothing}
        ${this.error ? html`<p class="note" role="alert"><span aria-hidden="true">⚠ </span>${this.error}</p>` : nothing}
        <p class="note" role="status">${this.message ?? ''}</p>
      </div>
      <dialog part="dialog" aria-labelledby="reset-title">
        <h2 id="reset-title">${resetText.title}</h2>
        <p>${resetText.body}</p>
        <div class="row">
          <!-- The safe choice takes focus when the confirmation opens (the dialog pattern: focus moves into the dialog). -->
          <button type="button" autofocus @click=${this.#cancelReset}>Cancel</button>
          <button type="button" class="danger" @click=${this.#confirmReset}>${key ? 'Reset lab' : 'Erase ledger'}</button>
        </div>
      </dialog>`;
  }
  /* eslint-enable lit-a11y/no-autofocus */
}

/** The raw input properties, typed from the schema. */
export interface MlsLedgerHud extends InputProps<typeof INPUTS> {}

defineElement('mls-ledger-hud', MlsLedgerHud);

declare global {
  interface HTMLElementTagNameMap {
    'mls-ledger-hud': MlsLedgerHud;
  }
}
