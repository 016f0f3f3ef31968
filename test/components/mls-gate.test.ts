import { fixture, html, expect, aTimeout } from '@open-wc/testing';
import '../../components/lab/mls-lab.js';
import '../../components/lab/mls-gate.js';
import '../../components/assess/mls-prediction-lock.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import type { MlsGate } from '../../components/lab/mls-gate.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { emit } from '../../src/events.js';
import { alertText, shadowText } from '../helpers/index.js';

describe('mls-gate', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null })));

  it('keeps its template content out of the DOM and shows a note until the lock is locked', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="4">
      <mls-gate after="act1"><template><div class="inst">instrument</div><button>inside</button></template></mls-gate></mls-lab>`);
    const gate = lab.querySelector('mls-gate')!;
    await gate.updateComplete;
    expect(lab.querySelector('.inst')).to.equal(null);
    expect(shadowText(gate)).to.contain('Lock your prediction above to reveal the instruments.');
    expect(gate.open).to.equal(false);
    await expect(gate).to.be.accessible();

    lab.labScope.set('act1', { locked: true, value: 'A', label: 'a', correct: true });
    await gate.updateComplete;
    await aTimeout(0);
    const stamped = lab.querySelectorAll('.inst');
    expect(stamped).to.have.length(1);
    // stamped right after the template, in the gate's light DOM
    expect(gate.querySelector('template')!.nextElementSibling).to.equal(stamped[0]);
    expect(shadowText(gate)).not.to.contain('Lock your prediction');
    await expect(gate).to.be.accessible();
  });

  it('stamps exactly once, however often the scope value changes', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="4">
      <mls-gate after="act1"><template><div class="inst">instrument</div></template></mls-gate></mls-lab>`);
    const gate = lab.querySelector('mls-gate')!;
    for (let i = 0; i < 5; i++) {
      lab.labScope.set('act1', { locked: true, value: String(i), label: 'x', correct: null });
      await gate.updateComplete;
    }
    await aTimeout(0);
    expect(lab.querySelectorAll('.inst')).to.have.length(1);
  });

  it('opens on a reflection being answered', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="4">
      <mls-gate after="r1"><template><p class="next">next</p></template></mls-gate></mls-lab>`);
    lab.labScope.set('r1', { answered: true, value: 'B', correct: false });
    await aTimeout(0);
    expect(lab.querySelector('.next')).to.exist;
  });

  it('opens immediately when the scope already holds the lock (restore)', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="4"></mls-lab>`);
    lab.labScope.set('act1', { locked: true, value: 'A', label: 'a', correct: true });
    const gate = document.createElement('mls-gate') as MlsGate;
    gate.setAttribute('after', 'act1');
    gate.innerHTML = '<template><div class="inst">x</div></template>';
    lab.appendChild(gate);
    await aTimeout(0);
    expect(gate.open).to.equal(true);
    expect(lab.querySelectorAll('.inst')).to.have.length(1);
  });

  it('without a template, detaches its children on connect and puts them back when opened', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="4">
      <mls-gate after="act1"><div class="a">A</div><div class="b">B</div></mls-gate></mls-lab>`);
    const gate = lab.querySelector('mls-gate')!;
    expect(gate.querySelector('.a')).to.equal(null);
    expect(gate.children).to.have.length(0);
    lab.labScope.set('act1', { locked: true, value: 'A', label: 'a', correct: true });
    await gate.updateComplete;
    expect([...gate.children].map((c) => c.className)).to.deep.equal(['a', 'b']);
  });

  it('closes again and removes what it stamped when the lab is reset', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="4">
      <mls-gate after="act1"><template><div class="inst">x</div></template></mls-gate></mls-lab>`);
    const gate = lab.querySelector('mls-gate')!;
    lab.labScope.set('act1', { locked: true, value: 'A', label: 'a', correct: true });
    await gate.updateComplete;
    expect(lab.querySelectorAll('.inst')).to.have.length(1);
    lab.reset();
    await gate.updateComplete;
    expect(lab.querySelectorAll('.inst')).to.have.length(0);
    expect(gate.open).to.equal(false);
    lab.labScope.set('act1', { locked: true, value: 'B', label: 'b', correct: false });
    await gate.updateComplete;
    expect(lab.querySelectorAll('.inst')).to.have.length(1);
  });

  it('standalone, opens on an mls-lock event with its name', async () => {
    // Built by hand: fixture() of a plain <div> waits for an animation frame, which a
    // background test page (concurrency 2) may not get.
    const wrap = document.createElement('div');
    wrap.innerHTML = '<mls-gate after="p"><template><span class="s">s</span></template></mls-gate><i></i>';
    document.body.append(wrap);
    const gate = wrap.querySelector('mls-gate')!;
    await gate.updateComplete;
    emit(wrap.querySelector('i')!, 'mls-lock', { name: 'other', value: 'A', correct: null, act: null });
    await gate.updateComplete;
    expect(wrap.querySelector('.s')).to.equal(null);
    emit(wrap.querySelector('i')!, 'mls-lock', { name: 'p', value: 'A', correct: null, act: null });
    await gate.updateComplete;
    expect(wrap.querySelector('.s')).to.exist;
    wrap.remove();
  });

  it('flags a missing after attribute', async () => {
    const gate = await fixture<MlsGate>(html`<mls-gate></mls-gate>`);
    expect(alertText(gate)).to.contain('after');
  });
});
