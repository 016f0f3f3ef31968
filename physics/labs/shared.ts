/**
 * Answer-key logic every lab's derivation uses. Lab modules (physics/labs/vX-YY.ts) import
 * from here and from the formula modules, never from one another, so a late lab does not
 * depend on an earlier lab's scenario.
 */
import { PhysicsError } from '../errors.js';

/**
 * The option whose numeric claim is nearest the actual value on a log scale (the claims of a
 * magnitude question are orders of magnitude apart). Ties go to the first option.
 * 989,000 against { A: 1e2, B: 1e4, C: 1e6, D: 1e9 }: |log10(989,000 / 1e6)| = 0.005, so C.
 * @throws PhysicsError when `actual` is not positive or there are no positive claims.
 */
export function nearestOption(actual: number, claims: Readonly<Record<string, number>>): string {
  if (!(typeof actual === 'number' && actual > 0 && Number.isFinite(actual))) {
    throw new PhysicsError('actual', actual, 'a finite number greater than 0');
  }
  let best: string | undefined;
  let bestGap = Infinity;
  for (const [option, claim] of Object.entries(claims)) {
    if (!(claim > 0)) continue;
    const gap = Math.abs(Math.log10(actual / claim));
    if (gap < bestGap) {
      best = option;
      bestGap = gap;
    }
  }
  if (best === undefined) throw new PhysicsError('claims', claims, 'at least one option with a positive claim');
  return best;
}
