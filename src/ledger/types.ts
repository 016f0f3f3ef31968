/** Design-ledger record shapes (contract: see docs/architecture.md). */

export type Context = 'cloud' | 'edge' | 'mobile' | 'tiny' | string;

/** One record per volume and chapter, upserted. Key: `v1.ch11`, `v2.ch07`. */
export interface LedgerRecord {
  key: string;
  volume: 1 | 2;
  chapter: number;
  /** Deployment context the learner used (lab's toggle value). */
  context: Context | null;
  act1_prediction: string | number | null;
  act1_correct: boolean | null;
  act2_prediction?: string | number | null;
  act2_correct?: boolean | null;
  /** The key quantitative outcome of Act II (SI units unless the lab says otherwise). */
  act2_result: number | null;
  act2_decision: string | null;
  /** Whether the learner triggered the Act II failure state at least once. */
  constraint_hit: boolean | null;
  /** ISO-8601 time of the last upsert. */
  timestamp: string;
  /** Lab-specific fields (e.g. lab 00's deployment_context, check answers). */
  extra?: Record<string, unknown>;
  /** Snapshot of the lab scope, used to restore the lab on reload. */
  scope?: Record<string, unknown>;
}

export type LedgerFields = Partial<Omit<LedgerRecord, 'key' | 'volume' | 'chapter' | 'timestamp'>>;

export interface LedgerFile {
  schema: 'mlsys-labs.ledger';
  version: number;
  exported?: string;
  records: Record<string, LedgerRecord>;
}

export type ImportResult = { ok: true; count: number } | { ok: false; error: string };
