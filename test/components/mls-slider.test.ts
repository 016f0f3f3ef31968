import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/controls/mls-slider.js';
import type { MlsSlider } from '../../components/controls/mls-slider.js';
import type { MlsEventMap } from '../../src/events.js';
import { alertText, inScope, quietly } from '../helpers/index.js';

const input = (el: MlsSlider) => el.shadowRoot!.querySelector('input') as HTMLInputElement;
const shown = (el: MlsSlider) => el.shadowRoot!.querySelector('[part="value"]')!.textContent!;

async function press(el: MlsSlider, key: string): Promise<void> {
  input(el).focus();
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<mls-slider>', () => {
  it('renders a native range input with a visible label, the value with its unit and aria-valuetext', async () => {
    const el = await fixture<MlsSlider>(
      html`<mls-slider label="Distance" name="d" min="0" max="10000" step="100" value="3000" unit="km"></mls-slider>`,
    );
    const i = input(el);
    expect(i.type).to.equal('range');
    expect(i.labels![0].textContent).to.equal('Distance');
    expect([i.min, i.max, i.step, i.value]).to.deep.equal(['0', '10000', '100', '3000']);
    expect(shown(el)).to.equal('3,000 km');
    expect(i.getAttribute('aria-valuetext')).to.equal('3,000 km');
    expect(el.current).to.equal(3000);
    await expect(el).to.be.accessible();
  });

  it('formats SI units in the value text ("4.2 GB")', async () => {
    const el = await fixture<MlsSlider>(
      html`<mls-slider label="Model size" min="1e9" max="1e10" step="1e8" value="4.2e9" unit="B"></mls-slider>`,
    );
    expect(shown(el)).to.equal('4.2 GB'); // 4.2e9 B = 4.2 GB (decimal prefixes)
    expect(input(el).getAttribute('aria-valuetext')).to.equal('4.2 GB');
  });

  it('moves with the keyboard (ArrowRight, End, Home) and writes the scope live, firing mls-change', async () => {
    const { el, scope } = await inScope<MlsSlider>(
      html`<mls-slider label="Batch size" name="n" min="128" max="8192" step="128" value="512"></mls-slider>`,
    );
    expect(scope.get('n'), 'initial value written to the scope').to.equal(512);

    const changes: Array<MlsEventMap['mls-change']> = [];
    el.addEventListener('mls-change', (e) => changes.push(e.detail));
    await press(el, 'ArrowRight');
    expect(el.current).to.equal(640); // 512 + one step of 128
    expect(scope.get('n')).to.equal(640);
    expect(shown(el)).to.equal('640');
    expect(input(el).getAttribute('aria-valuetext')).to.equal('640');
    expect(changes).to.deep.equal([{ name: 'n', value: 640 }]);

    await press(el, 'End');
    expect(scope.get('n')).to.equal(8192);
    await press(el, 'Home');
    expect(scope.get('n')).to.equal(128);
    await press(el, 'ArrowLeft'); // already at min: nothing changes, no event
    expect(scope.get('n')).to.equal(128);
    expect(changes.map((c) => c.value)).to.deep.equal([640, 8192, 128]);
  });

  it('restores its value from the scope instead of the value attribute', async () => {
    const { el, scope } = await inScope<MlsSlider>(
      html`<mls-slider label="Batch size" name="n" min="128" max="8192" step="128" value="512"></mls-slider>`,
      { n: 2048 },
    );
    expect(el.current).to.equal(2048);
    expect(input(el).value).to.equal('2048');
    expect(shown(el)).to.equal('2,048');
    expect(scope.get('n')).to.equal(2048);
  });

  it('follows later external changes of its name without firing mls-change', async () => {
    const { el, scope } = await inScope<MlsSlider>(
      html`<mls-slider label="Distance" name="d" min="0" max="10000" step="100" value="3000" unit="km"></mls-slider>`,
    );
    let fired = 0;
    el.addEventListener('mls-change', () => fired++);
    scope.set('d', 700);
    await el.updateComplete;
    expect(el.current).to.equal(700);
    expect(input(el).value).to.equal('700');
    expect(shown(el)).to.equal('700 km');
    scope.set('d', 50000); // out of range: clamped to max and written back
    await el.updateComplete;
    expect(el.current).to.equal(10000);
    expect(scope.get('d')).to.equal(10000);
    expect(fired).to.equal(0);
  });

  it('scale="log" moves through powers of ten and rounds to 3 significant digits', async () => {
    const { el, scope } = await inScope<MlsSlider>(
      html`<mls-slider label="Parameters" name="p" min="1" max="1e6" value="1000" scale="log"></mls-slider>`,
    );
    const i = input(el);
    expect([i.min, i.max]).to.deep.equal(['0', '6']); // log10(1), log10(1e6)
    expect(Number(i.value)).to.be.closeTo(3, 1e-9); // log10(1000)
    await press(el, 'ArrowRight');
    // one position = 6 decades / 200 = 0.03; 10^3.03 = 1071.5… → 3 significant digits → 1070
    expect(scope.get('p')).to.equal(1070);
    expect(shown(el)).to.equal('1,070');
    await press(el, 'End');
    expect(scope.get('p')).to.equal(1e6);
  });

  it('scale="log" with a step rounds to multiples of it and never gets stuck', async () => {
    const { el, scope } = await inScope<MlsSlider>(
      html`<mls-slider label="Sequence length" name="s" min="128" max="8192" step="128" value="512" scale="log"></mls-slider>`,
    );
    await press(el, 'ArrowRight');
    // one position is log10(64)/200 ≈ 0.009 decades: 10^(2.709+0.009) ≈ 520 rounds back to 512,
    // so the slider moves to the next multiple of 128 instead of staying put.
    expect(scope.get('s')).to.equal(640);
    await press(el, 'ArrowLeft');
    expect(scope.get('s')).to.equal(512);
  });

  it('works standalone (no scope) and still fires mls-change', async () => {
    const el = await fixture<MlsSlider>(html`<mls-slider label="Power" min="0" max="700" step="50" value="300" unit="W"></mls-slider>`);
    expect(shown(el)).to.equal('300 W');
    input(el).focus();
    const ev = oneEvent(el, 'mls-change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await ev).detail).to.deep.equal({ name: '', value: 350 });
  });

  it('rejects bad min, max and value with a role="alert" naming each, warning once, keeping a working control', async () => {
    const { result: el, warnings } = await quietly(async () => {
      const e = await fixture<MlsSlider>(html`<mls-slider label="N" min="ten" max="100" value="50"></mls-slider>`);
      e.requestUpdate();
      await e.updateComplete;
      return e;
    });
    expect(alertText(el)).to.contain('min');
    expect(alertText(el)).to.contain('ten');
    expect(warnings.length).to.equal(1);
    expect(el.current).to.equal(50);

    await quietly(async () => {
      el.min = '200';
      await el.updateComplete;
    });
    expect(alertText(el)).to.contain('max');
    expect(alertText(el)).to.contain('greater than min (200)');

    await quietly(async () => {
      el.min = '0';
      el.value = '500';
      await el.updateComplete;
    });
    expect(alertText(el)).to.contain('value');
    expect(alertText(el)).to.contain('500');
    expect(alertText(el)).to.not.contain('Invalid min');

    el.value = '75';
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.current).to.equal(75);
    await expect(el).to.be.accessible();
  });

  it('rejects non-positive ends with scale="log"', async () => {
    const { result: el } = await quietly(() => fixture<MlsSlider>(html`<mls-slider label="X" min="0" max="100" scale="log"></mls-slider>`));
    expect(alertText(el)).to.contain('min');
    expect(alertText(el)).to.contain('> 0');
    expect(el.current).to.be.greaterThan(0);
  });

  it('flags a missing label', async () => {
    const { result: el } = await quietly(() => fixture<MlsSlider>(html`<mls-slider min="0" max="10"></mls-slider>`));
    expect(alertText(el)).to.contain('label');
  });
});
