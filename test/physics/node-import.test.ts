import { expect } from '@open-wc/testing';
import * as physics from '../../physics/index.js';
import * as units from '../../physics/units.js';
import * as registry from '../../physics/registry.js';
import * as roofline from '../../physics/roofline.js';
import * as compute from '../../physics/compute.js';
import * as memory from '../../physics/memory.js';
import * as inference from '../../physics/inference.js';
import * as ironlaw from '../../physics/ironlaw.js';
import * as systems from '../../physics/systems.js';

/** The modules of the compute/memory/systems part; each must stay DOM-free so Node can import it. */
const MODULES = ['units', 'registry', 'roofline', 'compute', 'memory', 'inference', 'ironlaw', 'systems'];
const DOM_WORDS = /\b(document|window|customElements|HTMLElement|localStorage|navigator|globalThis\.document)\b/;

describe('physics is DOM-free', () => {
  for (const name of MODULES) {
    it(`physics/${name}.ts uses no browser globals`, async () => {
      const src = await (await fetch(`/physics/${name}.ts`)).text();
      expect(src.length).to.be.greaterThan(100);
      // strip comments before looking for DOM identifiers
      const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
      expect(code.match(DOM_WORDS)?.[0] ?? null, name).to.equal(null);
      expect(code).not.to.match(/from '(lit|@lit|uplot|katex)/);
    });
  }
  it('index re-exports the compute/memory/systems API', () => {
    for (const name of ['getDevice', 'getModel', 'ridgePoint', 'roofline', 'gemm', 'kvCacheBytes', 'trainingMemory', 'prefillTime', 'decodeStep', 'ironLaw', 'propagationDelay', 'pipelineThroughput', 'PRECISION_BYTES', 'DEPLOYMENT_CONTEXTS']) {
      expect((physics as Record<string, unknown>)[name], name).to.not.equal(undefined);
    }
  });

  it('every export of these modules has a heading in docs/physics/compute-memory-systems.md', async () => {
    const doc = await (await fetch('/docs/physics/compute-memory-systems.md')).text();
    const missing: string[] = [];
    for (const mod of [units, registry, roofline, compute, memory, inference, ironlaw, systems]) {
      for (const name of Object.keys(mod)) if (!doc.includes('### `' + name + '`')) missing.push(name);
    }
    expect(missing).to.deep.equal([]);
  });
});
