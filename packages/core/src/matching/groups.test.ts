import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../rng';
import { findRepeatFreeGrouping, groupPeople, groupReasons, lastMetIndex, pairKey, removeAvoidableRepeats, strictPairingOptions } from './groups';
import type { PairingHistory, PairingPerson } from './pairing';

const rules = { groupSize: 2 as const, noRepeatRounds: 4, preferCrossSide: true, preferCrossDepartment: true };

/** Is there a grouping of `ids` into pairs (one trio when odd) with no pair in `forbidden`? Brute force. */
function repeatFreeExists(ids: string[], forbidden: Set<string>): boolean {
  if (ids.length <= 1) return true;
  if (ids.length === 3) return [0, 1, 2].every((i) => [0, 1, 2].every((j) => i >= j || !forbidden.has(pairKey(ids[i]!, ids[j]!))));
  const [a, ...rest] = ids;
  for (let i = 0; i < rest.length; i++) {
    if (forbidden.has(pairKey(a!, rest[i]!))) continue;
    if (repeatFreeExists(rest.filter((_, j) => j !== i), forbidden)) return true;
  }
  // Odd count: `a` may also be the third member of a trio.
  if (ids.length % 2 === 1) {
    for (let i = 0; i < rest.length; i++) {
      for (let j = i + 1; j < rest.length; j++) {
        const trio = [a!, rest[i]!, rest[j]!];
        if (trio.some((x, p) => trio.some((y, q) => p < q && forbidden.has(pairKey(x, y))))) continue;
        if (repeatFreeExists(rest.filter((_, k) => k !== i && k !== j), forbidden)) return true;
      }
    }
  }
  return false;
}

const people = (n: number, seed = 1): PairingPerson[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({ id: `p${i}`, side: rng.next() < 0.5 ? 'it' : 'business', department: ['Sales', 'Ops', 'Dev'][i % 3]! }));
};

