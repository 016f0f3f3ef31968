/**
 * The labs catalogue: every lab of both volumes with its chapter, title, core invariant and
 * deployment contexts, and the page's path (relative to `labs/`) once the lab is built.
 * The gallery (`<mls-lab-gallery>`) renders it; `test/runtime/catalog.test.ts` checks that it
 * lists 34 labs and that every built lab page (labs/vol*\/lab-NN.html) has a path here.
 * Titles and invariants follow the lab briefs (shared/briefs/v{1,2}-lab-NN.md).
 */
import { ledgerKey } from './ledger/store.js';

export interface CatalogLab {
  readonly volume: 1 | 2;
  readonly chapter: number;
  /** The chapter of the textbook the lab accompanies. */
  readonly chapterTitle: string;
  readonly title: string;
  /** The one law or trade-off the lab makes the learner confront. */
  readonly invariant: string;
  /** Deployment contexts (or scenario toggles) the lab compares. */
  readonly contexts: readonly string[];
  /** Page path relative to `labs/` (e.g. `vol1/lab-02.html`), present once the lab is built. */
  readonly path?: string;
}

const built = (volume: number, chapter: number) => `vol${volume}/lab-${String(chapter).padStart(2, '0')}.html`;

/** Labs whose page exists. Add a lab here when its HTML file lands (the catalogue test insists). */
const BUILT = new Set(['v1.ch00', 'v1.ch01', 'v1.ch02']);

type Row = Omit<CatalogLab, 'path'>;

