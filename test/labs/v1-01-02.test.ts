/**
 * Labs v1-01 and v1-02 worked through as a learner would (the built pages in an iframe, driven
 * through their own controls): the numbers the prose and overlays show against physics, the
 * failure states, and the ledger record. The pages load dist/autoload.js: run `npm run build` first.
 */
import { expect } from '@open-wc/testing';
import { LabFrame, isolatedLab as isolated, type AnyEl, type LabInfo } from './harness.js';
import {
  V1_01_SCENARIO,
  V1_02_SCENARIO,
  V1_01_ACT1_CLAIMS,
  V1_01_ACT2_CLAIMS,
  V1_02_ACT1_CLAIMS,
  V1_02_ACT2_CLAIMS,
  v1_01Act1Ratio,
  v1_01Act2,
  v1_02Act1Bytes,
  v1_02Upgrade,
  v1_02EndToEnd,
  LAB_SCENARIOS,
  type FailureRecipe,
} from '../../physics/labs/index.js';
import { propagationDelay } from '../../physics/ironlaw.js';
import { formatValue } from '../../src/format.js';

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.abs(b);

/**
 * Test files run side by side on one origin and share localStorage, so this file gives its labs a
 * ledger of their own: the page's <mls-lab> inside an <mls-ledger-provider> with its own storage key.
 * The provider's module is loaded ahead of the autoloader so that it is defined before <mls-lab>
 * connects (otherwise the lab would first read the page-level ledger).
 */
const OWN_KEY = 'mlsys-labs.test.v1-01-02';
const isolatedLab = (url: string): Promise<LabInfo> => isolated(url, OWN_KEY);
/** Start the page over with an empty ledger of its own (the tests above leave their state behind). */
async function startOver(frame: LabFrame): Promise<void> {
  localStorage.removeItem(OWN_KEY);
  await frame.load();
}
/** What each option of the lock `name` claims (`data-number`), by option value, as the page declares it. */
function claims(doc: Document, name: string): Record<string, number> {
  return Object.fromEntries(
    [...doc.querySelectorAll(`mls-prediction-lock[name="${name}"] option`)].map((o) => [
      o.getAttribute('value'),
      Number(o.getAttribute('data-number')),
    ]),
  );
}
function ownRecord(frame: LabFrame, key: string): Record<string, unknown> {
  const raw = frame.win.localStorage.getItem(OWN_KEY);
  return (JSON.parse(raw ?? '{"records":{}}') as { records: Record<string, Record<string, unknown>> }).records[key];
}

/** The scenario's recipe for a failure element on the page (by its name). */
function failureRecipe(failure: Element): FailureRecipe {
  const lab = failure.closest('mls-lab')!;
  const id = `v${lab.getAttribute('volume')}-${String(lab.getAttribute('chapter')).padStart(2, '0')}`;
  const r = LAB_SCENARIOS[id]?.failures.find((f) => f.failure === failure.getAttribute('name'));
  if (!r) throw new Error(`no failure recipe for ${failure.getAttribute('name')} in ${id}`);
  return r;
}

function overlayText(frame: LabFrame, name: string): string {
  const o = [...frame.doc.querySelectorAll('mls-overlay')].find((e) => e.getAttribute('prediction') === `$${name}`)!;
  return squash(o.shadowRoot!.querySelector('.main')?.textContent);
}

function attr(doc: Document, sel: string, name: string): string {
  const el = doc.querySelector(sel) ?? [...doc.querySelectorAll('template')].map((t) => t.content.querySelector(sel)).find(Boolean);
  if (!el) throw new Error(`no ${sel}`);
  return el.getAttribute(name) ?? '';
}

