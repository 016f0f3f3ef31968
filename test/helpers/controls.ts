/**
 * How a learner operates each control, in one place: a registry from tag to a small harness
 * that reads the control's value, lists the values a learner can choose, and chooses one through
 * the element's own native inputs in its shadow root (clicking radios, moving the range input,
 * picking a select option, typing a number), dispatching the events a browser would.
 *
 * Used by the component tests, by the lab harness (test/labs/harness.ts, for elements inside an
 * iframe: nothing here uses `instanceof` or the current window's constructors) and by the lab
 * stories (stories/_lab-story.ts), so a control added later needs one entry here rather than a
 * branch in every method that drives a lab. It imports nothing but the DOM, so stories can load it.
 *
 * Values are strings, as a page's attributes are: a slider's "512", a multiple-choice
 * reflection's "move_server edge_deploy" (space-separated, as its `answer` attribute).
 */

/** One control's harness. */
export interface ControlHarness {
  /** The value the control holds now, as text ('' when nothing is chosen yet). */
  value(el: Element): string;
  /**
   * The values a learner can choose, in the order the control offers them. A slider gives the
   * value at each thumb position (for `scale="log"`, 10^position before the element's rounding);
   * a number entry gives its two ends.
   */
  values(el: Element): string[];
  /**
   * Choose `value` through the native input, as a person would. Throws, naming the control and
   * the value, when the control does not offer it. Does not press a Lock / Check / Confirm button:
   * that is `commit`.
   */
  set(el: Element, value: string): void;
  /**
   * Press the button that makes a choice count (Lock prediction, Check answer, Confirm context),
   * when the control has one and it is enabled. Returns whether it pressed one.
   */
  commit?(el: Element): boolean;
}

