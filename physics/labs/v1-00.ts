/** Scenario and answer derivations for Volume 1 lab 00 (stub: being written). */
export const derivationsV1_00: Record<string, () => string | number> = {};
