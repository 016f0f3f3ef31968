import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/assess/mls-prediction-lock.js';
import '../components/lab/mls-lab.js';
import '../components/lab/mls-act.js';
import { drivenStory } from './_lab-story.js';

interface Args {
  name: string;
  answer: string;
  type?: string;
  min?: string;
  max?: string;
  unit?: string;
  tolerance?: string;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-prediction-lock',
  component: 'mls-prediction-lock',
  tags: ['autodocs'],
  argTypes: {
    name: { control: 'text' },
    answer: { control: 'text' },
    type: { control: 'select', options: ['choice', 'number'] },
    min: { control: 'text' },
    max: { control: 'text' },
    unit: { control: 'text' },
    tolerance: { control: 'text' },
  },
  render: (a) => html`<mls-prediction-lock name=${a.name} answer=${a.answer} type=${a.type ?? nothing}
      min=${a.min ?? nothing} max=${a.max ?? nothing} unit=${a.unit ?? nothing} tolerance=${a.tolerance ?? nothing}>
    <span slot="question">An H100 and a Cortex-M7 run the same model. Roughly how many times more FLOP/s does the H100 have?</span>
    <option value="A" data-number="1e2">~100×</option>
    <option value="B" data-number="1e4">~10,000×</option>
    <option value="C" data-number="1e6">~1,000,000×</option>
    <option value="D" data-number="1e8">~100,000,000×</option>
  </mls-prediction-lock>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Four options; "Lock prediction" is enabled once one is chosen. Tab into the group, arrows to move, Enter to lock. */
export const Choice: Story = { args: { name: 'act1', answer: 'C' } };

/** Bounded numeric entry with a unit; an out-of-range number shows why it cannot be locked. */
export const Numeric: Story = {
  args: { name: 'act2', answer: '20', type: 'number', min: '1', max: '1000', unit: 'ms', tolerance: '0.1' },
  render: (
    a,
  ) => html`<mls-prediction-lock name=${a.name} answer=${a.answer} type="number" min=${a.min!} max=${a.max!} unit=${a.unit!} tolerance=${a.tolerance!}>
    <span slot="question">What P99 latency do you expect at batch 32?</span></mls-prediction-lock>`,
};

/** Three options break the four-option rule: an inline alert names the options and "exactly four". */
export const ThreeOptions: Story = {
  args: { name: 'act1', answer: 'A' },
  render: (a) => html`<mls-prediction-lock name=${a.name} answer=${a.answer}>
    <span slot="question">A question with too few options</span>
    <option value="A">~2×</option><option value="B">sub-linear</option><option value="C">the same</option>
  </mls-prediction-lock>`,
};

/** Locked inside a lab: option B chosen and locked through the lock's own radio and button (a wrong guess, so no verdict is shown yet). */
export const Locked: Story = {
  args: { name: 'act1', answer: 'C' },
  ...drivenStory(
    (a: Args) => html`<mls-lab volume="1" chapter="1" title="The Magnitude Gap">
      <mls-act n="1" title="Calibration">${meta.render!(a, {} as never)}</mls-act></mls-lab>`,
    (a) => [[a.name, 'B']],
  ),
};
