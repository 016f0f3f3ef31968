// Shared by the size check and the benchmark: sizes of built entries and their static import closures.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const cache = new Map();
export function sizes(file) {
  if (cache.has(file)) return cache.get(file);
  const buf = readFileSync(file);
  const s = {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  cache.set(file, s);
  return s;
}

/** Static imports of a built ES module (dynamic `import()` excluded). */
export function staticImports(file) {
  const src = readFileSync(file, 'utf8');
  const out = new Set();
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  let m;
  while ((m = re.exec(src))) {
    const target = normalize(join(dirname(file), m[1]));
    if (existsSync(target)) out.add(target);
  }
  return [...out];
}

/** Every file reached through static imports from the given entries (entries included). */
export function closure(entries) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...staticImports(f));
  }
  return seen;
}

export function total(files, kind = 'gzip') {
  let n = 0;
  for (const f of files) n += sizes(f)[kind];
  return n;
}
