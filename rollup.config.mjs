// Builds:
//   dist/mlsys-labs.js   every element registered (minified ESM; KaTeX in its own lazy chunk)
//   dist/autoload.js     registers only the mls-* tags present on the page (what labs load)
//   dist/physics.js      the physics layer alone (Node-safe: no DOM touched at import)
//   dist/physics-labs.js the lab scenarios and answer derivations (mlsys-labs/physics/labs; Node-safe)
//   dist/elements/*.js   one entry per element
// Declarations are emitted by `tsc -p tsconfig.build.json` into dist/types.
//
// Chunks (chunks/<name>-<hash>.js), chosen so a lab page loads in few requests and one round:
//   runtime  Lit and the runtime every element needs (base element, scope, ledger, theme, format)
//   core     the core elements (scripts/gen-elements.mjs CORE_TAGS, derived from the role folders
//            components/{lab,ledger,assess,controls,readouts}/ less NOT_CORE): lab structure and controls
//   chart    the chart base (src/chart.ts and src/chart/*) and uPlot
//   devices  the physics every element shares: units, errors, sourced constants, the device and
//            model registry (pure: dist/physics.js imports it too, and stays Node-safe)
//   katex    KaTeX, fetched only when a math panel first opens
//   others   the rest of physics, split by rollup along the instruments that use it (never in
//            a chunk with DOM code, so dist/physics.js stays Node-safe)
// dist/autoload.js gets, per tag, the list of files in its element's static import graph, and
// preloads them together (see src/autoload.ts).
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { CORE_TAGS, elementTags } from './scripts/gen-elements.mjs';

const elements = elementTags();
const tags = elements.map((e) => e.tag);
const input = {
  'mlsys-labs': 'src/index.ts',
  autoload: 'src/autoload.ts',
  physics: 'physics/index.ts',
  'physics-labs': 'physics/labs/index.ts',
  ...Object.fromEntries(elements.map((e) => [`elements/${e.tag}`, `${e.path}.ts`])),
};

const path = (id) => id.replace(/\\/g, '/');
// Lit and its directive base classes; the directives themselves (live, ref, static-html) go with
// the chunk that uses them (core, chart).
const LIT = /\/node_modules\/(lit|lit-html|lit-element|@lit)\/(?!.*(directives\/|static[.-]))/;
const RUNTIME = /\/src\/(base|scope|events|theme|define|format|icons)\.ts$|\/src\/ledger\//;
const CHART = /\/src\/chart\.ts$|\/src\/chart\/[^/]+\.ts$|\/src\/generated\/uplot-css\.ts$|\/node_modules\/uplot\//;
const DEVICES = /\/physics\/(errors|sourced|units|registry)\.ts$/;
const CORE = new RegExp(`/components/(?:[a-z0-9-]+/)+(${CORE_TAGS.join('|')})\\.ts$|/src/generated/core\\.ts$|/src/math\\.ts$`);

/** Write the preload lists into autoload.js: tag → every file of its static import graph. */
function autoloadPreload() {
  const PLACEHOLDER = '{"__mls_preload__":[]}';
  return {
    name: 'mls-autoload-preload',
    renderChunk(code, chunk, _options, meta) {
      if (chunk.name !== 'autoload' || !chunk.isEntry) return null;
      if (!code.includes(PLACEHOLDER)) this.error('autoload: the PRELOAD placeholder is missing from src/autoload.ts');
      const chunks = Object.values(meta.chunks);
      const graph = (fileName, seen = new Set()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const f of meta.chunks[fileName]?.imports ?? []) graph(f, seen);
        return seen;
      };
      const core = chunks.find((c) => c.name === 'core' && !c.isEntry);
      const map = {};
      for (const t of tags) {
        const target = CORE_TAGS.includes(t) ? core : chunks.find((c) => c.isEntry && c.name === `elements/${t}`);
        if (!target) this.error(`autoload: no chunk for <${t}>`);
        map[t] = [...graph(target.fileName)];
      }
      // File names still hold rollup's hash placeholders here; rollup replaces them in the output.
      return { code: code.replace(PLACEHOLDER, JSON.stringify(map)), map: null };
    },
  };
}

export default {
  input,
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks(rawId) {
      const id = path(rawId);
      if (id.includes('/node_modules/katex/')) return 'katex';
      // A manual chunk takes in the dependencies that no other manual chunk holds: the physics
      // that core elements use gets its own chunk, or it would land in `core` next to the DOM code.
      if (DEVICES.test(id)) return 'devices';
      if (CHART.test(id)) return 'chart';
      if (LIT.test(id) || RUNTIME.test(id)) return 'runtime';
      if (CORE.test(id)) return 'core';
      return undefined;
    },
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((i) => i.includes('node_modules'))) return;
    warn(warning);
  },
  plugins: [
    resolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.build.json',
      declaration: false,
      declarationMap: false,
      outDir: undefined,
      rootDir: undefined,
      sourceMap: true,
    }),
    autoloadPreload(),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};