describe('groupPeople', () => {
  it('never repeats a pair within the window whenever a repeat-free grouping exists (even counts, brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).map((k) => k * 2), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (n, seed, rounds) => {
        const ps = people(n, seed);
        const history: { round: number; pairs: string[][] }[] = [];
        for (let r = 1; r <= rounds; r++) {
          const g = groupPeople(ps, history, { ...rules, currentRound: r }, createRng(seed * 31 + r)).groups;
          history.push({ round: r, pairs: g });
        }
        const forbidden = new Set(lastMetIndex(history, rounds + 1, rules.noRepeatRounds).keys());
        const out = groupPeople(ps, history, rules, createRng(seed));
        if (repeatFreeExists(ps.map((p) => p.id), forbidden)) expect(out.repeats).toBe(0);
        expect(out.groups.flat().sort()).toEqual(ps.map((p) => p.id).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('never repeats a pair within the window whenever a repeat-free grouping exists (odd counts: the trio too, brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).map((k) => k * 2 + 1), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (n, seed, rounds) => {
        const ps = people(n, seed);
        const history: { round: number; pairs: string[][] }[] = [];
        for (let r = 1; r <= rounds; r++) {
          const g = groupPeople(ps, history, { ...rules, currentRound: r }, createRng(seed * 31 + r)).groups;
          history.push({ round: r, pairs: g });
        }
        const forbidden = new Set(lastMetIndex(history, rounds + 1, rules.noRepeatRounds).keys());
        const out = groupPeople(ps, history, rules, createRng(seed));
        if (repeatFreeExists(ps.map((p) => p.id), forbidden)) expect(out.repeats).toBe(0);
        expect(out.groups.flat().sort()).toEqual(ps.map((p) => p.id).sort());
        expect(out.groups.filter((g) => g.length === 3)).toHaveLength(1);
      }),
      { numRuns: 80 },
    );
  });

  it('seven people, three rounds: the trio never forces a repeat (the case a merged suite once caught)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const ps = people(7, seed);
      const history: { round: number; pairs: string[][] }[] = [];
      for (let r = 1; r <= 3; r++) {
        const out = groupPeople(ps, history, { ...rules, noRepeatRounds: 3, currentRound: r }, createRng(seed * 7 + r));
        const forbidden = new Set(lastMetIndex(history, r, 3).keys());
        if (repeatFreeExists(ps.map((p) => p.id), forbidden)) expect(out.repeats, `seed ${seed}, round ${r}`).toBe(0);
        history.push({ round: r, pairs: out.groups });
      }
    }
  });

  it('trio programmes: never a repeat a grouping of the same sizes avoids (brute force up to 9 people, three rounds)', () => {
    /** Can `ids` be split into groups of these sizes with no pair in `forbidden`? */
    const fits = (ids: string[], sizes: number[], forbidden: Set<string>): boolean => {
      if (ids.length === 0) return true;
      const [a, ...rest] = ids;
      for (const size of new Set(sizes)) {
        const left = [...sizes];
        left.splice(left.indexOf(size), 1);
        const choose = (from: number, picked: string[]): boolean => {
          if (picked.length === size - 1) {
            const g = [a!, ...picked];
            if (g.some((x, p) => g.some((y, q) => p < q && forbidden.has(pairKey(x, y))))) return false;
            return fits(rest.filter((r) => !picked.includes(r)), left, forbidden);
          }
          for (let i = from; i < rest.length; i++) if (choose(i + 1, [...picked, rest[i]!])) return true;
          return false;
        };
        if (choose(0, [])) return true;
      }
      return false;
    };
    const trioRules = { groupSize: 3 as const, noRepeatRounds: 2, preferCrossSide: true, preferCrossDepartment: true };
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 9 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const ps = people(n, seed);
        const history: { round: number; pairs: string[][] }[] = [];
        for (let r = 1; r <= 3; r++) {
          const out = groupPeople(ps, history, { ...trioRules, currentRound: r }, createRng(seed * 13 + r));
          const forbidden = new Set(lastMetIndex(history, r, 2).keys());
          if (fits(ps.map((p) => p.id), out.groups.map((g) => g.length), forbidden)) expect(out.repeats, `round ${r}`).toBe(0);
          expect(out.groups.flat().sort()).toEqual(ps.map((p) => p.id).sort());
          history.push({ round: r, pairs: out.groups });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('prefers a repeat-free pairing to one with many more cross-side pairs', () => {
    // 10 people: the only cross-side partner of every IT person met them last round.
    const ps: PairingPerson[] = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, side: i < 5 ? 'it' : 'business', department: 'D' }));
    const history: PairingHistory = [{ round: 1, pairs: [0, 1, 2, 3, 4].map((i) => [`p${i}`, `p${i + 5}`]) }];
    const out = groupPeople(ps, history, rules, createRng(3));
    expect(out.repeats).toBe(0);
  });

  it('makes trios for group size 3 and fits the count with one or two pairs', () => {
    for (const [n, sizes] of [[3, [3]], [4, [2, 2]], [5, [2, 3]], [6, [3, 3]], [7, [2, 2, 3]], [8, [2, 3, 3]], [9, [3, 3, 3]], [10, [2, 2, 3, 3]]] as const) {
      const out = groupPeople(people(n), [], { ...rules, groupSize: 3 }, createRng(n));
      expect(out.groups.map((g) => g.length).sort()).toEqual([...sizes]);
      expect(out.groups.flat().sort()).toEqual(people(n).map((p) => p.id).sort());
    }
  });

  it('pairs with one trio when the count is odd, and nobody for one person', () => {
    expect(groupPeople(people(5), [], rules, createRng(1)).groups.map((g) => g.length).sort()).toEqual([2, 3]);
    expect(groupPeople(people(1), [], rules, createRng(1))).toMatchObject({ groups: [], unpaired: ['p0'] });
    expect(() => groupPeople(people(4), [], { ...rules, groupSize: 4 as 2 }, createRng(1))).toThrow(RangeError);
  });

  it('makes the oldest counted repeat cost more than all preferences of a round', () => {
    const o = strictPairingOptions(100, rules);
    expect(o.repeatPenalty! / o.lookbackRounds!).toBeGreaterThan(52 * 6);
  });
});

