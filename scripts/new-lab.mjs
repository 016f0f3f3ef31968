// `npm run new:lab <volume> <NN>`: stamps a new lab from the kit, ready to be filled in.
//   labs/vol<V>/lab-<NN>.html         the page: the shared shell, two acts, locks, gates, overlays,
//                                     a failure, reflections, math peeks, the HUD, sources
//   physics/labs/v<V>-<NN>.ts         the scenario contract (answer keys, claims, failure recipes)
//   test/labs/v<V>-<NN>.test.ts       the lab's own test (its numbers against physics)
//   stories/lab-v<V>-<NN>.stories.ts  the lab's Storybook story
//   docs/labs/v<V>-lab-<NN>.md        the lab's doc page
// and registers the scenario in physics/labs/index.ts and the page in src/catalog.ts (BUILT).
// Every stamped placeholder fails on purpose until it is filled in: the scenario's derive()
// throws "not derived yet", the failure list is empty, the test asserts the doc has no TODO, so
// the conformance suite and the lab's test stay red until the lab is real.
// Title, chapter and contexts come from the catalogue (src/catalog.ts); the brief is
// ../shared/briefs/v<V>-lab-<NN>.md. Refuses to overwrite an existing file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const [volArg, numArg] = process.argv.slice(2);
const volume = Number(volArg);
const chapter = Number(numArg);
if (!(volume === 1 || volume === 2) || !Number.isInteger(chapter) || chapter < 0 || chapter > 17) {
  console.error('usage: npm run new:lab <volume 1|2> <chapter>, e.g. npm run new:lab 1 03');
  process.exit(2);
}
const NN = String(chapter).padStart(2, '0');
const id = `v${volume}-${NN}`;
const CONST = `V${volume}_${NN}_LAB`;
const catalog = readFileSync('src/catalog.ts', 'utf8');
const row = new RegExp(
  `\\{ volume: ${volume}, chapter: ${chapter}, chapterTitle: '((?:[^'\\\\]|\\\\.)*)', title: (['"])((?:(?!\\2).)*)\\2,[\\s\\S]*?contexts: \\[([^\\]]*)\\] \\}`,
).exec(catalog);
if (!row) {
  console.error(`new:lab: no catalogue row for volume ${volume} chapter ${chapter} in src/catalog.ts`);
  process.exit(1);
}
const chapterTitle = row[1].replace(/\\'/g, "'");
const title = row[3].replace(/\\'/g, "'");
const KNOWN = ['cloud', 'edge', 'mobile', 'tiny'];
const listed = row[4]
  .split(',')
  .map((c) => c.trim().replace(/^'|'$/g, ''))
  .filter(Boolean);
const contexts = listed.every((c) => KNOWN.includes(c)) ? listed : ['cloud', 'edge'];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const files = {
  [`labs/vol${volume}/lab-${NN}.html`]: page(),
  [`physics/labs/${id}.ts`]: scenario(),
  [`test/labs/${id}.test.ts`]: test(),
  [`stories/lab-${id}.stories.ts`]: story(),
  [`docs/labs/v${volume}-lab-${NN}.md`]: doc(),
};
const exists = Object.keys(files).filter((f) => existsSync(f));
if (exists.length) {
  console.error(`new:lab: refusing to overwrite ${exists.join(', ')}`);
  process.exit(1);
}
for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`created ${file}`);
}
register();
// House style for what was stamped (prettier skips the lab pages and docs, see .prettierignore).
try {
  execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', '--log-level', 'warn', ...Object.keys(files)], {
    stdio: 'inherit',
  });
} catch {
  console.warn('prettier did not run: run `npm run format` before committing');
}

function option(v, claim, text) {
  return `        <option value="${v}" data-number="${claim}">TODO ${text}</option>`;
}

