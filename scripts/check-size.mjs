// Size budgets (bench/size-budgets.json), enforced in CI after `npm run build`.
// - core: Lit + runtime + the structural elements (the union of their static import closures);
// - each instrument: what its entry adds on top of the core;
// - physics: dist/physics.js alone.
// Sizes are gzip -9 bytes. Prints a table; exits 1 when any budget is exceeded.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { closure, total } from './size-lib.mjs';

const budgets = JSON.parse(readFileSync('bench/size-budgets.json', 'utf8'));
if (!existsSync('dist/elements')) { console.error('size: run `npm run build` first'); process.exit(1); }

const el = (t) => `dist/elements/${t}.js`;
const core = closure(budgets.core.elements.map(el));
const coreBytes = total(core);
const rows = [['core (Lit, runtime, structural elements)', coreBytes, budgets.core.maxGzip]];

const instruments = readdirSync('dist/elements').filter((f) => f.endsWith('.js')).map((f) => f.replace(/\.js$/, '')).filter((t) => t.startsWith('mls-') && !budgets.core.elements.includes(t)).sort();
for (const t of instruments) {
  const added = [...closure([el(t)])].filter((f) => !core.has(f));
  const max = budgets.instruments[t] ?? budgets.instrumentDefaultMaxGzip;
  rows.push([`${t} (on top of core)`, total(added), max]);
}
rows.push(['physics (dist/physics.js)', total(closure(['dist/physics.js'])), budgets.physics.maxGzip]);

let failed = 0;
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'budget'.padEnd(w)}  ${'gzip B'.padStart(8)}  ${'max B'.padStart(8)}  status`);
for (const [name, bytes, max] of rows) {
  const ok = bytes <= max;
  if (!ok) failed++;
  console.log(`${name.padEnd(w)}  ${String(bytes).padStart(8)}  ${String(max).padStart(8)}  ${ok ? 'ok' : `OVER by ${bytes - max} B`}`);
}
if (failed) { console.error(`size: ${failed} budget(s) exceeded (bench/size-budgets.json)`); process.exit(1); }
