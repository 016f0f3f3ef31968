import { fixture, html, expect } from '@open-wc/testing';
import '../../components/lab/mls-callout.js';
import type { MlsCallout } from '../../components/lab/mls-callout.js';
import { alertText, quietly, squash } from '../helpers/index.js';

function box(el: MlsCallout): HTMLElement {
  return el.shadowRoot!.querySelector('[part="callout"]') as HTMLElement;
}

describe('<mls-callout>', () => {
  const cases: Array<[string, string, string]> = [
    ['info', 'Note', 'ℹ'],
    ['success', 'Correct', '✓'],
    ['warn', 'Caution', '⚠'],
    ['danger', 'Danger', '✖'],
  ];
  for (const [kind, label, icon] of cases) {
    it(`kind="${kind}" says "${label}" in text with an icon, and is accessible`, async () => {
      const el = await fixture<MlsCallout>(
        html`<mls-callout kind=${kind} heading="Bandwidth bound">The memory bus is saturated.</mls-callout>`,
      );
      const labelLine = el.shadowRoot!.querySelector('[part="label"]')!;
      expect(squash(labelLine.textContent)).to.equal(`${icon}${label}`);
      expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('Bandwidth bound');
      expect(box(el).getAttribute('role')).to.equal('note');
      expect(box(el).getAttribute('aria-label')).to.equal(`${label}: Bandwidth bound`);
      expect(el.shadowRoot!.querySelector('slot')!.assignedNodes()[0].textContent).to.equal('The memory bus is saturated.');
      await expect(el).to.be.accessible();
    });
  }

  it('defaults to a note without a heading', async () => {
    const el = await fixture<MlsCallout>(html`<mls-callout>Plain.</mls-callout>`);
    expect(box(el).classList.contains('info')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.contain('Note');
    expect(el.shadowRoot!.querySelector('[part="heading"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('rejects an unknown kind with a role="alert" naming it, warns once, and keeps the last good kind', async () => {
    const el = await fixture<MlsCallout>(html`<mls-callout kind="warn">Careful.</mls-callout>`);
    const { warnings } = await quietly(async () => {
      el.kind = 'purple';
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(alertText(el)).to.contain('kind');
    expect(alertText(el)).to.contain('purple');
    expect(alertText(el)).to.contain('info, success, warn, danger');
    expect(warnings.length).to.equal(1);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.contain('Caution');
    el.kind = 'success';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.contain('Correct');
    await expect(el).to.be.accessible();
  });
});
