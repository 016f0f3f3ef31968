import { fixture, html, expect } from '@open-wc/testing';
import '../../components/lab/mls-lab.js';
import '../../components/assess/mls-overlay.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import type { MlsOverlay } from '../../components/assess/mls-overlay.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { alertText, shadowText as text } from '../helpers/index.js';

async function setup(attrs: string, lock?: unknown): Promise<{ lab: MlsLab; overlay: MlsOverlay }> {
  const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="1"></mls-lab>`);
  if (lock) lab.labScope.set('act1', lock);
  lab.insertAdjacentHTML('beforeend', `<mls-overlay ${attrs}>The compute gap is set by peak FLOP/s.</mls-overlay>`);
  const overlay = lab.querySelector('mls-overlay')!;
  await overlay.updateComplete;
  return { lab, overlay };
}

describe('mls-overlay', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null })));

  it('shows nothing until the prediction is locked', async () => {
    const { lab, overlay } = await setup('prediction="$act1" actual="989000" unit="x"');
    expect(text(overlay).trim()).to.equal('');
    expect(overlay.gap).to.equal(null);
    expect(overlay.hasAttribute('data-gap')).to.equal(false);
    await expect(overlay).to.be.accessible();
    lab.labScope.set('act1', { locked: true, value: 'B', number: 1e4, label: '~10,000×', correct: false });
    await overlay.updateComplete;
    expect(text(overlay)).to.contain('You predicted ~10,000×');
  });

  it('gives the ratio: predicted 1e4, actual 989,000 → off by 98.9×', async () => {
    const { lab, overlay } = await setup('prediction="$act1" actual="$gap" unit="x"', {
      locked: true,
      value: 'B',
      number: 1e4,
      label: '~10,000×',
      correct: false,
    });
    lab.labScope.set('gap', 989000);
    await overlay.updateComplete;
    const t = text(overlay);
    expect(t).to.contain('You predicted ~10,000×.');
    expect(t).to.contain('Physics gives 989,000×.');
    // 989,000 / 10,000 = 98.9
    expect(t).to.contain('You were off by 98.9×');
    expect(t).to.contain('too low');
    expect(t).to.contain('✗').and.contain('not the right answer');
    expect(overlay.gap).to.be.closeTo(98.9, 1e-9);
    expect(Number(overlay.getAttribute('data-gap'))).to.be.closeTo(98.9, 1e-9);
    expect(overlay.shadowRoot!.querySelector('[role=status]')).to.exist;
    const slot = overlay.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedNodes()[0].textContent).to.contain('peak FLOP/s');
    await expect(overlay).to.be.accessible();
  });

  it('over-estimates are reported as too high, ratio ≥ 1', async () => {
    // 1e6 / 989,000 = 1.0111… → "1.01×"
    const { overlay } = await setup('prediction="$act1" actual="989000" unit="x"', {
      locked: true,
      value: 'C',
      number: 1e6,
      label: '~1,000,000×',
      correct: true,
    });
    expect(text(overlay)).to.contain('off by 1.01×');
    expect(text(overlay)).to.contain('too high');
    expect(text(overlay)).to.contain('✓').and.contain('Your prediction was right');
  });

  it('reports the difference in the unit with compare="difference"', async () => {
    // predicted 0.215 s, actual 0.2 s → gap 0.015 s = 15 ms
    const { overlay } = await setup('prediction="$act1" actual="0.2" unit="s" compare="difference"', {
      locked: true,
      value: 215,
      number: 0.215,
      label: '215 ms',
      correct: true,
    });
    expect(text(overlay)).to.contain('Physics gives 200 ms');
    expect(text(overlay)).to.contain('The gap is 15 ms');
    expect(overlay.gap).to.be.closeTo(0.015, 1e-12);
  });

  it('states a categorical prediction and whether it matches', async () => {
    const { lab, overlay } = await setup('prediction="$act1" actual="$roof.bound"', {
      locked: true,
      value: 'A',
      label: 'Memory-bound',
      correct: true,
    });
    lab.labScope.set('roof', { bound: 'memory-bound' });
    await overlay.updateComplete;
    expect(text(overlay)).to.contain('You predicted Memory-bound. Physics gives memory-bound. That matches.');
    expect(overlay.gap).to.equal(null);
  });

  it('flags a bad compare and a bad literal actual', async () => {
    const { overlay } = await setup('prediction="$act1" actual="lots" compare="log"', {
      locked: true,
      value: 'A',
      number: 1,
      label: 'x',
      correct: null,
    });
    expect(alertText(overlay)).to.contain('compare');
    expect(alertText(overlay)).to.contain('actual');
  });
});
