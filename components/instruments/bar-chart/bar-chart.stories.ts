import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-bar-chart.js';
import type { BarChartData } from './mls-bar-chart.js';

interface Args {
  data: BarChartData | Record<string, unknown>;
  mode: string;
  summary?: string;
}

const models: BarChartData = {
  title: 'Inference latency per model',
  categories: ['ResNet-50', 'BERT-Base', 'GPT-2'],
  series: [
    { label: 'A100', values: [0.0021, 0.0045, 0.012] },
    { label: 'H100', values: [0.0011, 0.002, 0.0055] },
  ],
  yLabel: 'Latency',
  yUnit: 's',
  thresholds: [{ value: 0.01, label: 'Budget 10 ms' }],
};

const meta: Meta<Args> = {
  title: 'Instruments/mls-bar-chart',
  component: 'mls-bar-chart',
  tags: ['autodocs'],
  argTypes: {
    data: { control: 'object' },
    mode: { control: 'select', options: ['grouped', 'stacked'] },
    summary: { control: 'text' },
  },
  render: (a) => html`<mls-bar-chart mode=${a.mode} data=${JSON.stringify(a.data)} summary=${a.summary ?? nothing}></mls-bar-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Two GPUs side by side per model, a value over every bar and a budget line. */
export const Grouped: Story = { args: { data: models, mode: 'grouped' } };

/** Where the time goes: segments stacked bottom to top, the total on each stack. */
export const Stacked: Story = {
  args: {
    mode: 'stacked',
    data: {
      title: 'End-to-end latency per deployment',
      categories: ['Cloud', 'Edge', 'Mobile', 'Tiny'],
      series: [
        { label: 'Data movement', values: [0.001, 0.004, 0.008, 0.2] },
        { label: 'Compute', values: [0.0005, 0.003, 0.01, 0.5] },
        { label: 'Network', values: [0.03, 0, 0, 0] },
      ],
      yLabel: 'Latency',
      yUnit: 's',
      thresholds: [{ value: 0.1, label: 'Budget 100 ms' }],
    },
  },
};

/** Values six orders of magnitude apart on a log axis. */
export const LogScale: Story = {
  args: {
    mode: 'grouped',
    data: {
      categories: ['TinyML', 'Mobile', 'Edge', 'Cloud'],
      series: [{ label: 'Peak compute', values: [1e9, 3.5e13, 1e14, 9.89e14] }],
      yLabel: 'Peak compute',
      yUnit: 'FLOP/s',
      yLog: true,
    },
  },
};

/** An unknown mode: the inline alert lists the accepted ones. */
export const InvalidMode: Story = { args: { data: models, mode: 'pie' } };
