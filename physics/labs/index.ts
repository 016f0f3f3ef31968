/**
 * Lab scenarios: each lab's settings and the derivation of each answer key, composed from
 * the formula modules. `LAB_DERIVATIONS['v1-01.act1']()` returns the option value (or the
 * number) the physics supports; the conformance test checks every lab's `answer` against it.
 *
 * This is the `mlsys-labs/physics/labs` entry (dist/physics-labs.js), kept out of the formula
 * API (`physics/index.ts`) so lab scenario names do not crowd it. Lab modules import the formula
 * modules and `./shared.js`, never one another (scripts/check-boundaries.mjs enforces it).
 */
import { derivationsV1_00, V1_00_LAB } from './v1-00.js';
import { derivationsV1_01, V1_01_LAB } from './v1-01.js';
import { derivationsV1_02, V1_02_LAB } from './v1-02.js';
import type { LabScenario } from './types.js';

export * from './shared.js';
export * from './v1-00.js';
export * from './v1-01.js';
export * from './v1-02.js';
export * from './types.js';

/** Every lab's scenario contract by id (`v1-02`); the conformance suite checks each page against its entry. */
export const LAB_SCENARIOS: Readonly<Record<string, LabScenario>> = Object.freeze(
  Object.fromEntries([V1_00_LAB, V1_01_LAB, V1_02_LAB].map((s) => [s.id, s])),
);

export const LAB_DERIVATIONS: Readonly<Record<string, () => string | number>> = Object.freeze({
  ...derivationsV1_00,
  ...derivationsV1_01,
  ...derivationsV1_02,
});