describe('groupReasons', () => {
  const a: PairingPerson = { id: 'a', side: 'it', department: 'Dev', location: 'Leeds' };
  const b: PairingPerson = { id: 'b', side: 'business', department: 'Sales', location: 'Leeds' };
  it.each([
    [new Map<string, number>(), ['Cross-side: IT × Business', 'New pair: not met in the last 4 rounds', 'Different departments: Dev, Sales', 'Same location: Leeds']],
    [new Map([['a|b', 2]]), ['Cross-side: IT × Business', 'Repeat: met 2 round(s) ago (no repeat-free grouping was found)', 'Different departments: Dev, Sales', 'Same location: Leeds']],
  ])('explains a pair', (met, want) => {
    expect(groupReasons([a, b], met, 4)).toEqual(want);
  });
});

describe('groupPeople in blocks', () => {
  it('splits a large round into blocks, still grouping everyone once without avoidable repeats', () => {
    const ps = people(101, 5);
    const out = groupPeople(ps, [], { ...rules, blockSize: 20 }, createRng(2));
    expect(out.blocks).toBe(6);
    expect(out.groups.flat().sort()).toEqual(ps.map((p) => p.id).sort());
    expect(out.groups.filter((g) => g.length === 3)).toHaveLength(1);
    const again = groupPeople(ps, [{ round: 1, pairs: out.groups }], { ...rules, blockSize: 20 }, createRng(3));
    expect(again.repeats).toBe(0);
  });
});

describe('groupPeople in blocks', () => {
  // Each block sees only its own members' pairs inside the window (historyPerBlock); rounds outside
  // the window, people not in this round and pairs across blocks must not change the groups.
  it('gives the same groups whatever irrelevant history is added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), (seed) => {
        const rng = createRng(seed);
        const people: PairingPerson[] = Array.from({ length: 41 }, (_, i) => ({ id: `p${i}`, side: rng.next() < 0.4 ? 'it' : 'business', department: `d${Math.floor(rng.next() * 4)}` }));
        const ids = people.map((p) => p.id);
        const shuffled = (xs: string[]) => xs.map((x) => ({ x, k: rng.next() })).sort((a, b) => a.k - b.k).map((y) => y.x);
        const round = (r: number, extra: string[] = []) => {
          const xs = shuffled([...ids, ...extra]);
          const pairs: string[][] = [];
          for (let i = 0; i + 2 < xs.length; i += 3) pairs.push(r % 2 ? [xs[i]!, xs[i + 1]!, xs[i + 2]!] : [xs[i]!, xs[i + 1]!]);
          return { round: r, pairs };
        };
        const inWindow = [round(7), round(8), round(9)];
        const noisy: PairingHistory = [round(1, ['gone1', 'gone2']), round(2), ...inWindow.map((r) => ({ round: r.round, pairs: [...r.pairs, ['gone1', 'gone2']] }))];
        const r = { groupSize: 2 as const, noRepeatRounds: 3, preferCrossSide: true, preferCrossDepartment: true, currentRound: 10, blockSize: 10 };
        const a = groupPeople(people, inWindow, r, createRng(seed));
        const b = groupPeople(people, noisy, r, createRng(seed));
        expect(a.blocks).toBe(5);
        expect(b.groups).toEqual(a.groups);
        expect(b.repeats).toBe(a.repeats);
      }),
      { numRuns: 25 },
    );
  });
});

