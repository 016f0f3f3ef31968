/**
 * Lab 00 (The Architect's Portal) as a learner meets it, beyond the generic conformance rules:
 * Check 2's four-way grading and its INFEASIBLE callout with the computed numbers, the persona
 * per context, and the v1.ch00 ledger record later labs read. Needs the built bundle
 * (`npm run build`), like the conformance test.
 */
import { expect } from '@open-wc/testing';
import { V1_00 } from '../../physics/labs/index.js';
import { formatValue } from '../../src/format.js';
import { LabFrame, isolatedLab } from './harness.js';

/** This file's own ledger (test files share localStorage; see isolatedLab). */
const OWN_KEY = 'mlsys-labs.test.v1-00';
const info = await isolatedLab('/labs/vol1/lab-00.html', OWN_KEY);

/** Text of an element with the shadow text of the elements inside it (an <mls-value> shows its number in its shadow root). */
function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const el = node as Element;
  if (el.shadowRoot) return [...el.shadowRoot.childNodes].map(deepText).join('');
  return [...node.childNodes].map(deepText).join('');
}
describe("lab 00: The Architect's Portal", function () {
  this.timeout(60_000);
  let frame: LabFrame;

  const text = (el: Element | null) => (el ? frame.visibleSnapshot([], el).replace(/\s+/g, ' ') : '');
  const check = (name: string) => frame.named(name)!;
  const check2Callouts = () => {
    const sw = frame.doc.querySelector('mls-switch[value="$check2.correct"]');
    return [...(sw?.querySelectorAll('mls-callout') ?? [])].filter((c) => !(c as HTMLElement).hidden);
  };

  beforeEach(async () => {
    localStorage.removeItem(OWN_KEY);
    frame?.remove();
    frame = new LabFrame(info);
    await frame.load();
  });

  after(() => frame?.remove());

  it('shows only Check 1 at first, then each check after the one before', async () => {
    expect(check('check1')).to.exist;
    expect(frame.named('check2'), 'check 2 before check 1 is answered').to.equal(undefined);
    await frame.answer(check('check1'), ['A']);
    expect(frame.named('check2'), 'check 2 after check 1, even when it was wrong').to.exist;
    expect(frame.named('check3')).to.equal(undefined);
    await frame.answer(check('check2'), ['model_size']);
    expect(frame.named('check3')).to.exist;
    expect(frame.doc.querySelector('mls-context-toggle'), 'context choice before check 3').to.equal(null);
    await frame.answer(check('check3'), ['D']);
    expect(frame.doc.querySelector('mls-context-toggle'), 'context choice after all three checks').to.exist;
  });

  it('grades Check 2 four ways and states the computed propagation floor when not exactly right', async () => {
    await frame.answer(check('check1'), ['C']);
    const c2 = check('check2');

    // {move_server}: partially right, INFEASIBLE callout shown
    await frame.answer(c2, ['move_server']);
    let t = text(c2);
    expect(t).to.contain('Partially right');
    expect(t).to.contain('missed'); // edge_deploy is right but not chosen
    let shown = check2Callouts();
    expect(shown.map((c) => c.getAttribute('kind'))).to.deep.equal(['danger']);
    const callout = text(shown[0]);
    // 2 × 2,000 km / 2e8 m/s = 20 ms; 20 / 10 = 2×; 10 ms × 2e8 / 2 = 1,000 km; 40 − 20 = 20 ms
    expect(callout).to.contain('Infeasible');
    expect(callout).to.contain(formatValue(V1_00.avRoundTrip, 's'));
    expect(formatValue(V1_00.avRoundTrip, 's')).to.equal('20 ms');
    expect(callout).to.contain('2×');
    expect(callout).to.contain('10 ms');
    expect(callout).to.contain('1,000 km');
    expect(callout).to.contain('routing and queuing');

    // {faster_gpu, edge_deploy}: not quite (a wrong one chosen), callout still shown
    await frame.answer(c2, ['faster_gpu', 'edge_deploy']);
    t = text(c2);
    expect(t).to.contain('Not quite');
    expect(t).to.contain('wrong');
    expect(check2Callouts().map((c) => c.getAttribute('kind'))).to.deep.equal(['danger']);

    // {move_server, edge_deploy}: exactly right, no INFEASIBLE callout
    await frame.answer(c2, ['move_server', 'edge_deploy']);
    expect(text(c2)).to.contain('Exactly right');
    shown = check2Callouts();
    expect(shown.map((c) => c.getAttribute('kind'))).to.deep.equal(['success']);
    expect(text(shown[0])).to.contain('1,000 km');
  });

  it('keeps the numbers in the check feedback equal to the physics', async () => {
    await frame.answer(check('check1'), ['C']);
    await frame.answer(check('check2'), ['move_server', 'edge_deploy']);
    const c3 = check('check3');
    const feedback = [...frame.doc.querySelectorAll('mls-reflection > [data-for]')].map(deepText).join(' ').replace(/\s+/g, ' ');
    // 2 ms × 2e8 m/s / 2 = 200 km
    expect(V1_00.icuMaxDistance).to.equal(200_000);
    expect(feedback).to.contain('200 km');
    // 0.1 W × (2 ms / 1 s) = 0.2 mW
    const tiny = V1_00.icuRegimes.find((r) => r.tier === 'tiny')!;
    expect(formatValue(tiny.averagePower, 'W')).to.equal('200 µW');
    expect(feedback, 'bound to the physics, not typed').to.contain('200 µW');
    expect(feedback).to.contain('0.2% duty cycle'); // 2 ms / 1 s
    // 2 × 2,000 km; 10 ms × 2e8 m/s / 2 = 1,000 km; 2 × 2,000 km / 2e8 m/s = 20 ms
    expect(feedback).to.contain('4,000 km');
    expect(feedback).to.contain('at most 1,000 km for 10 ms');
    expect(feedback).to.contain('not the 20 ms the light spends');
    expect(c3).to.exist;
  });

  it('shows the persona for each confirmed context and records it for later labs', async () => {
    await frame.answer(check('check1'), ['C']);
    await frame.answer(check('check2'), ['move_server', 'edge_deploy']);
    await frame.answer(check('check3'), ['D']);
    const toggle = frame.doc.querySelector('mls-context-toggle')!;
    const personas: Record<string, string> = {
      cloud: 'LLM Infrastructure Lead',
      edge: 'Autonomous Systems Lead',
      mobile: 'Smartphone App Architect',
      tiny: 'TinyML / Embedded Systems Lead',
    };
    const sw = frame.doc.querySelector('mls-switch[value="$context"]')!;
    // Each answer is saved as it is given, before any context is confirmed (a reload keeps them).
    const early = frame.ledgerFile(OWN_KEY)?.records['v1.ch00'];
    expect(early, 'the answers are saved before a context is confirmed').to.exist;
    expect(early!.extra).to.include({ check1_answer: 'C', check3_answer: 'D' });
    expect(early!.context ?? null, 'no context before it is confirmed').to.equal(null);
    expect(text(sw)).to.contain('No context confirmed yet');
    for (const [ctx, role] of Object.entries(personas)) {
      await frame.setControl(toggle, ctx);
      const t = text(sw);
      expect(t, ctx).to.contain(role);
      for (const [other, r] of Object.entries(personas)) if (other !== ctx) expect(t, `${ctx} hides ${other}`).to.not.contain(r);
    }
    // Golden: Check 1 = C, Check 3 = D, regime = tiny
    const rec = frame.ledgerFile(OWN_KEY)!.records['v1.ch00'];
    expect(rec.context).to.equal('tiny');
    expect(rec.extra).to.include({
      deployment_context: 'tiny',
      check1_answer: 'C',
      check1_correct: true,
      check3_answer: 'D',
      check3_correct: true,
      check2_correct: true,
    });
    expect((rec.extra as Record<string, unknown>).check2_selections).to.deep.equal(['move_server', 'edge_deploy']);
    const { DesignLedger } = await import('../../src/ledger/store.js');
    expect(new DesignLedger({ storageKey: OWN_KEY, sync: false }).track, 'ledger.track for later labs').to.equal('tiny');
  });

  it('drives the tour instruments from its live levers', async () => {
    await frame.answer(check('check1'), ['C']);
    await frame.answer(check('check2'), ['move_server', 'edge_deploy']);
    await frame.answer(check('check3'), ['D']);
    expect(frame.doc.querySelector('mls-roofline'), 'levers appear only after the tour prediction').to.equal(null);
    await frame.lock(frame.named('tour')!, 'B');
    const feedback = [...frame.doc.querySelectorAll('mls-switch[value="$tour.correct"] mls-callout')].filter(
      (c) => !(c as HTMLElement).hidden,
    );
    expect(feedback.map((c) => c.getAttribute('kind'))).to.deep.equal(['warn']);
    const metric = () => text(frame.doc.querySelector('mls-metric[label="Arithmetic intensity"]'));
    const before = metric();
    // Batch 32 on an 8,192² FP16 layer: 2·32·8192² / ((32·8192 + 8192² + 32·8192)·2) = 31.75 FLOP/B
    expect(before).to.contain('31.8 FLOP/B');
    await frame.setControl(frame.named('batch')!, '128');
    // 2·128·8192² / ((128·8192·2 + 8192²)·2) = 124.1 FLOP/B
    expect(metric()).to.contain('124 FLOP/B');
    const ridge = () => text(frame.doc.querySelector('mls-metric[label="Ridge point"]'));
    expect(ridge()).to.contain('295 FLOP/B'); // 989e12 / 3.35e12
    await frame.setControl(frame.named('tour_device')!, 'cortex-m7');
    expect(ridge()).to.contain('20 FLOP/B'); // 1e9 / 0.05e9
  });
});
