import { expect } from '@open-wc/testing';
import { renderTex, katexRequestCount, loadKatex } from '../../src/math.js';
import { quietly } from '../helpers/index.js';

function katexResources(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /katex/i.test(n));
}

describe('renderTex (lazy KaTeX, MathML output)', () => {
  it('fetches nothing of KaTeX until first used, then fetches it once for concurrent calls', async () => {
    expect(katexRequestCount()).to.equal(0);
    expect(katexResources()).to.deep.equal([]);
    const a = document.createElement('span');
    const b = document.createElement('span');
    document.body.append(a, b);
    await Promise.all([renderTex('x^2', a, false), renderTex('y_1', b, false)]);
    await renderTex('z', a, false);
    expect(katexRequestCount()).to.equal(1);
    expect(katexResources().length).to.be.greaterThan(0);
    a.remove();
    b.remove();
  });

  it('renders a fraction as native MathML (no HTML layout spans), inline and display', async () => {
    const inline = document.createElement('span');
    const display = document.createElement('div');
    document.body.append(inline, display);
    await renderTex('\\frac{D}{BW}', inline, false);
    await renderTex('T = \\frac{D}{BW}', display, true);
    const m1 = inline.querySelector('math');
    const m2 = display.querySelector('math');
    expect(m1, 'inline <math>').to.exist;
    expect(m2, 'display <math>').to.exist;
    expect(m1!.querySelector('mfrac')).to.exist;
    expect(m2!.getAttribute('display')).to.equal('block');
    expect(m1!.getAttribute('display')).to.not.equal('block');
    // output: 'mathml' means no .katex-html (the font-dependent HTML rendering) is produced.
    expect(inline.querySelector('.katex-html')).to.equal(null);
    // The TeX source travels along as an annotation for assistive tech and copy/paste.
    expect(m2!.querySelector('annotation')!.textContent).to.equal('T = \\frac{D}{BW}');
    inline.remove();
    display.remove();
  });

  it('shows the TeX source with a role="alert" note on a parse error, and does not throw', async () => {
    const target = document.createElement('span');
    document.body.append(target);
    const { warnings } = await quietly(() => renderTex('\\frac{a}{', target, false));
    expect(target.querySelector('math')).to.equal(null);
    expect(target.querySelector('code')!.textContent).to.equal('\\frac{a}{');
    const alert = target.querySelector('[role="alert"]');
    expect(alert, 'alert').to.exist;
    expect(alert!.textContent).to.match(/could not typeset/i);
    expect(warnings.length).to.equal(1);
    target.remove();
  });

  it('hands out one cached module', async () => {
    const [k1, k2] = await Promise.all([loadKatex(), loadKatex()]);
    expect(k1).to.equal(k2);
    expect(typeof k1.render).to.equal('function');
    expect(katexRequestCount()).to.equal(1);
  });
});
