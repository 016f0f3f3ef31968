import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-latency-waterfall.js';

interface Args {
  mode: 'terms' | 'stack';
  device: string;
  baseline?: string;
  model?: string;
  bytes?: string;
  intensity?: string;
  batch?: string;
  precision: string;
  sla?: string;
  distanceKm?: string;
  scale: 'linear' | 'log';
}

const meta: Meta<Args> = {
  title: 'Instruments/mls-latency-waterfall',
  component: 'mls-latency-waterfall',
  tags: ['autodocs'],
  argTypes: {
    mode: { control: 'inline-radio', options: ['terms', 'stack'] },
    device: {
      control: 'select',
      options: ['h100', 'a100', 'b200', 'jetson-orin-nx', 'jetson-xavier-nx', 'mobile-npu', 'cortex-m7', 'cloud', 'edge'],
    },
    baseline: { control: 'text' },
    model: { control: 'select', options: [undefined, 'resnet50', 'mobilenet-v2', 'ds-cnn', 'bert-base'] },
    bytes: { control: 'text' },
    intensity: { control: 'text' },
    batch: { control: 'text' },
    precision: { control: 'select', options: ['fp32', 'fp16', 'int8'] },
    sla: { control: 'text' },
    distanceKm: { control: 'text' },
    scale: { control: 'inline-radio', options: ['linear', 'log'] },
  },
  render: (a) => html`<mls-latency-waterfall mode=${a.mode} device=${a.device} precision=${a.precision} scale=${a.scale}
      baseline=${a.baseline ?? nothing} model=${a.model ?? nothing} bytes=${a.bytes ?? nothing} intensity=${a.intensity ?? nothing}
      batch=${a.batch ?? nothing} sla=${a.sla ?? nothing} distance-km=${a.distanceKm ?? nothing}></mls-latency-waterfall>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Lab 02, Act I: A100 → H100 at 5 FLOP/B on a 2 GB weight stream. 1.67× faster: the bandwidth ratio, not the compute ratio. */
export const UpgradeMemoryBound: Story = {
  args: { mode: 'terms', device: 'h100', baseline: 'a100', bytes: '2e9', intensity: '5', precision: 'fp16', scale: 'linear' },
};

/** The same upgrade at 2,000 FLOP/B, past both ridges: compute-bound, and the gain nears the 3.17× compute ratio. */
export const UpgradeComputeBound: Story = {
  args: { mode: 'terms', device: 'h100', baseline: 'a100', bytes: '2e9', intensity: '2000', precision: 'fp16', scale: 'linear' },
};

/** Lab 02, Act II: ResNet-50 in a datacenter 3,000 km away against the Orin on board, with a 10 ms SLA. */
export const EndToEndSlaViolated: Story = {
  args: {
    mode: 'stack',
    device: 'h100',
    baseline: 'jetson-orin-nx',
    model: 'resnet50',
    precision: 'fp16',
    sla: '0.01',
    distanceKm: '3000',
    batch: '1',
    scale: 'linear',
  },
};

/** 500 km away the same loop meets the SLA. */
export const EndToEndSlaMet: Story = {
  args: {
    mode: 'stack',
    device: 'h100',
    baseline: 'jetson-orin-nx',
    model: 'resnet50',
    precision: 'fp16',
    sla: '0.01',
    distanceKm: '500',
    batch: '1',
    scale: 'linear',
  },
};

/** Bad input (an unknown device): the inline alert, no chart. */
export const InvalidDevice: Story = {
  args: { mode: 'terms', device: 'warp-core', precision: 'fp16', scale: 'linear' },
};
