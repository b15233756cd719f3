/**
 * Kano model: classify a feature from the paired functional / dysfunctional question, and
 * the customer-satisfaction coefficients of a set of classified answers.
 */

/** An answer to a Kano question ("How do you feel if the product has / does not have X?"). */
export type KanoAnswer = 'like' | 'must-be' | 'neutral' | 'live-with' | 'dislike';

/**
 * Kano categories: A attractive, O one-dimensional (performance), M must-be, I indifferent,
 * R reverse, Q questionable (contradictory answers).
 */
export type KanoCategory = 'A' | 'O' | 'M' | 'I' | 'R' | 'Q';

const ANSWERS: readonly KanoAnswer[] = ['like', 'must-be', 'neutral', 'live-with', 'dislike'];

// Rows: functional answer; columns: dysfunctional answer, both in the order of ANSWERS.
const TABLE: readonly (readonly KanoCategory[])[] = [
  /* like      */ ['Q', 'A', 'A', 'A', 'O'],
  /* must-be   */ ['R', 'I', 'I', 'I', 'M'],
  /* neutral   */ ['R', 'I', 'I', 'I', 'M'],
  /* live-with */ ['R', 'I', 'I', 'I', 'M'],
  /* dislike   */ ['R', 'R', 'R', 'R', 'Q'],
];

function answerIndex(name: string, a: KanoAnswer): number {
  const i = ANSWERS.indexOf(a);
  if (i < 0) throw new RangeError(`${name}: must be one of ${ANSWERS.join(', ')}, got ${String(a)}`);
  return i;
}

/**
 * The standard Kano evaluation table (Kano et al. 1984; Berger et al., "Kano's methods for
 * understanding customer-defined quality", Center for Quality Management Journal 2(4), 1993):
 * like/dislike = O; like/(must-be, neutral, live-with) = A; (must-be, neutral,
 * live-with)/dislike = M; the middle 3 × 3 = I; like/like and dislike/dislike = Q; any other
 * answer that prefers the feature's absence = R.
 *
 * @throws RangeError on an unknown answer.
 */
export function kanoCategory(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCategory {
  const f = answerIndex('functional', functional);
  const d = answerIndex('dysfunctional', dysfunctional);
  return TABLE[f]![d]!;
}

/**
 * Customer-satisfaction coefficients (Berger et al. 1993):
 * better = (A + O) / (A + O + M + I), worse = -(O + M) / (A + O + M + I).
 * R and Q answers are excluded from the denominator.
 *
 * @throws RangeError when a count is negative or not finite, or A + O + M + I = 0.
 */
export function kanoCoefficients(counts: Record<KanoCategory, number>): { better: number; worse: number } {
  for (const k of ['A', 'O', 'M', 'I', 'R', 'Q'] as const) {
    const c = counts[k];
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`counts.${k}: must be a finite count >= 0, got ${c}`);
  }
  const { A, O, M, I } = counts;
  const n = A + O + M + I;
  if (n === 0) throw new RangeError('counts: A + O + M + I must be > 0');
  return { better: (A + O) / n, worse: 0 - (O + M) / n };
}
