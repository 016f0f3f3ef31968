import { expect, waitUntil } from '@open-wc/testing';
import { instrument, deepAll, sleep } from '../labs/harness.js';

// The embedding promise, checked against the BUILT bundle (npm test builds first): a page that
// holds only the script tag and one instrument works, and bad input gives one clear inline error.
type Win = Window & { __mlsErrors: string[]; __mlsWarnings: string[] };

async function page(body: string, script = '/dist/mlsys-labs.js'): Promise<{ frame: HTMLIFrameElement; win: Win; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = 'embed under test';
  Object.assign(frame.style, { width: '900px', height: '700px', border: '0' });
  document.body.appendChild(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.srcdoc = instrument(
    `<!doctype html><html lang="en"><head><title>embed</title><script type="module" src="${script}"></script></head><body><main>${body}</main></body></html>`,
    '/',
  );
  await loaded;
  const win = frame.contentWindow as Win;
  const doc = frame.contentDocument!;
  await waitUntil(() => win.customElements.get('mls-roofline'), 'mls-roofline was never defined', { timeout: 10000 });
  const el = doc.querySelector('mls-roofline') as HTMLElement & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  await sleep(50);
  return { frame, win, doc };
}

const text = (doc: Document) =>
  deepAll(doc.body, () => true)
    .map((e) => (e.shadowRoot ? '' : (e.textContent ?? '')))
    .join(' ') +
  deepAll(doc.body, (e) => !!e.shadowRoot)
    .map((e) => e.shadowRoot!.textContent)
    .join(' ');

describe('embedding the built bundle', () => {
  it('shows a memory-bound operating point for an H100 512³ GEMM from the script tag alone', async () => {
    const { frame, win, doc } = await page('<mls-roofline device="h100" kernel="gemm" n="512"></mls-roofline>');
    const all = text(doc);
    // 2·512³ FLOP / (3·512²·2 B) = 170.7 FLOP/B, below the H100 ridge 989e12 / 3.35e12 = 295.2 FLOP/B
    expect(all).to.match(/memory-bound/i);
    expect(all).to.contain('295');
    expect(deepAll(doc.body, (e) => e.localName === 'canvas').length).to.be.greaterThan(0);
    expect(win.__mlsErrors, win.__mlsErrors.join('\n')).to.deep.equal([]);
    expect(win.__mlsWarnings).to.deep.equal([]);
    frame.remove();
  });

  it('answers device="nope" with one inline alert and exactly one console warning', async () => {
    const { frame, win, doc } = await page('<mls-roofline device="nope"></mls-roofline>');
    const alerts = deepAll(doc.body, (e) => e.getAttribute('role') === 'alert');
    expect(alerts.length).to.equal(1);
    expect(alerts[0].textContent).to.contain('device').and.to.contain('nope').and.to.contain('h100');
    expect(win.__mlsErrors, win.__mlsErrors.join('\n')).to.deep.equal([]);
    expect(win.__mlsWarnings.length, win.__mlsWarnings.join('\n')).to.equal(1);
    frame.remove();
  });

  it('the autoloader registers only the tags on the page', async () => {
    const { frame, win } = await page('<mls-roofline device="a100" intensity="40"></mls-roofline>', '/dist/autoload.js');
    expect(win.customElements.get('mls-roofline')).to.exist;
    expect(win.customElements.get('mls-lab-gallery')).to.equal(undefined);
    expect(win.customElements.get('mls-magnitude-gap')).to.equal(undefined);
    frame.remove();
  });
});
