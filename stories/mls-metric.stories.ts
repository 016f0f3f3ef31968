import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/readouts/mls-metric.js';
import '../components/controls/mls-slider.js';
import { scopedStory } from './_scoped-story.js';

interface Args {
  label: string;
  value?: string;
  unit?: string;
  digits?: string;
  state?: string;
  tag?: string;
}

const meta: Meta<Args> = {
  title: 'Display/mls-metric',
  component: 'mls-metric',
  argTypes: {
    label: { control: 'text' },
    value: { control: 'text' },
    unit: { control: 'text' },
    digits: { control: 'text' },
    state: { control: 'select', options: ['', 'ok', 'warn', 'fail'] },
    tag: { control: 'text' },
  },
  args: { label: 'Memory bandwidth', value: '3.35e12', unit: 'B/s', digits: '3', state: 'ok', tag: '' },
  render: (a) => html`<mls-metric label=${a.label} value=${ifDefined(a.value)} unit=${ifDefined(a.unit)} digits=${ifDefined(a.digits)}
    state=${ifDefined(a.state || undefined)} tag=${ifDefined(a.tag || undefined)}></mls-metric>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = {};
export const Warning: Story = { args: { label: 'Step time', value: '0.0305', unit: 's', state: 'warn' } };
export const OverLimit: Story = { args: { label: 'KV cache', value: '9.4e10', unit: 'B', state: 'fail', tag: 'BINDING' } };
export const Percent: Story = { args: { label: 'Model FLOP utilisation', value: '0.42', unit: '%', state: undefined } };

/** Unresolved reference: "—" until the scope holds the value. */
export const Unresolved: Story = { args: { label: 'Attainable throughput', value: '$roof.attainable', unit: 'FLOP/s', state: undefined } };

/** A row of cards reading the scope; the slider changes `$n`. */
export const Dashboard: Story = {
  render: () =>
    scopedStory(
      html`
    <mls-slider label="Tokens per second" name="n" min="10" max="200" step="10" value="40"></mls-slider>
    <div style="display:flex;gap:12px;flex-wrap:wrap">
      <mls-metric label="Throughput" value="$n" unit="tok/s" state="$st" tag="BINDING"></mls-metric>
      <mls-metric label="Power" value="700" unit="W" state="ok"></mls-metric>
      <mls-metric label="Energy per token" value="0.0175" unit="J" state="warn"></mls-metric>
    </div>`,
      { st: 'ok' },
    ),
};

/** Bad attributes: an inline alert names each. */
export const Invalid: Story = { args: { value: 'fast', state: 'great', digits: '0' } };
