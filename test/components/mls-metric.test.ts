import { fixture, html, expect } from '@open-wc/testing';
import '../../components/readouts/mls-metric.js';
import type { MlsMetric } from '../../components/readouts/mls-metric.js';
import { alertText, inScope, partText, quietly } from '../helpers/index.js';

const part = (el: MlsMetric, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`);
const text = (el: MlsMetric, name: string) => (part(el, name) ? partText(el, `[part="${name}"]`) : undefined);

describe('<mls-metric>', () => {
  it('shows label, formatted value with unit, state in words with an icon, and the tag', async () => {
    // 2.4e12 B/s = 2.4 TB/s
    const el = await fixture<MlsMetric>(
      html`<mls-metric label="Memory bandwidth" value="2.4e12" unit="B/s" state="fail" tag="BINDING"></mls-metric>`,
    );
    expect(text(el, 'label')).to.equal('Memory bandwidth');
    expect(text(el, 'value')).to.equal('2.4 TB/s');
    expect(text(el, 'state')).to.equal('✕ Over limit');
    expect(text(el, 'tag')).to.equal('BINDING');
    expect(part(el, 'card')!.getAttribute('role')).to.equal('group');
    expect(part(el, 'card')!.getAttribute('aria-label')).to.equal('Memory bandwidth');
    await expect(el).to.be.accessible();
  });

  for (const [state, words] of [
    ['ok', '✓ OK'],
    ['warn', '⚠ Warning'],
    ['fail', '✕ Over limit'],
  ] as const) {
    it(`state="${state}" reads "${words}" and is accessible`, async () => {
      const el = await fixture<MlsMetric>(html`<mls-metric label="Latency" value="0.12" unit="s" state=${state}></mls-metric>`);
      expect(text(el, 'state')).to.equal(words);
      expect(text(el, 'value')).to.equal('120 ms'); // 0.12 s = 120 ms
      await expect(el).to.be.accessible();
    });
  }

  it('has no state line or tag when not given, and honours digits', async () => {
    // 1/3 with 5 significant digits
    const el = await fixture<MlsMetric>(html`<mls-metric label="Ratio" value="0.333333333" digits="5"></mls-metric>`);
    expect(part(el, 'state')).to.equal(null);
    expect(part(el, 'tag')).to.equal(null);
    expect(text(el, 'value')).to.equal('0.33333');
  });

  it('reads value and state from the scope, showing "—" until resolved', async () => {
    const { el, scope } = await inScope<MlsMetric>(
      html`<mls-metric label="Step time" value="$wf.total" unit="s" state="$wf.state"></mls-metric>`,
    );
    expect(part(el, 'value')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('—');
    expect(part(el, 'state')).to.equal(null);
    scope.set('wf', { total: 0.0305, state: 'warn' });
    await el.updateComplete;
    expect(text(el, 'value')).to.equal('30.5 ms');
    expect(text(el, 'state')).to.equal('⚠ Warning');
    scope.set('wf', { total: 0.2, state: 'ok' });
    await el.updateComplete;
    expect(text(el, 'value')).to.equal('200 ms');
    expect(text(el, 'state')).to.equal('✓ OK');
    await expect(el).to.be.accessible();
  });

  it('rejects a bad state, value and digits with a role="alert" naming each attribute', async () => {
    const { result: el, warnings } = await quietly(async () => {
      const e = await fixture<MlsMetric>(html`<mls-metric label="X" value="NaN-ish" state="great" digits="2.5"></mls-metric>`);
      e.requestUpdate();
      await e.updateComplete;
      return e;
    });
    for (const s of ['state', 'great', 'ok, warn, fail', 'value', 'NaN-ish', 'digits', '2.5']) expect(alertText(el)).to.contain(s);
    expect(warnings.length).to.equal(3);
    expect(part(el, 'state')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
