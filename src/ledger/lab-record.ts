/**
 * LabRecordController: when and what `<mls-lab>` writes to its one design-ledger record.
 *
 * - **Nothing is written until the learner acts in this session**: a lock, an answer, a
 *   context choice, a control moved (`armed`). Opening a lab, even one with a saved record,
 *   writes nothing, so a reload never rewrites a record's context or timestamp by itself.
 * - Once armed, discrete events (lock, answer, context, failure) write in the next microtask;
 *   value changes (a slider being dragged, instruments republishing) wait for an idle period,
 *   so a drag costs one write and serialising never delays a frame. A pending write is
 *   flushed on the next discrete event, `flush()` (snapshot, disconnect, `pagehide`).
 * - The record holds the seed fields, computed from the scope alone: a locked prediction's
 *   state carries its act (`{ locked, value, correct, act }`), so the controller needs no
 *   knowledge of which elements wrote what; `result`/`decision`/`record` name scope paths.
 *
 * The controller knows nothing of the DOM: the lab feeds it events and scope paths.
 */
import type { LabScope } from '../scope.js';
import type { DesignLedger } from './store.js';
import type { LedgerFields } from './types.js';

/** Scope paths the lab attributes name. */
export interface RecordRefs {
  /** Path of the number recorded as `act2_result`. */
  result?: string;
  /** Path of the text recorded as `act2_decision`. */
  decision?: string;
  /** Extra fields: ledger name → scope path. */
  record: ReadonlyArray<readonly [string, string]>;
}

export interface LabRecordHost {
  readonly scope: LabScope;
  /** The ledger to write to (undefined until attached). */
  ledger(): DesignLedger | undefined;
  /** This lab's key (`v1.ch02`), or null while the identity is invalid. */
  key(): string | null;
  /** The scope paths named by the lab's attributes. */
  refs(): RecordRefs;
}

interface LockLike {
  locked?: unknown;
  value?: unknown;
  correct?: unknown;
  act?: unknown;
}

function jsonSafe(v: unknown): unknown {
  if (v === undefined || typeof v === 'function') return undefined;
  try {
    return JSON.parse(JSON.stringify(v));
  } catch {
    return undefined;
  }
}

export class LabRecordController {
  readonly #host: LabRecordHost;
  #armed = false;
  #constraintHit: boolean | null = null;
  #pending: 'now' | 'idle' | false = false;
  #idleHandle?: number;
  #idleIsTimeout = false;
  /** Lock names in the order they were locked this session (latest last). */
  #lockOrder: string[] = [];
  #contextName = 'context';
  #lastContext?: string;

  constructor(host: LabRecordHost) {
    this.#host = host;
  }

  /** True once the learner has acted in this session (writes are allowed). */
  get armed(): boolean {
    return this.#armed;
  }

  /** Restore what a saved record says about the past (sticky failure flag, context), without writing. */
  loaded(record: { constraint_hit?: unknown; context?: unknown } | undefined): void {
    if (!record) return;
    if (typeof record.constraint_hit === 'boolean') this.#constraintHit = this.#constraintHit === true || record.constraint_hit;
    if (typeof record.context === 'string') this.#lastContext = record.context;
  }

  /** A prediction was locked. */
  lock(name: string): void {
    this.#lockOrder = [...this.#lockOrder.filter((n) => n !== name), name];
    this.#arm();
  }

  /** A reflection or check was answered. */
  answer(): void {
    this.#arm();
  }

  /** The learner chose a context; `name` is the scope key the toggle writes. */
  context(name: string, context: string): void {
    this.#contextName = name || 'context';
    this.#lastContext = context;
    this.#arm();
  }

  /** A control was moved by the learner: write when idle. */
  change(): void {
    this.#armed = true;
    this.schedule('idle');
  }

  /** A failure state became active in Act II: `constraint_hit` becomes true and stays true. */
  failure(): void {
    this.#constraintHit = true;
    this.schedule();
  }

  /** Forget this session's state (a reset, or the record was removed). */
  reset(): void {
    this.cancel();
    this.#armed = false;
    this.#constraintHit = null;
    this.#lockOrder = [];
    this.#lastContext = undefined;
  }

