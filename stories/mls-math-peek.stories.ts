import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/lab/mls-math-peek.js';

interface Args {
  heading: string;
  open: boolean;
}

const meta: Meta<Args> = {
  title: 'Display/mls-math-peek',
  component: 'mls-math-peek',
  argTypes: { heading: { control: 'text' }, open: { control: 'boolean' } },
  args: { heading: 'The governing equations', open: false },
  // TeX backslashes are doubled: inside a template literal \f would be a form feed.
  render: (a) => html`<mls-math-peek heading=${a.heading} ?open=${a.open}>
    <p>The time to run a kernel is bounded by the slower of compute and data movement:</p>
    <div data-tex="display">T = \\max\\left(\\frac{O}{R_{\\text{peak}}},\\ \\frac{D}{BW}\\right)</div>
    <p>where <span data-tex>O</span> is the operation count, <span data-tex>D</span> the bytes moved,
      <span data-tex>R_{\\text{peak}}</span> the peak rate and <span data-tex>BW</span> the memory bandwidth.</p>
  </mls-math-peek>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Closed: KaTeX has not been fetched yet (open it to load and typeset). */
export const Closed: Story = {};

/** Open from the start. */
export const Open: Story = { args: { open: true, heading: 'The Iron Law' } };

/** TeX that does not parse is shown as source with an alert note. */
export const BadTex: Story = {
  args: { open: true },
  render: (a) => html`<mls-math-peek heading=${a.heading} ?open=${a.open}><p><span data-tex>\\frac{a}{</span></p></mls-math-peek>`,
};
