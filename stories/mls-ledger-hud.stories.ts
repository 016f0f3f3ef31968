import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/ledger/mls-ledger-hud.js';
import '../components/ledger/mls-ledger-provider.js';
import '../components/lab/mls-lab.js';
import { DesignLedger } from '../src/ledger/store.js';

interface Args {
  summary: boolean;
}

function sampleLedger(): DesignLedger {
  const l = new DesignLedger({ storage: null });
  l.upsert('v1.ch00', { context: 'edge', extra: { deployment_context: 'edge' } });
  l.upsert('v1.ch02', {
    context: 'edge',
    act1_prediction: 'B',
    act1_correct: true,
    act2_prediction: 'C',
    act2_correct: false,
    constraint_hit: true,
  });
  l.upsert('v2.ch03', { context: 'cloud' });
  return l;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-ledger-hud',
  component: 'mls-ledger-hud',
  tags: ['autodocs'],
  argTypes: { summary: { control: 'boolean' } },
  render: (a) =>
    html`<mls-ledger-provider .ledger=${sampleLedger()}><mls-ledger-hud ?summary=${a.summary}></mls-ledger-hud></mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Records per volume, the lab-00 track, "Not saved" (memory ledger), Export / Import / Reset. */
export const Summary: Story = { args: { summary: true } };

/** Inside lab v1.ch02: context, Act I ✓, Act II ✗, constraint hit. */
export const InLab: Story = {
  args: { summary: false },
  render: () => html`<mls-ledger-provider .ledger=${sampleLedger()}>
    <mls-lab volume="1" chapter="2" title="The Iron Law" contexts="cloud edge"><mls-ledger-hud></mls-ledger-hud></mls-lab>
  </mls-ledger-provider>`,
};
