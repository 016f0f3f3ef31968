import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-roofline.js';

interface Args {
  device: string;
  precision: string;
  kernel?: string;
  n?: string;
  intensity?: string;
  label?: string;
}

const meta: Meta<Args> = {
  title: 'Instruments/mls-roofline',
  component: 'mls-roofline',
  tags: ['autodocs'],
  argTypes: {
    device: {
      control: 'select',
      options: [
        'h100',
        'h200',
        'b200',
        'a100',
        'v100',
        't4',
        'mi300x',
        'tpu-v4',
        'tpu-v5p',
        'jetson-orin-nx',
        'jetson-xavier-nx',
        'mobile-npu',
        'cortex-m7',
        'esp32',
        'cloud',
        'edge',
        'mobile',
        'tiny',
      ],
    },
    precision: { control: 'select', options: ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] },
    kernel: { control: 'select', options: [undefined, 'gemm'] },
    n: { control: 'text' },
    intensity: { control: 'text' },
    label: { control: 'text' },
  },
  render: (a) => html`<mls-roofline
      device=${a.device}
      precision=${a.precision}
      kernel=${a.kernel ?? nothing}
      n=${a.n ?? nothing}
      intensity=${a.intensity ?? nothing}
      label=${a.label ?? nothing}
    ></mls-roofline>`,
};
export default meta;

type Story = StoryObj<Args>;

/** H100 at fp16 with a 512³ GEMM: 171 FLOP/B sits below the 295 FLOP/B ridge, so it is memory-bound. */
export const Default: Story = {
  args: { device: 'h100', precision: 'fp16', kernel: 'gemm', n: '512' },
};

/** The same GEMM at n = 4096: 1,365 FLOP/B is above the ridge and reaches the compute ceiling. */
export const ComputeBound: Story = {
  args: { device: 'h100', precision: 'fp16', kernel: 'gemm', n: '4096' },
};

/** An edge module (Jetson Orin NX) at int8 with an intensity given directly. */
export const EdgeDevice: Story = {
  args: { device: 'jetson-orin-nx', precision: 'int8', intensity: '50', label: 'Conv layer' },
};

/** An unknown device id: an inline alert names the attribute, the value and the known ids; no chart. */
export const InvalidDevice: Story = {
  args: { device: 'h1000', precision: 'fp16', kernel: 'gemm', n: '512' },
};
