/**
 * Device, model and deployment-context registries (SI units), built from the reference
 * simulator's registries (mlsysim @ e0117ceb, summarised in shared/physics/facts.json) and the
 * vendors' spec sheets. Where the reference disagrees with itself or with a spec sheet the value
 * is resolved here, once, and the entry's `note` says which figure was chosen and why.
 *
 * Conventions:
 * - Peak FLOP/s are DENSE tensor-core rates. 2:4-sparse figures appear only in the separately
 *   labelled `peakFlopsSparseFp16`.
 * - `peakFlops.fp16` is the 16-bit matrix rate (BF16 on TPUs, where FP16 and BF16 run alike).
 * - Integer rates (TOPS) are stored in `peakFlops.int8` and counted like FLOP/s.
 * - Memory capacities follow the spec sheet's "GB" (decimal, 1e9 B) because the labs quote and
 *   compare those numbers; mlsysim declares several HBM sizes in GiB (noted per device).
 */
import { PhysicsError, describe } from './errors.js';
import { sourced, type Sourced } from './sourced.js';
import { GB, GBps, KB, KiB, TB, TFLOPS, TOPS, ms, us, type Precision, checkPrecision } from './units.js';

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
  | 'memoryBytes' | 'memoryBandwidth' | 'peakFlops' | 'fp32' | 'fp16' | 'int8' | 'tf32' | 'bf16' | 'fp8' | 'int4'
  | 'peakFlopsSparseFp16' | 'tdpWatts' | 'overheadSeconds' | 'batteryJoules';

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

const MLSYSIM = 'mlsysim core/hardware.py + core/constants.py (e0117ceb era)';

function device(d: Omit<Device, 'sources'> & { sources?: Partial<Record<DeviceField, string>> }): Device {
  const out: Device = { ...d, peakFlops: Object.freeze({ ...d.peakFlops }), sources: Object.freeze({ ...(d.sources ?? {}) }) };
  return Object.freeze(out);
}

