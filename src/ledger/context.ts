/**
 * How elements find the ledger: an `<mls-ledger-provider>` provides one through
 * @lit/context; without a provider, every element on the page shares one page-level ledger.
 * A ContextRoot on the document makes load order irrelevant (a provider upgraded after
 * its consumers still reaches them).
 */
import { createContext, ContextRoot } from '@lit/context';
import { DesignLedger } from './store.js';

export const ledgerContext = createContext<DesignLedger | undefined>('mls-design-ledger');

const PAGE_KEY = Symbol.for('mlsys-labs.page-ledger');
const ROOT_KEY = Symbol.for('mlsys-labs.context-root');

type G = typeof globalThis & { [PAGE_KEY]?: DesignLedger; [ROOT_KEY]?: ContextRoot };

/** The page-level ledger, shared by every copy of the bundle on this page. */
export function pageLedger(): DesignLedger {
  const g = globalThis as G;
  if (!g[PAGE_KEY]) g[PAGE_KEY] = new DesignLedger();
  return g[PAGE_KEY]!;
}

/** Replace the page-level ledger (tests, or a host that wants its own storage). */
export function setPageLedger(ledger: DesignLedger | undefined): void {
  const g = globalThis as G;
  g[PAGE_KEY]?.dispose();
  g[PAGE_KEY] = ledger;
}

/** Attach one ContextRoot to the document (idempotent across bundle copies). */
export function ensureContextRoot(): void {
  const g = globalThis as G;
  if (g[ROOT_KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  g[ROOT_KEY] = root;
}
