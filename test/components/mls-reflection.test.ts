import { fixture, html, expect, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/lab/mls-lab.js';
import '../../components/assess/mls-reflection.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import type { MlsReflection } from '../../components/assess/mls-reflection.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { alertText, squash } from '../helpers/index.js';

const inputs = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
const input = (el: Element, v: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${v}"]`)!;
const check = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=button]')!;
/** What the learner sees: the shadow text plus the feedback slotted into the rendered feedback slots. */
const text = (el: Element) => {
  const slotted = [...el.shadowRoot!.querySelectorAll<HTMLSlotElement>('slot[name^="feedback-"]')].flatMap((s) =>
    s.assignedElements().map((e) => e.textContent ?? ''),
  );
  return `${el.shadowRoot!.textContent} ${slotted.join(' ')}`.replace(/\s+/g, ' ');
};
const row = (el: Element, v: string) => squash(input(el, v).closest('.opt')!.textContent);

const single = html`<mls-reflection name="r1" answer="C">
  <span slot="question">Accuracy fell from 94% to 81% with no code change. Whose problem is it?</span>
  <option value="A">Model architecture</option>
  <option value="B">Training algorithm</option>
  <option value="C">Serving infrastructure</option>
  <option value="D">Dataset size</option>
  <p data-for="A">The architecture did not change after deployment.</p>
  <p data-for="B">The optimizer ran once, before launch.</p>
  <p data-for="C">The world drifted; monitoring and pipelines catch it.</p>
  <p data-for="D">More labels help only once the drift is detected.</p>
</mls-reflection>`;

const multiple = html`<mls-reflection name="c2" multiple answer="move_server edge_deploy">
  <span slot="question">Which fixes meet a 10 ms loop?</span>
  <option value="model_size">Smaller model</option>
  <option value="quantization">INT8 quantization</option>
  <option value="move_server">Move the server closer</option>
  <option value="faster_gpu">Faster GPU</option>
  <option value="edge_deploy">Deploy on the vehicle</option>
  <p data-for="model_size">Compute is not the bottleneck: propagation is 20 ms.</p>
  <p data-for="quantization">Quantization cuts compute, not distance.</p>
  <p data-for="move_server">Within 1,000 km propagation fits the budget.</p>
  <p data-for="faster_gpu">A faster GPU does not shorten the fibre.</p>
  <p data-for="edge_deploy">On the vehicle, propagation vanishes.</p>
</mls-reflection>`;

describe('mls-reflection', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null })));

  it('renders four native radios in a fieldset with the question as legend and a Check answer button', async () => {
    const el = await fixture<MlsReflection>(single);
    expect(inputs(el)).to.have.length(4);
    expect(inputs(el).every((i) => i.type === 'radio')).to.equal(true);
    expect(el.shadowRoot!.querySelector('fieldset legend slot[name=question]')).to.exist;
    expect(check(el).textContent).to.contain('Check answer');
    expect(check(el).disabled).to.equal(true);
    expect(text(el)).not.to.contain('The world drifted');
    await expect(el).to.be.accessible();
  });

  it('by keyboard: choose, check, then shows per-option feedback and the verdict by icon and text', async () => {
    const el = await fixture<MlsReflection>(single);
    input(el, 'A').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el, 'B').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(check(el));
    const answered = oneEvent(el, 'mls-answer');
    await sendKeys({ press: 'Enter' });
    expect((await answered).detail).to.deep.equal({ name: 'r1', value: 'B', correct: false, attempts: 1, firstCorrect: false });
    await el.updateComplete;
    expect(text(el)).to.contain('✗ Not quite');
    expect(text(el)).to.contain('The optimizer ran once');
    expect(text(el), "a wrong answer does not reveal the right option's feedback").to.not.contain('The world drifted');
    expect(text(el), "nor the other options' feedback").to.not.contain('The architecture did not change');
    expect(row(el, 'B')).to.contain('wrong');
    await expect(el).to.be.accessible();
  });

  it('can be changed and re-checked', async () => {
    const el = await fixture<MlsReflection>(single);
    input(el, 'A').click();
    await el.updateComplete;
    check(el).click();
    await el.updateComplete;
    expect(el.answered).to.deep.equal({ answered: true, value: 'A', correct: false, attempts: 1, firstCorrect: false });
    input(el, 'C').click();
    await el.updateComplete;
    expect(text(el), 'grading hidden while the choice is unchecked').not.to.contain('Not quite');
    check(el).click();
    await el.updateComplete;
    expect(el.answered, 'a right second try keeps the first attempt wrong').to.deep.equal({
      answered: true,
      value: 'C',
      correct: true,
      attempts: 2,
      firstCorrect: false,
    });
    expect(text(el)).to.contain('✓ Correct');
    expect(row(el, 'C')).to.contain('correct');
  });

  it('requires exactly four options in single-choice mode', async () => {
    const el = await fixture<MlsReflection>(
      html`<mls-reflection name="r" answer="A"><option value="A">a</option><option value="B">b</option></mls-reflection>`,
    );
    expect(alertText(el)).to.contain('exactly four');
    expect(alertText(el)).to.contain('A, B');
  });

  describe('multiple mode', () => {
    async function answer(values: string[]): Promise<MlsReflection> {
      const el = await fixture<MlsReflection>(multiple);
      for (const v of values) input(el, v).click();
      await el.updateComplete;
      check(el).click();
      await el.updateComplete;
      return el;
    }

    it('renders checkboxes, five here', async () => {
      const el = await fixture<MlsReflection>(multiple);
      expect(inputs(el)).to.have.length(5);
      expect(inputs(el).every((i) => i.type === 'checkbox')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('both right answers, nothing wrong → "Exactly right"', async () => {
      const el = await answer(['move_server', 'edge_deploy']);
      expect(text(el)).to.contain('Exactly right');
      expect(el.answered).to.deep.equal({
        answered: true,
        value: ['move_server', 'edge_deploy'],
        correct: true,
        attempts: 1,
        firstCorrect: true,
      });
      expect(row(el, 'move_server')).to.contain('✓').and.contain('correct');
      expect(row(el, 'model_size')).to.contain('○');
      await expect(el).to.be.accessible();
    });

    it('one right answer missing → "Partially right" with the missed one marked', async () => {
      const el = await answer(['move_server']);
      expect(text(el)).to.contain('Partially right');
      expect(row(el, 'edge_deploy')).to.contain('◉').and.contain('missed');
      expect(el.answered!.correct).to.equal(false);
    });

    it('any wrong answer → "Not quite", graded four ways', async () => {
      const el = await answer(['faster_gpu', 'edge_deploy']);
      expect(text(el)).to.contain('Not quite');
      expect(row(el, 'faster_gpu')).to.contain('✗').and.contain('wrong');
      expect(row(el, 'edge_deploy')).to.contain('✓').and.contain('correct');
      expect(row(el, 'move_server')).to.contain('◉').and.contain('missed');
      expect(row(el, 'quantization')).to.contain('○');
      expect(text(el)).to.contain('A faster GPU does not shorten the fibre.');
    });
  });

  it('writes the answer to the scope and restores it from the scope', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="0">${single}</mls-lab>`);
    const el = lab.querySelector('mls-reflection')!;
    input(el, 'C').click();
    await el.updateComplete;
    check(el).click();
    expect(lab.labScope.get('r1')).to.deep.equal({ answered: true, value: 'C', correct: true, attempts: 1, firstCorrect: true });

    const lab2 = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="5"></mls-lab>`);
    lab2.labScope.set('r1', { answered: true, value: 'D', correct: false });
    lab2.insertAdjacentHTML(
      'beforeend',
      '<mls-reflection name="r1" answer="C"><option value="A">a</option><option value="B">b</option><option value="C">c</option><option value="D">d</option></mls-reflection>',
    );
    const restored = lab2.querySelector('mls-reflection')!;
    await restored.updateComplete;
    expect(input(restored, 'D').checked).to.equal(true);
    expect(text(restored)).to.contain('Not quite');
    lab2.reset();
    await aTimeout(0);
    await restored.updateComplete;
    expect(input(restored, 'D').checked, 'cleared by a lab reset').to.equal(false);
  });
});
