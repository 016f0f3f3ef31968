#!/usr/bin/env node
// npm run bench — bytes, load time and interaction speed, measured in Debian's Chromium (headless),
// side by side with Plotly (the reference's chart library) in the same browser run.
// Prints one table per section and writes bench/results.json (machine, browser, flags, date, runs).
//
// Frames: headless Chromium paces requestAnimationFrame to a 60 Hz tick, so "input → next frame"
// would mostly measure the wait for that tick. The browser runs with vsync and the frame-rate
// limit off (CHROME_FLAGS below), and every measured frame carries a 1-px change in a corner, so
// the compositor produces it as soon as the work is done (without a change to draw it waits for
// the tick again). Section 0 measures what an empty frame costs this way (the floor).
// Options: --no-build, --loads N (cold loads per lab, default 10), --events N (interaction
// events per control, default 200), --repeats N (whole-run repeats for the Plotly comparison, default 3).
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, mkdirSync } from 'node:fs';
import { extname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import puppeteer from 'puppeteer-core';
import { findChrome } from './find-chrome.mjs';
import { sizes, closure, total } from './size-lib.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const LOADS = opt('loads', 10);
const EVENTS = opt('events', 200);
const REPEATS = opt('repeats', 3);
const ROOT = process.cwd();

const TARGETS = {
  labColdGzipBytes: 100 * 1024,
  labInteractiveMs: 150,
  interactionP95Ms: 8,
  plotlyBytesRatio: 1 / 30,
  plotlyUpdateRatio: 1 / 10,
};

const q = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i),
    hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
};
const med = (xs) => q(xs, 0.5);
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
function table(title, head, rows) {
  const w = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  console.log(`\n## ${title}\n${line(head)}\n${w.map((n) => '-'.repeat(n)).join('  ')}\n${rows.map(line).join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
if (!args.includes('--no-build')) {
  console.log('Building (npm run build)...');
  execSync('npm run -s build', { stdio: 'inherit' });
}
if (!existsSync('dist/autoload.js')) {
  console.error('bench: dist/ is missing; run npm run build');
  process.exit(1);
}

// Static server on localhost with gzip (so "transferred" bytes are what a real host would send).
const MIME = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown',
};
const gzCache = new Map();
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
  if (!path.startsWith(ROOT) || !existsSync(path) || statSync(path).isDirectory()) {
    res.writeHead(404);
    res.end('not found');
    return;
  }
  const type = MIME[extname(path)] ?? 'application/octet-stream';
  let body = readFileSync(path);
  const headers = { 'content-type': type, 'cache-control': 'no-store' };
  if (/gzip/.test(req.headers['accept-encoding'] ?? '') && !/font|octet/.test(type)) {
    if (!gzCache.has(path)) gzCache.set(path, gzipSync(body, { level: 9 }));
    body = gzCache.get(path);
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;

const chrome = findChrome();
if (!chrome) {
  console.error('bench: no Chromium found (apt-get install chromium, or set CHROME_PATH)');
  process.exit(1);
}
// --disable-gpu-vsync, --disable-frame-rate-limit: frames are produced when ready, not on a 60 Hz tick.
// --disable-features=WebUIOmnibox*: each new browser context otherwise starts two renderers for the
//   omnibox popup's WebUI, which on a small machine take CPU from the page being measured.
const CHROME_FLAGS = [
  '--disable-gpu',
  '--disable-gpu-vsync',
  '--disable-frame-rate-limit',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 900 };
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  defaultViewport: VIEWPORT,
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...CHROME_FLAGS],
});
const browserVersion = await browser.version();
console.log(`Chromium ${browserVersion}, headless, viewport ${VIEWPORT.width}×${VIEWPORT.height}, flags: ${CHROME_FLAGS.join(' ')}`);

// Injected into every page: `__frame()` resolves once the next frame has run style, layout and
// paint and handed its result to the compositor (rAF, then a task after it). It first changes one
// pixel in a corner so that the frame has something to draw and is not held for the next tick.
const FRAME_HELPER = () => {
  let dot,
    n = 0;
  window.__frame = () => {
    if (!dot && document.body) {
      dot = document.createElement('div');
      dot.setAttribute('aria-hidden', 'true');
      dot.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
      document.body.appendChild(dot);
    }
    if (dot) dot.style.background = n++ % 2 ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
    return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  };
};

// Injected before any page script: marks the moment every mls-* element on the page is defined,
// rendered, and a frame has been painted ("interactive"). It waits on customElements.whenDefined
// and updateComplete rather than polling: with the frame-rate limit off, a rAF polling loop would
// run every millisecond and take main-thread time from the page it measures.
const INTERACTIVE_PROBE = () => {
  const mls = () => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mls-'));
  const run = async () => {
    if (!mls().length) return; // not a page of mls-* elements (the Plotly page reports its own first render)
    for (let i = 0; i < 50; i++) {
      const els = mls();
      await Promise.all([...new Set(els.map((e) => e.localName))].map((t) => customElements.whenDefined(t)));
      await Promise.all(els.map((e) => e.updateComplete));
      const now = mls(); // rendering may have added elements (a gate restored open)
      if (now.length === els.length && now.every((e) => customElements.get(e.localName) && !e.isUpdatePending)) break;
    }
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.__interactive = performance.now();
      }, 0),
    );
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
};

async function coldLoad(url) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const reqs = new Map();
  cdp.on('Network.responseReceived', (e) => reqs.set(e.requestId, { url: e.response.url, type: e.type }));
  const done = [];
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) done.push({ ...r, bytes: e.encodedDataLength });
  });
  await page.evaluateOnNewDocument(INTERACTIVE_PROBE);
  await page.evaluateOnNewDocument(FRAME_HELPER);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.__interactive !== undefined || window.__ready === true', { timeout: 20000 });
  const interactive = await page.evaluate(() => window.__interactive ?? window.__firstRender);
  await new Promise((r) => setTimeout(r, 100));
  await ctx.close();
  return { interactive, resources: done };
}

const byKind = (resources) => {
  const out = { js: 0, css: 0, font: 0, html: 0, other: 0 };
  for (const r of resources) {
    const ext = extname(new URL(r.url).pathname);
    const k = ['.js', '.mjs'].includes(ext)
      ? 'js'
      : ext === '.css'
        ? 'css'
        : ['.woff2', '.woff', '.ttf'].includes(ext)
          ? 'font'
          : ext === '.html'
            ? 'html'
            : 'other';
    out[k] += r.bytes;
  }
  return out;
};

const results = {
  date: new Date().toISOString(),
  machine: {
    platform: `${os.type()} ${os.release()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)),
  },
  browser: browserVersion,
  chromeFlags: CHROME_FLAGS,
  viewport: VIEWPORT,
  runs: { coldLoadsPerLab: LOADS, eventsPerControl: EVENTS, plotlyRepeats: REPEATS },
  targets: TARGETS,
};

