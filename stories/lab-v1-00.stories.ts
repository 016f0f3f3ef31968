// Lab 00 as a learner meets it, from labs/vol1/lab-00.html, in states reached by answering its
// checks and confirming a context through the page's own controls (stories/_lab-story.ts).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { labStory, type LabStoryArgs } from './_lab-story.js';

const checked = [
  ['check1', 'C'],
  ['check2', 'move_server'],
  ['check3', 'D'],
] as const;

const meta: Meta<LabStoryArgs> = {
  title: "Labs/Volume I/00 The Architect's Portal",
  tags: ['autodocs'],
  ...labStory('vol1/lab-00.html', {
    states: {
      new: [],
      checked,
      chosen: [...checked, ['tour', 'A'], ['context', 'tiny']],
    },
  }),
};
export default meta;
type Story = StoryObj<LabStoryArgs>;

/** A first visit: only Check 1 is shown; each answer reveals the next part. */
export const FirstVisit: Story = { args: { state: 'new' } };

/** The three checks answered (Check 2 only partly right, so the INFEASIBLE callout shows). */
export const ChecksAnswered: Story = { args: { state: 'checked' } };

/** Everything done: the tour's prediction locked, the TinyML context confirmed, its persona shown. */
export const ContextChosen: Story = { args: { state: 'chosen' } };
