/**
 * Device, model and deployment-context registries (SI units), built from the reference
 * simulator's registries (mlsysim @ e0117ceb, summarised in shared/physics/facts.json) and the
 * vendors' spec sheets. Where the reference disagrees with itself or with a spec sheet the value
 * is resolved here, once, and the entry's `note` says which figure was chosen and why.
 *
 * Conventions:
 * - Peak FLOP/s are DENSE tensor-core rates. 2:4-sparse figures appear only in the separately
 *   labelled `peakFlopsSparseFp16` and `peakFlopsSparseInt8`, which `peakFlopsFor` never returns.
 * - `peakFlops.fp16` is the 16-bit matrix rate (BF16 on TPUs, where FP16 and BF16 run alike).
 * - Integer rates (TOPS) are stored in `peakFlops.int8` and counted like FLOP/s.
 * - Memory capacities follow the spec sheet's unit: "GB" is decimal (1e9 B), as the labs quote and
 *   compare those numbers; a sheet that says GiB (Google's TPU pages) is stored as 2^30 B.
 *   mlsysim declares several HBM sizes in GiB where the vendor says GB (noted per device).
 */
import { PhysicsError } from './errors.js';
import { sourced, type Sourced } from './sourced.js';
import { GB, GBps, GiB, KB, KiB, TB, TFLOPS, TOPS, ms, type Precision, checkPrecision } from './units.js';

// ---------------------------------------------------------------------------------------------
// Devices
// ---------------------------------------------------------------------------------------------

/** Deployment tier a device belongs to. */
export type Tier = 'cloud' | 'edge' | 'mobile' | 'tiny';
export const TIERS: readonly Tier[] = ['cloud', 'edge', 'mobile', 'tiny'];

/** Dense peak rates per precision, FLOP/s (integer formats in OP/s). */
export interface PeakFlops {
  readonly fp32: number;
  readonly fp16: number;
  readonly int8: number;
  readonly tf32?: number;
  readonly bf16?: number;
  readonly fp8?: number;
  readonly int4?: number;
}

/** Names of device fields that carry a per-field source in `sources`. */
export type DeviceField =
  | 'memoryBytes'
  | 'memoryBandwidth'
  | 'peakFlops'
  | 'fp32'
  | 'fp16'
  | 'int8'
  | 'tf32'
  | 'bf16'
  | 'fp8'
  | 'int4'
  | 'peakFlopsSparseFp16'
  | 'peakFlopsSparseInt8'
  | 'tdpWatts'
  | 'overheadSeconds'
  | 'batteryJoules';

export interface Device {
  /** Kebab-case id, e.g. 'h100'. */
  readonly id: string;
  readonly name: string;
  readonly tier: Tier;
  readonly year: number;
  /** Memory capacity (HBM/DRAM; on-chip SRAM for MCUs), B. */
  readonly memoryBytes: number;
  /** Main-memory bandwidth, B/s. */
  readonly memoryBandwidth: number;
  /** Dense peak rates, FLOP/s. */
  readonly peakFlops: PeakFlops;
  /** 2:4 structured-sparsity FP16 rate, FLOP/s. Never used as a default peak. */
  readonly peakFlopsSparseFp16?: number;
  /** Structured-sparsity INT8 rate, OP/s, where the vendor headlines it (edge modules). Never used as a default peak. */
  readonly peakFlopsSparseInt8?: number;
  /** Thermal design power (or sustained power budget for phones/MCUs), W. */
  readonly tdpWatts: number;
  /** Fixed software dispatch latency per inference call (the Iron Law's L), s. */
  readonly overheadSeconds: number;
  /** Battery energy for battery-powered devices, J. */
  readonly batteryJoules?: number;
  /** Main source of the entry. */
  readonly source: string;
  /** Per-field sources where they differ from `source`. */
  readonly sources: Readonly<Partial<Record<DeviceField, string>>>;
  /** How a disagreement between sources was resolved, when there was one. */
  readonly note?: string;
}

function device(d: Omit<Device, 'sources'> & { sources?: Partial<Record<DeviceField, string>> }): Device {
  const out: Device = { ...d, peakFlops: Object.freeze({ ...d.peakFlops }), sources: Object.freeze({ ...(d.sources ?? {}) }) };
  return Object.freeze(out);
}