// 0. Frame floor -------------------------------------------------------------------------------------
// What "→ next frame" costs with no work: the time from a trivial DOM change to the frame, and the
// interval between back-to-back frames (≈16.7 ms would mean frames still wait for a 60 Hz tick).
{
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setContent('<!doctype html><html lang="en"><body><p id="p">0</p></body></html>');
  await page.evaluate(FRAME_HELPER);
  results.frameFloor = await page.evaluate(
    async (n) => {
      const q = (xs, p) => {
        const s = [...xs].sort((a, b) => a - b);
        const i = (s.length - 1) * p;
        const lo = Math.floor(i),
          hi = Math.ceil(i);
        return s[lo] + (s[hi] - s[lo]) * (i - lo);
      };
      const p = document.getElementById('p');
      for (let i = 0; i < 20; i++) await window.__frame();
      const empty = [],
        text = [],
        interval = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await window.__frame();
        empty.push(performance.now() - t0);
      }
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        p.textContent = String(i);
        await window.__frame();
        text.push(performance.now() - t0);
      }
      let last = performance.now();
      for (let i = 0; i < n; i++) {
        await new Promise((r) => {
          p.textContent = `f${i}`;
          requestAnimationFrame(r);
        });
        const t = performance.now();
        interval.push(t - last);
        last = t;
      }
      return {
        emptyMs: { p50: q(empty, 0.5), p95: q(empty, 0.95) },
        textChangeMs: { p50: q(text, 0.5), p95: q(text, 0.95) },
        rafIntervalMs: { p50: q(interval, 0.5), p95: q(interval, 0.95) },
        runs: n,
      };
    },
    Math.max(50, Math.min(EVENTS, 300)),
  );
  await ctx.close();
  const f = results.frameFloor;
  table(
    `0. Frame floor: a frame with no work (${f.runs} frames each)`,
    ['measure', 'p50 ms', 'p95 ms'],
    [
      ['empty frame (1-px change → frame done)', fmt(f.emptyMs.p50, 2), fmt(f.emptyMs.p95, 2)],
      ['one text node changed → frame done', fmt(f.textChangeMs.p50, 2), fmt(f.textChangeMs.p95, 2)],
      ['interval between back-to-back rAFs', fmt(f.rafIntervalMs.p50, 2), fmt(f.rafIntervalMs.p95, 2)],
    ],
  );
  if (f.rafIntervalMs.p50 > 12) console.log('WARNING: frames still follow a ~60 Hz tick; "frame" times below include that wait.');
}

