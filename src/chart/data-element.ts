/**
 * `DataChartElement`: the base of the general chart instruments (`mls-line-chart`,
 * `mls-bar-chart`, `mls-scatter-chart`, `mls-histogram-chart`), which plot data a lab computes
 * itself rather than physics the element knows.
 *
 * Each reads one attribute, `data`: a scope reference to a published object (`$sweep.curve`),
 * a JSON object literal, or (absent) the JSON text of a `<script type="application/json">`
 * child; a script may also set the `data` property to an object. A subclass checks the object
 * against its documented shape (`toSpec`, throwing `ChartDataError` with the offending path)
 * and builds a `ChartSpec` from it with the recipes. Bad data shows the base element's inline
 * alert, warns once and keeps the last good chart; an unresolved reference shows nothing yet
 * (or the last good chart). `summary` overrides the sentence the subclass writes.
 */
import { html, css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { MlsElement } from '../base.js';
import { baseStyles } from '../theme.js';
import { ChartController, chartStyles } from './controller.js';
import type { ChartSpec } from './spec.js';

/** A data object does not have the documented shape: `path` names the part ("series[1].y"). */
export class ChartDataError extends Error {
  /** `value` is what was found at `path`, for the alert (omitted when it says nothing). */
  constructor(
    readonly path: string,
    message: string,
    readonly value?: unknown,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

const kindOf = (v: unknown) =>
  v === undefined
    ? 'nothing'
    : typeof v === 'string'
      ? `"${v.slice(0, 24)}"`
      : Array.isArray(v)
        ? 'an array'
        : v === null
          ? 'null'
          : typeof v;

/** Readers for data objects: each returns the value or throws `ChartDataError` naming the path. */
export const read = {
  obj(v: unknown, path: string): Obj {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ChartDataError(path, `must be an object, got ${kindOf(v)}`, v);
    return v as Obj;
  },
  arr(v: unknown, path: string, min = 0, max = Infinity): unknown[] {
    if (!Array.isArray(v)) throw new ChartDataError(path, `must be an array, got ${kindOf(v)}`, v);
    if (v.length < min) throw new ChartDataError(path, `needs at least ${min} item${min === 1 ? '' : 's'}, got ${v.length}`, v);
    if (v.length > max) throw new ChartDataError(path, `holds at most ${max} items, got ${v.length}`, `${v.length} items`);
    return v;
  },
  str(v: unknown, path: string, max = 200): string {
    if (typeof v !== 'string' || !v.trim()) throw new ChartDataError(path, `must be a non-empty string, got ${kindOf(v)}`, v);
    if (v.length > max) throw new ChartDataError(path, `must be at most ${max} characters`, v);
    return v;
  },
  optStr(v: unknown, path: string, max = 200): string | undefined {
    return v === undefined || v === null ? undefined : read.str(v, path, max);
  },
  /** A colour: a token name (`blue`, `cloud`), a custom property (`--my-color`) or `#rrggbb`. */
  optColor(v: unknown, path: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' && /^(?:[a-z][a-z0-9-]{0,30}|--[a-z0-9-]{1,40}|#[0-9a-f]{3,8})$/i.test(v)) return v;
    throw new ChartDataError(path, 'must be a token name (blue, orange, cloud …), a --custom-property or #rrggbb', v);
  },
  optBool(v: unknown, path: string): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw new ChartDataError(path, `must be true or false, got ${kindOf(v)}`, v);
    return v;
  },
  num(v: unknown, path: string, positive = false): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ChartDataError(path, `must be a finite number, got ${kindOf(v)}`, v);
    if (positive && v <= 0) throw new ChartDataError(path, `must be > 0 on a log axis, got ${v}`, v);
    return v;
  },
  optNum(v: unknown, path: string, positive = false): number | undefined {
    return v === undefined || v === null ? undefined : read.num(v, path, positive);
  },
  /** Finite numbers (null allowed where `nullable`), > 0 where `positive` (log axes). */
  nums(v: unknown, path: string, opts: { nullable?: boolean; positive?: boolean; min?: number; max?: number } = {}): Array<number | null> {
    const a = read.arr(v, path, opts.min ?? 1, opts.max ?? 100_000);
    a.forEach((x, i) => {
      if (x === null && opts.nullable) return;
      read.num(x, `${path}[${i}]`, opts.positive);
    });
    return a as Array<number | null>;
  },
  oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[], fallback: T): T {
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    throw new ChartDataError(path, `must be one of ${allowed.join(', ')}, got ${kindOf(v)}`, v);
  },
};

