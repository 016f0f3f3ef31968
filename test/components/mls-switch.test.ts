import { expect, fixture, html } from '@open-wc/testing';
import '../../components/lab/mls-switch.js';
import '../../components/lab/mls-lab.js';
import type { MlsSwitch } from '../../components/lab/mls-switch.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { alertText, quietly } from '../helpers/index.js';

const visible = (sw: Element) => [...sw.children].filter((c) => !(c as HTMLElement).hidden).map((c) => c.textContent?.trim());

describe('<mls-switch>', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null, sync: false })));
  afterEach(() => setPageLedger(undefined));

  it('shows the child whose data-case matches the scope value, else data-otherwise', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="3">
      <mls-switch value="$context">
        <p data-case="cloud">Cloud persona</p>
        <p data-case="edge mobile">Edge or mobile persona</p>
        <p data-otherwise>Pick a context</p>
      </mls-switch></mls-lab>`);
    const sw = lab.querySelector('mls-switch') as MlsSwitch;
    await sw.updateComplete;
    expect(visible(sw)).to.deep.equal(['Pick a context']);
    lab.labScope.set('context', 'cloud');
    await sw.updateComplete;
    expect(visible(sw)).to.deep.equal(['Cloud persona']);
    lab.labScope.set('context', 'mobile');
    await sw.updateComplete;
    expect(visible(sw)).to.deep.equal(['Edge or mobile persona']);
    lab.labScope.set('context', 'tiny');
    await sw.updateComplete;
    expect(visible(sw)).to.deep.equal(['Pick a context']);
    await expect(lab).to.be.accessible();
  });

  it('matches booleans as text and reads dotted paths', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="3">
      <mls-switch value="$check.correct"><p data-case="true">Right</p><p data-case="false">Wrong</p></mls-switch></mls-lab>`);
    const sw = lab.querySelector('mls-switch') as MlsSwitch;
    await sw.updateComplete;
    expect(visible(sw)).to.deep.equal([]);
    expect(sw.hasAttribute('empty'), 'takes no space while nothing matches').to.equal(true);
    lab.labScope.set('check', { answered: true, correct: false });
    await sw.updateComplete;
    expect(visible(sw)).to.deep.equal(['Wrong']);
    expect(sw.hasAttribute('empty')).to.equal(false);
    lab.labScope.set('check', { answered: true, correct: true });
    await sw.updateComplete;
    expect(visible(sw)).to.deep.equal(['Right']);
  });

  it('works standalone with a literal, and reports a missing value inline', async () => {
    const sw = await fixture<MlsSwitch>(html`<mls-switch value="b"><p data-case="a">A</p><p data-case="b">B</p></mls-switch>`);
    expect(visible(sw)).to.deep.equal(['B']);
    const { result: bad, warnings } = await quietly(() => fixture<MlsSwitch>(html`<mls-switch><p data-case="a">A</p></mls-switch>`));
    expect(alertText(bad)).to.contain('value');
    expect(visible(bad)).to.deep.equal([]);
    expect(warnings.length).to.equal(1);
  });
});
