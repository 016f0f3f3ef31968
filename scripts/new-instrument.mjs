// `npm run new:instrument <name>`: stamps a new instrument from the kit.
//   components/instruments/<name>/mls-<name>.ts       the element: static inputs, physics call, publish, text summary
//   components/instruments/<name>/<name>.test.ts      its own numbers + the shared describeInstrument suite
//   components/instruments/<name>/<name>.stories.ts   its Storybook story (controls come from the manifest)
// The stamped element is complete and passes describeInstrument as it is (it shows the
// propagation round trip of a distance, from physics/ironlaw.ts, as a worked example): replace
// the physics call, the inputs and the outputs with the instrument's own. Register nothing: the
// build and the autoloader pick up every components/**/mls-*.ts by themselves (scripts/gen-elements.mjs);
// the instruments/ folder keeps it out of the core chunk. Refuses to overwrite an existing file or
// to reuse a tag another folder already defines.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { elementTags } from './gen-elements.mjs';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  console.error('usage: npm run new:instrument <name>   (kebab-case, without the mls- prefix, e.g. p99-histogram)');
  process.exit(2);
}
const tag = `mls-${name}`;
const dir = `components/instruments/${name}`;
const taken = elementTags().find((e) => e.tag === tag);
if (taken) {
  console.error(`new:instrument: <${tag}> already exists (${taken.path}.ts)`);
  process.exit(1);
}
const cls = tag
  .split('-')
  .map((p) => p[0].toUpperCase() + p.slice(1))
  .join('');
const title = name
  .split('-')
  .map((p, i) => (i ? p : p[0].toUpperCase() + p.slice(1)))
  .join(' ');

const element = `import { html, css, type PropertyValues } from 'lit';
import { MlsElement } from '../../../src/base.js';
import { num, text, type InputProps } from '../../../src/inputs.js';
import { defineElement } from '../../../src/define.js';
import { baseStyles, monoNumbers } from '../../../src/theme.js';
import { formatValue } from '../../../src/format.js';
import { propagationDelay } from '../../../physics/ironlaw.js';

/** What <${tag}> publishes under \`publish\` (SI units). */
export interface ${cls}Outputs {
  /** The input distance, m. */
  distance: number;
  /** The result, s. TODO the instrument's own outputs. */
  result: number;
}

const INPUTS = {
  // TODO the instrument's inputs: num / choice / bool / text / deviceOrContext / pairs (src/inputs.ts).
  distance: num({ min: 0, default: 1e6, unit: 'm', doc: 'TODO: what this input is, in SI units.' }),
  label: text({ doc: 'Caption shown above the instrument.' }),
};

/**
 * TODO one paragraph: what the instrument shows, which physics function computes it, and what
 * it leaves out. Every number comes from physics/; the text summary states the key number, so
 * the instrument is readable without the picture.
 *
 * @summary TODO one line.
 *
 * @csspart figure - The instrument.
 * @csspart summary - The sentence with the key number (aria-live).
 *
 * @fires mls-invalid - A bad input (named in the inline alert).
 */
export class ${cls} extends MlsElement {
  static override styles = [baseStyles, css\`
    :host { display: block; margin: var(--mls-space-3) 0; }
    figure { margin: 0; border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md); padding: var(--mls-space-3) var(--mls-space-4); }
    .label { margin: 0 0 var(--mls-space-2); font-weight: 700; }
    .num { font-family: var(--mls-font-mono); font-weight: 700; \${monoNumbers} }
  \`];

  static override inputs = INPUTS;

  #out?: ${cls}Outputs;
  #label?: string;

  /** The outputs of the last good state (what \`publish\` writes). */
  get outputs(): ${cls}Outputs | undefined { return this.#out; }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS); // a rejected input keeps its last good value
    this.#out = { distance: v.distance, result: propagationDelay(v.distance) };
    this.#label = v.label;
    this.publishOutputs({ ...this.#out });
  }

  protected override render() {
    const o = this.#out;
    if (!o) return html\`\${this.renderInvalid()}\`;
    return html\`\${this.renderInvalid()}
      <figure part="figure">
        \${this.#label ? html\`<p class="label">\${this.#label}</p>\` : ''}
        <p part="summary" aria-live="polite">Over <span class="num">\${formatValue(o.distance, 'm')}</span> the result is
          <span class="num">\${formatValue(o.result, 's')}</span>.</p>
      </figure>\`;
  }
}

/** The raw input properties, typed from the schema. */
export interface ${cls} extends InputProps<typeof INPUTS> {}

defineElement('${tag}', ${cls});

declare global {
  interface HTMLElementTagNameMap { '${tag}': ${cls} }
}
`;

const test = `/**
 * <${tag}>: its numbers against physics (TODO golden values with the arithmetic), then the
 * shared instrument contracts (standalone render, axe, inline alerts with one warning and the
 * last good state kept, publish, $refs, disconnect) from describeInstrument.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './${tag}.js';
import type { ${cls} } from './${tag}.js';
import { describeInstrument, shadowText } from '../../../test/helpers/index.js';

describe('<${tag}>', () => {
  it('states the result the physics gives (TODO the instrument\\'s own golden value)', async () => {
    const el = await fixture<${cls}>(html\`<${tag} distance="2000000"></${tag}>\`);
    // 2 × 2,000 km / 2e8 m/s = 20 ms
    expect(shadowText(el)).to.contain('20 ms');
    expect(el.outputs).to.deep.equal({ distance: 2e6, result: 0.02 });
  });
});

describeInstrument('${tag}', {
  valid: { distance: '1000000' },
  invalid: [{ attr: 'distance', value: '-5', says: ['Invalid distance'] }],
  publishes: { keys: ['distance', 'result'] },
  follows: { attr: 'distance', values: [1_000_000, 3_000_000] },
});
`;

const story = `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './${tag}.js';

interface Args { distance: string; label: string }

const meta: Meta<Args> = {
  title: 'Instruments/${title}',
  component: '${tag}',
  tags: ['autodocs'],
  args: { distance: '1000000', label: '' },
  render: (a) => html\`<${tag} distance=\${a.distance} label=\${a.label}></${tag}>\`,
};
export default meta;
type Story = StoryObj<Args>;

/** TODO the instrument at its most telling setting. */
export const Default: Story = {};

/** A bad input: the inline alert names it and the last good state stays. */
export const BadInput: Story = { args: { distance: '-5' } };
`;

const files = {
  [`${dir}/${tag}.ts`]: element,
  [`${dir}/${name}.test.ts`]: test,
  [`${dir}/${name}.stories.ts`]: story,
};
const exists = Object.keys(files).filter((f) => existsSync(f));
if (exists.length) {
  console.error(`new:instrument: refusing to overwrite ${exists.join(', ')}`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(files)) {
  writeFileSync(file, text);
  console.log(`created ${file}`);
}
console.log(`next: npm run build && WTR_FILES=${dir}/${name}.test.ts npx wtr`);
// House style for what was stamped (prettier skips the lab pages and docs, see .prettierignore).
try {
  execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', '--log-level', 'warn', ...Object.keys(files)], {
    stdio: 'inherit',
  });
} catch {
  console.warn('prettier did not run: run `npm run format` before committing');
}
