/**
 * The act context: `<mls-act n="2">` provides its number to everything inside it, so a
 * prediction lock or a failure banner can say which act it belongs to (in its scope value and
 * its events) without `<mls-lab>` having to query the DOM for tags. String key, so two copies
 * of the bundle on one page share the context.
 */
import { createContext } from '@lit/context';

export type ActNumber = 1 | 2;

export const actContext = createContext<ActNumber | undefined>('mls-act-number');

/** Parse an act number attribute: 1 or 2, else undefined. */
export function parseAct(raw: unknown): ActNumber | undefined {
  const t = String(raw ?? '').trim();
  return t === '1' ? 1 : t === '2' ? 2 : undefined;
}