function act(n, name) {
  return `
    <mls-act n="${n}" title="TODO ${n === 1 ? 'Calibration' : 'Design challenge'} title">
      <mls-stakeholder persona="TODO role, organisation" context="$context">
        TODO the stakeholder's message: the quantified problem, in their words (brief: Scenario${n === 2 ? ', Act II twist' : ''}).
      </mls-stakeholder>

      <mls-prediction-lock name="${name}" answer="A">
        <span slot="question">TODO the question (nothing it asks about is visible before the lock).</span>
${['A', 'B', 'C', 'D'].map((v, i) => option(v, 10 ** i, `option ${v}`)).join('\n')}
      </mls-prediction-lock>

      <mls-gate when="$${name}.locked"><template>
        <h3>TODO what the instruments show</h3>
        <div class="controls">
          <mls-slider name="${n === 1 ? 'knob' : 'lever'}" label="TODO a lever" min="1" max="100" value="10"></mls-slider>
        </div>
        <!-- TODO instruments, each publishing what the overlay, metrics and prose read; lab-only
             numbers come from <mls-compute fn="${id}.name" args="…" publish="…">. -->
        <mls-compute fn="${id}.${n === 1 ? 'act1' : 'act2'}" args="x:$${n === 1 ? 'knob' : 'lever'}" publish="${n === 1 ? 'a1' : 'a2'}"></mls-compute>
        <p class="note">TODO one line on what the model leaves out, and the measured public figure beside it.</p>
${
  n === 2
    ? `
        <mls-failure when="$a2.failed" name="TODO-failure" heading="TODO what broke">
          TODO what the learner sees and which of Act II's levers backs out of it.
        </mls-failure>
`
    : ''
}
        <mls-overlay prediction="$${name}" actual="$${n === 1 ? 'a1' : 'a2'}.actual" unit="">
          TODO why the physics comes out this way, with every number bound (mls-value).
        </mls-overlay>

        <mls-reflection name="r${n}" answer="A">
          <span slot="question">TODO reflection question</span>
          <option value="A">TODO</option>
          <option value="B">TODO</option>
          <option value="C">TODO</option>
          <option value="D">TODO</option>
          <p data-for="A">TODO feedback for A</p>
          <p data-for="B">TODO feedback for B</p>
          <p data-for="C">TODO feedback for C</p>
          <p data-for="D">TODO feedback for D</p>
        </mls-reflection>

        <mls-math-peek heading="The governing equations">
          <p data-tex="display">TODO</p>
        </mls-math-peek>
      </template></mls-gate>
    </mls-act>`;
}

