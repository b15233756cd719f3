import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../rng';
import {
  PAIRING_DEFAULTS,
  pairPeople,
  pairingWeight,
  repeatPenaltyFor,
  type PairingHistory,
  type PairingOptions,
  type PairingPerson,
  type PairingResult,
} from './pairing';

const DEPARTMENTS = ['Sales', 'Finance', 'Ops', 'Dev', 'Data'];

function person(i: number, side: 'it' | 'business', department = 'Dev', location?: string): PairingPerson {
  return location === undefined ? { id: `p${i}`, side, department } : { id: `p${i}`, side, department, location };
}

const peopleArb = (min: number, max: number): fc.Arbitrary<PairingPerson[]> =>
  fc
    .array(fc.tuple(fc.boolean(), fc.constantFrom(...DEPARTMENTS), fc.constantFrom('Paris', 'Lyon', undefined)), {
      minLength: min,
      maxLength: max,
    })
    .map((rows) => rows.map(([it, dep, loc], i) => person(i, it ? 'it' : 'business', dep, loc)));

/** `rounds` earlier rounds, each a random pairing of everyone (a trio when odd). */
function randomHistory(people: readonly PairingPerson[], rounds: number, seed: number): PairingHistory {
  const rng = createRng(seed);
  const history: { round: number; pairs: string[][] }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const ids = people.map((p) => p.id);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    const pairs: string[][] = [];
    for (let i = 0; i + 1 < ids.length; i += 2) pairs.push([ids[i]!, ids[i + 1]!]);
    if (ids.length % 2 === 1 && pairs.length > 0) pairs[pairs.length - 1]!.push(ids[ids.length - 1]!);
    history.push({ round, pairs });
  }
  return history;
}

function metWithin(history: PairingHistory, currentRound: number, lookback: number): Set<string> {
  const met = new Set<string>();
  for (const r of history) {
    const age = currentRound - r.round;
    if (age < 1 || age > lookback) continue;
    for (const g of r.pairs) for (const a of g) for (const b of g) if (a < b) met.add(`${a}|${b}`);
  }
  return met;
}

function checkPartition(people: readonly PairingPerson[], r: PairingResult): void {
  const seen = [...r.groups.flat(), ...r.unpaired].sort();
  expect(seen).toEqual(people.map((p) => p.id).sort());
  const trios = r.groups.filter((g) => g.length === 3).length;
  expect(r.groups.every((g) => g.length === 2 || g.length === 3)).toBe(true);
  expect(trios).toBe(people.length >= 3 && people.length % 2 === 1 ? 1 : 0);
  expect(r.unpaired.length).toBe(people.length === 1 ? 1 : 0);
}

describe('pairingWeight and repeatPenaltyFor', () => {
  const it1 = person(1, 'it', 'Dev', 'Paris');
  it.each([
    ['same side, same department', person(2, 'it', 'Dev'), undefined, {}, 1],
    ['cross department', person(2, 'it', 'Data'), undefined, {}, 3],
    ['cross side', person(2, 'business', 'Dev'), undefined, {}, 5],
    ['cross side and department', person(2, 'business', 'Sales'), undefined, {}, 7],
    ['met last round', person(2, 'business', 'Sales'), 1, {}, 7 - 60],
    ['met 6 rounds ago', person(2, 'business', 'Sales'), 6, {}, 7 - 10],
    ['met 7 rounds ago (outside the window)', person(2, 'business', 'Sales'), 7, {}, 7],
    ['same location bonus', person(2, 'it', 'Dev', 'Paris'), undefined, { sameLocationBonus: 2 }, 3],
    ['custom weights', person(2, 'business', 'Dev'), 2, { baseWeight: 0, crossSideBonus: 1, repeatPenalty: 4, lookbackRounds: 2 }, 1 - 2],
  ] as [string, PairingPerson, number | undefined, PairingOptions, number][])('%s', (_n, other, ago, opts, want) => {
    expect(pairingWeight(it1, other, ago, opts)).toBe(want);
  });

  it('decays linearly from the full penalty (last round) to 1/L of it (L rounds ago)', () => {
    const L = PAIRING_DEFAULTS.lookbackRounds;
    const penalties = Array.from({ length: L + 2 }, (_, a) => repeatPenaltyFor(a));
    expect(penalties).toEqual([0, 60, 50, 40, 30, 20, 10, 0]);
  });
});

