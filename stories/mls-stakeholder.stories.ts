import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/lab/mls-stakeholder.js';

interface Args {
  role: string;
  name?: string;
  context?: string;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-stakeholder',
  component: 'mls-stakeholder',
  tags: ['autodocs'],
  argTypes: {
    role: { control: 'text' },
    name: { control: 'text' },
    context: { control: 'select', options: [undefined, 'cloud', 'edge', 'mobile', 'tiny'] },
  },
  render: (a) => html`<mls-stakeholder role=${a.role} name=${a.name ?? nothing} context=${a.context ?? nothing}>
    We rent H100s at $40,000 a day and they sit at 30% utilization. I need 50% by next quarter — where does the time go?
  </mls-stakeholder>`,
};
export default meta;
type Story = StoryObj<Args>;

/** BlueLine border by default. */
export const Default: Story = { args: { role: 'LLM Infrastructure Lead', name: 'Priya N.' } };

/** Border in the edge regime colour. */
export const Edge: Story = { args: { role: 'Autonomous Systems Lead', context: 'edge' } };
