import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/assess/mls-reflection.js';

interface Args {
  name: string;
  answer: string;
  multiple: boolean;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-reflection',
  component: 'mls-reflection',
  tags: ['autodocs'],
  argTypes: { name: { control: 'text' }, answer: { control: 'text' }, multiple: { control: 'boolean' } },
  render: (a) => html`<mls-reflection name=${a.name} answer=${a.answer}>
    <span slot="question">A model launched at 94% accuracy has fallen to 81% in six months with no code change. Which part of the system owns this?</span>
    <option value="A">Model architecture</option>
    <option value="B">Training algorithm</option>
    <option value="C">Serving infrastructure and monitoring</option>
    <option value="D">Dataset size</option>
    <p data-for="A">The architecture has not changed since deployment.</p>
    <p data-for="B">The optimizer ran before launch; it is not running now.</p>
    <p data-for="C">The world drifted while the model stayed fixed: monitoring and data pipelines catch that.</p>
    <p data-for="D">More labels help only after the drift has been detected.</p>
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
    <option value="model_size">Use a smaller model</option>
    <option value="quantization">INT8 quantization</option>
    <option value="move_server">Move the server closer</option>
    <option value="faster_gpu">Buy a faster GPU</option>
    <option value="edge_deploy">Deploy on the vehicle</option>
    <p data-for="model_size">The model's compute is not what breaks the budget; the distance is.</p>
    <p data-for="quantization">INT8 speeds up compute, not light in fibre.</p>
    <p data-for="move_server">Works if the server is within 1,000 km (10 ms × 200,000 km/s ÷ 2), closer once compute is counted.</p>
    <p data-for="faster_gpu">A faster GPU does not shorten the fibre.</p>
    <p data-for="edge_deploy">On the vehicle, the round trip disappears.</p>
  </mls-reflection>`,
};
