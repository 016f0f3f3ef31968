// Lab 01 as a learner meets it, from labs/vol1/lab-01.html, in states reached by locking
// predictions and moving the page's own controls (stories/_lab-story.ts).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { labStory, type LabStoryArgs } from './_lab-story.js';

const meta: Meta<LabStoryArgs> = {
  title: 'Labs/Volume I/01 The Magnitude Awakening',
  tags: ['autodocs'],
  ...labStory('vol1/lab-01.html', {
    states: {
      new: [],
      act1: [['act1', 'B']],
      oom: [
        ['act1', 'B'],
        ['r1', 'B'],
        ['act2', 'A'],
        ['context', 'tiny'],
      ],
    },
  }),
};
export default meta;
type Story = StoryObj<LabStoryArgs>;

/** A first visit: both predictions wait to be locked; no instrument exists yet. */
export const FirstVisit: Story = { args: { state: 'new' } };

/** Act I locked (a wrong guess, 10,000×): the magnitude instrument and the "off by 99×" overlay. */
export const ActOneRevealed: Story = { args: { state: 'act1' } };

/** Both acts locked, then the TinyML context: the D·A·M triad and the out-of-memory failure. */
export const OutOfMemory: Story = { args: { state: 'oom' } };
