/** Scenario and answer derivations for Volume 1 lab 01 (stub: being written). */
export const derivationsV1_01: Record<string, () => string | number> = {};
