import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import labPage from '../labs/vol1/lab-00.html?raw';
import '../src/autoload.js';
import '../components/mls-ledger-provider.js';
import { DesignLedger } from '../src/ledger/store.js';

/** The page's <mls-lab> (what the lab declares), without the page chrome or its script tag. */
function labMarkup(): string {
  const doc = new DOMParser().parseFromString(labPage, 'text/html');
  const style = doc.querySelector('style')?.outerHTML ?? '';
  return style + (doc.querySelector('mls-lab')?.outerHTML ?? '<p>labs/vol1/lab-00.html has no &lt;mls-lab&gt;.</p>');
}

/** A fresh in-memory ledger, optionally with the three checks answered and a context chosen. */
function ledger(progress: 'new' | 'checked' | 'chosen'): DesignLedger {
  const l = new DesignLedger({ storage: null, sync: false });
  if (progress === 'new') return l;
  const scope: Record<string, unknown> = {
    check1: { answered: true, value: 'C', correct: true },
    check2: { answered: true, value: ['move_server'], correct: false },
    check3: { answered: true, value: 'D', correct: true },
  };
  if (progress === 'chosen') Object.assign(scope, { context: 'tiny', device: 'cortex-m7', tour: { locked: true, value: 'A', label: 'Memory bandwidth', correct: true } });
  l.upsert('v1.ch00', {
    context: progress === 'chosen' ? 'tiny' : null,
    extra: progress === 'chosen' ? { deployment_context: 'tiny' } : {},
    scope,
  });
  return l;
}

interface Args { progress: 'new' | 'checked' | 'chosen' }

const meta: Meta<Args> = {
  title: 'Labs/Volume I/00 The Architect\'s Portal',
  tags: ['autodocs'],
  argTypes: { progress: { control: 'select', options: ['new', 'checked', 'chosen'] } },
  parameters: { layout: 'padded' },
  render: (a) => html`<mls-ledger-provider .ledger=${ledger(a.progress)}>${unsafeHTML(labMarkup())}</mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A first visit: only Check 1 is shown; each answer reveals the next part. */
export const FirstVisit: Story = { args: { progress: 'new' } };

/** Restored from the ledger with the three checks answered (Check 2 partially right, so the INFEASIBLE callout shows). */
export const ChecksAnswered: Story = { args: { progress: 'checked' } };

/** Everything done: the TinyML context confirmed, its persona shown, the tour's levers live. */
export const ContextChosen: Story = { args: { progress: 'chosen' } };
