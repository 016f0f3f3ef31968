#!/usr/bin/env node
// Import boundaries between the layers (docs/architecture.md, "Layers"). Scans every source file
// under physics/, src/ and components/ (found by walking the folders, never a hand list), reads
// each static import, re-export, type import and dynamic import() with TypeScript's own scanner,
// and fails naming file, line and import when:
//   1. an element (components/<role>/mls-*.ts, components/instruments/<name>/mls-<name>.ts) imports
//      physics/labs/** (lab scenarios are not general physics), or another file under components/
//      (shared element code belongs in src/); a test or story beside an element (*.test.ts,
//      *.stories.ts inside components/) may import files of its own folder (its element) and, under
//      test/, only test/helpers/**; never another folder's element;
//   2. a lab module physics/labs/vX-YY.ts imports another lab module (shared.ts, index.ts and
//      types are allowed), so a late lab never depends on an earlier lab's scenario;
//   3. physics/** imports src/, components/, lit, @lit/*, uplot or katex (physics stays pure and
//      Node-safe), or a formula module outside physics/labs/ imports physics/labs/ (the formula
//      API must not carry lab scenario names);
//   4. src/** imports components/, except the entry points that register elements
//      (src/generated/**, src/index.ts, src/autoload.ts).
// Exit 0 and one summary line when clean; exit 1 with the list of violations otherwise.
// Usage: node scripts/check-boundaries.mjs [root]   (root defaults to the repository)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const LAYERS = ['physics', 'src', 'components'];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const LAB_MODULE = /^physics\/labs\/v\d+-\d+(\.[a-z]+)?$/;
const DOM_PACKAGES = /^(lit|lit-html|lit-element|@lit\/[^/]+|uplot|katex)(\/|$)/;
const SRC_ENTRIES = /^src\/(generated\/|index\.ts$|autoload\.ts$)/;
/** A test or story file kept beside its element inside components/. */
const BESIDE = /\.(test|stories)\.ts$/;

/** Every source file under the layer folders, as repository-relative POSIX paths. */
function sourceFiles() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const layer of LAYERS) {
    try {
      statSync(join(ROOT, layer));
    } catch {
      continue;
    }
    walk(layer);
  }
  return out.sort();
}

/** The imports of one file: { specifier, line, target } (target: repository path for relative ones). */
function importsOf(file) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((ref) => {
    const specifier = ref.fileName;
    const line = text.slice(0, ref.pos).split('\n').length;
    const target = specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : null;
    return { specifier, line, target };
  });
}

/** Why this import breaks a rule, or null. */
function violation(file, { specifier, target }) {
  const into = (prefix) => target !== null && (target === prefix || target.startsWith(`${prefix}/`));
  if (target !== null && target.startsWith('..')) return 'imports a file outside the repository';
  if (file.startsWith('components/') && BESIDE.test(file)) {
    if (into('components') && posix.dirname(target) !== posix.dirname(file))
      return 'a test or story beside an element imports only its own element (a file of its folder), not another element';
    if (into('test') && !into('test/helpers')) return 'a test or story beside an element imports from test/ only test/helpers/**';
    return null;
  }
  if (file.startsWith('components/')) {
    if (into('physics/labs'))
      return 'components may not import lab scenario modules (physics/labs/**): move the physics into a formula module';
    if (into('components')) return 'components may not import other components: move the shared code into src/';
  }
  if (file.startsWith('physics/')) {
    if (LAB_MODULE.test(file) && into('physics/labs') && LAB_MODULE.test(target)) {
      return 'a lab module may not import another lab module: move the shared code into physics/labs/shared.ts or a formula module';
    }
    if (into('src') || into('components')) return 'physics may not import the runtime (src/) or elements (components/)';
    if (target === null && DOM_PACKAGES.test(specifier)) return 'physics may not import lit, @lit/*, uplot or katex';
    if (!file.startsWith('physics/labs/') && into('physics/labs')) return 'formula modules may not import lab scenarios (physics/labs/**)';
  }
  if (file.startsWith('src/') && !SRC_ENTRIES.test(file) && into('components')) {
    return 'src/ may not import components/ (only src/generated/**, src/index.ts and src/autoload.ts register elements)';
  }
  return null;
}

const files = sourceFiles();
const problems = [];
for (const file of files) {
  for (const imp of importsOf(file)) {
    const why = violation(file, imp);
    if (why) problems.push(`  ${file}:${imp.line}  imports '${imp.specifier}'\n      ${why}`);
  }
}
const where = relative(process.cwd(), ROOT).split(sep).join('/') || '.';
if (problems.length) {
  console.error(
    `import boundaries: ${files.length} files, ${problems.length} violation${problems.length === 1 ? '' : 's'} (${where}):\n${problems.join('\n')}`,
  );
  process.exit(1);
}
console.log(`import boundaries: ${files.length} files, 0 violations`);
