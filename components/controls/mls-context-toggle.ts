import { html, css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MlsElement } from '../../src/base.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import { baseStyles } from '../../src/theme.js';
import { DEVICE_IDS } from '../../physics/registry.js';
import { CONTEXT_IDS, describeContext, parseDeviceMap, splitContexts, type ContextInfo } from '../../src/contexts.js';

// The context helpers live in src/contexts.ts (shared with mls-lab and mls-ledger-hud); still
// exported here so the element module's public exports do not change.
export { CONTEXT_IDS, describeContext, parseDeviceMap, splitContexts, type ContextInfo } from '../../src/contexts.js';

type Source = 'scope' | 'track' | 'value' | 'first' | 'user';

/**
 * The lab's deployment-context switch: a native radio group (fieldset + legend
 * "Deployment context") of the contexts the lab compares, each labelled with its device.
 * It writes the chosen context id to the lab scope as `context` and the device id it maps
 * to as `device`, so instruments can read `device="$device"`.
 *
 * Initial choice, in order: the scope's value (a restored lab); else the learner's lab-00
 * choice from the design ledger (`ledger.track`) when it is offered — when it is not,
 * `edge` if offered; else the `value` attribute; else the first option.
 *
 * With `confirm`, nothing is written until the learner presses "Confirm context" (lab 00);
 * the learner can pick again and re-confirm later. Without a default source, a confirm
 * toggle starts with nothing selected.
 *
 * @tagname mls-context-toggle
 * @summary Deployment-context radio group writing `context` and `device` to the lab scope.
 *
 * @csspart fieldset - The radio group.
 * @csspart option - Each option's label.
 * @csspart confirm - The "Confirm context" button (with `confirm`).
 * @csspart status - The confirmation status line (with `confirm`).
 *
 * @cssprop --mls-color-cloud - Accent of the cloud option (also edge, mobile, tiny).
 * @cssprop --mls-color-border - Option borders.
 *
 * @fires mls-context-change - When the learner picks (or confirms) a context: `{ context }`.
 * @fires mls-invalid - An unknown context id, a bad `devices` pair or a `value` not offered.
 */
