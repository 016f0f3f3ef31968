import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-magnitude-gap.js';

interface Args {
  a: string;
  b: string;
  columns?: string;
  metrics?: string;
  precision: string;
  highlight?: string;
}

const TIERS_AND_DEVICES = [
  'cloud',
  'edge',
  'mobile',
  'tiny',
  'h100',
  'a100',
  'b200',
  'jetson-orin-nx',
  'jetson-xavier-nx',
  'mobile-npu',
  'cortex-m7',
  'esp32',
];

const meta: Meta<Args> = {
  title: 'Instruments/mls-magnitude-gap',
  component: 'mls-magnitude-gap',
  tags: ['autodocs'],
  argTypes: {
    a: { control: 'select', options: TIERS_AND_DEVICES },
    b: { control: 'select', options: TIERS_AND_DEVICES },
    columns: { control: 'text' },
    metrics: { control: 'text' },
    precision: { control: 'select', options: ['headline', 'fp32', 'fp16', 'int8'] },
    highlight: { control: 'select', options: [undefined, 'cloud', 'edge', 'mobile', 'tiny'] },
  },
  render: (a) => html`<mls-magnitude-gap a=${a.a} b=${a.b} precision=${a.precision}
      columns=${a.columns ?? nothing} metrics=${a.metrics ?? nothing} highlight=${a.highlight ?? nothing}></mls-magnitude-gap>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Lab 01, Act I: the four tiers at their headline precisions (labelled), cloud ÷ TinyML = 989,000× on compute. */
export const HeadlinePrecisions: Story = { args: { a: 'cloud', b: 'tiny', precision: 'headline', highlight: 'cloud' } };

/** Every chip at FP32: the compute gap shrinks to 67,000×; the rest of the gap is the change of number format. */
export const SamePrecision: Story = { args: { a: 'cloud', b: 'tiny', precision: 'fp32', highlight: 'tiny' } };

/** Lab 02's spec sheet: two devices by id, compute and bandwidth only. */
export const TwoDevices: Story = { args: { a: 'h100', b: 'a100', columns: 'a100 h100', metrics: 'compute bandwidth', precision: 'fp16' } };

/** An unknown tier: the inline role="alert" names the attribute and the accepted values. */
export const InvalidTier: Story = { args: { a: 'cloud', b: 'toaster', precision: 'headline' } };
