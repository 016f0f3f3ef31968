/**
 * Lazy KaTeX. Nothing of KaTeX is fetched until `renderTex` is first called (a math panel
 * opening); the dynamic import below is what lets rollup split KaTeX into its own chunk.
 * Output is MathML only: Chromium ignores @font-face rules inside shadow roots, so KaTeX's
 * HTML output would render without its fonts, while MathML renders natively with none.
 */
type Katex = typeof import('katex').default;

let katexPromise: Promise<Katex> | undefined;
let requests = 0;

/** How many times the KaTeX module has been requested (0 until the first `renderTex`). */
export function katexRequestCount(): number {
  return requests;
}

/** Load KaTeX once; a failed load is forgotten so the next call can try again. */
export function loadKatex(): Promise<Katex> {
  if (!katexPromise) {
    requests++;
    katexPromise = import('katex')
      .then((m) => (m.default ?? m) as Katex)
      .catch((err: unknown) => {
        katexPromise = undefined;
        throw err;
      });
  }
  return katexPromise;
}

function showSource(tex: string, target: Element, note: string): void {
  const doc = target.ownerDocument;
  const code = doc.createElement('code');
  code.className = 'mls-tex-source';
  code.textContent = tex;
  const alert = doc.createElement('span');
  alert.className = 'mls-tex-error';
  alert.setAttribute('role', 'alert');
  alert.textContent = ` (${note})`;
  target.replaceChildren(code, alert);
}

/**
 * Typeset `tex` into `target` as MathML (display or inline). Never throws: if KaTeX cannot
 * be loaded or the TeX does not parse, the source is shown with a role="alert" note.
 */
export async function renderTex(tex: string, target: Element, displayMode: boolean): Promise<void> {
  let katex: Katex;
  try {
    katex = await loadKatex();
  } catch (err) {
    console.warn('mlsys-labs: KaTeX could not be loaded; showing the TeX source.', err);
    showSource(tex, target, 'the math renderer could not be loaded');
    return;
  }
  try {
    katex.render(tex, target as HTMLElement, {
      displayMode,
      output: 'mathml',
      throwOnError: true,
      strict: 'ignore',
      trust: false,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`mlsys-labs: could not typeset "${tex}": ${message}`);
    showSource(tex, target, `could not typeset this formula: ${message}`);
  }
}
