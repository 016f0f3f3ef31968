import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/lab/mls-gate.js';
import '../components/lab/mls-lab.js';
import '../components/assess/mls-prediction-lock.js';
import '../components/ledger/mls-ledger-provider.js';

interface Args {
  after: string;
  note: string;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-gate',
  component: 'mls-gate',
  tags: ['autodocs'],
  argTypes: { after: { control: 'text' }, note: { control: 'text' } },
  render: (a) => html`<mls-ledger-provider storage="memory"><mls-lab volume="1" chapter="11" title="Gate demo">
    <mls-prediction-lock name="act1" answer="B">
      <span slot="question">Lock any option to open the gate below.</span>
      <option value="A">A</option><option value="B">B</option><option value="C">C</option><option value="D">D</option>
    </mls-prediction-lock>
    <mls-gate after=${a.after} note=${a.note}><template>
      <p><strong>Instruments appear here</strong> — this paragraph did not exist in the DOM until the lock.</p>
    </template></mls-gate>
  </mls-lab></mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Closed until the prediction above is locked; then the template content is stamped once. */
export const Default: Story = { args: { after: 'act1', note: 'Lock your prediction above to reveal the instruments.' } };

/** A gate without `after`: an inline alert says what it needs. */
export const MissingAfter: Story = {
  args: { after: '', note: 'Lock your prediction above to reveal the instruments.' },
  render: () => html`<mls-gate><template><p>never shown</p></template></mls-gate>`,
};
