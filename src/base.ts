/**
 * MlsElement: the base class of every mls-* element.
 * - consumes the lab scope (if any) and re-renders when a `$name` it read changes;
 * - declares its inputs once, in `static inputs` (src/inputs.ts): the base creates one reactive
 *   property per input (attribute = the key in kebab-case) holding the raw value as set, and
 *   `read(schema)` returns the typed, `$ref`-resolved, validated, defaulted values;
 *   `resolve`/`readNumber`/`readChoice` remain for elements that read attributes by hand;
 * - records invalid input instead of throwing: an inline role="alert" message, one warning
 *   per bad value, an `mls-invalid` event; the element keeps its last good state;
 * - publishes outputs to the scope under its `publish` attribute; with `headless` it still
 *   computes and publishes but renders nothing (a second instance evaluating another setting).
 */
import { LitElement, html, nothing, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { LabScope, scopeContext } from './scope.js';
import { emit } from './events.js';
import { installTokens } from './theme.js';
import { displayScale, formatValue } from './format.js';
import { ledgerContext, pageLedger, ensureContextRoot } from './ledger/context.js';
import type { DesignLedger } from './ledger/store.js';
import { attributeOf, type InputKind, type InputSchema, type InputValues, type ParseContext } from './inputs.js';

ensureContextRoot();

const warned = new Set<string>();

/** Absent: not set, removed, or empty / only spaces. */
const absent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The attribute converter of `bool()` inputs: a removed attribute is false, a present one true
 * (HTML semantics, so `el.open` is a boolean), except a `$ref`, kept as text to be resolved.
 */
const BOOLEAN_INPUT = {
  fromAttribute: (v: string | null): unknown => (v === null ? false : v.trim().startsWith('$') ? v : true),
  toAttribute: (v: unknown): unknown => (v === false || v === null || v === undefined ? null : v === true ? '' : String(v)),
};

/** Each class's inputs merged with its ancestors' (own entries win). */
const merged = new WeakMap<object, InputSchema>();
function inputsOf(ctor: typeof MlsElement): InputSchema {
  let all = merged.get(ctor);
  if (!all) {
    const parent = Object.getPrototypeOf(ctor) as typeof MlsElement;
    all = {
      ...(parent && parent !== LitElement && 'inputs' in parent ? inputsOf(parent) : {}),
      ...(Object.hasOwn(ctor, 'inputs') ? ctor.inputs : {}),
    };
    merged.set(ctor, all);
  }
  return all;
}

export interface Invalid {
  received: string;
  accepted: string;
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

export class MlsElement extends LitElement {
  /**
   * The element's declared inputs (src/inputs.ts). For each key the base creates a reactive
   * property (attribute: the key in kebab-case, or the kind's `attribute`) that holds the raw
   * value as set (`el.n = '512'`, `el.n = 512` and `el.n = '$n'` all work); `read(schema)` gives
   * the values. Subclasses declare `static override inputs = INPUTS`.
   */
  static inputs: InputSchema = {};

  /** Creates the properties of this class's own `inputs` before Lit maps attributes to properties. */
  protected static override finalize(): void {
    if (Object.hasOwn(this, 'finalized')) return;
    if (Object.hasOwn(this, 'inputs')) {
      for (const [key, kind] of Object.entries(this.inputs)) {
        // A property this class declares itself with @property() keeps its own declaration.
        if (Object.hasOwn(this, 'elementProperties') && this.elementProperties.has(key)) continue;
        const options: PropertyDeclaration = {
          attribute: attributeOf(key, kind),
          reflect: !!kind.reflect,
          ...(kind.boolean ? { converter: BOOLEAN_INPUT } : {}),
        };
        this.createProperty(key, options);
      }
    }
    super.finalize();
  }

  constructor() {
    super();
    // Raw starting values: boolean inputs start false; reflected inputs start at their default,
    // so the attribute shows it as it did when these were plain reflected properties.
    for (const [key, kind] of Object.entries(inputsOf(this.constructor as typeof MlsElement))) {
      const start = kind.boolean ? (kind.default ?? false) : kind.reflect ? kind.default : undefined;
      if (start !== undefined && (typeof start !== 'object' || start === null)) (this as Record<string, unknown>)[key] = start;
    }
  }

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

  /**
   * Compute and publish, but render nothing: no chart, not shown, not in the accessibility
   * tree. A lab uses a second, headless instance to evaluate an instrument at another setting
   * (`<mls-latency-waterfall headless intensity="5" … publish="wfQ">`).
   */
  @property({ type: Boolean, reflect: true }) headless = false;

  /** Attributes currently rejected, by name. */
  @state() protected invalid = new Map<string, Invalid>();

  #deps = new Set<string>();
  /** The last value each input parsed to (kept while it is invalid). */
  #lastGood = new Map<string, unknown>();
  /** Rejections cleared during this update (a rejection restored in the same update is not new). */
  #cleared = new Map<string, Invalid>();
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
    this.#cleared.clear();
    return super.shouldUpdate(changed);
  }

  /** Headless: everything but the element's own template (render() is skipped for this update). */
  protected override update(changed: PropertyValues): void {
    if (!this.headless) {
      super.update(changed);
      return;
    }
    const self = this as unknown as { render?: () => unknown };
    self.render = () => nothing; // an own property shadows the class's render() for this one call
    try {
      super.update(changed);
    } finally {
      delete self.render;
    }
  }

  /**
   * The values of `schema`'s inputs for this update (pass the class's `static inputs`): typed,
   * `$ref`-resolved, validated and defaulted. Each value is parsed when first read (read them in
   * `willUpdate`; an input that is never read is never checked, so an element can ignore the
   * inputs a mode does not use). Per input:
   * - absent (unset, removed, empty) → the default (an error when the kind is `required`);
   * - a `$ref` that does not resolve (yet) → the default, silently;
   * - rejected → `markInvalid` (inline alert, one warning, `mls-invalid`) and the last value it
   *   parsed to (else the default), so the element can keep its last good state;
   * - accepted → `markValid` and the value.
   */
  protected read<S extends InputSchema>(schema: S): InputValues<S> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(schema)) {
      let cached: { value: unknown } | undefined;
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => (cached ??= { value: this.#readInput(key, schema[key]) }).value,
      });
    }
    return Object.freeze(out) as InputValues<S>;
  }

  #readInput(key: string, kind: InputKind): unknown {
    const attr = attributeOf(key, kind);
    const raw = (this as Record<string, unknown>)[key];
    if (absent(raw)) {
      if (kind.required) this.markInvalid(attr, '(missing)', kind.accepted);
      else this.markValid(attr);
      return kind.default;
    }
    if (kind.deprecated) this.#warnDeprecated(attr, kind.deprecated);
    let value: unknown = raw;
    let from: ParseContext['from'] = 'literal';
    if (!kind.refOnly && kind.refs && this.isRef(raw)) {
      value = this.resolve(raw);
      from = 'scope';
      if (value === undefined || value === null) {
        this.markValid(attr);
        return kind.default;
      }
    }
    const parsed = kind.parse(value, { from, resolve: (r: string) => this.resolve(r) });
    if (parsed.ok) {
      this.markValid(attr);
      this.#lastGood.set(key, parsed.value);
      return parsed.value;
    }
    if (from === 'scope' && kind.lenientRefs) {
      this.markValid(attr);
      return kind.default;
    }
    this.markInvalid(attr, value, parsed.accepted);
    return this.#lastGood.has(key) ? this.#lastGood.get(key) : kind.default;
  }

  /**
   * The unit a readout shows its SI `unit` value in: `display-unit` when given (`unit="m"
   * display-unit="km"` divides by 1000), else `unit`. Undefined, with `display-unit` marked
   * invalid, when the two are not an SI prefix apart (or seconds and min / h / days).
   */
  protected readDisplayUnit(unit: string, display: string | undefined): { unit: string; scale: number } | undefined {
    if (!display) {
      this.markValid('display-unit');
      return { unit, scale: 1 };
    }
    const scale = displayScale(unit, display);
    if (scale === undefined) {
      this.markInvalid(
        'display-unit',
        display,
        unit
          ? `${unit} with an SI prefix (e.g. k${unit}, M${unit}, m${unit})${unit === 's' ? ', min, h or days' : ''}`
          : 'a unit attribute first: display-unit converts from it',
      );
      return undefined;
    }
    this.markValid('display-unit');
    return { unit: display, scale };
  }

  #shownUnit?: { unit: string; scale: number };

  /**
   * A value as a read-out shows it: formatted in its display unit (`readDisplayUnit`), or "—"
   * while unresolved. A rejected `display-unit` keeps the last good one (else the value's own unit).
   * Call once per update with the element's read inputs.
   */
  protected shownValue(value: number | undefined, unit: string, display: string | undefined, digits: number): string {
    const shown = this.readDisplayUnit(unit, display) ?? this.#shownUnit ?? { unit, scale: 1 };
    this.#shownUnit = shown;
    return value === undefined ? '—' : formatValue(value / shown.scale, shown.unit, digits);
  }

  /** One warning per page per element and deprecated attribute. */
  #warnDeprecated(attr: string, instead: string): void {
    const key = `${this.localName}|${attr}|deprecated`;
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(`<${this.localName}>: ${attr} is deprecated; ${instead}.`);
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
    if (v === undefined || v === null || v === '') {
      this.markValid(attr);
      return undefined;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
    const parts: string[] = [rule.integer ? 'a whole number' : 'a finite number'];
    if (rule.min !== undefined) parts.push(`≥ ${rule.min}`);
    if (rule.max !== undefined) parts.push(`≤ ${rule.max}`);
    const ok =
      Number.isFinite(n) &&
      (!rule.integer || Number.isInteger(n)) &&
      (rule.min === undefined || n >= rule.min) &&
      (rule.max === undefined || n <= rule.max);
    if (!ok) {
      this.markInvalid(attr, v, parts.join(' '));
      return undefined;
    }
    this.markValid(attr);
    return n;
  }

  /** Read one of a set of strings. */
  protected readChoice<T extends string>(attr: string, raw: unknown, allowed: readonly T[]): T | undefined {
    const v = this.resolve(raw);
    if (v === undefined || v === null || v === '') {
      this.markValid(attr);
      return undefined;
    }
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) {
      this.markValid(attr);
      return v as T;
    }
    this.markInvalid(attr, v, `one of ${allowed.join(', ')}`);
    return undefined;
  }

  /** Record a rejected attribute: shown inline, warned once, announced as `mls-invalid`. */
  protected markInvalid(attr: string, received: unknown, accepted: string): void {
    const text =
      typeof received === 'string'
        ? received
        : typeof received === 'number'
          ? String(received)
          : (JSON.stringify(received) ?? String(received));
    const prev = this.invalid.get(attr);
    if (prev && prev.received === text && prev.accepted === accepted) return;
    const next = new Map(this.invalid);
    next.set(attr, { received: text, accepted });
    this.invalid = next;
    // Cleared and rejected again in one update (read() accepted it, the element's own check did
    // not): the same rejection as before, not a new one.
    const was = this.#cleared.get(attr);
    this.#cleared.delete(attr);
    if (was && was.received === text && was.accepted === accepted) return;
    const key = `${this.localName}|${attr}|${text}`;
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`<${this.localName}>: invalid ${attr}="${text}"; accepted: ${accepted}.`);
    }
    emit(this, 'mls-invalid', { attribute: attr, received: text, accepted });
  }

  protected markValid(attr: string): void {
    const prev = this.invalid.get(attr);
    if (!prev) return;
    this.#cleared.set(attr, prev);
    const next = new Map(this.invalid);
    next.delete(attr);
    this.invalid = next;
  }

  /** The inline role="alert" message for rejected attributes (nothing when all are valid). */
  protected renderInvalid(): TemplateResult | typeof nothing {
    if (this.invalid.size === 0) return nothing;
    return html`<div class="mls-invalid" role="alert" part="error">
      ${[...this.invalid].map(
        ([attr, e]) => html`<div><strong>Invalid <code>${attr}</code>:</strong>
        got <code>${e.received}</code>; accepted: ${e.accepted}.</div>`,
      )}
    </div>`;
  }

  /** Write outputs to the scope under `publish` (no-op standalone). */
  protected publishOutputs(values: Record<string, unknown>): void {
    if (this.publish && this.scope) this.scope.set(this.publish, values);
  }
}
