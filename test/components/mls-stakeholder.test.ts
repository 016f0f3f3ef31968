import { fixture, html, expect } from '@open-wc/testing';
import '../../components/lab/mls-stakeholder.js';
import type { MlsStakeholder } from '../../components/lab/mls-stakeholder.js';
import { alertText, shadowText } from '../helpers/index.js';

describe('mls-stakeholder', () => {
  it('shows "Incoming message · role", the name and the quote', async () => {
    const el = await fixture<MlsStakeholder>(html`<mls-stakeholder role="CTO, NovaSight AI" name="Dana Ruiz">
      We are paying for H100s that sit idle half the time.</mls-stakeholder>`);
    const t = shadowText(el);
    expect(t).to.contain('Incoming message · CTO, NovaSight AI');
    expect(t).to.contain('Dana Ruiz');
    const slot = el.shadowRoot!.querySelector('blockquote slot') as HTMLSlotElement;
    expect(slot.assignedNodes()[0].textContent).to.contain('sit idle');
    // `role` is the ARIA attribute too: the job title moves to `persona`, the ARIA role is note.
    expect(el.persona).to.equal('CTO, NovaSight AI');
    expect(el.getAttribute('role')).to.equal('note');
    await expect(el).to.be.accessible();
  });

  it('takes a regime colour from context, BlueLine by default', async () => {
    const el = await fixture<MlsStakeholder>(html`<mls-stakeholder role="Lead" context="edge">x</mls-stakeholder>`);
    const fig = el.shadowRoot!.querySelector('figure')!;
    expect(fig.classList.contains('ctx-edge')).to.equal(true);
    const plain = await fixture<MlsStakeholder>(html`<mls-stakeholder role="Lead">x</mls-stakeholder>`);
    expect(plain.shadowRoot!.querySelector('figure')!.className).to.equal('');
    expect(getComputedStyle(plain.shadowRoot!.querySelector('figure')!).borderLeftWidth).to.equal('5px');
  });

  it('flags an unknown context', async () => {
    const el = await fixture<MlsStakeholder>(html`<mls-stakeholder role="Lead" context="mars">x</mls-stakeholder>`);
    expect(alertText(el)).to.contain('mars');
  });
});
