import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  actualMix,
  checkOnScale,
  combinedRanking,
  criterionScale,
  cutLine,
  disagreementQueue,
  median,
  modelScore,
  movesInIfDropped,
  priorityRanks,
  priorityResults,
  sideAlpha,
  MODEL_CRITERIA,
  type PriorityCriterion,
  type ScoreEntry,
} from './priorities';

const one: PriorityCriterion[] = [{ key: 'v', label: 'Value', weight: 1, owner: 'both' }];

/** One business scorer gives x[i] and one IT scorer y[i] to item i on a single shared criterion. */
function paired(x: number[], y: number[]): ScoreEntry[] {
  return x.flatMap((xv, i) => [
    { itemId: `i${i}`, scorerId: 'b', side: 'business' as const, criterion: 'v', value: xv },
    { itemId: `i${i}`, scorerId: 't', side: 'it' as const, criterion: 'v', value: y[i]! },
  ]);
}

describe('modelScore', () => {
  it.each([
    // SAFe example (REFERENCES.md): 8 + 5 + 13 over job size 5 = 5.2.
    ['wsjf', { businessValue: 8, timeCriticality: 5, riskReduction: 13, jobSize: 5 }, 5.2],
    // Intercom: 500 × 2 × 0.8 / 2 = 400.
    ['rice', { reach: 500, impact: 2, confidence: 0.8, effort: 2 }, 400],
    // Black Swan Farming (REFERENCES.md): A 10/week over 2 weeks = 5, B 30/week over 4 weeks = 7.5.
    ['cd3', { costOfDelay: 10, duration: 2 }, 5],
    ['cd3', { costOfDelay: 30, duration: 4 }, 7.5],
  ] as const)('%s %j = %d', (model, values, want) => {
    expect(modelScore(model, MODEL_CRITERIA[model], values)).toBeCloseTo(want, 12);
  });

  it.each([
    [[{ key: 'a', label: 'A', weight: 2, owner: 'business' }, { key: 'b', label: 'B', weight: 1, owner: 'it' }], { a: 6, b: 3 }, 5],
    // A negative weight is a cost: (3·8 − 1·6) / 2 = 9.
    [[{ key: 'value', label: 'V', weight: 3, owner: 'business' }, { key: 'effort', label: 'E', weight: -1, owner: 'it' }], { value: 8, effort: 6 }, 9],
  ] as [PriorityCriterion[], Record<string, number>, number][])('weighted %j', (criteria, values, want) => {
    expect(modelScore('weighted', criteria, values)).toBeCloseTo(want, 12);
  });

  it('is null when a value is missing and refuses weights that do not sum to a positive number', () => {
    expect(modelScore('wsjf', MODEL_CRITERIA.wsjf, { businessValue: 8, timeCriticality: 5, riskReduction: 13, jobSize: null })).toBeNull();
    const zero: PriorityCriterion[] = [{ key: 'a', label: 'A', weight: 1, owner: 'both' }, { key: 'b', label: 'B', weight: -1, owner: 'both' }];
    expect(() => modelScore('weighted', zero, { a: 1, b: 1 })).toThrow(/weights/);
  });
});

describe('scales', () => {
  it.each([
    ['wsjf', 'jobSize', 13, null],
    ['wsjf', 'jobSize', 4, /one of 1, 2, 3, 5, 8, 13, 20/],
    ['wsjf', 'businessValue', 21, /one of/],
    ['rice', 'confidence', 0.8, null],
    ['rice', 'confidence', 80, /at most 1/],
    ['rice', 'impact', 0.5, null],
    ['rice', 'effort', 0, /more than 0/],
    ['cd3', 'duration', 0.5, null],
    ['cd3', 'costOfDelay', -1, /at least 0/],
    ['weighted', 'anything', 10, null],
    ['weighted', 'anything', 11, /at most 10/],
  ] as const)('%s %s %d', (model, key, value, want) => {
    const msg = checkOnScale(criterionScale(model, key)!, value);
    if (want === null) expect(msg).toBeNull();
    else expect(msg).toMatch(want);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[8, 1, 3, 5], 4],
  ])('%j → %s', (xs, want) => expect(median(xs)).toBe(want));
});

describe('priorityRanks', () => {
  it.each([
    [[5.2, 3, 5.2, null], [1.5, 3, 1.5, 4]],
    [[1, 2, 3], [3, 2, 1]],
    [[null, null, 7], [2.5, 2.5, 1]],
    [[4, 4, 4], [2, 2, 2]],
  ])('%j → %j', (scores, want) => expect(priorityRanks(scores)).toEqual(want));
});

