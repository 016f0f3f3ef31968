import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/controls/mls-slider.js';
import '../components/readouts/mls-value.js';
import '../components/readouts/mls-metric.js';
import { scopedStory } from './_scoped-story.js';

interface Args {
  label: string;
  name?: string;
  min?: string;
  max?: string;
  step?: string;
  value?: string;
  unit?: string;
  scale?: string;
  format?: string;
  disabled: boolean;
}

const meta: Meta<Args> = {
  title: 'Controls/mls-slider',
  component: 'mls-slider',
  argTypes: {
    label: { control: 'text' },
    name: { control: 'text' },
    min: { control: 'text' },
    max: { control: 'text' },
    step: { control: 'text' },
    value: { control: 'text' },
    unit: { control: 'text' },
    scale: { control: 'select', options: ['linear', 'log'] },
    format: { control: 'text' },
    disabled: { control: 'boolean' },
  },
  args: {
    label: 'Batch size',
    name: 'n',
    min: '128',
    max: '8192',
    step: '128',
    value: '512',
    unit: '',
    scale: 'linear',
    format: '3',
    disabled: false,
  },
  render: (a) => html`<mls-slider label=${a.label} name=${ifDefined(a.name)} min=${ifDefined(a.min)} max=${ifDefined(a.max)}
    step=${ifDefined(a.step)} value=${ifDefined(a.value)} unit=${ifDefined(a.unit)} scale=${ifDefined(a.scale)}
    format=${ifDefined(a.format)} ?disabled=${a.disabled}></mls-slider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A linear slider: arrow keys move one step (128), Home/End jump to the ends. */
export const Linear: Story = {};

/** Any unit that formatValue does not know is appended as written: "3,000 km". */
export const Distance: Story = {
  args: { label: 'Distance to the data centre', name: 'distance', min: '0', max: '20000', step: '100', value: '3000', unit: 'km' },
};

/** Bytes take decimal SI prefixes: 4.2e9 B reads "4.2 GB". */
export const Bytes: Story = {
  args: { label: 'Model size', name: 'bytes', min: '1e8', max: '1e11', step: '1e8', value: '4.2e9', unit: 'B' },
};

/** scale="log": the thumb moves evenly through powers of ten; values are rounded to 3 significant digits. */
export const LogScale: Story = {
  args: { label: 'Parameters', name: 'params', min: '1e6', max: '1e12', step: undefined, value: '7e9', unit: '', scale: 'log' },
};

/** Seconds pick ms/µs: 0.05 s reads "50 ms". */
export const Seconds: Story = {
  args: { label: 'Latency budget', name: 'budget', min: '0.005', max: '0.5', step: '0.005', value: '0.05', unit: 's' },
};

/** Inside a lab scope the slider writes `$n`; the inline value and the metric card read it back. */
export const BoundToScope: Story = {
  render: (a) =>
    scopedStory(html`
    <mls-slider label=${a.label} name="n" min="128" max="8192" step="128" value="512"></mls-slider>
    <p>The batch holds <mls-value value="$n"></mls-value> sequences.</p>
    <mls-metric label="Batch size" value="$n" tag="INPUT"></mls-metric>`),
};

/** A restored lab: the scope already holds n = 4096, so the slider starts there, not at its value attribute. */
export const Restored: Story = {
  render: (a) =>
    scopedStory(html`<mls-slider label=${a.label} name="n" min="128" max="8192" step="128" value="512"></mls-slider>`, { n: 4096 }),
};

/** Bad attributes never throw: an inline alert names them and the control keeps working. */
export const InvalidRange: Story = { args: { label: 'Broken range', name: 'broken', min: '100', max: '10', value: '50' } };
