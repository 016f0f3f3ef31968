import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './mls-dam-triad.js';

interface Args {
  a: string;
  b: string;
  active?: string;
  model: string;
  precision: string;
  batch: string;
}

const SIDES = ['cloud', 'edge', 'mobile', 'tiny', 'h100', 'a100', 'jetson-orin-nx', 'mobile-npu', 'cortex-m7', 'esp32'];

const meta: Meta<Args> = {
  title: 'Instruments/mls-dam-triad',
  component: 'mls-dam-triad',
  tags: ['autodocs'],
  argTypes: {
    a: { control: 'select', options: SIDES },
    b: { control: 'select', options: SIDES },
    active: { control: 'select', options: [undefined, ...SIDES] },
    model: { control: 'select', options: ['resnet50', 'mobilenet-v2', 'mobilenet-v1', 'yolov8n', 'ds-cnn', 'bert-base'] },
    precision: { control: 'select', options: ['fp32', 'fp16', 'int8'] },
    batch: { control: 'text' },
  },
  render: (a) =>
    html`<mls-dam-triad a=${a.a} b=${a.b} active=${a.active ?? nothing} model=${a.model} precision=${a.precision} batch=${a.batch}></mls-dam-triad>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Lab 01, Act II: ResNet-50 FP16 at batch 1. The H100 is memory-bound (D/BW 1.85× O/R). */
export const CloudActive: Story = { args: { a: 'cloud', b: 'tiny', active: 'cloud', model: 'resnet50', precision: 'fp16', batch: '1' } };

/** The microcontroller's side: out of memory (101× its SRAM) and compute-bound even if it fitted. */
export const TinyOutOfMemory: Story = { args: { a: 'cloud', b: 'tiny', active: 'tiny', model: 'resnet50', precision: 'fp16', batch: '1' } };

/** Batch 8: the weights are shared, intensity passes the H100's ridge, compute-bound. */
export const Batched: Story = { args: { a: 'cloud', b: 'tiny', active: 'cloud', model: 'resnet50', precision: 'fp16', batch: '8' } };

/** A keyword-spotting model built for the MCU fits its SRAM. */
export const KeywordSpotting: Story = { args: { a: 'cloud', b: 'tiny', active: 'tiny', model: 'ds-cnn', precision: 'int8', batch: '1' } };
