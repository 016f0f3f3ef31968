import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/site/mls-lab-gallery.js';
import '../components/ledger/mls-ledger-provider.js';
import { DesignLedger } from '../src/ledger/store.js';

function sample(kind: 'empty' | 'progress'): DesignLedger {
  const l = new DesignLedger({ storage: null, sync: false });
  if (kind === 'progress') {
    l.upsert('v1.ch00', { context: 'edge', extra: { deployment_context: 'edge' } });
    l.upsert('v1.ch01', { context: 'cloud', act1_prediction: 'C', act1_correct: true });
    l.upsert('v1.ch02', {
      context: 'edge',
      act1_prediction: 'B',
      act1_correct: false,
      act2_prediction: 'C',
      act2_correct: true,
      act2_result: 0.0305,
      act2_decision: 'edge',
      constraint_hit: true,
    });
  }
  return l;
}

interface Args {
  ledger: 'empty' | 'progress';
}

const meta: Meta<Args> = {
  title: 'Labs/Gallery',
  component: 'mls-lab-gallery',
  tags: ['autodocs'],
  argTypes: { ledger: { control: 'select', options: ['empty', 'progress'] } },
  parameters: { layout: 'padded' },
  render: (a) => html`<mls-ledger-provider .ledger=${sample(a.ledger)}><mls-lab-gallery></mls-lab-gallery></mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A new learner: every built lab "Not started"; Reset is disabled. (The ledger is in memory: nothing persists.) */
export const NewLearner: Story = { args: { ledger: 'empty' } };

/** Lab 00 complete, lab 01 with Act I done, lab 02 complete. */
export const WithProgress: Story = { args: { ledger: 'progress' } };
