/**
 * The shared helpers themselves: a helper that cannot fail makes every test that uses it
 * unable to fail too, so each one is checked against a case where it must.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { alertText, captureWarnings, expectClose, inScope, isClose, quietly, settle, shadowText, TrackedScope, uncaught } from './index.js';

class HelperProbe extends LitElement {
  override render() {
    return html`<style>.x { color: red }</style><p>Shown   text</p><p hidden>hidden text</p>
      <span style="display:none">not displayed</span><span class="vh">for screen readers</span>
      <div role="alert">Invalid <code>n</code>: got -1.</div><slot></slot>`;
  }
}
customElements.define('helper-probe', HelperProbe);

describe('test helpers', () => {
  it('expectClose passes within the relative tolerance and fails naming both numbers', () => {
    expectClose(1 + 1e-12, 1);
    expectClose(100, 101, 0.01);
    expect(isClose(1, 2)).to.equal(false);
    expect(() => expectClose(1.5, 1.25, 1e-9, 'speed-up')).to.throw(/speed-up: got 1\.5, expected 1\.25 within relative 1e-9/);
    expect(() => expectClose(Number.NaN, 1)).to.throw(/got NaN/);
    expect(() => expectClose(undefined, 1)).to.throw(/got undefined \(undefined\), expected the number 1/);
  });

  it('captureWarnings records and restores console.warn; quietly restores even when the block throws', async () => {
    const original = console.warn;
    const c = captureWarnings();
    console.warn('a', 1);
    c.restore();
    c.restore();
    expect(c.warnings).to.deep.equal(['a 1']);
    expect(console.warn).to.equal(original);
    let caught: unknown;
    try {
      await quietly(() => {
        console.warn('x');
        throw new Error('boom');
      });
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).message).to.equal('boom');
    expect(console.warn).to.equal(original);
  });

  it('uncaught collects a rejection that nobody handles', async () => {
    // The runner prints this rejection in its browser log too ("Error: lost"): that line is expected.
    const errors = await uncaught(() => {
      void Promise.reject(new Error('lost'));
    });
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['lost']);
  });

  it('shadowText leaves out styles, hidden and undisplayed parts and slotted text; alertText reads the alert', async () => {
    const el = await fixture(html`<helper-probe>slotted prose</helper-probe>`);
    const t = shadowText(el);
    expect(t).to.equal('Shown text for screen readers Invalid n: got -1.');
    expect(shadowText(el, '[role="alert"]')).to.equal('Shown text for screen readers');
    expect(alertText(el)).to.equal('Invalid n: got -1.');
    expect(() => shadowText(document.createElement('div'))).to.throw(/no open shadow root/);
  });

  it('inScope provides a scope holding the values, and TrackedScope counts listeners', async () => {
    const { el, scope, host } = await inScope(html`<helper-probe></helper-probe><i></i>`, { n: 3 });
    expect(el.localName).to.equal('helper-probe');
    expect(host.contains(el)).to.equal(true);
    expect(scope.get('n')).to.equal(3);
    await settle(el);
    const s = new TrackedScope();
    const off = s.subscribe(() => {});
    expect(s.listeners).to.equal(1);
    off();
    off();
    expect(s.listeners).to.equal(0);
  });
});
