import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import labPage from '../labs/vol1/lab-02.html?raw';
import '../src/autoload.js';
import '../components/mls-ledger-provider.js';
import { DesignLedger } from '../src/ledger/store.js';

/** The page's inline style and its <mls-lab> (what the lab declares), without the page chrome or script tag. */
function labMarkup(): string {
  const doc = new DOMParser().parseFromString(labPage, 'text/html');
  const style = doc.querySelector('style')?.outerHTML ?? '';
  return style + (doc.querySelector('mls-lab')?.outerHTML ?? '<p>labs/vol1/lab-02.html has no &lt;mls-lab&gt;.</p>');
}

type Progress = 'new' | 'act1' | 'sla' | 'edge';

/** An in-memory ledger whose v1.ch02 record restores the lab at a given point. */
function ledger(progress: Progress): DesignLedger {
  const l = new DesignLedger({ storage: null, sync: false });
  if (progress === 'new') return l;
  const scope: Record<string, unknown> = {
    context: 'cloud', device: 'h100', ai: 5,
    act1: { locked: true, value: 'A', number: 3.2, label: 'About 3.2× faster: the compute ratio', correct: false },
  };
  if (progress !== 'act1') {
    Object.assign(scope, {
      distance: 3000, batch: 1,
      r1: { answered: true, value: 'B', correct: true },
      act2: { locked: true, value: 'B', number: 0.01, label: 'About 10 milliseconds', correct: false },
    });
  }
  if (progress === 'edge') Object.assign(scope, { context: 'edge', device: 'jetson-orin-nx', batch: 64 });
  l.upsert('v1.ch02', { context: scope.context as string, act1_prediction: 'A', act1_correct: false, scope });
  return l;
}

const meta: Meta<{ progress: Progress }> = {
  title: 'Labs/Volume I/02 The Iron Law',
  tags: ['autodocs'],
  argTypes: { progress: { control: 'select', options: ['new', 'act1', 'sla', 'edge'] } },
  parameters: { layout: 'padded' },
  render: (a) => html`<mls-ledger-provider .ledger=${ledger(a.progress)}>${unsafeHTML(labMarkup())}</mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<{ progress: Progress }>;

/** A first visit: the spec sheet and both predictions; no instrument behind the locks yet. */
export const FirstVisit: Story = { args: { progress: 'new' } };

/** Act I locked on the compute ratio: the waterfall shows the bandwidth ratio is what the upgrade bought. */
export const ActOneRevealed: Story = { args: { progress: 'act1' } };

/** Act II in the cloud at 3,000 km: the light's round trip alone breaks the 10 ms loop. */
export const SlaViolatedByDistance: Story = { args: { progress: 'sla' } };

/** On the car (Edge) at batch 64: no round trip, but the batch's math breaks the loop. */
export const SlaViolatedByBatch: Story = { args: { progress: 'edge' } };