function page() {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Lab ${NN} · ${esc(title)} · Machine Learning Systems</title>
  <meta name="description" content="TODO one sentence: what the learner confronts in this lab.">
  <link rel="icon" href="data:,"><link rel="stylesheet" href="../lab.css">
  <script type="module" src="../../dist/autoload.js"></script>
</head>
<body><main>
<mls-lab gallery="../index.html" heading-level="1" volume="${volume}" chapter="${chapter}" title="${esc(title)}" minutes="40" contexts="${contexts.join(' ')}"
    result="$a2.actual" decision="$a2.decision" record="TODO:$a2.actual">
    <ul slot="reading">
      <li>${esc(chapterTitle)}: TODO the sections to read first.</li>
    </ul>

    <mls-context-toggle></mls-context-toggle>
${act(1, 'act1')}
${act(2, 'act2')}

    <mls-ledger-hud></mls-ledger-hud>

    <div slot="sources">
      <p>TODO the datasheets, papers and chapter claims behind every constant (physics registry sources).</p>
    </div>
</mls-lab>
</main></body>
</html>
`;
}

function scenario() {
  return `/**
 * Volume ${volume} lab ${NN}, "${title}": the scenario settings, the derivation of each answer key
 * and the lab-only functions its page calls. Built from ../shared/briefs/v${volume}-lab-${NN}.md;
 * TODO write the worked arithmetic of each answer key here, and what the brief's Critique changed.
 */
import { PhysicsError } from '../errors.js';
import { nearestOption } from './shared.js';
import type { LabScenario } from './types.js';

/** TODO each option's numeric claim in SI units (the page's data-number must say the same). */
export const ${CONST.replace('_LAB', '_ACT1_CLAIMS')}: Readonly<Record<string, number>> = Object.freeze({ A: 1, B: 10, C: 100, D: 1000 });
export const ${CONST.replace('_LAB', '_ACT2_CLAIMS')}: Readonly<Record<string, number>> = Object.freeze({ A: 1, B: 10, C: 100, D: 1000 });

/** Placeholder: throws until the lab's physics is written (the conformance suite stays red). */
function notYet(what: string): never {
  throw new Error(\`${id}: \${what} is not derived yet (physics/labs/${id}.ts)\`);
}

export const ${CONST}: LabScenario = Object.freeze({
  id: '${id}',
  volume: ${volume},
  chapter: ${chapter},
  contexts: Object.freeze(${JSON.stringify(contexts).replace(/"/g, "'")}),
  answers: Object.freeze({
    act1: { claims: ${CONST.replace('_LAB', '_ACT1_CLAIMS')}, derive: () => nearestOption(notYet('act1'), ${CONST.replace('_LAB', '_ACT1_CLAIMS')}) },
    act2: { claims: ${CONST.replace('_LAB', '_ACT2_CLAIMS')}, derive: () => nearestOption(notYet('act2'), ${CONST.replace('_LAB', '_ACT2_CLAIMS')}) },
    r1: { derive: () => notYet('r1') },
    r2: { derive: () => notYet('r2') },
  }),
  /** TODO at least one { failure, reach, escape } recipe using Act II's own levers. */
  failures: Object.freeze([]),
  functions: Object.freeze({
    act1: (a: Readonly<Record<string, unknown>>) => {
      if (typeof a.x !== 'number') throw new PhysicsError('x', a.x, 'a number');
      return notYet('the Act I function');
    },
    act2: (a: Readonly<Record<string, unknown>>) => {
      if (typeof a.x !== 'number') throw new PhysicsError('x', a.x, 'a number');
      return notYet('the Act II function');
    },
  }),
});
`;
}

function test() {
  return `/**
 * Lab ${id}, "${title}": its own numbers against physics, beyond what the conformance suite
 * checks for every lab. TODO golden values from the brief at the default settings and at the
 * settings that trigger and clear the failure, computed through the scenario module.
 */
import { expect } from '@open-wc/testing';
import { ${CONST} } from '../../physics/labs/${id}.js';

describe('lab ${id}, ${title.replace(/'/g, "\\'")}', () => {
  it('derives every answer key from physics', () => {
    for (const [name, key] of Object.entries(${CONST}.answers)) expect(() => key.derive(), name).to.not.throw();
  });

  it('has at least one failure recipe that Act II can reach and leave', () => {
    expect(${CONST}.failures.length).to.be.greaterThan(0);
  });

  it('has a finished doc page (no TODO left)', async () => {
    const doc = await (await fetch('/docs/labs/v${volume}-lab-${NN}.md')).text();
    expect(doc).to.not.match(/TODO/);
  });
});
`;
}

function story() {
  return `// Lab ${NN} as a learner meets it, from labs/vol${volume}/lab-${NN}.html, in states reached by locking
// predictions and moving the page's own controls (stories/_lab-story.ts).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { labStory, type LabStoryArgs } from './_lab-story.js';

const meta: Meta<LabStoryArgs> = {
  title: 'Labs/Volume ${volume === 1 ? 'I' : 'II'}/${NN} ${title.replace(/'/g, "\\'")}',
  tags: ['autodocs'],
  ...labStory('vol${volume}/lab-${NN}.html', {
    states: {
      new: [],
      act1: [['act1', 'A']],
      // TODO the Act II failure state, reached through the page's controls: [['act1', 'A'], ['act2', 'B'], ['lever', '…']]
    },
  }),
};
export default meta;
type Story = StoryObj<LabStoryArgs>;

/** A first visit: both predictions, nothing behind the locks yet. */
export const FirstVisit: Story = { args: { state: 'new' } };

/** Act I locked: the instruments and the reveal. */
export const ActOneRevealed: Story = { args: { state: 'act1' } };
`;
}

function doc() {
  return `# Volume ${volume === 1 ? 'I' : 'II'}, Lab ${NN}: ${title}

Chapter: ${chapterTitle}. Brief: \`../shared/briefs/v${volume}-lab-${NN}.md\`.
Page: \`labs/vol${volume}/lab-${NN}.html\`; scenario: \`physics/labs/${id}.ts\`.

## Learning goal

TODO the one invariant the learner confronts, in a sentence.

## Act I — Calibration

TODO the prediction, the instruments, the reveal.

**Answer key:** TODO the option and the arithmetic behind it (the scenario's \`answers.act1\`).

## Act II — Design challenge

TODO the levers and their costs, the target, the failure state and how Act II's own levers
back out of it, the decision and its justification.

**Answer key:** TODO (\`answers.act2\`).

## Every context

TODO what each context the toggle offers shows, and that the prediction, reveal and cards agree.

## Changes from the reference

TODO every Critique item of the brief that was fixed, and every recalibration of the story.
`;
}

function register() {
  const idx = 'physics/labs/index.ts';
  let s = readFileSync(idx, 'utf8');
  const imports = [...s.matchAll(/^import \{ V\d_\d\d_LAB \} from '\.\/v\d-\d\d\.js';$/gm)];
  const exportsAll = [...s.matchAll(/^export \* from '\.\/v\d-\d\d\.js';$/gm)];
  const list = /^const SCENARIOS: readonly LabScenario\[\] = \[(.*)\];$/m.exec(s);
  if (!imports.length || !exportsAll.length || !list) {
    console.error(`new:lab: could not find where to register ${CONST} in ${idx}; add its import, export * and SCENARIOS entry by hand`);
  } else {
    const lastImport = imports[imports.length - 1];
    s =
      s.slice(0, lastImport.index + lastImport[0].length) +
      `\nimport { ${CONST} } from './${id}.js';` +
      s.slice(lastImport.index + lastImport[0].length);
    const lastExport = [...s.matchAll(/^export \* from '\.\/v\d-\d\d\.js';$/gm)].pop();
    s =
      s.slice(0, lastExport.index + lastExport[0].length) +
      `\nexport * from './${id}.js';` +
      s.slice(lastExport.index + lastExport[0].length);
    s = s.replace(
      /^const SCENARIOS: readonly LabScenario\[\] = \[(.*)\];$/m,
      (_m, items) => `const SCENARIOS: readonly LabScenario[] = [${items}, ${CONST}];`,
    );
    writeFileSync(idx, s);
    console.log(`registered ${CONST} in ${idx}`);
  }
  let c = readFileSync('src/catalog.ts', 'utf8');
  const key = `v${volume}.ch${NN}`;
  c = c.replace(/const BUILT = new Set\(\[(.*)\]\);/, (m, items) =>
    items.includes(`'${key}'`) ? m : `const BUILT = new Set([${items}, '${key}']);`,
  );
  writeFileSync('src/catalog.ts', c);
  console.log(`listed ${key} as built in src/catalog.ts`);
}
