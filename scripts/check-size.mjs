// Size budgets (bench/size-budgets.json), enforced in CI after `npm run build`.
// - autoload: dist/autoload.js (what a lab page's script tag fetches first);
// - core: Lit, the runtime and the core elements (scripts/gen-elements.mjs CORE_TAGS): the union
//   of their static import closures, i.e. what every lab page loads;
// - each other element: what its entry adds on top of the core;
// - physics: dist/physics.js with its chunks (the Node-safe physics layer);
// - physicsLabs: dist/physics-labs.js with its chunks (every lab's scenario contract).
// Sizes are gzip -9 bytes. Prints a table; exits 1 when any budget is exceeded or missing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { closure, total } from './size-lib.mjs';
import { CORE_TAGS } from './gen-elements.mjs';

const budgets = JSON.parse(readFileSync('bench/size-budgets.json', 'utf8'));
if (!existsSync('dist/elements')) {
  console.error('size: run `npm run build` first');
  process.exit(1);
}

const el = (t) => `dist/elements/${t}.js`;
const core = closure(CORE_TAGS.map(el));
const rows = [
  ['autoload (dist/autoload.js)', total(['dist/autoload.js']), budgets.autoload?.maxGzip],
  [`core (Lit, runtime, ${CORE_TAGS.length} core elements)`, total(core), budgets.core.maxGzip],
];

const others = readdirSync('dist/elements')
  .filter((f) => f.endsWith('.js'))
  .map((f) => f.replace(/\.js$/, ''))
  .filter((t) => t.startsWith('mls-') && !CORE_TAGS.includes(t))
  .sort();
for (const t of others) {
  const added = [...closure([el(t)])].filter((f) => !core.has(f));
  rows.push([`${t} (on top of core)`, total(added), budgets.instruments[t] ?? budgets.instrumentDefaultMaxGzip]);
}
rows.push(['physics (dist/physics.js and its chunks)', total(closure(['dist/physics.js'])), budgets.physics.maxGzip]);
rows.push(['physics-labs (dist/physics-labs.js and its chunks)', total(closure(['dist/physics-labs.js'])), budgets.physicsLabs?.maxGzip]);

let failed = 0;
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'budget'.padEnd(w)}  ${'gzip B'.padStart(8)}  ${'max B'.padStart(8)}  status`);
for (const [name, bytes, max] of rows) {
  const ok = typeof max === 'number' && bytes <= max;
  if (!ok) failed++;
  console.log(
    `${name.padEnd(w)}  ${String(bytes).padStart(8)}  ${String(max ?? '—').padStart(8)}  ${ok ? 'ok' : typeof max !== 'number' ? 'NO BUDGET' : `OVER by ${bytes - max} B`}`,
  );
}
if (failed) {
  console.error(`size: ${failed} budget(s) exceeded or missing (bench/size-budgets.json)`);
  process.exit(1);
}
