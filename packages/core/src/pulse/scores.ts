import { newcombeInterval, wilsonInterval } from '../stats';
import type { SegmentKey } from './segments';

/** The 5-point agreement scale: 1 strongly disagree … 5 strongly agree. */
export const SCALE_POINTS = 5;
/** The top two boxes (agree, strongly agree) count as favourable. */
export const FAVOURABLE_VALUES: readonly number[] = [4, 5];

/** A visible score of one question in one segment. */
export interface ScoreSummary {
  n: number;
  /** Favourable answers (top two boxes). */
  favourableCount: number;
  /** favourableCount / n, a proportion in [0, 1]. */
  favourable: number;
  /** Wilson 95% score interval of `favourable`. */
  ci: [number, number];
  /** Answers per scale point, [n1, …, n5]; shown only together with n. */
  distribution: number[];
}

/**
 * % favourable of a 5-point distribution: (agree + strongly agree) / valid answers, skips excluded,
 * with the Wilson 95% interval (REFERENCES.md, "Survey statistics").
 * @throws RangeError when the distribution is not 5 non-negative integers with a positive total.
 * @example summariseScores([1, 2, 3, 10, 4]) → { n: 20, favourableCount: 14, favourable: 0.7, ci ≈ [0.481, 0.855], … }
 */
export function summariseScores(distribution: readonly number[]): ScoreSummary {
  if (distribution.length !== SCALE_POINTS) throw new RangeError(`distribution: must have ${SCALE_POINTS} counts, got ${distribution.length}`);
  let n = 0;
  for (const c of distribution) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`distribution: counts must be integers >= 0, got ${String(c)}`);
    n += c;
  }
  if (n === 0) throw new RangeError('distribution: needs at least one answer');
  const favourableCount = FAVOURABLE_VALUES.reduce((s, v) => s + distribution[v - 1]!, 0);
  return { n, favourableCount, favourable: favourableCount / n, ci: wilsonInterval(favourableCount, n), distribution: [...distribution] };
}

/** A difference in % favourable between two visible segments. */
export interface PerceptionGap {
  a: SegmentKey;
  b: SegmentKey;
  favourableA: number;
  favourableB: number;
  /** favourableA − favourableB. */
  difference: number;
  /** Newcombe's hybrid score 95% interval (method 10) of the difference. */
  ci: [number, number];
  /** True when the interval excludes 0. */
  significant: boolean;
}

/**
 * The gap a − b in % favourable with Newcombe's interval (Stat. Med. 17 (1998) 873, method 10);
 * significant when the 95% interval excludes 0.
 * @example perceptionGap({ key: {level:'leader'}, …56/70 }, { key: {level:'employee'}, …48/80 }) → difference 0.2, ci ≈ [0.0524, 0.3339], significant
 */
export function perceptionGap(
  a: { key: SegmentKey; favourableCount: number; n: number },
  b: { key: SegmentKey; favourableCount: number; n: number },
): PerceptionGap {
  const ci = newcombeInterval(a.favourableCount, a.n, b.favourableCount, b.n);
  const favourableA = a.favourableCount / a.n;
  const favourableB = b.favourableCount / b.n;
  return { a: a.key, b: b.key, favourableA, favourableB, difference: favourableA - favourableB, ci, significant: ci[0] > 0 || ci[1] < 0 };
}

/** The template's opening statement; the headline uses the seed's wording for it. */
export const ALIGNMENT_STATEMENT = 'IT and Business are aligned on tech priorities';

const pct = (p: number) => `${Math.round(p * 100)}%`;

/**
 * The headline in the seed's form: "81% of leaders say IT and Business are aligned, but only 54% of
 * employees agree." (ProFocus 2020 Tech Trends Survey, quoted in seed/tech-leaders-lunch.txt).
 * Other statements get the same shape quoting the statement. "but only" becomes "and" when
 * employees agree at least as much as leaders, so the sentence never overstates a gap.
 */
export function alignmentHeadline(statement: string, leaders: number, employees: number): string {
  const rounded = Math.round(leaders * 100) > Math.round(employees * 100);
  const lead =
    statement.trim().toLowerCase() === ALIGNMENT_STATEMENT.toLowerCase()
      ? `${pct(leaders)} of leaders say IT and Business are aligned`
      : `${pct(leaders)} of leaders agree that "${statement.trim()}"`;
  return rounded ? `${lead}, but only ${pct(employees)} of employees agree.` : `${lead}, and ${pct(employees)} of employees agree.`;
}