// 1. Bytes ---------------------------------------------------------------------------------------
const distFiles = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.js')) distFiles.push(p);
  }
};
walk('dist');
const entries = distFiles.filter((f) => !f.includes('/chunks/') && !f.includes('/types/'));
results.bytes = { entries: entries.sort().map((f) => ({ file: f, ...sizes(f), closureGzip: total(closure([f])) })) };
table(
  '1. Bytes: built entries (gzip/brotli of the file; "closure" = with its static imports)',
  ['entry', 'raw B', 'gzip B', 'brotli B', 'closure gzip B'],
  results.bytes.entries.map((e) => [e.file, e.raw, e.gzip, e.brotli, e.closureGzip]),
);
const katex = distFiles.filter((f) => /chunks\/katex/.test(f));
if (katex.length)
  table(
    '1b. KaTeX chunk (loaded only when a math panel first opens)',
    ['file', 'raw B', 'gzip B', 'brotli B'],
    katex.map((f) => [f, ...Object.values(sizes(f))]),
  );

const labs = [];
for (const vol of ['vol1', 'vol2'])
  if (existsSync(`labs/${vol}`)) for (const f of readdirSync(`labs/${vol}`).sort()) if (f.endsWith('.html')) labs.push(`labs/${vol}/${f}`);

// 2. Load ------------------------------------------------------------------------------------------
results.labs = [];
for (const lab of labs) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(`${BASE}/${lab}`));
  const k = byKind(loads[0].resources);
  const katexFetched = loads.some((l) => l.resources.some((r) => /katex/i.test(r.url)));
  const times = loads.map((l) => l.interactive);
  results.labs.push({
    lab,
    coldBytes: k,
    jsCssGzip: k.js + k.css,
    katexFetchedBeforeMath: katexFetched,
    interactiveMs: { median: med(times), p95: q(times, 0.95), runs: times.length },
  });
}
table(
  `1c/2. Labs: cold-load transfer (gzip) and time to interactive (${LOADS} cold loads each)`,
  ['lab', 'JS B', 'CSS B', 'fonts B', 'JS+CSS', 'KaTeX before math?', 'interactive med ms', 'p95 ms'],
  results.labs.map((l) => [
    l.lab,
    l.coldBytes.js,
    l.coldBytes.css,
    l.coldBytes.font,
    kb(l.jsCssGzip),
    l.katexFetchedBeforeMath ? 'YES (bad)' : 'no',
    fmt(l.interactiveMs.median),
    fmt(l.interactiveMs.p95),
  ]),
);