describe('removeAvoidableRepeats', () => {
  /** A random grouping of `ids` into pairs (one trio when odd) or trios (one or two pairs to fit). */
  const randomGrouping = (ids: string[], size: 2 | 3, rng: ReturnType<typeof createRng>): string[][] => {
    const xs = ids.map((x) => ({ x, k: rng.next() })).sort((a, b) => a.k - b.k).map((y) => y.x);
    const sizes: number[] = [];
    let left = xs.length;
    if (size === 2) {
      while (left > 3 || left === 2) {
        sizes.push(2);
        left -= 2;
      }
      if (left === 3) sizes.push(3);
    } else {
      const pairs = [0, 2, 1][left % 3]!;
      for (let p = 0; p < pairs; p++) sizes.push(2);
      left -= 2 * pairs;
      while (left > 0) {
        sizes.push(3);
        left -= 3;
      }
    }
    const out: string[][] = [];
    let at = 0;
    for (const k of sizes) {
      out.push(xs.slice(at, at + k));
      at += k;
    }
    return out;
  };
  const countRepeats = (groups: string[][], met: Set<string>) =>
    groups.reduce((sum, g) => sum + g.reduce((s2, a, i) => s2 + g.slice(i + 1).filter((b) => met.has(pairKey(a, b))).length, 0), 0);

  // Decision 157: with more than 3Δ + 1 groups (Δ: the most people of the round one person met in
  // the window), the swaps leave no repeat, whatever grouping they start from.
  it('leaves no repeat when the round has more than 3Δ + 1 groups, from any starting grouping', () => {
    let startedWithRepeats = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 40, max: 160 }), fc.constantFrom(2 as const, 3 as const), fc.integer({ min: 1, max: 6 }), (seed, n, size, rounds) => {
        const rng = createRng(seed);
        const ids = Array.from({ length: n }, (_, i) => `p${i}`);
        const history = Array.from({ length: rounds }, (_, r) => ({ round: r + 1, pairs: randomGrouping(ids, size, rng) }));
        const met = new Set(lastMetIndex(history, rounds + 1, rounds).keys());
        const partners = new Map<string, number>();
        for (const k of met) for (const id of k.split('|')) partners.set(id, (partners.get(id) ?? 0) + 1);
        const delta = Math.max(0, ...partners.values());
        const start = randomGrouping(ids, size, rng);
        fc.pre(start.length > 3 * delta + 1);
        if (countRepeats(start, met) > 0) startedWithRepeats++;
        const out = removeAvoidableRepeats(start, (a, b) => met.has(pairKey(a, b)), () => 1);
        expect(countRepeats(out, met)).toBe(0);
        expect(out.map((g) => g.length).sort()).toEqual(start.map((g) => g.length).sort());
        expect(out.flat().sort()).toEqual(ids.slice().sort());
      }),
      { numRuns: 150 },
    );
    // The property is not vacuous: most random starts held repeats for the swaps to remove.
    expect(startedWithRepeats).toBeGreaterThan(50);
  });

  it('never adds repeats, keeps every person and every group size, whatever the history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 4, max: 30 }), fc.constantFrom(2 as const, 3 as const), fc.integer({ min: 1, max: 12 }), (seed, n, size, rounds) => {
        const rng = createRng(seed);
        const ids = Array.from({ length: n }, (_, i) => `p${i}`);
        const history = Array.from({ length: rounds }, (_, r) => ({ round: r + 1, pairs: randomGrouping(ids, size, rng) }));
        const met = new Set(lastMetIndex(history, rounds + 1, rounds).keys());
        const start = randomGrouping(ids, size, rng);
        const out = removeAvoidableRepeats(start, (a, b) => met.has(pairKey(a, b)), () => 1);
        expect(countRepeats(out, met)).toBeLessThanOrEqual(countRepeats(start, met));
        expect(out.map((g) => g.length).sort()).toEqual(start.map((g) => g.length).sort());
        expect(out.flat().sort()).toEqual(ids.slice().sort());
      }),
      { numRuns: 200 },
    );
  });

  it('among swaps removing as many repeats, takes the one that adds the most weight', () => {
    // a–b met before; swapping a (or b) with c or with d both remove it; d is the better partner.
    const met = new Set([pairKey('a', 'b')]);
    const w = (x: string, y: string) => (pairKey(x, y) === pairKey('a', 'd') || pairKey(x, y) === pairKey('b', 'd') ? 10 : 1);
    const out = removeAvoidableRepeats([['a', 'b'], ['c', 'x'], ['d', 'y']], (x, y) => met.has(pairKey(x, y)), w);
    expect(countRepeats(out, met)).toBe(0);
    expect(out.some((g) => g.includes('d') && (g.includes('a') || g.includes('b')))).toBe(true);
  });
});

