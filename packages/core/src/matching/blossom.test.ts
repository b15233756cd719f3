import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { greedyMatching, matchingWeight, maxWeightMatching, solveMatching, type WeightedEdge } from './blossom';

type Case = [name: string, edges: WeightedEdge[], maxCardinality: boolean, mate: number[]];

// Golden cases: the unit tests of J. van Rantwijk's mwmatching.py (MaxWeightMatchingTests,
// http://jorisvr.nl/article/maximum-matching), the same graphs as networkx's
// algorithms/matching tests (TestMaxWeightMatching: test_trivial*, test_s_blossom,
// test_nasty_blossom1, ...). Expected mate arrays exactly as published there.
const GOLDEN: Case[] = [
  ['test10_empty', [], false, []],
  ['test11_singleedge', [[0, 1, 1]], false, [1, 0]],
  ['test12', [[1, 2, 10], [2, 3, 11]], false, [-1, -1, 3, 2]],
  ['test13', [[1, 2, 5], [2, 3, 11], [3, 4, 5]], false, [-1, -1, 3, 2, -1]],
  ['test14_maxcard', [[1, 2, 5], [2, 3, 11], [3, 4, 5]], true, [-1, 2, 1, 4, 3]],
  [
    'test15_float',
    [[1, 2, Math.PI], [2, 3, Math.E], [1, 3, 3.0], [1, 4, Math.sqrt(2.0)]],
    false,
    [-1, 4, 3, 2, 1],
  ],
  [
    'test16_negative',
    [[1, 2, 2], [1, 3, -2], [2, 3, 1], [2, 4, -1], [3, 4, -6]],
    false,
    [-1, 2, 1, -1, -1],
  ],
  [
    'test16_negative maxcard',
    [[1, 2, 2], [1, 3, -2], [2, 3, 1], [2, 4, -1], [3, 4, -6]],
    true,
    [-1, 3, 4, 1, 2],
  ],
  ['test20_sblossom', [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7]], false, [-1, 2, 1, 4, 3]],
  [
    'test20_sblossom (2)',
    [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7], [1, 6, 5], [4, 5, 6]],
    false,
    [-1, 6, 3, 2, 5, 4, 1],
  ],
  [
    'test21_tblossom',
    [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 4], [1, 6, 3]],
    false,
    [-1, 6, 3, 2, 5, 4, 1],
  ],
  [
    'test21_tblossom (2)',
    [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [1, 6, 4]],
    false,
    [-1, 6, 3, 2, 5, 4, 1],
  ],
  [
    'test21_tblossom (3)',
    [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [3, 6, 4]],
    false,
    [-1, 2, 1, 6, 5, 4, 3],
  ],
  [
    'test22_s_nest',
    [[1, 2, 9], [1, 3, 9], [2, 3, 10], [2, 4, 8], [3, 5, 8], [4, 5, 10], [5, 6, 6]],
    false,
    [-1, 3, 4, 1, 2, 6, 5],
  ],
  [
    'test23_s_relabel_nest',
    [[1, 2, 10], [1, 7, 10], [2, 3, 12], [3, 4, 20], [3, 5, 20], [4, 5, 25], [5, 6, 10], [6, 7, 10], [7, 8, 8]],
    false,
    [-1, 2, 1, 4, 3, 6, 5, 8, 7],
  ],
  [
    'test24_s_nest_expand',
    [[1, 2, 8], [1, 3, 8], [2, 3, 10], [2, 4, 12], [3, 5, 12], [4, 5, 14], [4, 6, 12], [5, 7, 12], [6, 7, 14], [7, 8, 12]],
    false,
    [-1, 2, 1, 5, 6, 3, 4, 8, 7],
  ],
  [
    'test25_s_t_expand',
    [[1, 2, 23], [1, 5, 22], [1, 6, 15], [2, 3, 25], [3, 4, 22], [4, 5, 25], [4, 8, 14], [5, 7, 13]],
    false,
    [-1, 6, 3, 2, 8, 7, 1, 5, 4],
  ],
  [
    'test26_s_nest_t_expand',
    [[1, 2, 19], [1, 3, 20], [1, 8, 8], [2, 3, 25], [2, 4, 18], [3, 5, 18], [4, 5, 13], [4, 7, 7], [5, 6, 7]],
    false,
    [-1, 8, 3, 2, 7, 6, 5, 4, 1],
  ],
  [
    'test30_tnasty_expand (networkx test_nasty_blossom1)',
    [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 35], [5, 7, 26], [9, 10, 5]],
    false,
    [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
  ],
  [
    'test31_tnasty2_expand (networkx test_nasty_blossom2)',
    [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 26], [5, 7, 40], [9, 10, 5]],
    false,
    [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
  ],
  [
    'test32_t_expand_leastslack',
    [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 28], [5, 7, 26], [9, 10, 5]],
    false,
    [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
  ],
  [
    'test33_nest_tnasty_expand',
    [
      [1, 2, 45], [1, 7, 45], [2, 3, 50], [3, 4, 45], [4, 5, 95], [4, 6, 94], [5, 6, 94],
      [6, 7, 50], [1, 8, 30], [3, 11, 35], [5, 9, 36], [7, 10, 26], [11, 12, 5],
    ],
    false,
    [-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11],
  ],
  [
    'test34_nest_relabel_expand',
    [
      [1, 2, 40], [1, 3, 40], [2, 3, 60], [2, 4, 55], [3, 5, 55], [4, 5, 50], [1, 8, 15],
      [5, 7, 30], [7, 6, 10], [8, 10, 10], [4, 9, 30],
    ],
    false,
    [-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8],
  ],
];

