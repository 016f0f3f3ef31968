import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/assess/mls-failure.js';
import '../components/controls/mls-slider.js';
import { scopedStory } from './_scoped-story.js';

interface Args {
  when: string;
  name: string;
  heading: string;
  message: string;
}

const meta: Meta<Args> = {
  title: 'Display/mls-failure',
  component: 'mls-failure',
  argTypes: {
    when: { control: 'select', options: ['true', 'false'] },
    name: { control: 'text' },
    heading: { control: 'text' },
    message: { control: 'text', description: 'Slotted message (story only)' },
  },
  args: {
    when: 'true',
    name: 'oom',
    heading: 'Out of memory',
    message: 'The KV cache for 64 sequences of 8k tokens needs 94 GB; the GPU has 80 GB.',
  },
  render: (a) => html`<mls-failure when=${a.when} name=${a.name} heading=${a.heading}>${a.message}</mls-failure>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Active: role="alert", ⚠ icon, heading and message. */
export const Active: Story = {};

/** Inactive: nothing is shown (switch `when` to true in the controls). */
export const Inactive: Story = { args: { when: 'false' } };

/** The default heading. */
export const DefaultHeading: Story = { args: { heading: 'Constraint violated', message: 'P99 latency exceeds the 100 ms SLA.' } };

/**
 * Bound to a scope flag and reversible: the button flips `$wf.violated` the way an instrument
 * would; the banner comes and goes, and `mls-failure` events are logged under the button.
 */
export const Reversible: Story = {
  render: (a) =>
    scopedStory(
      (scope) => html`
    <button type="button" @click=${(e: Event) => {
      const now = !(scope.get('wf.violated') as boolean);
      scope.set('wf', { violated: now });
      (e.target as HTMLButtonElement).textContent = now ? 'Fix the design' : 'Break the constraint';
    }}>Break the constraint</button>
    <output aria-live="polite" style="display:block;font:0.85rem monospace;margin:8px 0"></output>
    <mls-failure when="$wf.violated" name="sla" heading=${a.heading}
      @mls-failure=${(e: CustomEvent) => {
        const out = (e.target as HTMLElement).parentElement!.querySelector('output')!;
        out.textContent = `mls-failure ${JSON.stringify(e.detail)}`;
      }}>${a.message}</mls-failure>`,
      { wf: { violated: false } },
    ),
};

/** A literal that is neither a $reference nor true/false: inline alert naming `when`. */
export const InvalidWhen: Story = { args: { when: 'sometimes' } };
