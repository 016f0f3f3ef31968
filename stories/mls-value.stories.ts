import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/readouts/mls-value.js';
import '../components/controls/mls-slider.js';
import { scopedStory } from './_scoped-story.js';

interface Args {
  value?: string;
  unit?: string;
  digits?: string;
}

const meta: Meta<Args> = {
  title: 'Display/mls-value',
  component: 'mls-value',
  argTypes: { value: { control: 'text' }, unit: { control: 'text' }, digits: { control: 'text' } },
  args: { value: '0.0305', unit: 's', digits: '3' },
  render: (a) =>
    html`<p>One training step takes <mls-value value=${ifDefined(a.value)} unit=${ifDefined(a.unit)} digits=${ifDefined(a.digits)}></mls-value>.</p>`,
};
export default meta;
type Story = StoryObj<Args>;

/** 0.0305 s reads "30.5 ms". */
export const Seconds: Story = {};
export const Bytes: Story = { args: { value: '1.4e10', unit: 'B' } };
export const Ratio: Story = { args: { value: '7.4', unit: 'x' } };

/** Bound to the scope: prose that can never disagree with the slider. */
export const InProse: Story = {
  render: () =>
    scopedStory(html`
    <mls-slider label="Distance" name="km" min="0" max="20000" step="100" value="3000" unit="km"></mls-slider>
    <p>Light in fibre covers <mls-value value="$km" unit="km"></mls-value> one way; a round trip
      is twice that, and nothing the GPU does can make it shorter.</p>`),
};

/** Unresolved reference: "—". */
export const Unresolved: Story = { args: { value: '$wf.total' } };
