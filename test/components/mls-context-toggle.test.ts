import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/lab/mls-lab.js';
import '../../components/controls/mls-context-toggle.js';
import '../../components/ledger/mls-ledger-provider.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import type { MlsContextToggle } from '../../components/controls/mls-context-toggle.js';
import type { MlsLedgerProvider } from '../../components/ledger/mls-ledger-provider.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { alertText, shadowText, squash } from '../helpers/index.js';

const radios = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const radio = (el: Element, v: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${v}"]`)!;
const labels = (el: Element) => [...el.shadowRoot!.querySelectorAll('label')].map((l) => squash(l.textContent));

/** A ledger whose lab-00 record chose `track`. */
function ledgerWithTrack(track: string): DesignLedger {
  const l = new DesignLedger({ storage: null });
  l.upsert('v1.ch00', { context: track, extra: { deployment_context: track } });
  return l;
}

async function inLab(contexts: string, toggleAttrs = '', ledger?: DesignLedger): Promise<{ lab: MlsLab; toggle: MlsContextToggle }> {
  if (ledger) setPageLedger(ledger);
  const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="11" contexts=${contexts}></mls-lab>`);
  lab.insertAdjacentHTML('beforeend', `<mls-context-toggle ${toggleAttrs}></mls-context-toggle>`);
  const toggle = lab.querySelector('mls-context-toggle')!;
  await toggle.updateComplete;
  return { lab, toggle };
}

describe('mls-context-toggle', () => {
  beforeEach(() => setPageLedger(new DesignLedger({ storage: null })));

  it("offers the lab's contexts as a native radio group labelled with their devices", async () => {
    const { toggle } = await inLab('cloud edge');
    expect(toggle.shadowRoot!.querySelector('fieldset legend')!.textContent).to.equal('Deployment context');
    expect(radios(toggle).map((r) => r.value)).to.deep.equal(['cloud', 'edge']);
    expect(labels(toggle)[0]).to.contain('Cloud').and.contain('H100');
    expect(labels(toggle)[1]).to.contain('Edge').and.contain('Jetson Orin NX');
    await expect(toggle).to.be.accessible();
  });

  it('writes context and device to the scope; defaults to the first option', async () => {
    const { lab, toggle } = await inLab('cloud edge');
    expect(radio(toggle, 'cloud').checked).to.equal(true);
    expect(lab.labScope.get('context')).to.equal('cloud');
    expect(lab.labScope.get('device')).to.equal('h100');
  });

  it('is keyboard operable and emits mls-context-change', async () => {
    const { lab, toggle } = await inLab('cloud edge');
    radio(toggle, 'cloud').focus();
    const changed = oneEvent(toggle, 'mls-context-change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await changed).detail).to.deep.equal({ context: 'edge', name: 'context' });
    expect(lab.labScope.get('context')).to.equal('edge');
    expect(lab.labScope.get('device')).to.equal('jetson-orin-nx');
  });

  it("defaults to the ledger's lab-00 track when offered", async () => {
    const { lab, toggle } = await inLab('cloud edge', '', ledgerWithTrack('edge'));
    expect(radio(toggle, 'edge').checked).to.equal(true);
    expect(lab.labScope.get('context')).to.equal('edge');
  });

  it('maps a track that is not offered to edge when edge is offered', async () => {
    const { lab } = await inLab('cloud edge', '', ledgerWithTrack('tiny'));
    expect(lab.labScope.get('context')).to.equal('edge');
  });

  it('falls back to value, then the first option, when the track is not offered and edge is not either', async () => {
    const { lab } = await inLab('cloud mobile', 'value="mobile"', ledgerWithTrack('tiny'));
    expect(lab.labScope.get('context')).to.equal('mobile');
  });

  it("prefers the scope's value (restore) over the ledger track", async () => {
    setPageLedger(ledgerWithTrack('edge'));
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="11" contexts="cloud edge"></mls-lab>`);
    lab.labScope.set('context', 'cloud');
    lab.insertAdjacentHTML('beforeend', '<mls-context-toggle></mls-context-toggle>');
    const toggle = lab.querySelector('mls-context-toggle')!;
    await toggle.updateComplete;
    expect(radio(toggle, 'cloud').checked).to.equal(true);
    expect(lab.labScope.get('device')).to.equal('h100');
  });

  it('reads the track from the ledger of an enclosing provider', async () => {
    const provider = await fixture<MlsLedgerProvider>(html`<mls-ledger-provider storage="memory"></mls-ledger-provider>`);
    provider.ledger.upsert('v1.ch00', { context: 'mobile' });
    provider.insertAdjacentHTML(
      'beforeend',
      '<mls-lab volume="1" chapter="9" contexts="cloud mobile"><mls-context-toggle></mls-context-toggle></mls-lab>',
    );
    const lab = provider.querySelector('mls-lab')!;
    await lab.querySelector('mls-context-toggle')!.updateComplete;
    expect(lab.labScope.get('context')).to.equal('mobile');
  });

  it('honours name, device-name and devices overrides', async () => {
    const { lab, toggle } = await inLab('cloud edge', 'name="ctx" device-name="hw" devices="cloud:a100"');
    expect(lab.labScope.get('ctx')).to.equal('cloud');
    expect(lab.labScope.get('hw')).to.equal('a100');
    expect(labels(toggle)[0]).to.contain('A100');
  });

  it('flags unknown contexts and devices', async () => {
    const { toggle } = await inLab('cloud edge', 'contexts="cloud mars" devices="edge:nope"');
    expect(alertText(toggle)).to.contain('mars');
    expect(alertText(toggle)).to.contain('edge:nope');
    expect(radios(toggle).map((r) => r.value)).to.deep.equal(['cloud']);
  });

  it('with confirm, writes only when "Confirm context" is pressed, and can be changed later', async () => {
    const { lab, toggle } = await inLab('cloud edge mobile tiny', 'confirm');
    const button = toggle.shadowRoot!.querySelector('button')!;
    expect(button.textContent).to.contain('Confirm context');
    expect(
      radios(toggle).some((r) => r.checked),
      'no default without a source',
    ).to.equal(false);
    expect(button.disabled).to.equal(true);
    radio(toggle, 'tiny').click();
    await toggle.updateComplete;
    expect(lab.labScope.get('context')).to.equal(undefined);
    const changed = oneEvent(toggle, 'mls-context-change');
    button.click();
    expect((await changed).detail.context).to.equal('tiny');
    expect(lab.labScope.get('context')).to.equal('tiny');
    expect(lab.labScope.get('device')).to.equal('cortex-m7');
    await toggle.updateComplete;
    expect(shadowText(toggle)).to.contain('Confirmed: TinyML');
    radio(toggle, 'edge').click();
    await toggle.updateComplete;
    expect(lab.labScope.get('context')).to.equal('tiny');
    button.click();
    expect(lab.labScope.get('context')).to.equal('edge');
    await expect(toggle).to.be.accessible();
  });

  it('works standalone with all four contexts', async () => {
    const el = await fixture<MlsContextToggle>(html`<mls-context-toggle value="mobile"></mls-context-toggle>`);
    expect(radios(el).map((r) => r.value)).to.deep.equal(['cloud', 'edge', 'mobile', 'tiny']);
    expect(el.context).to.equal('mobile');
    expect(el.device).to.equal('mobile-npu');
  });
});