const DEVICE_LIST: readonly Device[] = [
  device({
    id: 'h100',
    name: 'NVIDIA H100 SXM5',
    tier: 'cloud',
    year: 2022,
    memoryBytes: 80 * GB,
    memoryBandwidth: 3.35 * TB,
    peakFlops: { fp32: 67 * TFLOPS, tf32: 494 * TFLOPS, fp16: 989 * TFLOPS, bf16: 989 * TFLOPS, fp8: 1979 * TFLOPS, int8: 1979 * TFLOPS },
    peakFlopsSparseFp16: 1979 * TFLOPS,
    tdpWatts: 700,
    overheadSeconds: 1e-5,
    source: 'NVIDIA H100 Tensor Core GPU datasheet (SXM5); mlsysim Cloud.H100',
    sources: {
      fp32: 'NVIDIA H100 datasheet: 67 TFLOPS FP32 (CUDA cores)',
      fp16: 'NVIDIA H100 datasheet: 989 TFLOPS FP16 tensor, dense (1,979 with 2:4 sparsity)',
      overheadSeconds: 'mlsysim Cloud.H100 dispatch_tax 0.01 ms',
      memoryBytes: 'NVIDIA H100 datasheet: 80 GB HBM3',
    },
    note: "FP16 peak is the dense 989 TFLOP/s. The seed lab spec's 1,979 is the 2:4-sparse FP16 (= dense FP8) figure, kept only as peakFlopsSparseFp16. Memory is HBM3 (not HBM3e), 80 GB as the datasheet and labs quote; mlsysim declares 80 GiB = 85.9e9 B.",
  }),
  device({
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    tier: 'cloud',
    year: 2023,
    memoryBytes: 141 * GB,
    memoryBandwidth: 4.8 * TB,
    peakFlops: { fp32: 67 * TFLOPS, tf32: 494 * TFLOPS, fp16: 989 * TFLOPS, bf16: 989 * TFLOPS, fp8: 1979 * TFLOPS, int8: 1979 * TFLOPS },
    peakFlopsSparseFp16: 1979 * TFLOPS,
    tdpWatts: 700,
    overheadSeconds: 1e-5,
    source: 'NVIDIA H200 datasheet (141 GB HBM3e, 4.8 TB/s; same Hopper compute as H100)',
  }),
  device({
    id: 'b200',
    name: 'NVIDIA B200',
    tier: 'cloud',
    year: 2024,
    memoryBytes: 192 * GB,
    memoryBandwidth: 8 * TB,
    peakFlops: {
      fp32: 75 * TFLOPS,
      fp16: 2250 * TFLOPS,
      bf16: 2250 * TFLOPS,
      fp8: 4500 * TFLOPS,
      int8: 4500 * TFLOPS,
      int4: 9000 * TFLOPS,
    },
    peakFlopsSparseFp16: 4500 * TFLOPS,
    tdpWatts: 1000,
    overheadSeconds: 8e-6,
    source: 'NVIDIA Blackwell architecture / HGX B200 spec (dense figures); mlsysim Cloud.B200',
    sources: { fp32: 'NVIDIA HGX B200 spec: 600 TFLOPS FP32 per 8 GPUs = 75 per GPU', int4: 'mlsysim B200_FLOPS_INT4 (FP4 tensor, dense)' },
    note: 'mlsysim e0117ceb stores the 9,000 TOPS INT4 figure in its int8 slot; here int8 is the dense 4,500 TOPS and 9,000 sits under int4. Pre-mlsysim constants used sparse FP16 4,500 as the peak; dense 2,250 is used.',
  }),
  device({
    id: 'a100',
    name: 'NVIDIA A100 SXM 80GB',
    tier: 'cloud',
    year: 2020,
    memoryBytes: 80 * GB,
    memoryBandwidth: 2.039e12,
    peakFlops: { fp32: 19.5 * TFLOPS, tf32: 156 * TFLOPS, fp16: 312 * TFLOPS, bf16: 312 * TFLOPS, int8: 624 * TFLOPS },
    peakFlopsSparseFp16: 624 * TFLOPS,
    tdpWatts: 400,
    overheadSeconds: 1.5e-5,
    source: 'NVIDIA A100 datasheet (SXM, HBM2e 2,039 GB/s); mlsysim Cloud.A100',
    note: "mlsysim declares 80 GiB; the datasheet's 80 GB is used.",
  }),
  device({
    id: 'v100',
    name: 'NVIDIA V100 SXM2 32GB',
    tier: 'cloud',
    year: 2017,
    memoryBytes: 32 * GB,
    memoryBandwidth: 900 * GBps,
    peakFlops: { fp32: 15.7 * TFLOPS, fp16: 125 * TFLOPS, int8: 62.8 * TFLOPS },
    tdpWatts: 300,
    overheadSeconds: 2e-5,
    source: 'NVIDIA V100 datasheet (SXM2); mlsysim Cloud.V100',
    sources: { int8: 'V100 has no INT8 tensor cores; 62.8 TOPS is the DP4A rate (4 x FP32 rate), NVIDIA Volta whitepaper' },
  }),
  device({
    id: 't4',
    name: 'NVIDIA T4',
    tier: 'cloud',
    year: 2018,
    memoryBytes: 16 * GB,
    memoryBandwidth: 320 * GBps,
    peakFlops: { fp32: 8.1 * TFLOPS, fp16: 65 * TFLOPS, int8: 130 * TFLOPS, int4: 260 * TFLOPS },
    tdpWatts: 70,
    overheadSeconds: 3e-5,
    source: 'NVIDIA T4 datasheet; mlsysim Cloud.T4',
  }),
  device({
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    tier: 'cloud',
    year: 2023,
    memoryBytes: 192 * GB,
    memoryBandwidth: 5.3 * TB,
    peakFlops: { fp32: 163.4 * TFLOPS, fp16: 1307 * TFLOPS, bf16: 1307 * TFLOPS, fp8: 2614 * TFLOPS, int8: 2614 * TFLOPS },
    peakFlopsSparseFp16: 2614 * TFLOPS,
    tdpWatts: 750,
    overheadSeconds: 1.2e-5,
    source: 'AMD Instinct MI300X datasheet; mlsysim Cloud.MI300X',
    sources: { fp32: 'AMD MI300X datasheet: 163.4 TFLOPS FP32 matrix' },
  }),
  device({
    id: 'tpu-v4',
    name: 'Google TPU v4',
    tier: 'cloud',
    year: 2021,
    memoryBytes: 32 * GiB,
    memoryBandwidth: 1.2 * TB,
    peakFlops: { fp32: (275 * TFLOPS) / 3, fp16: 275 * TFLOPS, bf16: 275 * TFLOPS, int8: 275 * TFLOPS },
    tdpWatts: 192,
    overheadSeconds: 5e-5,
    source: 'Jouppi et al. (2023) TPU v4, ISCA; mlsysim Cloud.TPUv4',
    sources: {
      fp32: 'estimate: FP32 matmul emulated with 3 BF16 passes (~1/3 of the BF16 rate); TPUs publish no FP32 matrix peak',
      tdpWatts: 'Jouppi et al. (2023): 192 W maximum chip power (mlsysim has none)',
      int8: 'Jouppi et al. (2023): INT8 runs at the BF16 rate on v4',
      memoryBytes: 'Google Cloud TPU v4 system architecture page: 32 GiB of HBM2 per chip (= 34.36e9 B)',
    },
    note: 'Memory is 32 GiB = 32 x 2^30 B as Google states it, not 32 GB (1e9 B): 7.4 % more than a decimal reading.',
  }),
  device({
    id: 'tpu-v5p',
    name: 'Google TPU v5p',
    tier: 'cloud',
    year: 2023,
    memoryBytes: 95 * GB,
    memoryBandwidth: 2.76 * TB,
    peakFlops: { fp32: (459 * TFLOPS) / 3, fp16: 459 * TFLOPS, bf16: 459 * TFLOPS, int8: 918 * TFLOPS },
    tdpWatts: 300,
    overheadSeconds: 4e-5,
    source: 'Google Cloud TPU v5p documentation (2024); mlsysim constants TPUV5P_*',
    sources: { fp32: 'estimate: 3-pass BF16 emulation (~1/3 of the BF16 rate)' },
  }),
  device({
    id: 'jetson-orin-nx',
    name: 'NVIDIA Jetson Orin NX 16GB',
    tier: 'edge',
    year: 2023,
    memoryBytes: 16 * GB,
    memoryBandwidth: 102 * GBps,
    peakFlops: { fp32: 1.88 * TFLOPS, fp16: 25 * TFLOPS, int8: 50 * TOPS },
    peakFlopsSparseInt8: 100 * TOPS,
    tdpWatts: 25,
    overheadSeconds: 0.0002,
    source:
      'NVIDIA Jetson Orin NX 16GB module datasheet (100 TOPS INT8 with sparsity, 102.4 GB/s LPDDR5, 10-25 W); mlsysim Edge.JetsonOrinNX',
    sources: {
      fp16: 'later mlsysim registry (hardware/registry.py @1e0c808): 25 TFLOP/s FP16',
      fp32: 'estimate: 1,024 Ampere CUDA cores x 2 FLOP x 918 MHz = 1.88 TFLOP/s',
      int8: "dense INT8 = half of the datasheet's 100 TOPS, which NVIDIA quotes for GPU + DLA with structured sparsity (2:4 sparsity doubles the rate)",
      peakFlopsSparseInt8: 'NVIDIA Jetson Orin NX 16GB datasheet: 100 TOPS INT8 (GPU + DLA, with sparsity)',
      overheadSeconds: 'mlsysim Edge.JetsonOrinNX dispatch_tax 0.2 ms',
    },
    note: 'mlsysim e0117ceb uses the 100 TOPS INT8 figure as its generic (FP16) peak, giving a 980 FLOP/B ridge; here fp16 is 25 TFLOP/s (ridge 245 FLOP/B), int8 is the dense 50 TOPS (ridge 490 FLOP/B), and the sparse 100 TOPS is kept only as peakFlopsSparseInt8.',
  }),
  device({
    id: 'jetson-xavier-nx',
    name: 'NVIDIA Jetson Xavier NX 8GB',
    tier: 'edge',
    year: 2020,
    memoryBytes: 8 * GB,
    memoryBandwidth: 51.2 * GBps,
    peakFlops: { fp32: 0.845 * TFLOPS, fp16: 6 * TFLOPS, int8: 21 * TOPS },
    tdpWatts: 15,
    overheadSeconds: 0.0002,
    source: 'NVIDIA Jetson Xavier NX module datasheet (21 TOPS INT8, 51.2 GB/s LPDDR4x, 10/15 W modes)',
    sources: {
      fp16: 'NVIDIA Jetson Xavier NX launch material: 6 TFLOPS FP16',
      fp32: 'estimate: 384 Volta CUDA cores x 2 FLOP x 1.1 GHz = 0.845 TFLOP/s',
      overheadSeconds: 'assumed equal to Orin NX (mlsysim 0.2 ms)',
    },
    note: 'Not in mlsysim. Added because v1-lab-02 replaces the invented "prior Orin" baseline with this real module.',
  }),
  device({
    id: 'mobile-npu',
    name: 'Smartphone NPU (Apple A17 Pro class)',
    tier: 'mobile',
    year: 2023,
    memoryBytes: 8 * GB,
    memoryBandwidth: 68 * GBps,
    peakFlops: { fp32: 2.15 * TFLOPS, fp16: 17.5 * TFLOPS, int8: 35 * TOPS },
    tdpWatts: 5,
    overheadSeconds: 0.001,
    batteryJoules: 15 * 3600,
    source:
      'Seed lab spec / chapter deployment-spectrum section (8 GB, 68 GB/s, 35 TOPS INT8, 5 W sustained); Apple A17 Pro Neural Engine 35 TOPS',
    sources: {
      memoryBandwidth: 'seed lab spec and labs v1-01, v1-05, v1-10, v1-13, v1-16: 68 GB/s',
      fp16: 'v1-lab-10 brief: FP16 about 0.5 x the INT8 rate',
      fp32: 'estimate: A17 Pro GPU about 2.15 TFLOP/s FP32 (press figures); the NPU has no FP32 path',
      overheadSeconds: 'mlsysim Edge.Generic_Phone dispatch_tax 1 ms',
      batteryJoules: 'mlsysim PHONE_BATTERY_WH = 15 Wh = 54 kJ',
      tdpWatts: 'seed lab spec: 5 W sustained (mlsysim MOBILE_TDP_W = 3 W; Mobile_Phone archetype budget 5 W)',
    },
    note: "Bandwidth 68 GB/s (every lab brief) rather than mlsysim's MOBILE_NPU_MEM_BW = 100 GB/s; INT8 35 TOPS rather than mlsysim's 50 TOPS; power 5 W sustained rather than MOBILE_TDP_W 3 W.",
  }),
  device({
    id: 'cortex-m7',
    name: 'Arm Cortex-M7 MCU (STM32H7 class)',
    tier: 'tiny',
    year: 2020,
    memoryBytes: 512 * KB,
    memoryBandwidth: 0.05 * GBps,
    peakFlops: { fp32: 1e9, fp16: 1e9, int8: 1e9 },
    tdpWatts: 0.1,
    overheadSeconds: 0.002,
    source:
      'v1-lab-01 brief (0.001 TFLOPS FP32, 0.05 GB/s, 512 KB SRAM, 0.1 W, L = 2 ms); mlsysim Tiny.Generic_MCU and TinyML_M7 archetype',
    sources: {
      memoryBytes: 'lab v1-01: 512 KB SRAM (0.512 MB); mlsysim MCU_RAM_KIB declares 512 KiB = 524,288 B',
      fp16: 'no FP16 or INT8 figure in the source; assumed equal to the FP32 rate',
      int8: 'no FP16 or INT8 figure in the source; assumed equal to the FP32 rate',
      tdpWatts: 'mlsysim TinyML_M7 archetype power budget 0.1 W',
    },
    note: "Seed spec lists 256 KB SRAM and 1 MFLOPS; this registry follows lab v1-01 and mlsysim: 512 KB and 1 GFLOP/s (0.001 TFLOPS), since 1 MFLOPS is 1000x below a 400-480 MHz Cortex-M7 with an FPU. 512 KB is decimal so the lab's 0.1 GB / 0.000512 GB = 195.3x holds.",
  }),
  device({
    id: 'esp32',
    name: 'Espressif ESP32 (ESP32-CAM)',
    tier: 'tiny',
    year: 2019,
    memoryBytes: 520 * KiB,
    memoryBandwidth: 0.1 * GBps,
    peakFlops: { fp32: 0.2e9, fp16: 0.2e9, int8: 0.2e9 },
    tdpWatts: 1.2,
    overheadSeconds: 0.005,
    source: 'Espressif ESP32 datasheet (520 KiB SRAM); mlsysim Tiny.ESP32',
    sources: {
      fp32: 'mlsysim comment: ~240 MIPS, 100-200 MFLOPS; the upper figure is used for every precision',
      tdpWatts: 'mlsysim ESP32_POWER_MAX 1.2 W (pre-mlsysim constants had 0.25 W)',
    },
    note: 'Peak power 1.2 W (Wi-Fi transmitting) from mlsysim rather than the older 0.25 W.',
  }),
];

