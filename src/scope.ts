/**
 * Lab scope: a map of named reactive values shared by the elements of one lab.
 * Controls write to it, instruments read `$name` references from it and may publish
 * their outputs under a name (`publish="roof"` makes `$roof.bound` readable).
 * No expression language: computation belongs in physics/ and the instruments.
 */
import { createContext } from '@lit/context';

export type ScopeListener = (name: string, value: unknown) => void;

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Value equality for what elements publish: primitives, arrays and plain objects, compared in
 * one walk without serialising (an instrument republishes its outputs on every update, so this
 * runs per scope write). Other objects (Map, Date, class instances) compare by JSON as before.
 */
function same(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (depth > 32) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a),
      kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    const ob = b as Record<string, unknown>,
      oa = a as Record<string, unknown>;
    for (const k of ka) if (!Object.prototype.hasOwnProperty.call(ob, k) || !same(oa[k], ob[k], depth + 1)) return false;
    return true;
  }
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

export class LabScope {
  #values = new Map<string, unknown>();
  #listeners = new Set<ScopeListener>();

  /** Read a value; a dotted path reads into a published object (`roof.bound`). */
  get(path: string): unknown {
    const [head, ...rest] = path.split('.');
    let v: unknown = this.#values.get(head);
    for (const key of rest) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[key];
    }
    return v;
  }

  has(name: string): boolean {
    return this.#values.has(name.split('.')[0]);
  }

  /** Set a top-level value. Listeners hear of it only when it actually changed. */
  set(name: string, value: unknown): void {
    if (this.#values.has(name) && same(this.#values.get(name), value)) return;
    this.#values.set(name, value);
    for (const l of [...this.#listeners]) {
      try {
        l(name, value);
      } catch (err) {
        console.error('mlsys-labs: scope listener failed', err);
      }
    }
  }

  delete(name: string): void {
    if (!this.#values.delete(name)) return;
    for (const l of [...this.#listeners]) l(name, undefined);
  }

  /** Listen to every change; returns the unsubscribe function. */
  subscribe(listener: ScopeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  keys(): string[] {
    return [...this.#values.keys()];
  }

  /** A JSON-safe copy of every value. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.#values) {
      if (v === undefined || typeof v === 'function') continue;
      try {
        out[k] = JSON.parse(JSON.stringify(v));
      } catch {
        /* not serialisable: skip */
      }
    }
    return out;
  }

  /** Set every value from a snapshot (unknown names are set too). */
  restore(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.set(k, v);
  }
}

/** String key, so two copies of the bundle on one page share the context. */
export const scopeContext = createContext<LabScope | undefined>('mls-lab-scope');
