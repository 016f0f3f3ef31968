#!/usr/bin/env node
// npm run bench — bytes, load time and interaction speed, measured in Debian's Chromium (headless),
// side by side with Plotly (the reference's chart library) in the same browser run.
// Prints one table per section and writes bench/results.json (machine, browser, date, runs).
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
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : def; };
const LOADS = opt('loads', 10);
const EVENTS = opt('events', 200);
const REPEATS = opt('repeats', 3);
const ROOT = process.cwd();

const TARGETS = { labColdGzipBytes: 100 * 1024, labInteractiveMs: 150, interactionP95Ms: 8, plotlyBytesRatio: 1 / 30, plotlyUpdateRatio: 1 / 10 };

const q = (xs, p) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); const i = (s.length - 1) * p; const lo = Math.floor(i), hi = Math.ceil(i); return s[lo] + (s[hi] - s[lo]) * (i - lo); };
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
if (!existsSync('dist/autoload.js')) { console.error('bench: dist/ is missing; run npm run build'); process.exit(1); }

// Static server on localhost with gzip (so "transferred" bytes are what a real host would send).
const MIME = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.md': 'text/markdown' };
const gzCache = new Map();
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
  if (!path.startsWith(ROOT) || !existsSync(path) || statSync(path).isDirectory()) { res.writeHead(404); res.end('not found'); return; }
  const type = MIME[extname(path)] ?? 'application/octet-stream';
  let body = readFileSync(path);
  const headers = { 'content-type': type, 'cache-control': 'no-store' };
  if (/gzip/.test(req.headers['accept-encoding'] ?? '') && !/font|octet/.test(type)) {
    if (!gzCache.has(path)) gzCache.set(path, gzipSync(body, { level: 9 }));
    body = gzCache.get(path); headers['content-encoding'] = 'gzip';
  }
  res.writeHead(200, headers); res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;

const chrome = findChrome();
if (!chrome) { console.error('bench: no Chromium found (apt-get install chromium, or set CHROME_PATH)'); process.exit(1); }
const browser = await puppeteer.launch({
  executablePath: chrome, headless: true,
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const browserVersion = await browser.version();

// Injected before any page script: marks the moment every mls-* element on the page is defined,
// rendered, and a frame has been painted ("interactive").
const INTERACTIVE_PROBE = () => {
  const tick = async () => {
    const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mls-'));
    if (els.length && els.every((e) => customElements.get(e.localName))) {
      await Promise.all(els.map((e) => e.updateComplete));
      requestAnimationFrame(() => setTimeout(() => { window.__interactive = performance.now(); }, 0));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
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
  cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) done.push({ ...r, bytes: e.encodedDataLength }); });
  await page.evaluateOnNewDocument(INTERACTIVE_PROBE);
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
    const k = ['.js', '.mjs'].includes(ext) ? 'js' : ext === '.css' ? 'css' : ['.woff2', '.woff', '.ttf'].includes(ext) ? 'font' : ext === '.html' ? 'html' : 'other';
    out[k] += r.bytes;
  }
  return out;
};

