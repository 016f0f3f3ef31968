/**
 * Declarative inputs: the kinds an element's `static inputs` schema is written in.
 *
 * ```ts
 * const INPUTS = {
 *   device: deviceOrContext({ default: 'h100', doc: 'Device id or deployment context.' }),
 *   batch: num({ min: 1, integer: true, default: 1, doc: 'Samples per batch.' }),
 *   sla: num({ gt: 0, unit: 's', doc: 'Latency budget.' }),
 *   mode: choice(['terms', 'stack'] as const, { default: 'terms' }),
 * };
 * ```
 *
 * From one declaration `MlsElement` (src/base.ts) creates a reactive property per key (the
 * attribute is the key in kebab-case: `distanceKm` → `distance-km`), and `this.read(INPUTS)`
 * returns the typed values (`v.batch: number`), `$ref`-resolved, validated and defaulted, with
 * bad input recorded through `markInvalid`. `custom-elements-manifest.config.mjs` reads the
 * same declaration to write each attribute's type, default and description into the manifest
 * (and so Storybook's controls).
 *
 * A kind is a plain object: it parses a literal (an attribute's text, or a property set from
 * script) or a value resolved from the lab scope, knows the text that says what it accepts
 * (for the inline error), its default, and its type as the manifest shows it. Kinds never
 * throw and hold no element state. Why kinds instead of per-element code: the rules (what is
 * absent, how a `$ref` resolves, what an error says) are then the same on every element, and
 * the schema is data that docs and tooling can read.
 */
import { parsePairs, pairsAccepted } from './pairs.js';
import { DEVICE_IDS, TIERS, resolveDeviceOrContext, type Device, type Tier } from '../physics/registry.js';

/** Where a value being parsed came from. */
export type Source = 'literal' | 'scope';

/** What the base element hands a kind's parser. */
export interface ParseContext {
  /** `literal`: the attribute's text or a property set from script; `scope`: a resolved `$ref`. */
  readonly from: Source;
  /** Resolve a nested `$name` (used by `pairs` for `key:$ref` values); undefined when unresolved. */
  resolve(raw: string): unknown;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly accepted: string };

/** One declared input. `T` is the parsed value; `D` is true when the value is never undefined. */
export interface InputKind<T = unknown, D extends boolean = boolean> {
  /** The kind's name: `num`, `choice`, `choices`, `bool`, `text`, `device`, `pairs`, `ref`, `any`, `either`. */
  readonly kind: string;
  /** The value used when the input is absent or its `$ref` is unresolved. */
  readonly default: T | undefined;
  /** What the input accepts, for the inline error ("a whole number ≥ 1"). */
  readonly accepted: string;
  /** The attribute's type as the manifest shows it: `number`, `'fp16' | 'int8'`, `string`, `boolean`. */
  readonly type: string;
  /** The default as the manifest shows it (JSON text), when there is one. */
  readonly defaultText?: string;
  /** Description of the attribute (manifest, Storybook). */
  readonly doc?: string;
  /** Attribute name, when not the key in kebab-case. */
  readonly attribute?: string;
  /** Reflect the property to its attribute (the raw value starts at the default). */
  readonly reflect?: boolean;
  /** A deprecated alias: what to use instead (warned once per page when used). */
  readonly deprecated?: string;
  /** Absent is an error (an unresolved `$ref` still gives the default). */
  readonly required?: boolean;
  /** Whether a `$name` value is resolved from the scope (`text` defaults to false: a `$` is text). */
  readonly refs: boolean;
  /** The raw value must be a `$ref`; the value is its path, unresolved (`ref()`). */
  readonly refOnly?: boolean;
  /**
   * A resolved scope value this kind rejects gives the default silently (for inputs such as a
   * colour that follows `$context`, where a context this element does not know is not an error).
   */
  readonly lenientRefs?: boolean;
  /** A boolean attribute: presence means true (HTML semantics). */
  readonly boolean?: boolean;
  parse(value: unknown, ctx: ParseContext): Parsed<T>;
  /** Type-level only: carries whether the value is defaulted. */
  readonly __defaulted?: D;
}

/** A schema: property name → input kind. */
export type InputSchema = Record<string, InputKind<any, any>>;

/** The typed values `read()` returns for a schema. */
export type InputValues<S extends InputSchema> = {
  readonly [K in keyof S]: S[K] extends InputKind<infer T, infer D> ? ([D] extends [true] ? T : T | undefined) : never;
};

/** What script may assign to an input's property (the raw value, before parsing). */
export type InputRaw<K> =
  K extends InputKind<number, any>
    ? number | string
    : K extends InputKind<boolean, any>
      ? boolean | string
      : K extends InputKind<string, any>
        ? string
        : unknown;

