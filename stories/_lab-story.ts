/**
 * Lab stories from the lab pages themselves: `labStory('vol1/lab-02.html', { states })` renders
 * the page's inline style and its `<mls-lab>` (what the lab declares, without the page chrome or
 * its script tag) in an in-memory design ledger, in one of several named states.
 *
 * A state is reached the way a learner reaches it, never written by hand: a list of steps
 * `[name, value]`, each naming the scope value a control writes (a lock's or reflection's name,
 * a slider's or select's name, `context` for the context toggle) and the option to choose. Each
 * step goes through the control's real native inputs (test/helpers/controls.ts, the registry the
 * lab tests use) and presses its Lock / Check / Confirm button. So when a lock's published shape
 * or a page's markup changes, the stories follow, and a step that no longer applies (an option
 * gone, a control renamed) fails the story loudly instead of showing a stale state.
 *
 * The lab is driven off-screen in a Storybook loader, then handed to the story as it stands.
 * `drivenStory()` does the same for an element story (a lock shown locked, an overlay revealed).
 * Not a story file itself (the leading underscore keeps it out of `*.stories.ts`).
 */
import type { Meta } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';
import type { MlsLedgerProvider } from '../components/ledger/mls-ledger-provider.js';
import { DesignLedger } from '../src/ledger/store.js';
import { controlNamed, operate } from '../test/helpers/controls.js';

declare global {
  interface ImportMeta {
    /** Vite's glob import (typed here: the project's tsconfig does not load vite/client). */
    glob<T>(pattern: string, options: { query: string; import: string }): Record<string, () => Promise<T>>;
    glob(pattern: string, options: { eager: true }): Record<string, unknown>;
  }
}

// Every element, registered up front by importing each element module under components/ (any
// depth; they are the files package.json marks as having side effects). Only files named mls-*.ts:
// the tests and stories kept beside the instruments (<name>.test.ts, <name>.stories.ts) are not
// element modules and must not be pulled into every lab story. Neither `import '../src/autoload.js'` nor
// `import '../src/index.js'` would do: the Storybook build treats both as side-effect free and
// drops them, and the lab's tags are then never defined (the earlier lab stories, which imported
// the autoloader, rendered an empty lab in the static build for that reason).
import.meta.glob('../components/**/mls-*.ts', { eager: true });

/** Every lab page's HTML, loaded on demand (one chunk per page). */
const PAGES = import.meta.glob<string>('../labs/**/*.html', { query: '?raw', import: 'default' });

/** One step toward a state: the scope name a control writes, and the value to choose. */
export type LabStep = readonly [name: string, value: string];

/** Named states of a lab story; the first is the default. */
export interface LabStoryOptions {
  states: Record<string, readonly LabStep[]>;
}

export interface LabStoryArgs {
  state: string;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const frame = () =>
  new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(finish);
    setTimeout(finish, 100);
  });

/** mls-* elements under `root`, in its light DOM and every open shadow root. */
function mlsDeep(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.startsWith('mls-')) out.push(el);
    if (el.shadowRoot) out.push(...mlsDeep(el.shadowRoot));
  }
  return out;
}

/** Wait until every mls-* element under `host` is defined and has finished updating. */
async function settle(host: Element, timeoutMs = 10_000): Promise<void> {
  const t0 = performance.now();
  const pending = () => mlsDeep(host).filter((el) => !customElements.get(el.localName));
  for (let pass = 0; pass < 20; pass++) {
    for (let left = pending(); left.length; left = pending()) {
      if (performance.now() - t0 > timeoutMs)
        throw new Error(`elements never defined: ${[...new Set(left.map((e) => `<${e.localName}>`))].join(', ')}`);
      await sleep(25);
    }
    for (let round = 0; round < 3; round++) {
      await Promise.all(mlsDeep(host).map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete));
      await frame();
    }
    if (pending().length === 0) return;
  }
}

