/**
 * <mls-dam-triad>: D, A and M of one workload on two contexts, the Iron Law verdicts and the
 * fit check, against the lab physics. The shared instrument contracts (inline alerts, publish,
 * $refs, disconnect leaks, axe) run from describeInstrument at the end.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './mls-dam-triad.js';
import type { MlsDamTriad } from './mls-dam-triad.js';
import { v1_01Act2 } from '../../../physics/labs/v1-01.js';
import { alertText, describeInstrument, expectClose, inScope, partText as text, quietly, squash } from '../../../test/helpers/index.js';

describe('<mls-dam-triad>', () => {
  it('shows D, A and M for both contexts and the Iron Law verdicts', async () => {
    const el = await fixture<MlsDamTriad>(html`<mls-dam-triad></mls-dam-triad>`);
    const heads = [...el.shadowRoot!.querySelectorAll('table[part="grid"] thead th')].map((t) => squash(t.textContent));
    expect(heads).to.deep.equal(['Triad', 'Cloud: H100 SXM5YOUR CONTEXT', 'TinyML: Cortex-M7 MCU']);
    const rows = [...el.shadowRoot!.querySelectorAll('table[part="grid"] tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((c) => squash(c.textContent)),
    );
    // D = 51,501,056 B; / 3.35e12 = 15.4 us; / 5e7 = 1.03 s
    expect(rows[0]).to.deep.equal(['51.5 MB÷ 3.35 TB/s = 15.4 µsBINDING', '51.5 MB÷ 50 MB/s = 1.03 s']);
    // O = 8.2 GFLOP; / 989e12 = 8.29 us; / 1e9 = 8.2 s
    expect(rows[1]).to.deep.equal(['8.2 GFLOP÷ 989 TFLOP/s FP16 = 8.29 µs', '8.2 GFLOP÷ 1 GFLOP/s FP16 = 8.2 sBINDING']);
    // 51.5 MB / 80 GB = 0.0644%; 51.5 MB / 512 kB = 101x
    expect(rows[2][0]).to.contain('✓ Fits (0.0644% of memory)');
    expect(rows[2][1]).to.contain('✕ Out of memory: 101× too big');
    // canvas + text twin + summary
    expect(el.shadowRoot!.querySelector('canvas')!.getAttribute('role')).to.equal('img');
    expect(text(el, '.summary')).to.equal(
      'Cloud (H100 SXM5) is memory-bound (D/BW is 1.85× the other term), 33.7 µs in total. ' +
        'TinyML (Cortex-M7 MCU) is compute-bound (O/R is 7.96× the other term), 9.23 s in total, but the batch does not fit: 51.5 MB needed, 512 kB available (101×).',
    );
  });

  it('publishes the active side, both sides and the reference batch, matching physics', async () => {
    const el = await fixture<MlsDamTriad>(html`<mls-dam-triad active="tiny" batch="8" reference-batch="1"></mls-dam-triad>`);
    const o = el.outputs!;
    const tiny8 = v1_01Act2('tiny', 8),
      cloud1 = v1_01Act2('cloud', 1);
    expect(o.device).to.equal('cortex-m7');
    expect(o.oom).to.equal(true);
    expectClose(o.oomRatio, tiny8.oomRatio);
    expectClose(o.total, tiny8.total);
    expect(o.verdict).to.equal('oom');
    expect(o.other.device).to.equal('h100');
    // Reference at batch 1 on the cloud: D/BW / O/R = 15.373 / 8.291 = 1.854
    expectClose(o.reference!.cloud.dataToCompute, cloud1.data / cloud1.compute);
    // The H100 turns compute-bound at batch 2, the MCU at batch 1
    expect(o.sides.cloud.computeBoundBatch).to.equal(2);
    expect(o.sides.tiny.computeBoundBatch).to.equal(1);
    expect(text(el, '[part="reference"]')).to.equal(
      "At the question's batch of 1, TinyML (Cortex-M7 MCU) is compute-bound: D/BW is 0.126× O/R.",
    );
  });

  it('rejects an unknown model and a context it does not compare from the start, with no table', async () => {
    const { warnings: warnings } = await quietly(async () => {
      const b = await fixture<MlsDamTriad>(html`<mls-dam-triad model="gpt-7" active="mars"></mls-dam-triad>`);
      expect(alertText(b)).to.contain('Invalid model');
      expect(alertText(b)).to.contain('resnet50');
      expect(b.shadowRoot!.querySelector('tbody')).to.equal(null);
      const c = await fixture<MlsDamTriad>(html`<mls-dam-triad active="edge"></mls-dam-triad>`);
      expect(alertText(c)).to.contain('Invalid active');
      expect(alertText(c)).to.contain('cloud, tiny');
    });
    expect(warnings.length).to.equal(2);
  });

  it('reports a model without an operation count, and recovers when the model changes', async () => {
    const { warnings: warnings } = await quietly(async () => {
      // Llama 3 8B has no per-inference FLOP count in the registry
      const d = await fixture<MlsDamTriad>(html`<mls-dam-triad model="llama3-8b"></mls-dam-triad>`);
      expect(alertText(d)).to.contain('Invalid model');
      expect(alertText(d)).to.contain('operation count');
      d.setAttribute('model', 'mobilenet-v2');
      await d.updateComplete;
      expect(d.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      // MobileNetV2: 0.3e9 MAC x 2 = 0.6e9 FLOP
      expect(d.outputs!.ops).to.equal(0.6e9);
    });
    expect(warnings.length).to.equal(1);
  });

  it('follows $context and $batch in a lab scope', async () => {
    const { scope } = await inScope<MlsDamTriad>(
      html`<mls-dam-triad active="$context" batch="$batch" reference-batch="1" publish="triad"></mls-dam-triad>`,
      { context: 'cloud', batch: 1 },
    );
    await waitUntil(() => scope.get('triad') !== undefined, 'nothing published');
    expect(scope.get('triad.oom')).to.equal(false);
    expect(scope.get('triad.bound')).to.equal('memory');
    scope.set('batch', 2);
    await waitUntil(() => scope.get('triad.bound') === 'compute', 'did not follow $batch');
    scope.set('context', 'tiny');
    await waitUntil(() => scope.get('triad.oom') === true, 'did not follow $context');
    expect(scope.get('triad.verdict')).to.equal('oom');
  });
});

describeInstrument('mls-dam-triad', {
  valid: { active: 'tiny' },
  invalid: [
    // A negative batch: the alert names it; the last good table and outputs stay.
    { attr: 'batch', value: '-3', says: ['Invalid batch'] },
    { attr: 'model', value: 'gpt-9', says: ['Invalid model', 'resnet50'] },
    { attr: 'active', value: 'moon', says: ['Invalid active', 'cloud, tiny'] },
  ],
  publishes: { keys: ['device', 'bound', 'oom', 'oomRatio', 'total', 'verdict', 'other', 'sides', 'model', 'precision', 'batch'] },
  follows: { attr: 'batch', values: [1, 2, 8] },
});
