import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { installTokens, tokenSheetText } from '../../src/theme.js';
import { MlsElement } from '../../src/base.js';

class TestThemed extends MlsElement {}
customElements.define('test-themed', TestThemed);

const token = (el: Element, name = '--mls-color-blue') => getComputedStyle(el).getPropertyValue(name).trim();

describe('theme tokens', () => {
  afterEach(async () => {
    document.body.classList.remove('quarto-dark', 'quarto-light');
    await emulateMedia({ colorScheme: 'light' });
  });

  it('installs the token sheet once, at :root, however many elements connect', async () => {
    fixtureSync(html`<div><test-themed></test-themed><test-themed></test-themed></div>`);
    installTokens();
    installTokens();
    expect(document.querySelectorAll('style#mls-tokens').length).to.equal(1);
    expect(document.getElementById('mls-tokens')!.textContent).to.equal(tokenSheetText);
    expect(token(document.documentElement)).to.equal('#006395'); // BlueLine
    expect(token(document.documentElement, '--mls-color-muted')).to.equal('#475569');
  });

  it('switches to the dark values under .quarto-dark and [data-mls-theme="dark"]', async () => {
    installTokens();
    const el = await fixture(html`<test-themed></test-themed>`);
    expect(token(el)).to.equal('#006395');
    document.body.classList.add('quarto-dark');
    expect(token(el)).to.equal('#7cc4ee');
    document.body.classList.remove('quarto-dark');
    const boxed = fixtureSync(html`<div data-mls-theme="dark"><test-themed></test-themed></div>`);
    expect(token(boxed.firstElementChild!)).to.equal('#7cc4ee');
  });

  it('follows prefers-color-scheme unless the page forces light', async () => {
    installTokens();
    const el = await fixture(html`<test-themed></test-themed>`);
    await emulateMedia({ colorScheme: 'dark' });
    expect(token(el)).to.equal('#7cc4ee');
    document.body.classList.add('quarto-light');
    expect(token(el)).to.equal('#006395');
    document.body.classList.remove('quarto-light');
    const forcedLight = fixtureSync(html`<div data-mls-theme="light"><test-themed></test-themed></div>`);
    expect(token(forcedLight.firstElementChild!)).to.equal('#006395');
  });

  it('lets a host page override a token', async () => {
    installTokens();
    const wrap = fixtureSync(html`<div style="--mls-color-blue: #123456"><test-themed></test-themed></div>`);
    expect(token(wrap.firstElementChild!)).to.equal('#123456');
  });
});
