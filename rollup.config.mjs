// Builds:
//   dist/mlsys-labs.js   every element registered (minified ESM; KaTeX in its own lazy chunk)
//   dist/autoload.js     registers only the mls-* tags present on the page (what labs load)
//   dist/physics.js      the physics layer alone (Node-safe: no DOM touched at import)
//   dist/elements/*.js   one entry per element
// Declarations are emitted by `tsc -p tsconfig.build.json` into dist/types.
import { readdirSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const elements = readdirSync('components').filter((f) => /^mls-[a-z0-9-]+\.ts$/.test(f));
const input = {
  'mlsys-labs': 'src/index.ts',
  autoload: 'src/autoload.ts',
  physics: 'physics/index.ts',
  ...Object.fromEntries(elements.map((f) => [`elements/${f.replace(/\.ts$/, '')}`, `components/${f}`])),
};

export default {
  input,
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks(id) {
      if (id.includes('node_modules/katex')) return 'katex';
      if (id.includes('node_modules/uplot')) return 'uplot';
      if (id.includes('node_modules/lit') || id.includes('node_modules/@lit')) return 'lit';
      return undefined;
    },
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((i) => i.includes('node_modules'))) return;
    warn(warning);
  },
  plugins: [
    resolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: undefined, rootDir: undefined, sourceMap: true }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};
