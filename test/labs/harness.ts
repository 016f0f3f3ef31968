/**
 * A learner in a box: loads a lab page for real into a same-origin <iframe srcdoc> and drives
 * it through its own native inputs (radios, range inputs, selects, buttons inside the
 * elements' shadow roots), the way a person with a mouse or keyboard would.
 * Used by test/labs/conformance.test.ts and the per-lab tests. How each control is read and
 * operated lives in the per-tag registry test/helpers/controls.ts (shared with the component
 * tests and the lab stories); this file only decides what to choose.
 */
import { controlFor, operate } from '../helpers/controls.js';

export const LEDGER_KEY = 'mlsys-labs.ledger';

type Win = Window &
  typeof globalThis & {
    __mlsErrors: string[];
    __mlsWarnings: string[];
    axe?: { run: (ctx: unknown, opts?: unknown) => Promise<AxeResults> };
  };

export interface AxeResults {
  violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}

/** Lit-style element with an update promise and arbitrary properties. */
export type AnyEl = HTMLElement & { updateComplete?: Promise<unknown>; [k: string]: unknown };

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Every page under labs/ except the gallery, from the test server's /__labs.json. */
export async function listLabs(): Promise<string[]> {
  const res = await fetch('/__labs.json');
  if (!res.ok) throw new Error(`/__labs.json: HTTP ${res.status} (is labsListPlugin in web-test-runner.config.mjs?)`);
  return res.json();
}

/**
 * A lab page whose <mls-lab> keeps its ledger under a storage key of its own: test files run side
 * by side on one origin and share localStorage (the conformance suite clears the page-level
 * ledger before each lab), so a file that reads records gives its labs their own ledger. The
 * page's <mls-lab> goes inside an <mls-ledger-provider storage-key>, whose module is loaded ahead
 * of the autoloader so it is defined before the lab connects.
 */
export async function isolatedLab(url: string, storageKey: string): Promise<LabInfo> {
  const info = await readLab(url);
  const html = info.html
    .replace(
      '<script type="module" src="../../dist/autoload.js"></script>',
      '<script type="module" src="../../dist/elements/mls-ledger-provider.js"></script><script type="module" src="../../dist/autoload.js"></script>',
    )
    .replace('<mls-lab ', `<mls-ledger-provider storage-key="${storageKey}"><mls-lab `)
    .replace('</mls-lab>', '</mls-lab></mls-ledger-provider>');
  if (html === info.html) throw new Error(`${url}: could not wrap its <mls-lab> in a provider`);
  return { ...info, html };
}

/** What a lab page declares, read from its HTML without running it. */
export interface LabInfo {
  url: string;
  html: string;
  volume: number;
  chapter: number;
  key: string;
  title: string;
}

export async function readLab(url: string): Promise<LabInfo> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const html = await res.text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lab = doc.querySelector('mls-lab');
  const volume = Number(lab?.getAttribute('volume'));
  const chapter = Number(lab?.getAttribute('chapter'));
  const key = `v${volume}.ch${String(chapter).padStart(2, '0')}`;
  return { url, html, volume, chapter, key, title: lab?.getAttribute('title') ?? doc.title };
}

/** The script that records errors, rejections, console.error and console.warn in the lab page. */
const RECORDER = `<script>(function(){
  var E = window.__mlsErrors = [], W = window.__mlsWarnings = [];
  function s(a){ try { return Array.prototype.map.call(a, function(x){ return x && x.stack ? String(x.stack).split('\\n').slice(0,3).join(' | ') : typeof x === 'object' ? JSON.stringify(x) : String(x); }).join(' '); } catch (e) { return String(a[0]); } }
  window.addEventListener('error', function(e){
    var t = e.target;
    if (t && t !== window && t.tagName) E.push('failed to load <' + t.tagName.toLowerCase() + '> ' + (t.src || t.href || ''));
    else E.push('error: ' + (e.message || '') + (e.filename ? ' @ ' + e.filename + ':' + e.lineno : ''));
  }, true);
  window.addEventListener('unhandledrejection', function(e){ E.push('unhandled rejection: ' + s([e.reason])); });
  var ce = console.error, cw = console.warn;
  console.error = function(){ E.push('console.error: ' + s(arguments)); return ce.apply(console, arguments); };
  console.warn = function(){ W.push('console.warn: ' + s(arguments)); return cw.apply(console, arguments); };
})();</script>`;

