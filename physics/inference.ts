/**
 * LLM inference: prefill (compute-bound, parallel over prompt tokens) and decode (memory-bound,
 * one token per step per sequence). Forward pass of a dense transformer ~ 2 P FLOP per token
 * (Kaplan et al. 2020, Sec. 2.1; attention's 2 n_layer n_ctx d term neglected).
 *
 * Corrections carried from v2-10's critique: decode reads the KV cache as well as the weights on
 * every step; prefill uses 2 P FLOP/token (not the 2 L 4 d^2 projections-only count, ~3x low).
 */
import { PhysicsError, fraction, integerAtLeast, nonNegative, positive } from './errors.js';
import { peakFlopsFor, resolveDevice, resolveModel, type Device, type Model } from './registry.js';
import { kvCacheBytes, modelWeightBytes } from './memory.js';
import { bytesPerElement, type Precision } from './units.js';
import type { Bound } from './roofline.js';

/** Forward FLOP per token, 2 P. Llama 3 8B: 2 * 8.03e9 = 1.606e10. */
export function forwardFlopsPerToken(params: number): number {
  return 2 * positive('params', params);
}

interface HardwareShare {
  device: Device | string;
  /** Devices serving one model replica with ideal tensor parallelism (default 1). */
  devices?: number;
  precision?: Precision;
  /** Fraction of peak the kernels reach (MFU), 0..1 (default 1). */
  mfu?: number;
}

function hardware(h: HardwareShare) {
  const d = resolveDevice(h.device);
  const n = integerAtLeast('devices', h.devices ?? 1, 1);
  const precision = h.precision ?? 'fp16';
  const eff = fraction('mfu', h.mfu ?? 1);
  if (eff === 0) throw new PhysicsError('mfu', eff, 'a fraction greater than 0');
  return {
    device: d,
    devices: n,
    precision,
    flops: peakFlopsFor(d, precision) * n * eff,
    bandwidth: d.memoryBandwidth * n,
    capacity: d.memoryBytes * n,
  };
}

export interface PrefillInput extends HardwareShare {
  params: number;
  /** Prompt tokens per sequence. */
  tokens: number;
  /** Sequences prefilled together (default 1). */
  batch?: number;
  /** Bytes read from memory during prefill (default: the weights once, params * b). */
  bytes?: number;
}

export interface PhaseTime {
  readonly flops: number;
  readonly bytes: number;
  /** flops / (peak * mfu * devices), s. */
  readonly computeTime: number;
  /** bytes / (BW * devices), s. */
  readonly memoryTime: number;
  /** max(computeTime, memoryTime), s. */
  readonly time: number;
  readonly bound: Bound;
}

/**
 * Prefill time: 2 P * tokens * batch / (peak * mfu), bounded below by reading the weights once.
 * Llama 3 70B-class 70e9 params, 4096 tokens on 8 H100 at MFU 1: 5.73e14 / 7.912e15 = 72.5 ms.
 */
export function prefillTime(input: PrefillInput): PhaseTime {
  const hw = hardware(input);
  const P = positive('params', input.params);
  const T = integerAtLeast('tokens', input.tokens, 1);
  const B = integerAtLeast('batch', input.batch ?? 1, 1);
  const flops = 2 * P * T * B;
  const bytes = input.bytes === undefined ? P * bytesPerElement(hw.precision) : nonNegative('bytes', input.bytes);
  return phase(flops, bytes, hw.flops, hw.bandwidth);
}

export interface DecodeInput extends HardwareShare {
  params: number;
  /** Sequences decoded together (default 1). */
  batch?: number;
  /** Total KV cache read per step across the batch, B (default 0). */
  kvBytes?: number;
  /** Weight bytes (default params * b at the precision). */
  weightBytes?: number;
}

export interface DecodeStep extends PhaseTime {
  /** Tokens produced per second across the batch: batch / time. */
  readonly tokensPerSecond: number;
  /** Per-sequence tokens per second: 1 / time. */
  readonly tokensPerSecondPerSequence: number;
}

/**
 * One decode step (one new token for each of `batch` sequences):
 * memory: (weights + KV) / BW; compute: 2 P batch / (peak * mfu); step = max of the two.
 * Llama 3 8B FP16 on one H100, batch 1, no KV: 16.06e9 / 3.35e12 = 4.79 ms (209 tokens/s).
 */
export function decodeStep(input: DecodeInput): DecodeStep {
  const hw = hardware(input);
  const P = positive('params', input.params);
  const B = integerAtLeast('batch', input.batch ?? 1, 1);
  const kv = nonNegative('kvBytes', input.kvBytes ?? 0);
  const w = input.weightBytes === undefined ? P * bytesPerElement(hw.precision) : positive('weightBytes', input.weightBytes);
  const p = phase(2 * P * B, w + kv, hw.flops, hw.bandwidth);
  return { ...p, tokensPerSecond: B / p.time, tokensPerSecondPerSequence: 1 / p.time };
}

