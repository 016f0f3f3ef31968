import { expect } from '@open-wc/testing';
import { LAB_CATALOG, catalogKey, findLab } from '../../src/catalog.js';

describe('labs catalogue (src/catalog.ts)', () => {
  it('lists all 34 labs: Volume I 00–16 and Volume II 01–17, in order', () => {
    expect(LAB_CATALOG.length).to.equal(34);
    const v1 = LAB_CATALOG.filter((l) => l.volume === 1).map((l) => l.chapter);
    const v2 = LAB_CATALOG.filter((l) => l.volume === 2).map((l) => l.chapter);
    expect(v1).to.deep.equal(Array.from({ length: 17 }, (_, i) => i));
    expect(v2).to.deep.equal(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(new Set(LAB_CATALOG.map(catalogKey)).size).to.equal(34);
  });

  it('gives every lab a title, chapter, core invariant and at least one context', () => {
    for (const l of LAB_CATALOG) {
      const k = catalogKey(l);
      expect(l.title.trim(), `${k} title`).to.not.equal('');
      expect(l.chapterTitle.trim(), `${k} chapter`).to.not.equal('');
      expect(l.invariant.length, `${k} invariant`).to.be.greaterThan(20);
      expect(l.contexts.length, `${k} contexts`).to.be.greaterThan(0);
    }
    expect(findLab(1, 0)?.title).to.equal("The Architect's Portal");
    expect(findLab(2, 17)?.title).to.equal('The Constraints Never Lie');
    expect(findLab(2, 0)).to.equal(undefined);
  });

  it('links exactly the lab pages that exist under labs/', async () => {
    const pages: string[] = await (await fetch('/__labs.json')).json();
    const linked = LAB_CATALOG.filter((l) => l.path)
      .map((l) => `/labs/${l.path}`)
      .sort();
    const missing = pages.filter((p) => !linked.includes(p));
    const dangling = linked.filter((p) => !pages.includes(p));
    expect(missing, 'pages under labs/ without a catalogue path (add them to BUILT in src/catalog.ts)').to.deep.equal([]);
    expect(dangling, 'catalogue paths with no page').to.deep.equal([]);
  });
});