describe('pairPeople: small counts', () => {
  const rng = () => createRng('small');
  it.each([
    [0, 0, 0, []],
    [1, 0, 0, ['p0']],
    [2, 1, 0, []],
    [3, 0, 1, []],
    [4, 2, 0, []],
    [5, 1, 1, []],
  ] as [number, number, number, string[]][])('%i people: %i pairs, %i trio', (n, pairs, trios, unpaired) => {
    const people = Array.from({ length: n }, (_, i) => person(i, i % 2 ? 'it' : 'business'));
    const r = pairPeople(people, [], {}, rng());
    expect(r.groups.filter((g) => g.length === 2)).toHaveLength(pairs);
    expect(r.groups.filter((g) => g.length === 3)).toHaveLength(trios);
    expect(r.unpaired).toEqual(unpaired);
    checkPartition(people, r);
  });

  it.each([
    ['duplicate ids', [person(1, 'it'), person(1, 'business')], {}],
    ['bad side', [{ id: 'x', side: 'hr', department: 'HR' } as unknown as PairingPerson], {}],
    ['negative lookback', [person(1, 'it')], { lookbackRounds: -1 }],
    ['zero candidates', [person(1, 'it')], { candidateLimit: 0 }],
    ['non-finite bonus', [person(1, 'it')], { crossSideBonus: Number.POSITIVE_INFINITY }],
  ] as [string, PairingPerson[], PairingOptions][])('rejects %s', (_n, people, opts) => {
    expect(() => pairPeople(people, [], opts, createRng(1))).toThrow(RangeError);
  });
});