// 3. Interaction -------------------------------------------------------------------------------------
// Open each lab, lock every prediction through the UI so all gates open, then drive every control's
// native input and time, per instrument that re-rendered:
//   scripting = input event → every element's update done (Lit updates, chained scope updates, the
//               microtask ledger write of a discrete event), measured when no update is pending;
//   frame     = input event → the next frame done (style, layout, paint, commit), see FRAME_HELPER.
// The control is scrolled to the middle of a 1280×900 viewport first, as a person would have it.
// Each control gets 3 unrecorded warm-up events. The harness's own cost is measured on the same
// page as a "no input" row (the same awaits and frame with no event).
const STRUCTURAL = new Set([
  'mls-lab',
  'mls-act',
  'mls-gate',
  'mls-stakeholder',
  'mls-prediction-lock',
  'mls-reflection',
  'mls-callout',
  'mls-math-peek',
  'mls-ledger-hud',
  'mls-ledger-provider',
  'mls-slider',
  'mls-select',
  'mls-context-toggle',
]);
results.interaction = [];
results.interactionFloor = [];
for (const lab of labs) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.evaluateOnNewDocument(INTERACTIVE_PROBE);
  await page.evaluateOnNewDocument(FRAME_HELPER);
  await page.goto(`${BASE}/${lab}`, { waitUntil: 'load' });
  await page.waitForFunction('window.__interactive !== undefined', { timeout: 20000 });
  const measured = await page.evaluate(
    async ({ EVENTS, structural }) => {
      const STRUCT = new Set(structural);
      const frame = () => window.__frame();
      const all = () => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mls-'));
      // Lock predictions in order (later acts' locks appear as gates open).
      for (let round = 0; round < 4; round++) {
        for (const lock of document.querySelectorAll('mls-prediction-lock')) {
          const root = lock.shadowRoot;
          if (!root) continue;
          const radio = root.querySelector('input[type=radio]:not(:disabled)');
          const num = root.querySelector('input[type=number]:not(:disabled)');
          if (radio) {
            radio.click();
          } else if (num) {
            num.value = lock.getAttribute('answer') ?? num.min;
            num.dispatchEvent(new Event('input', { bubbles: true }));
          }
          await lock.updateComplete;
          const btn = [...root.querySelectorAll('button')].find((b) => /lock/i.test(b.textContent) && !b.disabled);
          btn?.click();
          await lock.updateComplete;
        }
        for (const r of document.querySelectorAll('mls-reflection')) {
          const root = r.shadowRoot;
          const input = root?.querySelector('input:not(:disabled)');
          input?.click();
          const btn = [...(root?.querySelectorAll('button') ?? [])].find((b) => !b.disabled);
          btn?.click();
        }
        await frame();
        await frame();
        // Gated instruments load on demand: wait until every mls-* element is defined.
        for (let k = 0; k < 200 && all().some((e) => !customElements.get(e.localName)); k++) await new Promise((r) => setTimeout(r, 25));
      }
      const everything = all();
      // Wait until no element has an update pending (updates may chain: an instrument publishes,
      // the values that read it update).
      const settle = async () => {
        for (let k = 0; k < 20; k++) {
          await Promise.all(everything.map((e) => e.updateComplete));
          if (!everything.some((e) => e.isUpdatePending)) return;
        }
      };
      await settle();
      await frame();
      await new Promise((r) => setTimeout(r, 300));
      const instruments = everything.filter((e) => !STRUCT.has(e.localName));
      for (const e of instruments) {
        const orig = e.updated;
        e.__n = 0;
        e.updated = function (c) {
          this.__n++;
          return orig?.call(this, c);
        };
      }
      const samples = new Map(); // tag -> { scripting: [], frame: [] }
      const byControl = [];
      // The harness alone: the same awaits and frame, no input.
      const floor = { scripting: [], frame: [] };
      for (let i = 0; i < Math.min(EVENTS, 100); i++) {
        const t0 = performance.now();
        await Promise.resolve();
        await settle();
        const t1 = performance.now();
        await frame();
        floor.scripting.push(t1 - t0);
        floor.frame.push(performance.now() - t0);
      }
      const controls = everything.filter((e) => ['mls-slider', 'mls-select', 'mls-context-toggle'].includes(e.localName));
      for (const c of controls) {
        const root = c.shadowRoot;
        if (!root) continue;
        const range = root.querySelector('input[type=range]');
        const select = root.querySelector('select');
        const radios = [...root.querySelectorAll('input[type=radio]')];
        if (!range && !select && radios.length < 2) continue;
        c.scrollIntoView({ block: 'center' });
        await frame();
        await frame();
        const fire = (j) => {
          const i = j + 3; // j starts at −3 (warm-up)
          if (range) {
            const min = Number(range.min),
              max = Number(range.max);
            range.value = String(min + ((max - min) * ((i * 37) % 100)) / 100);
            range.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          } else if (select) {
            select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
            select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
          } else {
            radios[(i + 1) % radios.length].click();
          }
        };
        const cs = { control: c.getAttribute('name') ?? c.localName, scripting: [], frame: [] };
        byControl.push(cs);
        for (let i = -3; i < EVENTS; i++) {
          for (const e of instruments) e.__n = 0;
          const t0 = performance.now();
          fire(i);
          await Promise.resolve();
          await settle();
          const t1 = performance.now();
          await frame();
          const t2 = performance.now();
          if (i < 0) continue; // warm-up
          cs.scripting.push(t1 - t0);
          cs.frame.push(t2 - t0);
          for (const e of instruments)
            if (e.__n > 0) {
              const s = samples.get(e.localName) ?? { scripting: [], frame: [], control: new Set() };
              s.scripting.push(t1 - t0);
              s.frame.push(t2 - t0);
              s.control.add(c.getAttribute('name') ?? c.localName);
              samples.set(e.localName, s);
            }
        }
      }
      return {
        floor,
        byControl,
        perInstrument: [...samples].map(([tag, s]) => ({ tag, scripting: s.scripting, frame: s.frame, controls: [...s.control] })),
      };
    },
    { EVENTS, structural: [...STRUCTURAL] },
  );
  const f = measured.floor;
  results.interactionFloor.push({
    lab,
    events: f.frame.length,
    scriptingMs: { p50: q(f.scripting, 0.5), p95: q(f.scripting, 0.95) },
    frameMs: { p50: q(f.frame, 0.5), p95: q(f.frame, 0.95) },
  });
  results.interactionByControl ??= [];
  for (const c of measured.byControl) {
    results.interactionByControl.push({
      lab,
      control: c.control,
      events: c.frame.length,
      scriptingMs: { p50: q(c.scripting, 0.5), p95: q(c.scripting, 0.95) },
      frameMs: { p50: q(c.frame, 0.5), p95: q(c.frame, 0.95) },
    });
  }
  for (const s of measured.perInstrument) {
    results.interaction.push({
      lab,
      instrument: s.tag,
      controls: s.controls,
      events: s.scripting.length,
      scriptingMs: { p50: q(s.scripting, 0.5), p95: q(s.scripting, 0.95) },
      frameMs: { p50: q(s.frame, 0.5), p95: q(s.frame, 0.95) },
    });
  }
  await ctx.close();
}
table(
  `3. Interaction: control input event → update done (scripting) → next frame done (frame), ms (${EVENTS} events per control)`,
  ['lab', 'instrument', 'controls', 'events', 'script p50', 'script p95', 'frame p50', 'frame p95'],
  [
    ...results.interactionFloor.map((r) => [
      r.lab,
      '(no input: harness + empty frame)',
      '—',
      r.events,
      fmt(r.scriptingMs.p50, 2),
      fmt(r.scriptingMs.p95, 2),
      fmt(r.frameMs.p50, 2),
      fmt(r.frameMs.p95, 2),
    ]),
    ...results.interaction.map((r) => [
      r.lab,
      r.instrument,
      r.controls.join(' '),
      r.events,
      fmt(r.scriptingMs.p50, 2),
      fmt(r.scriptingMs.p95, 2),
      fmt(r.frameMs.p50, 2),
      fmt(r.frameMs.p95, 2),
    ]),
  ],
);
table(
  '3b. Interaction by control (all events of the control, whatever updated), ms',
  ['lab', 'control', 'events', 'script p50', 'script p95', 'frame p50', 'frame p95'],
  results.interactionByControl.map((r) => [
    r.lab,
    r.control,
    r.events,
    fmt(r.scriptingMs.p50, 2),
    fmt(r.scriptingMs.p95, 2),
    fmt(r.frameMs.p50, 2),
    fmt(r.frameMs.p95, 2),
  ]),
);