export class MlsContextToggle extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-3) 0; }
    fieldset {
      border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md);
      padding: var(--mls-space-3) var(--mls-space-4); margin: 0; background: var(--mls-color-surface);
    }
    legend { font-weight: 700; padding: 0 var(--mls-space-1); }
    .opts { display: flex; flex-wrap: wrap; gap: var(--mls-space-2); }
    .opt {
      --accent: var(--mls-color-grey);
      display: flex; align-items: center; gap: var(--mls-space-2); cursor: pointer;
      border: 1px solid var(--mls-color-border); border-left: 5px solid var(--accent);
      border-radius: var(--mls-radius-sm); padding: var(--mls-space-2) var(--mls-space-3);
      background: var(--mls-color-surface); color: var(--mls-color-text);
    }
    .opt:has(input:checked) { background: var(--mls-color-surface-2); border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); }
    .ctx-cloud { --accent: var(--mls-color-cloud); }
    .ctx-edge { --accent: var(--mls-color-edge); }
    .ctx-mobile { --accent: var(--mls-color-mobile); }
    .ctx-tiny { --accent: var(--mls-color-tiny); }
    input { margin: 0; width: 1.1rem; height: 1.1rem; accent-color: var(--mls-color-blue); }
    .label { font-weight: 700; }
    .device { display: block; font-size: 0.85rem; color: var(--mls-color-muted); }
    .confirm-row { display: flex; flex-wrap: wrap; align-items: center; gap: var(--mls-space-3); margin-top: var(--mls-space-3); }
    button {
      font: inherit; font-weight: 700; cursor: pointer; border-radius: var(--mls-radius-sm);
      padding: var(--mls-space-2) var(--mls-space-4); border: 2px solid var(--mls-color-blue);
      background: var(--mls-color-blue); color: var(--mls-color-surface);
    }
    button:disabled { cursor: not-allowed; background: var(--mls-color-surface-2); color: var(--mls-color-muted); border-color: var(--mls-color-border); }
    .status { margin: 0; }
    @media (forced-colors: active) { .opt { border-color: CanvasText; } button:disabled { color: GrayText; } }
  `,
  ];

  /** Space-separated context ids to offer (`"cloud edge"`). Default: the enclosing lab's `contexts`, else all four. */
  @property() contexts?: string;

  /** Scope key the context id is written to. */
  @property() name = 'context';

  /** Scope key the device id is written to. */
  @property({ attribute: 'device-name' }) deviceName = 'device';

  /** Device overrides, `context:device` pairs: `"cloud:a100 edge:jetson-orin-nx"`. */
  @property() devices?: string;

  /** Fallback initial context when neither the scope nor the ledger's lab-00 track gives one. */
  @property() value?: string;

  /** Write only when the learner presses "Confirm context" (lab 00). */
  @property({ type: Boolean, reflect: true }) confirm = false;

  /** The group's legend. */
  @property() legend = 'Deployment context';

  #options: ContextInfo[] = [];
  /** What the radios show. */
  #selected?: string;
  /** What is written (or, standalone, in force). */
  #committed?: string;
  #source?: Source;

  /** The context currently in force (written to the scope), if any. */
  get context(): string | undefined {
    return this.#committed;
  }

  /** The device id of the context in force. */
  get device(): string | null {
    return this.#committed ? (this.#info(this.#committed)?.device ?? null) : null;
  }

  #info(id: string): ContextInfo | undefined {
    return this.#options.find((o) => o.id === id);
  }

  #readOptions(): ContextInfo[] {
    const lab = this.closest('mls-lab');
    const raw = this.contexts ?? lab?.getAttribute('contexts') ?? null;
    let ids = splitContexts(raw);
    const { map, bad } = parseDeviceMap(this.devices);
    if (bad.length) this.markInvalid('devices', bad.join(' '), `context:device pairs with a known device id (${DEVICE_IDS.join(', ')})`);
    else this.markValid('devices');
    if (ids.length === 0) ids = [...CONTEXT_IDS];
    const infos = ids.map((id) => describeContext(id, map));
    const unknown = infos.filter((i) => !i.known).map((i) => i.id);
    if (unknown.length)
      this.markInvalid('contexts', unknown.join(' '), `context ids ${CONTEXT_IDS.join(', ')}, or ids given a device in "devices"`);
    else this.markValid('contexts');
    const good = infos.filter((i) => i.known);
    return good.length ? good : this.#options;
  }

  #defaultChoice(ids: string[]): { id?: string; source: Source } {
    let track: string | null = null;
    try {
      track = this.ledger.track;
    } catch {
      track = null;
    }
    if (track && ids.includes(track)) return { id: track, source: 'track' };
    if (track && ids.includes('edge')) return { id: 'edge', source: 'track' };
    const v = this.value?.trim();
    if (v) {
      if (ids.includes(v)) {
        this.markValid('value');
        return { id: v, source: 'value' };
      }
      this.markInvalid('value', v, `one of the offered contexts: ${ids.join(', ')}`);
    } else this.markValid('value');
    return { id: ids[0], source: 'first' };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#options = this.#readOptions();
    const ids = this.#options.map((o) => o.id);
    if (ids.length === 0) return;
    const scoped = this.scope ? this.resolve(`$${this.name}`) : undefined;
    if (typeof scoped === 'string' && ids.includes(scoped)) {
      if (scoped !== this.#committed) {
        this.#committed = scoped;
        this.#selected = scoped;
        this.#source = 'scope';
      } else if (
        changed.has('providedLedger') &&
        this.hasUpdated &&
        !this.confirm &&
        (this.#source === 'first' || this.#source === 'value')
      ) {
        // A provider's ledger arrived after this toggle chose a fallback: prefer its track.
        const d = this.#defaultChoice(ids);
        if (d.source === 'track' && d.id && d.id !== scoped) {
          this.#selected = d.id;
          this.#source = 'track';
          this.#write(d.id);
          return;
        }
      }
      this.#writeDevice(scoped);
      return;
    }
    // The scope lost its value (lab reset), or this toggle has not chosen yet.
    if (this.scope && this.#committed !== undefined) {
      this.#committed = undefined;
      this.#selected = undefined;
      this.#source = undefined;
    }
    if (this.#committed !== undefined && !this.scope) {
      // Standalone: re-evaluate a fallback choice when the ledger arrives late.
      if (changed.has('providedLedger') && this.#source !== 'user' && !this.confirm) {
        const d = this.#defaultChoice(ids);
        if (d.id && d.id !== this.#committed) {
          this.#committed = d.id;
          this.#selected = d.id;
          this.#source = d.source;
        }
      }
      return;
    }
    const d = this.#defaultChoice(ids);
    if (this.confirm) {
      if (this.#selected === undefined || !ids.includes(this.#selected)) this.#selected = d.source === 'first' ? undefined : d.id;
      return;
    }
    if (d.id) {
      this.#selected = d.id;
      this.#source = d.source;
      this.#write(d.id);
    }
  }

  #write(id: string): void {
    this.#committed = id;
    if (!this.scope) return;
    this.scope.set(this.name, id);
    this.#writeDevice(id);
  }

  #writeDevice(id: string): void {
    const device = this.#info(id)?.device;
    if (this.scope && device && this.scope.get(this.deviceName) !== device) this.scope.set(this.deviceName, device);
  }

  #commit(id: string): void {
    this.#selected = id;
    this.#source = 'user';
    this.#write(id);
    emit(this, 'mls-context-change', { context: id, name: this.name });
    this.requestUpdate();
  }

  #onPick(id: string): void {
    if (this.confirm) {
      this.#selected = id;
      this.requestUpdate();
      return;
    }
    this.#commit(id);
  }

  #onConfirm(): void {
    if (this.#selected && this.#selected !== this.#committed) this.#commit(this.#selected);
  }

  protected override render() {
    const committed = this.#committed ? this.#info(this.#committed) : undefined;
    const pending = this.confirm && this.#selected && this.#selected !== this.#committed ? this.#info(this.#selected) : undefined;
    const name = (o?: ContextInfo) => (o ? `${o.label}${o.deviceName ? ` (${o.deviceName})` : ''}` : '');
    return html`${this.renderInvalid()}
      <fieldset part="fieldset">
        <legend>${this.legend}</legend>
        <div class="opts">
          ${this.#options.map(
            (o) => html`<label class="opt ctx-${o.id}" part="option">
            <input type="radio" name="context" .value=${o.id} .checked=${live(this.#selected === o.id)}
              @change=${() => this.#onPick(o.id)}>
            <span><span class="label">${o.label}</span>${o.deviceName ? html`<span class="device">${o.deviceName}</span>` : nothing}</span>
          </label>`,
          )}
        </div>
        ${
          this.confirm
            ? html`<div class="confirm-row">
          <button type="button" part="confirm" ?disabled=${!pending} @click=${this.#onConfirm}>Confirm context</button>
          <p class="status" part="status" role="status">${
            committed
              ? html`<span aria-hidden="true">✓ </span>Confirmed: <strong>${name(committed)}</strong>.${pending ? html` Press “Confirm context” to switch to ${name(pending)}.` : nothing}`
              : pending
                ? html`Press “Confirm context” to choose ${name(pending)}.`
                : html`No context confirmed yet: pick one above.`
          }</p>
        </div>`
            : nothing
        }
      </fieldset>`;
  }
}

defineElement('mls-context-toggle', MlsContextToggle);

declare global {
  interface HTMLElementTagNameMap {
    'mls-context-toggle': MlsContextToggle;
  }
}