function phase(flops: number, bytes: number, rate: number, bw: number): PhaseTime {
  const computeTime = flops / rate;
  const memoryTime = bytes / bw;
  return {
    flops,
    bytes,
    computeTime,
    memoryTime,
    time: Math.max(computeTime, memoryTime),
    bound: memoryTime > computeTime ? 'memory' : 'compute',
  };
}

export interface LlmInferenceInput {
  model: Model | string;
  device: Device | string;
  devices?: number;
  /** Weight and KV precision (default fp16). */
  precision?: Precision;
  promptTokens: number;
  outputTokens: number;
  batch?: number;
  /** MFU for prefill (default 1). */
  prefillMfu?: number;
  /** MFU for decode's compute term (default 1). */
  decodeMfu?: number;
  /** Add the device's dispatch overhead once per request (default true). */
  includeOverhead?: boolean;
}

export interface LlmInference {
  readonly weightBytes: number;
  /** KV cache at the end of generation for the whole batch, B. */
  readonly kvBytes: number;
  /** weights + final KV, B. */
  readonly memoryBytes: number;
  /** Memory across the devices, B. */
  readonly capacityBytes: number;
  readonly fits: boolean;
  readonly prefill: PhaseTime;
  /** Time to first token: prefill + overhead, s. */
  readonly ttft: number;
  /** Mean time per output token (decode step at the average KV length), s. */
  readonly tpot: number;
  /** ttft + (outputTokens - 1) * tpot, s. */
  readonly total: number;
  /** Decode throughput across the batch, tokens/s. */
  readonly tokensPerSecond: number;
}

/**
 * End-to-end estimate for a registered transformer: prefill, then decode steps that read the
 * weights plus the KV cache at its mean length (prompt + outputTokens / 2). GQA-aware KV.
 */
export function llmInference(input: LlmInferenceInput): LlmInference {
  const m = resolveModel(input.model);
  if (m.layers === undefined || m.kvHeads === undefined || m.headDim === undefined) {
    throw new PhysicsError('model', m.id, 'a transformer with layers, kvHeads and headDim');
  }
  const precision = input.precision ?? 'fp16';
  const d = resolveDevice(input.device);
  const n = integerAtLeast('devices', input.devices ?? 1, 1);
  const S = integerAtLeast('promptTokens', input.promptTokens, 1);
  const T = integerAtLeast('outputTokens', input.outputTokens, 1);
  const B = integerAtLeast('batch', input.batch ?? 1, 1);
  const w = modelWeightBytes(m, precision);
  const kvAt = (len: number) =>
    kvCacheBytes({ layers: m.layers!, kvHeads: m.kvHeads!, headDim: m.headDim!, seqLen: len, batch: B, precision });
  const kvFinal = kvAt(S + T);
  const prefill = prefillTime({
    params: m.params,
    tokens: S,
    batch: B,
    device: d,
    devices: n,
    precision,
    mfu: input.prefillMfu ?? 1,
    bytes: w,
  });
  const overhead = input.includeOverhead === false ? 0 : d.overheadSeconds;
  const meanKv = 2 * m.layers * m.kvHeads * m.headDim * (S + T / 2) * B * bytesPerElement(precision);
  const step = decodeStep({
    params: m.params,
    batch: B,
    kvBytes: meanKv,
    weightBytes: w,
    device: d,
    devices: n,
    precision,
    mfu: input.decodeMfu ?? 1,
  });
  const ttft = prefill.time + overhead;
  return {
    weightBytes: w,
    kvBytes: kvFinal,
    memoryBytes: w + kvFinal,
    capacityBytes: d.memoryBytes * n,
    fits: w + kvFinal <= d.memoryBytes * n,
    prefill,
    ttft,
    tpot: step.time,
    total: ttft + (T - 1) * step.time,
    tokensPerSecond: step.tokensPerSecond,
  };
}

/**
 * MFU implied by a token rate: 2 P * tokensPerSecond / (peak * devices).
 * 1,000 tokens/s of an 8.03e9 model on one H100: 1.606e13 / 9.89e14 = 1.6 %.
 */
export function mfuFromTokens(
  tokensPerSecond: number,
  params: number,
  device: Device | string,
  precision: Precision = 'fp16',
  devices = 1,
): number {
  const tps = nonNegative('tokensPerSecond', tokensPerSecond);
  const n = integerAtLeast('devices', devices, 1);
  return (2 * positive('params', params) * tps) / (peakFlopsFor(device, precision) * n);
}
