/**
 * The lab scenario contract: one typed object per lab (`physics/labs/vN-NN.ts` exports it), the
 * single place where a lab's answer keys, its options' numeric claims, its failure recipes and
 * the settings its page must declare are written down. The conformance suite
 * (test/labs/conformance.test.ts) reads it with no per-lab code and checks the page against it:
 * every `answer` equals `derive()`, every option's `data-number` equals its claim, each failure
 * is reached and left through the recipes using the page's own controls, and each declared
 * attribute holds the scenario's value. Pure data and functions: no DOM.
 */

/** The key of one prediction lock or concept check, by the element's `name` on the page. */
export interface AnswerKey {
  /** Option value → the option's numeric claim in SI units (what `data-number` on the page must say). */
  readonly claims?: Readonly<Record<string, number>>;
  /** The correct option value (space-separated values for a multiple-answer check), or the number for a numeric lock. */
  derive(): string | number;
  /**
   * `physics` (default): derive() computes the key from the formula modules. `concept`: a
   * conceptual question with no physics behind it (derive() returns the authored key).
   */
  readonly basis?: 'physics' | 'concept';
}

/** Control settings by scope name, as the scope holds them (SI units): `{ context: 'cloud', distance: 3e6 }`. */
export type ControlRecipe = Readonly<Record<string, string | number>>;

/** How the page's own controls reach a failure state and leave it again. */
export interface FailureRecipe {
  /** The `name` of the `<mls-failure>` in Act II. */
  readonly failure: string;
  /** Settings that make it active (applied in order through the page's controls). */
  readonly reach: ControlRecipe;
  /** Settings, applied after `reach`, that clear it. */
  readonly escape: ControlRecipe;
}

/** An attribute the page must declare with the scenario's value (a setting that lives in the HTML). */
export interface DeclaredAttribute {
  /** CSS selector of the element, within the lab. */
  readonly selector: string;
  readonly attr: string;
  /** Expected value: numbers compare with a relative tolerance of 1e-9. */
  readonly value: string | number;
}

export interface LabScenario {
  /** `v1-02`: volume and two-digit chapter. */
  readonly id: string;
  readonly volume: 1 | 2;
  readonly chapter: number;
  /** The contexts the page's toggle offers, in order. */
  readonly contexts: readonly string[];
  /** Answer keys by the name of the lock or check on the page; every keyed element on the page needs one. */
  readonly answers: Readonly<Record<string, AnswerKey>>;
  /** Act II failure recipes (a two-act lab has at least one). */
  readonly failures: readonly FailureRecipe[];
  /** Settings the page must declare as attributes. */
  readonly declared?: readonly DeclaredAttribute[];
  /**
   * Lab-only computations the page calls with `<mls-compute fn="v1-00.name" args="k:$ref">`:
   * pure functions of named arguments (SI numbers or strings) returning JSON-safe outputs
   * (an object of numbers, strings, booleans and arrays). Throw PhysicsError on bad arguments.
   */
  readonly functions?: Readonly<Record<string, LabFunction>>;
}

/** A lab-only computation: named arguments in, JSON-safe outputs out. */
export type LabFunction = (args: Readonly<Record<string, unknown>>) => unknown;

/** The scenario id of a lab: `v1-02`. */
export function scenarioId(volume: number, chapter: number): string {
  return `v${volume}-${String(chapter).padStart(2, '0')}`;
}