/**
 * The element's raw input properties, for typing an element class by declaration merging:
 * `export interface MlsFoo extends InputProps<typeof INPUTS> {}` next to `class MlsFoo`.
 */
export type InputProps<S extends InputSchema> = { [K in keyof S]?: InputRaw<S[K]> | null };

/** Options every kind takes. */
export interface CommonOptions {
  /** Description for the manifest and Storybook. */
  doc?: string;
  /** Attribute name, when not the key in kebab-case. */
  attribute?: string;
  /** Reflect the property to its attribute. */
  reflect?: boolean;
  /** Marks a deprecated alias: the text says what to use instead. */
  deprecated?: string;
  /** Absent is an error. */
  required?: boolean;
  /** Replaces the accepted-text of the error message. */
  accepted?: string;
  /** A resolved `$ref` value this kind rejects gives the default silently. */
  lenientRefs?: boolean;
}

type Defaulted<O> = O extends { default: infer X } ? (undefined extends X ? false : true) : false;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (accepted: string): Parsed<never> => ({ ok: false, accepted });
const quote = (v: string) => `'${v.replace(/'/g, "\\'")}'`;
const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

function make<T>(
  kind: string,
  o: CommonOptions & { default?: unknown },
  spec: {
    accepted: string;
    type: string;
    default: T | undefined;
    defaultText?: string;
    refs?: boolean;
    parse(value: unknown, ctx: ParseContext): Parsed<T>;
  } & Partial<Pick<InputKind, 'refOnly' | 'boolean'>>,
  // The defaulted flag is type-level only; each builder states it in its return type.
): InputKind<T, any> {
  const accepted = o.accepted ?? spec.accepted;
  return Object.freeze({
    kind,
    accepted,
    type: spec.type,
    default: spec.default,
    defaultText: spec.defaultText ?? json(o.default),
    doc: o.doc,
    attribute: o.attribute,
    reflect: o.reflect,
    deprecated: o.deprecated,
    required: o.required,
    lenientRefs: o.lenientRefs,
    refs: spec.refs ?? true,
    refOnly: spec.refOnly,
    boolean: spec.boolean,
    parse:
      o.accepted === undefined
        ? spec.parse
        : (value: unknown, ctx: ParseContext) => {
            const r = spec.parse(value, ctx);
            return r.ok ? r : fail(accepted);
          },
  });
}

/** A literal as text: strings trimmed, numbers and booleans as written; other values are not text. */
function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// num
// ---------------------------------------------------------------------------------------------

export interface NumOptions extends CommonOptions {
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Exclusive lower bound (`gt: 0`: "> 0"). */
  gt?: number;
  /** Exclusive upper bound. */
  lt?: number;
  /** Whole numbers only. */
  integer?: boolean;
  default?: number;
  /** SI unit of the value (shown in the accepted text and the manifest description). */
  unit?: string;
}

/** The accepted text of a number rule: "a whole number from 1 to 65536", "a finite number > 0 (s)". */
export function numberAccepted(o: Omit<NumOptions, keyof CommonOptions> = {}): string {
  const bounds: string[] = [];
  if (o.min !== undefined && o.max !== undefined) bounds.push(`from ${o.min} to ${o.max}`);
  else if (o.min !== undefined) bounds.push(`≥ ${o.min}`);
  else if (o.max !== undefined) bounds.push(`≤ ${o.max}`);
  if (o.gt !== undefined) bounds.push(`> ${o.gt}`);
  if (o.lt !== undefined) bounds.push(`< ${o.lt}`);
  const base = o.integer ? 'a whole number' : 'a finite number';
  return [base, bounds.join(' and ')].filter(Boolean).join(' ') + (o.unit ? ` (${o.unit})` : '');
}

