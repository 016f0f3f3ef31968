/**
 * Lab scenarios: one `LabScenario` per lab (physics/labs/types.ts), composed from the formula
 * modules: its answer keys, option claims, failure recipes and lab-only functions.
 * `LAB_SCENARIOS['v1-01'].answers.act1.derive()` returns the option the physics supports; the
 * conformance suite checks every lab page against its scenario.
 *
 * This is the `mlsys-labs/physics/labs` entry (dist/physics-labs.js), kept out of the formula
 * API (`physics/index.ts`) so lab scenario names do not crowd it. Lab modules import the formula
 * modules and `./shared.js`, never one another (scripts/check-boundaries.mjs enforces it).
 */
// One import, one re-export and one array entry per lab (`npm run new:lab` adds them).
import { V1_00_LAB } from './v1-00.js';
import { V1_01_LAB } from './v1-01.js';
import { V1_02_LAB } from './v1-02.js';
import type { LabScenario } from './types.js';

export * from './shared.js';
export * from './types.js';
export * from './v1-00.js';
export * from './v1-01.js';
export * from './v1-02.js';

const SCENARIOS: readonly LabScenario[] = [V1_00_LAB, V1_01_LAB, V1_02_LAB];

/** Every lab's scenario contract by id (`v1-02`); the conformance suite checks each page against its entry. */
export const LAB_SCENARIOS: Readonly<Record<string, LabScenario>> = Object.freeze(Object.fromEntries(SCENARIOS.map((s) => [s.id, s])));

/** Every answer key's derivation by `<lab id>.<name>` (`v1-01.act1`), from the scenarios. */
export const LAB_DERIVATIONS: Readonly<Record<string, () => string | number>> = Object.freeze(
  Object.fromEntries(SCENARIOS.flatMap((s) => Object.entries(s.answers).map(([name, key]) => [`${s.id}.${name}`, key.derive]))),
);
