/**
 * Autoloader: registers only the mls-* elements present on the page (and any added later).
 * This is what labs and embedding pages load, so a page pays only for the elements it uses.
 * Elements that render other elements import those themselves.
 */
import { ELEMENT_LOADERS } from './generated/loaders.js';

const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  const loader = ELEMENT_LOADERS[tag];
  if (!loader) return;
  requested.add(tag);
  loader().catch((err) => console.error(`mlsys-labs: could not load <${tag}>`, err));
}

/** Find and load every mls-* element under `root` (including inside <template> content is skipped). */
export function discover(root: ParentNode = document): void {
  if ('localName' in root) {
    const n = (root as Element).localName;
    if (n?.startsWith('mls-')) load(n);
  }
  for (const el of root.querySelectorAll('*')) if (el.localName.startsWith('mls-')) load(el.localName);
}

if (typeof document !== 'undefined') {
  discover();
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1) discover(node as Element);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
