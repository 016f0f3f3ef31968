/**
 * Reading what an element shows, the way a learner (or a screen reader) meets it: the text of
 * its shadow root, and the inline role="alert" an element renders for a rejected attribute.
 * Tests read text rather than private fields so that a refactor of an element's internals does
 * not break them, and so that they fail when the learner would see the wrong thing.
 */

/** Subtrees that never show text: style sheets, scripts, inert templates. */
const SILENT = new Set(['style', 'script', 'template', 'noscript']);

/** Collapse runs of white space to one space and trim. */
export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function hidden(el: Element): boolean {
  if (SILENT.has(el.localName) || el.hasAttribute('hidden')) return true;
  if (!el.isConnected) return false;
  return getComputedStyle(el).display === 'none';
}

/** The text of `node`'s subtree, skipping `exclude` matches and subtrees that are not rendered. */
function textOf(node: Node, exclude?: string): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      out += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      if (hidden(el) || (exclude && el.matches(exclude))) return;
    }
    for (const c of n.childNodes) walk(c);
  };
  walk(node);
  return out;
}

/**
 * The element's own rendered text: its shadow root's text with white space collapsed, leaving
 * out styles, templates, `hidden` and `display: none` subtrees (visually hidden text for
 * assistive technology is kept: it is part of what the element says). Slotted light-DOM content
 * is not included, so an author's prose cannot make an element look as if it said something.
 * `exclude` (a selector) leaves matching subtrees out, e.g. `'[role="alert"]'`.
 */
export function shadowText(el: Element, exclude?: string): string {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root`);
  return squash(textOf(el.shadowRoot, exclude));
}

/** The text of the shadow-DOM element matching `selector` ('' when there is none). */
export function partText(el: Element, selector: string): string {
  const found = el.shadowRoot?.querySelector(selector);
  return found ? squash(textOf(found)) : '';
}

/**
 * The text of the inline role="alert" messages in the element's shadow root (all of them, in
 * order), or '' when it shows none: the bad-input message names the attribute, the value received
 * and what is accepted.
 */
export function alertText(el: Element): string {
  const alerts = el.shadowRoot ? [...el.shadowRoot.querySelectorAll('[role="alert"]')] : [];
  return squash(alerts.map((a) => a.textContent ?? '').join(' '));
}

/**
 * One animation frame, or 100 ms, whichever comes first: a test page the runner keeps in the
 * background gets no frames, and a test must not hang on that.
 */
export function nextFrame(win: Window = window): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    win.requestAnimationFrame(finish);
    setTimeout(finish, 100);
  });
}

/** Wait until `el` (a Lit element) has finished updating, then one frame (charts draw on frames). */
export async function settle(el: Element): Promise<void> {
  const update = (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  if (update) await update;
  await nextFrame(el.ownerDocument.defaultView ?? window);
  const again = (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  if (again) await again;
}