const DEVICES: ReadonlyMap<string, Device> = new Map(DEVICE_LIST.map((d) => [d.id, d]));

/** Ids of every registered device, in registry order (cloud, edge, mobile, tiny). */
export const DEVICE_IDS: readonly string[] = Object.freeze(DEVICE_LIST.map((d) => d.id));

function unknownId(kind: string, id: unknown, known: readonly string[]): PhysicsError {
  return new PhysicsError(kind, id, `a known ${kind}: ${known.join(', ')}`);
}

/**
 * The registered device with this id.
 * @throws PhysicsError listing the known ids when `id` is unknown.
 */
export function getDevice(id: string): Device {
  const d = typeof id === 'string' ? DEVICES.get(id) : undefined;
  if (!d) throw unknownId('device id', id, DEVICE_IDS);
  return d;
}

/** Every registered device, optionally only one tier. */
export function listDevices(tier?: Tier): Device[] {
  if (tier !== undefined && !TIERS.includes(tier)) throw new PhysicsError('tier', tier, `one of ${TIERS.join(', ')}`);
  return DEVICE_LIST.filter((d) => tier === undefined || d.tier === tier);
}

/**
 * Accepts a device object or a registered id and returns a device object. A caller-built object
 * (e.g. a hypothetical device at half the bandwidth) must have a positive bandwidth and a
 * positive peak for at least fp16 or fp32.
 * @throws PhysicsError naming `name` when the value is neither.
 */
