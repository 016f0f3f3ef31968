/**
 * The one pair syntax of the lab language: space-separated `key:value` tokens, e.g.
 * `record="distance:$distance batch:$batch"`, `devices="cloud:a100 edge:jetson-orin-nx"`,
 * `baseline="h100:jetson-orin-nx jetson-orin-nx:h100"`. Every attribute that maps names to
 * values uses this parser, so there is one grammar (documented in docs/architecture.md) and one
 * error message shape. Keys are identifiers (letters, digits, `_`, `-`, `.`); a value is any
 * run of non-space characters after the first colon (it may itself be a `$ref`).
 */

export interface ParsedPairs {
  /** The pairs in the order written; a repeated key keeps its last value. */
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  /** Tokens that are not `key:value` (empty when the whole attribute parsed). */
  readonly bad: readonly string[];
}

const KEY = /^[A-Za-z0-9_][\w.-]*$/;

/** Parse `key:value key:value`. Never throws; bad tokens are returned in `bad`. */
export function parsePairs(raw: string | null | undefined): ParsedPairs {
  const seen = new Map<string, string>();
  const bad: string[] = [];
  for (const token of String(raw ?? '')
    .split(/\s+/)
    .filter(Boolean)) {
    const at = token.indexOf(':');
    const key = at > 0 ? token.slice(0, at) : '';
    const value = at > 0 ? token.slice(at + 1) : '';
    if (!KEY.test(key) || value === '') {
      bad.push(token);
      continue;
    }
    seen.delete(key); // a repeated key moves to its last position
    seen.set(key, value);
  }
  return { pairs: [...seen.entries()], bad };
}

/** The accepted-form text for error messages about a pair attribute. */
export function pairsAccepted(example: string): string {
  return `space-separated key:value pairs, e.g. ${example}`;
}
