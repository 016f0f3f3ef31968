import { fixture, html, expect, aTimeout, oneEvent } from '@open-wc/testing';
import '../../components/lab/mls-lab.js';
import '../../components/lab/mls-act.js';
import '../../components/assess/mls-prediction-lock.js';
import '../../components/lab/mls-gate.js';
import '../../components/assess/mls-overlay.js';
import '../../components/controls/mls-context-toggle.js';
import '../../components/ledger/mls-ledger-provider.js';
import '../../components/assess/mls-reflection.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import type { MlsLedgerProvider } from '../../components/ledger/mls-ledger-provider.js';
import type { MlsPredictionLock } from '../../components/assess/mls-prediction-lock.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { emit } from '../../src/events.js';
import { alertText, shadowText, squash } from '../helpers/index.js';
const lockButton = (lock: Element) => lock.shadowRoot!.querySelector<HTMLButtonElement>('button[part=button]')!;
const radio = (lock: Element, value: string) => lock.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;

async function lockChoice(lab: MlsLab, name: string, value: string): Promise<void> {
  const lock = lab.querySelector<MlsPredictionLock>(`mls-prediction-lock[name="${name}"]`)!;
  await lock.updateComplete;
  radio(lock, value).click();
  await lock.updateComplete;
  lockButton(lock).click();
  await aTimeout(0);
}

const opts = html`
  <option value="A" data-number="1e2">~100×</option>
  <option value="B" data-number="1e4">~10,000×</option>
  <option value="C" data-number="1e6">~1,000,000×</option>
  <option value="D" data-number="1e8">~100,000,000×</option>`;

function labTemplate(extra = {}) {
  const a = { result: '$wf2.total', decision: '$wf2.choice', record: 'distance_km:$distance bound:$roof.bound', ...extra };
  return html`<mls-lab volume="1" chapter="2" title="The Iron Law" minutes="40" contexts="cloud edge"
      result=${a.result} decision=${a.decision} record=${a.record}>
    <ul slot="reading"><li>Chapter 2, section 2.3</li></ul>
    <mls-act n="1" title="The Memory Wall">
      <mls-prediction-lock name="act1" answer="C"><span slot="question">Q1?</span>${opts}</mls-prediction-lock>
      <mls-gate after="act1"><template>
        <div class="instrument">instrument one</div>
        <mls-overlay prediction="$act1" actual="$speedup" unit="x">Because memory.</mls-overlay>
      </template></mls-gate>
      <div class="act1-thing"></div>
    </mls-act>
    <mls-act n="2" title="The Budget">
      <mls-prediction-lock name="act2" answer="A"><span slot="question">Q2?</span>${opts}</mls-prediction-lock>
      <div class="act2-thing"></div>
    </mls-act>
  </mls-lab>`;
}