/** Insert `<base>` (the page's own folder) and the recorder at the top of <head>. */
export function instrument(html: string, url: string): string {
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  const inject = `<base href="${folder}">${RECORDER}`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}${inject}`);
  return `${inject}${html}`;
}

/**
 * Wait `n` animation frames. A page the runner keeps in the background gets no frames, so
 * each frame also ends after 100 ms.
 */
export const frames = (win: Window, n = 2) =>
  new Promise<void>((resolve) => {
    const step = (k: number) => {
      if (k <= 0) {
        resolve();
        return;
      }
      let done = false;
      const next = () => {
        if (!done) {
          done = true;
          step(k - 1);
        }
      };
      win.requestAnimationFrame(next);
      setTimeout(next, 100);
    };
    step(n);
  });

/**
 * Wait for the page's next idle period. <mls-lab> writes value changes (a moved slider) to the
 * ledger when the page is idle; idle callbacks run in the order they were requested, so after
 * this the ledger in localStorage holds every change made before it was called.
 */
export const idle = (win: Window) =>
  new Promise<void>((resolve) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 250);
  });

/** Every element matching `pred` in the light DOM and every open shadow root under `root`. */
export function deepAll(root: ParentNode, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (pred(el)) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

export const isMls = (el: Element) => el.localName.startsWith('mls-');

/** The name a gate waits for: the head of its `when` reference (`$act1.locked` → act1), or its `after`. */
export function gateKey(gate: Element): string {
  const when = (gate.getAttribute('when') ?? '').trim();
  if (when.startsWith('$')) return when.slice(1).split('.')[0];
  return (gate.getAttribute('after') ?? '').trim();
}

/** Every `$ref` path an element's attributes read (pair attributes such as `record` included). */
export function refsOf(el: Element): string[] {
  const out: string[] = [];
  for (const a of el.attributes) {
    for (const token of a.value.trim().split(/\s+/)) {
      const at = token.indexOf('$');
      if (at === 0 || (at > 0 && token[at - 1] === ':')) {
        const path = token.slice(at + 1);
        if (/^[A-Za-z_][\w-]*(\.[\w-]+)*$/.test(path)) out.push(path);
      }
    }
  }
  return out;
}

/** mls-* elements under `root` in its light DOM only (template content is never included). */
export function mlsIn(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].filter(isMls);
}

export class LabFrame {
  readonly iframe: HTMLIFrameElement;
  readonly info: LabInfo;

  constructor(info: LabInfo) {
    this.info = info;
    this.iframe = document.createElement('iframe');
    this.iframe.title = `lab under test: ${info.url}`;
    Object.assign(this.iframe.style, { width: '1100px', height: '900px', border: '0' });
    document.body.appendChild(this.iframe);
  }

  get win(): Win {
    return this.iframe.contentWindow as Win;
  }
  get doc(): Document {
    return this.iframe.contentDocument!;
  }
  get lab(): AnyEl {
    return this.doc.querySelector('mls-lab') as unknown as AnyEl;
  }
  #pastErrors: string[] = [];
  #pastWarnings: string[] = [];

  /** Errors recorded since the first load (across reloads). */
  get errors(): string[] {
    return [...this.#pastErrors, ...(this.win?.__mlsErrors ?? [])];
  }
  /** console.warn calls since the first load (across reloads). */
  get warnings(): string[] {
    return [...this.#pastWarnings, ...(this.win?.__mlsWarnings ?? [])];
  }

  /** Load (or reload) the page from its HTML and wait until every element has rendered. */
  async load(): Promise<void> {
    if (this.win?.__mlsErrors) {
      this.#pastErrors.push(...this.win.__mlsErrors.map((e) => `(before reload) ${e}`));
      this.#pastWarnings.push(...this.win.__mlsWarnings.map((e) => `(before reload) ${e}`));
    }
    const loaded = new Promise<void>((resolve) => this.iframe.addEventListener('load', () => resolve(), { once: true }));
    this.iframe.srcdoc = instrument(this.info.html, this.info.url);
    await loaded;
    await this.settle();
  }

  /** Wait until every mls-* element (light and shadow DOM) is defined and has finished updating. */
  async settle(timeoutMs = 8000): Promise<void> {
    const t0 = performance.now();
    const undefinedEls = () => deepAll(this.doc, isMls).filter((el) => !this.win.customElements.get(el.localName));
    // Elements can appear while settling (a gate opening stamps its template) and are defined
    // when their module arrives: wait until a pass ends with every element defined.
    for (let pass = 0; ; pass++) {
      for (;;) {
        const pending = undefinedEls();
        if (pending.length === 0) break;
        if (performance.now() - t0 > timeoutMs) {
          throw new Error(`elements never defined: ${[...new Set(pending.map((e) => `<${e.localName}>`))].join(', ')}`);
        }
        await sleep(25);
      }
      for (let round = 0; round < 3; round++) {
        await Promise.all(deepAll(this.doc, isMls).map((el) => (el as AnyEl).updateComplete));
        await frames(this.win, 2);
      }
      if (undefinedEls().length === 0 || pass >= 20) break;
    }
    await idle(this.win);
  }

  /** The shadow root of `el`, failing clearly when there is none. */
  shadow(el: Element): ShadowRoot {
    if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root`);
    return el.shadowRoot;
  }

  /** A button in `el`'s shadow root whose text matches. */
  button(el: Element, text: RegExp): HTMLButtonElement | undefined {
    return [...this.shadow(el).querySelectorAll('button')].find((b) => text.test(b.textContent ?? '')) as HTMLButtonElement | undefined;
  }

  /** The element of the lab named `name` (a lock, reflection or control). */
  named(name: string): AnyEl | undefined {
    return [...this.doc.querySelectorAll(`[name="${CSS.escape(name)}"]`)].find(isMls) as AnyEl | undefined;
  }

  isLocked(lock: Element): boolean {
    return lock.hasAttribute('locked') || !!(lock as AnyEl).locked;
  }

  isAnswered(el: Element): boolean {
    return el.hasAttribute('answered') || !!(el as AnyEl).answered;
  }

  isGateOpen(gate: Element): boolean {
    return gate.hasAttribute('open') || (gate as AnyEl).open === true || [...gate.children].some((c) => c.localName !== 'template');
  }

  /**
   * Lock a prediction as a learner: pick an option (by default a wrong one, so the overlay has
   * a gap to state; a numeric lock gets a number) and press "Lock prediction".
   */
  async lock(lock: Element, pick: 'wrong' | 'right' | string = 'wrong'): Promise<string> {
    const h = controlFor(lock);
    const name = lock.getAttribute('name');
    const answer = lock.getAttribute('answer') ?? '';
    const offered = h.values(lock);
    let chosen: string;
    if (this.shadow(lock).querySelector('input[type="radio"]')) {
      chosen =
        pick === 'wrong'
          ? (offered.find((v) => v !== answer) ?? offered[0])
          : pick === 'right'
            ? (offered.find((v) => v === answer) ?? offered[0])
            : pick;
    } else {
      const a = Number(answer);
      const [lo, hi] = offered.length === 2 ? offered.map(Number) : [-Infinity, Infinity];
      // A wrong number inside the bounds: the end farther from the answer.
      const far = Number.isFinite(lo) && Number.isFinite(hi) ? (Math.abs(a - lo) > Math.abs(a - hi) ? lo : hi) : a * 2 || 1;
      chosen = String(pick === 'right' ? a : pick === 'wrong' ? far : Number(pick));
    }
    h.set(lock, chosen); // throws naming the lock when it does not offer `chosen`
    await this.settle();
    if (!h.commit!(lock))
      throw new Error(`the "Lock prediction" button of "${name}" is missing or stays disabled after choosing ${chosen}`);
    await this.settle();
    return chosen;
  }

  /** Answer a reflection / concept check: pick an option (or the first checkboxes) and submit if there is a button. */
  async answer(el: Element, pick: 'right' | 'first' | string[] = 'right'): Promise<void> {
    const h = controlFor(el);
    const answer = (el.getAttribute('answer') ?? '').split(/[\s,]+/).filter(Boolean);
    const offered = h.values(el);
    if (!offered.length) throw new Error(`<${el.localName} name="${el.getAttribute('name')}"> shows no options`);
    const want = Array.isArray(pick) ? pick : pick === 'right' && answer.length ? answer : [offered[0]];
    h.set(el, want.join(' '));
    await this.settle();
    if (h.commit?.(el)) await this.settle();
  }

  /**
   * Open every gate in document order by completing what it waits for (locks with a wrong
   * option, reflections with the first option), except the names in `keep`.
   */
  async openGates(keep: Set<string> = new Set()): Promise<void> {
    for (let guard = 0; guard < 40; guard++) {
      const closed = [...this.doc.querySelectorAll('mls-gate')].filter((g) => !this.isGateOpen(g));
      let progressed = false;
      for (const gate of closed) {
        const after = gateKey(gate);
        if (!after || keep.has(after)) continue;
        const target = this.named(after);
        if (!target) continue;
        if (target.localName === 'mls-prediction-lock' && !this.isLocked(target)) {
          await this.lock(target);
          progressed = true;
          break;
        }
        if (target.localName === 'mls-reflection' && !this.isAnswered(target)) {
          await this.answer(target, 'right');
          progressed = true;
          break;
        }
        if (target.localName === 'mls-context-toggle') {
          const ids = controlFor(target).values(target);
          if (ids.length) {
            await this.setControl(target, ids[0]);
            progressed = true;
            break;
          }
        }
      }
      if (!progressed) return;
    }
  }

  radioValues(el: Element): string[] {
    return ([...this.shadow(el).querySelectorAll('input[type="radio"]')] as HTMLInputElement[]).map((r) => r.value);
  }

  /** The control's current value as its native input shows it. */
  controlValue(control: Element): string {
    return controlFor(control).value(control);
  }

  /** Another value the control offers: for numbers, the offered value farthest from the current one. */
  otherValue(control: Element): string | undefined {
    const h = controlFor(control);
    const now = h.value(control);
    const offered = h.values(control);
    if (offered.length && offered.every((v) => v !== '' && Number.isFinite(Number(v)))) {
      const cur = Number(now);
      const far = offered.reduce((best, v) => (Math.abs(Number(v) - cur) > Math.abs(Number(best) - cur) ? v : best), offered[0]);
      return Number(far) === cur ? undefined : far;
    }
    return offered.find((v) => v !== now);
  }

  /** Set a control through its own native input and events, as a person would (and confirm it, if it asks). */
  async setControl(control: Element, value: string): Promise<void> {
    await operate(control, value, () => this.settle());
  }

  /** The lab's controls: sliders, selects and context toggles. */
  controls(): Element[] {
    return [...this.doc.querySelectorAll('mls-slider, mls-select, mls-context-toggle')];
  }

  /** The control a recipe's scope name refers to. */
  controlNamed(name: string): Element | undefined {
    return this.controls().find((c) =>
      c.localName === 'mls-context-toggle'
        ? (c.getAttribute('name') ?? 'context') === name || (c.getAttribute('device-name') ?? 'device') === name
        : c.getAttribute('name') === name,
    );
  }

  /** Apply a scenario recipe (scope name → value, in order) through the page's own controls. */
  async applyRecipe(recipe: Readonly<Record<string, string | number>>): Promise<void> {
    for (const [name, value] of Object.entries(recipe)) {
      const control = this.controlNamed(name);
      if (!control) throw new Error(`the recipe sets "${name}", but no mls-slider/mls-select/mls-context-toggle in the lab writes it`);
      // Recipes hold scope (SI) values; a slider with si-scale shows and takes display units.
      const scale = control.localName === 'mls-slider' ? Number(control.getAttribute('si-scale') ?? 1) : 1;
      await this.setControl(control, String(typeof value === 'number' && scale !== 1 ? value / scale : value));
    }
  }

  /**
   * The text a learner can see in the lab (light DOM and open shadow roots), plus a hash of
   * every canvas, leaving out the `exclude` subtrees.
   */
  visibleSnapshot(exclude: Element[] = [], root: Element = this.lab ?? this.doc.body): string {
    const parts: string[] = [];
    const skip = new Set(exclude);
    const walkChildren = (node: ParentNode) => {
      for (const child of node.childNodes) walk(child);
    };
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const t = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) parts.push(t);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const el = node as HTMLElement;
      const style = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
      if (skip.has(el) || ['script', 'style', 'template', 'noscript'].includes(el.localName)) return;
      if (
        el.localName !== 'slot' &&
        typeof el.checkVisibility === 'function' &&
        !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
        style.display !== 'contents'
      )
        return;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1 && style.overflow === 'hidden') return; // visually hidden
      if (el.localName === 'canvas') {
        try {
          parts.push(`canvas#${hash((el as HTMLCanvasElement).toDataURL())}`);
        } catch {
          parts.push('canvas#?');
        }
      }
      if (el.localName === 'input' || el.localName === 'select') parts.push(`[${(el as HTMLInputElement).value}]`);
      if (el.shadowRoot) walkChildren(el.shadowRoot);
      else if (el.localName === 'slot') (el as HTMLSlotElement).assignedNodes({ flatten: true }).forEach(walk);
      else walkChildren(el);
    };
    walk(root);
    return parts.join('\n');
  }

  /** The stored ledger file (parsed), or null. */
  ledgerFile(storageKey: string = LEDGER_KEY): { records: Record<string, Record<string, unknown>> } | null {
    const raw = this.win.localStorage.getItem(storageKey);
    return raw ? JSON.parse(raw) : null;
  }

  /** Run axe-core inside the lab page (injected from node_modules). */
  async axe(): Promise<AxeResults> {
    if (!this.win.axe) {
      const src = await axeSource();
      const s = this.doc.createElement('script');
      s.textContent = src;
      this.doc.head.appendChild(s);
    }
    return this.win.axe!.run(this.doc, { resultTypes: ['violations'] });
  }

  remove(): void {
    this.iframe.remove();
  }
}

let axeText: Promise<string> | undefined;
function axeSource(): Promise<string> {
  axeText ??= fetch('/node_modules/axe-core/axe.min.js').then((r) => {
    if (!r.ok) throw new Error(`axe-core: HTTP ${r.status}`);
    return r.text();
  });
  return axeText;
}

/** FNV-1a, enough to tell two canvases apart. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/** axe violations as readable lines. */
export function describeViolations(r: AxeResults): string[] {
  return r.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  );
}
