/**
 * The control harness registry against the real controls: each harness lists what a learner can
 * choose, chooses through the native inputs, and the element's scope value (what the lab reads)
 * follows. If a control changes its shadow DOM, this file fails before the lab tests and the
 * lab stories do.
 */
import { expect, html } from '@open-wc/testing';
import '../../components/controls/mls-slider.js';
import '../../components/controls/mls-select.js';
import '../../components/controls/mls-context-toggle.js';
import '../../components/assess/mls-prediction-lock.js';
import '../../components/assess/mls-reflection.js';
import { CONTROLS, controlFor, controlNamed, inScope, isControl, operate, settle } from './index.js';

const four = html`<span slot="question">Q?</span>
  <option value="A" data-number="1">one</option><option value="B" data-number="2">two</option>
  <option value="C" data-number="3">three</option><option value="D" data-number="4">four</option>`;

describe('control harness registry (test/helpers/controls.ts)', () => {
  it('knows the five controls and refuses other tags by name', () => {
    expect(Object.keys(CONTROLS)).to.have.members([
      'mls-slider',
      'mls-select',
      'mls-context-toggle',
      'mls-prediction-lock',
      'mls-reflection',
    ]);
    expect(isControl(document.createElement('mls-slider'))).to.equal(true);
    expect(() => controlFor(document.createElement('mls-roofline'))).to.throw(/no control harness for <mls-roofline>/);
  });

  it('mls-slider: positions as values, set through the range input (linear and log)', async () => {
    const { el, scope } = await inScope(html`<mls-slider label="Batch" name="n" min="0" max="10" step="2" value="4"></mls-slider>`);
    const h = controlFor(el);
    expect(h.values(el)).to.deep.equal(['0', '2', '4', '6', '8', '10']);
    expect(h.value(el)).to.equal('4');
    h.set(el, '8');
    await settle(el);
    expect(scope.get('n')).to.equal(8);
    expect(h.value(el)).to.equal('8');

    const log = await inScope(html`<mls-slider label="P" name="p" min="1" max="1000" value="10" scale="log"></mls-slider>`);
    const vs = controlFor(log.el).values(log.el);
    expect(vs.length).to.equal(201); // 200 positions between the ends
    expect([vs[0], vs[vs.length - 1]]).to.deep.equal(['1', '1000']);
    controlFor(log.el).set(log.el, '1000');
    await settle(log.el);
    expect(log.scope.get('p')).to.equal(1000);
    expect(() => h.set(el, 'lots')).to.throw(/"lots" is not a number/);
  });

  it('mls-select: enabled options, set by value, unknown values named', async () => {
    const { el, scope } = await inScope(html`<mls-select label="Precision" name="prec" value="fp16">
      <option value="fp32">FP32</option><option value="fp16">FP16</option><option value="int8">INT8</option></mls-select>`);
    const h = controlFor(el);
    expect(h.values(el)).to.deep.equal(['fp32', 'fp16', 'int8']);
    expect(h.value(el)).to.equal('fp16');
    h.set(el, 'int8');
    await settle(el);
    expect(scope.get('prec')).to.equal('int8');
    expect(() => h.set(el, 'fp8')).to.throw(/no option "fp8" \(it offers fp32, fp16, int8\)/);
  });

  it('mls-context-toggle: radios, and with confirm nothing counts until commit presses Confirm', async () => {
    const { el, scope } = await inScope(html`<mls-context-toggle contexts="cloud edge tiny" confirm></mls-context-toggle>`);
    const h = controlFor(el);
    expect(h.values(el)).to.deep.equal(['cloud', 'edge', 'tiny']);
    expect(h.value(el)).to.equal('');
    h.set(el, 'tiny');
    await settle(el);
    expect(scope.get('context'), 'not confirmed yet').to.equal(undefined);
    expect(h.commit!(el)).to.equal(true);
    await settle(el);
    expect(scope.get('context')).to.equal('tiny');
    expect(scope.get('device')).to.equal('cortex-m7');
    expect(h.value(el)).to.equal('tiny');
    expect(h.commit!(el), 'nothing pending: Confirm is disabled').to.equal(false);
    expect(controlNamed(el.parentElement!, 'context')).to.equal(el);
    expect(controlNamed(el.parentElement!, 'device')).to.equal(el);
  });

  it('mls-prediction-lock: choose, then commit locks; a number entry offers its ends', async () => {
    const { el, scope } = await inScope(html`<mls-prediction-lock name="act1" answer="C">${four}</mls-prediction-lock>`);
    const h = controlFor(el);
    expect(h.values(el)).to.deep.equal(['A', 'B', 'C', 'D']);
    h.set(el, 'B');
    await settle(el);
    expect(h.value(el)).to.equal('B');
    expect(scope.get('act1'), 'chosen is not locked').to.equal(undefined);
    expect(h.commit!(el)).to.equal(true);
    await settle(el);
    expect(scope.get('act1')).to.include({ locked: true, value: 'B', number: 2, correct: false });
    expect(() => h.set(el, 'A')).to.throw(/option "A" is disabled/);

    const num = await inScope(
      html`<mls-prediction-lock name="act2" type="number" min="1" max="500" answer="200"><span slot="question">Q?</span></mls-prediction-lock>`,
    );
    expect(controlFor(num.el).values(num.el)).to.deep.equal(['1', '500']);
    expect(await operate(num.el, '210', settle)).to.equal(true);
    expect(num.scope.get('act2')).to.include({ locked: true, value: 210 });
  });

  it('mls-reflection: single and multiple choice, checked with commit', async () => {
    const { el, scope } = await inScope(html`<mls-reflection name="r1" answer="C">${four}</mls-reflection>`);
    expect(await operate(el, 'C', settle)).to.equal(true);
    expect(scope.get('r1')).to.deep.equal({ answered: true, value: 'C', correct: true, attempts: 1, firstCorrect: true });
    expect(controlFor(el).value(el)).to.equal('C');

    const multi = await inScope(html`<mls-reflection name="c2" multiple answer="a c">
      <span slot="question">Q?</span><option value="a">A</option><option value="b">B</option><option value="c">C</option></mls-reflection>`);
    const h = controlFor(multi.el);
    h.set(multi.el, 'a b');
    await settle(multi.el);
    h.set(multi.el, 'c a'); // b is unticked again
    await settle(multi.el);
    expect(h.value(multi.el)).to.equal('a c');
    expect(h.commit!(multi.el)).to.equal(true);
    await settle(multi.el);
    expect(multi.scope.get('c2')).to.deep.equal({ answered: true, value: ['a', 'c'], correct: true, attempts: 1, firstCorrect: true });
    expect(() => h.set(multi.el, 'z')).to.throw(/no option "z"/);
  });
});