describe('priorityResults', () => {
  it.each([
    // scipy.stats.kendalltau tests (Kendall 1970, REFERENCES.md): 0.85895569.
    [[1, 2, 2, 4, 4, 6, 6, 8, 9, 9], [1, 2, 4, 4, 4, 4, 8, 8, 8, 10], 0.85895569],
    // scipy.stats.kendalltau documentation example: -0.47140452079103173.
    [[12, 2, 1, 12, 2], [1, 4, 7, 1, 0], -0.47140452079103173],
  ])('tau-b between the sides equals scipy.stats.kendalltau: %j vs %j', (x, y, want) => {
    const r = priorityResults({ model: 'weighted', criteria: one, itemIds: x.map((_, i) => `i${i}`), scores: paired(x, y) });
    expect(r.agreement.kendallTauB).toBeCloseTo(want, 8);
  });

  it('uses the owning side\'s median for a criterion the side does not score (IT\'s job size enters the business WSJF)', () => {
    const s = (itemId: string, scorerId: string, side: 'business' | 'it', criterion: string, value: number): ScoreEntry => ({ itemId, scorerId, side, criterion, value });
    const scores: ScoreEntry[] = [
      // Item A: business says 8/5/13 (two business scorers, medians 8, 5, 13), IT sizes it 5 and 5.
      s('A', 'b1', 'business', 'businessValue', 8), s('A', 'b2', 'business', 'businessValue', 8),
      s('A', 'b1', 'business', 'timeCriticality', 3), s('A', 'b2', 'business', 'timeCriticality', 8),
      s('A', 'b1', 'business', 'riskReduction', 13), s('A', 'b2', 'business', 'riskReduction', 13),
      s('A', 't1', 'it', 'businessValue', 2), s('A', 't1', 'it', 'timeCriticality', 2), s('A', 't1', 'it', 'riskReduction', 1),
      s('A', 't1', 'it', 'jobSize', 5), s('A', 't2', 'it', 'jobSize', 5),
      // Item B: both sides say 3/3/3, IT sizes it 1.
      ...['businessValue', 'timeCriticality', 'riskReduction'].flatMap((c) => [s('B', 'b1', 'business', c, 3), s('B', 't1', 'it', c, 3)]),
      s('B', 't1', 'it', 'jobSize', 1),
    ];
    const r = priorityResults({ model: 'wsjf', criteria: MODEL_CRITERIA.wsjf, itemIds: ['A', 'B'], scores });
    const [a, b] = r.items;
    // Business on A: (8 + 5.5 + 13) / 5 = 5.3; IT on A: (2 + 2 + 1) / 5 = 1.
    expect(a!.business.score).toBeCloseTo(5.3, 12);
    expect(a!.business.values.jobSize).toBe(5);
    expect(a!.it.score).toBeCloseTo(1, 12);
    expect(b!.business.score).toBeCloseTo(9, 12);
    expect(b!.it.score).toBeCloseTo(9, 12);
    expect([a!.business.rank, a!.it.rank, a!.rankDifference]).toEqual([2, 2, 0]);
    // Combined on A: medians over everyone: bv 8, tc 3, rr 13 over 5.
    expect(a!.combinedScore).toBeCloseTo(24 / 5, 12);
  });

  it('ranks an item a side could not score last and leaves tau to the items both scored', () => {
    const scores = paired([3, 2, 1], [3, 1, 2]).filter((e) => !(e.itemId === 'i2' && e.side === 'it'));
    const r = priorityResults({ model: 'weighted', criteria: one, itemIds: ['i0', 'i1', 'i2'], scores });
    expect(r.items.map((i) => i.it.rank)).toEqual([1, 2, 3]);
    expect(r.items[2]!.it.score).toBeNull();
    expect(r.agreement.kendallTauB).toBeCloseTo(1, 12);
  });

  it('rankDifference is business rank − IT rank and tau-b is symmetric in the sides (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { minLength: 2, maxLength: 30 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const ids = x.map((_, i) => `i${i}`);
        const r = priorityResults({ model: 'weighted', criteria: one, itemIds: ids, scores: paired(x, y) });
        const swapped = priorityResults({ model: 'weighted', criteria: one, itemIds: ids, scores: paired(y, x) });
        for (const i of r.items) expect(i.rankDifference).toBe(i.business.rank - i.it.rank);
        expect(r.agreement.kendallTauB ?? 0).toBeCloseTo(swapped.agreement.kendallTauB ?? 0, 12);
      }),
    );
  });
});

