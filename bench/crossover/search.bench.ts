/**
 * The exact repeat-free search of coffee rounds (decision 163): `npx tsx bench/crossover/search.bench.ts`
 * prints one JSON object.
 *
 * - Rescue: rounds between the exact sizes and 3Δ + 1 groups whose history forbids a share
 *   `density` of all pairs except those of a hidden ("planted") grouping, so a repeat-free round
 *   exists by construction. For trios and odd pairs, 31 to 601 people: the repeats left by the
 *   constructive steps and swaps alone (the baseline, searchWork 0, same run) against the repeats
 *   with the search, and the median wall time of both (ratio = with / without).
 * - Worst case: people who may meet only within their own clique, sized so that no repeat-free
 *   round exists and no cheap proof does (odd pairs, trios; pairs alone are decided by the blossom
 *   algorithm): the search spends its default budget; its wall time is the most it can add.
 */
import { createRng, findRepeatFreeGrouping, groupPeople, pairKey, type PairingHistory, type PairingPerson } from '@tandem/core';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function planted(n: number, groupSize: 2 | 3, density: number, seed: number) {
  const rng = createRng(seed);
  const people: PairingPerson[] = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, side: rng.next() < 0.4 ? 'it' : 'business', department: `D${i % 8}` }));
  const ids = people.map((p) => p.id);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const P = groupSize === 3 ? [0, 2, 1][n % 3]! : (n - 3 * (n % 2)) / 2;
  const T = groupSize === 3 ? (n - 2 * P) / 3 : n % 2;
  const hidden: string[][] = [];
  let k = 0;
  for (let t = 0; t < T; t++, k += 3) hidden.push(ids.slice(k, k + 3));
  for (let q = 0; q < P; q++, k += 2) hidden.push(ids.slice(k, k + 2));
  const allowed = new Set(hidden.flatMap((g) => g.flatMap((a) => g.filter((b) => b !== a).map((b) => pairKey(a, b)))));
  const met: string[][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (!allowed.has(pairKey(`p${a}`, `p${b}`)) && rng.next() < density) met.push([`p${a}`, `p${b}`]);
  return { people, history: [{ round: 1, pairs: met }] as PairingHistory };
}

const SEEDS = 5;
const rescue = [];
for (const n of [31, 61, 151, 301, 601]) {
  for (const groupSize of [2, 3] as const) {
    for (const density of [0.5, 0.8]) {
      const size = groupSize === 2 && n % 2 === 0 ? n + 1 : n;
      let before = 0;
      let after = 0;
      const tWithout: number[] = [];
      const tWith: number[] = [];
      for (let seed = 1; seed <= SEEDS; seed++) {
        const { people, history } = planted(size, groupSize, density, seed);
        const rules = { groupSize, noRepeatRounds: 4, preferCrossSide: true, preferCrossDepartment: true, currentRound: 2 };
        let t0 = performance.now();
        before += groupPeople(people, history, { ...rules, searchWork: 0 }, createRng(seed)).repeats;
        tWithout.push(performance.now() - t0);
        t0 = performance.now();
        after += groupPeople(people, history, rules, createRng(seed)).repeats;
        tWith.push(performance.now() - t0);
      }
      const mWithout = median(tWithout);
      const mWith = median(tWith);
      rescue.push({ people: size, groupSize, density, rounds: SEEDS, repeatsWithoutSearch: before, repeatsWithSearch: after, medianMsWithout: Math.round(mWithout), medianMsWith: Math.round(mWith), ratio: Math.round((mWith / mWithout) * 100) / 100 });
    }
  }
}

const worst = [];
// People who may meet only within their own clique: three odd cliques with one trio to make (odd
// pairs: the trio fixes one clique, the other two cannot pair up), and two cliques of 3k+1 and
// 3k+2 people for trios. No repeat-free round exists and no cheap proof does.
const cliques = (sizes: number[]) => {
  const of: number[] = sizes.flatMap((s, c) => Array.from({ length: s }, () => c));
  const ids = of.map((_, i) => `p${i}`);
  return { ids, apart: (x: string, y: string) => of[Number(x.slice(1))] !== of[Number(y.slice(1))] };
};
for (const [label, sizes, trios] of [
  ['odd pairs', [11, 9, 11], 1],
  ['odd pairs', [21, 21, 19], 1],
  ['odd pairs', [51, 49, 51], 1],
  ['odd pairs', [101, 99, 101], 1],
  ['trios', [13, 17], 10],
  ['trios', [31, 29], 20],
  ['trios', [151, 149], 100],
  ['trios', [301, 299], 200],
] as const) {
  const { ids, apart } = cliques([...sizes]);
  const n = ids.length;
  const pairs = (n - 3 * trios) / 2;
  const maxNodes = Math.max(1_000, Math.floor(50_000_000 / (n * Math.ceil(n / 32))));
  const t0 = performance.now();
  const r = findRepeatFreeGrouping(ids, trios, pairs, apart, () => 0, maxNodes);
  worst.push({ case: label, people: n, cliques: sizes, status: r.status, steps: r.nodes, ms: Math.round(performance.now() - t0) });
}

console.log(
  JSON.stringify({
    name: 'crossover.repeat-free-search',
    baseline: 'the same rounds without the search (searchWork 0), in the same run',
    rescue,
    totals: { repeatsWithoutSearch: rescue.reduce((s, r) => s + r.repeatsWithoutSearch, 0), repeatsWithSearch: rescue.reduce((s, r) => s + r.repeatsWithSearch, 0) },
    worst,
  }),
);
