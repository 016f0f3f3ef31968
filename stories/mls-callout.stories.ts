import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/lab/mls-callout.js';

interface Args {
  kind: string;
  heading?: string;
  text: string;
}

const meta: Meta<Args> = {
  title: 'Display/mls-callout',
  component: 'mls-callout',
  argTypes: {
    kind: { control: 'select', options: ['info', 'success', 'warn', 'danger'] },
    heading: { control: 'text' },
    text: { control: 'text', description: 'Slotted message (story only)' },
  },
  args: {
    kind: 'info',
    heading: 'Where the time goes',
    text: 'At batch size 1, every weight is read once per token: decoding is bound by memory bandwidth, not by FLOP/s.',
  },
  render: (a) => html`<mls-callout kind=${a.kind} heading=${ifDefined(a.heading || undefined)}>${a.text}</mls-callout>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Info: Story = {};
export const Success: Story = {
  args: { kind: 'success', heading: 'Prediction confirmed', text: 'The model fits: 14 GB of FP16 weights in 24 GB of memory.' },
};
export const Warn: Story = {
  args: {
    kind: 'warn',
    heading: undefined,
    text: 'Peak FLOP/s on a spec sheet assumes dense FP16 tensor-core work; your kernel may see a fraction of it.',
  },
};
export const Danger: Story = {
  args: { kind: 'danger', heading: 'Data loss', text: 'Importing replaces every record in your design ledger.' },
};

/** Every kind carries a text label and an icon, not just a colour. */
export const AllKinds: Story = {
  render: () =>
    html`${(['info', 'success', 'warn', 'danger'] as const).map((k) => html`<mls-callout kind=${k}>A ${k} callout.</mls-callout>`)}`,
};

/** An unknown kind: inline alert, default look kept. */
export const InvalidKind: Story = { args: { kind: 'purple', heading: undefined, text: 'kind="purple" is not accepted.' } };
