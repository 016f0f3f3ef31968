import { expect, fixture, html } from '@open-wc/testing';
import '../../components/site/mls-lab-gallery.js';
import type { MlsLabGallery } from '../../components/site/mls-lab-gallery.js';
import { labProgress } from '../../components/site/mls-lab-gallery.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { LAB_CATALOG } from '../../src/catalog.js';
import { shadowText } from '../helpers/index.js';

/** An in-memory Storage, so the test never touches the shared localStorage. */
class MemoryStorage implements Storage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  clear() {
    this.#m.clear();
  }
  getItem(k: string) {
    return this.#m.has(k) ? this.#m.get(k)! : null;
  }
  key(i: number) {
    return [...this.#m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.#m.delete(k);
  }
  setItem(k: string, v: string) {
    this.#m.set(k, String(v));
  }
}

describe('<mls-lab-gallery>', () => {
  let ledger: DesignLedger;

  beforeEach(() => {
    ledger = new DesignLedger({ storage: new MemoryStorage(), sync: false });
    setPageLedger(ledger);
  });
  afterEach(() => setPageLedger(undefined));

  async function gallery(): Promise<MlsLabGallery> {
    const el = await fixture<MlsLabGallery>(html`<mls-lab-gallery></mls-lab-gallery>`);
    await el.updateComplete;
    return el;
  }
  const card = (el: MlsLabGallery, key: string) => el.shadowRoot!.querySelector(`li[data-key="${key}"]`)!;

  it('renders all 34 labs by volume, linking the built ones', async () => {
    const el = await gallery();
    const sections = el.shadowRoot!.querySelectorAll('section');
    expect(sections.length).to.equal(2);
    expect(sections[0].querySelectorAll('li.lab').length).to.equal(17);
    expect(sections[1].querySelectorAll('li.lab').length).to.equal(17);
    const links = [...el.shadowRoot!.querySelectorAll('h3 a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(LAB_CATALOG.filter((l) => l.path).map((l) => l.path));
    expect(links).to.include('vol1/lab-00.html');
    const lab11 = card(el, 'v1.ch11');
    expect(lab11.querySelector('a'), 'an unbuilt lab is not a link').to.equal(null);
    expect(lab11.textContent).to.contain('The Roofline');
    expect(lab11.textContent).to.contain('ridge point');
    expect(lab11.textContent).to.contain('Not built yet');
    expect(card(el, 'v1.ch00').textContent).to.contain('Cloud · Edge · Mobile · TinyML');
  });

  it("shows each built lab's progress from the ledger, in text", async () => {
    const el = await gallery();
    expect(card(el, 'v1.ch00').textContent).to.contain('Not started');
    ledger.upsert('v1.ch00', { context: 'edge', extra: { deployment_context: 'edge' } });
    ledger.upsert('v1.ch01', { context: 'cloud', act1_prediction: 'C', act1_correct: true });
    await el.updateComplete;
    expect(card(el, 'v1.ch00').querySelector('.badge')!.textContent).to.contain('✓').and.contain('Complete');
    expect(card(el, 'v1.ch01').querySelector('.badge')!.textContent).to.contain('Act I done');
    ledger.upsert('v1.ch01', { act2_prediction: 'B', act2_correct: false });
    await el.updateComplete;
    expect(card(el, 'v1.ch01').querySelector('.badge')!.textContent).to.contain('Complete');
    expect(shadowText(el)).to.contain('Design ledger: 2 labs recorded');
  });

  it('computes progress from a record', () => {
    expect(labProgress({ chapter: 0 }, undefined)).to.equal('not-started');
    const base = {
      key: 'v1.ch03',
      volume: 1 as const,
      chapter: 3,
      context: 'cloud',
      act1_prediction: null,
      act1_correct: null,
      act2_result: null,
      act2_decision: null,
      constraint_hit: null,
      timestamp: new Date().toISOString(),
    };
    expect(labProgress({ chapter: 3 }, base)).to.equal('not-started');
    expect(labProgress({ chapter: 3 }, { ...base, act1_prediction: 'A' })).to.equal('act1');
    expect(labProgress({ chapter: 3 }, { ...base, act1_prediction: 'A', act2_prediction: 2 })).to.equal('complete');
    expect(labProgress({ chapter: 0 }, { ...base, context: null })).to.equal('not-started');
  });

  it('exports the ledger as a JSON download', async () => {
    ledger.upsert('v1.ch00', { context: 'tiny', extra: { deployment_context: 'tiny' } });
    const el = await gallery();
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return 'blob:test';
    };
    try {
      const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Export'))!;
      button.click();
      await el.updateComplete;
    } finally {
      URL.createObjectURL = original;
    }
    expect(blobs.length).to.equal(1);
    const file = JSON.parse(await blobs[0].text());
    expect(file.schema).to.equal('mlsys-labs.ledger');
    expect(file.records['v1.ch00'].context).to.equal('tiny');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Exported 1 record');
  });

  async function importFile(el: MlsLabGallery, text: string, name = 'ledger.json') {
    const input = el.shadowRoot!.querySelector('input[type="file"]') as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    input.files = dt.files;
    const before = el.shadowRoot!.querySelector('.status')!.textContent;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 50 && el.shadowRoot!.querySelector('.status')!.textContent === before; i++)
      await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
  }

  it('rejects a bad file with the reason and changes nothing', async () => {
    ledger.upsert('v1.ch00', { context: 'tiny' });
    const el = await gallery();
    await importFile(el, '{"hello": 1}', 'notes.json');
    const status = el.shadowRoot!.querySelector('.status')!;
    expect(status.getAttribute('role')).to.equal('alert');
    expect(status.textContent).to.contain('notes.json was not imported');
    expect(status.textContent).to.contain('unchanged');
    expect(ledger.all().map((r) => r.key)).to.deep.equal(['v1.ch00']);
    await importFile(el, 'not json at all', 'broken.json');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('not valid JSON');
    expect(ledger.get('v1.ch00')?.context).to.equal('tiny');
  });

  it('imports a valid file, replacing the ledger', async () => {
    ledger.upsert('v1.ch05', { context: 'cloud', act1_prediction: 'A' });
    const other = new DesignLedger({ storage: null, sync: false });
    other.upsert('v1.ch00', { context: 'mobile', extra: { deployment_context: 'mobile' } });
    other.upsert('v1.ch01', { act1_prediction: 'C', act1_correct: true });
    const el = await gallery();
    await importFile(el, other.export(), 'backup.json');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Imported 2 records from backup.json');
    expect(ledger.all().map((r) => r.key)).to.deep.equal(['v1.ch00', 'v1.ch01']);
    expect(card(el, 'v1.ch01').querySelector('.badge')!.textContent).to.contain('Act I done');
  });

  it('resets only after confirmation', async () => {
    ledger.upsert('v1.ch00', { context: 'edge' });
    const el = await gallery();
    const btn = (text: string) =>
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) as HTMLButtonElement;
    btn('Reset ledger').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.confirm')!.textContent).to.contain('Erase all 1 record');
    btn('Cancel').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.confirm')).to.equal(null);
    expect(ledger.size).to.equal(1);
    btn('Reset ledger').click();
    await el.updateComplete;
    btn('Erase ledger').click();
    await el.updateComplete;
    expect(ledger.size).to.equal(0);
    expect(card(el, 'v1.ch00').textContent).to.contain('Not started');
    expect(btn('Reset ledger').disabled, 'nothing left to reset').to.equal(true);
  });

  it('is accessible', async () => {
    ledger.upsert('v1.ch01', { act1_prediction: 'C' });
    const el = await gallery();
    await expect(el).to.be.accessible();
  });
});