describe('groupPeople in small blocks', () => {
  // Blocks of two are pairs drawn at random, blind to the history, so a round grouped that way
  // holds repeats the whole round avoids (with the swaps switched off this test fails).
  // Δ ≤ 12 here and there are 40 groups > 3Δ + 1, so the swaps must leave none (decision 160).
  it('has no repeat over twelve rounds grouped in blocks of two, 80 people', () => {
    const ps = people(80, 9);
    const history: { round: number; pairs: string[][] }[] = [];
    const perRound: number[] = [];
    for (let r = 1; r <= 12; r++) {
      const out = groupPeople(ps, history, { ...rules, noRepeatRounds: 12, currentRound: r, blockSize: 2 }, createRng(r));
      expect(out.blocks).toBe(40);
      perRound.push(out.repeats);
      history.push({ round: r, pairs: out.groups });
    }
    expect(perRound).toEqual(Array(12).fill(0));
    const seen = new Set<string>();
    for (const h of history) {
      for (const g of h.pairs) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) {
        const k = pairKey(g[x]!, g[y]!);
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }
  });
});

/**
 * A round whose history forbids many pairs but never those of a hidden ("planted") grouping of the
 * right sizes, so a repeat-free grouping exists by construction. Every other pair met last round
 * with probability `density`, each as a group of its own.
 */
