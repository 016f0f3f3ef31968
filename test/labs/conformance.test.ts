/**
 * Lab conformance: every page under labs/ (the gallery excepted, discovered through the test
 * server's /__labs.json) is loaded for real in a same-origin iframe and worked through as a
 * learner would, one `it()` per rule so a failure names the lab and the rule.
 * Pages load the built bundle (`../../dist/autoload.js`): `npm test` builds first; while
 * developing run `npm run build` before `WTR_FILES=test/labs/conformance.test.ts npx wtr`.
 */
import { expect } from '@open-wc/testing';
import { LAB_SCENARIOS, scenarioId, type LabScenario } from '../../physics/labs/index.js';
import {
  LabFrame,
  LEDGER_KEY,
  deepAll,
  describeViolations,
  gateKey,
  isMls,
  listLabs,
  mlsIn,
  readLab,
  refsOf,
  type AnyEl,
  type LabInfo,
} from './harness.js';

/** Numbers equal to 1e-9 relative (claims are written as literals on the page). */
const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every element of a page's markup, the content of its templates included (depth first). */
function markup(html: string): Element[] {
  const out: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el instanceof HTMLTemplateElement) walk(el.content);
    }
  };
  walk(new DOMParser().parseFromString(html, 'text/html'));
  return out;
}

/** The scope of the page's lab (a LabScope: get(path)). */
type Scope = { get(path: string): unknown };

const SEED_FIELDS = ['context', 'act1_prediction', 'act1_correct', 'act2_result', 'act2_decision', 'constraint_hit', 'timestamp'] as const;

const labs: LabInfo[] = await Promise.all((await listLabs()).map(readLab));

describe('lab conformance: discovery', () => {
  it('finds the lab pages under labs/', () => {
    expect(labs.length, 'no lab pages found under labs/vol*/').to.be.greaterThan(0);
  });
});

