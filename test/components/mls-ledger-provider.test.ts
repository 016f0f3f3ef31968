import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../components/ledger/mls-ledger-provider.js';
import '../../components/ledger/mls-ledger-hud.js';
import type { MlsLedgerProvider } from '../../components/ledger/mls-ledger-provider.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger, pageLedger } from '../../src/ledger/context.js';
import { alertText, shadowText } from '../helpers/index.js';

describe('mls-ledger-provider', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null })));

  it('provides its own ledger to the elements inside it, not the page-level one', async () => {
    const p = await fixture<MlsLedgerProvider>(
      html`<mls-ledger-provider storage="memory"><mls-ledger-hud summary></mls-ledger-hud></mls-ledger-provider>`,
    );
    expect(p.ledger).to.be.instanceOf(DesignLedger);
    expect(p.ledger).not.to.equal(pageLedger());
    p.ledger.upsert('v1.ch04', {});
    const hud = p.querySelector('mls-ledger-hud')!;
    await hud.updateComplete;
    expect(shadowText(hud)).to.contain('1 of 17');
    expect(getComputedStyle(p).display).to.equal('contents');
    await expect(p).to.be.accessible();
  });

  it('storage="memory" keeps nothing in localStorage and says progress is not saved', async () => {
    const p = await fixture<MlsLedgerProvider>(
      html`<mls-ledger-provider storage="memory" storage-key="mls-test.provider"></mls-ledger-provider>`,
    );
    p.ledger.upsert('v1.ch01', {});
    expect(localStorage.getItem('mls-test.provider')).to.equal(null);
    expect(p.ledger.status.persistent).to.equal(false);
  });

  it('storage-key keeps a separate namespace in localStorage', async () => {
    localStorage.removeItem('mls-test.course-a');
    const p = await fixture<MlsLedgerProvider>(html`<mls-ledger-provider storage-key="mls-test.course-a"></mls-ledger-provider>`);
    p.ledger.upsert('v1.ch07', { act1_prediction: 'A' });
    const stored = JSON.parse(localStorage.getItem('mls-test.course-a')!);
    expect(stored.records['v1.ch07'].act1_prediction).to.equal('A');
    localStorage.removeItem('mls-test.course-a');
    p.ledger.dispose();
  });

  it('re-dispatches ledger changes from itself as bubbling, composed events', async () => {
    const p = await fixture<MlsLedgerProvider>(html`<mls-ledger-provider storage="memory"></mls-ledger-provider>`);
    const ev = oneEvent(p, 'mls-ledger-change');
    p.ledger.upsert('v2.ch01', { act2_decision: 'shard' });
    const e = await ev;
    expect(e.bubbles).to.equal(true);
    expect(e.composed).to.equal(true);
    expect(e.detail.key).to.equal('v2.ch01');
    expect(e.detail.record.act2_decision).to.equal('shard');
    expect(e.detail.origin).to.equal('local');
  });

  it('accepts a ledger from the host', async () => {
    const mine = new DesignLedger({ storage: null });
    const p = await fixture<MlsLedgerProvider>(
      html`<mls-ledger-provider .ledger=${mine}><mls-ledger-hud summary></mls-ledger-hud></mls-ledger-provider>`,
    );
    expect(p.ledger).to.equal(mine);
    mine.upsert('v1.ch09', {});
    const hud = p.querySelector('mls-ledger-hud')!;
    await hud.updateComplete;
    expect(shadowText(hud)).to.contain('Volume I: 1 of 17');
  });

  it('flags a bad storage value', async () => {
    const p = await fixture<MlsLedgerProvider>(html`<mls-ledger-provider storage="cloud"></mls-ledger-provider>`);
    expect(alertText(p)).to.contain('storage');
  });
});