const results = { date: new Date().toISOString(), machine: { platform: `${os.type()} ${os.release()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version }, browser: browserVersion, runs: { coldLoadsPerLab: LOADS, eventsPerControl: EVENTS, plotlyRepeats: REPEATS }, targets: TARGETS };

// 1. Bytes ---------------------------------------------------------------------------------------
const distFiles = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.js')) distFiles.push(p); } };
walk('dist');
const entries = distFiles.filter((f) => !f.includes('/chunks/') && !f.includes('/types/'));
results.bytes = { entries: entries.sort().map((f) => ({ file: f, ...sizes(f), closureGzip: total(closure([f])) })) };
table('1. Bytes: built entries (gzip/brotli of the file; "closure" = with its static imports)', ['entry', 'raw B', 'gzip B', 'brotli B', 'closure gzip B'],
  results.bytes.entries.map((e) => [e.file, e.raw, e.gzip, e.brotli, e.closureGzip]));
const katex = distFiles.filter((f) => /chunks\/katex/.test(f));
if (katex.length) table('1b. KaTeX chunk (loaded only when a math panel first opens)', ['file', 'raw B', 'gzip B', 'brotli B'], katex.map((f) => [f, ...Object.values(sizes(f))]));

const labs = [];
for (const vol of ['vol1', 'vol2']) if (existsSync(`labs/${vol}`)) for (const f of readdirSync(`labs/${vol}`).sort()) if (f.endsWith('.html')) labs.push(`labs/${vol}/${f}`);

// 2. Load ------------------------------------------------------------------------------------------
results.labs = [];
for (const lab of labs) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(`${BASE}/${lab}`));
  const k = byKind(loads[0].resources);
  const katexFetched = loads.some((l) => l.resources.some((r) => /katex/i.test(r.url)));
  const times = loads.map((l) => l.interactive);
  results.labs.push({ lab, coldBytes: k, jsCssGzip: k.js + k.css, katexFetchedBeforeMath: katexFetched, interactiveMs: { median: med(times), p95: q(times, 0.95), runs: times.length } });
}
table(`1c/2. Labs: cold-load transfer (gzip) and time to interactive (${LOADS} cold loads each)`, ['lab', 'JS B', 'CSS B', 'fonts B', 'JS+CSS', 'KaTeX before math?', 'interactive med ms', 'p95 ms'],
  results.labs.map((l) => [l.lab, l.coldBytes.js, l.coldBytes.css, l.coldBytes.font, kb(l.jsCssGzip), l.katexFetchedBeforeMath ? 'YES (bad)' : 'no', fmt(l.interactiveMs.median), fmt(l.interactiveMs.p95)]));

// 3. Interaction -------------------------------------------------------------------------------------
// Open each lab, lock every prediction through the UI so all gates open, then drive every control's
// native input and time, per instrument that re-rendered: input event → its update done (scripting)
// → the next frame painted (frame).
const STRUCTURAL = new Set(['mls-lab', 'mls-act', 'mls-gate', 'mls-stakeholder', 'mls-prediction-lock', 'mls-reflection', 'mls-callout', 'mls-math-peek', 'mls-ledger-hud', 'mls-ledger-provider', 'mls-slider', 'mls-select', 'mls-context-toggle']);
results.interaction = [];
for (const lab of labs) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.evaluateOnNewDocument(INTERACTIVE_PROBE);
  await page.goto(`${BASE}/${lab}`, { waitUntil: 'load' });
  await page.waitForFunction('window.__interactive !== undefined', { timeout: 20000 });
  const perInstrument = await page.evaluate(async ({ EVENTS, structural }) => {
    const STRUCT = new Set(structural);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const all = () => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mls-'));
    // Lock predictions in order (later acts' locks appear as gates open).
    for (let round = 0; round < 4; round++) {
      for (const lock of document.querySelectorAll('mls-prediction-lock')) {
        const root = lock.shadowRoot; if (!root) continue;
        const radio = root.querySelector('input[type=radio]:not(:disabled)');
        const num = root.querySelector('input[type=number]:not(:disabled)');
        if (radio) { radio.click(); } else if (num) { num.value = lock.getAttribute('answer') ?? num.min; num.dispatchEvent(new Event('input', { bubbles: true })); }
        await lock.updateComplete;
        const btn = [...root.querySelectorAll('button')].find((b) => /lock/i.test(b.textContent) && !b.disabled);
        btn?.click();
        await lock.updateComplete;
      }
      for (const r of document.querySelectorAll('mls-reflection')) {
        const root = r.shadowRoot; const input = root?.querySelector('input:not(:disabled)'); input?.click();
        const btn = [...(root?.querySelectorAll('button') ?? [])].find((b) => !b.disabled); btn?.click();
      }
      await frame(); await frame();
    }
    await Promise.all(all().map((e) => e.updateComplete));
    const instruments = all().filter((e) => !STRUCT.has(e.localName));
    for (const e of instruments) { const orig = e.updated; e.__n = 0; e.updated = function (c) { this.__n++; return orig?.call(this, c); }; }
    const samples = new Map(); // tag -> { scripting: [], frame: [] }
    const controls = all().filter((e) => ['mls-slider', 'mls-select', 'mls-context-toggle'].includes(e.localName));
    for (const c of controls) {
      const root = c.shadowRoot; if (!root) continue;
      const range = root.querySelector('input[type=range]');
      const select = root.querySelector('select');
      const radios = [...root.querySelectorAll('input[type=radio]')];
      for (let i = 0; i < EVENTS; i++) {
        for (const e of instruments) e.__n = 0;
        const t0 = performance.now();
        if (range) {
          const min = Number(range.min), max = Number(range.max);
          range.value = String(min + ((max - min) * ((i * 37) % 100)) / 100);
          range.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        } else if (select) {
          select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
          select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        } else if (radios.length > 1) {
          const r = radios[(i + 1) % radios.length]; r.click();
        } else break;
        // Let scope listeners request updates, then wait for every instrument that updates.
        await Promise.resolve();
        await Promise.all(instruments.map((e) => e.updateComplete));
        const t1 = performance.now();
        await frame();
        const t2 = performance.now();
        for (const e of instruments) if (e.__n > 0) {
          const s = samples.get(e.localName) ?? { scripting: [], frame: [], control: new Set() };
          s.scripting.push(t1 - t0); s.frame.push(t2 - t0); s.control.add(c.getAttribute('name') ?? c.localName);
          samples.set(e.localName, s);
        }
      }
    }
    return [...samples].map(([tag, s]) => ({ tag, scripting: s.scripting, frame: s.frame, controls: [...s.control] }));
  }, { EVENTS, structural: [...STRUCTURAL] });
  for (const s of perInstrument) {
    results.interaction.push({ lab, instrument: s.tag, controls: s.controls, events: s.scripting.length,
      scriptingMs: { p50: q(s.scripting, 0.5), p95: q(s.scripting, 0.95) }, frameMs: { p50: q(s.frame, 0.5), p95: q(s.frame, 0.95) } });
  }
  await ctx.close();
}
table(`3. Interaction: control input event → instrument's next paint (≥${EVENTS} events per control)`, ['lab', 'instrument', 'events', 'script p50', 'script p95', 'frame p50', 'frame p95'],
  results.interaction.map((r) => [r.lab, r.instrument, r.events, fmt(r.scriptingMs.p50, 2), fmt(r.scriptingMs.p95, 2), fmt(r.frameMs.p50, 2), fmt(r.frameMs.p95, 2)]));

// 4. Side by side with Plotly ----------------------------------------------------------------------------
async function chartRun(page) {
  const first = [];
  let bytes = 0;
  for (let i = 0; i < LOADS; i++) { const l = await coldLoad(`${BASE}/bench/pages/${page}`); first.push(l.interactive); const k = byKind(l.resources); bytes = k.js + k.css; }
  const ctx = await browser.createBrowserContext();
  const p = await ctx.newPage();
  await p.goto(`${BASE}/bench/pages/${page}`, { waitUntil: 'load' });
  await p.waitForFunction('window.__ready === true', { timeout: 30000 });
  const upd = await p.evaluate(async (n) => {
    const out = { scripting: [], frame: [] };
    for (let i = 0; i < n; i++) { const r = await window.__update(20 + ((i * 37) % 100) * 8); out.scripting.push(r.scripting); out.frame.push(r.frame); }
    return out;
  }, EVENTS);
  await ctx.close();
  return { bytes, firstRenderMs: med(first), updateFrameMs: med(upd.frame), updateScriptingMs: med(upd.scripting), updateFrameP95: q(upd.frame, 0.95) };
}
const sbs = [];
for (let r = 0; r < REPEATS; r++) sbs.push({ ours: await chartRun('roofline-mls.html'), plotly: await chartRun('roofline-plotly.html') });
const pick = (side, k) => med(sbs.map((s) => s[side][k]));
results.plotly = {
  repeats: REPEATS,
  ours: { bytes: pick('ours', 'bytes'), firstRenderMs: pick('ours', 'firstRenderMs'), updateFrameMs: pick('ours', 'updateFrameMs'), updateScriptingMs: pick('ours', 'updateScriptingMs') },
  plotly: { bytes: pick('plotly', 'bytes'), firstRenderMs: pick('plotly', 'firstRenderMs'), updateFrameMs: pick('plotly', 'updateFrameMs'), updateScriptingMs: pick('plotly', 'updateScriptingMs') },
};
const R = (k) => results.plotly.ours[k] / results.plotly.plotly[k];
results.plotly.ratios = { bytes: R('bytes'), firstRender: R('firstRenderMs'), updateFrame: R('updateFrameMs'), updateScripting: R('updateScriptingMs') };
table(`4. Same roofline, mls-roofline vs Plotly (medians of ${REPEATS} repeats × ${LOADS} cold loads / ${EVENTS} updates)`, ['measure', 'mls-roofline', 'Plotly', 'ours / Plotly'], [
  ['JS+CSS transferred (gzip B)', results.plotly.ours.bytes, results.plotly.plotly.bytes, fmt(results.plotly.ratios.bytes, 4)],
  ['first render (ms from navigation)', fmt(results.plotly.ours.firstRenderMs), fmt(results.plotly.plotly.firstRenderMs), fmt(results.plotly.ratios.firstRender, 3)],
  ['update → next paint (ms)', fmt(results.plotly.ours.updateFrameMs, 2), fmt(results.plotly.plotly.updateFrameMs, 2), fmt(results.plotly.ratios.updateFrame, 3)],
  ['update scripting (ms)', fmt(results.plotly.ours.updateScriptingMs, 2), fmt(results.plotly.plotly.updateScriptingMs, 2), fmt(results.plotly.ratios.updateScripting, 3)],
]);

// 5. Physics in Node ---------------------------------------------------------------------------------------
const physics = await import(join(ROOT, 'dist/physics.js'));
const derivs = physics.LAB_DERIVATIONS ?? {};
const byLab = new Map();
for (const k of Object.keys(derivs)) { const lab = k.split('.')[0]; byLab.set(lab, [...(byLab.get(lab) ?? []), k]); }
results.physics = [];
for (const [lab, keys] of byLab) {
  const scopeFn = physics.LAB_SCOPES?.[lab];
  const run = () => { for (const k of keys) derivs[k](); if (scopeFn) scopeFn(); };
  for (let i = 0; i < 50; i++) run();
  const reps = 2000, times = [];
  for (let j = 0; j < 5; j++) { const t0 = performance.now(); for (let i = 0; i < reps; i++) run(); times.push(((performance.now() - t0) / reps) * 1000); }
  results.physics.push({ lab, what: scopeFn ? 'LAB_SCOPES + answer derivations' : 'answer derivations', microseconds: med(times) });
}
{
  const dev = physics.getDevice('h100');
  const t0 = performance.now(); const reps = 2000;
  for (let i = 0; i < reps; i++) for (let j = 0; j < 500; j++) physics.roofline(dev, 10 ** (-1 + (5 * j) / 499), 'fp16');
  results.physics.push({ lab: '(roofline)', what: '500-point roof', microseconds: ((performance.now() - t0) / reps) * 1000 });
}
table('5. Physics: time to recompute a lab scope in Node (median of 5 × 2000 runs)', ['lab', 'what', 'µs per recompute'], results.physics.map((p) => [p.lab, p.what, fmt(p.microseconds, 2)]));

// Targets ------------------------------------------------------------------------------------------------------
const verdicts = [];
for (const l of results.labs) {
  verdicts.push([`${l.lab}: cold JS+CSS ≤ 100 KB gzip`, kb(l.jsCssGzip), l.jsCssGzip <= TARGETS.labColdGzipBytes]);
  verdicts.push([`${l.lab}: KaTeX not fetched before math opens`, l.katexFetchedBeforeMath ? 'fetched' : 'not fetched', !l.katexFetchedBeforeMath]);
  verdicts.push([`${l.lab}: interactive ≤ 150 ms (median)`, `${fmt(l.interactiveMs.median)} ms`, l.interactiveMs.median <= TARGETS.labInteractiveMs]);
}
for (const r of results.interaction) verdicts.push([`${r.lab} ${r.instrument}: input → paint p95 ≤ 8 ms`, `${fmt(r.frameMs.p95, 2)} ms (scripting ${fmt(r.scriptingMs.p95, 2)})`, r.frameMs.p95 <= TARGETS.interactionP95Ms]);
verdicts.push(['roofline bytes ≥ 30× fewer than Plotly', `${fmt(1 / results.plotly.ratios.bytes, 1)}×`, results.plotly.ratios.bytes <= TARGETS.plotlyBytesRatio]);
verdicts.push(['roofline update ≥ 10× faster than Plotly', `${fmt(1 / results.plotly.ratios.updateFrame, 1)}×`, results.plotly.ratios.updateFrame <= TARGETS.plotlyUpdateRatio]);
results.verdicts = verdicts.map(([target, measured, met]) => ({ target, measured, met }));
table('Targets', ['target', 'measured', 'met?'], verdicts.map(([t, m, ok]) => [t, m, ok ? 'yes' : 'MISSED']));

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote bench/results.json (${relative(ROOT, join(ROOT, 'bench/results.json'))}).`);
await browser.close();
server.close();
