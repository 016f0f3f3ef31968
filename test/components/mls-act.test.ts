import { fixture, html, expect } from '@open-wc/testing';
import '../../components/lab/mls-act.js';
import '../../components/lab/mls-lab.js';
import type { MlsAct } from '../../components/lab/mls-act.js';
import { alertText, squash } from '../helpers/index.js';

describe('mls-act', () => {
  it('Act I is "Calibration", a section labelled by its heading', async () => {
    const el = await fixture<MlsAct>(html`<mls-act n="1" title="The Memory Wall"><p>content</p></mls-act>`);
    const h = el.shadowRoot!.querySelector('h3')!; // one level below a lab's default h2
    expect(squash(h.textContent)).to.equal('IAct I — Calibration: The Memory Wall');
    const section = el.shadowRoot!.querySelector('section')!;
    expect(section.getAttribute('aria-labelledby')).to.equal(h.id);
    expect(el.hasAttribute('title')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('Act II is "Design Challenge"', async () => {
    const el = await fixture<MlsAct>(html`<mls-act n="2" title="The Budget"></mls-act>`);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.contain('Act II — Design Challenge: The Budget');
    expect(el.act).to.equal(2);
  });

  it('flags n outside 1–2 and keeps the last good act', async () => {
    const el = await fixture<MlsAct>(html`<mls-act n="2" title="x"></mls-act>`);
    el.n = '3';
    await el.updateComplete;
    expect(alertText(el)).to.contain('3');
    expect(el.act).to.equal(2);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.contain('Design Challenge');
  });
});

describe('mls-act heading level', () => {
  it('sits one level below the lab title: h2 under a lab with heading-level="1"', async () => {
    const lab = await fixture(
      html`<mls-lab volume="1" chapter="3" title="Page lab" heading-level="1"><mls-act n="1" title="x"></mls-act></mls-lab>`,
    );
    const act = lab.querySelector('mls-act')!;
    await act.updateComplete;
    expect(lab.shadowRoot!.querySelector('h1')!.textContent).to.equal('Page lab');
    expect(act.shadowRoot!.querySelector('h2')!.textContent).to.contain('Act I — Calibration: x');
    await expect(lab).to.be.accessible();
  });
});