describe('lab v1-01, The Magnitude Awakening', function () {
  this.timeout(60_000);
  let frame: LabFrame;

  before(async () => {
    localStorage.removeItem(OWN_KEY);
    frame = new LabFrame(await isolatedLab('/labs/vol1/lab-01.html'));
    await frame.load();
  });
  after(() => frame?.remove());

  it('declares the scenario physics uses (model, precision, batch range, question batch)', () => {
    const doc = new DOMParser().parseFromString(frame.info.html, 'text/html');
    expect(attr(doc, 'mls-dam-triad', 'model')).to.equal(V1_01_SCENARIO.model);
    expect(attr(doc, 'mls-dam-triad', 'precision')).to.equal(V1_01_SCENARIO.precision);
    expect(
      Number(attr(doc, 'mls-dam-triad[publish="triadQ"]', 'batch')),
      "the reveal reads a headless triad at the question's batch",
    ).to.equal(V1_01_SCENARIO.batch.value);
    expect(attr(doc, 'mls-dam-triad[publish="triadQ"]', 'headless')).to.equal('');
    expect(Number(attr(doc, 'mls-slider[name="batch"]', 'min'))).to.equal(V1_01_SCENARIO.batchMin.value);
    expect(Number(attr(doc, 'mls-slider[name="batch"]', 'max'))).to.equal(V1_01_SCENARIO.batchMax.value);
    expect(Number(attr(doc, 'mls-slider[name="batch"]', 'value'))).to.equal(V1_01_SCENARIO.batch.value);
    // The answer keys are derived from these claims: the options the learner reads must say the same.
    expect(claims(doc, 'act1'), 'Act I options').to.deep.equal(V1_01_ACT1_CLAIMS);
    expect(claims(doc, 'act2'), 'Act II options').to.deep.equal(V1_01_ACT2_CLAIMS);
  });

  it('Act I: the overlay states the 989,000× gap and the off-by ratio, whatever precision is shown', async () => {
    await frame.lock(frame.named('act1')!, 'A');
    // 989e12 / 1e9 = 989,000; predicted 100 → off by 9,890×
    expect(overlayText(frame, 'act1')).to.equal(
      `You predicted About 100×. Physics gives ${formatValue(v1_01Act1Ratio(), 'x')}. You were off by 9,890× (your estimate was too low).`,
    );
    await frame.setControl(frame.named('precision')!, 'fp32');
    const gap = frame.doc.querySelector('mls-magnitude-gap')!;
    const computeRatio = gap.shadowRoot!.querySelector('table.ratios tbody tr')!.children[3].textContent!.trim();
    // FP32 for both: 67e12 / 1e9 = 67,000×
    expect(computeRatio).to.equal('67,000×');
    expect(overlayText(frame, 'act1')).to.contain('Physics gives 989,000×');
    await frame.setControl(frame.named('precision')!, 'headline');
  });

  it('Act II: the overlay compares D/BW with O/R at batch 1 on the H100, even after the batch moves', async () => {
    await frame.lock(frame.named('act2')!, 'C');
    const r = v1_01Act2('cloud', 1);
    // 15.373 us / 8.291 us = 1.85×; predicted 1× → off by 1.85×
    expect(overlayText(frame, 'act2')).to.equal(
      `You predicted Neither: the two take about the same time. Physics gives ${formatValue(r.data / r.compute, 'x')}. You were off by 1.85× (your estimate was too low).`,
    );
    await frame.setControl(frame.named('batch')!, '8');
    expect(overlayText(frame, 'act2')).to.contain('Physics gives 1.85×');
    // The prose says compute-bound at batch 8 (8 x 8.2e9 / (51.2e6 + 8 x 301,056) = 1,230 FLOP/B > 295)
    const sw = [...frame.doc.querySelectorAll('mls-switch')].find((s) => s.getAttribute('value') === '$triad.sides.cloud.bound')!;
    const shown = [...sw.children].filter((c) => !c.hasAttribute('hidden')).map((c) => squash(c.textContent));
    expect(shown).to.deep.equal(['compute-bound: the tensor cores, not the memory, now set the pace.']);
    await frame.setControl(frame.named('batch')!, '1');
  });

  it('Act II: switching to the microcontroller raises the out-of-memory failure and switching back clears it', async () => {
    const failure = frame.doc.querySelector('mls-failure[name="oom"]')!;
    expect(failure.hasAttribute('active')).to.equal(false);
    await frame.applyRecipe(failureRecipe(failure).reach);
    expect(failure.hasAttribute('active')).to.equal(true);
    const t = frame.visibleSnapshot([], failure);
    // 51,501,056 B / 512,000 B = 100.6× → "101×"; MCU compute 8.2 s vs data 1.03 s
    expect(t).to.contain(formatValue(v1_01Act2('tiny', 1).oomRatio, 'x'));
    expect(t).to.contain('8.2 s');
    expect(t).to.contain('1.03 s');
    await frame.applyRecipe(failureRecipe(failure).escape);
    expect(failure.hasAttribute('active')).to.equal(false);
  });

  it('writes the ledger record: the total latency, the verdict, the constraint hit and the Act I gap', async () => {
    // From a fresh start, independent of the tests above: both predictions, then into the
    // out-of-memory failure on the microcontroller and back to the cloud.
    await startOver(frame);
    await frame.lock(frame.named('act1')!, 'A');
    await frame.lock(frame.named('act2')!, 'C');
    await frame.applyRecipe({ context: 'tiny' });
    await frame.applyRecipe({ context: 'cloud' });
    const rec = ownRecord(frame, 'v1.ch01');
    expect(rec.context).to.equal('cloud');
    expect(rec.act1_prediction).to.equal('A');
    expect(rec.act1_correct).to.equal(false);
    expect(rec.act2_prediction).to.equal('C');
    // Cloud, batch 1: 33.67 us
    expect(close(rec.act2_result as number, v1_01Act2('cloud', 1).total)).to.equal(true);
    expect(rec.act2_decision).to.equal('memory-bound');
    expect(rec.constraint_hit).to.equal(true);
    const extra = rec.extra as Record<string, unknown>;
    expect(extra.act1_compute_gap).to.equal(989_000);
    expect(frame.errors).to.deep.equal([]);
    expect(frame.warnings).to.deep.equal([]);
  });
});

