import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/mls-overlay.js';
import '../components/mls-lab.js';
import '../components/mls-ledger-provider.js';
import { DesignLedger } from '../src/ledger/store.js';

interface Args { number: number; label: string; correct: boolean | null; actual: string; unit: string; compare: string; digits: string }

/** A lab restored from a ledger whose scope holds a locked prediction, so the overlay reveals at once. */
function withLock(a: Args, content: unknown) {
  const ledger = new DesignLedger({ storage: null });
  ledger.upsert('v1.ch01', { scope: { act1: { locked: true, value: 'B', number: a.number, label: a.label, correct: a.correct } } });
  return html`<mls-ledger-provider .ledger=${ledger}><mls-lab volume="1" chapter="1" title="Overlay demo">${content}</mls-lab></mls-ledger-provider>`;
}

const meta: Meta<Args> = {
  title: 'Lab structure/mls-overlay',
  component: 'mls-overlay',
  tags: ['autodocs'],
  argTypes: {
    number: { control: 'number' }, label: { control: 'text' }, correct: { control: 'select', options: [true, false, null] },
    actual: { control: 'text' }, unit: { control: 'text' }, compare: { control: 'select', options: ['ratio', 'difference'] }, digits: { control: 'text' },
  },
  render: (a) => withLock(a, html`<mls-overlay prediction="$act1" actual=${a.actual} unit=${a.unit} compare=${a.compare} digits=${a.digits}>
    The H100's dense FP16 peak is 989 TFLOP/s; a Cortex-M7 manages about 1 GFLOP/s.</mls-overlay>`),
};
export default meta;
type Story = StoryObj<Args>;

/** Predicted ~10,000×, physics 989,000×: "off by 98.9×" (989,000 / 10,000). */
export const Ratio: Story = { args: { number: 1e4, label: '~10,000×', correct: false, actual: '989000', unit: 'x', compare: 'ratio', digits: '3' } };

/** A right prediction: ✓ and "Your prediction was right." */
export const Right: Story = { args: { number: 1e6, label: '~1,000,000×', correct: true, actual: '989000', unit: 'x', compare: 'ratio', digits: '3' } };

/** A latency prediction compared as a difference in seconds (shown as ms). */
export const Difference: Story = { args: { number: 0.215, label: '215 ms', correct: true, actual: '0.2', unit: 's', compare: 'difference', digits: '3' } };