export function resolveDevice(device: Device | string, name = 'device'): Device {
  if (typeof device === 'string') {
    const d = DEVICES.get(device);
    if (!d) throw unknownId(name, device, DEVICE_IDS);
    return d;
  }
  if (device === null || typeof device !== 'object' || typeof device.peakFlops !== 'object' || device.peakFlops === null) {
    throw new PhysicsError(name, device, `a device object or one of ${DEVICE_IDS.join(', ')}`);
  }
  const bw = device.memoryBandwidth;
  if (typeof bw !== 'number' || !Number.isFinite(bw) || bw <= 0) {
    throw new PhysicsError(`${name}.memoryBandwidth`, bw, 'a finite number greater than 0 (B/s)');
  }
  return device;
}

/**
 * Dense peak rate of a device at a precision, FLOP/s. Fallbacks when a device publishes no
 * figure for the format: tf32 -> fp32, bf16 -> fp16, fp8 -> fp16 (no FP8 units: operands are
 * up-converted and run at the 16-bit rate), int4 -> int8.
 * @throws PhysicsError when the precision is unknown or the rate is not a positive number.
 */
export function peakFlopsFor(device: Device | string, precision: Precision = 'fp16'): number {
  const d = resolveDevice(device);
  const p = checkPrecision('precision', precision);
  const pf = d.peakFlops;
  const rate =
    p === 'tf32'
      ? (pf.tf32 ?? pf.fp32)
      : p === 'bf16'
        ? (pf.bf16 ?? pf.fp16)
        : p === 'fp8'
          ? (pf.fp8 ?? pf.fp16)
          : p === 'int4'
            ? (pf.int4 ?? pf.int8)
            : pf[p];
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    throw new PhysicsError(`${d.id}.peakFlops.${p}`, rate, 'a finite peak rate greater than 0 FLOP/s');
  }
  return rate;
}

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

