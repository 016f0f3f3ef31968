import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ContextProvider } from '@lit/context';
import { MlsElement } from '../../src/base.js';
import { defineElement } from '../../src/define.js';
import { emit } from '../../src/events.js';
import { LabScope, scopeContext } from '../../src/scope.js';
import { ledgerKey, type DesignLedger } from '../../src/ledger/store.js';
import type { LedgerFields, LedgerRecord } from '../../src/ledger/types.js';
import { baseStyles } from '../../src/theme.js';
import { describeContext, splitContexts, CONTEXT_IDS } from '../../src/contexts.js';
import { LabRecordController, type RecordRefs } from '../../src/ledger/lab-record.js';
import { parsePairs, pairsAccepted } from '../../src/pairs.js';
import { installLabLayout } from '../../src/lab-layout.js';
import type { CatalogLab } from '../../src/catalog.js';

/** A link of the gallery navigation. */
interface NavLink {
  href: string;
  text: string;
}

/** What `snapshot()` returns and `restore()` accepts. */
export interface LabSnapshot {
  /** Every scope value (JSON-safe). */
  scope: Record<string, unknown>;
  /** This lab's design-ledger record, or null before the first write. */
  record: LedgerRecord | null;
}

interface Identity {
  volume: 1 | 2;
  chapter: number;
  key: string;
}

const ROMAN: Record<number, string> = { 1: 'I', 2: 'II' };
const REDISPATCHED = Symbol.for('mlsys-labs.ledger-change-redispatched');
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Re-dispatch a ledger's `mls-ledger-change` on the page once: the first element listening
 * to the ledger (the provider when there is one) announces it; the others stay quiet, so a
 * listener at `document` hears each change exactly once.
 */
function redispatchOnce(host: HTMLElement, e: Event): void {
  const ev = e as CustomEvent & { [REDISPATCHED]?: boolean };
  if (ev[REDISPATCHED]) return;
  ev[REDISPATCHED] = true;
  emit(host, 'mls-ledger-change', ev.detail);
}

/**
 * One lab: the header (volume, chapter, title, duration, the two deployment contexts), the
 * recommended reading, and the acts. It provides the **lab scope** that its controls and
 * instruments share (`scope.lab = { volume, chapter, key }`), and keeps the lab's one
 * **design-ledger record** (`v1.ch02`):
 *
 * - nothing is written until the learner acts in this page (locks, answers, chooses a context,
 *   moves a control): opening a lab, even one with a saved record, writes nothing;
 * - then the record is upserted on every lock (`act1_prediction`/`act1_correct`, `act2_…`, by
 *   the act the lock announces), answer, context change and Act II failure (`constraint_hit`,
 *   sticky) — coalesced to one write per microtask — and on change of the scope values named by
 *   `result` (→ `act2_result`, numbers), `decision` (→ `act2_decision`, text) and `record`
 *   (→ `extra`, `name:$ref` pairs), always with a snapshot of the scope. Value changes are
 *   written once the page is idle (at most 1 s later); see `src/ledger/lab-record.ts`;
 * - on connect, a record with a scope snapshot restores the scope, so the lab reloads in the
 *   learner's state (locks locked, gates open).
 *
 * The `title` attribute is accepted and moved to `heading` (a `title` attribute would show a
 * browser tooltip over the whole lab).
 *
 * @tagname mls-lab
 * @summary A lab: header, reading, acts; provides the lab scope and writes the ledger record.
 *
 * @attribute title - The lab's title (moved to `heading`).
 *
 * @slot - The lab's content: context toggle, acts, HUD.
 * @slot reading - Recommended reading (a list of chapter sections).
 * @slot sources - Where the lab's figures come from (datasheets, papers), shown at the end under "Sources".
 *
 * @csspart header - The lab header.
 * @csspart eyebrow - The "Volume I · Lab 02" line.
 * @csspart title - The lab title.
 * @csspart meta - The duration badge and context chips.
 * @csspart reading - The recommended-reading box.
 * @csspart nav - The gallery navigation (All labs, previous, next), when `gallery` is set.
 * @csspart sources - The sources box.
 *
 * @cssprop --mls-color-blue - Header accent.
 * @cssprop --mls-color-cloud - Context chip accents (also edge, mobile, tiny).
 *
 * @fires mls-ledger-change - A design-ledger record changed (re-dispatched from the ledger, once per change on the page).
 * @fires mls-invalid - A bad volume, chapter, minutes, heading-level, result, decision, record or start-on.
 */