describe('lab v1-02, The Iron Law', function () {
  this.timeout(60_000);
  let frame: LabFrame;

  before(async () => {
    localStorage.removeItem(OWN_KEY);
    frame = new LabFrame(await isolatedLab('/labs/vol1/lab-02.html'));
    await frame.load();
  });
  after(() => frame?.remove());

  it('declares the scenario physics uses (bytes, intensity range, SLA, distances, batch range)', () => {
    const doc = new DOMParser().parseFromString(frame.info.html, 'text/html');
    const ai = 'mls-slider[name="ai"]';
    expect(Number(attr(doc, ai, 'min'))).to.equal(V1_02_SCENARIO.act1IntensityMin.value);
    expect(Number(attr(doc, ai, 'max'))).to.equal(V1_02_SCENARIO.act1IntensityMax.value);
    expect(Number(attr(doc, ai, 'value'))).to.equal(V1_02_SCENARIO.act1Intensity.value);
    expect(attr(doc, ai, 'scale')).to.equal('log');
    expect(Number(attr(doc, 'mls-latency-waterfall[publish="wf"]', 'bytes'))).to.equal(v1_02Act1Bytes());
    expect(
      Number(attr(doc, 'mls-latency-waterfall[publish="wfQ"]', 'intensity')),
      "the reveal reads a headless waterfall at the question's intensity",
    ).to.equal(V1_02_SCENARIO.act1Intensity.value);
    const wf2 = 'mls-latency-waterfall[publish="wf2"]';
    expect(Number(attr(doc, wf2, 'sla'))).to.equal(V1_02_SCENARIO.sla.value);
    expect(Number(attr(doc, 'mls-latency-waterfall[publish="wf2Q"]', 'distance')), 'SI metres').to.equal(V1_02_SCENARIO.act2Distance.value);
    expect(Number(attr(doc, 'mls-slider[name="distance"]', 'si-scale')), 'the slider shows km and writes metres').to.equal(1000);
    expect(attr(doc, wf2, 'model')).to.equal(V1_02_SCENARIO.act2Model);
    expect(Number(attr(doc, 'mls-slider[name="distance"]', 'max'))).to.equal(V1_02_SCENARIO.distanceMaxKm.value);
    expect(Number(attr(doc, 'mls-slider[name="batch"]', 'max'))).to.equal(V1_02_SCENARIO.batchMax.value);
    // The answer keys are derived from these claims: the options the learner reads must say the same.
    expect(claims(doc, 'act1'), 'Act I options').to.deep.equal(V1_02_ACT1_CLAIMS);
    expect(claims(doc, 'act2'), 'Act II options').to.deep.equal(V1_02_ACT2_CLAIMS);
    // The givens typed in the story agree with the scenario: 10 ms loop, 3,000 km
    const story = squash(doc.body.textContent);
    expect(story).to.contain(`a ${V1_02_SCENARIO.sla.value * 1000}-millisecond perception loop`);
    expect(story).to.contain(`${(V1_02_SCENARIO.act2Distance.value / 1000).toLocaleString('en-US')} km`);
    expect(story).to.contain(`performs ${V1_02_SCENARIO.act1Intensity.value} FLOP for every byte`);
  });

  it('shows the spec-sheet ratios before the prediction', () => {
    const text = squash(frame.visibleSnapshot([], frame.doc.querySelector('mls-act[n="1"] > p:nth-of-type(2)')!));
    expect(text).to.contain('3.17×'); // 989 / 312
    expect(text).to.contain('1.64×'); // 3.35 / 2.039
  });

  it("Act I: the upgrade buys the bandwidth ratio at the question's intensity, wherever the slider is", async () => {
    await frame.lock(frame.named('act1')!, 'A');
    const u = v1_02Upgrade('cloud', 5);
    // 1,027.9 us / 617.1 us = 1.67×; predicted 3.2 → off by 1.92×
    expect(overlayText(frame, 'act1')).to.equal(
      `You predicted About 3.2× faster: the compute ratio. Physics gives ${formatValue(u.speedup, 'x')}. You were off by 1.92× (your estimate was too high).`,
    );
    await frame.setControl(frame.named('ai')!, '2000');
    expect(overlayText(frame, 'act1')).to.contain('Physics gives 1.67×');
    const wf = frame.doc.querySelector('mls-latency-waterfall[publish="wf"]') as AnyEl & {
      outputs: { speedup: number; bound: string; intensity: number };
    };
    // The log slider lands on its nearest position to 2,000
    expect(wf.outputs.intensity).to.be.within(1900, 2000);
    expect(close(wf.outputs.speedup, v1_02Upgrade('cloud', wf.outputs.intensity).speedup)).to.equal(true);
    expect(wf.outputs.bound).to.equal('compute');
    await frame.setControl(frame.named('ai')!, '5');
  });

  it('Act I: the edge context shows the Xavier NX → Orin NX upgrade instead', async () => {
    const toggle = frame.doc.querySelector('mls-context-toggle')!;
    await frame.setControl(toggle, 'edge');
    const cloud = frame.doc.querySelector('mls-latency-waterfall[publish="wf"]')!;
    const edge = frame.doc.querySelector('mls-latency-waterfall[publish="wfEdge"]') as AnyEl & {
      outputs: { speedup: number; intensity: number };
    };
    expect(cloud.closest('[data-case]')!.hasAttribute('hidden')).to.equal(true);
    expect(edge.closest('[data-case]')!.hasAttribute('hidden')).to.equal(false);
    expect(edge.outputs.intensity).to.be.within(4.9, 5.1);
    expect(close(edge.outputs.speedup, v1_02Upgrade('edge', edge.outputs.intensity).speedup)).to.equal(true);
    expect(overlayText(frame, 'act1')).to.contain('Physics gives 1.67×');
    await frame.setControl(toggle, 'cloud');
  });

  it('Act II: 30 ms of light at 3,000 km; the SLA fails in the cloud, passes nearer or on the car, and fails on the car at a big batch', async () => {
    await frame.lock(frame.named('act2')!, 'B');
    // 2 x 3e6 m / 2e8 m/s = 30 ms; predicted 10 ms → off by 3×
    expect(overlayText(frame, 'act2')).to.equal(
      `You predicted About 10 milliseconds. Physics gives ${formatValue(propagationDelay(3e6), 's')}. You were off by 3× (your estimate was too low).`,
    );
    const failure = frame.doc.querySelector('mls-failure[name="sla"]')!;
    await frame.applyRecipe(failureRecipe(failure).reach);
    expect(failure.hasAttribute('active')).to.equal(true);
    // (10 ms - 33.66 us) x 2e8 / 2 = 997 km
    expect(frame.visibleSnapshot([], failure)).to.contain('997 km');
    await frame.applyRecipe(failureRecipe(failure).escape);
    expect(failure.hasAttribute('active')).to.equal(false);
    const wf2 = frame.doc.querySelector('mls-latency-waterfall[publish="wf2"]') as AnyEl & {
      outputs: { total: number; placement: string };
    };
    expect(close(wf2.outputs.total, v1_02EndToEnd('cloud', 5e5, 1).endToEnd, 1e-9)).to.equal(true);
    // Back to 3,000 km but on the car: no round trip, 1.03 ms
    await frame.applyRecipe({ distance: 3e6, context: 'edge' });
    expect(failure.hasAttribute('active')).to.equal(false);
    expect(wf2.outputs.placement).to.equal('onboard');
    expect(close(wf2.outputs.total, v1_02EndToEnd('edge', 3e6, 1).endToEnd, 1e-9)).to.equal(true);
    // Batch 64 on the Orin: 21.9 ms > 10 ms
    await frame.applyRecipe({ batch: 64 });
    expect(failure.hasAttribute('active')).to.equal(true);
    expect(frame.visibleSnapshot([], failure)).to.contain('Process fewer frames per batch');
    await frame.applyRecipe({ batch: 1, context: 'cloud', distance: 5e5 });
    expect(failure.hasAttribute('active')).to.equal(false);
  });

  it('writes the ledger record with the Act II total, the placement and the Act I gain', async () => {
    // From a fresh start, independent of the tests above: both predictions, the SLA broken by
    // 3,000 km of fibre in the cloud, then met at 500 km.
    await startOver(frame);
    await frame.lock(frame.named('act1')!, 'A');
    await frame.lock(frame.named('act2')!, 'B');
    await frame.applyRecipe({ context: 'cloud', distance: 3e6 });
    await frame.applyRecipe({ distance: 5e5 });
    const rec = ownRecord(frame, 'v1.ch02');
    expect(rec.context).to.equal('cloud');
    expect(rec.act1_prediction).to.equal('A');
    expect(rec.act2_prediction).to.equal('B');
    expect(close(rec.act2_result as number, v1_02EndToEnd('cloud', 5e5, 1).endToEnd)).to.equal(true);
    expect(rec.act2_decision).to.equal('remote');
    expect(rec.constraint_hit).to.equal(true);
    const extra = rec.extra as Record<string, unknown>;
    expect(close(extra.act1_upgrade_gain as number, v1_02Upgrade('cloud', 5).speedup)).to.equal(true);
    expect(extra.act2_distance, 'metres').to.equal(5e5);
    expect(frame.errors).to.deep.equal([]);
    expect(frame.warnings).to.deep.equal([]);
  });
});
