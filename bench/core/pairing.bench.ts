/**
 * Coffee pairing benchmark: `npx tsx bench/core/pairing.bench.ts` prints one JSON object.
 *
 * - pairPeople on 2,000 synthetic people (seeded via createRng; ~35% IT, 12 departments of
 *   skewed sizes, 4 locations) with 10 earlier rounds of history (each produced by pairPeople
 *   itself on a random ~85% turnout, as in real use), lookback 10 rounds, sameLocationBonus 1:
 *   median wall time over several runs, and whether the pruned result is proven optimal.
 * - The exact maximum on the full 2,000-person graph (one run), to compare weights directly.
 * - Quality on 12 instances of 300 people (same generator): pruned totalWeight / exact
 *   totalWeight (min and median), also without the pricing step (pricingRounds 0).
 * - Baseline in the same run: greedy heaviest-edge-first on the full weighted graph (the usual
 *   "pairing bot" approach): time to build the graph and match, and its weight ratio.
 */
import {
  createRng,
  greedyMatching,
  matchingWeight,
  pairPeople,
  pairingWeight,
  type PairingHistory,
  type PairingOptions,
  type PairingPerson,
  type Rng,
  type WeightedEdge,
} from '@tandem/core';

const IT_DEPARTMENTS = ['Development', 'Infrastructure', 'Data', 'Security'];
const BUSINESS_DEPARTMENTS = ['Sales', 'Marketing', 'Finance', 'HR', 'Operations', 'Legal', 'Product', 'Customer Service'];
const LOCATIONS = ['London', 'Amsterdam', 'Berlin', 'Remote'];

/** Pick an index with probability proportional to `w` (skewed department sizes). */
function pick(rng: Rng, w: readonly number[]): number {
  const total = w.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < w.length; i++) {
    r -= w[i]!;
    if (r < 0) return i;
  }
  return w.length - 1;
}

function makePeople(n: number, rng: Rng): PairingPerson[] {
  const itSizes = [5, 3, 2, 1];
  const bizSizes = [5, 3, 2, 1, 4, 1, 2, 3];
  return Array.from({ length: n }, (_, i) => {
    const it = rng.next() < 0.35;
    const department = it ? IT_DEPARTMENTS[pick(rng, itSizes)]! : BUSINESS_DEPARTMENTS[pick(rng, bizSizes)]!;
    return { id: `p${i}`, side: it ? 'it' : 'business', department, location: LOCATIONS[pick(rng, [4, 3, 2, 2])]! };
  });
}

/** Earlier rounds as real use would produce them: pairPeople on a random ~85% turnout. */
function makeHistory(people: PairingPerson[], rounds: number, rng: Rng, options: PairingOptions): PairingHistory {
  const history: { round: number; pairs: string[][] }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const present = people.filter(() => rng.next() < 0.85);
    const r = pairPeople(present, history, { ...options, currentRound: round }, rng);
    history.push({ round, pairs: r.groups });
  }
  return history;
}

/** Full graph with pairPeople's weights, for the greedy baseline. */
function fullGraph(people: PairingPerson[], history: PairingHistory, options: PairingOptions, currentRound: number): WeightedEdge[] {
  const idx = new Map(people.map((p, i) => [p.id, i]));
  const last = new Map<number, number>();
  const n = people.length;
  for (const r of history) {
    for (const g of r.pairs) {
      for (const x of g) {
        for (const y of g) {
          const a = idx.get(x);
          const b = idx.get(y);
          if (a === undefined || b === undefined || a >= b) continue;
          last.set(a * n + b, Math.max(last.get(a * n + b) ?? -Infinity, r.round));
        }
      }
    }
  }
  const edges: WeightedEdge[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const met = last.get(a * n + b);
      edges.push([a, b, pairingWeight(people[a]!, people[b]!, met === undefined ? undefined : currentRound - met, options)]);
    }
  }
  return edges;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const round4 = (x: number): number => Math.round(x * 10000) / 10000;
const options: PairingOptions = { lookbackRounds: 10, sameLocationBonus: 1 };
const HISTORY_ROUNDS = 10;

// ---- 2,000 people ---------------------------------------------------------------------------
const N = 2000;
const RUNS = 5;
const genRng = createRng('tandem-pairing-bench-2000');
const people = makePeople(N, genRng);
const history = makeHistory(people, HISTORY_ROUNDS, genRng, options);
const current = { ...options, currentRound: HISTORY_ROUNDS + 1 };

pairPeople(people, history, current, createRng(0)); // warm-up (JIT)
const times: number[] = [];
let result = pairPeople(people, history, current, createRng(1));
for (let run = 1; run <= RUNS; run++) {
  const t0 = performance.now();
  result = pairPeople(people, history, current, createRng(run));
  times.push(performance.now() - t0);
}

