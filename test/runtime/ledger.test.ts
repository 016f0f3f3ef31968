import { expect, aTimeout, waitUntil } from '@open-wc/testing';
import { DesignLedger, LEDGER_SCHEMA_VERSION, LEDGER_STORAGE_KEY, ledgerKey, migrate } from '../../src/ledger/store.js';
import { pageLedger, setPageLedger } from '../../src/ledger/context.js';
import type { LedgerRecord } from '../../src/ledger/types.js';

/** An in-memory Storage whose methods can be made to throw, to stand in for blocked or full storage. */
class FakeStorage implements Storage {
  map = new Map<string, string>();
  failGet: (() => Error) | null = null;
  failSet: (() => Error) | null = null;
  writes = 0;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    if (this.failGet) throw this.failGet();
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failSet) throw this.failSet();
    this.writes++;
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const security = () => new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');

const memoryLedger = () => new DesignLedger({ storage: new FakeStorage(), sync: false });

describe('DesignLedger: records', () => {
  it('upserts one record per chapter, merging fields and stamping the time', async () => {
    const ledger = memoryLedger();
    const a = ledger.upsert('v1.ch11', { context: 'cloud', act1_prediction: 'C', act1_correct: true, extra: { n: 512 } });
    expect(Date.parse(a.timestamp)).to.be.closeTo(Date.now(), 5000);
    await aTimeout(5);
    const b = ledger.upsert('v1.ch11', { act2_result: 0.58, extra: { device: 'h100' } });
    expect(ledger.size).to.equal(1);
    expect(b.context).to.equal('cloud'); // kept from the first upsert
    expect(b.act1_prediction).to.equal('C');
    expect(b.act2_result).to.equal(0.58); // added by the second
    expect(b.extra).to.deep.equal({ n: 512, device: 'h100' });
    expect(Date.parse(b.timestamp)).to.be.greaterThan(Date.parse(a.timestamp));
    expect(b.key).to.equal('v1.ch11');
    expect(b.volume).to.equal(1);
    expect(b.chapter).to.equal(11);
  });

  it('normalises keys and rejects malformed keys and fields with a TypeError', () => {
    const ledger = memoryLedger();
    ledger.upsert('v1.ch5', { context: 'edge' });
    expect(ledger.get('v1.ch05')?.context).to.equal('edge');
    expect(ledgerKey(2, 7)).to.equal('v2.ch07');
    expect(() => ledger.upsert('v2.ch00', {})).to.throw(TypeError, /v2\.ch01/); // Volume 2 starts at chapter 1
    expect(() => ledger.upsert('v1.ch17', {})).to.throw(TypeError); // Volume 1 ends at 16
    expect(() => ledger.upsert('v1.ch03', { act2_result: Number.NaN })).to.throw(TypeError, /act2_result/);
    expect(() => ledger.upsert('v1.ch03', { act2_correct: 'yes' as unknown as boolean })).to.throw(TypeError, /act2_correct/);
    expect(ledger.size).to.equal(1);
  });

  it('returns copies, ordered by volume then chapter', () => {
    const ledger = memoryLedger();
    ledger.upsert('v2.ch03', { context: 'cloud' });
    ledger.upsert('v1.ch11', { context: 'edge' });
    ledger.upsert('v1.ch02', { context: 'mobile' });
    expect(ledger.all().map((r) => r.key)).to.deep.equal(['v1.ch02', 'v1.ch11', 'v2.ch03']);
    const copy = ledger.get('v1.ch11')!;
    copy.context = 'tampered';
    expect(ledger.get('v1.ch11')!.context).to.equal('edge');
    expect(ledger.get('v1.ch09')).to.equal(undefined);
    ledger.remove('v1.ch02');
    expect(ledger.all().map((r) => r.key)).to.deep.equal(['v1.ch11', 'v2.ch03']);
  });

  it('reports the lab-00 deployment context as the track', () => {
    const ledger = memoryLedger();
    expect(ledger.track).to.equal(null);
    ledger.upsert('v1.ch00', { context: 'edge' });
    expect(ledger.track).to.equal('edge');
  });
});