/** A number: a literal (`"2e9"`, `512`) or a resolved scope number, checked against the bounds. */
export function num<const O extends NumOptions = {}>(options?: O): InputKind<number, Defaulted<O>> {
  const o: NumOptions = options ?? {};
  const accepted = numberAccepted(o);
  return make('num', o, {
    accepted,
    type: 'number',
    default: o.default,
    parse(v) {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
      const good =
        Number.isFinite(n) &&
        (!o.integer || Number.isInteger(n)) &&
        (o.min === undefined || n >= o.min) &&
        (o.max === undefined || n <= o.max) &&
        (o.gt === undefined || n > o.gt) &&
        (o.lt === undefined || n < o.lt);
      return good ? ok(n) : fail(accepted);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// choice, choices
// ---------------------------------------------------------------------------------------------

export interface ChoiceOptions<V extends string> extends CommonOptions {
  default?: V;
}

/** One of a fixed list of strings (`'fp16' | 'int8' | …` in the manifest). */
export function choice<const V extends string, const O extends ChoiceOptions<V> = {}>(
  values: readonly V[],
  options?: O,
): InputKind<V, Defaulted<O>> {
  const o: ChoiceOptions<V> = options ?? {};
  const list = [...values] as readonly string[];
  const accepted = `one of ${list.join(', ')}`;
  return make('choice', o, {
    accepted,
    type: list.map(quote).join(' | ') || 'string',
    default: o.default,
    parse(v) {
      const t = asText(v);
      return t !== undefined && list.includes(t) ? ok(t as V) : fail(accepted);
    },
  });
}

export interface ChoicesOptions<V extends string> extends CommonOptions {
  default?: readonly V[];
}

/** Several of a fixed list: space- or comma-separated (`metrics="compute power"`), duplicates dropped. */
export function choices<const V extends string, const O extends ChoicesOptions<V> = {}>(
  values: readonly V[],
  options?: O,
): InputKind<V[], Defaulted<O>> {
  const o: ChoicesOptions<V> = options ?? {};
  const list = [...values] as readonly string[];
  const accepted = `space-separated values from: ${list.join(', ')}`;
  return make('choices', o, {
    accepted,
    type: 'string',
    default: o.default ? [...o.default] : undefined,
    defaultText: o.default ? JSON.stringify(o.default.join(' ')) : undefined,
    parse(v) {
      const items = Array.isArray(v) ? v.map(asText) : typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : [undefined];
      const unique = [...new Set(items)];
      if (unique.length === 0 || unique.some((x) => x === undefined || !list.includes(x))) return fail(accepted);
      return ok(unique as V[]);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// bool, text
// ---------------------------------------------------------------------------------------------

export interface BoolOptions extends CommonOptions {
  default?: boolean;
}

/**
 * A boolean attribute: present means true (`disabled`, `disabled=""`, even `disabled="false"`, as
 * in HTML); a property takes true/false; a `$ref` must resolve to a boolean. Default false.
 */
export function bool<const O extends BoolOptions = {}>(options?: O): InputKind<boolean, true> {
  const o: BoolOptions = options ?? {};
  const accepted = 'true or false (a boolean attribute: present means true)';
  return make('bool', o, {
    accepted,
    type: 'boolean',
    default: o.default ?? false,
    defaultText: JSON.stringify(o.default ?? false),
    boolean: true,
    parse(v, ctx) {
      if (typeof v === 'boolean') return ok(v);
      if (ctx.from === 'literal' && typeof v === 'string') return ok(true);
      if (typeof v === 'string' && (v === 'true' || v === 'false')) return ok(v === 'true');
      return fail(accepted);
    },
  });
}

export interface TextOptions extends CommonOptions {
  default?: string;
  /** The trimmed text must match. */
  pattern?: RegExp;
  /** Resolve `$name` values from the scope (default false: labels, units and headings are text, and `$` is common in them). */
  refs?: boolean;
}

/** Text, trimmed; optionally matching a pattern. Taken literally unless `refs: true`. */
export function text<const O extends TextOptions = {}>(options?: O): InputKind<string, Defaulted<O>> {
  const o: TextOptions = options ?? {};
  const accepted = o.pattern ? `text matching ${String(o.pattern)}` : 'text';
  return make('text', o, {
    accepted,
    type: 'string',
    default: o.default,
    refs: o.refs ?? false,
    parse(v) {
      const t = asText(v);
      return t !== undefined && (!o.pattern || o.pattern.test(t)) ? ok(t) : fail(accepted);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// deviceOrContext
// ---------------------------------------------------------------------------------------------

/** A device chosen by id or by deployment context. */
export interface DeviceChoice {
  /** The id as given (`cloud`, `h100`). */
  readonly id: string;
  /** The context id when one was given, else null. */
  readonly context: Tier | null;
  /** The resolved registry device (a context's reference device). */
  readonly device: Device;
}

/** Resolve an id through physics (`resolveDeviceOrContext`); the error text is the physics one. */
function deviceChoice(raw: string): Parsed<DeviceChoice> {
  try {
    const device = resolveDeviceOrContext(raw);
    return ok(Object.freeze({ id: raw, context: (TIERS as readonly string[]).includes(raw) ? (raw as Tier) : null, device }));
  } catch (err) {
    return fail((err as { accepted?: string }).accepted ?? String(err));
  }
}

export interface DeviceOptions extends CommonOptions {
  default?: string;
}

/**
 * A physics registry device id or a deployment-context id, resolved by
 * `resolveDeviceOrContext` to `{ id, context, device }`. The manifest type is the union of all ids.
 */
export function deviceOrContext<const O extends DeviceOptions = {}>(options?: O): InputKind<DeviceChoice, Defaulted<O>> {
  const o: DeviceOptions = options ?? {};
  const fallback = o.default === undefined ? undefined : deviceChoice(o.default);
  if (fallback && !fallback.ok) throw new Error(`deviceOrContext: default ${JSON.stringify(o.default)} is not ${fallback.accepted}`);
  let accepted = '';
  try {
    resolveDeviceOrContext('');
  } catch (err) {
    accepted = (err as { accepted: string }).accepted;
  }
  return make('device', o, {
    accepted,
    type: [...DEVICE_IDS, ...TIERS].map(quote).join(' | '),
    default: fallback?.ok ? fallback.value : undefined,
    parse(v) {
      const t = asText(v);
      return t === undefined ? fail(accepted) : deviceChoice(t);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// pairs, either, ref, any
// ---------------------------------------------------------------------------------------------

export interface PairsOptions extends CommonOptions {
  /** Example for the error text (`cloud:a100 edge:jetson-orin-nx`). */
  example?: string;
}

/**
 * `key:value` pairs in the one pair syntax (src/pairs.ts), each value parsed by `value`. A value
 * may be a `$ref`: it is resolved, and a pair whose reference is unresolved is left out.
 */
export function pairs<T>(value: InputKind<T, any>, options: PairsOptions = {}): InputKind<ReadonlyMap<string, T>, false> {
  const accepted = `${pairsAccepted(options.example ?? 'a:1 b:2')}; each value ${value.accepted}`;
  return make('pairs', options, {
    accepted,
    type: 'string',
    default: undefined,
    parse(v, ctx) {
      if (typeof v !== 'string') return fail(accepted);
      const { pairs: list, bad } = parsePairs(v);
      if (bad.length || list.length === 0) return fail(accepted);
      const out = new Map<string, T>();
      for (const [key, raw] of list) {
        let item: unknown = raw;
        let from: Source = 'literal';
        if (raw.startsWith('$')) {
          item = ctx.resolve(raw);
          from = 'scope';
          if (item === undefined || item === null) continue;
        }
        const r = value.parse(item, { ...ctx, from });
        if (!r.ok) return fail(accepted);
        out.set(key, r.value);
      }
      return ok(out as ReadonlyMap<string, T>);
    },
  });
}

/** The first kind that accepts the value (`baseline`: a device id, or `new:old` pairs of them). */
export function either<A, B>(first: InputKind<A, any>, second: InputKind<B, any>, options: CommonOptions = {}): InputKind<A | B, false> {
  const accepted = `${first.accepted}; or ${second.accepted}`;
  // A union with free text is free text (the manifest and Storybook then offer a text field).
  const type =
    first.type === second.type
      ? first.type
      : first.type === 'string' || second.type === 'string'
        ? 'string'
        : `${first.type} | ${second.type}`;
  return make<A | B>('either', options, {
    accepted,
    type,
    default: undefined,
    parse(v, ctx) {
      const a = first.parse(v, ctx);
      if (a.ok) return a;
      const b = second.parse(v, ctx);
      return b.ok ? b : fail(accepted);
    },
  });
}

const REF_PATH = /^[A-Za-z_][\w-]*(\.[\w-]+)*$/;

/** Must be a `$name` / `$name.path` reference; the value is the path (`act1.locked`), not resolved. */
export function ref<const O extends CommonOptions & { default?: string } = {}>(options?: O): InputKind<string, Defaulted<O>> {
  const o: CommonOptions & { default?: string } = options ?? {};
  const accepted = 'a $name reference into the lab scope (e.g. $act1 or $wf.total)';
  return make('ref', o, {
    accepted,
    type: 'string',
    default: o.default,
    refOnly: true,
    parse(v) {
      if (typeof v !== 'string') return fail(accepted);
      const t = v.trim();
      return t.startsWith('$') && REF_PATH.test(t.slice(1)) ? ok(t.slice(1)) : fail(accepted);
    },
  });
}

/** Any value: a literal (text, trimmed) or whatever a `$ref` resolves to. */
export function any<const O extends CommonOptions & { default?: unknown } = {}>(options?: O): InputKind<unknown, Defaulted<O>> {
  const o: CommonOptions & { default?: unknown } = options ?? {};
  return make('any', o, {
    accepted: 'a value or a $name reference',
    type: 'string',
    default: o.default,
    parse: (v) => ok(typeof v === 'string' ? v.trim() : v),
  });
}

/** `distanceKm` → `distance-km`: the attribute name of an input key. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The attribute name of an input. */
export function attributeOf(key: string, kind: InputKind<any, any>): string {
  return kind.attribute ?? kebab(key);
}