export type ModelKind = 'transformer' | 'cnn' | 'recommendation';

/**
 * How `flopsPerInference` counts a multiply-add:
 * - 'mac': one multiply-accumulate = 1 operation (the "GFLOPs" of most CNN papers, e.g. He et al.);
 * - 'flop': multiply and add counted separately (2 per MAC), the convention of `gemm()` (2mnk).
 */
export type FlopConvention = 'mac' | 'flop';

export interface Model {
  readonly id: string;
  readonly name: string;
  readonly kind: ModelKind;
  readonly year: number;
  /** Parameter count. */
  readonly params: number;
  /** Transformer blocks, or weight layers for CNNs. */
  readonly layers?: number;
  /** Hidden size d_model. */
  readonly dModel?: number;
  /** Query heads. */
  readonly heads?: number;
  /** Key/value heads (grouped-query attention when < heads). */
  readonly kvHeads?: number;
  /** Per-head dimension. */
  readonly headDim?: number;
  /** Feed-forward inner size. */
  readonly ffnDim?: number;
  /** Vocabulary size. */
  readonly vocab?: number;
  /** Operations for one forward pass (one image, or one sequence of `seqLen` tokens). */
  readonly flopsPerInference?: number;
  /** Counting convention of `flopsPerInference`. */
  readonly flopConvention?: FlopConvention;
  /** Input sequence length `flopsPerInference` assumes (transformers). */
  readonly seqLen?: number;
  /** Input image side, px (CNNs). */
  readonly inputResolution?: number;
  /** Stored size when it is not params x bytes per element (e.g. DLRM's FP32 embedding tables), B. */
  readonly weightBytes?: number;
  readonly source: string;
  readonly note?: string;
}