describe('DesignLedger: export and import', () => {
  const seed = () => {
    const ledger = memoryLedger();
    ledger.upsert('v1.ch00', { context: 'edge', extra: { deployment_context: 'edge' } });
    ledger.upsert('v1.ch11', {
      context: 'cloud',
      act1_prediction: 'C',
      act1_correct: false,
      act2_result: 0.58,
      constraint_hit: true,
      scope: { n: 512 },
    });
    return ledger;
  };

  it('round-trips through export and import', () => {
    const a = seed();
    const text = a.export();
    const file = JSON.parse(text);
    expect(file.schema).to.equal('mlsys-labs.ledger');
    expect(file.version).to.equal(LEDGER_SCHEMA_VERSION);
    const b = memoryLedger();
    b.upsert('v2.ch05', { context: 'tiny' });
    const result = b.import(text);
    expect(result).to.deep.equal({ ok: true, count: 2 });
    expect(b.all()).to.deep.equal(a.all()); // replace mode drops v2.ch05
    const c = memoryLedger();
    c.upsert('v2.ch05', { context: 'tiny' });
    c.import(text, 'merge');
    expect(c.all().map((r) => r.key)).to.deep.equal(['v1.ch00', 'v1.ch11', 'v2.ch05']);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['malformed JSON', '{"schema": "mlsys-labs.ledger", ', /not valid JSON/],
    ['a JSON array', '[1, 2]', /not a JSON object/],
    ['a foreign schema', JSON.stringify({ schema: 'someone-else', records: {} }), /not an mlsys-labs ledger/],
    ['a newer version', JSON.stringify({ schema: 'mlsys-labs.ledger', version: LEDGER_SCHEMA_VERSION + 1, records: {} }), /newer version/],
    [
      'a bad record key',
      JSON.stringify({ schema: 'mlsys-labs.ledger', version: 2, records: { 'v3.ch01': { timestamp: new Date().toISOString() } } }),
      /v3\.ch01/,
    ],
    [
      'a record without timestamp',
      JSON.stringify({ schema: 'mlsys-labs.ledger', version: 2, records: { 'v1.ch02': { context: 'cloud' } } }),
      /timestamp/,
    ],
    [
      'a record with a wrong field type',
      JSON.stringify({
        schema: 'mlsys-labs.ledger',
        version: 2,
        records: { 'v1.ch02': { timestamp: new Date().toISOString(), act1_correct: 'yes' } },
      }),
      /act1_correct/,
    ],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what} with a clear message and changes nothing`, () => {
      const storage = new FakeStorage();
      const ledger = new DesignLedger({ storage, sync: false });
      ledger.upsert('v1.ch11', { context: 'cloud' });
      const before = ledger.all();
      const stored = storage.map.get(LEDGER_STORAGE_KEY);
      let events = 0;
      ledger.addEventListener('mls-ledger-change', () => events++);
      const result = ledger.import(text);
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        expect(result.error).to.match(message);
        expect(result.error).to.match(/^The file/);
      }
      expect(ledger.all()).to.deep.equal(before);
      expect(storage.map.get(LEDGER_STORAGE_KEY)).to.equal(stored);
      expect(events).to.equal(0);
    });
  }
});

describe('DesignLedger: migration from the reference shape', () => {
  it('reads { track, history: [{ chapter, design }] } with later entries winning', () => {
    const reference = {
      track: 'edge',
      current_chapter: 11,
      history: [
        { chapter: 0, design: { deployment_context: 'edge', check1_answer: 'B', check1_correct: true } },
        { chapter: 11, design: { context: 'cloud', act1_prediction: 'A', act1_correct: false, act2_result: 0.2 } },
        { chapter: 11, design: { context: 'cloud', act1_prediction: 'C', act1_correct: true, act2_result: 0.58, constraint_hit: false } },
      ],
    };
    const ledger = memoryLedger();
    const result = ledger.import(JSON.stringify(reference));
    expect(result).to.deep.equal({ ok: true, count: 2 });
    const ch11 = ledger.get('v1.ch11')!;
    expect(ch11.act1_prediction).to.equal('C');
    expect(ch11.act2_result).to.equal(0.58);
    const ch00 = ledger.get('v1.ch00')!;
    expect(ch00.context).to.equal('edge');
    expect(ch00.extra).to.deep.equal({ deployment_context: 'edge', check1_answer: 'B', check1_correct: true });
    expect(ledger.track).to.equal('edge');
  });

  it("reads the reference's later dict-form history with Volume 2 keys and keeps the track", () => {
    const m = migrate({
      track: 'cloud',
      history: { '5': { context: 'cloud', act1_correct: true }, v2_07: { context: 'edge', act2_result: 'approved' } },
    });
    expect('file' in m).to.equal(true);
    if (!('file' in m)) return;
    expect(Object.keys(m.file.records).sort()).to.deep.equal(['v1.ch00', 'v1.ch05', 'v2.ch07']);
    expect(m.file.records['v1.ch00'].context).to.equal('cloud'); // from `track`
    expect(m.file.records['v2.ch07'].act2_result).to.equal(null); // not a number …
    expect(m.file.records['v2.ch07'].extra?.act2_result).to.equal('approved'); // … but kept
  });

  it('migrates a reference ledger found in storage and rewrites it in the current schema', () => {
    const storage = new FakeStorage();
    storage.map.set(LEDGER_STORAGE_KEY, JSON.stringify({ track: null, history: [{ chapter: 2, design: { context: 'mobile' } }] }));
    const ledger = new DesignLedger({ storage, sync: false });
    expect(ledger.get('v1.ch02')?.context).to.equal('mobile');
    const stored = JSON.parse(storage.map.get(LEDGER_STORAGE_KEY)!);
    expect(stored.schema).to.equal('mlsys-labs.ledger');
    expect(stored.version).to.equal(LEDGER_SCHEMA_VERSION);
    expect(ledger.status).to.deep.equal({ persistent: true, message: null });
  });

  it('rejects a history entry of the wrong shape', () => {
    const m = migrate({ history: [{ chapter: 'eleven', design: {} }] });
    expect('error' in m && m.error).to.match(/history chapter "eleven"/);
  });
});

describe('DesignLedger: storage failures', () => {
  it('starts empty on corrupted storage, keeps the corrupt copy aside and says so', () => {
    const storage = new FakeStorage();
    storage.map.set(LEDGER_STORAGE_KEY, '{"schema": "mlsys-labs.ledger", "records": {');
    let ledger!: DesignLedger;
    expect(() => {
      ledger = new DesignLedger({ storage, sync: false });
    }).not.to.throw();
    expect(ledger.all()).to.deep.equal([]);
    expect(storage.map.get(`${LEDGER_STORAGE_KEY}.corrupt`)).to.equal('{"schema": "mlsys-labs.ledger", "records": {');
    expect(ledger.status.message).to.contain('could not be read');
    expect(ledger.status.message).to.contain(`${LEDGER_STORAGE_KEY}.corrupt`);
    ledger.upsert('v1.ch01', { context: 'cloud' });
    expect(JSON.parse(storage.map.get(LEDGER_STORAGE_KEY)!).records['v1.ch01'].context).to.equal('cloud');
    expect(storage.map.get(`${LEDGER_STORAGE_KEY}.corrupt`)).to.contain('mlsys-labs.ledger'); // still there
  });

  it('leaves a corrupt ledger untouched (memory only) when it cannot be copied aside', () => {
    const storage = new FakeStorage();
    storage.map.set(LEDGER_STORAGE_KEY, 'not json');
    storage.failSet = quota;
    const ledger = new DesignLedger({ storage, sync: false });
    storage.failSet = null;
    ledger.upsert('v1.ch01', { context: 'cloud' });
    expect(storage.map.get(LEDGER_STORAGE_KEY)).to.equal('not json');
    expect(ledger.status.persistent).to.equal(false);
    expect(ledger.status.message).to.contain('left untouched');
    expect(ledger.get('v1.ch01')?.context).to.equal('cloud');
  });

  it('falls back to memory when storage throws on access (sandboxed frame), losing nothing', () => {
    const storage = new FakeStorage();
    storage.failGet = security;
    storage.failSet = security;
    const ledger = new DesignLedger({ storage, sync: false });
    expect(ledger.status.persistent).to.equal(false);
    expect(ledger.status.message).to.match(/not being saved/);
    ledger.upsert('v1.ch01', { context: 'cloud' });
    ledger.upsert('v1.ch02', { context: 'edge' });
    expect(ledger.all().map((r) => r.context)).to.deep.equal(['cloud', 'edge']);
    expect(JSON.parse(ledger.export()).records['v1.ch02'].context).to.equal('edge');
  });

  it('keeps records in memory and says why when setItem starts throwing', () => {
    const storage = new FakeStorage();
    const ledger = new DesignLedger({ storage, sync: false });
    ledger.upsert('v1.ch01', { context: 'cloud' });
    expect(ledger.status.persistent).to.equal(true);
    storage.failSet = security;
    ledger.upsert('v1.ch02', { context: 'edge' });
    expect(ledger.status.persistent).to.equal(false);
    expect(ledger.status.message).to.contain('refused the write');
    expect(ledger.all().map((r) => r.key)).to.deep.equal(['v1.ch01', 'v1.ch02']);
  });

  it('falls back to memory on QuotaExceededError, loses nothing, and recovers when space returns', () => {
    const storage = new FakeStorage();
    const ledger = new DesignLedger({ storage, sync: false });
    ledger.upsert('v1.ch01', { context: 'cloud' });
    storage.failSet = quota;
    let status: unknown;
    ledger.addEventListener('mls-ledger-status', (e) => {
      status = (e as CustomEvent).detail;
    });
    expect(() => ledger.upsert('v1.ch02', { context: 'edge' })).not.to.throw();
    expect(ledger.status.persistent).to.equal(false);
    expect(ledger.status.message).to.contain('storage is full');
    expect(status).to.deep.equal(ledger.status);
    expect(ledger.all().map((r) => r.key)).to.deep.equal(['v1.ch01', 'v1.ch02']);
    storage.failSet = null;
    ledger.upsert('v1.ch03', { context: 'tiny' });
    expect(ledger.status).to.deep.equal({ persistent: true, message: null });
    expect(Object.keys(JSON.parse(storage.map.get(LEDGER_STORAGE_KEY)!).records)).to.deep.equal(['v1.ch01', 'v1.ch02', 'v1.ch03']);
  });

  it('uses memory only when given storage: null', () => {
    const ledger = new DesignLedger({ storage: null });
    ledger.upsert('v1.ch04', { context: 'edge' });
    expect(ledger.status.persistent).to.equal(false);
    expect(ledger.status.message).to.contain('no storage');
    expect(ledger.size).to.equal(1);
  });

  it('runs in a real sandboxed iframe (no allow-same-origin) without throwing', async () => {
    // The store module has no runtime imports, so its compiled text can run inline in the frame.
    const code = (await (await fetch(new URL('../../src/ledger/store.ts', import.meta.url))).text())
      .replace(/^import .*$/gm, '')
      .replace(/^export /gm, '');
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    const probe = `
      let blocked = 'no'; try { void window.localStorage; } catch (e) { blocked = e.name; }
      try {
        const ledger = new DesignLedger();
        ledger.upsert('v1.ch01', { context: 'edge' });
        parent.postMessage({ blocked, status: ledger.status, keys: ledger.all().map((r) => r.key) }, '*');
      } catch (e) { parent.postMessage({ blocked, thrown: String(e) }, '*'); }`;
    frame.srcdoc = `<script type="module">${code.replace(/<\/script/g, '<\\/script')}\n${probe}<\/script>`;
    const got = new Promise<Record<string, unknown>>((resolve) => {
      const on = (e: MessageEvent) => {
        if (e.source === frame.contentWindow) {
          window.removeEventListener('message', on);
          resolve(e.data);
        }
      };
      window.addEventListener('message', on);
    });
    document.body.append(frame);
    try {
      const data = await got;
      expect(data.thrown).to.equal(undefined);
      expect(data.blocked).to.equal('SecurityError');
      expect((data.status as { persistent: boolean }).persistent).to.equal(false);
      expect((data.status as { message: string }).message).to.match(/not being saved/);
      expect(data.keys).to.deep.equal(['v1.ch01']);
    } finally {
      frame.remove();
    }
  });
});

describe('DesignLedger: events and sync', () => {
  it('fires mls-ledger-change for upsert, remove, import and reset', () => {
    const ledger = memoryLedger();
    const seen: Array<{ key: string | null; origin: string; record: LedgerRecord | null }> = [];
    ledger.addEventListener('mls-ledger-change', (e) => seen.push((e as CustomEvent).detail));
    ledger.upsert('v1.ch05', { context: 'cloud' });
    ledger.remove('v1.ch05');
    ledger.import(JSON.stringify({ schema: 'mlsys-labs.ledger', version: 2, records: {} }));
    ledger.reset();
    expect(seen.map((d) => [d.key, d.origin])).to.deep.equal([
      ['v1.ch05', 'local'],
      ['v1.ch05', 'local'],
      [null, 'import'],
      [null, 'reset'],
    ]);
    expect(seen[0].record?.context).to.equal('cloud');
    expect(seen[1].record).to.equal(null);
  });

  it('picks up a change made in another tab through the storage event', async () => {
    const key = `mlsys-labs.test.${Math.random().toString(36).slice(2)}`;
    const ledger = new DesignLedger({ storage: localStorage, storageKey: key });
    const other = new DesignLedger({ storage: localStorage, storageKey: key, sync: false });
    try {
      const changes: string[] = [];
      ledger.addEventListener('mls-ledger-change', (e) => changes.push((e as CustomEvent).detail.origin));
      other.upsert('v1.ch07', { context: 'mobile' }); // "the other tab" writes …
      expect(ledger.get('v1.ch07')).to.equal(undefined); // … nothing yet without the event
      window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage, newValue: localStorage.getItem(key) }));
      await waitUntil(() => ledger.get('v1.ch07') !== undefined);
      expect(ledger.get('v1.ch07')!.context).to.equal('mobile');
      expect(changes).to.deep.equal(['remote']);
      // An event for another key is ignored.
      window.dispatchEvent(new StorageEvent('storage', { key: 'unrelated', storageArea: localStorage }));
      expect(changes.length).to.equal(1);
      ledger.dispose();
      other.upsert('v1.ch08', { context: 'tiny' });
      window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }));
      expect(ledger.get('v1.ch08')).to.equal(undefined); // disposed: no longer listening
    } finally {
      localStorage.removeItem(key);
    }
  });
});

describe('pageLedger', () => {
  afterEach(() => setPageLedger(undefined));

  it('is one shared ledger per page, replaceable with setPageLedger', () => {
    const a = pageLedger();
    expect(pageLedger()).to.equal(a);
    const mine = memoryLedger();
    setPageLedger(mine);
    expect(pageLedger()).to.equal(mine);
    setPageLedger(undefined);
    const fresh = pageLedger();
    expect(fresh).to.be.instanceOf(DesignLedger);
    expect(fresh).not.to.equal(mine);
  });
});
