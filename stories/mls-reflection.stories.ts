import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/mls-reflection.js';

interface Args { name: string; answer: string; multiple: boolean }

const meta: Meta<Args> = {
  title: 'Lab structure/mls-reflection',
  component: 'mls-reflection',
  tags: ['autodocs'],
  argTypes: { name: { control: 'text' }, answer: { control: 'text' }, multiple: { control: 'boolean' } },
  render: (a) => html`<mls-reflection name=${a.name} answer=${a.answer}>
    <span slot="question">A model launched at 94% accuracy has fallen to 81% in six months with no code change. Which part of the system owns this?</span>
    <option value="A" data-feedback="The architecture has not changed since deployment.">Model architecture</option>
    <option value="B" data-feedback="The optimizer ran before launch; it is not running now.">Training algorithm</option>
    <option value="C" data-feedback="The world drifted while the model stayed fixed: monitoring and data pipelines catch that.">Serving infrastructure and monitoring</option>
    <option value="D" data-feedback="More labels help only after the drift has been detected.">Dataset size</option>
  </mls-reflection>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Single choice: four radios, "Check answer", then per-option feedback and ✓ Correct / ✗ Not quite. */
export const Single: Story = { args: { name: 'check1', answer: 'C', multiple: false } };

/** Multiple choice (lab 00, check 2): every option graded ✓ correct / ✗ wrong / ◉ missed / ○. */
export const Multiple: Story = {
  args: { name: 'check2', answer: 'move_server edge_deploy', multiple: true },
  render: (a) => html`<mls-reflection name=${a.name} answer=${a.answer} multiple>
    <span slot="question">An AV's datacenter is 2,000 km away: propagation alone is 20 ms round trip against a 10 ms loop. Pick every fix that works.</span>
    <option value="model_size" data-feedback="The model's compute is not what breaks the budget; the distance is.">Use a smaller model</option>
    <option value="quantization" data-feedback="INT8 speeds up compute, not light in fibre.">INT8 quantization</option>
    <option value="move_server" data-feedback="Works if the server is within 1,000 km (10 ms × 200,000 km/s ÷ 2), closer once compute is counted.">Move the server closer</option>
    <option value="faster_gpu" data-feedback="A faster GPU does not shorten the fibre.">Buy a faster GPU</option>
    <option value="edge_deploy" data-feedback="On the vehicle, the round trip disappears.">Deploy on the vehicle</option>
  </mls-reflection>`,
};
