import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import '../components/assess/mls-overlay.js';
import '../components/lab/mls-lab.js';
import '../components/assess/mls-prediction-lock.js';
import { drivenStory } from './_lab-story.js';

interface Args {
  number: number;
  label: string;
  correct: boolean | null;
  actual: string;
  unit: string;
  compare: string;
  digits: string;
}

/**
 * The overlay under a real prediction lock, locked through its own controls: option B carries the
 * story's `number` and `label`, and is the right answer when `correct` is true (no answer key when
 * it is null), so the overlay reads exactly what a lab's lock publishes.
 */
const inLab = (a: Args, overlay: TemplateResult) => html`<mls-lab volume="1" chapter="1" title="Overlay demo">
  <mls-prediction-lock name="act1" answer=${a.correct === null ? nothing : a.correct ? 'B' : 'A'}>
    <span slot="question">Your estimate (the overlay below compares it with the physics):</span>
    <option value="A" data-number=${String(a.number / 10)}>A tenth of that</option>
    <option value="B" data-number=${String(a.number)}>${a.label}</option>
    <option value="C" data-number=${String(a.number * 10)}>Ten times that</option>
    <option value="D" data-number=${String(a.number * 100)}>A hundred times that</option>
  </mls-prediction-lock>
  ${overlay}
</mls-lab>`;

const meta: Meta<Args> = {
  title: 'Lab structure/mls-overlay',
  component: 'mls-overlay',
  tags: ['autodocs'],
  argTypes: {
    number: { control: 'number' },
    label: { control: 'text' },
    correct: { control: 'select', options: [true, false, null] },
    actual: { control: 'text' },
    unit: { control: 'text' },
    compare: { control: 'select', options: ['ratio', 'difference'] },
    digits: { control: 'text' },
  },
  ...drivenStory(
    (a: Args) =>
      inLab(
        a,
        html`<mls-overlay prediction="$act1" actual=${a.actual} unit=${a.unit} compare=${a.compare} digits=${a.digits}>
    The H100's dense FP16 peak is 989 TFLOP/s; a Cortex-M7 manages about 1 GFLOP/s.</mls-overlay>`,
      ),
    () => [['act1', 'B']],
  ),
};
export default meta;
type Story = StoryObj<Args>;

/** Predicted ~10,000×, physics 989,000×: "off by 98.9×" (989,000 / 10,000). */
export const Ratio: Story = {
  args: { number: 1e4, label: '~10,000×', correct: false, actual: '989000', unit: 'x', compare: 'ratio', digits: '3' },
};

/** A right prediction: ✓ and "Your prediction was right." */
export const Right: Story = {
  args: { number: 1e6, label: '~1,000,000×', correct: true, actual: '989000', unit: 'x', compare: 'ratio', digits: '3' },
};

/** A latency prediction compared as a difference in seconds (shown as ms). */
export const Difference: Story = {
  args: { number: 0.215, label: '215 ms', correct: true, actual: '0.2', unit: 's', compare: 'difference', digits: '3' },
};
