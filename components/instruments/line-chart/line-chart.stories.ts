import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-line-chart.js';
import type { LineChartData } from './mls-line-chart.js';

interface Args {
  data: LineChartData | Record<string, unknown>;
  summary?: string;
  height?: string;
}

const latency: LineChartData = {
  title: 'Latency against batch size',
  x: [1, 2, 4, 8, 16, 32, 64],
  series: [
    { label: 'p50', y: [0.002, 0.0025, 0.003, 0.005, 0.009, 0.017, 0.033] },
    { label: 'p99', y: [0.004, 0.005, 0.007, 0.011, 0.02, 0.04, 0.08] },
  ],
  xLabel: 'Batch size',
  yLabel: 'Latency',
  yUnit: 's',
  xLog: true,
  markers: [{ x: 8, y: 0.011, label: 'Chosen batch 8' }],
  thresholds: [{ axis: 'y', value: 0.05, label: 'SLO 50 ms' }],
  regions: [{ axis: 'x', from: 32, to: 64, label: 'Over SLO' }],
};

const meta: Meta<Args> = {
  title: 'Instruments/mls-line-chart',
  component: 'mls-line-chart',
  tags: ['autodocs'],
  argTypes: {
    data: { control: 'object' },
    summary: { control: 'text' },
    height: { control: 'text' },
  },
  render: (a) =>
    html`<mls-line-chart data=${JSON.stringify(a.data)} summary=${a.summary ?? nothing} height=${a.height ?? nothing}></mls-line-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Two percentiles against batch size on a log x axis, the chosen batch, an SLO line and the band over it. */
export const Default: Story = { args: { data: latency } };

/** Log-log: the memory roof of a roofline as plain data, with the ridge as a vertical threshold. */
export const LogLog: Story = {
  args: {
    data: {
      title: 'Memory roof of an H100 (3.35 TB/s)',
      x: [0.1, 1, 10, 100, 295, 1000],
      series: [{ label: 'Attainable', y: [3.35e11, 3.35e12, 3.35e13, 3.35e14, 9.89e14, 9.89e14] }],
      xLabel: 'Arithmetic intensity',
      xUnit: 'FLOP/B',
      yLabel: 'Attainable',
      yUnit: 'FLOP/s',
      xLog: true,
      yLog: true,
      thresholds: [{ axis: 'x', value: 295, label: 'Ridge 295 FLOP/B', color: 'grey' }],
    },
    summary: 'Below 295 FLOP/B the H100 is memory-bound; above it, compute-bound at 989 TFLOP/s.',
  },
};

/** The data in a `<script type="application/json">` child instead of the attribute. */
export const ScriptChild: Story = {
  args: { data: latency },
  // Built with the DOM API: a Lit binding cannot go inside a <script>.
  render: (a) => {
    const el = document.createElement('mls-line-chart');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(a.data);
    el.append(script);
    return el;
  },
};

/** A curve with fewer y values than x values: the inline alert names the series; no chart yet. */
export const InvalidData: Story = {
  args: { data: { ...latency, series: [{ label: 'p50', y: [0.002, 0.003] }] } },
};
