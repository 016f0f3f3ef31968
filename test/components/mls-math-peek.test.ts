import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/lab/mls-math-peek.js';
import type { MlsMathPeek } from '../../components/lab/mls-math-peek.js';
import { katexRequestCount } from '../../src/math.js';
import { alertText, quietly } from '../helpers/index.js';

function katexResources(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /katex/i.test(n));
}

const details = (el: MlsMathPeek) => el.shadowRoot!.querySelector('details') as HTMLDetailsElement;
const summary = (el: MlsMathPeek) => el.shadowRoot!.querySelector('summary') as HTMLElement;

// Note: TeX backslashes are doubled inside html`` (\f would be a form feed).
const panel = () => html`<mls-math-peek>
  <p>Time to move the data:</p>
  <div data-tex="display">T = \\frac{D}{BW}</div>
  <p>where <span data-tex>D</span> is bytes and <span data-tex="inline">BW</span> is bandwidth.</p>
</mls-math-peek>`;

// Order matters: the first tests run before anything in this page has loaded KaTeX.
describe('<mls-math-peek>', () => {
  it('is closed by default, with the default heading, and loads nothing of KaTeX', async () => {
    const el = await fixture<MlsMathPeek>(panel());
    expect(details(el).open).to.equal(false);
    expect(summary(el).textContent).to.contain('The governing equations');
    expect(el.querySelector('math')).to.equal(null);
    expect(katexRequestCount()).to.equal(0);
    expect(katexResources()).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // still nothing after the accessibility pass and a while of idling
    await new Promise((r) => setTimeout(r, 50));
    expect(katexRequestCount()).to.equal(0);
    expect(katexResources()).to.deep.equal([]);
  });

  it('opens from the keyboard and then typesets every data-tex element as MathML', async () => {
    const el = await fixture<MlsMathPeek>(panel());
    summary(el).focus();
    const toggled = oneEvent(details(el), 'toggle');
    await sendKeys({ press: 'Enter' });
    await toggled;
    await el.updateComplete;
    await el.typesetComplete;
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(katexRequestCount()).to.equal(1);
    expect(katexResources().length).to.be.greaterThan(0);
    const maths = el.querySelectorAll('math');
    expect(maths.length).to.equal(3);
    expect(el.querySelector('[data-tex="display"] math')!.getAttribute('display')).to.equal('block');
    expect(el.querySelector('[data-tex="display"] mfrac')).to.exist;
    expect(el.querySelector('[data-tex="display"]')!.getAttribute('data-tex-source')).to.equal('T = \\frac{D}{BW}');
    await expect(el).to.be.accessible();
  });

  it('typesets once: closing and reopening does not re-render the math', async () => {
    const el = await fixture<MlsMathPeek>(panel());
    summary(el).click();
    await oneEvent(details(el), 'toggle');
    await el.updateComplete;
    await el.typesetComplete;
    const first = el.querySelector('math');
    expect(first !== null, 'typeset on first open').to.equal(true);
    summary(el).click();
    await oneEvent(details(el), 'toggle');
    expect(el.open).to.equal(false);
    summary(el).click();
    await oneEvent(details(el), 'toggle');
    await el.updateComplete;
    await el.typesetComplete;
    // compare identities as booleans: chai's failure message would try to print a MathML node
    expect(el.querySelector('math') === first, 'same <math> node').to.equal(true);
    expect(el.querySelectorAll('math').length).to.equal(3);
  });

  it('honours open and heading attributes', async () => {
    const el = await fixture<MlsMathPeek>(
      html`<mls-math-peek open heading="The Iron Law"><span data-tex>T = \\frac{O}{R}</span></mls-math-peek>`,
    );
    await el.typesetComplete;
    expect(details(el).open).to.equal(true);
    expect(summary(el).textContent).to.contain('The Iron Law');
    expect(el.querySelector('math mfrac')).to.exist;
  });

  it('shows bad TeX as source with a role="alert" note instead of throwing', async () => {
    const { result: el } = await quietly(async () => {
      const e = await fixture<MlsMathPeek>(html`<mls-math-peek open><span data-tex>\\frac{a}{</span></mls-math-peek>`);
      await e.typesetComplete;
      return e;
    });
    const span = el.querySelector('[data-tex]')!;
    expect(span.querySelector('code')!.textContent).to.equal('\\frac{a}{');
    expect(span.querySelector('[role="alert"]')!.textContent).to.match(/could not typeset/);
  });

  it('flags an unknown data-tex mode with a role="alert" naming data-tex (and typesets it inline)', async () => {
    const { result: el } = await quietly(async () => {
      const e = await fixture<MlsMathPeek>(html`<mls-math-peek open><span data-tex="block">x^2</span></mls-math-peek>`);
      await e.typesetComplete;
      await e.updateComplete;
      return e;
    });
    expect(alertText(el)).to.contain('data-tex');
    expect(alertText(el)).to.contain('block');
    expect(el.querySelector('math')!.getAttribute('display')).to.not.equal('block');
  });
});
