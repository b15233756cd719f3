import type { SegmentKey } from './segments';

/** A segment's published score as results carry it, or a suppressed one. */
export type PublishedScore = { key: SegmentKey; n: number; favourable: number; distribution: number[] } | { key: SegmentKey; suppressed: true };

/** The change of one segment since the previous pulse: both shares are published numbers. */
export interface ScoreChange {
  /** Favourable share now minus then, −1 to 1. */
  favourable: number;
  /** Share of each answer value (1..5) now minus then. */
  distribution: number[];
}

const keyId = (k: SegmentKey) => JSON.stringify(Object.fromEntries(Object.entries(k).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

/**
 * The change since the previous pulse for each segment of the current one (decision 136), matched
 * by the same statement and the same segment key. A change exists only when the segment is visible
 * in both pulses: each number is already published under its own pulse's audited visible set
 * (decision 023), so their difference publishes nothing new. A hidden segment on either side gives
 * null, never a change computed from a hidden count. Shares (not counts) are compared, since the
 * two pulses asked different numbers of people.
 *
 * Example: everyone 60% favourable (answers 1..5: 1, 1, 2, 4, 2 of 10) then 75% (0, 1, 1, 4, 2
 * of 8) gives favourable +0.15 and distribution [−0.1, +0.025, −0.075, +0.1, +0.05].
 */
export function changeSincePrevious(current: PublishedScore[], previous: PublishedScore[] | undefined): (ScoreChange | null)[] {
  const prev = new Map((previous ?? []).map((s) => [keyId(s.key), s]));
  return current.map((c) => {
    const p = prev.get(keyId(c.key));
    if (!p || 'suppressed' in c || 'suppressed' in p || c.n === 0 || p.n === 0) return null;
    return {
      favourable: c.favourable - p.favourable,
      distribution: c.distribution.map((v, i) => v / c.n - (p.distribution[i] ?? 0) / p.n),
    };
  });
}