// networkx test_nasty_blossom1 (= mwmatching test30); REFERENCES.md (Pairing): greedy 135, optimum 146.
const NASTY: WeightedEdge[] = GOLDEN.find(([name]) => name.startsWith('test30'))![1];

describe('maxWeightMatching: mwmatching.py / networkx golden cases', () => {
  it.each(GOLDEN)('%s', (_name, edges, maxCardinality, mate) => {
    expect(maxWeightMatching(edges, maxCardinality)).toEqual(mate);
  });

  it.each([
    ['maxWeightMatching', (e: WeightedEdge[]) => maxWeightMatching(e), 146],
    ['greedyMatching', (e: WeightedEdge[]) => greedyMatching(e), 135],
  ])('test_nasty_blossom1: %s reaches %d', (_name, solve, weight) => {
    expect(matchingWeight(NASTY, solve(NASTY))).toBe(weight);
  });
});

describe('maxWeightMatching: input checks', () => {
  it.each([
    ['self-loop', [[1, 1, 3]] as WeightedEdge[]],
    ['negative vertex', [[-1, 2, 3]] as WeightedEdge[]],
    ['fractional vertex', [[0.5, 2, 3]] as WeightedEdge[]],
    ['non-finite weight', [[0, 1, Number.NaN]] as WeightedEdge[]],
  ])('rejects a %s', (_name, edges) => {
    expect(() => maxWeightMatching(edges)).toThrow(RangeError);
  });
});

/** Exhaustive optimum: [best cardinality, best weight] (lexicographic when maxCardinality). */
function bruteForce(n: number, edges: readonly WeightedEdge[], maxCardinality: boolean): [number, number] {
  const w = new Map<number, number>();
  for (const [i, j, wt] of edges) w.set(Math.min(i, j) * n + Math.max(i, j), wt);
  const used = new Array<boolean>(n).fill(false);
  let best: [number, number] = [0, 0];
  const better = (c: number, s: number): boolean =>
    maxCardinality ? c > best[0] || (c === best[0] && s > best[1]) : s > best[1];
  const rec = (v: number, c: number, s: number): void => {
    while (v < n && used[v]) v++;
    if (v >= n) {
      if (better(c, s)) best = [c, s];
      return;
    }
    used[v] = true;
    rec(v + 1, c, s);
    for (let u = v + 1; u < n; u++) {
      const wt = w.get(v * n + u);
      if (!used[u] && wt !== undefined) {
        used[u] = true;
        rec(v + 1, c + 1, s + wt);
        used[u] = false;
      }
    }
    used[v] = false;
  };
  rec(0, 0, 0);
  return best;
}

