// Smoke-test a static Storybook build: serve it on 127.0.0.1 (node:http), read index.json and open
// every story's iframe in Chromium (puppeteer-core, the system browser: nothing is downloaded).
// A story passes when its root renders a custom element with a shadow root and the page logged no
// uncaught error and no console error. Prints `ok <id>` / `FAIL <id> <reason>` and a final
// `N passed, N failed` line; exits 1 on any failure or when there are no stories.
//
// usage: node scripts/smoke-storybook.mjs [storybook-static]
//   STORY_TIMEOUT_MS (default 15000), SMOKE_PAGES (pages working in parallel, default 2)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome } from './find-chrome.mjs';

const root = resolve(process.argv[2] ?? 'storybook-static');
const timeout = Number(process.env.STORY_TIMEOUT_MS ?? 15000);
const pages = Math.max(1, Number(process.env.SMOKE_PAGES ?? 2) || 1);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(dir) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let path = normalize(join(dir, decodeURIComponent(url.pathname)));
      if (path !== dir && !path.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      if (url.pathname === '/favicon.ico' && !(await stat(path).catch(() => null))) {
        res.writeHead(204).end();
        return;
      }
      const body = await readFile(path);
      // Hashed bundles may be cached between stories (a story load then only runs code); pages and
      // index.json are always revalidated.
      const hashed = /[\\/](assets|sb-manager|sb-addons|sb-common-assets)[\\/]/.test(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=3600, immutable' : 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

async function main() {
  let index;
  try {
    index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
  } catch (err) {
    console.error(`smoke-storybook: cannot read ${join(root, 'index.json')} (${err.message}); run \`npm run storybook:build\` first.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const stories = Object.values(index.entries ?? index.stories ?? {}).filter((e) => (e.type ?? 'story') === 'story');
  if (stories.length === 0) {
    console.log('FAIL (no stories) index.json lists no stories');
    console.log('0 passed, 0 failed');
    process.exit(1);
  }

  const executablePath = findChrome();
  if (!executablePath) {
    console.error('smoke-storybook: no Chromium/Chrome found (set CHROME_PATH, or run scripts/ensure-chrome.mjs).');
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });

  let passed = 0;
  let failed = 0;
  const results = new Array(stories.length);
  let printed = 0;
  const flush = () => {
    while (printed < results.length && results[printed] !== undefined) console.log(results[printed++]);
  };

  async function check(page, story, errors) {
    const url = `${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`;
    try {
      await page.goto(url, { waitUntil: 'load', timeout });
      await page.waitForFunction(
        () => {
          const rootEl = document.querySelector('#storybook-root') ?? document.querySelector('#root');
          if (!rootEl) return false;
          const els = [rootEl, ...rootEl.querySelectorAll('*')];
          return els.some((el) => el.localName.includes('-') && el.shadowRoot && el.shadowRoot.childNodes.length > 0);
        },
        { timeout, polling: 100 },
      );
      // let late errors (async renders, lazy chunks) surface
      await new Promise((r) => setTimeout(r, 150));
      const shownError = await page.evaluate(() =>
        document.body.classList.contains('sb-show-errordisplay')
          ? document.querySelector('#error-message')?.textContent || 'Storybook error display shown'
          : '',
      );
      if (shownError) errors.push(`story error: ${shownError.trim()}`);
      if (errors.length) throw new Error(errors.join(' | '));
      passed++;
      return `ok ${story.id}`;
    } catch (err) {
      const timedOut = err?.name === 'TimeoutError';
      const reason =
        (timedOut ? `no custom element with a shadow root rendered within ${timeout} ms` : (err?.message ?? String(err))) +
        (timedOut && errors.length ? ` | ${errors.join(' | ')}` : '');
      failed++;
      return `FAIL ${story.id} ${reason.replace(/\s+/g, ' ')}`;
    }
  }

  async function worker(queue) {
    const page = await browser.newPage();
    let errors = [];
    page.on('pageerror', (err) => errors.push(`pageerror: ${err?.message ?? err}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && res.url().startsWith(base)) errors.push(`HTTP ${res.status()} ${res.url().slice(base.length)}`);
    });
    page.on('requestfailed', (req) => {
      if (req.url().startsWith(base)) errors.push(`request failed: ${req.url().slice(base.length)} (${req.failure()?.errorText})`);
    });
    for (let i = queue.next(); i !== undefined; i = queue.next()) {
      errors = [];
      results[i] = await check(page, stories[i], errors);
      flush();
    }
    await page.close().catch(() => {});
  }

  try {
    let nextIndex = 0;
    const queue = { next: () => (nextIndex < stories.length ? nextIndex++ : undefined) };
    await Promise.all(Array.from({ length: Math.min(pages, stories.length) }, () => worker(queue)));
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
  flush();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main().catch((err) => {
  console.error('smoke-storybook:', err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
