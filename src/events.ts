/**
 * Typed `mls-*` events. Every event bubbles and is composed, so a host page (or an LMS
 * bridge) can listen at `document` whatever shadow roots lie between.
 */
import type { LedgerRecord } from './ledger/types.js';

export interface MlsEventMap {
  /** A prediction was locked. */
  'mls-lock': { name: string; value: string | number; correct: boolean | null; act: 1 | 2 | null };
  /** A control or instrument changed a named scope value. */
  'mls-change': { name: string; value: unknown };
  /** A reflection or concept check was answered. */
  'mls-answer': { name: string; value: string | string[]; correct: boolean; attempts: number; firstCorrect: boolean };
  /** The deployment context changed. */
  'mls-context-change': { context: string; name: string };
  /** A failure state became active or cleared. */
  'mls-failure': { name: string; active: boolean; message: string; act: 1 | 2 | null };
  /** A ledger record changed (upsert, import, reset, or another tab). */
  'mls-ledger-change': { key: string | null; record: LedgerRecord | null; origin: 'local' | 'remote' | 'import' | 'reset' };
  /** An attribute was rejected; the element keeps its last good state. */
  'mls-invalid': { attribute: string; received: string; accepted: string };
}

export type MlsEventName = keyof MlsEventMap;
export type MlsEvent<K extends MlsEventName> = CustomEvent<MlsEventMap[K]>;

declare global {
  interface HTMLElementEventMap {
    'mls-lock': MlsEvent<'mls-lock'>;
    'mls-change': MlsEvent<'mls-change'>;
    'mls-answer': MlsEvent<'mls-answer'>;
    'mls-context-change': MlsEvent<'mls-context-change'>;
    'mls-failure': MlsEvent<'mls-failure'>;
    'mls-ledger-change': MlsEvent<'mls-ledger-change'>;
    'mls-invalid': MlsEvent<'mls-invalid'>;
  }
}

/** Dispatch a typed, bubbling, composed event from `target`. Returns the event. */
export function emit<K extends MlsEventName>(target: EventTarget, name: K, detail: MlsEventMap[K]): MlsEvent<K> {
  const event = new CustomEvent(name, { detail, bubbles: true, composed: true });
  target.dispatchEvent(event);
  return event;
}
