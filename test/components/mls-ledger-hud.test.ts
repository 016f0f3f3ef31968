import { fixture, html, expect, aTimeout, waitUntil } from '@open-wc/testing';
import '../../components/lab/mls-lab.js';
import '../../components/lab/mls-act.js';
import '../../components/ledger/mls-ledger-hud.js';
import '../../components/assess/mls-prediction-lock.js';
import type { MlsLab } from '../../components/lab/mls-lab.js';
import type { MlsLedgerHud } from '../../components/ledger/mls-ledger-hud.js';
import { DesignLedger } from '../../src/ledger/store.js';
import { setPageLedger } from '../../src/ledger/context.js';
import { shadowText as text } from '../helpers/index.js';
const btn = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

/** An in-memory Storage, so tests can exercise the "Saved" path without touching localStorage. */
class MemoryStorage implements Storage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  clear() {
    this.#m.clear();
  }
  getItem(k: string) {
    return this.#m.get(k) ?? null;
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

async function chooseFile(hud: MlsLedgerHud, content: string): Promise<void> {
  const input = hud.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([content], 'ledger.json', { type: 'application/json' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

describe('mls-ledger-hud', () => {
  let ledger: DesignLedger;
  beforeEach(() => {
    ledger = new DesignLedger({ storage: null });
    setPageLedger(ledger);
  });

  it('says "Not saved" and why, as visible text, when there is no storage', async () => {
    const hud = await fixture<MlsLedgerHud>(html`<mls-ledger-hud></mls-ledger-hud>`);
    const status = hud.shadowRoot!.querySelector('[part=status]')!;
    expect(status.textContent).to.contain('Not saved:');
    expect(status.textContent).to.contain(ledger.status.message!);
    expect((status as HTMLElement).offsetHeight).to.be.greaterThan(0);
    await expect(hud).to.be.accessible();
  });

  it('says "Saved" when storage works', async () => {
    setPageLedger(new DesignLedger({ storage: new MemoryStorage(), sync: false }));
    const hud = await fixture<MlsLedgerHud>(html`<mls-ledger-hud summary></mls-ledger-hud>`);
    expect(text(hud)).to.contain('Saved');
    expect(text(hud)).not.to.contain('Not saved');
  });

  it('standalone, counts the records per volume', async () => {
    ledger.upsert('v1.ch00', { context: 'edge' });
    ledger.upsert('v1.ch02', { act1_correct: true });
    ledger.upsert('v2.ch03', {});
    const hud = await fixture<MlsLedgerHud>(html`<mls-ledger-hud summary></mls-ledger-hud>`);
    expect(text(hud)).to.contain('Volume I: 2 of 17 labs');
    expect(text(hud)).to.contain('Volume II: 1 of 17 labs');
    expect(text(hud)).to.contain('Track: Edge');
    ledger.upsert('v2.ch04', {});
    await hud.updateComplete;
    expect(text(hud)).to.contain('Volume II: 2 of 17 labs');
  });

  it("inside a lab, shows that lab's record and follows ledger changes", async () => {
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="2">
      <mls-act n="1"><mls-prediction-lock name="act1" answer="A">
        <option value="A">a</option><option value="B">b</option><option value="C">c</option><option value="D">d</option>
      </mls-prediction-lock></mls-act>
      <mls-ledger-hud></mls-ledger-hud></mls-lab>`);
    const hud = lab.querySelector('mls-ledger-hud')!;
    await hud.updateComplete;
    expect(text(hud)).to.contain('Lab: v1.ch02');
    expect(text(hud)).to.contain('Act I: — not yet');
    lab.labScope.set('context', 'edge');
    const lock = lab.querySelector('mls-prediction-lock')!;
    await lock.updateComplete;
    lock.shadowRoot!.querySelector<HTMLInputElement>('input[value=A]')!.click();
    await lock.updateComplete;
    lock.shadowRoot!.querySelector<HTMLButtonElement>('button[part=button]')!.click();
    await aTimeout(0);
    await hud.updateComplete;
    expect(text(hud)).to.contain('Act I: ✓ right');
    expect(text(hud)).to.contain('Context: Edge');
    expect(text(hud)).to.contain('Constraint hit: —');
    await expect(hud).to.be.accessible();
  });

  it('exports the ledger as a JSON download through a Blob URL', async () => {
    ledger.upsert('v1.ch03', { act1_prediction: 'B' });
    const hud = await fixture<MlsLedgerHud>(html`<mls-ledger-hud summary></mls-ledger-hud>`);
    const original = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return original.call(URL, b);
    };
    const clicked: HTMLAnchorElement[] = [];
    const onClick = (e: Event) => {
      const a = e.composedPath()[0] as HTMLAnchorElement;
      if (a.download) {
        clicked.push(a);
        e.preventDefault();
      }
    };
    hud.shadowRoot!.addEventListener('click', onClick);
    try {
      btn(hud, 'Export').click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0].download).to.match(/^mlsys-labs-ledger-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await blob!.text());
    expect(data.schema).to.equal('mlsys-labs.ledger');
    expect(data.records['v1.ch03'].act1_prediction).to.equal('B');
    await hud.updateComplete;
    expect(text(hud)).to.contain('Exported 1 record.');
  });

  it("a malformed import shows the ledger's message and changes nothing", async () => {
    ledger.upsert('v1.ch03', { act1_prediction: 'B' });
    const before = JSON.stringify(ledger.all());
    const hud = await fixture<MlsLedgerHud>(html`<mls-ledger-hud summary></mls-ledger-hud>`);
    await chooseFile(hud, '{"schema": "mlsys-labs.ledger", "version": 2, "records": {"v9.ch99": {}}}');
    await waitUntil(() => hud.shadowRoot!.querySelector('[role=alert]'), 'error shown', { timeout: 5000 });
    const alert = hud.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('The file was not imported');
    expect(alert.textContent).to.contain('v9.ch99');
    expect(JSON.stringify(ledger.all())).to.equal(before);

    await chooseFile(hud, 'not json at all');
    await waitUntil(() => hud.shadowRoot!.querySelector('[role=alert]')!.textContent!.includes('not valid JSON'), 'second error shown', {
      timeout: 5000,
    });
    expect(JSON.stringify(ledger.all())).to.equal(before);
    await expect(hud).to.be.accessible();
  });

  it('imports a good file (merged) and says how many records it read', async () => {
    const other = new DesignLedger({ storage: null });
    other.upsert('v1.ch05', { act1_prediction: 'C' });
    ledger.upsert('v1.ch03', {});
    const hud = await fixture<MlsLedgerHud>(html`<mls-ledger-hud summary></mls-ledger-hud>`);
    await chooseFile(hud, other.export());
    await waitUntil(() => text(hud).includes('Imported 1 record.'), 'import reported', { timeout: 5000 });
    expect(ledger.all().map((r) => r.key)).to.deep.equal(['v1.ch03', 'v1.ch05']);
  });

  it('resets only after the confirmation dialog: the whole ledger in summary mode', async () => {
    ledger.upsert('v1.ch03', {});
    const hud = await fixture<MlsLedgerHud>(html`<mls-ledger-hud summary></mls-ledger-hud>`);
    btn(hud, 'Reset…').click();
    const dialog = hud.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Erase the whole design ledger?');
    await expect(hud).to.be.accessible();
    btn(hud, 'Cancel').click();
    expect(dialog.open).to.equal(false);
    expect(ledger.size).to.equal(1);
    btn(hud, 'Reset…').click();
    btn(hud, 'Erase ledger').click();
    expect(dialog.open).to.equal(false);
    expect(ledger.size).to.equal(0);
    await hud.updateComplete;
    expect(text(hud)).to.contain('Volume I: 0 of 17 labs');
  });

  it('inside a lab, Reset starts that lab over and keeps the other records', async () => {
    ledger.upsert('v1.ch01', {});
    ledger.upsert('v1.ch02', { scope: { act1: { locked: true, value: 'A', label: 'a', correct: true } } });
    const lab = await fixture<MlsLab>(html`<mls-lab volume="1" chapter="2"><mls-ledger-hud></mls-ledger-hud></mls-lab>`);
    expect(lab.labScope.get('act1')).to.include({ locked: true });
    const hud = lab.querySelector('mls-ledger-hud')!;
    await hud.updateComplete;
    btn(hud, 'Reset…').click();
    btn(hud, 'Reset lab').click();
    expect(ledger.get('v1.ch02')).to.equal(undefined);
    expect(lab.labScope.get('act1')).to.equal(undefined);
    expect(ledger.get('v1.ch01')).to.exist;
  });
});