/** Random simple graphs on up to `maxN` vertices: a subset of all pairs with weights. */
function graphArb(maxN: number, weight: fc.Arbitrary<number>): fc.Arbitrary<WeightedEdge[]> {
  return fc.integer({ min: 2, max: maxN }).chain((n) => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
    return fc
      .tuple(fc.subarray(pairs, { minLength: 1 }), fc.array(weight, { minLength: pairs.length, maxLength: pairs.length }), fc.boolean())
      .map(([chosen, ws, flip]) => chosen.map(([i, j], k): WeightedEdge => (flip && k % 2 ? [j, i, ws[k]!] : [i, j, ws[k]!])));
  });
}

const intWeights = fc.integer({ min: -10, max: 30 });
const floatWeights = fc.double({ min: -5, max: 20, noNaN: true, noDefaultInfinity: true });

function checkValid(edges: readonly WeightedEdge[], mate: readonly number[]): void {
  const nV = edges.reduce((m, [i, j]) => Math.max(m, i + 1, j + 1), 0);
  expect(mate.length).toBe(nV);
  const isEdge = new Set(edges.map(([i, j]) => `${Math.min(i, j)},${Math.max(i, j)}`));
  mate.forEach((u, v) => {
    if (u === -1) return;
    expect(mate[u]).toBe(v);
    expect(isEdge.has(`${Math.min(u, v)},${Math.max(u, v)}`)).toBe(true);
  });
}

const cardinality = (mate: readonly number[]): number => mate.filter((u) => u >= 0).length / 2;

describe('maxWeightMatching: properties', () => {
  it.each([
    ['integer', intWeights],
    ['float', floatWeights],
  ] as const)('the mate array is symmetric and uses only edges (%s weights)', (_name, weights) => {
    fc.assert(
      fc.property(graphArb(14, weights), fc.boolean(), (edges, maxCard) => {
        checkValid(edges, maxWeightMatching(edges, maxCard));
      }),
    );
  });

  it.each([
    ['integer', intWeights],
    ['float', floatWeights],
  ])('is never lighter than greedy heaviest-edge-first (%s weights)', (_name, weights) => {
    fc.assert(
      fc.property(graphArb(14, weights), (edges) => {
        const opt = matchingWeight(edges, maxWeightMatching(edges));
        expect(opt).toBeGreaterThanOrEqual(matchingWeight(edges, greedyMatching(edges)) - 1e-9);
      }),
    );
  });

  it.each([
    ['integer', false, intWeights],
    ['integer', true, intWeights],
    ['float', false, floatWeights],
    ['float', true, floatWeights],
  ])('equals brute force on n <= 8 (%s weights, maxCardinality %s)', (_name, maxCard, weights) => {
    fc.assert(
      fc.property(graphArb(8, weights), (edges) => {
        const mate = maxWeightMatching(edges, maxCard);
        const [card, weight] = bruteForce(mate.length, edges, maxCard);
        if (maxCard) expect(cardinality(mate)).toBe(card);
        expect(matchingWeight(edges, mate)).toBeCloseTo(weight, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a dual certificate: every edge has slack >= 0, matched edges slack 0', () => {
    fc.assert(
      fc.property(graphArb(24, intWeights), fc.boolean(), (edges, maxCard) => {
        const { mate, slack } = solveMatching(edges, maxCard);
        for (const [i, j, w] of edges) {
          const s = slack(i, j, w);
          expect(s).toBeGreaterThanOrEqual(0);
          if (mate[i] === j) expect(s).toBe(0);
        }
      }),
    );
  });

  it('a subgraph solution that the full graph does not violate is optimal for the full graph', () => {
    fc.assert(
      fc.property(graphArb(8, intWeights), fc.array(fc.boolean(), { minLength: 28, maxLength: 28 }), (edges, keep) => {
        const sub = edges.filter((_, k) => keep[k]);
        if (sub.length === 0) return;
        const sol = solveMatching(sub, false);
        if (!edges.every(([i, j, w]) => sol.slack(i, j, w) >= 0)) return;
        const full = maxWeightMatching(edges, false);
        expect(matchingWeight(sub, sol.mate)).toBe(matchingWeight(edges, full));
      }),
      { numRuns: 500 },
    );
  });
});