// 4. Side by side with Plotly ----------------------------------------------------------------------------
async function chartRun(page) {
  const first = [];
  let bytes = 0;
  for (let i = 0; i < LOADS; i++) {
    const l = await coldLoad(`${BASE}/bench/pages/${page}`);
    first.push(l.interactive);
    const k = byKind(l.resources);
    bytes = k.js + k.css;
  }
  const ctx = await browser.createBrowserContext();
  const p = await ctx.newPage();
  await p.evaluateOnNewDocument(FRAME_HELPER);
  await p.goto(`${BASE}/bench/pages/${page}`, { waitUntil: 'load' });
  await p.waitForFunction('window.__ready === true', { timeout: 30000 });
  const upd = await p.evaluate(async (n) => {
    const out = { scripting: [], frame: [] };
    for (let i = 0; i < n; i++) {
      const r = await window.__update(20 + ((i * 37) % 100) * 8);
      out.scripting.push(r.scripting);
      out.frame.push(r.frame);
    }
    return out;
  }, EVENTS);
  await ctx.close();
  return {
    bytes,
    firstRenderMs: med(first),
    updateFrameMs: med(upd.frame),
    updateScriptingMs: med(upd.scripting),
    updateFrameP95: q(upd.frame, 0.95),
  };
}
const sbs = [];
for (let r = 0; r < REPEATS; r++) sbs.push({ ours: await chartRun('roofline-mls.html'), plotly: await chartRun('roofline-plotly.html') });
const pick = (side, k) => med(sbs.map((s) => s[side][k]));
results.plotly = {
  repeats: REPEATS,
  ours: {
    bytes: pick('ours', 'bytes'),
    firstRenderMs: pick('ours', 'firstRenderMs'),
    updateFrameMs: pick('ours', 'updateFrameMs'),
    updateScriptingMs: pick('ours', 'updateScriptingMs'),
  },
  plotly: {
    bytes: pick('plotly', 'bytes'),
    firstRenderMs: pick('plotly', 'firstRenderMs'),
    updateFrameMs: pick('plotly', 'updateFrameMs'),
    updateScriptingMs: pick('plotly', 'updateScriptingMs'),
  },
};
const R = (k) => results.plotly.ours[k] / results.plotly.plotly[k];
results.plotly.ratios = {
  bytes: R('bytes'),
  firstRender: R('firstRenderMs'),
  updateFrame: R('updateFrameMs'),
  updateScripting: R('updateScriptingMs'),
};
table(
  `4. Same roofline, mls-roofline vs Plotly (medians of ${REPEATS} repeats × ${LOADS} cold loads / ${EVENTS} updates)`,
  ['measure', 'mls-roofline', 'Plotly', 'ours / Plotly'],
  [
    ['JS+CSS transferred (gzip B)', results.plotly.ours.bytes, results.plotly.plotly.bytes, fmt(results.plotly.ratios.bytes, 4)],
    [
      'first render (ms from navigation)',
      fmt(results.plotly.ours.firstRenderMs),
      fmt(results.plotly.plotly.firstRenderMs),
      fmt(results.plotly.ratios.firstRender, 3),
    ],
    [
      'update → next paint (ms)',
      fmt(results.plotly.ours.updateFrameMs, 2),
      fmt(results.plotly.plotly.updateFrameMs, 2),
      fmt(results.plotly.ratios.updateFrame, 3),
    ],
    [
      'update scripting (ms)',
      fmt(results.plotly.ours.updateScriptingMs, 2),
      fmt(results.plotly.plotly.updateScriptingMs, 2),
      fmt(results.plotly.ratios.updateScripting, 3),
    ],
  ],
);

