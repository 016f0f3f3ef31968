/**
 * mlsys-labs/physics: pure, SI-unit physics for the ML Systems labs.
 * No DOM, no Lit: importable in Node and the browser. Every constant carries its source.
 * Lab scenarios and answer derivations are a separate entry, `mlsys-labs/physics/labs`
 * (physics/labs/index.ts), so their names stay out of this formula API.
 */
export * from './errors.js';
export * from './sourced.js';
export * from './units.js';
// Registries: devices, models, networks, deployment contexts
export * from './registry.js';
// Compute and memory
export * from './roofline.js';
export * from './compute.js';
export * from './memory.js';
export * from './inference.js';
// Single-machine systems: the Iron Law, a model's workload on a device, the tiers side by side
export * from './ironlaw.js';
export * from './workload.js';
export * from './tiers.js';
export * from './systems.js';
// Serving, distributed, reliability
export * from './random.js';
export * from './serving.js';
export * from './distributed.js';
export * from './reliability.js';
// Operations, data, scaling, compression
export * from './operations.js';
export * from './scaling.js';
export * from './compression.js';
// Responsible, secure, sustainable
export * from './responsible.js';
export * from './privacy.js';
export * from './robustness.js';
export * from './sustainability.js';
export * from './federated.js';
// Chapter-specific formulas (workflow, architectures, frameworks, training, benchmarking, LLM serving, overload)
export * from './workflow.js';
export * from './architectures.js';
export * from './frameworks.js';
export * from './training.js';
export * from './benchmarking.js';
export * from './llmserving.js';
export * from './overload.js';
