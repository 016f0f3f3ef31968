import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import labPage from '../labs/vol1/lab-01.html?raw';
import '../src/autoload.js';
import '../components/mls-ledger-provider.js';
import { DesignLedger } from '../src/ledger/store.js';

/** The page's inline style and its <mls-lab> (what the lab declares), without the page chrome or script tag. */
function labMarkup(): string {
  const doc = new DOMParser().parseFromString(labPage, 'text/html');
  const style = doc.querySelector('style')?.outerHTML ?? '';
  return style + (doc.querySelector('mls-lab')?.outerHTML ?? '<p>labs/vol1/lab-01.html has no &lt;mls-lab&gt;.</p>');
}

type Progress = 'new' | 'act1' | 'oom';

/** An in-memory ledger whose v1.ch01 record restores the lab at a given point. */
function ledger(progress: Progress): DesignLedger {
  const l = new DesignLedger({ storage: null, sync: false });
  if (progress === 'new') return l;
  const scope: Record<string, unknown> = {
    context: 'cloud', device: 'h100', precision: 'headline',
    act1: { locked: true, value: 'B', number: 1e4, label: 'About 10,000×', correct: false },
  };
  if (progress === 'oom') {
    Object.assign(scope, {
      context: 'tiny', device: 'cortex-m7', batch: 1,
      r1: { answered: true, value: 'B', correct: true },
      act2: { locked: true, value: 'A', number: 0.25, label: 'Compute dominates: the math takes about 4× as long as moving the data', correct: false },
    });
  }
  l.upsert('v1.ch01', { context: scope.context as string, act1_prediction: 'B', act1_correct: false, scope });
  return l;
}

const meta: Meta<{ progress: Progress }> = {
  title: 'Labs/Volume I/01 The Magnitude Awakening',
  tags: ['autodocs'],
  argTypes: { progress: { control: 'select', options: ['new', 'act1', 'oom'] } },
  parameters: { layout: 'padded' },
  render: (a) => html`<mls-ledger-provider .ledger=${ledger(a.progress)}>${unsafeHTML(labMarkup())}</mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<{ progress: Progress }>;

/** A first visit: both predictions wait to be locked; no instrument exists yet. */
export const FirstVisit: Story = { args: { progress: 'new' } };

/** Act I locked (a wrong guess, 10,000×): the magnitude instrument and the "off by 99×" overlay. */
export const ActOneRevealed: Story = { args: { progress: 'act1' } };

/** Both acts locked with the TinyML context: the D·A·M triad and the out-of-memory failure. */
export const OutOfMemory: Story = { args: { progress: 'oom' } };