// 5. Physics in Node ---------------------------------------------------------------------------------------
const physics = await import(join(ROOT, 'dist/physics.js'));
const derivs = physics.LAB_DERIVATIONS ?? {};
const byLab = new Map();
for (const k of Object.keys(derivs)) {
  const lab = k.split('.')[0];
  byLab.set(lab, [...(byLab.get(lab) ?? []), k]);
}
results.physics = [];
for (const [lab, keys] of byLab) {
  const scopeFn = physics.LAB_SCOPES?.[lab];
  const run = () => {
    for (const k of keys) derivs[k]();
    if (scopeFn) scopeFn();
  };
  for (let i = 0; i < 50; i++) run();
  const reps = 2000,
    times = [];
  for (let j = 0; j < 5; j++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    times.push(((performance.now() - t0) / reps) * 1000);
  }
  results.physics.push({ lab, what: scopeFn ? 'LAB_SCOPES + answer derivations' : 'answer derivations', microseconds: med(times) });
}
{
  const dev = physics.getDevice('h100');
  const t0 = performance.now();
  const reps = 2000;
  for (let i = 0; i < reps; i++) for (let j = 0; j < 500; j++) physics.roofline(dev, 10 ** (-1 + (5 * j) / 499), 'fp16');
  results.physics.push({ lab: '(roofline)', what: '500-point roof', microseconds: ((performance.now() - t0) / reps) * 1000 });
}
table(
  '5. Physics: time to recompute a lab scope in Node (median of 5 × 2000 runs)',
  ['lab', 'what', 'µs per recompute'],
  results.physics.map((p) => [p.lab, p.what, fmt(p.microseconds, 2)]),
);

