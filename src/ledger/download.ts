/**
 * Save the ledger as a JSON file through a temporary object-URL link inside `host`
 * (the HUD and the gallery both offer Export). Returns what was saved; throws when the
 * browser refuses (the caller shows the message).
 */
import type { DesignLedger } from './store.js';

export interface LedgerDownload {
  text: string;
  filename: string;
  count: number;
}

export function downloadLedger(ledger: DesignLedger, host: ParentNode & Node): LedgerDownload {
  const text = ledger.export();
  const count = ledger.size;
  const filename = `mlsys-labs-ledger-${new Date().toISOString().slice(0, 10)}.json`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  host.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { text, filename, count };
}