for (const info of labs) {
  const orientation = info.chapter === 0;
  describe(`${info.url} (${info.key}${info.title ? `, ${info.title}` : ''})`, function () {
    this.timeout(60_000);
    let frame: LabFrame;

    const acts = (): Element[] => [...frame.doc.querySelectorAll('mls-act')];
    const lockOf = (act: Element) => act.querySelector('mls-prediction-lock') as AnyEl | null;
    const gatesAfter = (act: Element, name: string) => [...act.querySelectorAll('mls-gate')].filter((g) => gateKey(g) === name);
    const scenario: LabScenario | undefined = LAB_SCENARIOS[scenarioId(info.volume, info.chapter)];
    const scope = () => (frame.lab as unknown as { labScope: Scope }).labScope;

    /** Open whatever stands before act n's lock, then lock it (idempotent). */
    async function lockAct(n: number): Promise<void> {
      const act = acts()[n - 1];
      expect(act, `mls-act #${n}`).to.exist;
      const lock = lockOf(act);
      expect(lock, `mls-act #${n} has an mls-prediction-lock`).to.exist;
      if (frame.isLocked(lock!)) return;
      await frame.openGates(
        new Set(
          acts()
            .slice(n - 1)
            .map((a) => lockOf(a)?.getAttribute('name') ?? ''),
        ),
      );
      await frame.lock(lock!);
    }

    before(async () => {
      localStorage.removeItem(LEDGER_KEY);
      localStorage.removeItem(`${LEDGER_KEY}.corrupt`);
      frame = new LabFrame(info);
      await frame.load();
    });

    after(() => frame?.remove());

    it('is plain HTML: one script, the autoloader, and no inline JavaScript', () => {
      const doc = new DOMParser().parseFromString(info.html, 'text/html');
      // The test server injects its own web-socket script into every HTML page it serves.
      const scripts = [...doc.querySelectorAll('script')].filter((s) => !(s.getAttribute('src') ?? '').startsWith('/__web-dev-server'));
      expect(
        scripts.map((s) => s.getAttribute('src')),
        'script tags',
      ).to.deep.equal(['../../dist/autoload.js']);
      expect(scripts[0].getAttribute('type')).to.equal('module');
      const handlers = [...doc.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`),
      );
      expect(handlers, 'inline event handlers').to.deep.equal([]);
      expect(doc.querySelectorAll('mls-lab').length, 'exactly one <mls-lab>').to.equal(1);
    });

    it('is the shared shell: a <head>, one stylesheet, no <style>, and at most 12 lines outside <mls-lab>', () => {
      const doc = new DOMParser().parseFromString(info.html, 'text/html');
      expect(doc.querySelectorAll('style').length, '<style> elements (the lab layout comes from the library)').to.equal(0);
      expect(
        [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')),
        'stylesheets',
      ).to.deep.equal(['../lab.css']);
      const start = info.html.indexOf('<mls-lab');
      const end = info.html.lastIndexOf('</mls-lab>') + '</mls-lab>'.length;
      const outside = (info.html.slice(0, start) + info.html.slice(end))
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.includes('/__web-dev-server')).length; // the test server injects one script line
      expect(outside, 'lines outside <mls-lab>').to.be.at.most(12);
      expect(doc.querySelector('mls-lab')?.getAttribute('gallery'), 'the lab links back to the gallery').to.equal('../index.html');
    });

    it('loads with no error, unhandled rejection, console.error or console.warn', () => {
      expect(frame.lab, '<mls-lab> is in the page').to.exist;
      expect(frame.errors, 'errors').to.deep.equal([]);
      expect(frame.warnings, 'warnings (labs must have none)').to.deep.equal([]);
    });

    it('has no axe violations before any interaction', async () => {
      const r = await frame.axe();
      expect(describeViolations(r), 'axe violations').to.deep.equal([]);
    });

    it(`has a scenario contract in physics/labs (${scenarioId(info.volume, info.chapter)})`, () => {
      expect(
        scenario,
        `LAB_SCENARIOS["${scenarioId(info.volume, info.chapter)}"]: export a LabScenario from physics/labs/${scenarioId(info.volume, info.chapter)}.ts and register it in physics/labs/index.ts`,
      ).to.exist;
      expect(scenario!.volume, 'scenario volume').to.equal(info.volume);
      expect(scenario!.chapter, 'scenario chapter').to.equal(info.chapter);
    });

    it('every answer key on the page is what the scenario derives, and every option claims what the scenario says', () => {
      // From the page's markup, gated templates included, so nothing has to be opened first.
      const keyed = markup(info.html).filter((el) => el.localName === 'mls-prediction-lock' || el.localName === 'mls-reflection');
      const problems: string[] = [];
      const names = new Set<string>();
      for (const el of keyed) {
        const name = el.getAttribute('name') ?? '';
        names.add(name);
        const key = scenario?.answers[name];
        const label = `<${el.localName} name="${name}">`;
        if (!key) {
          problems.push(`${label} has no answer key in the scenario (answers.${name})`);
          continue;
        }
        const derived = key.derive();
        const answer = (el.getAttribute('answer') ?? '').trim();
        const same = typeof derived === 'number' ? sameNumber(Number(answer), derived) : answer === String(derived);
        if (!same) problems.push(`${label} answer="${answer}" but the scenario derives ${JSON.stringify(derived)}`);
        if (!key.claims) continue;
        const options = [...el.querySelectorAll(':scope > option')];
        const values = options.map((o) => o.getAttribute('value') ?? '');
        const claimed = Object.keys(key.claims);
        if (values.slice().sort().join(' ') !== claimed.slice().sort().join(' ')) {
          problems.push(`${label} offers options ${values.join(', ')} but the scenario claims ${claimed.join(', ')}`);
        }
        for (const o of options) {
          const v = o.getAttribute('value') ?? '';
          const claim = key.claims[v];
          const dn = o.getAttribute('data-number');
          if (claim === undefined) continue;
          if (dn === null) {
            problems.push(`${label} option ${v} has no data-number (the scenario claims ${claim})`);
            continue;
          }
          if (!sameNumber(Number(dn), claim))
            problems.push(`${label} option ${v} says data-number="${dn}" but the scenario claims ${claim}`);
        }
      }
      for (const name of Object.keys(scenario?.answers ?? {})) {
        if (!names.has(name)) problems.push(`the scenario keys answers.${name}, but the page has no lock or check named "${name}"`);
      }
      expect(problems).to.deep.equal([]);
    });

    if (orientation) {
      it('reveals each concept check only after the previous one is answered', async () => {
        expect(frame.doc.querySelectorAll('mls-gate').length, 'gated checks').to.be.greaterThan(0);
        for (let guard = 0; guard < 20; guard++) {
          const gate = [...frame.doc.querySelectorAll('mls-gate')].find((g) => !frame.isGateOpen(g));
          if (!gate) break;
          const after = gateKey(gate);
          const target = frame.named(after);
          expect(target, `the element named "${after}" that gate waits for`).to.exist;
          expect(frame.isGateOpen(gate), `gate after="${after}" is closed at first`).to.equal(false);
          expect(mlsIn(gate), `gate after="${after}" holds no elements while closed`).to.deep.equal([]);
          if (target!.localName === 'mls-reflection') await frame.answer(target!, 'right');
          else await frame.openGates();
          expect(frame.isGateOpen(gate), `gate after="${after}" opens once "${after}" is answered`).to.equal(true);
        }
      });
    } else {
      it('has two acts, each with exactly one prediction lock', () => {
        const list = acts();
        expect(list.length, 'mls-act count').to.equal(2);
        list.forEach((act, i) =>
          expect(act.querySelectorAll('mls-prediction-lock').length, `mls-act #${i + 1} prediction locks`).to.equal(1),
        );
      });

      for (const n of [1, 2]) {
        it(`Act ${n === 1 ? 'I' : 'II'}: instruments are absent until its prediction is locked, present after`, async () => {
          const act = acts()[n - 1];
          expect(act, `mls-act #${n}`).to.exist;
          const lock = lockOf(act)!;
          const name = lock.getAttribute('name') ?? '';
          // Open what comes before, but leave this act's lock and every later act's lock alone.
          const later = acts()
            .slice(n - 1)
            .map((a) => lockOf(a)?.getAttribute('name') ?? '');
          await frame.openGates(new Set(later));
          const gates = gatesAfter(act, name);
          expect(gates.length, `mls-gate after="${name}" in Act ${n}`).to.be.greaterThan(0);
          expect(frame.isLocked(lock), 'not locked yet').to.equal(false);
          for (const g of gates)
            expect(
              mlsIn(g).map((e) => e.localName),
              'instruments before locking',
            ).to.deep.equal([]);
          await frame.lock(lock);
          expect(frame.isLocked(lock), 'locked after pressing "Lock prediction"').to.equal(true);
          const present = gates.flatMap((g) => mlsIn(g));
          expect(present.length, 'instruments after locking').to.be.greaterThan(0);
        });

        it(`Act ${n === 1 ? 'I' : 'II'}: the overlay states the gap between prediction and physics`, async () => {
          await lockAct(n);
          const overlay = acts()[n - 1].querySelector('mls-overlay');
          expect(overlay, `mls-overlay in Act ${n}`).to.exist;
          // The overlay's own gap sentence (never the author's slotted prose).
          const gap = overlay!.shadowRoot?.querySelector('[part~="gap"]');
          expect(gap, `Act ${n}'s overlay states no gap sentence of its own`).to.exist;
          expect(gap!.textContent ?? '', 'gap sentence').to.match(/off by|gap is|exactly right|matches/i);
          const lock = lockOf(acts()[n - 1])!;
          const claimed = (lock as AnyEl).locked as { number?: unknown } | undefined;
          if (typeof claimed?.number === 'number') {
            expect(
              Number.isFinite(Number(overlay!.getAttribute('data-gap'))),
              `Act ${n}'s overlay has a finite data-gap for a numeric claim`,
            ).to.equal(true);
          }
        });
      }

      it('Act II: each failure state is reached through the controls and left again (scenario recipes)', async () => {
        await lockAct(1);
        await lockAct(2);
        await frame.openGates();
        const recipes = scenario?.failures ?? [];
        expect(recipes.length, 'the scenario has at least one failure recipe').to.be.greaterThan(0);
        for (const r of recipes) {
          const f = [...acts()[1].querySelectorAll('mls-failure')].find((x) => x.getAttribute('name') === r.failure);
          expect(f, `<mls-failure name="${r.failure}"> in Act II`).to.exist;
          await frame.applyRecipe(r.reach);
          expect(f!.hasAttribute('active'), `${r.failure} active after ${JSON.stringify(r.reach)}`).to.equal(true);
          await frame.applyRecipe(r.escape);
          expect(f!.hasAttribute('active'), `${r.failure} inactive after ${JSON.stringify(r.escape)}`).to.equal(false);
        }
      });

      it('carries no test metadata in its markup', () => {
        const doc = new DOMParser().parseFromString(info.html, 'text/html');
        const marked = [...doc.querySelectorAll('[data-reach], [data-escape], [derive]')].map(
          (e) => `<${e.localName} name="${e.getAttribute('name')}">`,
        );
        expect(marked, 'recipes and derivations belong in the scenario module').to.deep.equal([]);
      });

      it('declares the scenario settings the scenario lists', () => {
        const problems: string[] = [];
        const all = markup(info.html); // gated templates included
        for (const d of scenario?.declared ?? []) {
          const el = all.find((e) => e.matches(d.selector));
          if (!el) {
            problems.push(`no element matches ${d.selector}`);
            continue;
          }
          const v = el.getAttribute(d.attr);
          const ok = typeof d.value === 'number' ? v !== null && sameNumber(Number(v), d.value) : v === d.value;
          if (!ok) problems.push(`${d.selector} ${d.attr}="${v}" but the scenario says ${d.value}`);
        }
        expect(problems).to.deep.equal([]);
      });
    }

    it('with everything revealed, every $ref resolves and no value reads "not yet computed", in every context', async () => {
      if (!orientation) {
        await lockAct(1);
        await lockAct(2);
      }
      await frame.openGates();
      const toggle = frame.doc.querySelector('mls-context-toggle');
      const contexts = toggle ? frame.radioValues(toggle) : [''];
      const problems = new Set<string>();
      for (const ctx of contexts) {
        if (toggle && ctx && frame.controlValue(toggle) !== ctx) await frame.setControl(toggle, ctx);
        const where = ctx ? ` (context ${ctx})` : '';
        for (const el of [frame.lab as Element, ...frame.lab.querySelectorAll('*')]) {
          if (!isMls(el)) continue;
          for (const path of refsOf(el)) {
            if (scope().get(path) === undefined) {
              const head = path.split('.')[0];
              const why =
                scope().get(head) === undefined
                  ? `nothing on the page writes "${head}"`
                  : `"${head}" has no "${path.slice(head.length + 1)}"`;
              problems.add(
                `<${el.localName}${el.getAttribute('name') ? ` name="${el.getAttribute('name')}"` : ''}> reads $${path}: ${why}${where}`,
              );
            }
          }
        }
        for (const el of deepAll(frame.lab, (e) => ['mls-value', 'mls-metric', 'mls-overlay'].includes(e.localName))) {
          const visible = typeof (el as HTMLElement).checkVisibility !== 'function' || (el as HTMLElement).checkVisibility();
          if (visible && /not yet computed/.test(el.shadowRoot?.textContent ?? '')) {
            problems.add(
              `<${el.localName} ${[...el.attributes].map((a) => `${a.name}="${a.value}"`).join(' ')}> shows "not yet computed"${where}`,
            );
          }
        }
      }
      expect([...problems]).to.deep.equal([]);
    });

    it('every control changes at least one visible output', async () => {
      if (!orientation) {
        await lockAct(1);
        await lockAct(2);
      }
      await frame.openGates();
      const controls = frame.controls().filter((c) => c.localName !== 'mls-context-toggle');
      const hud = [...frame.doc.querySelectorAll('mls-ledger-hud')];
      const dead: string[] = [];
      for (const control of controls) {
        const to = frame.otherValue(control);
        const label = `<${control.localName} name="${control.getAttribute('name')}">`;
        if (to === undefined) {
          dead.push(`${label} offers no second value`);
          continue;
        }
        const from = frame.controlValue(control);
        const before = frame.visibleSnapshot([control, ...hud]);
        await frame.setControl(control, to);
        const afterText = frame.visibleSnapshot([control, ...hud]);
        if (afterText === before) dead.push(`${label} ${from} → ${to} changed nothing visible`);
        await frame.setControl(control, from);
      }
      expect(dead).to.deep.equal([]);
    });

    it('the context toggle changes at least one visible output', async () => {
      await frame.openGates();
      const toggles = [...frame.doc.querySelectorAll('mls-context-toggle')];
      expect(toggles.length, 'mls-context-toggle in the lab').to.be.greaterThan(0);
      const hud = [...frame.doc.querySelectorAll('mls-ledger-hud')];
      for (const toggle of toggles) {
        const ids = frame.radioValues(toggle);
        expect(ids.length, 'contexts offered').to.be.greaterThan(1);
        // A confirm toggle may start empty: confirm one first so there is a "before".
        if (!frame.controlValue(toggle)) await frame.setControl(toggle, ids[0]);
        const from = frame.controlValue(toggle);
        const to = ids.find((i) => i !== from)!;
        const before = frame.visibleSnapshot([toggle, ...hud]);
        await frame.setControl(toggle, to);
        expect(frame.visibleSnapshot([toggle, ...hud]), `context ${from} → ${to} changed nothing visible`).to.not.equal(before);
        await frame.setControl(toggle, from);
      }
    });

    it(
      orientation
        ? `writes one ledger record ${info.key} with the chosen context and the check answers`
        : `writes one ledger record ${info.key} with the seed-spec fields`,
      async () => {
        if (!orientation) {
          await lockAct(1);
          await lockAct(2);
        }
        await frame.openGates();
        if (!orientation) {
          // Reach the Act II failure and leave it again here, so the record's constraint_hit is
          // checked whatever ran (or failed, or was filtered out) before this test.
          const recipe = scenario?.failures[0];
          expect(recipe, 'a failure recipe in the scenario').to.exist;
          await frame.applyRecipe(recipe!.reach);
          await frame.applyRecipe(recipe!.escape);
        }
        const toggle = frame.doc.querySelector('mls-context-toggle');
        if (orientation && toggle && !frame.controlValue(toggle)) await frame.setControl(toggle, frame.radioValues(toggle)[0]);
        const file = frame.ledgerFile();
        expect(file, `localStorage["${LEDGER_KEY}"]`).to.exist;
        // Records of this chapter, however the key is spelled (v1.ch2, v1.ch02); other tests'
        // records of other chapters may share this origin's localStorage and are ignored.
        const sameChapter = Object.keys(file!.records).filter((k) => {
          const m = /^v(\d+)\.ch(\d+)$/.exec(k);
          return !!m && Number(m[1]) === info.volume && Number(m[2]) === info.chapter;
        });
        expect(sameChapter, `records for volume ${info.volume} chapter ${info.chapter}`).to.deep.equal([info.key]);
        const rec = file!.records[info.key];
        expect(Number.isNaN(Date.parse(String(rec.timestamp))), 'timestamp is a date').to.equal(false);
        if (orientation) {
          const chosen = toggle ? frame.controlValue(toggle) : undefined;
          expect(rec.context, 'context').to.be.a('string').and.not.equal('');
          expect(rec.context, 'context is the confirmed one').to.equal(chosen);
          const extra = (rec.extra ?? {}) as Record<string, unknown>;
          expect(extra.deployment_context, 'extra.deployment_context').to.equal(rec.context);
          return;
        }
        const missing = SEED_FIELDS.filter((f) => !(f in rec));
        expect(missing, 'seed-spec fields missing').to.deep.equal([]);
        expect(rec.context, 'context').to.be.a('string').and.not.equal('');
        expect(rec.act1_prediction, 'act1_prediction').to.not.equal(null);
        expect(rec.act1_correct, 'act1_correct').to.be.a('boolean');
        expect(rec.act2_result, 'act2_result').to.be.a('number');
        expect(Number.isFinite(rec.act2_result), 'act2_result finite').to.equal(true);
        expect(rec.act2_decision, 'act2_decision').to.be.a('string').and.not.equal('');
        expect(rec.constraint_hit, 'constraint_hit after reaching the Act II failure').to.equal(true);
      },
    );

    it('has no axe violations with everything revealed', async () => {
      if (!orientation) {
        await lockAct(1);
        await lockAct(2);
      }
      await frame.openGates();
      const r = await frame.axe();
      expect(describeViolations(r), 'axe violations').to.deep.equal([]);
    });

    it('restores locks, gates, context and a moved slider from the ledger on reload', async () => {
      if (!orientation) {
        await lockAct(1);
        await lockAct(2);
      }
      await frame.openGates();
      const slider = frame.doc.querySelector('mls-slider');
      let moved: string | undefined;
      if (slider) {
        moved = frame.otherValue(slider);
        if (moved !== undefined) await frame.setControl(slider, moved);
        moved = frame.controlValue(slider);
      }
      const toggle = frame.doc.querySelector('mls-context-toggle');
      const ctx = toggle ? frame.controlValue(toggle) : undefined;
      const answered = [...frame.doc.querySelectorAll('mls-reflection')]
        .filter((r) => frame.isAnswered(r))
        .map((r) => r.getAttribute('name'));
      await frame.load();
      const problems: string[] = [];
      for (const lock of frame.doc.querySelectorAll('mls-prediction-lock'))
        if (!frame.isLocked(lock)) problems.push(`lock "${lock.getAttribute('name')}" is not locked`);
      for (const r of frame.doc.querySelectorAll('mls-reflection')) {
        if (answered.includes(r.getAttribute('name')) && !frame.isAnswered(r))
          problems.push(`reflection "${r.getAttribute('name')}" was answered but is not after reload`);
      }
      for (const g of frame.doc.querySelectorAll('mls-gate'))
        if (!frame.isGateOpen(g)) problems.push(`gate after="${g.getAttribute('after')}" is closed`);
      const s2 = frame.doc.querySelector('mls-slider');
      if (slider && s2 && moved !== undefined && frame.controlValue(s2) !== moved)
        problems.push(`slider "${s2.getAttribute('name')}" shows ${frame.controlValue(s2)}, was moved to ${moved}`);
      const t2 = frame.doc.querySelector('mls-context-toggle');
      if (t2 && ctx && frame.controlValue(t2) !== ctx) problems.push(`context shows "${frame.controlValue(t2)}", was "${ctx}"`);
      expect(problems).to.deep.equal([]);
    });

    it('raises no error, rejection, console.error or console.warn while being used', () => {
      expect(frame.errors, 'errors').to.deep.equal([]);
      expect(frame.warnings, 'warnings').to.deep.equal([]);
    });
  });
}
