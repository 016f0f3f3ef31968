/**
 * Autoloader: registers the mls-* elements present on the page (and any added later).
 * This is what labs and embedding pages load, so a page pays only for the elements it uses.
 *
 * - The core elements (lab structure and controls, `CORE_TAGS`) come as one chunk: a page that
 *   holds any of them gets all of them in one request. Every other element (the instruments)
 *   is its own module, fetched only when its tag appears.
 * - This module imports nothing statically, so it starts every fetch as soon as it runs. The
 *   build writes into it, for each tag, every file of that element's static import graph
 *   (`PRELOAD`), and the autoloader asks for all of them at once with `<link rel="modulepreload">`:
 *   a lab's modules arrive in one round of requests instead of one round per level of imports.
 * Elements that render other elements import those themselves.
 */
import { CORE_TAGS, ELEMENT_LOADERS } from './generated/loaders.js';

/**
 * Tag → the built files (relative to this module) of its static import graph. Filled in by
 * rollup.config.mjs; empty when this module runs unbuilt (then nothing is preloaded).
 */
const PRELOAD: Record<string, string[]> = JSON.parse('{"__mls_preload__":[]}');

const requested = new Set<string>();
const preloaded = new Set<string>();
const core = new Set(CORE_TAGS);

function preload(tag: string): void {
  const files = PRELOAD[tag];
  if (!files || typeof document === 'undefined') return;
  const parent = document.head ?? document.documentElement;
  for (const file of files) {
    const href = new URL(file, import.meta.url).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    parent.appendChild(link);
  }
}

function load(tag: string): void {
  const key = core.has(tag) ? 'core' : tag;
  if (requested.has(key) || customElements.get(tag)) return;
  const loader = ELEMENT_LOADERS[tag];
  if (!loader) return;
  requested.add(key);
  preload(tag);
  loader().catch((err) => console.error(`mlsys-labs: could not load <${tag}>`, err));
}

/** Find and load every mls-* element under `root` (content of <template> is not searched). */
export function discover(root: ParentNode = document): void {
  const tags = new Set<string>();
  if ('localName' in root) {
    const n = (root as Element).localName;
    if (n?.startsWith('mls-')) tags.add(n);
  }
  for (const el of root.querySelectorAll('*')) if (el.localName.startsWith('mls-')) tags.add(el.localName);
  // Preload every graph first, then start the imports: all fetches go out in one round.
  for (const t of tags) if (!requested.has(core.has(t) ? 'core' : t) && !customElements.get(t)) preload(t);
  for (const t of tags) load(t);
}

if (typeof document !== 'undefined') {
  discover();
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1) discover(node as Element);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