function planted(n: number, groupSize: 2 | 3, density: number, seed: number) {
  const rng = createRng(seed);
  const ps = people(n, seed);
  const ids = ps.map((p) => p.id);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const P = groupSize === 3 ? [0, 2, 1][n % 3]! : n % 2 === 1 ? (n - 3) / 2 : n / 2;
  const T = groupSize === 3 ? (n - 2 * P) / 3 : n % 2;
  const hidden: string[][] = [];
  let k = 0;
  for (let t = 0; t < T; t++, k += 3) hidden.push(ids.slice(k, k + 3));
  for (let q = 0; q < P; q++, k += 2) hidden.push(ids.slice(k, k + 2));
  const allowed = new Set(hidden.flatMap((g) => g.flatMap((a) => g.filter((b) => b !== a).map((b) => pairKey(a, b)))));
  const met: string[][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (!allowed.has(pairKey(`p${a}`, `p${b}`)) && rng.next() < density) met.push([`p${a}`, `p${b}`]);
  const history: PairingHistory = [{ round: 1, pairs: met }];
  return { ps, history, T, P, forbidden: new Set(met.map(([a, b]) => pairKey(a!, b!))) };
}

describe('the exact repeat-free search (decision 163)', () => {
  it('finds a repeat-free round whenever one exists, between the exact sizes and 3Δ + 1 groups (planted groupings, trios and odd pairs)', () => {
    let neededTheSearch = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<2 | 3>(2, 3),
        fc.integer({ min: 13, max: 61 }),
        fc.double({ min: 0.5, max: 0.85, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        (groupSize, size, density, seed) => {
          const n = groupSize === 2 && size % 2 === 0 ? size + 1 : size;
          const { ps, history, forbidden } = planted(n, groupSize, density, seed);
          const r = { ...rules, groupSize, noRepeatRounds: 4, currentRound: 2 };
          const without = groupPeople(ps, history, { ...r, searchWork: 0 }, createRng(seed));
          if (without.repeats > 0) neededTheSearch++;
          const got = groupPeople(ps, history, r, createRng(seed));
          expect(got.repeats).toBe(0);
          expect(got.groups.flat().sort()).toEqual(ps.map((p) => p.id).sort());
          for (const g of got.groups) for (const a of g) for (const b of g) if (a < b) expect(forbidden.has(pairKey(a, b))).toBe(false);
          expect(got.groups.map((g) => g.length).sort()).toEqual(without.groups.map((g) => g.length).sort());
        },
      ),
      { numRuns: 60, seed: 162 },
    );
    // Not vacuous: the constructive steps and the swaps alone left repeats in many of these rounds.
    expect(neededTheSearch).toBeGreaterThan(5);
  });

  it('agrees with brute force on whether a repeat-free grouping of pairs (one trio when odd) exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 11 }), fc.double({ min: 0.3, max: 0.9, noNaN: true }), fc.integer({ min: 0, max: 10_000 }), (n, density, seed) => {
        const rng = createRng(seed);
        const ids = Array.from({ length: n }, (_, i) => `p${i}`);
        const forbidden = new Set<string>();
        for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rng.next() < density) forbidden.add(pairKey(ids[a]!, ids[b]!));
        const T = n % 2;
        const got = findRepeatFreeGrouping(ids, T, (n - 3 * T) / 2, (a, b) => forbidden.has(pairKey(a, b)), () => 0, 1_000_000);
        expect(got.status).toBe(repeatFreeExists(ids, forbidden) ? 'found' : 'none');
        if (got.status === 'found') for (const g of got.groups) for (const a of g) for (const b of g) if (a < b) expect(forbidden.has(pairKey(a, b))).toBe(false);
      }),
      { numRuns: 200, seed: 1621 },
    );
  });

  it('proves that none exists when someone met everybody, and stops at its budget', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const metA = (x: string, y: string) => x === 'a' || y === 'a';
    expect(findRepeatFreeGrouping(ids, 0, 3, metA, () => 0, 1_000).status).toBe('none');
    expect(findRepeatFreeGrouping(ids, 2, 0, metA, () => 0, 1_000).status).toBe('none');
    const none = (x: string, y: string) => x === y;
    expect(findRepeatFreeGrouping(ids, 2, 0, none, () => 0, 1_000)).toMatchObject({ status: 'found', groups: [expect.any(Array), expect.any(Array)] });
    // 39 people who may only meet across two halves: no trio is possible, proven before any step.
    const many = Array.from({ length: 39 }, (_, i) => `p${i}`);
    const parity = (x: string, y: string) => Number(x.slice(1)) % 2 === Number(y.slice(1)) % 2;
    expect(findRepeatFreeGrouping(many, 1, 18, parity, () => 0, 10)).toEqual({ status: 'none', nodes: 0 });
    // 42 people who may meet only within their half: 14 trios need 14 steps, a budget of 10 gives up.
    const fortyTwo = Array.from({ length: 42 }, (_, i) => `p${i}`);
    const halves = (h: number) => (x: string, y: string) => Number(x.slice(1)) < h !== Number(y.slice(1)) < h;
    expect(findRepeatFreeGrouping(fortyTwo, 14, 0, halves(21), () => 0, 10).status).toBe('gave-up');
    expect(findRepeatFreeGrouping(fortyTwo, 14, 0, halves(21), () => 0, 100)).toMatchObject({ status: 'found' });
    // Pairs only are decided by the blossom algorithm, budget or not: two odd halves have no perfect pairing.
    expect(findRepeatFreeGrouping(fortyTwo, 0, 21, halves(21), () => 0, 1)).toEqual({ status: 'none', nodes: 0 });
    const pairs = findRepeatFreeGrouping(fortyTwo, 0, 21, halves(20), () => 0, 1);
    expect(pairs.status).toBe('found');
    if (pairs.status === 'found') for (const [a, b] of pairs.groups) expect(halves(20)(a!, b!)).toBe(false);
    expect(() => findRepeatFreeGrouping(ids, 1, 1, none, () => 0, 10)).toThrow(RangeError);
  });

  it('reports in the round when the repeats were unavoidable', () => {
    const ps = people(6, 3);
    // p0 met everybody last round: every grouping repeats a pair with p0.
    const history: PairingHistory = [{ round: 1, pairs: ps.slice(1).map((p) => ['p0', p.id]) }];
    const got = groupPeople(ps, history, { ...rules, currentRound: 2 }, createRng(1));
    expect(got.repeats).toBe(1);
    expect(got.search).toBe('none');
    const withP0 = got.groups.find((g) => g.includes('p0'))!;
    const reasons = groupReasons(withP0.map((id) => ps.find((p) => p.id === id)!), lastMetIndex(history, 2, 4), 4, got.search === 'none');
    expect(reasons).toContain('Repeat: met 1 round(s) ago (every possible grouping of this round repeats a pair)');
    const clean = groupPeople(ps, [], { ...rules, currentRound: 2 }, createRng(1));
    expect(clean.search).toBeUndefined();
  });
});