/** Colours and dashes the general charts cycle through, so series differ by more than colour. */
export const SERIES_COLORS = ['blue', 'orange', 'green', 'red', 'cloud', 'grey'];
export const SERIES_DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4]];

/** JSON of a value, cut to 80 characters. */
function short(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * Received text for the alert (and the once-per-value warning): the part at fault when the
 * error names one ("series[0].y = [1,2]"), else the whole value; a reference is named first.
 */
function received(raw: unknown, value: unknown, e: unknown): string {
  const ref = typeof raw === 'string' && raw.startsWith('$') ? `${raw} → ` : '';
  if (e instanceof ChartDataError && e.value !== undefined) return `${ref}${e.path} = ${short(e.value)}`;
  return `${ref}${short(value)}`;
}

export abstract class DataChartElement extends MlsElement {
  static override styles = [
    baseStyles,
    chartStyles,
    css`
    :host { display: block; min-width: 0; max-width: 100%; }
    .title { margin: 0 0 var(--mls-space-1); font-weight: 700; font-size: 1rem; }
  `,
  ];

  /**
   * The data: `$name.path` (a published object), a JSON object, or absent to read a
   * `<script type="application/json">` child. Its shape is the element's `…ChartData` type.
   */
  @property() data?: unknown;

  /** The summary sentence (with the key number) for the live region; a default is written from the data. */
  @property() summary?: string;

  /** Plot height in CSS px (120 … 1000, default 300). */
  @property() height?: string;

  /** The shape `data` must have, in words, for the alert. */
  protected abstract readonly shape: string;

  /** Build the chart from a data object (throws `ChartDataError` on a bad shape). */
  protected abstract toSpec(data: Obj): ChartSpec;

  #chart = new ChartController(this);
  #lastValid: ChartSpec | null = null;
  #title = '';
  #jsonText?: string;
  #jsonValue: unknown;
  #mo?: MutationObserver;

  /** The spec last drawn from good data (null before any). */
  get spec(): ChartSpec | null {
    return this.#lastValid;
  }
  /** The chart controller (its `plot`, `labels`). */
  get chart(): ChartController {
    return this.#chart;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A script child may be filled or changed after the element upgrades.
    this.#mo = new MutationObserver(() => {
      if (this.data === undefined || this.data === null) this.requestUpdate();
    });
    this.#mo.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#mo?.disconnect();
    this.#mo = undefined;
  }

  #parse(text: string): unknown {
    if (text !== this.#jsonText) {
      this.#jsonText = text;
      try {
        this.#jsonValue = JSON.parse(text);
      } catch (e) {
        this.#jsonValue = new ChartDataError('data', `is not valid JSON (${(e as Error).message})`);
      }
    }
    return this.#jsonValue;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const height = this.readNumber('height', this.height, { min: 120, max: 1000 });
    const summaryRaw = this.resolve(this.summary);
    const summary =
      typeof summaryRaw === 'string' && summaryRaw.trim() ? summaryRaw : typeof summaryRaw === 'number' ? String(summaryRaw) : undefined;
    const raw = this.data;
    let value: unknown;
    if (raw === undefined || raw === null || raw === '') {
      const script = this.querySelector(':scope > script[type="application/json"]');
      value = script ? this.#parse(script.textContent ?? '') : undefined;
      if (!script) {
        this.markInvalid(
          'data',
          '(none)',
          `${this.shape}, as data="$name.path", a JSON object, or a <script type="application/json"> child`,
        );
        return;
      }
    } else if (typeof raw === 'string' && !this.isRef(raw)) {
      value = this.#parse(raw);
    } else {
      value = this.resolve(raw);
      if (value === undefined) {
        this.markValid('data');
        return;
      } // not yet computed: keep what is shown
      if (typeof value === 'string') value = this.#parse(value);
    }
    try {
      if (value instanceof ChartDataError) throw value;
      const obj = read.obj(value, 'data');
      const spec = this.toSpec(obj);
      this.#title = read.optStr(obj.title, 'title') ?? '';
      this.#lastValid = { ...spec, height: height ?? spec.height ?? 300, summary: summary ?? spec.summary };
      this.markValid('data');
    } catch (e) {
      const problem = e instanceof ChartDataError ? `${e.path} ${e.message}` : String((e as Error)?.message ?? e);
      this.markInvalid('data', received(raw, value instanceof ChartDataError ? this.#jsonText : value, e), `${this.shape} (${problem})`);
    }
  }

  protected override render() {
    return html`${this.renderInvalid()}
      ${this.#lastValid && this.#title ? html`<p class="title" part="title">${this.#title}</p>` : nothing}
      ${this.#chart.render(this.#lastValid)}`;
  }
}