describe('mls-lab', () => {
  let ledger: DesignLedger;
  beforeEach(() => {
    ledger = new DesignLedger({ storage: null });
    setPageLedger(ledger);
  });

  it('renders the header: volume · lab, title, time badge, both contexts with their devices, reading', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    const t = shadowText(lab);
    expect(t).to.contain('Volume I · Lab 02');
    expect(lab.shadowRoot!.querySelector('h2')!.textContent).to.equal('The Iron Law');
    expect(t).to.contain('About 40 min');
    const chips = [...lab.shadowRoot!.querySelectorAll('.chip')].map((c) => squash(c.textContent));
    expect(chips).to.have.length(2);
    expect(chips[0]).to.contain('Cloud').and.contain('H100');
    expect(chips[1]).to.contain('Edge').and.contain('Jetson Orin NX');
    const reading = lab.shadowRoot!.querySelector<HTMLElement>('.reading')!;
    expect(reading.hidden).to.equal(false);
    expect(reading.textContent).to.contain('Recommended reading');
    // The title attribute becomes `heading`, so no browser tooltip covers the lab.
    expect(lab.hasAttribute('title')).to.equal(false);
    expect(lab.heading).to.equal('The Iron Law');
    await expect(lab).to.be.accessible();
  });

  it('hides the reading box when nothing is slotted', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="2" chapter="17" title="Synthesis"></mls-lab>`);
    expect(lab.shadowRoot!.querySelector<HTMLElement>('.reading')!.hidden).to.equal(true);
    expect(shadowText(lab)).to.contain('Volume II · Lab 17');
  });

  it('provides the scope with lab = { volume, chapter, key }', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    expect(lab.key).to.equal('v1.ch02');
    expect(lab.labScope.get('lab')).to.deep.equal({ volume: 1, chapter: 2, key: 'v1.ch02' });
  });

  for (const [attrs, named] of [
    [{ volume: '3', chapter: '2' }, 'volume'],
    [{ volume: '1', chapter: '17' }, 'chapter'],
    [{ volume: '2', chapter: '0' }, 'chapter'],
  ] as const) {
    it(`rejects volume=${attrs.volume} chapter=${attrs.chapter} with an alert naming ${named}`, async () => {
      const lab = await fixture<MlsLab>(html`<mls-lab volume=${attrs.volume} chapter=${attrs.chapter}></mls-lab>`);
      expect(alertText(lab)).to.contain(named);
      expect(lab.key).to.equal(null);
    });
  }

  it('writes nothing until the first lock, then one record with the act fields and scope snapshot', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    lab.labScope.set('distance', 2000);
    lab.labScope.set('context', 'edge');
    await aTimeout(0);
    expect(ledger.size).to.equal(0);
    await lockChoice(lab, 'act1', 'B');
    const rec = ledger.get('v1.ch02')!;
    expect(rec.act1_prediction).to.equal('B');
    expect(rec.act1_correct).to.equal(false);
    expect(rec.context).to.equal('edge');
    expect(rec.extra).to.deep.equal({ distance_km: 2000 });
    expect(rec.scope!.act1).to.deep.equal({ locked: true, value: 'B', number: 1e4, label: '~10,000×', correct: false, act: 1 });
    expect(rec.scope!.distance).to.equal(2000);
  });

  it('keeps exactly one record per chapter after many changes, with result, decision and extra', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    const seen: string[] = [];
    ledger.addEventListener('mls-ledger-change', () => seen.push('change'));
    await lockChoice(lab, 'act1', 'C');
    for (let i = 1; i <= 40; i++) {
      lab.labScope.set('wf2', { total: i * 0.001, choice: i % 2 ? 'quantize' : 'batch' });
      lab.labScope.set('roof', { bound: i % 2 ? 'memory' : 'compute' });
      if (i % 10 === 0) await aTimeout(0);
    }
    await lockChoice(lab, 'act2', 'A');
    expect(ledger.all()).to.have.length(1);
    const rec = ledger.get('v1.ch02')!;
    expect(rec.key).to.equal('v1.ch02');
    expect(rec.act1_correct).to.equal(true);
    expect(rec.act2_prediction).to.equal('A');
    expect(rec.act2_correct).to.equal(true);
    // last values written: i = 40 → total 0.04, even → 'batch', 'compute'
    expect(rec.act2_result).to.equal(0.04);
    expect(rec.act2_decision).to.equal('batch');
    expect(rec.extra).to.deep.include({ bound: 'compute' });
    // writes are coalesced: far fewer upserts than the 80 scope changes
    expect(seen.length).to.be.lessThan(12);
  });

  it('records context changes from the toggle', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="3" contexts="cloud edge">
      <mls-context-toggle></mls-context-toggle>
      <mls-act n="1"><mls-prediction-lock name="act1" answer="A">${opts}</mls-prediction-lock></mls-act></mls-lab>`);
    const toggle = lab.querySelector('mls-context-toggle')!;
    await toggle.updateComplete;
    await lockChoice(lab, 'act1', 'A');
    expect(ledger.get('v1.ch03')!.context).to.equal('cloud');
    toggle.shadowRoot!.querySelector<HTMLInputElement>('input[value=edge]')!.click();
    await aTimeout(0);
    expect(ledger.get('v1.ch03')!.context).to.equal('edge');
    expect(ledger.get('v1.ch03')!.scope!.device).to.equal('jetson-orin-nx');
  });

  it('sets constraint_hit only for Act II failures, keeps it true, and sets false when Act II locks without one', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    await lockChoice(lab, 'act1', 'C');
    emit(lab.querySelector('.act1-thing')!, 'mls-failure', { name: 'x', active: true, message: 'act 1 failure', act: 1 });
    await aTimeout(0);
    expect(ledger.get('v1.ch02')!.constraint_hit).to.equal(null);
    await lockChoice(lab, 'act2', 'B');
    expect(ledger.get('v1.ch02')!.constraint_hit).to.equal(false);
    emit(lab.querySelector('.act2-thing')!, 'mls-failure', { name: 'sla', active: true, message: 'P99 over budget', act: 2 });
    await aTimeout(0);
    expect(ledger.get('v1.ch02')!.constraint_hit).to.equal(true);
    emit(lab.querySelector('.act2-thing')!, 'mls-failure', { name: 'sla', active: false, message: '', act: 2 });
    lab.labScope.set('n', 5);
    await aTimeout(0);
    expect(ledger.get('v1.ch02')!.constraint_hit, 'sticky').to.equal(true);
  });

  it('writes nothing until the learner acts: a context picked but not confirmed is not an act', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="0" record="check1:$c1.value">
      <mls-context-toggle confirm contexts="cloud edge mobile tiny"></mls-context-toggle></mls-lab>`);
    const toggle = lab.querySelector('mls-context-toggle')!;
    await toggle.updateComplete;
    lab.labScope.set('c1', { answered: true, value: 'C', correct: true });
    toggle.shadowRoot!.querySelector<HTMLInputElement>('input[value=tiny]')!.click();
    await aTimeout(0);
    expect(ledger.size).to.equal(0);
    toggle.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await aTimeout(0);
    const rec = ledger.get('v1.ch00')!;
    expect(rec.context).to.equal('tiny');
    expect(rec.extra).to.deep.equal({ check1: 'C' });
    expect(ledger.track).to.equal('tiny');
  });

  it('saves an answer as soon as it is checked, before any context is confirmed (lab 00)', async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="0" record="check1:$c1.value">
      <mls-context-toggle confirm contexts="cloud edge mobile tiny"></mls-context-toggle>
      <mls-reflection name="c1" answer="B"><span slot="question">Q</span>
        <option value="A">a</option><option value="B">b</option><option value="C">c</option><option value="D">d</option>
      </mls-reflection></mls-lab>`);
    const r = lab.querySelector('mls-reflection')!;
    await r.updateComplete;
    expect(ledger.size, 'nothing written on open').to.equal(0);
    r.shadowRoot!.querySelector<HTMLInputElement>('input[value=C]')!.click();
    await r.updateComplete;
    r.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await aTimeout(0);
    const rec = ledger.get('v1.ch00')!;
    expect(rec, 'record written on the first answer').to.exist;
    expect(rec.extra).to.deep.equal({ check1: 'C' });
    expect(rec.context ?? null, 'no context yet').to.equal(null);
  });

  it('opening a lab that has a saved record writes nothing (timestamp and context unchanged)', async () => {
    ledger.upsert('v1.ch02', { context: 'edge', act1_prediction: 'B', act1_correct: false });
    const before = JSON.stringify(ledger.get('v1.ch02'));
    const lab = await fixture<MlsLab>(labTemplate());
    await lab.updateComplete;
    await aTimeout(20);
    lab.snapshot();
    expect(JSON.stringify(ledger.get('v1.ch02'))).to.equal(before);
  });

  it('restores the learner state when re-created from the same ledger: lock locked, gate open, overlay revealed', async () => {
    const first = await fixture<MlsLab>(labTemplate());
    await lockChoice(first, 'act1', 'B');
    first.labScope.set('speedup', 989000);
    await aTimeout(0);
    expect(first.querySelector('.instrument')).to.exist;
    first.remove();

    const lab = await fixture<MlsLab>(labTemplate());
    const lock = lab.querySelector<MlsPredictionLock>('mls-prediction-lock[name=act1]')!;
    await lock.updateComplete;
    expect(lock.locked).to.include({ value: 'B' });
    expect(shadowText(lock)).to.contain('Prediction locked: B — ~10,000×');
    const gate = lab.querySelector('mls-gate')!;
    await gate.updateComplete;
    expect(gate.open).to.equal(true);
    expect(lab.querySelectorAll('.instrument')).to.have.length(1);
    const overlay = lab.querySelector('mls-overlay')!;
    await overlay.updateComplete;
    // 989,000 / 10,000 = 98.9
    expect(shadowText(overlay)).to.contain('off by 98.9×');
    expect(ledger.all()).to.have.length(1);
  });

  it('snapshot() and restore() round-trip the scope and the record', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    await lockChoice(lab, 'act1', 'C');
    lab.labScope.set('distance', 1234);
    await aTimeout(0);
    const snap = JSON.parse(JSON.stringify(lab.snapshot()));
    expect(snap.scope.act1.value).to.equal('C');
    expect(snap.record.act1_prediction).to.equal('C');

    lab.reset();
    await aTimeout(0);
    expect(ledger.get('v1.ch02')).to.equal(undefined);
    expect(lab.labScope.get('act1')).to.equal(undefined);
    const lock = lab.querySelector<MlsPredictionLock>('mls-prediction-lock[name=act1]')!;
    await lock.updateComplete;
    expect(lock.locked).to.equal(undefined);
    expect(lab.querySelector('.instrument'), 'gate closed again').to.equal(null);

    expect(lab.restore({ scope: { nope: 1 }, record: 'bad' } as never)).to.equal(false);
    expect(lab.restore(snap)).to.equal(true);
    await aTimeout(0);
    expect(lab.labScope.get('distance')).to.equal(1234);
    expect(ledger.get('v1.ch02')!.act1_prediction).to.equal('C');
    await lock.updateComplete;
    expect(lock.locked).to.include({ value: 'C' });
    expect(lab.labScope.get('lab')).to.deep.equal({ volume: 1, chapter: 2, key: 'v1.ch02' });
  });

  it('re-dispatches each ledger change once as a bubbling, composed DOM event', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    const heard: unknown[] = [];
    const listener = (e: Event) => heard.push((e as CustomEvent).detail);
    document.addEventListener('mls-ledger-change', listener);
    const ev = oneEvent(lab, 'mls-ledger-change');
    await lockChoice(lab, 'act1', 'A');
    const e = await ev;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.key).to.equal('v1.ch02');
    expect(heard).to.have.length(1);
    document.removeEventListener('mls-ledger-change', listener);
  });

  it('uses the ledger of an enclosing mls-ledger-provider', async () => {
    const root = await fixture<MlsLedgerProvider>(html`<mls-ledger-provider storage="memory">${labTemplate()}</mls-ledger-provider>`);
    const lab = root.querySelector('mls-lab')!;
    await lockChoice(lab, 'act1', 'D');
    expect(root.ledger.get('v1.ch02')!.act1_prediction).to.equal('D');
    expect(ledger.size, 'page ledger untouched').to.equal(0);
  });

  it('is accessible once revealed', async () => {
    const lab = await fixture<MlsLab>(labTemplate());
    await lockChoice(lab, 'act1', 'C');
    lab.labScope.set('speedup', 1e6);
    await aTimeout(0);
    await expect(lab).to.be.accessible();
  });
});
