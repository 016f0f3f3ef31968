// Assembles docs/physics.md (the formula sheet) from its parts in docs/physics/*.md.
// A test checks that every function exported by physics/index.ts has a heading in it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const parts = readdirSync('docs/physics')
  .filter((f) => f.endsWith('.md'))
  .sort();
const head = `# Physics formula sheet

Every function exported by \`mlsys-labs/physics\` (\`physics/index.ts\`), with its equation,
units, source and the labs that use it. All quantities are SI base units unless a section says
otherwise (bytes, seconds, FLOP, FLOP/s, B/s, W, J). This file is assembled from
\`docs/physics/*.md\` by \`node scripts/gen-physics-doc.mjs\`; \`test/physics/docs.test.ts\`
fails when an export has no entry here.

Contents: ${parts.map((p) => `[${p.replace(/\.md$/, '')}](#${p.replace(/\.md$/, '')})`).join(' · ')}
`;
const body = parts
  .map((p) => `\n<a id="${p.replace(/\.md$/, '')}"></a>\n\n${readFileSync(`docs/physics/${p}`, 'utf8').trim()}\n`)
  .join('\n');
writeFileSync('docs/physics.md', `${head}${body}`);