const MODEL_LIST: readonly Model[] = [
  {
    id: 'llama3-8b',
    name: 'Llama 3 8B',
    kind: 'transformer',
    year: 2024,
    params: 8.03e9,
    layers: 32,
    dModel: 4096,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    ffnDim: 14336,
    vocab: 128256,
    source: 'Meta Llama 3 model card (github.com/meta-llama/llama-models); mlsysim constants LLAMA3_8B_*',
  },
  {
    id: 'llama3-70b',
    name: 'Llama 3 70B',
    kind: 'transformer',
    year: 2024,
    params: 70.6e9,
    layers: 80,
    dModel: 8192,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    ffnDim: 28672,
    vocab: 128256,
    source: 'Meta Llama 3 model card; mlsysim Models.Language.Llama3_70B',
  },
  {
    id: 'llama3-405b',
    name: 'Llama 3.1 405B',
    kind: 'transformer',
    year: 2024,
    params: 405e9,
    layers: 126,
    dModel: 16384,
    heads: 128,
    kvHeads: 8,
    headDim: 128,
    ffnDim: 53248,
    vocab: 128256,
    source: 'Meta Llama 3.1 model card; mlsysim Models.Language.Llama3_405B',
  },
  {
    id: 'llama2-7b',
    name: 'Llama 2 7B',
    kind: 'transformer',
    year: 2023,
    params: 6.74e9,
    layers: 32,
    dModel: 4096,
    heads: 32,
    kvHeads: 32,
    headDim: 128,
    ffnDim: 11008,
    vocab: 32000,
    source: 'Touvron et al. (2023) Llama 2, Table 1 / model card (multi-head attention, no GQA at 7B)',
  },
  {
    id: 'llama2-70b',
    name: 'Llama 2 70B',
    kind: 'transformer',
    year: 2023,
    params: 70e9,
    layers: 80,
    dModel: 8192,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    ffnDim: 28672,
    vocab: 32000,
    source: 'Touvron et al. (2023) Llama 2 (GQA with 8 KV heads at 70B); mlsysim Models.Language.Llama2_70B',
    note: 'mlsysim e0117ceb and the 1e0c808 registry omit kv_heads, so their KV cache uses 64 heads (8x too big); 8 KV heads per the paper and later mlsysim constants.',
  },
  {
    id: 'gpt3',
    name: 'GPT-3 175B',
    kind: 'transformer',
    year: 2020,
    params: 175e9,
    layers: 96,
    dModel: 12288,
    heads: 96,
    kvHeads: 96,
    headDim: 128,
    ffnDim: 49152,
    vocab: 50257,
    source: 'Brown et al. (2020), Table 2.1; mlsysim Models.GPT3',
  },
  {
    id: 'gpt2',
    name: 'GPT-2 XL 1.5B',
    kind: 'transformer',
    year: 2019,
    params: 1.5e9,
    layers: 48,
    dModel: 1600,
    heads: 25,
    kvHeads: 25,
    headDim: 64,
    ffnDim: 6400,
    vocab: 50257,
    source: 'Radford et al. (2019), Table 2 (largest model); mlsysim Models.GPT2',
  },
  {
    id: 'bert-base',
    name: 'BERT-Base',
    kind: 'transformer',
    year: 2018,
    params: 110e6,
    layers: 12,
    dModel: 768,
    heads: 12,
    kvHeads: 12,
    headDim: 64,
    ffnDim: 3072,
    vocab: 30522,
    flopsPerInference: 22e9,
    flopConvention: 'flop',
    seqLen: 128,
    source: 'Devlin et al. (2018); FLOPs: mlsysim constants BERT_BASE_FLOPs',
    note: 'mlsysim labels 22 GFLOP "seq_len = 512" in one place and "length 128" in another. 2 x ~85M non-embedding params x 128 tokens = 21.8 GFLOP matches 128, so seqLen is 128.',
  },
  {
    id: 'bert-large',
    name: 'BERT-Large',
    kind: 'transformer',
    year: 2018,
    params: 340e6,
    layers: 24,
    dModel: 1024,
    heads: 16,
    kvHeads: 16,
    headDim: 64,
    ffnDim: 4096,
    vocab: 30522,
    flopsPerInference: 72e9,
    flopConvention: 'flop',
    seqLen: 128,
    source: 'Devlin et al. (2018); FLOPs: mlsysim later registry (72 GFLOP)',
    note: 'Sequence length not stated in the source; 2 x ~302M non-embedding params x 128 tokens = 77 GFLOP is the nearest fit, so 128 is assumed.',
  },
  {
    id: 'resnet50',
    name: 'ResNet-50',
    kind: 'cnn',
    year: 2016,
    params: 25.6e6,
    layers: 50,
    flopsPerInference: 4.1e9,
    flopConvention: 'mac',
    inputResolution: 224,
    source: 'He et al. (2016), Table 1 ("3.8 x 10^9 FLOPs"); torchvision 4.1 GMACs; mlsysim Models.ResNet50',
    note: 'The "4 GFLOPs" of the paper, the chapter and mlsysim e0117ceb (4.1e9) counts a multiply-add once (MACs). Counting multiply and add separately, as gemm() does, gives 8.2e9 FLOP (mlsysim newest). Labs quote 4 GFLOPs, so flopsPerInference = 4.1e9 with flopConvention "mac"; use flopsOf(model, "flop") for 8.2e9.',
  },
  {
    id: 'mobilenet-v2',
    name: 'MobileNetV2 (1.0, 224)',
    kind: 'cnn',
    year: 2018,
    params: 3.5e6,
    layers: 54,
    flopsPerInference: 0.3e9,
    flopConvention: 'mac',
    inputResolution: 224,
    source: 'Sandler et al. (2018), Table 4 (300M multiply-adds, 3.4M params); mlsysim Models.MobileNetV2',
    note: 'Like ResNet-50, 0.3e9 counts multiply-adds once; 0.6e9 FLOP when counted twice (mlsysim newest).',
  },
  {
    id: 'mobilenet-v1',
    name: 'MobileNetV1 (1.0, 224)',
    kind: 'cnn',
    year: 2017,
    params: 4.2e6,
    layers: 28,
    flopsPerInference: 569e6,
    flopConvention: 'mac',
    inputResolution: 224,
    source: 'Howard et al. (2017), Table 8 (569M mult-adds, 4.2M params); mlsysim Models.Vision.MobileNetV1',
  },
  {
    id: 'yolov8n',
    name: 'YOLOv8-nano (640)',
    kind: 'cnn',
    year: 2023,
    params: 3.2e6,
    layers: 225,
    flopsPerInference: 8.7e9,
    flopConvention: 'flop',
    inputResolution: 640,
    source: 'Ultralytics YOLOv8 documentation (8.7 GFLOPs at 640 px)',
    note: 'mlsysim e0117ceb stores 8.7 GFLOP under training_ops, so its engine falls back to 2P = 6.4 MFLOP; here it is the per-inference figure.',
  },
  {
    id: 'ds-cnn',
    name: 'DS-CNN keyword spotting',
    kind: 'cnn',
    year: 2017,
    params: 200e3,
    flopsPerInference: 20e6,
    flopConvention: 'mac',
    inputResolution: 49,
    source: 'Zhang et al. (2017) "Hello Edge", DS-CNN (M): 189.7K params, 19.8M ops; mlsysim Models.Tiny.DS_CNN (200K, 20M)',
    note: 'Rounded mlsysim figures. inputResolution is the 49 MFCC frames of a 1 s clip (49 x 10 features).',
  },
  {
    id: 'dlrm',
    name: 'DLRM (recommendation)',
    kind: 'recommendation',
    year: 2019,
    params: 25e9,
    weightBytes: 100e9,
    source: 'Naumov et al. (2019); mlsysim Models.DLRM (25e9 embedding entries x FP32 = 100 GB)',
  },
];