/** The element's shadow root, failing clearly when there is none. */
function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root (is it defined?)`);
  return el.shadowRoot;
}

/** `<tag name="…">`, for error messages. */
function label(el: Element): string {
  const name = el.getAttribute('name');
  return name ? `<${el.localName} name="${name}">` : `<${el.localName}>`;
}

/** Dispatch bubbling, composed events of the given types, built in the element's own window. */
function fire(el: Element, ...types: string[]): void {
  const Ev = (el.ownerDocument.defaultView ?? window).Event;
  for (const t of types) el.dispatchEvent(new Ev(t, { bubbles: true, composed: true }));
}

function inputs(el: Element, selector: string): HTMLInputElement[] {
  return [...root(el).querySelectorAll(selector)] as HTMLInputElement[];
}

/** Click the button in the shadow root whose text matches, if it is there and enabled. */
function press(el: Element, text: RegExp): boolean {
  const button = ([...root(el).querySelectorAll('button')] as HTMLButtonElement[]).find((b) => text.test(b.textContent ?? ''));
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

/** Remove float noise (0.30000000000000004) from a computed position. */
const tidy = (v: number) => Number(v.toPrecision(12));

/** Values of a radio group; a choice is a click, which fires input and change as in a browser. */
function clickRadio(el: Element, value: string): void {
  const radio = inputs(el, 'input[type="radio"]').find((r) => r.value === value);
  if (!radio)
    throw new Error(
      `${label(el)} has no option "${value}" (it offers ${
        inputs(el, 'input[type="radio"]')
          .map((r) => r.value)
          .join(', ') || 'none'
      })`,
    );
  if (radio.disabled) throw new Error(`${label(el)}: option "${value}" is disabled`);
  radio.click();
}

const slider: ControlHarness = {
  value(el) {
    const current = (el as Element & { current?: unknown }).current;
    if (typeof current === 'number') return String(current);
    const input = root(el).querySelector('input[type="range"]') as HTMLInputElement | null;
    if (!input) return '';
    const pos = Number(input.value);
    return String(el.getAttribute('scale') === 'log' ? 10 ** pos : pos);
  },
  values(el) {
    const input = root(el).querySelector('input[type="range"]') as HTMLInputElement | null;
    if (!input) return [];
    const lo = Number(input.min),
      hi = Number(input.max);
    const step = input.step === '' || input.step === 'any' ? (hi - lo) / 100 : Number(input.step);
    const log = el.getAttribute('scale') === 'log';
    const out: string[] = [];
    const count = Math.round((hi - lo) / step);
    for (let k = 0; k <= count; k++) {
      const pos = Math.min(hi, tidy(lo + k * step));
      out.push(String(log ? tidy(10 ** pos) : pos));
    }
    return out;
  },
  set(el, value) {
    const input = root(el).querySelector('input[type="range"]') as HTMLInputElement | null;
    if (!input) throw new Error(`${label(el)} has no range input`);
    const v = Number(value);
    if (!Number.isFinite(v)) throw new Error(`${label(el)}: "${value}" is not a number`);
    if (input.disabled) throw new Error(`${label(el)} is disabled`);
    input.value = String(el.getAttribute('scale') === 'log' ? Math.log10(v) : v);
    fire(input, 'input', 'change');
  },
};

const select: ControlHarness = {
  value(el) {
    return (root(el).querySelector('select') as HTMLSelectElement | null)?.value ?? '';
  },
  values(el) {
    const s = root(el).querySelector('select') as HTMLSelectElement | null;
    return s ? [...s.options].filter((o) => !o.disabled).map((o) => o.value) : [];
  },
  set(el, value) {
    const s = root(el).querySelector('select') as HTMLSelectElement | null;
    if (!s) throw new Error(`${label(el)} has no select`);
    if (![...s.options].some((o) => o.value === value)) {
      throw new Error(`${label(el)} has no option "${value}" (it offers ${[...s.options].map((o) => o.value).join(', ') || 'none'})`);
    }
    if (s.disabled) throw new Error(`${label(el)} is disabled`);
    s.value = value;
    fire(s, 'input', 'change');
  },
};

const contextToggle: ControlHarness = {
  value(el) {
    // The confirmed context (with `confirm`, a radio may be picked but not yet confirmed).
    const ctx = (el as Element & { context?: unknown }).context;
    if (typeof ctx === 'string') return ctx;
    return inputs(el, 'input[type="radio"]').find((r) => r.checked)?.value ?? '';
  },
  values(el) {
    return inputs(el, 'input[type="radio"]').map((r) => r.value);
  },
  set: clickRadio,
  commit(el) {
    return press(el, /confirm/i);
  },
};

const predictionLock: ControlHarness = {
  value(el) {
    const checked = inputs(el, 'input[type="radio"]').find((r) => r.checked);
    if (checked) return checked.value;
    return (root(el).querySelector('input[type="number"]') as HTMLInputElement | null)?.value ?? '';
  },
  values(el) {
    const radios = inputs(el, 'input[type="radio"]');
    if (radios.length) return radios.map((r) => r.value);
    const num = root(el).querySelector('input[type="number"]') as HTMLInputElement | null;
    return num ? [num.min, num.max].filter((v) => v !== '') : [];
  },
  set(el, value) {
    if (inputs(el, 'input[type="radio"]').length) {
      clickRadio(el, value);
      return;
    }
    const num = root(el).querySelector('input[type="number"]') as HTMLInputElement | null;
    if (!num) throw new Error(`${label(el)} shows neither option radios nor a number input`);
    if (num.disabled) throw new Error(`${label(el)} is locked`);
    num.value = value;
    fire(num, 'input', 'change');
  },
  commit(el) {
    return press(el, /lock/i);
  },
};

const reflection: ControlHarness = {
  value(el) {
    return inputs(el, 'input[type="radio"], input[type="checkbox"]')
      .filter((i) => i.checked)
      .map((i) => i.value)
      .join(' ');
  },
  values(el) {
    return inputs(el, 'input[type="radio"], input[type="checkbox"]').map((i) => i.value);
  },
  set(el, value) {
    const want = value.split(/[\s,]+/).filter(Boolean);
    const all = inputs(el, 'input[type="radio"], input[type="checkbox"]');
    if (!all.length) throw new Error(`${label(el)} shows no options`);
    const missing = want.filter((w) => !all.some((i) => i.value === w));
    if (missing.length)
      throw new Error(
        `${label(el)} has no option ${missing.map((m) => `"${m}"`).join(', ')} (it offers ${all.map((i) => i.value).join(', ')})`,
      );
    for (const input of all) {
      const on = want.includes(input.value);
      if (input.type === 'checkbox' ? input.checked !== on : on && !input.checked) input.click();
    }
  },
  commit(el) {
    return press(el, /check|submit|answer/i);
  },
};

/** Harness per tag. A new control registers here (`CONTROLS['mls-stepper'] = { … }`). */
export const CONTROLS: Record<string, ControlHarness> = {
  'mls-slider': slider,
  'mls-select': select,
  'mls-context-toggle': contextToggle,
  'mls-prediction-lock': predictionLock,
  'mls-reflection': reflection,
};

/** The harness for `el`'s tag; throws, listing the known tags, when there is none. */
export function controlFor(el: Element): ControlHarness {
  const h = CONTROLS[el.localName];
  if (!h) throw new Error(`no control harness for <${el.localName}> (known: ${Object.keys(CONTROLS).join(', ')})`);
  return h;
}

/** True when `el` is a control the registry knows. */
export const isControl = (el: Element): boolean => Object.hasOwn(CONTROLS, el.localName);

/**
 * The control under `root` that writes the scope name `name`: an element with that `name`
 * attribute, or a context toggle whose `name` / `device-name` (default `context` / `device`) it is.
 */
export function controlNamed(root: ParentNode, name: string): Element | undefined {
  return [...root.querySelectorAll(Object.keys(CONTROLS).join(', '))].find((c) =>
    c.localName === 'mls-context-toggle'
      ? (c.getAttribute('name') || 'context') === name || (c.getAttribute('device-name') || 'device') === name
      : c.getAttribute('name') === name,
  );
}

/** Waits until a control (and what it drives) has re-rendered; the default awaits its update. */
export type Settle = (el: Element) => Promise<void>;

const updated: Settle = async (el) => {
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  await new Promise((r) => setTimeout(r, 0));
};

/**
 * Operate a control as a learner would: choose `value`, wait, then press its Lock / Check /
 * Confirm button when it has one, and wait again. Returns whether a button was pressed.
 */
export async function operate(el: Element, value: string, settle: Settle = updated): Promise<boolean> {
  const h = controlFor(el);
  h.set(el, value);
  await settle(el);
  const pressed = h.commit?.(el) ?? false;
  if (pressed) await settle(el);
  return pressed;
}
