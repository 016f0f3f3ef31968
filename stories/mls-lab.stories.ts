import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/lab/mls-lab.js';
import '../components/lab/mls-act.js';
import '../components/lab/mls-stakeholder.js';
import '../components/assess/mls-prediction-lock.js';
import '../components/lab/mls-gate.js';
import '../components/assess/mls-overlay.js';
import '../components/assess/mls-reflection.js';
import '../components/controls/mls-context-toggle.js';
import '../components/ledger/mls-ledger-hud.js';
import '../components/ledger/mls-ledger-provider.js';

interface Args {
  volume: string;
  chapter: string;
  title: string;
  minutes: string;
  contexts: string;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-lab',
  component: 'mls-lab',
  tags: ['autodocs'],
  argTypes: {
    volume: { control: 'select', options: ['1', '2'] },
    chapter: { control: 'text' },
    title: { control: 'text' },
    minutes: { control: 'text' },
    contexts: { control: 'text' },
  },
  render: (a) => html`<mls-ledger-provider storage="memory">
    <mls-lab volume=${a.volume} chapter=${a.chapter} title=${a.title} minutes=${a.minutes} contexts=${a.contexts}>
      <ul slot="reading"><li>Chapter 1, “The 95% problem”</li><li>Chapter 2, “Deployment paradigms”</li></ul>
      <mls-context-toggle></mls-context-toggle>
      <mls-act n="1" title="The Magnitude Gap">
        <mls-stakeholder role="Chief Architect">Before we pick hardware, tell me how far apart these machines really are.</mls-stakeholder>
        <mls-prediction-lock name="act1" answer="C">
          <span slot="question">Roughly how many times more FLOP/s does an H100 have than a Cortex-M7?</span>
          <option value="A" data-number="1e2">~100×</option>
          <option value="B" data-number="1e4">~10,000×</option>
          <option value="C" data-number="1e6">~1,000,000×</option>
          <option value="D" data-number="1e8">~100,000,000×</option>
        </mls-prediction-lock>
        <mls-gate after="act1"><template>
          <mls-overlay prediction="$act1" actual="989000" unit="x">989 TFLOP/s dense FP16 against about 1 GFLOP/s.</mls-overlay>
          <mls-reflection name="r1" answer="B">
            <span slot="question">What does a gap this size mean for one model serving both?</span>
            <option value="A">Quantize and it fits both</option>
            <option value="B">They need different models and systems</option>
            <option value="C">Batch harder on the MCU</option>
            <option value="D">A better compiler closes it</option>
            <p data-for="A">No single optimisation closes six orders of magnitude.</p>
            <p data-for="B">Right: the deployment context decides the design.</p>
            <p data-for="C">Batching raises throughput on the GPU; it does not help the MCU.</p>
            <p data-for="D">Compilers help by small factors, not 10⁶.</p>
          </mls-reflection>
        </template></mls-gate>
      </mls-act>
      <mls-ledger-hud></mls-ledger-hud>
    </mls-lab>
  </mls-ledger-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A small lab: header, reading, context toggle, Act I with lock → gate → overlay + reflection, HUD. Memory ledger. */
export const Default: Story = { args: { volume: '1', chapter: '1', title: 'The Magnitude Gap', minutes: '40', contexts: 'cloud tiny' } };

/** Chapter 17 does not exist in volume 1: inline alert, no ledger record. */
export const InvalidChapter: Story = { args: { volume: '1', chapter: '17', title: 'Out of range', minutes: '40', contexts: 'cloud edge' } };