const MODELS: ReadonlyMap<string, Model> = new Map(MODEL_LIST.map((m) => [m.id, Object.freeze(m)]));

/** Ids of every registered model. */
export const MODEL_IDS: readonly string[] = Object.freeze(MODEL_LIST.map((m) => m.id));

/**
 * The registered model with this id.
 * @throws PhysicsError listing the known ids when `id` is unknown.
 */
export function getModel(id: string): Model {
  const m = typeof id === 'string' ? MODELS.get(id) : undefined;
  if (!m) throw unknownId('model id', id, MODEL_IDS);
  return m;
}

/** Every registered model, optionally only one kind. */
export function listModels(kind?: ModelKind): Model[] {
  return MODEL_LIST.filter((m) => kind === undefined || m.kind === kind).map((m) => MODELS.get(m.id)!);
}

/** Accepts a model object or a registered id. */
export function resolveModel(model: Model | string, name = 'model'): Model {
  if (typeof model === 'string') {
    const m = MODELS.get(model);
    if (!m) throw unknownId(name, model, MODEL_IDS);
    return m;
  }
  if (model === null || typeof model !== 'object' || typeof model.params !== 'number' || !(model.params > 0)) {
    throw new PhysicsError(name, model, `a model object with params > 0 or one of ${MODEL_IDS.join(', ')}`);
  }
  return model;
}

/**
 * Operations for one forward pass in the requested convention ('flop' doubles a 'mac' count).
 * @throws PhysicsError when the model has no `flopsPerInference`.
 */
