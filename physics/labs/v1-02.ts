/** Scenario and answer derivations for Volume 1 lab 02 (stub: being written). */
export const derivationsV1_02: Record<string, () => string | number> = {};
