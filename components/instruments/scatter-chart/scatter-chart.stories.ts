import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-scatter-chart.js';
import type { ScatterChartData } from './mls-scatter-chart.js';

interface Args {
  data: ScatterChartData | Record<string, unknown>;
  summary?: string;
}

const models: ScatterChartData = {
  title: 'Accuracy against latency',
  points: [
    { x: 0.002, y: 0.71, label: 'MobileNet' },
    { x: 0.004, y: 0.76, label: 'ResNet-50' },
    { x: 0.009, y: 0.79, label: 'EfficientNet-B4' },
    { x: 0.006, y: 0.74 },
    { x: 0.02, y: 0.81, label: 'ViT-L' },
    { x: 0.015, y: 0.78 },
  ],
  xLabel: 'Latency',
  xUnit: 's',
  yLabel: 'Top-1 accuracy',
  yUnit: '%',
  frontier: true,
  highlight: 'ResNet-50',
  thresholds: [{ axis: 'x', value: 0.01, label: 'Budget 10 ms' }],
};

const meta: Meta<Args> = {
  title: 'Instruments/mls-scatter-chart',
  component: 'mls-scatter-chart',
  tags: ['autodocs'],
  argTypes: { data: { control: 'object' }, summary: { control: 'text' } },
  render: (a) => html`<mls-scatter-chart data=${JSON.stringify(a.data)} summary=${a.summary ?? nothing}></mls-scatter-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Models as points, the Pareto frontier through the ones nothing beats, the chosen model highlighted. */
export const Frontier: Story = { args: { data: models } };

/** Points only: no frontier, no chosen point. */
export const PointsOnly: Story = { args: { data: { ...models, frontier: false, highlight: undefined, thresholds: [] } } };

/** A highlight that names no point: the inline alert says so. */
export const InvalidHighlight: Story = { args: { data: { ...models, highlight: 'AlexNet' } } };
