import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/controls/mls-select.js';
import { scopedStory } from './_scoped-story.js';

interface Args {
  label: string;
  name?: string;
  value?: string;
  disabled: boolean;
}

const options = html`
  <option value="fp32">FP32 (4 bytes)</option>
  <option value="bf16">BF16 (2 bytes)</option>
  <option value="fp16">FP16 (2 bytes)</option>
  <option value="int8">INT8 (1 byte)</option>
  <option value="int4">INT4 (½ byte)</option>`;

const meta: Meta<Args> = {
  title: 'Controls/mls-select',
  component: 'mls-select',
  argTypes: { label: { control: 'text' }, name: { control: 'text' }, value: { control: 'text' }, disabled: { control: 'boolean' } },
  args: { label: 'Weight precision', name: 'precision', value: 'fp16', disabled: false },
  render: (a) =>
    html`<mls-select label=${a.label} name=${ifDefined(a.name)} value=${ifDefined(a.value)} ?disabled=${a.disabled}>${options}</mls-select>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Options come from the light-DOM `<option value>` children. */
export const Default: Story = {};

/** A restored lab: the scope holds "int8", so the select starts there. */
export const Restored: Story = {
  render: (a) =>
    scopedStory(html`<mls-select label=${a.label} name="precision" value="fp16">${options}</mls-select>`, { precision: 'int8' }),
};

/** Two controls sharing one scope key stay in step: change either one. */
export const SharedName: Story = {
  render: (a) =>
    scopedStory(html`
    <mls-select label=${`${a.label} (panel A)`} name="precision" value="fp16">${options}</mls-select>
    <mls-select label=${`${a.label} (panel B)`} name="precision">${options}</mls-select>`),
};

/** A value that is not one of the options: an inline alert lists the accepted values. */
export const InvalidValue: Story = { args: { value: 'fp8' } };