const ROWS: readonly Row[] = [
  // Volume I: single-machine ML systems
  {
    volume: 1,
    chapter: 0,
    chapterTitle: 'Orientation (previews Ch. 1–2)',
    title: "The Architect's Portal",
    invariant:
      'Where a model runs decides whether it can run at all: the speed of light, power and memory capacity split deployment into four regimes.',
    contexts: ['cloud', 'edge', 'mobile', 'tiny'],
  },
  {
    volume: 1,
    chapter: 1,
    chapterTitle: 'Introduction',
    title: 'The Magnitude Awakening',
    invariant:
      'The D·A·M triad (Data, Algorithm, Machine): hardware targets differ by so many orders of magnitude that no single software stack serves them all.',
    contexts: ['cloud', 'tiny'],
  },
  {
    volume: 1,
    chapter: 2,
    chapterTitle: 'ML Systems',
    title: 'The Iron Law',
    invariant:
      'T = D/BW + O/R + L: the slowest term sets latency (often memory, not compute), and distance sets a light-speed floor no hardware removes.',
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 3,
    chapterTitle: 'ML Workflow',
    title: 'The Constraint Tax',
    invariant:
      'A constraint found at lifecycle stage N costs about 2^(N−1) times more to fix than one found at the start; fast iteration beats a slow better start.',
    contexts: ['cloud', 'mobile'],
  },
  {
    volume: 1,
    chapter: 4,
    chapterTitle: 'Data Engineering',
    title: 'The Data Gravity Trap',
    invariant: 'Data gravity: once moving the data (D/BW, egress cost) exceeds the budget, the compute moves to the data.',
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 5,
    chapterTitle: 'Neural Computation',
    title: 'The Activation Tax',
    invariant: 'Activation functions cost silicon, and where activations live in the memory hierarchy multiplies what each access costs.',
    contexts: ['cloud', 'mobile'],
  },
  {
    volume: 1,
    chapter: 6,
    chapterTitle: 'Network Architectures',
    title: 'The Quadratic Wall',
    invariant: 'Self-attention memory grows as O(N²) in sequence length: double the context, four times the score matrix.',
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 7,
    chapterTitle: 'ML Frameworks',
    title: 'The Kernel Fusion Dividend',
    invariant:
      'Every unfused kernel pays a fixed dispatch tax and an HBM round trip; fusion and compilation buy them back after a break-even volume.',
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 8,
    chapterTitle: 'Model Training',
    title: 'The Training Memory Budget',
    invariant:
      'Training memory = weights + gradients + optimizer state + activations (Adam in FP32: 16 B per parameter); out-of-memory is predictable.',
    contexts: ['cloud', 'mobile'],
  },
  {
    volume: 1,
    chapter: 9,
    chapterTitle: 'Data Selection',
    title: 'The Data Selection Tradeoff',
    invariant:
      'Data selection sits on a Pareto trade-off: curation costs more while returns diminish, and the order of examples changes convergence.',
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 10,
    chapterTitle: 'Model Compression',
    title: 'The Compression Frontier',
    invariant: 'Compression is never free: quantization and pruning move along a quality-versus-resources Pareto frontier.',
    contexts: ['cloud', 'mobile'],
  },
  {
    volume: 1,
    chapter: 11,
    chapterTitle: 'Hardware Acceleration',
    title: 'The Roofline',
    invariant: 'Every kernel is compute-bound or memory-bound: attainable = min(peak, bandwidth × intensity), split at the ridge point.',
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 12,
    chapterTitle: 'Benchmarking',
    title: 'The Speedup Ceiling',
    invariant:
      "Amdahl's Law: the serial fraction, not the processor count, caps speedup; a benchmark is valid only if it stresses production's bottleneck.",
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 13,
    chapterTitle: 'Model Serving',
    title: 'The Tail Latency Trap',
    invariant: "Little's Law L = λW: users feel P99, not the mean, and near capacity queueing dominates the tail.",
    contexts: ['cloud', 'mobile'],
  },
  {
    volume: 1,
    chapter: 14,
    chapterTitle: 'ML Operations',
    title: 'The Silent Degradation Problem',
    invariant:
      'Drift fails silently: PSI detects input shift before accuracy drops, and retraining cadence is an economic optimum T* = √(2C/c).',
    contexts: ['cloud', 'edge'],
  },
  {
    volume: 1,
    chapter: 15,
    chapterTitle: 'Responsible Engineering',
    title: 'There Is No Free Fairness',
    invariant:
      'When base rates differ, equal error rates and calibration cannot all hold (Chouldechova 2017); equal accuracy is not equal treatment.',
    contexts: ['cloud', 'mobile'],
  },
  {
    volume: 1,
    chapter: 16,
    chapterTitle: 'Conclusion',
    title: "The Architect's Audit",
    invariant: 'Synthesis: the Volume I invariants act at once; complexity cannot be destroyed, only moved.',
    contexts: ['cloud', 'edge', 'mobile', 'tiny'],
  },
  // Volume II: ML systems at scale
  {
    volume: 2,
    chapter: 1,
    chapterTitle: 'Introduction',
    title: 'The Scale Illusion',
    invariant:
      'One GPU to a fleet does not scale linearly: speedup N·E·(1−C) stays below N, and fleet cost is not the hourly rate times N.',
    contexts: ['single node', 'fleet'],
  },
  {
    volume: 2,
    chapter: 2,
    chapterTitle: 'Compute Infrastructure',
    title: 'The Interconnect Wall',
    invariant:
      'The interconnect hierarchy has bandwidth cliffs (NVLink ≈ 18× PCIe, then 4–9× more at the node boundary); where they fall decides feasibility.',
    contexts: ['single node', 'multi-node'],
  },
  {
    volume: 2,
    chapter: 3,
    chapterTitle: 'Network Fabrics',
    title: 'The Bisection Bandwidth Wall',
    invariant: 'Bisection bandwidth bounds all-to-all traffic: a fat tree gives N·link/2, oversubscription divides it.',
    contexts: ['8 GPUs', '1,024 GPUs'],
  },
  {
    volume: 2,
    chapter: 4,
    chapterTitle: 'Data Storage',
    title: 'The I/O Bottleneck',
    invariant: 'At scale the access pattern, loader parallelism and metadata server fail before aggregate storage bandwidth does.',
    contexts: ['NVMe', 'distributed FS'],
  },
  {
    volume: 2,
    chapter: 5,
    chapterTitle: 'Distributed Training',
    title: 'The Parallelism Paradox',
    invariant:
      'Crossing the node boundary swaps NVLink for InfiniBand, so communication grows against fixed per-GPU compute and MFU falls.',
    contexts: ['data parallel', '3D parallel'],
  },
  {
    volume: 2,
    chapter: 6,
    chapterTitle: 'Collective Communication',
    title: 'The Bandwidth Invariant',
    invariant: 'Ring AllReduce moves 2(N−1)/N·M per GPU, nearly constant in N; pick the algorithm from the message size against n* = α·β.',
    contexts: ['ring', 'tree'],
  },
  {
    volume: 2,
    chapter: 7,
    chapterTitle: 'Fault Tolerance',
    title: 'The Checkpoint Reckoning',
    invariant: 'Young–Daly: the optimal checkpoint interval is T* = √(2C/λ); at fleet scale failures are routine.',
    contexts: ['1,024 GPUs', '16,384 GPUs'],
  },
  {
    volume: 2,
    chapter: 8,
    chapterTitle: 'Fleet Orchestration',
    title: 'The Utilization Trap',
    invariant: 'Utilization versus wait: for M/M/1, W = S/(1−ρ), so pushing utilization toward 1 explodes queueing time.',
    contexts: ['FIFO', 'priority + backfill'],
  },
  {
    volume: 2,
    chapter: 9,
    chapterTitle: 'Performance Engineering',
    title: "You Can't Optimize What You Can't Measure",
    invariant: "Amdahl's Law caps any single fix by its time fraction; at scale the serial residue includes coordination.",
    contexts: ['batch training', 'streaming inference'],
  },
  {
    volume: 2,
    chapter: 10,
    chapterTitle: 'Inference at Scale',
    title: 'The KV-Cache Memory Wall',
    invariant: 'Prefill is compute-bound, decode memory-bound; KV-cache bytes grow linearly with context and cap concurrency.',
    contexts: ['latency', 'throughput'],
  },
  {
    volume: 2,
    chapter: 11,
    chapterTitle: 'Edge Intelligence',
    title: 'The Federation Paradox',
    invariant: 'Federated learning ships model updates instead of data; uncompressed, the traffic can exceed uploading the raw data.',
    contexts: ['centralized', 'federated'],
  },
  {
    volume: 2,
    chapter: 12,
    chapterTitle: 'ML Operations at Scale',
    title: 'The SLO Composition Trap',
    invariant: 'Tail SLOs compose: with N services each violating at rate p, the end-to-end violation rate is 1 − (1 − p)^N.',
    contexts: ['Kubernetes', 'bare metal'],
  },
  {
    volume: 2,
    chapter: 13,
    chapterTitle: 'Security & Privacy',
    title: 'The Privacy Measurement Gap',
    invariant: 'Without differential privacy models leak membership; DP-SGD noise buys privacy at an accuracy cost that more data dilutes.',
    contexts: ['on-premises', 'cloud'],
  },
  {
    volume: 2,
    chapter: 14,
    chapterTitle: 'Robust AI',
    title: 'The Adversarial Wall',
    invariant:
      'Small ε-ball perturbations collapse undefended models; adversarial training buys robustness with clean accuracy and (1 + K)× compute.',
    contexts: ['production', 'hardened'],
  },
  {
    volume: 2,
    chapter: 15,
    chapterTitle: 'Sustainable AI',
    title: 'The Jevons Reckoning',
    invariant:
      'Jevons paradox: efficiency lowers unit cost, demand grows, and total consumption can rise; carbon = energy × grid intensity.',
    contexts: ['coal region', 'renewable region'],
  },
  {
    volume: 2,
    chapter: 16,
    chapterTitle: 'Responsible AI',
    title: 'The Fairness Impossibility',
    invariant:
      'Demographic parity, equalized odds and calibration cannot all hold when base rates differ; choosing one is a policy decision.',
    contexts: ['accuracy-optimized', 'equity-constrained'],
  },
  {
    volume: 2,
    chapter: 17,
    chapterTitle: 'Conclusion',
    title: 'The Constraints Never Lie',
    invariant:
      'Synthesis: the laws do not change, the binding constraint moves with scale; architects navigate constraints rather than escape them.',
    contexts: ['global fleet', 'carbon-optimized'],
  },
];

/** Every lab of both volumes, ordered by volume then chapter. */
export const LAB_CATALOG: readonly CatalogLab[] = Object.freeze(
  ROWS.map((r) => Object.freeze(BUILT.has(ledgerKey(r.volume, r.chapter)) ? { ...r, path: built(r.volume, r.chapter) } : { ...r })),
);

/** The catalogue entry for a volume and chapter, if any. */
export function findLab(volume: number, chapter: number): CatalogLab | undefined {
  return LAB_CATALOG.find((l) => l.volume === volume && l.chapter === chapter);
}

/** Ledger key of a catalogue entry (`v1.ch02`). */
export function catalogKey(lab: Pick<CatalogLab, 'volume' | 'chapter'>): string {
  return ledgerKey(lab.volume, lab.chapter);
}
