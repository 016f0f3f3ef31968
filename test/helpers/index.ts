/**
 * Shared test helpers (one import for component and runtime tests):
 * `import { quietly, inScope, alertText, expectClose } from '../helpers/index.js';`
 *
 * - warnings.ts: captureWarnings / quietly (console.warn), uncaught (window errors, rejections)
 * - close.ts:    expectClose (relative tolerance, a message naming both numbers), isClose
 * - scope.ts:    inScope (a scope host without <mls-lab>), TrackedScope (counts listeners)
 * - dom.ts:      shadowText, partText, alertText, squash, settle, nextFrame
 * - controls.ts: the per-tag control harness registry (also used by test/labs and stories)
 * - instrument-suite.ts: describeInstrument, the shared suite every instrument runs
 */
export { captureWarnings, quietly, uncaught, type CapturedWarnings } from './warnings.js';
export { expectClose, isClose } from './close.js';
export { inScope, TrackedScope, type Scoped, type InScopeOptions } from './scope.js';
export { shadowText, partText, alertText, squash, settle, nextFrame } from './dom.js';
export { CONTROLS, controlFor, controlNamed, isControl, operate, type ControlHarness, type Settle } from './controls.js';
export { describeInstrument, type InstrumentSpec, type Attrs } from './instrument-suite.js';