/** The page's inline style and its `<mls-lab>`, as markup. */
async function labMarkup(path: string): Promise<string> {
  const load = PAGES[`../labs/${path}`];
  if (!load)
    throw new Error(
      `labStory: no lab page labs/${path} (pages: ${Object.keys(PAGES)
        .map((k) => k.slice('../labs/'.length))
        .join(', ')})`,
    );
  const doc = new DOMParser().parseFromString(await load(), 'text/html');
  const lab = doc.querySelector('mls-lab');
  if (!lab) throw new Error(`labStory: labs/${path} has no <mls-lab>`);
  return (doc.querySelector('style')?.outerHTML ?? '') + lab.outerHTML;
}

/**
 * Render `content` in a fresh in-memory ledger off-screen, work through `steps` (`what` names the
 * story in error messages), and return the host as it stands.
 */
async function reach(what: string, content: string | TemplateResult, steps: readonly LabStep[]): Promise<HTMLElement> {
  const host = document.createElement('div');
  Object.assign(host.style, { position: 'absolute', left: '-10000px', top: '0', width: '1000px' });
  host.setAttribute('aria-hidden', 'true');
  const provider = document.createElement('mls-ledger-provider') as MlsLedgerProvider;
  provider.ledger = new DesignLedger({ storage: null, sync: false });
  if (typeof content === 'string') provider.innerHTML = content;
  else render(content, provider);
  host.append(provider);
  document.body.append(host);
  try {
    await settle(host);
    for (const [i, [name, value]] of steps.entries()) {
      const control = controlNamed(host, name);
      if (!control) throw new Error(`${what}, step ${i + 1}: no control writes "${name}" (is its gate open?)`);
      try {
        await operate(control, value, () => settle(host));
      } catch (err) {
        throw new Error(`${what}, step ${i + 1} [${name}, ${value}]: ${(err as Error).message}`);
      }
    }
  } finally {
    host.remove();
  }
  host.removeAttribute('style');
  host.removeAttribute('aria-hidden');
  return host;
}

/**
 * Loader and render for one element story whose state is reached by driving controls:
 * `content(args)` is rendered in a fresh in-memory ledger, then `steps(args)` are worked through.
 * `{ ...drivenStory((a) => html`<mls-lab …><mls-prediction-lock name="act1">…`, () => [['act1', 'B']]) }`
 */
export function drivenStory<A>(
  content: (args: A) => string | TemplateResult,
  steps: (args: A) => readonly LabStep[],
): Pick<Meta<A>, 'loaders' | 'render'> {
  return {
    loaders: [async ({ args, id }) => ({ host: await reach(`story ${id}`, content(args as A), steps(args as A)) })],
    render: (_args, { loaded }) => loaded.host as HTMLElement,
  };
}

/**
 * Meta fields for a lab's stories (spread into the file's `meta` object, next to `title` and
 * `tags`): a `state` control listing `states`, a loader that reaches the chosen state by driving
 * the page's own controls, and a render that shows the result. Each story sets `args: { state }`.
 */
export function labStory(
  path: string,
  { states }: LabStoryOptions,
): Pick<Meta<LabStoryArgs>, 'argTypes' | 'args' | 'loaders' | 'render' | 'parameters'> {
  const names = Object.keys(states);
  return {
    argTypes: { state: { control: 'select', options: names, description: 'How far the learner has got (reached through the controls)' } },
    args: { state: names[0] },
    parameters: { layout: 'padded' },
    loaders: [
      async ({ args }) => {
        const state = (args as LabStoryArgs).state;
        const steps = states[state];
        if (!steps) throw new Error(`labStory(${path}): no state "${state}" (states: ${names.join(', ')})`);
        return { lab: await reach(`labStory(${path}), state "${state}"`, await labMarkup(path), steps) };
      },
    ],
    render: (_args, { loaded }) => loaded.lab as HTMLElement,
  };
}
