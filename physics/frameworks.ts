/**
 * ML framework execution costs (v1-07 "The Kernel Fusion Dividend"): kernels left after graph
 * compilation, the memory time of a kernel from its arithmetic intensity, and the return on a
 * one-time compilation over a deployment. The dispatch tax, fusion and the break-even count
 * itself are in ironlaw.ts ({@link dispatchOverhead}, {@link kernelFusion}, {@link breakEven}).
 * SI units: seconds, FLOP, FLOP/s, B/s; rates in items/s.
 */
import { fraction, integerAtLeast, nonNegative, positive } from './errors.js';
import { breakEven } from './ironlaw.js';

/**
 * Kernels launched after a compiler fuses a fraction f of them away: ⌊n(1 − f)⌋ (eager: n).
 * v1-07: KWS 1,000 × (1 − 0.50) = 500; ResNet-50 200 × 0.65 = 130; GPT-2 layer 20 × 0.85 = 17.
 */
export function compiledKernelCount({ kernels, fusionReduction }: { kernels: number; fusionReduction: number }): number {
  const n = integerAtLeast('kernels', kernels, 0);
  const f = fraction('fusionReduction', fusionReduction);
  return Math.floor(n * (1 - f) + 1e-9);
}

/**
 * Memory time of a kernel from its arithmetic intensity: the kernel does F = R·η·t_c FLOP in its
 * compute time t_c, moves D = F / I bytes, which take t_m = D / BW.
 * Correction (v1-07): the reference's t_m = t_c / AI divided microseconds by FLOP/B, which is not
 * a time (it produced 50 ms of "memory" for KWS). When t_m > t_c the kernel is memory-bound and
 * t_c was not its real duration.
 * 5 µs at 312 TFLOP/s × 0.5 with I = 80 FLOP/B over 2 TB/s: F = 780 MFLOP, D = 9.75 MB, t_m = 4.875 µs.
 */
export function kernelMemorySeconds({
  computeSeconds,
  peakFlops,
  efficiency = 1,
  intensity,
  bandwidth,
}: {
  computeSeconds: number;
  peakFlops: number;
  efficiency?: number;
  intensity: number;
  bandwidth: number;
}): { flops: number; bytes: number; memorySeconds: number; memoryBound: boolean } {
  const tc = nonNegative('computeSeconds', computeSeconds);
  const flops = positive('peakFlops', peakFlops) * fraction('efficiency', efficiency) * tc;
  const bytes = flops / positive('intensity', intensity);
  const memorySeconds = bytes / positive('bandwidth', bandwidth);
  return { flops, bytes, memorySeconds, memoryBound: memorySeconds > tc };
}

/**
 * Return on a one-time compilation over a deployment of duration T at a demand of V items/s:
 * Δt = 1/R_e − 1/R_c per item; N* = t_compile/Δt ({@link breakEven}); items I = V·T;
 * net time saved I·Δt − t_compile (negative while the compile has not paid back);
 * `netSavedAt(t)` = V·t·Δt − t_compile for the cumulative chart; break-even after N* / V seconds;
 * `paysBack` ⇔ I ≥ N*.
 * v1-07: 30 s, 1,450 → 1,450 × 1.48 = 2,146 img/s, 10 M/day for 30 days: Δt = 0.22367 ms,
 * N* = 134,125, net 67,072 s. Edge 100/day for 1 day: net −29.98 s, break-even after 1,341 days.
 */
export function compilationRoi({
  compileSeconds,
  baselineRate,
  improvedRate,
  demandRate,
  durationSeconds,
}: {
  compileSeconds: number;
  baselineRate: number;
  improvedRate: number;
  demandRate: number;
  durationSeconds: number;
}): {
  savedPerItem: number;
  breakEvenItems: number;
  breakEvenSeconds: number;
  totalItems: number;
  netSavedSeconds: number;
  paysBack: boolean;
  netSavedAt: (seconds: number) => number;
} {
  const V = nonNegative('demandRate', demandRate);
  const T = nonNegative('durationSeconds', durationSeconds);
  const be = breakEven({ fixedSeconds: compileSeconds, baselineRate, improvedRate });
  const t = compileSeconds;
  const dt = be.savedPerItem;
  const totalItems = V * T;
  const netSavedAt = (seconds: number) => V * nonNegative('seconds', seconds) * dt - t;
  return {
    savedPerItem: dt,
    breakEvenItems: be.breakEvenItems,
    breakEvenSeconds: V === 0 ? Infinity : be.breakEvenItems / V,
    totalItems,
    netSavedSeconds: totalItems * dt - t,
    paysBack: totalItems >= be.breakEvenItems,
    netSavedAt,
  };
}