  /** The record was written elsewhere (restore()): later changes may be saved. */
  arm(constraintHit?: boolean | null): void {
    this.#armed = true;
    if (constraintHit !== undefined) this.#constraintHit = constraintHit;
  }

  #arm(): void {
    this.#armed = true;
    this.schedule();
  }

  /** Queue a write: 'now' (next microtask) or 'idle'. Nothing happens before the learner acts. */
  schedule(when: 'now' | 'idle' = 'now'): void {
    if (!this.#armed || this.#pending === 'now') return;
    if (when === 'idle') {
      if (this.#pending === 'idle') return;
      this.#pending = 'idle';
      if (typeof requestIdleCallback === 'function') {
        this.#idleIsTimeout = false;
        this.#idleHandle = requestIdleCallback(this.flush, { timeout: 1000 });
      } else {
        this.#idleIsTimeout = true;
        this.#idleHandle = setTimeout(this.flush, 200) as unknown as number;
      }
      return;
    }
    this.cancel();
    this.#pending = 'now';
    queueMicrotask(this.flush);
  }

  /** Drop a queued write. */
  cancel(): void {
    if (this.#idleHandle !== undefined) {
      if (this.#idleIsTimeout) clearTimeout(this.#idleHandle);
      else cancelIdleCallback(this.#idleHandle);
      this.#idleHandle = undefined;
    }
    this.#pending = false;
  }

  /** Write a queued record now (no-op when nothing is queued). */
  readonly flush = (): void => {
    if (!this.#pending) return;
    this.cancel();
    this.#write();
  };

  /** The record's fields, computed from the scope. */
  fields(): LedgerFields {
    const scope = this.#host.scope;
    const fields: LedgerFields = {};
    const ctx = scope.get(this.#contextName);
    const context = typeof ctx === 'string' ? ctx : this.#lastContext;
    if (context) fields.context = context;
    // Locked predictions by act: scope order, then this session's lock order (latest wins).
    const names = scope.keys();
    const ordered = [...names.filter((n) => !this.#lockOrder.includes(n)), ...this.#lockOrder.filter((n) => names.includes(n))];
    let act2Locked = false;
    for (const name of ordered) {
      const v = scope.get(name) as LockLike | undefined;
      if (!v || typeof v !== 'object' || v.locked !== true || (v.act !== 1 && v.act !== 2)) continue;
      if (typeof v.value !== 'string' && typeof v.value !== 'number') continue;
      const correct = typeof v.correct === 'boolean' ? v.correct : null;
      if (v.act === 1) {
        fields.act1_prediction = v.value;
        fields.act1_correct = correct;
      } else {
        fields.act2_prediction = v.value;
        fields.act2_correct = correct;
        act2Locked = true;
      }
    }
    if (this.#constraintHit === null && act2Locked) this.#constraintHit = false;
    if (this.#constraintHit !== null) fields.constraint_hit = this.#constraintHit;
    const refs = this.#host.refs();
    if (refs.result) {
      const r = scope.get(refs.result);
      if (typeof r === 'number' && Number.isFinite(r)) fields.act2_result = r;
    }
    if (refs.decision) {
      const d = scope.get(refs.decision);
      if (typeof d === 'string') fields.act2_decision = d;
      else if ((typeof d === 'number' && Number.isFinite(d)) || typeof d === 'boolean') fields.act2_decision = String(d);
    }
    if (refs.record.length) {
      const extra: Record<string, unknown> = {};
      for (const [name, path] of refs.record) {
        const v = jsonSafe(scope.get(path));
        if (v !== undefined) extra[name] = v;
      }
      fields.extra = extra;
    }
    fields.scope = scope.snapshot();
    return fields;
  }

  #write(): void {
    const key = this.#host.key();
    const ledger = this.#host.ledger();
    if (!this.#armed || !key || !ledger) return;
    try {
      ledger.upsert(key, this.fields());
    } catch (err) {
      console.warn(`<mls-lab>: could not write the ledger record ${key}:`, err);
    }
  }
}
