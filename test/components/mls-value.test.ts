import { fixture, fixtureSync, html, expect } from '@open-wc/testing';
import '../../components/readouts/mls-value.js';
import type { MlsValue } from '../../components/readouts/mls-value.js';
import { alertText, inScope, quietly } from '../helpers/index.js';

function shown(el: MlsValue): string {
  return el.shadowRoot!.querySelector('[part="value"]')!.textContent!;
}

describe('<mls-value>', () => {
  it('formats literals with their units', async () => {
    const cases: Array<[string, string, string | undefined, string]> = [
      ['0.0305', 's', undefined, '30.5 ms'], // 0.0305 s = 30.5 ms
      ['4.2e9', 'B', undefined, '4.2 GB'], // 4.2e9 B / 1e9 = 4.2 GB (decimal)
      ['3.35e12', 'B/s', undefined, '3.35 TB/s'], // 3.35e12 / 1e12 = 3.35 TB/s
      ['0.42', '%', undefined, '42%'], // fraction 0.42 × 100
      ['7.4', 'x', undefined, '7.4×'],
      ['3000', 'km', undefined, '3,000 km'],
      ['3.14159', '', '2', '3.1'], // 2 significant digits
    ];
    for (const [value, unit, digits, expected] of cases) {
      const el = await fixture<MlsValue>(html`<mls-value value=${value} unit=${unit} digits=${digits ?? ''}></mls-value>`);
      expect(shown(el), `${value} ${unit}`).to.equal(expected);
      expect(el.text).to.equal(expected);
    }
  });

  it('shows "—" until its reference resolves, then follows the scope', async () => {
    const { el, scope } = await inScope<MlsValue>(html`<mls-value value="$wf.total" unit="s"></mls-value>`);
    const dash = el.shadowRoot!.querySelector('[aria-hidden="true"]')!;
    expect(dash.textContent).to.equal('—');
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('not yet computed');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    scope.set('wf', { total: 0.0305 });
    await el.updateComplete;
    expect(shown(el)).to.equal('30.5 ms');
    scope.set('wf', { total: 2.5 });
    await el.updateComplete;
    expect(shown(el)).to.equal('2.5 s');
    scope.set('other', 1); // unrelated names do not matter
    await el.updateComplete;
    expect(shown(el)).to.equal('2.5 s');
    await expect(el).to.be.accessible();
  });

  it('is plain text inside prose (no live region, no role)', async () => {
    const p = fixtureSync<HTMLParagraphElement>(html`<p>It takes <mls-value value="0.5" unit="s"></mls-value> per step.</p>`);
    const el = p.querySelector('mls-value')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live], [role]')).to.equal(null);
    expect(shown(el)).to.equal('500 ms');
    await expect(p).to.be.accessible();
  });

  it('rejects a non-numeric value and bad digits with a role="alert" naming each attribute', async () => {
    const { result: el, warnings } = await quietly(async () => {
      const e = await fixture<MlsValue>(html`<mls-value value="fast" digits="0"></mls-value>`);
      e.requestUpdate();
      await e.updateComplete;
      return e;
    });
    expect(alertText(el)).to.contain('value');
    expect(alertText(el)).to.contain('fast');
    expect(alertText(el)).to.contain('digits');
    expect(warnings.length).to.equal(2); // one per bad attribute, not per render
  });

  it('keeps the last good number when the value turns bad', async () => {
    const { el, scope } = await inScope<MlsValue>(html`<mls-value value="$n"></mls-value>`, { n: 512 });
    expect(shown(el)).to.equal('512');
    await quietly(async () => {
      scope.set('n', 'lots');
      await el.updateComplete;
    });
    expect(alertText(el)).to.contain('lots');
    expect(shown(el)).to.equal('512');
  });
});