describe('pairPeople: properties', () => {
  it.each([
    ['exact', {}],
    ['pruned', { exactLimit: 0, candidateLimit: 2 }],
  ] as [string, PairingOptions][])('everyone appears exactly once, one trio only for odd counts (%s)', (_n, opts) => {
    fc.assert(
      fc.property(peopleArb(0, 41), fc.integer({ min: 0, max: 5 }), fc.integer(), (people, rounds, seed) => {
        const history = randomHistory(people, rounds, seed);
        const r = pairPeople(people, history, opts, createRng(seed));
        checkPartition(people, r);
        const met = metWithin(history, rounds + 1, PAIRING_DEFAULTS.lookbackRounds);
        let repeats = 0;
        for (const g of r.groups) for (const a of g) for (const b of g) if (a < b && met.has(`${a}|${b}`)) repeats++;
        expect(r.repeats).toBe(repeats);
      }),
      { numRuns: 150 },
    );
  });

  // A repeat-free pairing exists: each person met at most L others (L random rounds) and n >= 2L + 2
  // is even, so the "never met" graph has minimum degree >= n/2 and (Dirac) a Hamiltonian cycle,
  // hence a perfect matching.
  it.each([
    // Only penalties differ (one side, one department): any repeat is strictly worse.
    ['no bonuses', (i: number) => person(i, 'it', 'Dev'), {}],
    // Bonuses differ, but even the oldest repeat costs more than all bonuses together (n/2 * 6).
    ['bonuses, dominant penalty', (i: number) => person(i, i % 3 ? 'business' : 'it', DEPARTMENTS[i % 5]!), { repeatPenalty: 1000 }],
    ['pruned, dominant penalty', (i: number) => person(i, i % 3 ? 'business' : 'it', DEPARTMENTS[i % 5]!), { repeatPenalty: 1000, exactLimit: 0, candidateLimit: 2 }],
  ] as [string, (i: number) => PairingPerson, PairingOptions][])('no repeat within the lookback when a repeat-free pairing exists (%s)', (_n, make, opts) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer(), (L, extra, seed) => {
        const n = 2 * L + 2 + 2 * extra;
        const people = Array.from({ length: n }, (_, i) => make(i));
        const history = randomHistory(people, L, seed);
        const r = pairPeople(people, history, { ...opts, lookbackRounds: L }, createRng(seed));
        expect(r.repeats).toBe(0);
        expect(r.optimal).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the same seed gives the same pairing', () => {
    fc.assert(
      fc.property(peopleArb(0, 30), fc.integer(), fc.boolean(), (people, seed, pruned) => {
        const history = randomHistory(people, 3, seed);
        const opts = pruned ? { exactLimit: 0 } : {};
        expect(pairPeople(people, history, opts, createRng(seed))).toEqual(pairPeople(people, history, opts, createRng(seed)));
      }),
      { numRuns: 50 },
    );
  });

  it('different seeds give different but equally good pairings', () => {
    const people = Array.from({ length: 20 }, (_, i) => person(i, i < 10 ? 'it' : 'business', 'Dev'));
    const results = [1, 2, 3, 4, 5].map((seed) => pairPeople(people, [], {}, createRng(seed)));
    const keys = new Set(results.map((r) => JSON.stringify(r.groups)));
    expect(keys.size).toBeGreaterThan(1);
    expect(new Set(results.map((r) => r.totalWeight)).size).toBe(1);
  });

  it('prefers crossing IT and Business: with no history, min(#IT, #Business) pairs cross (even counts)', () => {
    // Exchange argument: an IT-IT and a Business-Business pair re-paired across gain 2 x 4 side
    // bonus and lose at most 2 x 2 department bonus, so an optimum never has both.
    fc.assert(
      fc.property(peopleArb(2, 40).filter((ps) => ps.length % 2 === 0), fc.integer(), (people, seed) => {
        const r = pairPeople(people, [], {}, createRng(seed));
        const it = people.filter((p) => p.side === 'it').length;
        expect(r.crossSide).toBe(Math.min(it, people.length - it));
      }),
      { numRuns: 100 },
    );
  });

  it('crosses sides in a concrete case: 4 IT + 4 Business of one department', () => {
    const people = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => person(i, i < 4 ? 'it' : 'business'));
    const r = pairPeople(people, [], {}, createRng('cross'));
    expect(r.crossSide).toBe(4);
    expect(r.totalWeight).toBe(4 * 5);
  });

  it('pruned candidate graph plus pricing reaches the exact optimum', () => {
    fc.assert(
      fc.property(peopleArb(2, 60), fc.integer({ min: 0, max: 8 }), fc.integer(), fc.integer({ min: 1, max: 4 }), (people, rounds, seed, k) => {
        const history = randomHistory(people, rounds, seed);
        const exact = pairPeople(people, history, { exactLimit: Infinity }, createRng(seed));
        const pruned = pairPeople(people, history, { exactLimit: 0, candidateLimit: k, pricingRounds: 20 }, createRng(seed));
        expect(exact.method).toBe('exact');
        expect(pruned.method).toBe('pruned');
        expect(pruned.optimal).toBe(true);
        if (people.length % 2 === 0) expect(pruned.totalWeight).toBeCloseTo(exact.totalWeight, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('the odd person out joins the pair where adding them costs least', () => {
    // One side, one department: every pair weighs 1 minus repeat penalties. Last round a and b
    // each met c and d, so {a, b} + {c, d} is the only repeat-free matching; x met a and b, so x
    // is left over and joins {c, d} (cost 0) rather than {a, b} (two repeats).
    const [a, b, c, d, x] = ['a', 'b', 'c', 'd', 'x'].map((id) => ({ id, side: 'it' as const, department: 'Dev' }));
    const history: PairingHistory = [{ round: 1, pairs: [['a', 'c'], ['b', 'd'], ['x', 'a']] }, { round: 2, pairs: [['a', 'd'], ['b', 'c'], ['x', 'b']] }];
    for (const seed of [1, 2, 3]) {
      const r = pairPeople([a!, b!, c!, d!, x!], history, { currentRound: 3 }, createRng(seed));
      expect(r.groups).toEqual([['a', 'b'], ['c', 'd', 'x']]);
      expect(r.totalWeight).toBe(4);
      expect(r.repeats).toBe(0);
    }
  });

  it('ignores history about people who are not in this round and rounds outside the window', () => {
    const people = [person(0, 'it'), person(1, 'business')];
    const history: PairingHistory = [
      { round: 1, pairs: [['p0', 'p1']] },
      { round: 9, pairs: [['p0', 'ghost'], ['p1']] },
    ];
    const r = pairPeople(people, history, { currentRound: 10, lookbackRounds: 6 }, createRng(1));
    expect(r.groups).toEqual([['p0', 'p1']]);
    expect(r.repeats).toBe(0);
    expect(r.totalWeight).toBe(5);
  });
});
