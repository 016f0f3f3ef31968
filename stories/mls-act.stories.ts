import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/lab/mls-act.js';

interface Args {
  n: string;
  title: string;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-act',
  component: 'mls-act',
  tags: ['autodocs'],
  argTypes: { n: { control: 'select', options: ['1', '2', '3'] }, title: { control: 'text' } },
  render: (a) =>
    html`<mls-act n=${a.n} title=${a.title}><p>The act's stakeholder message, prediction, gate and instruments go here.</p></mls-act>`,
};
export default meta;
type Story = StoryObj<Args>;

/** "Act I — Calibration: …" */
export const ActOne: Story = { args: { n: '1', title: 'The Memory Wall' } };

/** "Act II — Design Challenge: …" */
export const ActTwo: Story = { args: { n: '2', title: 'Fit the Budget' } };

/** n="3" is rejected with an inline alert. */
export const InvalidN: Story = { args: { n: '3', title: 'No such act' } };