export class MlsLab extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-4) 0; }
    header {
      border: 1px solid var(--mls-color-border); border-left: 6px solid var(--mls-color-blue);
      border-radius: 0 var(--mls-radius-md) var(--mls-radius-md) 0; background: var(--mls-color-surface);
      padding: var(--mls-space-4) var(--mls-space-5); margin-bottom: var(--mls-space-4);
    }
    .eyebrow {
      margin: 0; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.12em; text-transform: uppercase;
      color: var(--mls-color-muted);
    }
    .title { margin: var(--mls-space-1) 0 var(--mls-space-3); font-size: 1.6rem; line-height: 1.2; font-weight: 800; }
    ul.meta { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: var(--mls-space-2); }
    .badge, .chip {
      display: inline-flex; align-items: center; gap: 6px; border-radius: 999px; padding: 3px 12px;
      font-size: 0.85rem; font-weight: 600; border: 1px solid var(--mls-color-border); background: var(--mls-color-surface-2);
    }
    .badge { color: var(--mls-color-blue); background: var(--mls-color-blue-ll); border-color: var(--mls-color-blue-l); }
    .chip { --accent: var(--mls-color-grey); border-left: 6px solid var(--accent); }
    .chip .device { font-weight: 400; color: var(--mls-color-muted); }
    .ctx-cloud { --accent: var(--mls-color-cloud); }
    .ctx-edge { --accent: var(--mls-color-edge); }
    .ctx-mobile { --accent: var(--mls-color-mobile); }
    .ctx-tiny { --accent: var(--mls-color-tiny); }
    .reading {
      border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md); background: var(--mls-color-surface-2);
      padding: var(--mls-space-3) var(--mls-space-4); margin-bottom: var(--mls-space-4);
    }
    .reading[hidden], .sources[hidden] { display: none; }
    nav ul { list-style: none; margin: 0 0 var(--mls-space-3); padding: 0; display: flex; flex-wrap: wrap; gap: var(--mls-space-1) var(--mls-space-4); }
    nav a { color: var(--mls-color-blue); }
    .sources {
      margin-top: var(--mls-space-5); padding-top: var(--mls-space-3); border-top: 1px solid var(--mls-color-border);
      font-size: 0.9rem; color: var(--mls-color-muted);
    }
    #sources-title { margin: 0 0 var(--mls-space-2); font-size: 0.95rem; color: var(--mls-color-text); }
    #reading-title { margin: 0 0 var(--mls-space-2); font-size: 0.95rem; }
    @media (forced-colors: active) { header, .chip, .badge { border-color: CanvasText; } }
    @media print { header { border-left-color: #000; } }
  `,
  ];

  /** Volume: 1 or 2. */
  @property() volume?: string;

  /** Chapter (= lab number): 0–16 in volume 1, 1–17 in volume 2. */
  @property() chapter?: string;

  /** The lab's title (the `title` attribute lands here). */
  @property({ reflect: true }) heading?: string;

  /** Expected duration in minutes, shown as a badge. */
  @property() minutes?: string;

  /** The two deployment contexts the lab compares, space-separated (`"cloud edge"`). */
  @property() contexts?: string;

  /** `$ref` to the number recorded as `act2_result` (e.g. `$wf2.total`). */
  @property() result?: string;

  /** `$ref` to the text recorded as `act2_decision`. */
  @property() decision?: string;

  /** Extra ledger fields: `name:$ref` pairs, space-separated (`"distance:$distance"`). */
  @property() record?: string;

  /** Level of the lab title's heading, 1–6 (default 2; use 1 when the lab is the page). Acts sit one level below. */
  @property({ attribute: 'heading-level' }) headingLevel?: string;

  /**
   * Link to the labs gallery (e.g. `../index.html`). When set, the lab shows a navigation bar
   * with it and the previous and next built labs from the catalogue, linked relative to it.
   * Leave it out when the lab is embedded in a chapter or an LMS page.
   */
  @property() gallery?: string;

  @state() private hasReading = false;
  @state() private hasSources = false;
  @state() private nav: NavLink[] = [];
  #navFor?: string;

  readonly #scope = new LabScope();
  readonly #provider = new ContextProvider(this, { context: scopeContext, initialValue: this.#scope });
  #identity?: Identity;
  #ledgerRef?: DesignLedger;
  readonly #record = new LabRecordController({
    scope: this.#scope,
    ledger: () => this.#ledgerRef,
    key: () => this.key,
    refs: () => this.#refs,
  });
  #refs: RecordRefs = { record: [] };
  #restoring = false;
  #level = 2;

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

  constructor() {
    super();
    this.#scope.subscribe(() => {
      if (!this.#restoring) this.#record.schedule('idle');
    });
    const mine = (e: Event) => (e.composedPath()[0] as Element)?.closest?.('mls-lab') === this;
    this.addEventListener('mls-lock', (e) => {
      if (mine(e) && typeof e.detail?.name === 'string') this.#record.lock(e.detail.name);
    });
    this.addEventListener('mls-answer', (e) => {
      if (mine(e)) this.#record.answer();
    });
    this.addEventListener('mls-change', (e) => {
      if (mine(e)) this.#record.change();
    });
    this.addEventListener('mls-context-change', (e) => {
      if (mine(e) && typeof e.detail?.context === 'string') this.#record.context(e.detail.name ?? 'context', e.detail.context);
    });
    this.addEventListener('mls-failure', (e) => {
      if (mine(e) && e.detail?.active && e.detail.act === 2) this.#record.failure();
    });
  }

  /** The lab scope this lab provides to its elements. */
  get labScope(): LabScope {
    return this.#scope;
  }

  /** The ledger key of this lab (`v1.ch02`), or null while volume/chapter are invalid. */
  get key(): string | null {
    return this.#identity?.key ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installLabLayout();
    this.#readIdentity();
    if (!this.providedLedger && this.closest('mls-ledger-provider') && !customElements.get('mls-ledger-provider')) {
      // An enclosing provider is not defined yet (a bundle may define this element first): wait
      // for its ledger (it arrives through the context) rather than restore from the page's.
      customElements.whenDefined('mls-ledger-provider').then(() => {
        if (this.isConnected && !this.#ledgerRef) this.#attachLedger(this.ledger);
      });
    } else {
      this.#attachLedger(this.ledger);
    }
    window.addEventListener('pagehide', this.#record.flush);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.#record.flush);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#record.flush();
    this.#ledgerRef?.removeEventListener('mls-ledger-change', this.#onLedger);
    this.#ledgerRef = undefined;
    super.disconnectedCallback();
  }

  #readIdentity(): void {
    const missing = (attr: string, accepted: string) => this.markInvalid(attr, '(missing)', accepted);
    let volume: number | undefined;
    if (this.volume === undefined || this.volume === null || this.volume === '') missing('volume', '1 or 2');
    else volume = this.readNumber('volume', this.volume, { min: 1, max: 2, integer: true });
    let chapter: number | undefined;
    const range = volume === 2 ? { min: 1, max: 17 } : { min: 0, max: 16 };
    if (this.chapter === undefined || this.chapter === null || this.chapter === '') {
      missing('chapter', `a whole number from ${range.min} to ${range.max}`);
    } else chapter = this.readNumber('chapter', this.chapter, { ...range, integer: true });
    if (volume === undefined || chapter === undefined) return; // keep the last good identity
    const next: Identity = { volume: volume as 1 | 2, chapter, key: ledgerKey(volume, chapter) };
    const changed = next.key !== this.#identity?.key;
    this.#identity = next;
    this.#scope.set('lab', { volume: next.volume, chapter: next.chapter, key: next.key });
    if (changed && this.#ledgerRef) {
      // A different chapter: start over from that chapter's record.
      this.#resetLocal();
      this.#loadRecord('merge');
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('volume') || changed.has('chapter')) this.#readIdentity();
    if (changed.has('providedLedger') && this.isConnected) this.#attachLedger(this.ledger);
    this.#refs = this.#readRefs();
    if (this.minutes !== undefined) this.readNumber('minutes', this.minutes, { min: 1, max: 600 });
    const level = this.readNumber('heading-level', this.headingLevel, { min: 1, max: 6, integer: true });
    if (level !== undefined) this.#level = level;
    else if (!this.invalid.has('heading-level')) this.#level = 2;
    this.#loadNav();
    const unknown = this.#contexts()
      .filter((c) => !c.known)
      .map((c) => c.id);
    if (unknown.length) this.markInvalid('contexts', unknown.join(' '), `context ids ${CONTEXT_IDS.join(', ')}`);
    else this.markValid('contexts');
  }

  /** The contexts of the header chips; device names follow the toggle's `devices` overrides. */
  #contexts() {
    return splitContexts(this.contexts).map((c) => describeContext(c, new Map()));
  }

  #attachLedger(ledger: DesignLedger): void {
    if (this.#ledgerRef === ledger) return;
    this.#ledgerRef?.removeEventListener('mls-ledger-change', this.#onLedger);
    this.#ledgerRef = ledger;
    ledger.addEventListener('mls-ledger-change', this.#onLedger);
    this.#loadRecord('merge');
  }

  /** Read this lab's record and restore the scope from its snapshot. */
  #loadRecord(mode: 'merge' | 'replace'): void {
    const key = this.key;
    const rec = key ? this.#ledgerRef?.get(key) : undefined;
    if (!rec) return;
    this.#record.loaded(rec);
    if (isObj(rec.scope)) this.#applyScope(rec.scope, mode);
  }

  #applyScope(values: Record<string, unknown>, mode: 'merge' | 'replace'): void {
    this.#restoring = true;
    try {
      if (mode === 'replace') {
        for (const k of this.#scope.keys()) if (k !== 'lab' && !(k in values)) this.#scope.delete(k);
      }
      for (const [k, v] of Object.entries(values)) if (k !== 'lab') this.#scope.set(k, v);
    } finally {
      this.#restoring = false;
    }
  }

  #onLedger = (e: Event): void => {
    redispatchOnce(this, e);
    const d = (e as CustomEvent).detail as { key: string | null; record: LedgerRecord | null; origin: string } | undefined;
    if (!d) return;
    if (d.origin === 'reset' || (d.origin === 'local' && d.key === this.key && d.record === null)) {
      this.#resetLocal();
    } else if (d.origin === 'import') {
      this.#loadRecord('replace');
    }
  };

  /** Forget the learner's state in this lab (scope values; not the ledger). */
  #resetLocal(): void {
    this.#record.reset();
    this.#restoring = true;
    try {
      for (const k of this.#scope.keys()) if (k !== 'lab') this.#scope.delete(k);
    } finally {
      this.#restoring = false;
    }
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.#record.flush();
  };

  /** Parse `result`, `decision`, `record` into scope paths (marking bad ones). */
  #readRefs(): RecordRefs {
    const PATH = /^\$([A-Za-z_][\w-]*(?:\.[\w-]+)*)$/;
    const ref = (attr: string, raw: string | undefined): string | undefined => {
      if (raw === undefined || raw === null || raw.trim() === '') {
        this.markValid(attr);
        return undefined;
      }
      const m = PATH.exec(raw.trim());
      if (m) {
        this.markValid(attr);
        return m[1];
      }
      this.markInvalid(attr, raw, 'a $name reference into the lab scope, e.g. $wf2.total');
      return undefined;
    };
    const parsed = parsePairs(this.record);
    const bad = [...parsed.bad];
    const pairs = parsed.pairs;
    const record: Array<[string, string]> = [];
    for (const [name, value] of pairs) {
      const m = PATH.exec(value);
      if (m) record.push([name, m[1]]);
      else bad.push(`${name}:${value}`);
    }
    if (bad.length) this.markInvalid('record', bad.join(' '), pairsAccepted('distance:$distance batch:$batch (each value a $ref)'));
    else this.markValid('record');
    return { result: ref('result', this.result), decision: ref('decision', this.decision), record };
  }

  /** The lab's state as JSON-safe data: every scope value and the ledger record. */
  snapshot(): LabSnapshot {
    this.#record.flush();
    const key = this.key;
    const record = key ? ((this.#ledgerRef ?? this.ledger).get(key) ?? null) : null;
    return { scope: this.#scope.snapshot(), record: record ? (JSON.parse(JSON.stringify(record)) as LedgerRecord) : null };
  }

  /**
   * Put the lab into a snapshot's state (an object from `snapshot()`, or its JSON text):
   * the scope is replaced, and the record (when given) is written to this lab's key.
   * Returns false, changing nothing, when the snapshot is malformed.
   */
  restore(snapshot: LabSnapshot | string): boolean {
    let s: unknown = snapshot;
    if (typeof s === 'string') {
      try {
        s = JSON.parse(s);
      } catch {
        s = undefined;
      }
    }
    if (!isObj(s) || !isObj(s.scope) || (s.record !== undefined && s.record !== null && !isObj(s.record))) {
      console.warn('<mls-lab>: restore() needs { scope: {...}, record?: {...} }; nothing changed.');
      return false;
    }
    const key = this.key;
    const ledger = this.#ledgerRef ?? this.ledger;
    if (isObj(s.record) && key) {
      const { key: _k, volume: _v, chapter: _c, timestamp: _t, scope: _s, ...fields } = s.record as Record<string, unknown>;
      try {
        ledger.upsert(key, { ...(fields as LedgerFields), scope: s.scope as Record<string, unknown> });
      } catch (err) {
        console.warn('<mls-lab>: restore() record rejected; nothing changed.', err);
        return false;
      }
      const hit = (s.record as Record<string, unknown>).constraint_hit;
      this.#record.arm(typeof hit === 'boolean' ? hit : null);
    }
    this.#applyScope(s.scope as Record<string, unknown>, 'replace');
    if (this.#identity) this.#scope.set('lab', { volume: this.#identity.volume, chapter: this.#identity.chapter, key: this.#identity.key });
    this.#record.schedule();
    return true;
  }

  /** Start the lab over: clear the scope (locks unlock, gates close) and remove this lab's ledger record. */
  reset(): void {
    this.#resetLocal();
    const key = this.key;
    if (key) (this.#ledgerRef ?? this.ledger).remove(key);
  }

  /** Build the gallery navigation from the catalogue (loaded on demand: embedded labs never fetch it). */
  #loadNav(): void {
    const gallery = this.gallery?.trim();
    const id = this.#identity;
    const want = gallery && id ? `${gallery}|${id.key}` : undefined;
    if (want === this.#navFor) return;
    this.#navFor = want;
    if (!want || !gallery || !id) {
      this.nav = [];
      return;
    }
    import('../../src/catalog.js')
      .then(({ LAB_CATALOG }) => {
        if (this.#navFor !== want) return;
        const built = LAB_CATALOG.filter((l) => l.path);
        const at = LAB_CATALOG.findIndex((l) => l.volume === id.volume && l.chapter === id.chapter);
        const base = new URL(gallery, this.ownerDocument.baseURI);
        const link = (l: CatalogLab, dir: 'Previous' | 'Next'): NavLink => ({
          href: new URL(l.path!, base).href,
          text: `${dir}: Lab ${String(l.chapter).padStart(2, '0')}${l.volume === id.volume ? '' : ` (Volume ${ROMAN[l.volume]})`}, ${l.title}`,
        });
        const prev = [...built].reverse().find((l) => LAB_CATALOG.indexOf(l) < at);
        const next = built.find((l) => LAB_CATALOG.indexOf(l) > at);
        this.nav = [
          { href: base.href, text: 'All labs' },
          ...(prev ? [link(prev, 'Previous')] : []),
          ...(next ? [link(next, 'Next')] : []),
        ];
      })
      .catch((err) => console.warn('<mls-lab>: could not load the labs catalogue for the navigation:', err));
  }

  #onSourcesSlot(e: Event): void {
    const slot = e.target as HTMLSlotElement;
    this.hasSources = slot.assignedNodes({ flatten: true }).some((n) => n.nodeType === 1 || (n.textContent ?? '').trim() !== '');
  }

  #onReadingSlot(e: Event): void {
    const slot = e.target as HTMLSlotElement;
    this.hasReading = slot.assignedNodes({ flatten: true }).some((n) => n.nodeType === 1 || (n.textContent ?? '').trim() !== '');
  }

  protected override render() {
    const id = this.#identity;
    const minutes = this.minutes !== undefined ? Number(this.minutes) : undefined;
    const contexts = this.#contexts();
    const eyebrow = id ? `Volume ${ROMAN[id.volume]} · Lab ${String(id.chapter).padStart(2, '0')}` : 'Lab';
    return html`${this.renderInvalid()}
      ${this.nav.length ? html`<nav part="nav" aria-label="Labs"><ul>${this.nav.map((l) => html`<li><a href=${l.href}>${l.text}</a></li>`)}</ul></nav>` : nothing}
      <header part="header">
        <p class="eyebrow" part="eyebrow">${eyebrow}</p>
        ${staticHtml`<${unsafeStatic(`h${this.#level}`)} class="title" part="title">${this.heading || 'Untitled lab'}</${unsafeStatic(`h${this.#level}`)}>`}
        ${
          (minutes !== undefined && !this.invalid.has('minutes')) || contexts.length
            ? html`
        <ul class="meta" part="meta" aria-label="About this lab">
          ${minutes !== undefined && !this.invalid.has('minutes') ? html`<li class="badge">About ${minutes} min</li>` : nothing}
          ${contexts.map((c) => html`<li class="chip ctx-${c.id}"><span class="visually-hidden">Context: </span>${c.label}${c.deviceName ? html` <span class="device">· ${c.deviceName}</span>` : nothing}</li>`)}
        </ul>`
            : nothing
        }
      </header>
      <section class="reading" part="reading" aria-labelledby="reading-title" ?hidden=${!this.hasReading}>
        ${staticHtml`<${unsafeStatic(`h${Math.min(6, this.#level + 1)}`)} id="reading-title">Recommended reading</${unsafeStatic(`h${Math.min(6, this.#level + 1)}`)}>`}
        <slot name="reading" @slotchange=${this.#onReadingSlot}></slot>
      </section>
      <slot></slot>
      <section class="sources" part="sources" aria-labelledby="sources-title" ?hidden=${!this.hasSources}>
        ${staticHtml`<${unsafeStatic(`h${Math.min(6, this.#level + 1)}`)} id="sources-title">Sources</${unsafeStatic(`h${Math.min(6, this.#level + 1)}`)}>`}
        <slot name="sources" @slotchange=${this.#onSourcesSlot}></slot>
      </section>`;
  }
}

defineElement('mls-lab', MlsLab);

declare global {
  interface HTMLElementTagNameMap {
    'mls-lab': MlsLab;
  }
}
