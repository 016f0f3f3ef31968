import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/controls/mls-context-toggle.js';
import '../components/lab/mls-lab.js';
import '../components/ledger/mls-ledger-provider.js';

interface Args {
  contexts: string;
  value?: string;
  devices?: string;
  confirm: boolean;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-context-toggle',
  component: 'mls-context-toggle',
  tags: ['autodocs'],
  argTypes: { contexts: { control: 'text' }, value: { control: 'text' }, devices: { control: 'text' }, confirm: { control: 'boolean' } },
  render: (a) => html`<mls-ledger-provider storage="memory"><mls-lab volume="1" chapter="11" title="Context demo" contexts=${a.contexts}>
    <mls-context-toggle value=${a.value ?? nothing} devices=${a.devices ?? nothing} ?confirm=${a.confirm}></mls-context-toggle>
  </mls-lab></mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The lab's two contexts, each with its device; writes `context` and `device` to the scope. */
export const TwoContexts: Story = { args: { contexts: 'cloud edge', confirm: false } };

/** Lab 00: all four, nothing written until "Confirm context". */
export const Confirm: Story = { args: { contexts: 'cloud edge mobile tiny', confirm: true } };

/** `devices` overrides the mapping: cloud runs on an A100. */
export const DeviceOverride: Story = { args: { contexts: 'cloud edge', devices: 'cloud:a100', confirm: false } };

/** An unknown context id: alert, and the known ones stay offered. */
export const UnknownContext: Story = { args: { contexts: 'cloud mars', confirm: false } };
