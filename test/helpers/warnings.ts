/**
 * Console and error capture for tests of the "bad input never throws" contract: an element that
 * rejects an attribute must warn exactly once and must not throw out of a lifecycle callback.
 * Each helper restores what it patched (in a `finally`), so a failing assertion cannot leave
 * `console.warn` silenced for the rest of the file.
 */

/** The console.warn calls seen since `captureWarnings()` (each joined into one string). */
export interface CapturedWarnings {
  /** One entry per console.warn call, its arguments joined by spaces. */
  readonly warnings: string[];
  /** Put the original console.warn back. Safe to call more than once. */
  restore(): void;
}

/**
 * Patch console.warn to record (and not print) every call until `restore()`.
 * Use it in a `try/finally`, or from mocha hooks:
 * `let w; beforeEach(() => { w = captureWarnings(); }); afterEach(() => w.restore());`
 */
export function captureWarnings(): CapturedWarnings {
  const warnings: string[] = [];
  const original = console.warn;
  let restored = false;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  return {
    warnings,
    restore() {
      if (restored) return;
      restored = true;
      console.warn = original;
    },
  };
}

/**
 * Run `fn` with console.warn captured; returns its result and the warnings it caused.
 * `const { result: el, warnings } = await quietly(() => fixture(html`<mls-x bad="1">`));`
 */
export async function quietly<T>(fn: () => T | Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const capture = captureWarnings();
  try {
    const result = await fn();
    return { result, warnings: capture.warnings };
  } finally {
    capture.restore();
  }
}

/**
 * Collect uncaught errors (`error` events on window) and unhandled promise rejections while `fn`
 * runs, and for a short while after (a rejection is reported a task later). Returns them; assert
 * `expect(await uncaught(...)).to.deep.equal([])`.
 */
export async function uncaught(fn: () => unknown | Promise<unknown>, graceMs = 20): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => {
    errors.push(e.error ?? e.message);
  };
  const onRejection = (e: PromiseRejectionEvent) => {
    errors.push(e.reason);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await fn();
    await new Promise((r) => setTimeout(r, graceMs));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}
