/**
 * MlsElement: the base class of every mls-* element.
 * - consumes the lab scope (if any) and re-renders when a `$name` it read changes;
 * - reads attributes through `resolve`/`readNumber`/`readChoice`, which accept literal values
 *   or `$name` references and record invalid input instead of throwing;
 * - renders invalid attributes as an inline role="alert" message, warns once per bad value,
 *   and keeps its last good state;
 * - publishes outputs to the scope under its `publish` attribute.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { LabScope, scopeContext } from './scope.js';
import { emit } from './events.js';
import { installTokens } from './theme.js';
import { ledgerContext, pageLedger, ensureContextRoot } from './ledger/context.js';
import type { DesignLedger } from './ledger/store.js';

ensureContextRoot();

const warned = new Set<string>();

export interface Invalid { received: string; accepted: string }

export interface NumberRule { min?: number; max?: number; integer?: boolean; }

export class MlsElement extends LitElement {
  /** The lab scope provided by an enclosing `<mls-lab>`, if any. */
  @consume({ context: scopeContext, subscribe: true })
  @state()
  protected scope?: LabScope;

  /** The ledger from an enclosing `<mls-ledger-provider>`, if any. */
  @consume({ context: ledgerContext, subscribe: true })
  @state()
  protected providedLedger?: DesignLedger;

  /** The ledger this element reads and writes: the provider's, else the page-level one. */
  protected get ledger(): DesignLedger {
    return this.providedLedger ?? pageLedger();
  }

  /** Publish this element's outputs to the lab scope under this name. */
  @property({ reflect: true }) publish?: string;

  /** Attributes currently rejected, by name. */
  @state() protected invalid = new Map<string, Invalid>();

  #deps = new Set<string>();
  #unsubscribe?: () => void;
  #subscribedTo?: LabScope;

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  #subscribe(): void {
    if (this.#subscribedTo === this.scope) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
    if (!this.scope) return; // the provider went away: stop listening to the old scope
    this.#subscribedTo = this.scope;
    this.#unsubscribe = this.scope.subscribe((name) => {
      if (this.#deps.has(name)) this.requestUpdate();
    });
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (changed.has('scope')) this.#subscribe();
    this.#deps.clear();
    return super.shouldUpdate(changed);
  }

  /** Resolve a literal or `$name` attribute value. Unresolved references give undefined. */
  protected resolve(raw: unknown): unknown {
    if (typeof raw === 'string' && raw.startsWith('$')) {
      const path = raw.slice(1).trim();
      this.#deps.add(path.split('.')[0]);
      return this.scope?.get(path);
    }
    return raw;
  }

  /** True when the raw value is a `$name` reference. */
  protected isRef(raw: unknown): raw is string {
    return typeof raw === 'string' && raw.startsWith('$');
  }

  /**
   * Read a number from a literal or reference. Returns undefined when absent or unresolved
   * (use your default) and when invalid (the error is recorded and shown).
   */
  protected readNumber(attr: string, raw: unknown, rule: NumberRule = {}): number | undefined {
    const v = this.resolve(raw);
    if (v === undefined || v === null || v === '') { this.markValid(attr); return undefined; }
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
    const parts: string[] = [rule.integer ? 'a whole number' : 'a finite number'];
    if (rule.min !== undefined) parts.push(`≥ ${rule.min}`);
    if (rule.max !== undefined) parts.push(`≤ ${rule.max}`);
    const ok = Number.isFinite(n) && (!rule.integer || Number.isInteger(n)) &&
      (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max);
    if (!ok) { this.markInvalid(attr, v, parts.join(' ')); return undefined; }
    this.markValid(attr);
    return n;
  }

  /** Read one of a set of strings. */
  protected readChoice<T extends string>(attr: string, raw: unknown, allowed: readonly T[]): T | undefined {
    const v = this.resolve(raw);
    if (v === undefined || v === null || v === '') { this.markValid(attr); return undefined; }
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) { this.markValid(attr); return v as T; }
    this.markInvalid(attr, v, `one of ${allowed.join(', ')}`);
    return undefined;
  }

  /** Record a rejected attribute: shown inline, warned once, announced as `mls-invalid`. */
  protected markInvalid(attr: string, received: unknown, accepted: string): void {
    const text = typeof received === 'string' ? received : JSON.stringify(received) ?? String(received);
    const prev = this.invalid.get(attr);
    if (prev && prev.received === text && prev.accepted === accepted) return;
    const next = new Map(this.invalid);
    next.set(attr, { received: text, accepted });
    this.invalid = next;
    const key = `${this.localName}|${attr}|${text}`;
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`<${this.localName}>: invalid ${attr}="${text}"; accepted: ${accepted}.`);
    }
    emit(this, 'mls-invalid', { attribute: attr, received: text, accepted });
  }

  protected markValid(attr: string): void {
    if (!this.invalid.has(attr)) return;
    const next = new Map(this.invalid);
    next.delete(attr);
    this.invalid = next;
  }

  /** The inline role="alert" message for rejected attributes (nothing when all are valid). */
  protected renderInvalid(): TemplateResult | typeof nothing {
    if (this.invalid.size === 0) return nothing;
    return html`<div class="mls-invalid" role="alert" part="error">
      ${[...this.invalid].map(([attr, e]) => html`<div><strong>Invalid <code>${attr}</code>:</strong>
        got <code>${e.received}</code>; accepted: ${e.accepted}.</div>`)}
    </div>`;
  }

  /** Write outputs to the scope under `publish` (no-op standalone). */
  protected publishOutputs(values: Record<string, unknown>): void {
    if (this.publish && this.scope) this.scope.set(this.publish, values);
  }
}
