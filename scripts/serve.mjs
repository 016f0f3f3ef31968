// `npm start`: build if dist/ is missing or older than the sources, then serve the repository
// root on http://localhost:8000 (PORT overrides) with node:http. `/` redirects to the labs
// gallery at /labs/. Nothing but files under the repository root is ever served.
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PORT = Number(process.env.PORT ?? 8000);
const HOST = process.env.HOST ?? 'localhost';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Newest modification time (ms) of the files under `dir` whose names pass `keep`. */
function newest(dir, keep = () => true) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(p, keep));
    else if (keep(entry.name)) latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

/** Why dist/ needs a build, or null when it is up to date. */
export function staleReason(root = ROOT) {
  const out = join(root, 'dist', 'autoload.js');
  if (!existsSync(out)) return 'dist/autoload.js is missing';
  const built = statSync(out).mtimeMs;
  const ts = (n) => n.endsWith('.ts') && !n.endsWith('.stories.ts') && !n.endsWith('.test.ts');
  const sources = Math.max(
    newest(join(root, 'src'), (n) => ts(n) && n !== 'elements.ts'),
    newest(join(root, 'components'), ts),
    newest(join(root, 'physics'), ts),
    ...['rollup.config.mjs', 'package.json'].map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0)),
  );
  // New or removed element files change the generated list without touching a source's mtime.
  const components = existsSync(join(root, 'components')) ? statSync(join(root, 'components')).mtimeMs : 0;
  if (Math.max(sources, components) > built) return 'sources changed since the last build';
  return null;
}

function build() {
  const reason = staleReason();
  if (!reason) return;
  console.log(`mlsys-labs: building (${reason})...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('mlsys-labs: the build failed; fix the errors above and run `npm start` again.');
    process.exit(r.status ?? 1);
  }
}

/** Map a URL path to a file under ROOT (index.html for directories), or null. */
export function fileFor(urlPath, root = ROOT) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) return null; // outside the root
  if (!existsSync(target)) return null;
  const st = statSync(target);
  if (st.isDirectory()) {
    const index = join(target, 'index.html');
    return existsSync(index) ? { path: index, directory: true } : null;
  }
  return { path: target, directory: false };
}

function serve(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  if (url.pathname === '/') {
    res.writeHead(302, { Location: '/labs/' });
    res.end();
    return;
  }
  const found = fileFor(url.pathname);
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Not found: ${url.pathname}\nThe labs gallery is at /labs/\n`);
    return;
  }
  if (found.directory && !url.pathname.endsWith('/')) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
    res.end();
    return;
  }
  const type = MIME[extname(found.path).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  build();
  const server = createServer(serve);
  server.on('error', (e) => {
    console.error(
      e.code === 'EADDRINUSE'
        ? `mlsys-labs: port ${PORT} is in use; run with another, e.g. PORT=8001 npm start`
        : `mlsys-labs: the server failed: ${e.message}`,
    );
    process.exit(1);
  });
  server.listen(PORT, HOST, () => {
    console.log(`mlsys-labs: serving ${ROOT}`);
    console.log(`  Labs gallery: http://${HOST}:${PORT}/labs/`);
    console.log('  Press Ctrl+C to stop.');
  });
}
