/**
 * Lab conformance: every page under labs/ (the gallery excepted, discovered through the test
 * server's /__labs.json) is loaded for real in a same-origin iframe and worked through as a
 * learner would, one `it()` per rule so a failure names the lab and the rule.
 * Pages load the built bundle (`../../dist/autoload.js`): `npm test` builds first; while
 * developing run `npm run build` before `WTR_FILES=test/labs/conformance.test.ts npx wtr`.
 */
import { expect } from '@open-wc/testing';
import { LAB_DERIVATIONS } from '../../physics/labs/index.js';
import { LabFrame, LEDGER_KEY, describeViolations, listLabs, mlsIn, readLab, type AnyEl, type LabInfo } from './harness.js';

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
    const state = { failureReached: false };

    const acts = (): Element[] => [...frame.doc.querySelectorAll('mls-act')];
    const lockOf = (act: Element) => act.querySelector('mls-prediction-lock') as AnyEl | null;
    const gatesAfter = (act: Element, name: string) => [...act.querySelectorAll('mls-gate')].filter((g) => g.getAttribute('after') === name);

    /** Open whatever stands before act n's lock, then lock it (idempotent). */
    async function lockAct(n: number): Promise<void> {
      const act = acts()[n - 1];
      expect(act, `mls-act #${n}`).to.exist;
      const lock = lockOf(act);
      expect(lock, `mls-act #${n} has an mls-prediction-lock`).to.exist;
      if (frame.isLocked(lock!)) return;
      await frame.openGates(new Set(acts().slice(n - 1).map((a) => lockOf(a)?.getAttribute('name') ?? '')));
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
      expect(scripts.map((s) => s.getAttribute('src')), 'script tags').to.deep.equal(['../../dist/autoload.js']);
      expect(scripts[0].getAttribute('type')).to.equal('module');
      const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`));
      expect(handlers, 'inline event handlers').to.deep.equal([]);
      expect(doc.querySelectorAll('mls-lab').length, 'exactly one <mls-lab>').to.equal(1);
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

    it('gives every prediction lock a derive, and every answer key is what physics derives', () => {
      const locks = [...frame.doc.querySelectorAll('mls-prediction-lock')];
      const keyed = [...frame.doc.querySelectorAll('[derive]')].filter((el) => el.localName.startsWith('mls-'));
      const problems: string[] = [];
      for (const lock of locks) if (!lock.hasAttribute('derive')) problems.push(`lock "${lock.getAttribute('name')}" has no derive`);
      for (const el of keyed) {
        const id = el.getAttribute('derive')!;
        const fn = LAB_DERIVATIONS[id];
        if (!fn) { problems.push(`<${el.localName} name="${el.getAttribute('name')}"> derive="${id}" is not in LAB_DERIVATIONS`); continue; }
        const derived = fn();
        const answer = el.getAttribute('answer') ?? '';
        const same = typeof derived === 'number'
          ? Math.abs(Number(answer) - derived) <= 1e-9 * Math.max(1, Math.abs(derived))
          : answer.trim() === String(derived);
        if (!same) problems.push(`<${el.localName} name="${el.getAttribute('name')}"> answer="${answer}" but ${id} derives ${JSON.stringify(derived)}`);
      }
      expect(problems).to.deep.equal([]);
    });

    if (orientation) {
      it('reveals each concept check only after the previous one is answered', async () => {
        expect(frame.doc.querySelectorAll('mls-gate').length, 'gated checks').to.be.greaterThan(0);
        for (let guard = 0; guard < 20; guard++) {
          const gate = [...frame.doc.querySelectorAll('mls-gate')].find((g) => !frame.isGateOpen(g));
          if (!gate) break;
          const after = gate.getAttribute('after') ?? '';
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
        list.forEach((act, i) => expect(act.querySelectorAll('mls-prediction-lock').length, `mls-act #${i + 1} prediction locks`).to.equal(1));
      });

      for (const n of [1, 2]) {
        it(`Act ${n === 1 ? 'I' : 'II'}: instruments are absent until its prediction is locked, present after`, async () => {
          const act = acts()[n - 1];
          expect(act, `mls-act #${n}`).to.exist;
          const lock = lockOf(act)!;
          const name = lock.getAttribute('name') ?? '';
          // Open what comes before, but leave this act's lock and every later act's lock alone.
          const later = acts().slice(n - 1).map((a) => lockOf(a)?.getAttribute('name') ?? '');
          await frame.openGates(new Set(later));
          const gates = gatesAfter(act, name);
          expect(gates.length, `mls-gate after="${name}" in Act ${n}`).to.be.greaterThan(0);
          expect(frame.isLocked(lock), 'not locked yet').to.equal(false);
          for (const g of gates) expect(mlsIn(g).map((e) => e.localName), 'instruments before locking').to.deep.equal([]);
          await frame.lock(lock);
          expect(frame.isLocked(lock), 'locked after pressing "Lock prediction"').to.equal(true);
          const present = gates.flatMap((g) => mlsIn(g));
          expect(present.length, 'instruments after locking').to.be.greaterThan(0);
        });

        it(`Act ${n === 1 ? 'I' : 'II'}: the overlay states the gap between prediction and physics`, async () => {
          await lockAct(n);
          const overlay = acts()[n - 1].querySelector('mls-overlay');
          expect(overlay, `mls-overlay in Act ${n}`).to.exist;
          const text = frame.visibleSnapshot([], overlay!);
          const gap = Number(overlay!.getAttribute('data-gap'));
          const says = /off by|gap/i.test(text) || /off by|gap/i.test(overlay!.shadowRoot?.textContent ?? '');
          expect(says || (overlay!.hasAttribute('data-gap') && Number.isFinite(gap)),
            `overlay text "${text.slice(0, 200)}" states no gap and has no finite data-gap`).to.equal(true);
        });
      }

      it('Act II: the failure state is reached through the controls and left again', async () => {
        await lockAct(1);
        await lockAct(2);
        await frame.openGates();
        const failures = [...acts()[1].querySelectorAll('mls-failure')];
        expect(failures.length, 'mls-failure in Act II').to.be.greaterThan(0);
        const f = failures.find((x) => x.hasAttribute('data-reach')) as AnyEl | undefined;
        expect(f, 'an Act II mls-failure with data-reach (and data-escape)').to.exist;
        expect(f!.hasAttribute('data-escape'), 'data-escape').to.equal(true);
        await frame.applyRecipe(f!.getAttribute('data-reach')!);
        expect(f!.hasAttribute('active'), `active after data-reach="${f!.getAttribute('data-reach')}"`).to.equal(true);
        state.failureReached = true;
        await frame.applyRecipe(f!.getAttribute('data-escape')!);
        expect(f!.hasAttribute('active'), `inactive after data-escape="${f!.getAttribute('data-escape')}"`).to.equal(false);
      });
    }

    it('every control changes at least one visible output', async () => {
      if (!orientation) { await lockAct(1); await lockAct(2); }
      await frame.openGates();
      const controls = frame.controls().filter((c) => c.localName !== 'mls-context-toggle');
      const hud = [...frame.doc.querySelectorAll('mls-ledger-hud')];
      const dead: string[] = [];
      for (const control of controls) {
        const to = frame.otherValue(control);
        const label = `<${control.localName} name="${control.getAttribute('name')}">`;
        if (to === undefined) { dead.push(`${label} offers no second value`); continue; }
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

    it(orientation
      ? `writes one ledger record ${info.key} with the chosen context and the check answers`
      : `writes one ledger record ${info.key} with the seed-spec fields`, async () => {
      if (!orientation) { await lockAct(1); await lockAct(2); }
      await frame.openGates();
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
      expect(rec.constraint_hit, 'constraint_hit').to.be.a('boolean');
      if (state.failureReached) expect(rec.constraint_hit, 'constraint_hit after reaching the failure').to.equal(true);
    });

    it('has no axe violations with everything revealed', async () => {
      if (!orientation) { await lockAct(1); await lockAct(2); }
      await frame.openGates();
      const r = await frame.axe();
      expect(describeViolations(r), 'axe violations').to.deep.equal([]);
    });

    it('restores locks, gates, context and a moved slider from the ledger on reload', async () => {
      if (!orientation) { await lockAct(1); await lockAct(2); }
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
      const answered = [...frame.doc.querySelectorAll('mls-reflection')].filter((r) => frame.isAnswered(r)).map((r) => r.getAttribute('name'));
      await frame.load();
      const problems: string[] = [];
      for (const lock of frame.doc.querySelectorAll('mls-prediction-lock')) if (!frame.isLocked(lock)) problems.push(`lock "${lock.getAttribute('name')}" is not locked`);
      for (const r of frame.doc.querySelectorAll('mls-reflection')) {
        if (answered.includes(r.getAttribute('name')) && !frame.isAnswered(r)) problems.push(`reflection "${r.getAttribute('name')}" was answered but is not after reload`);
      }
      for (const g of frame.doc.querySelectorAll('mls-gate')) if (!frame.isGateOpen(g)) problems.push(`gate after="${g.getAttribute('after')}" is closed`);
      const s2 = frame.doc.querySelector('mls-slider');
      if (slider && s2 && moved !== undefined && frame.controlValue(s2) !== moved) problems.push(`slider "${s2.getAttribute('name')}" shows ${frame.controlValue(s2)}, was moved to ${moved}`);
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
