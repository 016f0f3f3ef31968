import { expect } from '@open-wc/testing';
import * as physics from '../../physics/index.js';
import * as units from '../../physics/units.js';
import * as registry from '../../physics/registry.js';
import * as tiers from '../../physics/tiers.js';
import * as roofline from '../../physics/roofline.js';
import * as compute from '../../physics/compute.js';
import * as memory from '../../physics/memory.js';
import * as inference from '../../physics/inference.js';
import * as ironlaw from '../../physics/ironlaw.js';
import * as workload from '../../physics/workload.js';
import * as systems from '../../physics/systems.js';
import * as labs from '../../physics/labs/index.js';

// Every physics module must stay DOM-free so Node can import dist/physics.js. The list of modules
// comes from the test server (/__physics.json, web-test-runner.config.mjs walks physics/), so a new
// module is checked the day it is added. scripts/check-boundaries.mjs checks the import rules for
// every layer in CI; this repeats the physics part where the tests run. The server sends each
// module's source as written: the .ts files it serves to the browser are compiled by esbuild.
const modules: Array<{ path: string; source: string }> = await (await fetch('/__physics.json')).json();
const paths = modules.map((m) => m.path);
const DOM_WORDS = /\b(document|window|customElements|HTMLElement|localStorage|navigator|globalThis\.document)\b/;
const FORBIDDEN_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]((?:lit|lit-html|lit-element|@lit\/[^'"]*|uplot|katex)(?:\/[^'"]*)?|(?:\.\.\/)+(?:src|components)\/[^'"]*)['"]/;

/** Source text without comments (DOM words in prose are fine). */
function code(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('physics is DOM-free', () => {
  it('discovers every physics module, the lab scenarios included', () => {
    for (const m of [
      '/physics/index.ts',
      '/physics/units.ts',
      '/physics/serving.ts',
      '/physics/distributed.ts',
      '/physics/workload.ts',
      '/physics/tiers.ts',
      '/physics/labs/index.ts',
      '/physics/labs/shared.ts',
      '/physics/labs/v1-01.ts',
    ]) {
      expect(paths, m).to.include(m);
    }
    expect(modules.length).to.be.greaterThan(30);
  });

  for (const { path, source } of modules) {
    it(`${path.slice(1)} uses no browser globals and imports no DOM code`, () => {
      expect(source.length).to.be.greaterThan(100);
      const body = code(source);
      expect(body.match(DOM_WORDS)?.[0] ?? null, path).to.equal(null);
      expect(body.match(FORBIDDEN_IMPORT)?.[1] ?? null, `${path} imports`).to.equal(null);
    });
  }

  it('the forbidden-import pattern catches what it should', () => {
    for (const bad of [
      "import { html } from 'lit';",
      "import type { Context } from '@lit/context';",
      "import '../src/theme.js';",
      "export { a } from '../../components/lab/mls-act.js';",
      "const k = await import('katex');",
      "import uPlot from 'uplot';",
      'import { LitElement } from "lit";',
    ]) {
      expect(code(bad), bad).to.match(FORBIDDEN_IMPORT);
    }
    for (const ok of [
      "import { gemm } from './compute.js';",
      "import { nearestOption } from './shared.js';",
      "// import { html } from 'lit';",
    ]) {
      expect(code(ok), ok).not.to.match(FORBIDDEN_IMPORT);
    }
  });

  it('index re-exports the compute/memory/systems API', () => {
    for (const name of [
      'getDevice',
      'getModel',
      'ridgePoint',
      'roofline',
      'gemm',
      'kvCacheBytes',
      'trainingMemory',
      'prefillTime',
      'decodeStep',
      'ironLaw',
      'propagationDelay',
      'pipelineThroughput',
      'PRECISION_BYTES',
      'DEPLOYMENT_CONTEXTS',
      'batchWorkload',
      'workloadOnDevice',
      'computeBoundBatch',
      'evaluateDesign',
      'tierFigures',
      'magnitudeGap',
    ]) {
      expect((physics as Record<string, unknown>)[name], name).to.not.equal(undefined);
    }
  });

  it('keeps lab scenario names out of the formula API (they are mlsys-labs/physics/labs)', () => {
    const leaked = Object.keys(labs).filter((name) => name in physics);
    expect(leaked).to.deep.equal([]);
    expect(labs.LAB_DERIVATIONS['v1-01.act1']).to.be.a('function');
  });

  it('every export of these modules has a heading in docs/physics/compute-memory-systems.md', async () => {
    const doc = await (await fetch('/docs/physics/compute-memory-systems.md')).text();
    const missing: string[] = [];
    for (const mod of [units, registry, tiers, roofline, compute, memory, inference, ironlaw, workload, systems]) {
      for (const name of Object.keys(mod)) if (!doc.includes('### `' + name + '`')) missing.push(name);
    }
    expect(missing).to.deep.equal([]);
  });
});
