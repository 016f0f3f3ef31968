/**
 * DesignLedger: the learner's decisions across labs.
 * - one record per chapter (`v1.ch11`), upserted;
 * - persisted to localStorage under a versioned schema with migrations;
 * - falls back to memory when storage is missing, disabled, full or corrupted, without
 *   throwing and without losing the records it already holds (and says so in `status`);
 * - export/import as validated JSON (a bad file changes nothing and says why);
 * - syncs across tabs through the `storage` event;
 * - announces every change as an `mls-ledger-change` event on itself.
 */
import type { ImportResult, LedgerFields, LedgerFile, LedgerRecord } from './types.js';

export const LEDGER_STORAGE_KEY = 'mlsys-labs.ledger';
export const LEDGER_SCHEMA_VERSION = 2;
export const KEY_PATTERN = /^v([12])\.ch(\d{1,2})$/;

export interface LedgerStatus {
  /** True while writes reach persistent storage. */
  persistent: boolean;
  /** Why progress is not being saved, or what was recovered; null when all is well. */
  message: string | null;
}

export interface LedgerOptions {
  /** Storage to use; `null` means memory only. Defaults to `globalThis.localStorage` when reachable. */
  storage?: Storage | null;
  storageKey?: string;
  /** Listen to other tabs (default true when a window exists). */
  sync?: boolean;
}

/** Build the canonical key for a volume and chapter. */
export function ledgerKey(volume: number, chapter: number): string {
  return `v${volume}.ch${String(chapter).padStart(2, '0')}`;
}

function parseKey(key: string): { volume: 1 | 2; chapter: number } | null {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  const volume = Number(m[1]) as 1 | 2;
  const chapter = Number(m[2]);
  const max = volume === 1 ? 16 : 17;
  if (chapter > max || (volume === 2 && chapter < 1)) return null;
  return { volume, chapter };
}

function normaliseKey(key: string): string {
  const p = parseKey(key);
  return p ? ledgerKey(p.volume, p.chapter) : key;
}

function reachableStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null; // sandboxed iframe without allow-same-origin, or storage disabled: access throws
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const optType = (v: unknown, types: string[]) => v === undefined || v === null || types.includes(typeof v);

/** Validate one record; returns an error string or null. */
export function validateRecord(key: string, rec: unknown): string | null {
  if (!parseKey(key)) return `record key "${key}" is not of the form v1.ch00–v1.ch16 or v2.ch01–v2.ch17`;
  if (!isObj(rec)) return `record ${key} is not an object`;
  if (typeof rec.timestamp !== 'string' || Number.isNaN(Date.parse(rec.timestamp))) return `record ${key} has no valid timestamp`;
  if (!optType(rec.context, ['string'])) return `record ${key}: context must be a string`;
  if (!optType(rec.act1_prediction, ['string', 'number'])) return `record ${key}: act1_prediction must be a string or number`;
  if (!optType(rec.act1_correct, ['boolean'])) return `record ${key}: act1_correct must be true, false or null`;
  if (!optType(rec.act2_prediction, ['string', 'number'])) return `record ${key}: act2_prediction must be a string or number`;
  if (!optType(rec.act2_correct, ['boolean'])) return `record ${key}: act2_correct must be true, false or null`;
  if (!optType(rec.act2_result, ['number'])) return `record ${key}: act2_result must be a number or null`;
  if (typeof rec.act2_result === 'number' && !Number.isFinite(rec.act2_result)) return `record ${key}: act2_result is not finite`;
  if (!optType(rec.act2_decision, ['string'])) return `record ${key}: act2_decision must be a string`;
  if (!optType(rec.constraint_hit, ['boolean'])) return `record ${key}: constraint_hit must be true, false or null`;
  if (rec.extra !== undefined && !isObj(rec.extra)) return `record ${key}: extra must be an object`;
  if (rec.scope !== undefined && !isObj(rec.scope)) return `record ${key}: scope must be an object`;
  return null;
}

function complete(key: string, rec: Record<string, unknown>): LedgerRecord {
  const { volume, chapter } = parseKey(key)!;
  return {
    context: null,
    act1_prediction: null,
    act1_correct: null,
    act2_result: null,
    act2_decision: null,
    constraint_hit: null,
    ...rec,
    key,
    volume,
    chapter,
    timestamp: String(rec.timestamp),
  } as LedgerRecord;
}

