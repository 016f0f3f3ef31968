// Lab 02 as a learner meets it, from labs/vol1/lab-02.html, in states reached by locking
// predictions and moving the page's own controls (stories/_lab-story.ts).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { labStory, type LabStoryArgs } from './_lab-story.js';

const sla = [
  ['act1', 'A'],
  ['r1', 'B'],
  ['act2', 'B'],
] as const;

const meta: Meta<LabStoryArgs> = {
  title: 'Labs/Volume I/02 The Iron Law',
  tags: ['autodocs'],
  ...labStory('vol1/lab-02.html', {
    states: {
      new: [],
      act1: [['act1', 'A']],
      sla,
      edge: [...sla, ['context', 'edge'], ['batch', '64']],
    },
  }),
};
export default meta;
type Story = StoryObj<LabStoryArgs>;

/** A first visit: the spec sheet and both predictions; no instrument behind the locks yet. */
export const FirstVisit: Story = { args: { state: 'new' } };

/** Act I locked on the compute ratio: the waterfall shows the bandwidth ratio is what the upgrade bought. */
export const ActOneRevealed: Story = { args: { state: 'act1' } };

/** Act II in the cloud at 3,000 km: the light's round trip alone breaks the 10 ms loop. */
export const SlaViolatedByDistance: Story = { args: { state: 'sla' } };

/** On the car (Edge) at batch 64: no round trip, but the batch's math breaks the loop. */
export const SlaViolatedByBatch: Story = { args: { state: 'edge' } };