// Targets ------------------------------------------------------------------------------------------------------
const verdicts = [];
for (const l of results.labs) {
  verdicts.push([`${l.lab}: cold JS+CSS ≤ 100 KB gzip`, kb(l.jsCssGzip), l.jsCssGzip <= TARGETS.labColdGzipBytes]);
  verdicts.push([
    `${l.lab}: KaTeX not fetched before math opens`,
    l.katexFetchedBeforeMath ? 'fetched' : 'not fetched',
    !l.katexFetchedBeforeMath,
  ]);
  verdicts.push([
    `${l.lab}: interactive ≤ 150 ms (median)`,
    `${fmt(l.interactiveMs.median)} ms`,
    l.interactiveMs.median <= TARGETS.labInteractiveMs,
  ]);
}
for (const r of results.interaction)
  verdicts.push([
    `${r.lab} ${r.instrument}: input → paint p95 ≤ 8 ms`,
    `${fmt(r.frameMs.p95, 2)} ms (scripting ${fmt(r.scriptingMs.p95, 2)})`,
    r.frameMs.p95 <= TARGETS.interactionP95Ms,
  ]);
verdicts.push([
  'roofline bytes ≥ 30× fewer than Plotly',
  `${fmt(1 / results.plotly.ratios.bytes, 1)}×`,
  results.plotly.ratios.bytes <= TARGETS.plotlyBytesRatio,
]);
verdicts.push([
  'roofline update ≥ 10× faster than Plotly',
  `${fmt(1 / results.plotly.ratios.updateFrame, 1)}×`,
  results.plotly.ratios.updateFrame <= TARGETS.plotlyUpdateRatio,
]);
results.verdicts = verdicts.map(([target, measured, met]) => ({ target, measured, met }));
table(
  'Targets',
  ['target', 'measured', 'met?'],
  verdicts.map(([t, m, ok]) => [t, m, ok ? 'yes' : 'MISSED']),
);

results.machine.loadAverageAtEnd = os.loadavg().map((l) => +l.toFixed(2));
console.log(
  `\nLoad average (1, 5, 15 min) at start ${results.machine.loadAverageAtStart.join(', ')}, at end ${results.machine.loadAverageAtEnd.join(', ')} (${os.cpus().length} CPUs; the bench itself keeps about 2 busy).`,
);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote bench/results.json (${relative(ROOT, join(ROOT, 'bench/results.json'))}).`);
await browser.close();
server.close();
