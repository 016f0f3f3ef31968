import { fixture, html, expect, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/lab/mls-lab.js';
import '../../components/lab/mls-act.js';
import '../../components/assess/mls-prediction-lock.js';
import type { MlsPredictionLock } from '../../components/assess/mls-prediction-lock.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { alertText, shadowText as text } from '../helpers/index.js';

const radios = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const button = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=button]');

const fourOptions = html`
  <span slot="question">How much faster is the H100 than a Cortex-M7?</span>
  <option value="A" data-number="1e2">~100×</option>
  <option value="B" data-number="1e4">~10,000×</option>
  <option value="C" data-number="1e6">~1,000,000×</option>
  <option value="D" data-number="1e8">~100,000,000×</option>`;

describe('mls-prediction-lock', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null })));

  it('renders exactly four native radios under the question, and a disabled Lock button', async () => {
    const el = await fixture<MlsPredictionLock>(html`<mls-prediction-lock name="act1" answer="C">${fourOptions}</mls-prediction-lock>`);
    expect(radios(el)).to.have.length(4);
    expect(radios(el).map((r) => r.value)).to.deep.equal(['A', 'B', 'C', 'D']);
    expect(text(el)).to.contain('~1,000,000×');
    const legend = el.shadowRoot!.querySelector('legend slot[name=question]') as HTMLSlotElement;
    expect(legend.assignedNodes()[0].textContent).to.contain('How much faster');
    expect(button(el)!.textContent).to.contain('Lock prediction');
    expect(button(el)!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const count of [3, 5]) {
    it(`rejects ${count} options with a role="alert" naming the options and "exactly four"`, async () => {
      const opts = ['A', 'B', 'C', 'D', 'E'].slice(0, count);
      const el = await fixture<MlsPredictionLock>(html`<mls-prediction-lock name="act1">
        ${opts.map((o) => html`<option value=${o}>${o} text</option>`)}</mls-prediction-lock>`);
      expect(alertText(el), 'alert shown').to.not.equal('');
      expect(alertText(el)).to.contain('exactly four');
      expect(alertText(el)).to.contain(opts.join(', '));
      expect(radios(el)).to.have.length(0);
      expect(button(el)!.disabled).to.equal(true);
    });
  }

  it('rejects an answer that is not one of the options', async () => {
    const el = await fixture<MlsPredictionLock>(html`<mls-prediction-lock name="act1" answer="Z">${fourOptions}</mls-prediction-lock>`);
    expect(alertText(el)).to.contain('answer');
    expect(alertText(el)).to.contain('Z');
    expect(alertText(el)).to.contain('A, B, C, D');
  });

  it('is operable by keyboard: Tab into the group, Space to choose, arrow to move, Tab + Enter to lock', async () => {
    const el = await fixture<MlsPredictionLock>(html`<mls-prediction-lock name="act1" answer="C">${fourOptions}</mls-prediction-lock>`);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(radios(el)[0].checked).to.equal(true);
    expect(button(el)!.disabled).to.equal(false);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(radios(el)[2].checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    const locked = oneEvent(el, 'mls-lock');
    await sendKeys({ press: 'Enter' });
    const ev = await locked;
    expect(ev.detail).to.deep.equal({ name: 'act1', value: 'C', correct: true, act: null });
    await el.updateComplete;
    expect(text(el)).to.contain('Prediction locked: C — ~1,000,000×');
    before.remove();
  });

  it('once locked cannot change: radios disabled, clicks ignored, attribute and option changes ignored', async () => {
    const el = await fixture<MlsPredictionLock>(html`<mls-prediction-lock name="act1" answer="C">${fourOptions}</mls-prediction-lock>`);
    radios(el)[1].click();
    await el.updateComplete;
    button(el)!.click();
    await el.updateComplete;
    expect(el.locked).to.include({ locked: true, value: 'B', label: '~10,000×', number: 1e4, correct: false });
    expect(radios(el).every((r) => r.disabled)).to.equal(true);
    expect(button(el), 'no lock button once locked').to.equal(null);
    radios(el)[3].click();
    el.setAttribute('answer', 'B');
    el.setAttribute('name', 'other');
    el.querySelector('option')!.remove();
    await aTimeout(0);
    await el.updateComplete;
    expect(el.locked).to.include({ value: 'B', correct: false });
    expect(radios(el)).to.have.length(4);
    expect(radios(el)[1].checked).to.equal(true);
    expect(radios(el)[3].checked).to.equal(false);
    expect(text(el)).to.contain('Prediction locked: B — ~10,000×');
    expect(text(el)).not.to.contain('correct');
    await expect(el).to.be.accessible();
  });

  it('inside a lab writes scope[name] and files the prediction under its act in the ledger', async () => {
    const ledger = new DesignLedger({ storage: null });
    setPageLedger(ledger);
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="1" title="t">
      <mls-act n="1"><mls-prediction-lock name="act1" answer="C">${fourOptions}</mls-prediction-lock></mls-act></mls-lab>`);
    const el = lab.querySelector('mls-prediction-lock')!;
    await el.updateComplete;
    expect(ledger.get('v1.ch01'), 'nothing written before the lock').to.equal(undefined);
    radios(el)[2].click();
    await el.updateComplete;
    button(el)!.click();
    await aTimeout(0);
    expect(lab.labScope.get('act1')).to.deep.equal({ locked: true, value: 'C', number: 1e6, label: '~1,000,000×', correct: true, act: 1 });
    const rec = ledger.get('v1.ch01')!;
    expect(rec.act1_prediction).to.equal('C');
    expect(rec.act1_correct).to.equal(true);
  });

  it('renders locked when the scope already holds the lock (restore)', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="1"></mls-lab>`);
    lab.labScope.set('act1', { locked: true, value: 'D', number: 1e8, label: '~100,000,000×', correct: false });
    const el = document.createElement('mls-prediction-lock');
    el.setAttribute('name', 'act1');
    el.innerHTML =
      '<option value="A">a</option><option value="B">b</option><option value="C">c</option><option value="D">~100,000,000×</option>';
    lab.appendChild(el);
    await el.updateComplete;
    expect(radios(el)[3].checked).to.equal(true);
    expect(radios(el).every((r) => r.disabled)).to.equal(true);
    expect(text(el)).to.contain('Prediction locked: D — ~100,000,000×');
  });

  describe('number mode', () => {
    const numeric = html`<mls-prediction-lock name="act2" type="number" min="1" max="1000" step="1" unit="ms" answer="200" tolerance="0.1" scale="0.001">
      <span slot="question">What is the P99 latency?</span></mls-prediction-lock>`;
    const input = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=number]')!;

    it('renders a bounded native number input labelled with its unit', async () => {
      const el = await fixture<MlsPredictionLock>(numeric);
      expect(input(el).min).to.equal('1');
      expect(input(el).max).to.equal('1000');
      expect(el.shadowRoot!.querySelector('label[for=entry]')!.textContent).to.contain('(ms)');
      expect(button(el)!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a message and keeps the button disabled when the entry is out of range', async () => {
      const el = await fixture<MlsPredictionLock>(numeric);
      input(el).focus();
      await sendKeys({ type: '5000' });
      await el.updateComplete;
      expect(text(el)).to.contain('outside the allowed range');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(button(el)!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('locks an in-range entry with Enter; correct within the relative tolerance', async () => {
      const el = await fixture<MlsPredictionLock>(numeric);
      input(el).focus();
      await sendKeys({ type: '215' });
      await el.updateComplete;
      expect(button(el)!.disabled).to.equal(false);
      const locked = oneEvent(el, 'mls-lock');
      await sendKeys({ press: 'Enter' });
      const ev = await locked;
      // |215 − 200| = 15 ≤ 0.1 × 200 = 20 → correct
      expect(ev.detail).to.deep.equal({ name: 'act2', value: 215, correct: true, act: null });
      // number = 215 ms × 0.001 = 0.215 s
      expect(el.locked!.number).to.be.closeTo(0.215, 1e-12);
      expect(el.locked!.label).to.equal('215 ms');
      await el.updateComplete;
      expect(input(el).disabled).to.equal(true);
    });

    it('is incorrect outside the tolerance', async () => {
      const el = await fixture<MlsPredictionLock>(numeric);
      input(el).value = '225';
      input(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
      button(el)!.click();
      // |225 − 200| = 25 > 20 → not correct
      expect(el.locked!.correct).to.equal(false);
    });

    it('requires min and max', async () => {
      const el = await fixture<MlsPredictionLock>(html`<mls-prediction-lock name="x" type="number"></mls-prediction-lock>`);
      expect(alertText(el)).to.contain('min');
      expect(alertText(el)).to.contain('bounded');
    });
  });
});
