/**
 * mlsys-labs/physics: pure, SI-unit physics for the ML Systems labs.
 * No DOM, no Lit: importable in Node and the browser. Every constant carries its source.
 */
export * from './errors.js';
export * from './sourced.js';