/**
 * The ledger key of a chapter id written by the reference: a number or stringified number for
 * Volume 1 (`5`, `"5"`), `"v2_07"` / `"v1_05"` for a namespaced chapter. Null when unrecognised.
 */
function referenceChapterKey(chapter: unknown): string | null {
  if (typeof chapter === 'number' && Number.isInteger(chapter)) return ledgerKey(1, chapter);
  if (typeof chapter !== 'string') return null;
  const plain = /^\s*(\d{1,2})\s*$/.exec(chapter);
  if (plain) return ledgerKey(1, Number(plain[1]));
  const spaced = /^v([12])[_.-]?(?:ch)?(\d{1,2})$/i.exec(chapter.trim());
  return spaced ? ledgerKey(Number(spaced[1]), Number(spaced[2])) : null;
}

function referenceRecord(key: string, d: Record<string, unknown>): LedgerRecord {
  const { context, act1_prediction, act1_correct, act2_prediction, act2_correct, act2_result, act2_decision, constraint_hit, ...extra } = d;
  const rec: Record<string, unknown> = {
    context: typeof context === 'string' ? context : typeof d.deployment_context === 'string' ? d.deployment_context : null,
    act1_prediction: typeof act1_prediction === 'string' || typeof act1_prediction === 'number' ? act1_prediction : null,
    act1_correct: typeof act1_correct === 'boolean' ? act1_correct : null,
    act2_result: typeof act2_result === 'number' && Number.isFinite(act2_result) ? act2_result : null,
    act2_decision: typeof act2_decision === 'string' ? act2_decision : null,
    constraint_hit: typeof constraint_hit === 'boolean' ? constraint_hit : null,
    extra,
    timestamp: new Date(0).toISOString(),
  };
  if (typeof act2_prediction === 'string' || typeof act2_prediction === 'number') rec.act2_prediction = act2_prediction;
  if (typeof act2_correct === 'boolean') rec.act2_correct = act2_correct;
  // The reference's act2_result was sometimes a word ("approved"); keep it rather than drop it.
  if (act2_result !== undefined && rec.act2_result === null) (extra as Record<string, unknown>).act2_result = act2_result;
  return complete(key, rec);
}

/**
 * Bring any known older shape up to the current schema.
 * v1 (reference-style): `{ track, history: [{ chapter, design }] }` (append-only; chapters as
 * bare Volume 1 numbers) or, in the reference's later versions, `history: { "5": design,
 * "v2_07": design }`. Later entries win; a `track` with no chapter-0 record becomes one.
 */
export function migrate(data: unknown): { file: LedgerFile; migrated: boolean } | { error: string } {
  if (!isObj(data)) return { error: 'the ledger is not a JSON object' };
  if (data.schema === 'mlsys-labs.ledger') {
    const version = data.version;
    if (typeof version !== 'number') return { error: 'the ledger has no schema version' };
    if (version > LEDGER_SCHEMA_VERSION)
      return { error: `the ledger was written by a newer version (schema ${version}; this copy reads up to ${LEDGER_SCHEMA_VERSION})` };
    if (!isObj(data.records)) return { error: 'the ledger has no "records" object' };
    const records: Record<string, LedgerRecord> = {};
    for (const [rawKey, rec] of Object.entries(data.records)) {
      const key = normaliseKey(rawKey);
      const err = validateRecord(key, rec);
      if (err) return { error: err };
      records[key] = complete(key, rec as Record<string, unknown>);
    }
    return { file: { schema: 'mlsys-labs.ledger', version: LEDGER_SCHEMA_VERSION, records }, migrated: version !== LEDGER_SCHEMA_VERSION };
  }
  if (Array.isArray(data.history) || isObj(data.history)) {
    const entries: Array<[unknown, unknown]> = Array.isArray(data.history)
      ? data.history.map((e) => (isObj(e) ? [e.chapter, e.design] : [undefined, undefined]))
      : Object.entries(data.history);
    const records: Record<string, LedgerRecord> = {};
    for (const [chapter, design] of entries) {
      if (chapter === undefined || !isObj(design)) return { error: 'a history entry is not { chapter, design }' };
      const key = referenceChapterKey(chapter);
      if (!key || !parseKey(key)) return { error: `history chapter ${JSON.stringify(chapter)} is out of range` };
      records[key] = referenceRecord(key, design); // later entries win: the reference appended on every re-run
    }
    const track = data.track;
    if (typeof track === 'string' && track !== 'NONE' && track !== '' && !records['v1.ch00']) {
      records['v1.ch00'] = complete('v1.ch00', {
        context: track,
        extra: { deployment_context: track },
        timestamp: new Date(0).toISOString(),
      });
    }
    return { file: { schema: 'mlsys-labs.ledger', version: LEDGER_SCHEMA_VERSION, records }, migrated: true };
  }
  return { error: 'this is not an mlsys-labs ledger (no "schema" field)' };
}