describe('sideAlpha', () => {
  it('equals Krippendorff\'s worked example (2011, section E), interval: 0.849', () => {
    // 4 observers × 12 units with missing values; here 12 items on one business criterion.
    const data: (number | null)[][] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const scores: ScoreEntry[] = data.flatMap((row, o) =>
      row.flatMap((v, u) => (v === null ? [] : [{ itemId: `u${u}`, scorerId: `o${o}`, side: 'business' as const, criterion: 'v', value: v }])),
    );
    const ids = data[0]!.map((_, u) => `u${u}`);
    expect(sideAlpha(scores, 'business', one, ids)).toBeCloseTo(0.849, 3);
    expect(sideAlpha(scores, 'it', one, ids)).toBeNull();
  });
});

describe('combinedRanking', () => {
  const items = [
    { itemId: 'a', combinedScore: 5 },
    { itemId: 'b', combinedScore: 9 },
    { itemId: 'c', combinedScore: null },
    { itemId: 'd', combinedScore: 7 },
  ];
  it.each([
    ['no decisions: by score, unscored last', [], ['b', 'd', 'a', 'c']],
    ['a decided at rank 1', [{ itemId: 'a', rank: 1, decidedOrder: 1 }], ['a', 'b', 'd', 'c']],
    ['a rank beyond n is clamped', [{ itemId: 'b', rank: 99, decidedOrder: 1 }], ['d', 'a', 'c', 'b']],
    ['two decisions on one slot: the earlier keeps it', [{ itemId: 'a', rank: 2, decidedOrder: 2 }, { itemId: 'c', rank: 2, decidedOrder: 1 }], ['b', 'c', 'a', 'd']],
    ['a chosen score re-sorts the item', [{ itemId: 'c', score: 8, decidedOrder: 1 }], ['b', 'c', 'd', 'a']],
  ])('%s', (_name, decisions, want) => {
    expect(combinedRanking(items, decisions)).toEqual(want);
  });
});

describe('disagreementQueue', () => {
  const items = [
    { itemId: 'a', rankDifference: 1 },
    { itemId: 'b', rankDifference: -4 },
    { itemId: 'c', rankDifference: 0 },
    { itemId: 'd', rankDifference: 2.5 },
    { itemId: 'e', rankDifference: 4 },
  ];
  it.each([
    [{ threshold: null, topN: 3 }, ['b', 'e', 'd']],
    [{ threshold: 2.5, topN: 3 }, ['b', 'e', 'd']],
    [{ threshold: 1, topN: 0 }, ['b', 'e', 'd', 'a']],
    [{ threshold: null, topN: 10 }, ['b', 'e', 'd', 'a']],
  ])('%j → %j', (rule, want) => expect(disagreementQueue(items, rule)).toEqual(want));
});

describe('cutLine', () => {
  const effort: Record<string, number | null> = { a: 4, b: 5, c: 3, d: 1, e: null };
  const f = (id: string) => effort[id] ?? null;
  it.each([
    // The first item that does not fit stops the walk: d (1) would fit but comes after c.
    [['a', 'b', 'c', 'd'], 10, ['a', 'b'], ['c', 'd']],
    [['a', 'b', 'c', 'd'], 13, ['a', 'b', 'c', 'd'], []],
    [['b', 'a'], 4, [], ['b', 'a']],
    [['e', 'a'], 4, ['e', 'a'], []],
  ])('%j within %d', (order, capacity, inn, out) => {
    expect(cutLine(order, f, capacity)).toMatchObject({ in: inn, out });
  });

  it('says what moves in when an item is dropped', () => {
    expect(movesInIfDropped(['a', 'b', 'c', 'd'], f, 10, 'b')).toEqual(['c', 'd']);
    expect(movesInIfDropped(['a', 'b', 'c', 'd'], f, 10, 'd')).toEqual([]);
  });
});

describe('actualMix', () => {
  it.each([
    // 60/25/15 target → percentages of the in-effort.
    [[{ effort: 6, category: 'run' }, { effort: 3, category: 'grow' }, { effort: 1, category: 'transform' }], 100, { run: 60, grow: 30, transform: 10 }, 0],
    [[{ effort: 2, category: 'run' }, { effort: 2, category: null }], 1, { run: 0.5, grow: 0, transform: 0 }, 0.5],
    [[], 100, { run: 0, grow: 0, transform: 0 }, 0],
  ] as const)('%j', (inItems, total, want, other) => {
    const m = actualMix(inItems, total);
    expect(m.actual).toEqual(want);
    expect(m.uncategorised).toBe(other);
  });
});
