import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-histogram-chart.js';
import type { HistogramChartData } from './mls-histogram-chart.js';

interface Args {
  data: HistogramChartData | Record<string, unknown>;
  summary?: string;
}

/** 2,000 lognormal latencies around 10 ms (a fixed seed, so the story is the same every time). */
function latencies(): number[] {
  let s = 7;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: 2000 }, () => 0.01 * Math.exp(0.5 * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r())));
}

const meta: Meta<Args> = {
  title: 'Instruments/mls-histogram-chart',
  component: 'mls-histogram-chart',
  tags: ['autodocs'],
  argTypes: { data: { control: 'object' }, summary: { control: 'text' } },
  render: (a) => html`<mls-histogram-chart data=${JSON.stringify(a.data)} summary=${a.summary ?? nothing}></mls-histogram-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Request latencies with p50, p90 and p99 lines and an SLO: the share above it is in the label. */
export const Samples: Story = {
  args: {
    data: {
      title: 'Request latency',
      samples: latencies(),
      bins: 40,
      xLabel: 'Latency',
      xUnit: 's',
      percentiles: [0.5, 0.9, 0.99],
      threshold: { value: 0.025, label: 'SLO' },
    },
  },
};

/** The same tail on log bins, for a log x axis. */
export const LogBins: Story = {
  args: {
    data: {
      title: 'Request latency, log bins',
      samples: latencies(),
      bins: 30,
      xLog: true,
      xLabel: 'Latency',
      xUnit: 's',
      percentiles: [0.5, 0.99],
    },
  },
};

/** Counts already binned (e.g. from a simulation), with their edges. */
export const Counts: Story = {
  args: {
    data: {
      counts: [10, 30, 60, 25, 5],
      edges: [0, 0.01, 0.02, 0.04, 0.08, 0.16],
      xLabel: 'Latency',
      xUnit: 's',
      percentiles: [0.5, 0.95],
    },
  },
};

/** A percentile given as 99 instead of 0.99: the alert says percentiles are fractions. */
export const InvalidPercentile: Story = {
  args: { data: { samples: [0.01, 0.02, 0.03], xLabel: 'Latency', xUnit: 's', percentiles: [99] } },
};
