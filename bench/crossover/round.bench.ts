/**
 * Coffee round benchmark: `npx tsx bench/crossover/round.bench.ts` prints one JSON object.
 *
 * - groupPeople (the optimiser a crossover round calls) on 5,000 opted-in people (seeded: ~35% IT,
 *   12 departments) with 52 earlier rounds of history and noRepeatRounds 52, so every person
 *   already met 52 others inside the window: median wall time over several runs against the
 *   2 s budget (ratio = median / budget), with the repeat count and the cross-side share.
 * - Quality on a 200-person sample with the same history: the large-round path (two blocks of
 *   100, each on the pruned graph: exactLimit 0, blockSize 100) against the exact optimum (Edmonds' blossom on the full graph, exactLimit ∞):
 *   repeats and cross-side share of both, as ratios pruned / exact.
 * - Baseline in the same run: greedy heaviest-edge-first on the sample's full graph (the usual
 *   "pairing bot"), its repeats and cross-side share.
 */
import {
  createRng,
  greedyMatching,
  groupPeople,
  lastMetIndex,
  pairKey,
  pairingWeight,
  strictPairingOptions,
  type GroupingRules,
  type PairingHistory,
  type PairingPerson,
  type WeightedEdge,
} from '@tandem/core';

const DEPARTMENTS = ['Development', 'Infrastructure', 'Data', 'Security', 'Sales', 'Marketing', 'Finance', 'HR', 'Operations', 'Legal', 'Product', 'Customer Service'];
const N = 5_000;
const SAMPLE = 200;
const HISTORY = 52;
const RUNS = 5;
const BUDGET_MS = 2_000;
const rng = createRng('crossover-round-bench');

const people: PairingPerson[] = Array.from({ length: N }, (_, i) => {
  const it = rng.next() < 0.35;
  const d = it ? DEPARTMENTS[Math.floor(rng.next() * 4)]! : DEPARTMENTS[4 + Math.floor(rng.next() * 8)]!;
  return { id: `p${i}`, side: it ? 'it' : 'business', department: d };
});

/** `rounds` random pairings of `ids` (one trio when odd): history as a real programme leaves it. */
function randomHistory(ids: string[], rounds: number): PairingHistory {
  const out: { round: number; pairs: string[][] }[] = [];
  for (let r = 1; r <= rounds; r++) {
    const xs = ids.slice();
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    const pairs: string[][] = [];
    for (let i = 0; i + 1 < xs.length; i += 2) pairs.push([xs[i]!, xs[i + 1]!]);
    if (xs.length % 2 === 1) pairs[pairs.length - 1]!.push(xs[xs.length - 1]!);
    out.push({ round: r, pairs });
  }
  return out;
}

const rules: GroupingRules = { groupSize: 2, noRepeatRounds: HISTORY, preferCrossSide: true, preferCrossDepartment: true, currentRound: HISTORY + 1 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const share = (groups: string[][], byId: Map<string, PairingPerson>) => groups.filter((g) => new Set(g.map((id) => byId.get(id)!.side)).size > 1).length / Math.max(1, groups.length);

const history = randomHistory(people.map((p) => p.id), HISTORY);
const byId = new Map(people.map((p) => [p.id, p]));
const times: number[] = [];
let big = groupPeople(people, history, rules, createRng(1));
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  big = groupPeople(people, history, rules, createRng(r + 1));
  times.push(performance.now() - t0);
}

const sample = people.slice(0, SAMPLE);
const sampleIds = new Set(sample.map((p) => p.id));
const sampleHistory = history.map((r) => ({ round: r.round, pairs: r.pairs.filter((g) => g.every((id) => sampleIds.has(id))) }));
const exact = groupPeople(sample, sampleHistory, { ...rules, exactLimit: Number.POSITIVE_INFINITY }, createRng(7));
// As a large round is solved: blocks (here of 100) on the pruned graph.
const pruned = groupPeople(sample, sampleHistory, { ...rules, exactLimit: 0, blockSize: 100 }, createRng(7));
// Greedy on the same weights (strict repeat penalty included).
const opts = strictPairingOptions(SAMPLE, rules);
const met = lastMetIndex(sampleHistory, HISTORY + 1, HISTORY);
const edges: WeightedEdge[] = [];
for (let a = 0; a < SAMPLE; a++) for (let b = a + 1; b < SAMPLE; b++) edges.push([a, b, pairingWeight(sample[a]!, sample[b]!, met.get(pairKey(sample[a]!.id, sample[b]!.id)), opts)]);
const mate = greedyMatching(edges, true);
const greedyGroups: string[][] = [];
for (let v = 0; v < SAMPLE; v++) if (mate[v]! > v) greedyGroups.push([sample[v]!.id, sample[mate[v]!]!.id]);
const greedyRepeats = greedyGroups.filter((g) => met.has(pairKey(g[0]!, g[1]!))).length;

const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : null) : a / b);
console.log(
  JSON.stringify({
    bench: 'crossover/round',
    people: N,
    historyRounds: HISTORY,
    noRepeatRounds: HISTORY,
    round: { medianMs: Math.round(median(times)), runsMs: times.map(Math.round), budgetMs: BUDGET_MS, ratioToBudget: +(median(times) / BUDGET_MS).toFixed(3), method: big.method, blocks: big.blocks, repeats: big.repeats, crossSideShare: +share(big.groups, byId).toFixed(4) },
    sample: {
      people: SAMPLE,
      exact: { repeats: exact.repeats, crossSideShare: +share(exact.groups, byId).toFixed(4), method: exact.method },
      pruned: { repeats: pruned.repeats, crossSideShare: +share(pruned.groups, byId).toFixed(4), method: pruned.method },
      greedyBaseline: { repeats: greedyRepeats, crossSideShare: +share(greedyGroups, byId).toFixed(4) },
      ratios: {
        prunedToExactRepeats: ratio(pruned.repeats, exact.repeats),
        prunedToExactCrossSide: +(share(pruned.groups, byId) / share(exact.groups, byId)).toFixed(4),
        greedyToExactCrossSide: +(share(greedyGroups, byId) / share(exact.groups, byId)).toFixed(4),
      },
    },
  }),
);