export function flopsOf(model: Model | string, convention: FlopConvention = 'flop'): number {
  const m = resolveModel(model);
  if (convention !== 'flop' && convention !== 'mac') throw new PhysicsError('convention', convention, 'one of "flop", "mac"');
  if (m.flopsPerInference === undefined) {
    throw new PhysicsError(`${m.id}.flopsPerInference`, undefined, 'a model with a per-inference operation count (CNNs, BERT)');
  }
  const stored = m.flopConvention ?? 'flop';
  if (stored === convention) return m.flopsPerInference;
  return convention === 'flop' ? m.flopsPerInference * 2 : m.flopsPerInference / 2;
}

// ---------------------------------------------------------------------------------------------
// Deployment contexts
// ---------------------------------------------------------------------------------------------

export interface DeploymentContext {
  readonly id: Tier;
  readonly label: string;
  /** Default device id for the context. */
  readonly device: string;
  /** Sustained power budget, W. */
  readonly powerBudgetWatts: number;
  /** Typical end-to-end latency budget, s. */
  readonly latencyBudgetSeconds: number;
  readonly source: string;
}

const TIER_SOURCE = 'mlsysim core/systems.py archetypes (power) and core/deployment.py tiers (latency budget)';

/** The four deployment contexts the labs switch between, each with its default device. */
export const DEPLOYMENT_CONTEXTS: Readonly<Record<Tier, DeploymentContext>> = Object.freeze({
  cloud: Object.freeze({
    id: 'cloud',
    label: 'Cloud',
    device: 'h100',
    powerBudgetWatts: 700,
    latencyBudgetSeconds: 200 * ms,
    source: TIER_SOURCE,
  }),
  edge: Object.freeze({
    id: 'edge',
    label: 'Edge',
    device: 'jetson-orin-nx',
    powerBudgetWatts: 25,
    latencyBudgetSeconds: 50 * ms,
    source: TIER_SOURCE,
  }),
  mobile: Object.freeze({
    id: 'mobile',
    label: 'Mobile',
    device: 'mobile-npu',
    powerBudgetWatts: 5,
    latencyBudgetSeconds: 30 * ms,
    source: TIER_SOURCE,
  }),
  tiny: Object.freeze({
    id: 'tiny',
    label: 'TinyML',
    device: 'cortex-m7',
    powerBudgetWatts: 0.1,
    latencyBudgetSeconds: 100 * ms,
    source: `${TIER_SOURCE}; mlsysim TinyML_M7 archetype (Systems.Tiny points to the ESP32, the labs use the Cortex-M7)`,
  }),
});

/**
 * The deployment context with this id.
 * @throws PhysicsError listing the known ids.
 */
export function getContext(id: string): DeploymentContext {
  const c = typeof id === 'string' && (TIERS as readonly string[]).includes(id) ? DEPLOYMENT_CONTEXTS[id as Tier] : undefined;
  if (!c) throw unknownId('context id', id, TIERS);
  return c;
}

/** The device a context runs on. */
export function contextDevice(id: string): Device {
  return getDevice(getContext(id).device);
}

/**
 * A registered device id (`h100`, `jetson-orin-nx`, …) or a deployment-context id (`cloud`,
 * `edge`, `mobile`, `tiny`: the context's reference device), resolved to the device. The one
 * resolver behind every "device or context" attribute, so each says the same thing when the
 * id is unknown. Ids are matched exactly (no trimming, no case folding).
 * @param name - The argument name the error reports (the attribute, for elements).
 * @throws PhysicsError naming `name`, the value and every accepted device and context id.
 */
export function resolveDeviceOrContext(id: string, name = 'device'): Device {
  if (typeof id === 'string') {
    const device = DEVICES.get(id);
    if (device) return device;
    if ((TIERS as readonly string[]).includes(id)) return getDevice(DEPLOYMENT_CONTEXTS[id as Tier].device);
  }
  throw new PhysicsError(name, id, `a device id (${DEVICE_IDS.join(', ')}) or a deployment context (${TIERS.join(', ')})`);
}

// ---------------------------------------------------------------------------------------------
// Physical and link constants
// ---------------------------------------------------------------------------------------------

/** Speed of light in vacuum. */
export const SPEED_OF_LIGHT: Sourced = sourced(299_792_458, 'm/s', 'SI definition of the metre (BIPM, 1983)');

/**
 * Signal speed in optical fiber, 2e8 m/s (velocity factor ~0.67 = 1/n with group index n ~ 1.47
 * for silica).
 */
export const FIBER_LIGHT_SPEED: Sourced = sourced(
  2e8,
  'm/s',
  'mlsysim SPEED_OF_LIGHT_FIBER_KM_S = 200,000 km/s; ITU-T G.652 fiber group index ~1.47 gives c/1.47 = 2.04e8 m/s',
  'The reference calls 0.67 a "refractive index factor"; it is the velocity factor 1/n.',
);

/** Fraction of c at which light travels in fiber. */
export const FIBER_VELOCITY_FACTOR: Sourced = sourced(2e8 / 299_792_458, '1', 'FIBER_LIGHT_SPEED / SPEED_OF_LIGHT = 0.667');
