import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/controls/mls-select.js';
import type { MlsSelect } from '../../components/controls/mls-select.js';
import type { MlsEventMap } from '../../src/events.js';
import { alertText, inScope, quietly } from '../helpers/index.js';

const select = (el: MlsSelect) => el.shadowRoot!.querySelector('select') as HTMLSelectElement;

const precision = (value?: string) => html`<mls-select label="Weight precision" name="precision" value=${value ?? ''}>
  <option value="fp32">FP32 (4 bytes)</option>
  <option value="fp16">FP16 (2 bytes)</option>
  <option value="int8">INT8 (1 byte)</option>
</mls-select>`;

describe('<mls-select>', () => {
  it('renders a labelled native select with the light-DOM options', async () => {
    const el = await fixture<MlsSelect>(precision('fp16'));
    const s = select(el);
    expect(s.labels![0].textContent).to.equal('Weight precision');
    expect([...s.options].map((o) => [o.value, o.textContent])).to.deep.equal([
      ['fp32', 'FP32 (4 bytes)'],
      ['fp16', 'FP16 (2 bytes)'],
      ['int8', 'INT8 (1 byte)'],
    ]);
    expect(s.value).to.equal('fp16');
    expect(el.current).to.equal('fp16');
    // The light-DOM options are not rendered themselves (no slot): only the select's copies show.
    expect(el.querySelector('option')!.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('starts from the option marked selected, else the first', async () => {
    const a = await fixture<MlsSelect>(
      html`<mls-select label="A"><option value="x">X</option><option value="y" selected>Y</option></mls-select>`,
    );
    expect(a.current).to.equal('y');
    const b = await fixture<MlsSelect>(html`<mls-select label="B"><option value="x">X</option><option value="y">Y</option></mls-select>`);
    expect(select(b).value).to.equal('x');
  });

  it("writes its initial value to the scope, and the reader's choice (keyboard) live with mls-change", async () => {
    const { el, scope } = await inScope<MlsSelect>(precision('fp32'));
    expect(scope.get('precision')).to.equal('fp32');
    const changes: Array<MlsEventMap['mls-change']> = [];
    el.addEventListener('mls-change', (e) => changes.push(e.detail));
    select(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(select(el).value).to.equal('fp16');
    expect(scope.get('precision')).to.equal('fp16');
    expect(changes).to.deep.equal([{ name: 'precision', value: 'fp16' }]);
  });

  it('restores from the scope, and follows later external changes', async () => {
    const { el, scope } = await inScope<MlsSelect>(precision('fp32'), { precision: 'int8' });
    expect(select(el).value).to.equal('int8');
    expect(scope.get('precision')).to.equal('int8');
    let fired = 0;
    el.addEventListener('mls-change', () => fired++);
    scope.set('precision', 'fp16');
    await el.updateComplete;
    expect(select(el).value).to.equal('fp16');
    scope.set('precision', 'bf16'); // not an option: the select keeps its choice and re-asserts it
    await el.updateComplete;
    expect(select(el).value).to.equal('fp16');
    expect(scope.get('precision')).to.equal('fp16');
    expect(fired).to.equal(0);
  });

  it('picks up options added later', async () => {
    const el = await fixture<MlsSelect>(precision('fp32'));
    const o = document.createElement('option');
    o.value = 'int4';
    o.textContent = 'INT4 (½ byte)';
    el.append(o);
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect([...select(el).options].map((x) => x.value)).to.deep.equal(['fp32', 'fp16', 'int8', 'int4']);
    expect(select(el).value).to.equal('fp32');
  });

  it('rejects a value that is not an option with a role="alert" naming value and the options', async () => {
    const { result: el, warnings } = await quietly(async () => {
      const e = await fixture<MlsSelect>(precision('fp8'));
      e.requestUpdate();
      await e.updateComplete;
      return e;
    });
    expect(alertText(el)).to.contain('value');
    expect(alertText(el)).to.contain('fp8');
    expect(alertText(el)).to.contain('fp32, fp16, int8');
    expect(warnings.length).to.equal(1);
    expect(select(el).value).to.equal('fp32');
    await expect(el).to.be.accessible();
  });

  it('says so when it has no options', async () => {
    const { result: el } = await quietly(() => fixture<MlsSelect>(html`<mls-select label="Empty"></mls-select>`));
    expect(alertText(el)).to.contain('option');
    expect(select(el).disabled).to.equal(true);
  });
});
