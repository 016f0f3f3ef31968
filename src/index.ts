/**
 * mlsys-labs: importing this module registers every mls-* element and exposes the runtime.
 * For pages that should load only the elements they use, import `mlsys-labs/autoload` instead.
 */
export * from './generated/elements.js';
export { LabScope, scopeContext } from './scope.js';
export { DesignLedger, ledgerKey, migrate, validateRecord, LEDGER_STORAGE_KEY, LEDGER_SCHEMA_VERSION } from './ledger/store.js';
export type { LedgerStatus, LedgerOptions } from './ledger/store.js';
export type { LedgerRecord, LedgerFields, LedgerFile, ImportResult } from './ledger/types.js';
export { ledgerContext, pageLedger, setPageLedger } from './ledger/context.js';
export { emit } from './events.js';
export type { MlsEventMap, MlsEventName, MlsEvent } from './events.js';
export { MlsElement } from './base.js';
export { defineElement, LIBRARY_VERSION } from './define.js';
export { formatValue, formatSI, formatNumber, formatSeconds, formatBytes, formatBytesBinary } from './format.js';
export { installTokens, tokenSheetText } from './theme.js';