const tBuild = performance.now();
const edges2000 = fullGraph(people, history, current, HISTORY_ROUNDS + 1);
const buildMs = performance.now() - tBuild;
greedyMatching(edges2000, true); // warm-up
const greedyTimes: number[] = [];
let greedyMate: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const t0 = performance.now();
  greedyMate = greedyMatching(edges2000, true);
  greedyTimes.push(performance.now() - t0);
}
const greedyWeight2000 = matchingWeight(edges2000, greedyMate);
const metBefore = new Set<string>();
for (const r of history) {
  if (HISTORY_ROUNDS + 1 - r.round > (options.lookbackRounds ?? 6)) continue;
  for (const g of r.pairs) for (const a of g) for (const b of g) if (a < b) metBefore.add(`${a}|${b}`);
}
let greedyRepeats2000 = 0;
for (let v = 0; v < N; v++) {
  const u = greedyMate[v]!;
  if (u <= v) continue;
  const [a, b] = [people[v]!.id, people[u]!.id].sort();
  if (metBefore.has(`${a}|${b}`)) greedyRepeats2000++;
}

// Exact maximum on the full 2,000-person graph, once (the reference for the pruned result).
const tExact = performance.now();
const exact2000 = pairPeople(people, history, { ...current, exactLimit: Infinity }, createRng(1));
const exact2000Ms = performance.now() - tExact;

// ---- 300-person instances: pruned vs exact ----------------------------------------------------
const INSTANCES = 12;
const prunedRatios: number[] = [];
const unpricedRatios: number[] = [];
let prunedCertified = 0;
const greedyRatios: number[] = [];
const exactMs: number[] = [];
const prunedMs: number[] = [];
for (let s = 1; s <= INSTANCES; s++) {
  const rng = createRng(`tandem-pairing-bench-300-${s}`);
  const ps = makePeople(300, rng);
  const h = makeHistory(ps, HISTORY_ROUNDS, rng, options);
  const opts = { ...options, currentRound: HISTORY_ROUNDS + 1 };
  let t0 = performance.now();
  const exact = pairPeople(ps, h, { ...opts, exactLimit: Infinity }, createRng(s));
  exactMs.push(performance.now() - t0);
  t0 = performance.now();
  const pruned = pairPeople(ps, h, { ...opts, exactLimit: 0 }, createRng(s));
  prunedMs.push(performance.now() - t0);
  if (exact.method !== 'exact' || pruned.method !== 'pruned') throw new Error('method not forced');
  prunedRatios.push(pruned.totalWeight / exact.totalWeight);
  if (pruned.optimal) prunedCertified++;
  const unpriced = pairPeople(ps, h, { ...opts, exactLimit: 0, pricingRounds: 0 }, createRng(s));
  unpricedRatios.push(unpriced.totalWeight / exact.totalWeight);
  const e = fullGraph(ps, h, opts, HISTORY_ROUNDS + 1);
  greedyRatios.push(matchingWeight(e, greedyMatching(e, true)) / exact.totalWeight);
}

console.log(
  JSON.stringify({
    benchmark: 'core/pairing',
    command: 'npx tsx bench/core/pairing.bench.ts',
    options: { ...options, note: 'other options at PAIRING_DEFAULTS' },
    people: N,
    historyRounds: HISTORY_ROUNDS,
    runs: RUNS,
    pairPeople: {
      medianMs: round3(median(times)),
      maxMs: round3(Math.max(...times)),
      method: result.method,
      provenOptimal: result.optimal,
      pricingRounds: result.pricingRounds,
      groups: result.groups.length,
      totalWeight: result.totalWeight,
      repeats: result.repeats,
      crossSideGroups: result.crossSide,
    },
    baseline: {
      name: 'greedy heaviest-edge-first on the full graph',
      edges: edges2000.length,
      medianMs: round3(buildMs + median(greedyTimes)),
      buildGraphMs: round3(buildMs),
      greedyMedianMs: round3(median(greedyTimes)),
      totalWeight: greedyWeight2000,
      repeats: greedyRepeats2000,
      weightRatioToPairPeople: round4(greedyWeight2000 / result.totalWeight),
      weightRatioToExact: round4(greedyWeight2000 / exact2000.totalWeight),
    },
    exact2000: {
      ms: round3(exact2000Ms),
      totalWeight: exact2000.totalWeight,
      prunedOverExact: round4(result.totalWeight / exact2000.totalWeight),
    },
    quality300: {
      instances: INSTANCES,
      prunedOverExact: { min: round4(Math.min(...prunedRatios)), median: round4(median(prunedRatios)) },
      prunedProvenOptimal: prunedCertified,
      prunedWithoutPricingOverExact: { min: round4(Math.min(...unpricedRatios)), median: round4(median(unpricedRatios)) },
      greedyOverExact: { min: round4(Math.min(...greedyRatios)), median: round4(median(greedyRatios)) },
      exactMedianMs: round3(median(exactMs)),
      prunedMedianMs: round3(median(prunedMs)),
    },
  }),
);