export class DesignLedger extends EventTarget {
  #records = new Map<string, LedgerRecord>();
  #storage: Storage | null;
  #key: string;
  #status: LedgerStatus = { persistent: false, message: null };
  #onStorage?: (e: StorageEvent) => void;
  #memoryByChoice = false;

  constructor(options: LedgerOptions = {}) {
    super();
    this.#key = options.storageKey ?? LEDGER_STORAGE_KEY;
    this.#memoryByChoice = options.storage === null;
    this.#storage = options.storage === undefined ? reachableStorage() : options.storage;
    this.#load();
    if ((options.sync ?? true) && typeof window !== 'undefined' && this.#storage) {
      this.#onStorage = (e: StorageEvent) => {
        if (e.key !== this.#key || e.storageArea !== this.#storage) return;
        this.#reloadFromStorage();
      };
      window.addEventListener('storage', this.#onStorage);
    }
  }

  /** Stop listening to other tabs. */
  dispose(): void {
    if (this.#onStorage) window.removeEventListener('storage', this.#onStorage);
  }

  get status(): LedgerStatus {
    return { ...this.#status };
  }
  get persistent(): boolean {
    return this.#status.persistent;
  }

  get(key: string): LedgerRecord | undefined {
    const r = this.#records.get(normaliseKey(key));
    return r ? structuredClone(r) : undefined;
  }

  /** Every record, ordered by volume then chapter. */
  all(): LedgerRecord[] {
    return [...this.#records.values()].sort((a, b) => a.volume - b.volume || a.chapter - b.chapter).map((r) => structuredClone(r));
  }

  get size(): number {
    return this.#records.size;
  }

  /** The deployment context chosen in lab 00, if any. */
  get track(): string | null {
    const r = this.#records.get('v1.ch00');
    const c = (r?.extra?.deployment_context ?? r?.context) as unknown;
    return typeof c === 'string' ? c : null;
  }

  /** Insert or update the record for `key`, merging fields. Throws only on a malformed key or fields. */
  upsert(key: string, fields: LedgerFields): LedgerRecord {
    const k = normaliseKey(key);
    const prev = this.#records.get(k);
    const merged = {
      ...(prev ?? {}),
      ...fields,
      extra: { ...(prev?.extra ?? {}), ...(fields.extra ?? {}) },
      timestamp: new Date().toISOString(),
    };
    if (!fields.extra && !prev?.extra) delete (merged as { extra?: unknown }).extra;
    const err = validateRecord(k, merged);
    if (err) throw new TypeError(`Ledger: ${err}`);
    const rec = complete(k, merged);
    this.#records.set(k, rec);
    this.#persist();
    this.#announce(k, rec, 'local');
    return structuredClone(rec);
  }

  remove(key: string): void {
    const k = normaliseKey(key);
    if (!this.#records.delete(k)) return;
    this.#persist();
    this.#announce(k, null, 'local');
  }

  /** Forget every record (storage included). */
  reset(): void {
    this.#records.clear();
    this.#persist();
    this.#announce(null, null, 'reset');
  }

  /** The whole ledger as a JSON string. */
  export(): string {
    const file: LedgerFile = {
      schema: 'mlsys-labs.ledger',
      version: LEDGER_SCHEMA_VERSION,
      exported: new Date().toISOString(),
      records: Object.fromEntries(this.#records),
    };
    return JSON.stringify(file, null, 2);
  }

  /**
   * Replace (or merge into) the ledger from a JSON string. A malformed file changes nothing
   * and the result says why.
   */
  import(text: string, mode: 'replace' | 'merge' = 'replace'): ImportResult {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: `The file is not valid JSON (${(e as Error).message}).` };
    }
    const m = migrate(data);
    if ('error' in m) return { ok: false, error: `The file was not imported: ${m.error}.` };
    if (mode === 'replace') this.#records.clear();
    for (const [k, r] of Object.entries(m.file.records)) this.#records.set(k, r);
    this.#persist();
    this.#announce(null, null, 'import');
    return { ok: true, count: Object.keys(m.file.records).length };
  }

  #announce(key: string | null, record: LedgerRecord | null, origin: 'local' | 'remote' | 'import' | 'reset'): void {
    this.dispatchEvent(new CustomEvent('mls-ledger-change', { detail: { key, record: record ? structuredClone(record) : null, origin } }));
  }

  #setStatus(persistent: boolean, message: string | null): void {
    const changed = persistent !== this.#status.persistent || message !== this.#status.message;
    this.#status = { persistent, message };
    if (changed) this.dispatchEvent(new CustomEvent('mls-ledger-status', { detail: this.status }));
  }

  #load(): void {
    if (!this.#storage) {
      this.#setStatus(
        false,
        this.#memoryByChoice
          ? 'Progress is not being saved: this page keeps the ledger in memory only (no storage by choice). Export your ledger to keep it.'
          : 'Progress is not being saved: this page has no storage (private mode or a sandboxed frame). Export your ledger to keep it.',
      );
      return;
    }
    let raw: string | null;
    try {
      raw = this.#storage.getItem(this.#key);
    } catch {
      this.#storage = null;
      this.#setStatus(false, 'Progress is not being saved: storage is blocked on this page. Export your ledger to keep it.');
      return;
    }
    if (raw === null || raw === '') {
      this.#setStatus(true, null);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    const m = data === undefined ? { error: 'not valid JSON' } : migrate(data);
    if ('error' in m) {
      // Keep the unreadable copy aside so nothing is destroyed, then start empty.
      let kept = true;
      try {
        this.#storage.setItem(`${this.#key}.corrupt`, raw);
      } catch {
        kept = false;
      }
      if (kept) {
        this.#setStatus(
          true,
          `The saved ledger could not be read (${m.error}); it was kept aside as "${this.#key}.corrupt" and a new one was started.`,
        );
      } else {
        // Writing now would destroy the only copy: stay in memory and leave it where it is.
        this.#storage = null;
        this.#setStatus(
          false,
          `Progress is not being saved: the saved ledger could not be read (${m.error}) and could not be copied aside, so it was left untouched under "${this.#key}". Export your ledger to keep this session's answers.`,
        );
      }
      return;
    }
    for (const [k, r] of Object.entries(m.file.records)) this.#records.set(k, r);
    this.#setStatus(true, null);
    if (m.migrated) this.#persist();
  }

  #reloadFromStorage(): void {
    if (!this.#storage) return;
    let raw: string | null = null;
    try {
      raw = this.#storage.getItem(this.#key);
    } catch {
      return;
    }
    if (raw === null) {
      this.#records.clear();
      this.#announce(null, null, 'remote');
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    const m = migrate(data);
    if ('error' in m) return;
    this.#records = new Map(Object.entries(m.file.records));
    this.#announce(null, null, 'remote');
  }

  #persist(): void {
    if (!this.#storage) return;
    const file: LedgerFile = { schema: 'mlsys-labs.ledger', version: LEDGER_SCHEMA_VERSION, records: Object.fromEntries(this.#records) };
    try {
      this.#storage.setItem(this.#key, JSON.stringify(file));
      if (!this.#status.persistent) this.#setStatus(true, null);
    } catch (e) {
      const name = (e as DOMException)?.name;
      const full = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
      this.#setStatus(
        false,
        full
          ? 'Progress is not being saved: browser storage is full. Your answers are kept for this page; export the ledger to keep them.'
          : 'Progress is not being saved: storage refused the write. Your answers are kept for this page; export the ledger to keep them.',
      );
    }
  }
}
