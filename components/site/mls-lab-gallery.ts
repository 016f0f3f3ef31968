import { downloadLedger } from '../../src/ledger/download.js';
import { html, css, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { text, type InputProps } from '../../src/inputs.js';
import { MlsElement } from '../../src/base.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import { baseStyles } from '../../src/theme.js';
import { LAB_CATALOG, catalogKey, type CatalogLab } from '../../src/catalog.js';
import type { LedgerRecord } from '../../src/ledger/types.js';
import type { DesignLedger } from '../../src/ledger/store.js';

/** A lab's progress as the ledger records it. */
export type LabProgress = 'not-started' | 'act1' | 'complete';

/**
 * Progress of one lab from its ledger record: lab 00 is complete once a context is confirmed;
 * other labs have "Act I done" once Act I's prediction is locked and are complete once Act II's is.
 */
export function labProgress(lab: Pick<CatalogLab, 'chapter'>, record: LedgerRecord | undefined): LabProgress {
  if (!record) return 'not-started';
  if (lab.chapter === 0) {
    const ctx = record.extra?.deployment_context ?? record.context;
    return typeof ctx === 'string' && ctx !== '' ? 'complete' : 'not-started';
  }
  const set = (v: unknown) => v !== null && v !== undefined && v !== '';
  if (set(record.act2_prediction)) return 'complete';
  if (set(record.act1_prediction)) return 'act1';
  return 'not-started';
}

const PROGRESS_TEXT: Record<LabProgress, { icon: string; text: string }> = {
  'not-started': { icon: '○', text: 'Not started' },
  act1: { icon: '◐', text: 'Act I done' },
  complete: { icon: '✓', text: 'Complete' },
};

const CONTEXT_LABEL: Record<string, string> = { cloud: 'Cloud', edge: 'Edge', mobile: 'Mobile', tiny: 'TinyML' };

const INPUTS = {
  base: text({ default: '', doc: 'Prefix for lab links (the gallery page sits in `labs/`, so the default is empty).' }),
};

/**
 * The labs gallery: every lab of both volumes by volume and chapter, with its title, core
 * invariant and contexts, a link to each lab that is built, and the learner's progress from
 * the design ledger beside it. It also exports the ledger as a JSON file, imports one
 * (validated: a bad file shows why and changes nothing) and resets it after a confirmation.
 *
 * @summary Catalogue of all labs with ledger progress, export, import and reset.
 *
 * @fires mls-ledger-change - Re-dispatched from the ledger after an import or a reset.
 *
 * @csspart volume - One volume's section.
 * @csspart lab - One lab's card.
 * @csspart progress - A lab's progress badge.
 * @csspart tools - The export / import / reset bar.
 * @csspart status - The message line after an export, import or reset.
 *
 * @cssprop --mls-color-surface - Card background.
 * @cssprop --mls-color-border - Card border.
 * @cssprop --mls-color-blue - Links and the "Act I done" badge.
 * @cssprop --mls-color-green - The "Complete" badge.
 */
export class MlsLabGallery extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    .tools {
      display: flex; flex-wrap: wrap; gap: var(--mls-space-2); align-items: center;
      border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md);
      background: var(--mls-color-surface-2); padding: var(--mls-space-3) var(--mls-space-4);
      margin: 0 0 var(--mls-space-4);
    }
    .tools .summary { margin-right: auto; color: var(--mls-color-text-2); }
    button, .file-label {
      font: inherit; font-size: 0.95rem; cursor: pointer; border-radius: var(--mls-radius-sm);
      border: 1px solid var(--mls-color-blue); background: var(--mls-color-surface); color: var(--mls-color-blue);
      padding: 6px 12px; min-height: 36px; display: inline-flex; align-items: center;
    }
    button.danger { border-color: var(--mls-color-red); color: var(--mls-color-red); }
    button:disabled { opacity: 0.6; cursor: not-allowed; }
    .file-label:focus-within { outline: 3px solid var(--mls-color-focus); outline-offset: 2px; }
    .confirm, .status {
      flex-basis: 100%; margin: var(--mls-space-2) 0 0; padding: var(--mls-space-2) var(--mls-space-3);
      border-radius: var(--mls-radius-sm); border: 1px solid var(--mls-color-border); background: var(--mls-color-surface);
    }
    .confirm { border: 2px solid var(--mls-color-red); display: flex; flex-wrap: wrap; gap: var(--mls-space-2); align-items: center; }
    .confirm p { margin: 0; flex-basis: 100%; }
    .status.error { border: 2px solid var(--mls-color-red); border-left-width: 6px; background: var(--mls-color-red-ll); }
    .status.ok { border-left: 6px solid var(--mls-color-green); }
    .warning { flex-basis: 100%; margin: var(--mls-space-2) 0 0; color: var(--mls-color-text-2); }
    h2 { font-size: 1.35rem; margin: var(--mls-space-5) 0 var(--mls-space-3); }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--mls-space-3);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
    li.lab {
      border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md);
      background: var(--mls-color-surface); padding: var(--mls-space-3) var(--mls-space-4);
      display: flex; flex-direction: column; gap: var(--mls-space-2);
    }
    li.lab.unbuilt { background: var(--mls-color-surface-2); }
    .eyebrow { font-size: 0.8rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: var(--mls-color-muted); margin: 0; }
    h3 { font-size: 1.1rem; margin: 0; line-height: 1.3; }
    h3 a { color: var(--mls-color-blue); }
    .invariant { margin: 0; line-height: 1.5; color: var(--mls-color-text-2); font-size: 0.95rem; }
    .meta { display: flex; flex-wrap: wrap; gap: var(--mls-space-2); align-items: center; margin-top: auto; font-size: 0.85rem; }
    .contexts { color: var(--mls-color-muted); margin-right: auto; }
    .badge { border-radius: 999px; padding: 2px 10px; border: 1px solid var(--mls-color-border); font-weight: 600; white-space: nowrap; }
    .badge.act1 { border-color: var(--mls-color-blue); color: var(--mls-color-blue); background: var(--mls-color-blue-ll); }
    .badge.complete { border-color: var(--mls-color-green); color: var(--mls-color-green); background: var(--mls-color-green-ll); }
    .soon { color: var(--mls-color-muted); font-style: italic; }
    @media (forced-colors: active) { .badge, li.lab, .tools { border-color: CanvasText; } }
    @media print { .tools { display: none; } }
  `,
  ];

  static override inputs = INPUTS;

  /** Records by key, refreshed on every ledger change. */
  @state() private records = new Map<string, LedgerRecord>();
  @state() private confirming = false;
  @state() private message: { kind: 'ok' | 'error'; text: string } | null = null;

  #listened?: DesignLedger;
  #onChange = () => this.#refresh();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listened?.removeEventListener('mls-ledger-change', this.#onChange);
    this.#listened?.removeEventListener('mls-ledger-status', this.#onChange);
    this.#listened = undefined;
  }

  #base = '';

  protected override willUpdate(): void {
    this.#base = this.read(INPUTS).base;
    this.#listen();
  }

  #listen(): void {
    const ledger = this.ledger;
    if (this.#listened === ledger) return;
    this.#listened?.removeEventListener('mls-ledger-change', this.#onChange);
    this.#listened?.removeEventListener('mls-ledger-status', this.#onChange);
    ledger.addEventListener('mls-ledger-change', this.#onChange);
    ledger.addEventListener('mls-ledger-status', this.#onChange);
    this.#listened = ledger;
    this.#refresh();
  }

  #refresh(): void {
    this.records = new Map(this.ledger.all().map((r) => [r.key, r]));
  }

  /** Progress of the lab at `volume`/`chapter` from the current ledger. */
  progressOf(volume: 1 | 2, chapter: number): LabProgress {
    return labProgress({ chapter }, this.records.get(catalogKey({ volume, chapter })));
  }

  /** Export the ledger: downloads `mlsys-labs-ledger-<date>.json` and returns its text. */
  exportLedger(): string {
    try {
      const { text, filename, count } = downloadLedger(this.ledger, this.renderRoot);
      this.message = { kind: 'ok', text: `Exported ${count} ${count === 1 ? 'record' : 'records'} to ${filename}.` };
      return text;
    } catch (e) {
      this.message = { kind: 'error', text: `The download could not start (${(e as Error).message}).` };
      return this.ledger.export();
    }
  }

  /**
   * Import a ledger file's text, replacing the current ledger. A file that is not a valid
   * ledger changes nothing; the message says why. Returns whether it was imported.
   */
  importLedger(text: string, fileName = 'the file'): boolean {
    const result = this.ledger.import(text, 'replace');
    if (!result.ok) {
      const why = /^The file\b/.test(result.error)
        ? result.error.replace(/^The file\b/, fileName)
        : `${fileName} was not imported. ${result.error}`;
      this.message = { kind: 'error', text: `${why} Your ledger is unchanged.` };
      return false;
    }
    this.message = { kind: 'ok', text: `Imported ${result.count} ${result.count === 1 ? 'record' : 'records'} from ${fileName}.` };
    this.#refresh();
    emit(this, 'mls-ledger-change', { key: null, record: null, origin: 'import' });
    return true;
  }

  /** Erase every record (call after the learner confirmed). */
  resetLedger(): void {
    const count = this.ledger.size;
    this.ledger.reset();
    this.confirming = false;
    this.message = { kind: 'ok', text: `Erased ${count} ${count === 1 ? 'record' : 'records'}. The ledger is empty.` };
    this.#refresh();
    emit(this, 'mls-ledger-change', { key: null, record: null, origin: 'reset' });
  }

  async #onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      this.message = { kind: 'error', text: `${file.name} could not be read (${(err as Error).message}). Your ledger is unchanged.` };
      input.value = '';
      return;
    }
    this.importLedger(text, file.name);
    input.value = '';
  }

  #askReset(): void {
    this.confirming = true;
    this.message = null;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.confirm button.danger') as HTMLButtonElement | null)?.focus());
  }

  #cancelReset(): void {
    this.confirming = false;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('button.reset') as HTMLButtonElement | null)?.focus());
  }

  #renderTools() {
    const n = this.records.size;
    const status = this.ledger.status;
    return html`<div class="tools" part="tools" role="group" aria-label="Design ledger">
      <span class="summary">Design ledger: ${n} ${n === 1 ? 'lab' : 'labs'} recorded.</span>
      <button type="button" class="export" @click=${() => this.exportLedger()}>Export ledger</button>
      <label class="file-label">Import ledger…
        <input class="visually-hidden" type="file" accept="application/json,.json" @change=${this.#onFile}>
      </label>
      <button type="button" class="danger reset" ?disabled=${n === 0} @click=${this.#askReset}>Reset ledger…</button>
      ${
        this.confirming
          ? html`<div class="confirm" role="group" aria-label="Confirm reset">
        <p>Erase all ${n} ${n === 1 ? 'record' : 'records'}? This cannot be undone; export first to keep a copy.</p>
        <button type="button" class="danger" @click=${() => this.resetLedger()}>Erase ledger</button>
        <button type="button" class="cancel" @click=${this.#cancelReset}>Cancel</button>
      </div>`
          : nothing
      }
      <div class="status ${this.message?.kind ?? ''}" part="status" role=${this.message?.kind === 'error' ? 'alert' : 'status'}
        ?hidden=${!this.message}>${this.message ? html`<span aria-hidden="true">${this.message.kind === 'error' ? '⚠ ' : '✓ '}</span>${this.message.text}` : nothing}</div>
      ${status.message ? html`<p class="warning" role="note">⚠ ${status.message}</p>` : nothing}
    </div>`;
  }

  #renderLab(lab: CatalogLab) {
    const num = String(lab.chapter).padStart(2, '0');
    const progress = labProgress(lab, this.records.get(catalogKey(lab)));
    const p = PROGRESS_TEXT[progress];
    const contexts = lab.contexts.map((c) => CONTEXT_LABEL[c] ?? c).join(' · ');
    return html`<li class="lab ${lab.path ? 'built' : 'unbuilt'}" part="lab" data-key=${catalogKey(lab)}>
      <p class="eyebrow">Lab ${lab.volume === 1 ? 'I' : 'II'}-${num} · ${lab.chapterTitle}</p>
      <h3>${lab.path ? html`<a href=${this.#base + lab.path}>${lab.title}</a>` : lab.title}</h3>
      <p class="invariant">${lab.invariant}</p>
      <div class="meta">
        <span class="contexts"><span class="visually-hidden">Contexts: </span>${contexts}</span>
        ${
          lab.path
            ? html`<span class="badge ${progress}" part="progress"><span aria-hidden="true">${p.icon} </span>${p.text}</span>`
            : html`<span class="soon">Not built yet</span>`
        }
      </div>
    </li>`;
  }

  protected override render() {
    const volumes: Array<{ n: 1 | 2; title: string }> = [
      { n: 1, title: 'Volume I: Foundations (single machine)' },
      { n: 2, title: 'Volume II: ML systems at scale' },
    ];
    return html`${this.renderInvalid()}${this.#renderTools()}
      ${volumes.map(
        (v) => html`<section part="volume" aria-labelledby="vol${v.n}">
        <h2 id="vol${v.n}">${v.title}</h2>
        <ol>${LAB_CATALOG.filter((l) => l.volume === v.n).map((l) => this.#renderLab(l))}</ol>
      </section>`,
      )}`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsLabGallery extends InputProps<typeof INPUTS> {}

defineElement('mls-lab-gallery', MlsLabGallery);

declare global {
  interface HTMLElementTagNameMap {
    'mls-lab-gallery': MlsLabGallery;
  }
}
