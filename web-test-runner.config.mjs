// @web/test-runner in Debian's Chromium (never a downloaded browser build).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findChrome } from './scripts/find-chrome.mjs';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Serves `/__labs.json`: every lab page under labs/ (labs/vol1/lab-00.html, ...), the gallery
 * excluded, so test/labs/conformance.test.ts checks each new lab without anyone listing it.
 */
function labsListPlugin() {
  return {
    name: 'mlsys-labs-list',
    serve(context) {
      if (context.path !== '/__labs.json') return undefined;
      const pages = readdirSync('labs', { recursive: true })
        .map((f) => String(f).split('\\').join('/'))
        .filter((f) => f.endsWith('.html') && f !== 'index.html')
        .sort()
        .map((f) => `/labs/${f}`);
      return { body: JSON.stringify(pages), type: 'json' };
    },
  };
}

/**
 * Serves `/__physics.json`: every module under physics/ as `{ path, source }` (path
 * `/physics/labs/v1-01.ts`, source the file as written), so test/physics/node-import.test.ts
 * checks each new physics module without anyone listing it. The source is sent raw because the
 * dev server hands the .ts files themselves to the browser compiled by esbuild (comments gone,
 * quotes rewritten), which is not what the DOM-word and import checks should read.
 */
function physicsListPlugin() {
  return {
    name: 'mlsys-physics-list',
    serve(context) {
      if (context.path !== '/__physics.json') return undefined;
      const modules = readdirSync('physics', { recursive: true })
        .map((f) => String(f).split('\\').join('/'))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
        .sort()
        .map((f) => ({ path: `/physics/${f}`, source: readFileSync(`physics/${f}`, 'utf8') }));
      return { body: JSON.stringify(modules), type: 'json' };
    },
  };
}

/** Prints the plain "N passed, N failed, N skipped" line CI reads, as the very last line. */
function countReporter() {
  return {
    stop({ sessions }) {
      let passed = 0,
        failed = 0,
        skipped = 0;
      const walk = (s) => {
        for (const t of s.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        s.suites.forEach(walk);
      };
      for (const s of sessions) {
        const before = failed;
        if (s.testResults) walk(s.testResults);
        if (!s.passed && failed === before) failed++; // file-level error (import, syntax, timeout)
      }
      process.once('exit', () => process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`));
    },
  };
}

const chrome = findChrome();
const root = process.getuid && process.getuid() === 0;

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', 'components/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 2,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 900000,
  plugins: [labsListPlugin(), physicsListPlugin(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chrome,
        headless: true,
        args: [
          ...(root ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          // Background test tabs must keep rendering (fixtures wait for frames; ResizeObserver must fire).
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), countReporter()],
  testFramework: { config: { timeout: 20000 } },
};
