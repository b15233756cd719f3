import { describe, expect, it } from 'vitest';
import { createRng, priorityResults, MODEL_CRITERIA } from '@tandem/core';
import { draftDemoScores, TAU_RANGE } from './priorities';
import { INITIATIVES } from './strategy';

/**
 * The demo's priorities round: "τ around 0.3" on every run and both engines. The database may
 * hand the initiatives back in any order (several share a creation day and tie on random ids),
 * so the draft must not depend on it.
 */
describe('demo priorities draft', () => {
  const items = INITIATIVES.map(([title, , , , , , effort], k) => ({ id: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`, title, effort }));
  const scorers = [
    ...Array.from({ length: 5 }, (_, k) => ({ id: `b${k}`, side: 'business' as const })),
    ...Array.from({ length: 5 }, (_, k) => ({ id: `i${k}`, side: 'it' as const })),
  ];
  const shuffled = (seed: string) => {
    const rng = createRng(seed);
    const xs = [...items];
    for (let k = xs.length - 1; k > 0; k--) {
      const j = Math.floor(rng.next() * (k + 1));
      [xs[k], xs[j]] = [xs[j]!, xs[k]!];
    }
    return xs;
  };

  const first = draftDemoScores(items, scorers);

  it('lands τ in 0.25..0.35 with the demo\'s 25 initiatives', () => {
    expect(items).toHaveLength(25);
    expect(first.tau).not.toBeNull();
    expect(first.tau!).toBeGreaterThanOrEqual(TAU_RANGE[0]);
    expect(first.tau!).toBeLessThanOrEqual(TAU_RANGE[1]);
    // The τ the server will compute from the stored scores, in the round's item order.
    const entries = first.scores.map((s) => ({ itemId: s.itemId, scorerId: s.personId, side: s.side, criterion: s.criterion, value: s.value }));
    const criteria = MODEL_CRITERIA.wsjf.map((c) => ({ key: c.key, label: c.label, weight: c.weight, owner: c.owner }));
    expect(priorityResults({ model: 'wsjf', criteria, itemIds: first.itemIds, scores: entries }).agreement.kendallTauB).toBe(first.tau);
  });

  it.each(['a', 'b', 'c', 'd', 'e'])('gives the same draft whatever order the database returns the items in (shuffle %s)', (seed) => {
    const again = draftDemoScores(shuffled(seed), scorers);
    expect(again.attempt).toBe(first.attempt);
    expect(again.tau).toBe(first.tau);
    expect(again.itemIds).toEqual(first.itemIds);
    expect(again.scores).toEqual(first.scores);
  });

  it('keeps τ when the scorers of a side come in another order', () => {
    const swapped = [...scorers.slice(0, 5).reverse(), ...scorers.slice(5).reverse()];
    expect(draftDemoScores(items, swapped).tau).toBe(first.tau);
  });
});
