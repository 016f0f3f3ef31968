import { expect } from '@open-wc/testing';
import * as physics from '../../physics/index.js';

// The formula sheet cannot fall behind the exports: every exported function of physics/index.ts
// must have a "### `name`" heading in docs/physics.md (assembled from docs/physics/*.md).
describe('docs/physics.md formula sheet', () => {
  const exportedFunctions = () =>
    Object.entries(physics)
      // Lab scenarios are not in physics/index.ts (they are mlsys-labs/physics/labs, documented per lab).
      .filter(([k, v]) => typeof v === 'function' && !/^[A-Z]/.test(k))
      .map(([k]) => k);

  it('documents every exported physics function', async () => {
    const res = await fetch('/docs/physics.md');
    expect(res.ok, 'docs/physics.md is served').to.equal(true);
    const text = await res.text();
    const documented = new Set([...text.matchAll(/^###\s+`([A-Za-z0-9_]+)`/gm)].map((m) => m[1]));
    const functions = exportedFunctions();
    const missing = functions.filter((f) => !documented.has(f));
    expect(functions.length).to.be.greaterThan(0);
    expect(missing, `undocumented exports: ${missing.join(', ')}`).to.deep.equal([]);
  });

  it('gives every documented function an equation and the labs that use it', async () => {
    const text = await (await fetch('/docs/physics.md')).text();
    const fns = new Set(exportedFunctions());
    // Sections for functions need an equation; constants (registries, id lists) need only their labs.
    const sections = text
      .split(/^###\s+/m)
      .slice(1)
      .filter((s) => fns.has(s.slice(1, s.indexOf('`', 1))));
    expect(sections.length).to.be.greaterThan(0);
    const bad = sections.filter((s) => !/\$\$[\s\S]+?\$\$|\$[^$\n]+\$/.test(s) || !/Labs?:/i.test(s)).map((s) => s.split('\n')[0]);
    expect(bad, `sections without an equation or a "Labs:" line: ${bad.join(', ')}`).to.deep.equal([]);
  });
});
