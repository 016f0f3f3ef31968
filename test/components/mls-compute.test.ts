/**
 * <mls-compute>: calls a pure function of a lab's scenario module with scope values and publishes
 * the result. Uses lab 02's `endToEnd` (SI: distance in metres) and lab 00's `figures`.
 */
import { fixtureSync, html, expect, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { LabScope, scopeContext } from '../../src/scope.js';
import '../../components/lab/mls-compute.js';
import type { MlsCompute } from '../../components/lab/mls-compute.js';
import { v1_02EndToEnd } from '../../physics/labs/v1-02.js';
import { propagationDelay } from '../../physics/ironlaw.js';

function inScope(scope: LabScope, tpl: TemplateResult): MlsCompute {
  const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(host, { context: scopeContext, initialValue: scope });
  render(tpl, host);
  return host.firstElementChild as MlsCompute;
}

const alert = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<mls-compute>', () => {
  it('publishes the function of scope values, and recomputes when they change', async () => {
    const scope = new LabScope();
    scope.set('distance', 3e6);
    inScope(scope, html`<mls-compute fn="v1-02.endToEnd" args="context:cloud distance:$distance batch:1" publish="e2e"></mls-compute>`);
    await waitUntil(() => scope.get('e2e') !== undefined, 'e2e published');
    // 2 × 3,000 km / 2e8 m/s = 30 ms of round trip, over the 10 ms loop
    expect(scope.get('e2e.roundTrip')).to.equal(propagationDelay(3e6));
    expect(scope.get('e2e.endToEnd')).to.equal(v1_02EndToEnd('cloud', 3e6, 1).endToEnd);
    expect(scope.get('e2e.slaViolated')).to.equal(true);
    scope.set('distance', 5e5);
    await waitUntil(() => scope.get('e2e.roundTrip') === propagationDelay(5e5), 'recomputed at 500 km');
    expect(scope.get('e2e.slaViolated')).to.equal(false);
  });

  it('renders nothing visible when all is well', async () => {
    const scope = new LabScope();
    const el = inScope(scope, html`<mls-compute fn="v1-00.figures" publish="fig"></mls-compute>`);
    await waitUntil(() => scope.get('fig') !== undefined);
    expect(scope.get('fig.icuMaxDistance')).to.equal(200_000); // 2 ms × 2e8 m/s / 2
    expect(getComputedStyle(el).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('names the accepted functions when fn is unknown, and warns once', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => {
      warnings.push(a.join(' '));
    };
    try {
      const el = inScope(new LabScope(), html`<mls-compute fn="v1-02.nope" publish="x"></mls-compute>`);
      await waitUntil(() => alert(el) !== '', 'inline alert');
      expect(alert(el)).to.contain('v1-02.nope').and.contain('v1-02.endToEnd');
      expect(getComputedStyle(el).display).to.not.equal('none');
      expect(warnings.filter((w) => w.includes('v1-02.nope'))).to.have.length(1);
      const bad = inScope(new LabScope(), html`<mls-compute fn="not a function"></mls-compute>`);
      await bad.updateComplete;
      expect(alert(bad)).to.contain('<lab id>.<name>');
    } finally {
      console.warn = warn;
    }
  });

  it('shows a physics rejection inline and keeps the last good result', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const scope = new LabScope();
      scope.set('distance', 1e6);
      const el = inScope(scope, html`<mls-compute fn="v1-02.endToEnd" args="distance:$distance" publish="e2e"></mls-compute>`);
      await waitUntil(() => scope.get('e2e') !== undefined);
      const good = scope.get('e2e.roundTrip');
      scope.set('distance', -5);
      await waitUntil(() => alert(el) !== '', 'alert for a negative distance');
      expect(alert(el)).to.contain('distanceMeters').and.contain('-5');
      expect(scope.get('e2e.roundTrip'), 'last good result kept').to.equal(good);
    } finally {
      console.warn = warn;
    }
  });
});