const DEVICE_LIST: readonly Device[] = [
  device({
    id: 'h100', name: 'NVIDIA H100 SXM5', tier: 'cloud', year: 2022,
    memoryBytes: 80 * GB, memoryBandwidth: 3.35 * TB,
    peakFlops: { fp32: 67 * TFLOPS, tf32: 494 * TFLOPS, fp16: 989 * TFLOPS, bf16: 989 * TFLOPS, fp8: 1979 * TFLOPS, int8: 1979 * TFLOPS },
    peakFlopsSparseFp16: 1979 * TFLOPS,
    tdpWatts: 700, overheadSeconds: 10 * us,
    source: 'NVIDIA H100 Tensor Core GPU datasheet (SXM5); mlsysim Cloud.H100',
    sources: {
      fp32: 'NVIDIA H100 datasheet: 67 TFLOPS FP32 (CUDA cores)',
      fp16: 'NVIDIA H100 datasheet: 989 TFLOPS FP16 tensor, dense (1,979 with 2:4 sparsity)',
      overheadSeconds: 'mlsysim Cloud.H100 dispatch_tax 0.01 ms',
      memoryBytes: 'NVIDIA H100 datasheet: 80 GB HBM3',
    },
    note: 'FP16 peak is the dense 989 TFLOP/s. The seed lab spec\'s 1,979 is the 2:4-sparse FP16 (= dense FP8) figure, kept only as peakFlopsSparseFp16. Memory is HBM3 (not HBM3e), 80 GB as the datasheet and labs quote; mlsysim declares 80 GiB = 85.9e9 B.',
  }),
  device({
    id: 'h200', name: 'NVIDIA H200 SXM', tier: 'cloud', year: 2023,
    memoryBytes: 141 * GB, memoryBandwidth: 4.8 * TB,
    peakFlops: { fp32: 67 * TFLOPS, tf32: 494 * TFLOPS, fp16: 989 * TFLOPS, bf16: 989 * TFLOPS, fp8: 1979 * TFLOPS, int8: 1979 * TFLOPS },
    peakFlopsSparseFp16: 1979 * TFLOPS,
    tdpWatts: 700, overheadSeconds: 10 * us,
    source: 'NVIDIA H200 datasheet (141 GB HBM3e, 4.8 TB/s; same Hopper compute as H100)',
  }),
  device({
    id: 'b200', name: 'NVIDIA B200', tier: 'cloud', year: 2024,
    memoryBytes: 192 * GB, memoryBandwidth: 8 * TB,
    peakFlops: { fp32: 75 * TFLOPS, fp16: 2250 * TFLOPS, bf16: 2250 * TFLOPS, fp8: 4500 * TFLOPS, int8: 4500 * TFLOPS, int4: 9000 * TFLOPS },
    peakFlopsSparseFp16: 4500 * TFLOPS,
    tdpWatts: 1000, overheadSeconds: 8 * us,
    source: 'NVIDIA Blackwell architecture / HGX B200 spec (dense figures); mlsysim Cloud.B200',
    sources: { fp32: 'NVIDIA HGX B200 spec: 600 TFLOPS FP32 per 8 GPUs = 75 per GPU', int4: 'mlsysim B200_FLOPS_INT4 (FP4 tensor, dense)' },
    note: 'mlsysim e0117ceb stores the 9,000 TOPS INT4 figure in its int8 slot; here int8 is the dense 4,500 TOPS and 9,000 sits under int4. Pre-mlsysim constants used sparse FP16 4,500 as the peak; dense 2,250 is used.',
  }),
  device({
    id: 'a100', name: 'NVIDIA A100 SXM 80GB', tier: 'cloud', year: 2020,
    memoryBytes: 80 * GB, memoryBandwidth: 2.039 * TB,
    peakFlops: { fp32: 19.5 * TFLOPS, tf32: 156 * TFLOPS, fp16: 312 * TFLOPS, bf16: 312 * TFLOPS, int8: 624 * TFLOPS },
    peakFlopsSparseFp16: 624 * TFLOPS,
    tdpWatts: 400, overheadSeconds: 15 * us,
    source: 'NVIDIA A100 datasheet (SXM, HBM2e 2,039 GB/s); mlsysim Cloud.A100',
    note: 'mlsysim declares 80 GiB; the datasheet\'s 80 GB is used.',
  }),
  device({
    id: 'v100', name: 'NVIDIA V100 SXM2 32GB', tier: 'cloud', year: 2017,
    memoryBytes: 32 * GB, memoryBandwidth: 900 * GBps,
    peakFlops: { fp32: 15.7 * TFLOPS, fp16: 125 * TFLOPS, int8: 62.8 * TFLOPS },
    tdpWatts: 300, overheadSeconds: 20 * us,
    source: 'NVIDIA V100 datasheet (SXM2); mlsysim Cloud.V100',
    sources: { int8: 'V100 has no INT8 tensor cores; 62.8 TOPS is the DP4A rate (4 x FP32 rate), NVIDIA Volta whitepaper' },
  }),
  device({
    id: 't4', name: 'NVIDIA T4', tier: 'cloud', year: 2018,
    memoryBytes: 16 * GB, memoryBandwidth: 320 * GBps,
    peakFlops: { fp32: 8.1 * TFLOPS, fp16: 65 * TFLOPS, int8: 130 * TFLOPS, int4: 260 * TFLOPS },
    tdpWatts: 70, overheadSeconds: 30 * us,
    source: 'NVIDIA T4 datasheet; mlsysim Cloud.T4',
  }),
  device({
    id: 'mi300x', name: 'AMD Instinct MI300X', tier: 'cloud', year: 2023,
    memoryBytes: 192 * GB, memoryBandwidth: 5.3 * TB,
    peakFlops: { fp32: 163.4 * TFLOPS, fp16: 1307 * TFLOPS, bf16: 1307 * TFLOPS, fp8: 2614 * TFLOPS, int8: 2614 * TFLOPS },
    peakFlopsSparseFp16: 2614 * TFLOPS,
    tdpWatts: 750, overheadSeconds: 12 * us,
    source: 'AMD Instinct MI300X datasheet; mlsysim Cloud.MI300X',
    sources: { fp32: 'AMD MI300X datasheet: 163.4 TFLOPS FP32 matrix' },
  }),
  device({
    id: 'tpu-v4', name: 'Google TPU v4', tier: 'cloud', year: 2021,
    memoryBytes: 32 * GB, memoryBandwidth: 1.2 * TB,
    peakFlops: { fp32: 275 * TFLOPS / 3, fp16: 275 * TFLOPS, bf16: 275 * TFLOPS, int8: 275 * TFLOPS },
    tdpWatts: 192, overheadSeconds: 50 * us,
    source: 'Jouppi et al. (2023) TPU v4, ISCA; mlsysim Cloud.TPUv4',
    sources: {
      fp32: 'estimate: FP32 matmul emulated with 3 BF16 passes (~1/3 of the BF16 rate); TPUs publish no FP32 matrix peak',
      tdpWatts: 'Jouppi et al. (2023): 192 W maximum chip power (mlsysim has none)',
      int8: 'Jouppi et al. (2023): INT8 runs at the BF16 rate on v4',
    },
  }),
  device({
    id: 'tpu-v5p', name: 'Google TPU v5p', tier: 'cloud', year: 2023,
    memoryBytes: 95 * GB, memoryBandwidth: 2.76 * TB,
    peakFlops: { fp32: 459 * TFLOPS / 3, fp16: 459 * TFLOPS, bf16: 459 * TFLOPS, int8: 918 * TFLOPS },
    tdpWatts: 300, overheadSeconds: 40 * us,
    source: 'Google Cloud TPU v5p documentation (2024); mlsysim constants TPUV5P_*',
    sources: { fp32: 'estimate: 3-pass BF16 emulation (~1/3 of the BF16 rate)' },
  }),
  device({
    id: 'jetson-orin-nx', name: 'NVIDIA Jetson Orin NX 16GB', tier: 'edge', year: 2023,
    memoryBytes: 16 * GB, memoryBandwidth: 102 * GBps,
    peakFlops: { fp32: 1.88 * TFLOPS, fp16: 25 * TFLOPS, int8: 100 * TFLOPS },
    tdpWatts: 25, overheadSeconds: 0.2 * ms,
    source: 'NVIDIA Jetson Orin NX 16GB module datasheet (100 TOPS INT8, 102.4 GB/s LPDDR5, 10-25 W); mlsysim Edge.JetsonOrinNX',
    sources: {
      fp16: 'later mlsysim registry (hardware/registry.py @1e0c808): 25 TFLOP/s FP16',
      fp32: 'estimate: 1,024 Ampere CUDA cores x 2 FLOP x 918 MHz = 1.88 TFLOP/s',
      int8: 'NVIDIA marketing figure (GPU + DLA, with sparsity)',
      overheadSeconds: 'mlsysim Edge.JetsonOrinNX dispatch_tax 0.2 ms',
    },
    note: 'mlsysim e0117ceb uses the 100 TOPS INT8 figure as its generic (FP16) peak, giving a 980 FLOP/B ridge; here fp16 is 25 TFLOP/s (ridge 245 FLOP/B) and 100 TOPS is int8 only.',
  }),
  device({
    id: 'jetson-xavier-nx', name: 'NVIDIA Jetson Xavier NX 8GB', tier: 'edge', year: 2020,
    memoryBytes: 8 * GB, memoryBandwidth: 51.2 * GBps,
    peakFlops: { fp32: 0.845 * TFLOPS, fp16: 6 * TFLOPS, int8: 21 * TOPS },
    tdpWatts: 15, overheadSeconds: 0.2 * ms,
    source: 'NVIDIA Jetson Xavier NX module datasheet (21 TOPS INT8, 51.2 GB/s LPDDR4x, 10/15 W modes)',
    sources: {
      fp16: 'NVIDIA Jetson Xavier NX launch material: 6 TFLOPS FP16',
      fp32: 'estimate: 384 Volta CUDA cores x 2 FLOP x 1.1 GHz = 0.845 TFLOP/s',
      overheadSeconds: 'assumed equal to Orin NX (mlsysim 0.2 ms)',
    },
    note: 'Not in mlsysim. Added because v1-lab-02 replaces the invented "prior Orin" baseline with this real module.',
  }),
  device({
    id: 'mobile-npu', name: 'Smartphone NPU (Apple A17 Pro class)', tier: 'mobile', year: 2023,
    memoryBytes: 8 * GB, memoryBandwidth: 68 * GBps,
    peakFlops: { fp32: 2.15 * TFLOPS, fp16: 17.5 * TFLOPS, int8: 35 * TOPS },
    tdpWatts: 5, overheadSeconds: 1 * ms, batteryJoules: 15 * 3600,
    source: 'Seed lab spec / chapter deployment-spectrum section (8 GB, 68 GB/s, 35 TOPS INT8, 5 W sustained); Apple A17 Pro Neural Engine 35 TOPS',
    sources: {
      memoryBandwidth: 'seed lab spec and labs v1-01, v1-05, v1-10, v1-13, v1-16: 68 GB/s',
      fp16: 'v1-lab-10 brief: FP16 about 0.5 x the INT8 rate',
      fp32: 'estimate: A17 Pro GPU about 2.15 TFLOP/s FP32 (press figures); the NPU has no FP32 path',
      overheadSeconds: 'mlsysim Edge.Generic_Phone dispatch_tax 1 ms',
      batteryJoules: 'mlsysim PHONE_BATTERY_WH = 15 Wh = 54 kJ',
      tdpWatts: 'seed lab spec: 5 W sustained (mlsysim MOBILE_TDP_W = 3 W; Mobile_Phone archetype budget 5 W)',
    },
    note: 'Bandwidth 68 GB/s (every lab brief) rather than mlsysim\'s MOBILE_NPU_MEM_BW = 100 GB/s; INT8 35 TOPS rather than mlsysim\'s 50 TOPS; power 5 W sustained rather than MOBILE_TDP_W 3 W.',
  }),
  device({
    id: 'cortex-m7', name: 'Arm Cortex-M7 MCU (STM32H7 class)', tier: 'tiny', year: 2020,
    memoryBytes: 512 * KB, memoryBandwidth: 0.05 * GBps,
    peakFlops: { fp32: 1e9, fp16: 1e9, int8: 1e9 },
    tdpWatts: 0.1, overheadSeconds: 2 * ms,
    source: 'v1-lab-01 brief (0.001 TFLOPS FP32, 0.05 GB/s, 512 KB SRAM, 0.1 W, L = 2 ms); mlsysim Tiny.Generic_MCU and TinyML_M7 archetype',
    sources: {
      memoryBytes: 'lab v1-01: 512 KB SRAM (0.512 MB); mlsysim MCU_RAM_KIB declares 512 KiB = 524,288 B',
      fp16: 'no FP16 or INT8 figure in the source; assumed equal to the FP32 rate',
      int8: 'no FP16 or INT8 figure in the source; assumed equal to the FP32 rate',
      tdpWatts: 'mlsysim TinyML_M7 archetype power budget 0.1 W',
    },
    note: 'Seed spec lists 256 KB SRAM and 1 MFLOPS; this registry follows lab v1-01 and mlsysim: 512 KB and 1 GFLOP/s (0.001 TFLOPS), since 1 MFLOPS is 1000x below a 400-480 MHz Cortex-M7 with an FPU. 512 KB is decimal so the lab\'s 0.1 GB / 0.000512 GB = 195.3x holds.',
  }),
  device({
    id: 'esp32', name: 'Espressif ESP32 (ESP32-CAM)', tier: 'tiny', year: 2019,
    memoryBytes: 520 * KiB, memoryBandwidth: 0.1 * GBps,
    peakFlops: { fp32: 0.2e9, fp16: 0.2e9, int8: 0.2e9 },
    tdpWatts: 1.2, overheadSeconds: 5 * ms,
    source: 'Espressif ESP32 datasheet (520 KiB SRAM); mlsysim Tiny.ESP32',
    sources: {
      fp32: 'mlsysim comment: ~240 MIPS, 100-200 MFLOPS; the upper figure is used for every precision',
      tdpWatts: 'mlsysim ESP32_POWER_MAX 1.2 W (pre-mlsysim constants had 0.25 W)',
    },
    note: 'Peak power 1.2 W (Wi-Fi transmitting) from mlsysim rather than the older 0.25 W.',
  }),
];

