import { html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { MlsElement } from '../../src/base.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { ledgerContext } from '../../src/ledger/context.js';
import { baseStyles } from '../../src/theme.js';

const REDISPATCHED = Symbol.for('mlsys-labs.ledger-change-redispatched');

/**
 * Supplies a design ledger to every lab element inside it (through @lit/context), so a
 * course can keep its own ledger apart from the page-level one: `storage-key` names a
 * separate localStorage namespace, `storage="memory"` keeps everything in memory (nothing
 * persists; the HUD says so). A host script may also hand it a ledger: `provider.ledger = new DesignLedger(...)`.
 *
 * Every change of the ledger is re-dispatched from this element as a bubbling, composed
 * `mls-ledger-change` event (once per change on the page), so an LMS bridge can listen at `document`.
 *
 * Renders nothing of its own (`display: contents`).
 *
 * @tagname mls-ledger-provider
 * @summary Provides a DesignLedger to the labs inside it; re-dispatches its changes.
 *
 * @slot - Labs, HUDs, anything that reads or writes the ledger.
 *
 * @fires mls-ledger-change - A ledger record changed: `{ key, record, origin }`.
 * @fires mls-invalid - `storage` is not `local` or `memory`.
 */
export class MlsLedgerProvider extends MlsElement {
  static override styles = [baseStyles, css`:host { display: contents; }`];

  /** localStorage key of this ledger (default `mlsys-labs.ledger`): one namespace per course. */
  @property({ attribute: 'storage-key' }) storageKey?: string;

  /** `local` (default: persist in localStorage) or `memory` (persist nothing). */
  @property() storage?: string;

  readonly #provider = new ContextProvider(this, { context: ledgerContext });
  #ledger?: DesignLedger;
  #given = false;
  #listening?: DesignLedger;

  /** The ledger this element provides. */
  override get ledger(): DesignLedger {
    if (!this.#ledger) this.#ledger = this.#create();
    return this.#ledger;
  }

  /** Provide a ledger of the host's own making (replaces the one built from the attributes). */
  override set ledger(ledger: DesignLedger) {
    if (!(ledger instanceof DesignLedger)) return;
    this.#given = true;
    this.#use(ledger);
  }

  #create(): DesignLedger {
    const mode = this.readChoice('storage', this.storage, ['local', 'memory'] as const) ?? 'local';
    const key = this.storageKey?.trim() || undefined;
    return new DesignLedger({ storageKey: key, ...(mode === 'memory' ? { storage: null } : {}) });
  }

  #use(ledger: DesignLedger): void {
    if (this.#ledger && this.#ledger !== ledger && !this.#given) this.#ledger.dispose();
    this.#ledger = ledger;
    this.#listen();
    this.#provider.setValue(ledger);
  }

  #listen(): void {
    if (!this.isConnected || this.#listening === this.#ledger) return;
    this.#listening?.removeEventListener('mls-ledger-change', this.#onChange);
    this.#listening = this.#ledger;
    this.#listening?.addEventListener('mls-ledger-change', this.#onChange);
  }

  #onChange = (e: Event): void => {
    const ev = e as CustomEvent & { [REDISPATCHED]?: boolean };
    if (ev[REDISPATCHED]) return;
    ev[REDISPATCHED] = true;
    emit(this, 'mls-ledger-change', ev.detail);
  };

  override connectedCallback(): void {
    // Provide before the children connect, so they never see the page-level ledger first.
    this.#provider.setValue(this.ledger);
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listening?.removeEventListener('mls-ledger-change', this.#onChange);
    this.#listening = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.readChoice('storage', this.storage, ['local', 'memory'] as const);
    if (this.hasUpdated && !this.#given && (changed.has('storageKey') || changed.has('storage'))) {
      this.#use(this.#create());
    }
  }

  protected override render() {
    return html`${this.renderInvalid()}<slot></slot>`;
  }
}

defineElement('mls-ledger-provider', MlsLedgerProvider);

declare global {
  interface HTMLElementTagNameMap {
    'mls-ledger-provider': MlsLedgerProvider;
  }
}
