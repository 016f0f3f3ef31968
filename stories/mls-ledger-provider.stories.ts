import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/ledger/mls-ledger-provider.js';
import '../components/ledger/mls-ledger-hud.js';

interface Args {
  storage?: string;
  storageKey?: string;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-ledger-provider',
  component: 'mls-ledger-provider',
  tags: ['autodocs'],
  argTypes: { storage: { control: 'select', options: ['local', 'memory'] }, storageKey: { control: 'text' } },
  render: (a) => html`<mls-ledger-provider storage=${a.storage ?? nothing} storage-key=${a.storageKey ?? nothing}>
    <p>Everything inside uses this provider's ledger. The summary HUD below shows it.</p>
    <mls-ledger-hud summary></mls-ledger-hud>
  </mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Memory only: the HUD says progress is not saved. */
export const Memory: Story = { args: { storage: 'memory' } };

/** A separate localStorage namespace, e.g. one per course. */
export const CourseNamespace: Story = { args: { storage: 'local', storageKey: 'mlsys-labs.ledger.storybook-course' } };
