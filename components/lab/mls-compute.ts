import { css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../src/base.js';
import { text, type InputProps } from '../../src/inputs.js';
import { defineElement } from '../../src/define.js';
import { baseStyles } from '../../src/theme.js';
import { parsePairs, pairsAccepted } from '../../src/pairs.js';
import { LAB_MODULES } from '../../src/generated/lab-modules.js';

/** A lab function (physics/labs/types.ts LabFunction): named arguments in, JSON-safe outputs out. */
type LabFunction = (args: Readonly<Record<string, unknown>>) => unknown;

const FN = /^(v[12]-\d\d)\.([A-Za-z_]\w*)$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const INPUTS = {
  fn: text({
    pattern: FN,
    required: true,
    accepted: 'a lab function, <lab id>.<name>, e.g. v1-00.icuFigures',
    doc: 'The function: `<lab id>.<name>`, e.g. `v1-00.icuFigures`.',
  }),
  // Parsed here, not by `pairs()`: an unresolved `$ref` keeps the last result (rather than
  // dropping the argument), empty args are allowed, and the error names only the bad tokens.
  args: text({ doc: 'Arguments as `name:value` pairs; values are `$ref`s or literals.' }),
};

/**
 * Calls one pure function of a lab's scenario module with scope values and publishes what it
 * returns, so a lab can show a number no general instrument computes without a new element and
 * without an expression language:
 *
 * ```html
 * <mls-compute fn="v1-00.icuFigures" args="deadline:$deadline interval:1" publish="icu"></mls-compute>
 * <p>The farthest server is <mls-value value="$icu.maxDistance" unit="m"></mls-value> away.</p>
 * ```
 *
 * `fn` is `<lab id>.<function>`: a function in the `functions` of the lab's scenario object
 * (`physics/labs/v1-00.ts`), loaded on demand. `args` is the lab language's one pair syntax:
 * `name:value`, where a value is a `$ref` into the scope or a literal (numbers are passed as
 * numbers). Whenever a referenced value changes the function runs again and its result is
 * published. An unresolved reference leaves the last result in place. A function that throws
 * (a PhysicsError naming its argument) shows an inline alert and keeps the last good result.
 *
 * It renders nothing but that alert: it is plumbing, not an instrument.
 *
 * @tagname mls-compute
 * @summary Publishes the result of a lab scenario function of scope values.
 *
 * @fires mls-invalid - An unknown `fn`, a malformed `args`, or arguments the function rejects.
 */
export class MlsCompute extends MlsElement {
  static override styles = [baseStyles, css`:host { display: block; } :host(:not([data-invalid])) { display: none; }`];

  static override inputs = INPUTS;

  #loaded = new Map<string, LabFunction | null>();
  #loading = new Set<string>();
  #result: unknown = undefined;

  /** The last good result, or undefined before the first one. */
  get result(): unknown {
    return this.#result;
  }

  /** The function for `fn`: undefined while loading, null when it does not exist. */
  #function(id: string, name: string): LabFunction | null | undefined {
    const key = `${id}.${name}`;
    if (this.#loaded.has(key)) return this.#loaded.get(key);
    const load = LAB_MODULES[id];
    if (!load) {
      this.#loaded.set(key, null);
      return null;
    }
    if (!this.#loading.has(key)) {
      this.#loading.add(key);
      load()
        .then((scenario) => {
          this.#loaded.set(key, scenario.functions?.[name] ?? null);
          this.#available = Object.keys(scenario.functions ?? {});
        })
        .catch((err) => {
          console.warn(`<mls-compute>: could not load the scenario module of ${id}:`, err);
          this.#loaded.set(key, null);
        })
        .finally(() => {
          this.#loading.delete(key);
          this.requestUpdate();
        });
    }
    return undefined;
  }

  #available: string[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    const fn = v.fn;
    // Missing or malformed (read() has recorded it): nothing to compute; the last result stays.
    const m = fn !== undefined && !this.invalid.has('fn') ? FN.exec(fn) : null;
    if (!fn || !m) return;
    const f = this.#function(m[1], m[2]);
    if (f === null) {
      const list = this.#available.length
        ? `one of ${this.#available.map((n) => `${m[1]}.${n}`).join(', ')}`
        : `a function in the functions of the ${m[1]} scenario`;
      this.markInvalid('fn', fn, list);
      return;
    }
    const { pairs, bad } = parsePairs(v.args);
    if (bad.length) {
      this.markInvalid('args', bad.join(' '), pairsAccepted('distance:$distance batch:1'));
      return;
    }
    this.markValid('args');
    const values: Record<string, unknown> = {};
    for (const [name, raw] of pairs) {
      const value = this.isRef(raw) ? this.resolve(raw) : NUMBER.test(raw) ? Number(raw) : raw;
      if (value === undefined) return; // not published yet: keep the last result
      values[name] = value;
    }
    if (!f) return; // still loading
    try {
      this.#result = f(values);
      this.markValid('result');
    } catch (err) {
      const e = err as { argument?: string; received?: unknown; accepted?: string; message?: string };
      this.markInvalid(e.argument ? `args (${e.argument})` : 'fn', e.received ?? fn, e.accepted ?? String(e.message ?? err));
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.toggleAttribute('data-invalid', this.invalid.size > 0);
    if (this.#result !== undefined) this.publishOutputs(this.#result as Record<string, unknown>);
  }

  protected override render() {
    return this.invalid.size ? this.renderInvalid() : nothing;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsCompute extends InputProps<typeof INPUTS> {}

defineElement('mls-compute', MlsCompute);

declare global {
  interface HTMLElementTagNameMap {
    'mls-compute': MlsCompute;
  }
}
