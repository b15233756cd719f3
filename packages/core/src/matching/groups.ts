import type { Rng } from '../rng';
import { maxWeightMatching, type WeightedEdge } from './blossom';
import { pairPeople, pairingWeight, type PairingHistory, type PairingOptions, type PairingPerson } from './pairing';

/** The rules of a coffee-pairs programme, in order of weight (see {@link groupPeople}). */
export interface GroupingRules {
  /** 2: pairs (one trio when the count is odd); 3: trios (plus one or two pairs so the count fits). */
  groupSize: 2 | 3;
  /** No pair may meet again within this many earlier rounds whenever that can be avoided. */
  noRepeatRounds: number;
  preferCrossSide: boolean;
  preferCrossDepartment: boolean;
  /** For in-person programmes: prefer the same location. */
  preferSameLocation?: boolean;
  /** The round being grouped; default the latest in the history + 1. */
  currentRound?: number;
  /** Passed through to {@link pairPeople} (tests and benchmarks). */
  exactLimit?: number;
  candidateLimit?: number;
  /**
   * Above this many people the round is split into random blocks of about this size (even
   * sizes, the last takes the rest), each optimised on its own. Default 500: a 5,000-person
   * round then takes well under 2 s where the single pruned graph takes over 10 s; the loss
   * against the exact optimum is measured in bench/crossover.
   */
  blockSize?: number;
  /**
   * Work budget of the exact repeat-free search (decision 163), in person-visits (about one
   * microsecond or less each): the search may step `searchWork / (n · ⌈n/32⌉)` times. Default
   * 50,000,000 (measured worst case about 0.25 s, bench/crossover/search.bench.ts); 0 switches the
   * search off (tests, benchmarks).
   */
  searchWork?: number;
}

export interface GroupingResult {
  groups: string[][];
  unpaired: string[];
  /** Pairs inside groups that met within the last `noRepeatRounds` rounds. */
  repeats: number;
  /** Groups with both an IT and a Business member. */
  crossSide: number;
  method: 'exact' | 'pruned';
  /** How many blocks the round was solved in (1 up to `blockSize` people). */
  blocks: number;
  /**
   * Set when the groups built and swapped still held a repeat and the exact search ran
   * ({@link findRepeatFreeGrouping}): `found` (the round is now repeat-free), `none` (no
   * repeat-free grouping exists: the repeats were unavoidable) or `gave-up` (budget spent).
   */
  search?: RepeatFreeSearch['status'];
}

const BONUS = { crossSide: 4, crossDepartment: 2, sameLocation: 1 } as const;

/**
 * The {@link PairingOptions} that make "no repeat within N rounds" a hard rule whenever it can be
 * kept: the smallest repeat penalty (the oldest counted meeting, `P/N`) is larger than the most the
 * preferences can add over a whole round, `(⌊n/2⌋ + 2) · (sum of bonuses)` (the pairs of a round
 * of pairs with one trio), so any matching with fewer repeats outweighs every matching with more
 * (lexicographic: repeats first, then preferences). O(1). Source: Tandem (decision 071), weights
 * after REFERENCES.md (Pairing).
 */
export function strictPairingOptions(count: number, rules: GroupingRules): PairingOptions {
  const crossSideBonus = rules.preferCrossSide ? BONUS.crossSide : 0;
  const crossDepartmentBonus = rules.preferCrossDepartment ? BONUS.crossDepartment : 0;
  const sameLocationBonus = rules.preferSameLocation ? BONUS.sameLocation : 0;
  const span = (Math.floor(count / 2) + 2) * (crossSideBonus + crossDepartmentBonus + sameLocationBonus) + 1;
  const L = Math.max(0, Math.floor(rules.noRepeatRounds));
  const o: PairingOptions = {
    baseWeight: 1,
    crossSideBonus,
    crossDepartmentBonus,
    sameLocationBonus,
    repeatPenalty: L * span,
    lookbackRounds: L,
  };
  if (rules.currentRound !== undefined) o.currentRound = rules.currentRound;
  if (rules.exactLimit !== undefined) o.exactLimit = rules.exactLimit;
  if (rules.candidateLimit !== undefined) o.candidateLimit = rules.candidateLimit;
  return o;
}

/**
 * How many rounds ago each pair last met, within `lookback` rounds before `currentRound`:
 * key `a|b` with a < b. O(Σ group size²).
 */
export function lastMetIndex(history: PairingHistory, currentRound: number, lookback: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of history) {
    const age = currentRound - r.round;
    if (!(age >= 1 && age <= lookback)) continue;
    for (const g of r.pairs) {
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) {
          const k = pairKey(g[x]!, g[y]!);
          const prev = out.get(k);
          if (prev === undefined || age < prev) out.set(k, age);
        }
      }
    }
  }
  return out;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function latestRound(history: PairingHistory): number {
  let latest = 0;
  for (const r of history) if (r.round > latest) latest = r.round;
  return latest;
}

/**
 * Coffee groups for one round of a programme. Pairs come from the maximum-weight matching of
 * {@link pairPeople} with {@link strictPairingOptions}, so the round has no repeat within
 * `noRepeatRounds` whenever a repeat-free pairing exists, and among those it crosses IT/Business,
 * departments (and locations) as much as possible.
 *
 * Group size 3: with n = 3T + 2P people (P ∈ {0, 1, 2} the fewest pairs that make n fit), the
 * ⌊n/2⌋ pairs of the matching are cut down to T + P by dissolving the lightest pairs; each
 * dissolved person then joins one kept pair so that the sum of the new pairs' weights is maximal
 * (a maximum-weight bipartite matching of people to pairs by the blossom algorithm; greedy by
 * best gain above 200 people to place). n < 2: nobody is grouped.
 *
 * Whatever built the groups, {@link removeAvoidableRepeats} then swaps members to remove repeats,
 * and when one is still left, {@link findRepeatFreeGrouping} searches exactly for a repeat-free
 * grouping of the same sizes and takes it when there is one (`search` says what it concluded).
 *
 * Complexity: that of {@link pairPeople}, plus O(s·k) edges for s people to place on k pairs, plus
 * the budgeted search when a repeat is left. Source: Tandem (decisions 071, 160, 163).
 */
export function groupPeople(people: readonly PairingPerson[], history: PairingHistory, rules: GroupingRules, rng: Rng): GroupingResult {
  if (rules.groupSize !== 2 && rules.groupSize !== 3) throw new RangeError('groupSize must be 2 or 3');
  const options = strictPairingOptions(people.length, rules);
  const currentRound = rules.currentRound ?? latestRound(history) + 1;
  const blockSize = Math.max(2, rules.blockSize ?? 500);
  const blocks = splitIntoBlocks(people, blockSize, rng);
  const histories = blocks.length === 1 ? [history] : historyPerBlock(history, blocks, currentRound, options.lookbackRounds ?? 0);
  // The round is fixed here: a block's trimmed history must not move pairPeople's default.
  const solved = blocks.map((b, i) => pairPeople(b, histories[i]!, { ...options, currentRound }, rng));
  const paired = {
    groups: solved.flatMap((r) => r.groups),
    unpaired: solved.flatMap((r) => r.unpaired),
    method: solved.some((r) => r.method === 'pruned') ? ('pruned' as const) : ('exact' as const),
  };
  let groups = paired.groups;
  const byId = new Map(people.map((p) => [p.id, p]));
  const met = lastMetIndex(history, currentRound, options.lookbackRounds ?? 0);
  const w = (a: string, b: string) => pairingWeight(byId.get(a)!, byId.get(b)!, met.get(pairKey(a, b)), options);

  if (rules.groupSize === 3 && people.length >= 3) {
    const n = people.length;
    const P = [0, 2, 1][n % 3]!;
    const T = (n - 2 * P) / 3;
    const trios = groups.filter((g) => g.length === 3);
    const pairs = groups.filter((g) => g.length === 2);
    const needed = T - trios.length;
    if (needed > 0) {
      const byWeight = pairs.map((g) => ({ g, weight: w(g[0]!, g[1]!) })).sort((a, b) => a.weight - b.weight);
      const dissolve = needed / 2;
      const singles = byWeight.slice(0, dissolve).flatMap((x) => x.g);
      const kept = byWeight.slice(dissolve).map((x) => x.g.slice());
      const gain = (s: string, g: readonly string[]) => w(s, g[0]!) + w(s, g[1]!);
      if (singles.length * kept.length <= 40_000) {
        // Vertices 0..s-1 are the people to place, s.. the kept pairs.
        const s = singles.length;
        const edges: WeightedEdge[] = [];
        singles.forEach((x, i) => kept.forEach((g, j) => edges.push([i, s + j, gain(x, g)])));
        const mate = maxWeightMatching(edges, true);
        singles.forEach((x, i) => kept[mate[i]! - s]!.push(x));
      } else {
        const free = new Set(kept.map((_, j) => j));
        for (const x of singles) {
          let best = -1;
          let bestGain = -Infinity;
          for (const j of free) {
            const gj = gain(x, kept[j]!);
            if (gj > bestGain) {
              bestGain = gj;
              best = j;
            }
          }
          free.delete(best);
          kept[best]!.push(x);
        }
      }
      groups = [...trios, ...kept];
    }
    // Small rounds are solved exactly: which pairs to dissolve and where to place the people is a
    // joint choice the two steps above make one after the other, and a repeat can follow from it.
    if (n <= EXACT_TRIO_LIMIT) {
      const plainW = (a: string, b: string) => pairingWeight(byId.get(a)!, byId.get(b)!, undefined, options);
      const best = bestPartition(people.map((p) => p.id), T, P, plainW, (a, b) => plainW(a, b) - w(a, b));
      if (best) groups = best;
    }
  }

  // Whatever built the groups (blocks, the single person placed, trios dissolved and placed),
  // swaps between groups then remove every repeat they can; see removeAvoidableRepeats.
  groups = removeAvoidableRepeats(groups, (a, b) => met.has(pairKey(a, b)), w);
  // Still a repeat: the exact search decides whether a repeat-free grouping exists (and finds it).
  let search: RepeatFreeSearch['status'] | undefined;
  const metBefore = (a: string, b: string) => met.has(pairKey(a, b));
  const grouped = groups.flat();
  const workBudget = rules.searchWork ?? 50_000_000;
  if (workBudget > 0 && grouped.length >= 3 && groups.some((g) => g.some((a, x) => g.some((b, y) => y > x && metBefore(a, b))))) {
    const n = grouped.length;
    const trios = groups.filter((g) => g.length === 3).length;
    const pairs = groups.filter((g) => g.length === 2).length;
    const plainW = (a: string, b: string) => pairingWeight(byId.get(a)!, byId.get(b)!, undefined, options);
    const maxNodes = Math.max(1_000, Math.floor(workBudget / (n * Math.ceil(n / 32))));
    const found = findRepeatFreeGrouping(grouped, trios, pairs, metBefore, plainW, maxNodes);
    search = found.status;
    if (found.status === 'found') groups = found.groups;
  }

  let repeats = 0;
  let crossSide = 0;
  for (const g of groups) {
    let mixed = false;
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        if (met.has(pairKey(g[x]!, g[y]!))) repeats++;
        if (byId.get(g[x]!)!.side !== byId.get(g[y]!)!.side) mixed = true;
      }
    }
    if (mixed) crossSide++;
  }
  return { groups, unpaired: paired.unpaired, repeats, crossSide, method: paired.method, blocks: blocks.length, ...(search ? { search } : {}) };
}

/**
 * Swaps single members between groups while that lowers the round's number of repeated pairs:
 * for each group holding a repeat, the swap (one of its members for a member of another group)
 * that removes the most repeats, then adds the most weight `w`, is made; until no swap lowers the
 * count. Group sizes never change; every swap lowers an integer count, so at most as many swaps
 * as there were repeats.
 *
 * Guarantee (decision 160): let Δ be the most people of this round any one person met within the
 * window. If the round has more than 3Δ + 1 groups, it ends with no repeat at all. For a repeat
 * u–v in group G: at most Δ other groups hold someone u met; the other members of G (at most two)
 * met at most 2Δ people, so at most 2Δ groups have every member among them; any remaining group
 * H has a member h who met nobody in G, and swapping u and h removes u–v and adds no repeat.
 * With 52 rounds of trios Δ ≤ 104, so rounds of over 313 groups (a few hundred people) are always
 * repeat-free, whatever the blocks did. Complexity: O(R · g · s⁴) for R repeats, g groups of size
 * ≤ s; O(Σ s²) when there is no repeat.
 */
export function removeAvoidableRepeats(groups: readonly (readonly string[])[], metBefore: (a: string, b: string) => boolean, w: (a: string, b: string) => number): string[][] {
  const out = groups.map((g) => g.slice());
  const repeatsIn = (g: readonly string[]) => {
    let r = 0;
    for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) if (metBefore(g[x]!, g[y]!)) r++;
    return r;
  };
  const weightOf = (g: readonly string[]) => {
    let sum = 0;
    for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) sum += w(g[x]!, g[y]!);
    return sum;
  };
  const withSwap = (g: readonly string[], i: number, person: string) => g.map((m, k) => (k === i ? person : m));
  let improved = true;
  while (improved) {
    improved = false;
    for (let gi = 0; gi < out.length; gi++) {
      const G = out[gi]!;
      const rG = repeatsIn(G);
      if (rG === 0) continue;
      const wG = weightOf(G);
      let best: { hi: number; i: number; j: number; fewer: number; gain: number } | null = null;
      for (let hi = 0; hi < out.length; hi++) {
        if (hi === gi) continue;
        const H = out[hi]!;
        const rH = repeatsIn(H);
        const wH = weightOf(H);
        for (let i = 0; i < G.length; i++) {
          for (let j = 0; j < H.length; j++) {
            const G2 = withSwap(G, i, H[j]!);
            const H2 = withSwap(H, j, G[i]!);
            const fewer = rG + rH - repeatsIn(G2) - repeatsIn(H2);
            if (fewer <= 0) continue;
            const gain = weightOf(G2) + weightOf(H2) - wG - wH;
            if (!best || fewer > best.fewer || (fewer === best.fewer && gain > best.gain)) best = { hi, i, j, fewer, gain };
          }
        }
      }
      if (best) {
        const H = out[best.hi]!;
        const u = G[best.i]!;
        G[best.i] = H[best.j]!;
        H[best.j] = u;
        improved = true;
      }
    }
  }
  return out;
}

/** Trio rounds up to this many people are searched exhaustively (15,400 groupings at 12). */
const EXACT_TRIO_LIMIT = 12;

/**
 * The grouping of `ids` into `trios` trios and `pairs` pairs with the smallest total repeat
 * penalty and, among those, the largest total preference: every such grouping is enumerated (the
 * first remaining person joins a group of each size still needed, with every choice of partners).
 * Lexicographic, so no scale of weights can trade a repeat for preferences. O(n! / (3!^T·2!^P·T!·P!)).
 */
function bestPartition(ids: readonly string[], trios: number, pairs: number, plain: (a: string, b: string) => number, penalty: (a: string, b: string) => number): string[][] | null {
  let best: { pen: number; pref: number; groups: string[][] } | null = null;
  const walk = (rest: readonly string[], t: number, p: number, groups: string[][], pen: number, pref: number) => {
    if (best && pen > best.pen + 1e-9) return;
    if (rest.length === 0) {
      if (!best || pen < best.pen - 1e-9 || (Math.abs(pen - best.pen) <= 1e-9 && pref > best.pref + 1e-9)) best = { pen, pref, groups: groups.map((g) => g.slice()) };
      return;
    }
    const [a, ...others] = rest;
    for (const size of [3, 2] as const) {
      if ((size === 3 ? t : p) === 0) continue;
      const pick = (from: number, chosen: string[]) => {
        if (chosen.length === size - 1) {
          const g = [a!, ...chosen];
          let gPen = 0;
          let gPref = 0;
          for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) {
            gPen += penalty(g[x]!, g[y]!);
            gPref += plain(g[x]!, g[y]!);
          }
          groups.push(g);
          walk(others.filter((o) => !chosen.includes(o)), size === 3 ? t - 1 : t, size === 2 ? p - 1 : p, groups, pen + gPen, pref + gPref);
          groups.pop();
          return;
        }
        for (let i = from; i < others.length; i++) pick(i + 1, [...chosen, others[i]!]);
      };
      pick(0, []);
    }
  };
  walk(ids, trios, pairs, [], 0, 0);
  return best === null ? null : (best as { groups: string[][] }).groups;
}

/**
 * The history as each block sees it: only rounds inside the window, and of each group only the
 * members in that block (a group split across blocks keeps the pairs inside each). One pass over
 * the history instead of one per block: with 10 blocks and 52 rounds of 5,000 people, each block
 * used to walk all 130,000 groups to find its ~13,000. {@link pairPeople} ignores pairs with a
 * member outside its people and rounds outside the window, so its result is unchanged. O(Σ group size).
 */
function historyPerBlock(history: PairingHistory, blocks: readonly (readonly PairingPerson[])[], currentRound: number, lookback: number): PairingHistory[] {
  const blockOf = new Map<string, number>();
  blocks.forEach((b, i) => b.forEach((p) => blockOf.set(p.id, i)));
  const out = blocks.map(() => [] as { round: number; pairs: (readonly string[])[] }[]);
  for (const r of history) {
    const age = currentRound - r.round;
    if (!(age >= 1 && age <= lookback)) continue;
    const per = blocks.map(() => [] as (readonly string[])[]);
    for (const g of r.pairs) {
      if (g.length === 2) {
        const a = blockOf.get(g[0]!);
        if (a !== undefined && a === blockOf.get(g[1]!)) per[a]!.push(g);
        continue;
      }
      const parts = new Map<number, string[]>();
      for (const id of g) {
        const b = blockOf.get(id);
        if (b === undefined) continue;
        if (!parts.has(b)) parts.set(b, []);
        parts.get(b)!.push(id);
      }
      for (const [b, ids] of parts) if (ids.length > 1) per[b]!.push(ids);
    }
    per.forEach((pairs, i) => {
      if (pairs.length) out[i]!.push({ round: r.round, pairs });
    });
  }
  return out;
}

/** A random partition into ⌈n / size⌉ blocks of an even size each, the last taking the rest. O(n). */
function splitIntoBlocks<T>(xs: readonly T[], size: number, rng: Rng): T[][] {
  if (xs.length <= size) return [xs.slice()];
  const order = xs.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const k = Math.ceil(order.length / size);
  const even = 2 * Math.floor(order.length / (2 * k));
  const out: T[][] = [];
  for (let b = 0; b < k - 1; b++) out.push(order.slice(b * even, (b + 1) * even));
  out.push(order.slice((k - 1) * even));
  return out;
}

/**
 * Why a group was chosen, in words a participant reads in the mail: cross-side (IT × Business),
 * a new pair (or when they last met), different departments, the same location. A repeat says
 * whether it was unavoidable (`repeatsUnavoidable`: the round's search proved that every grouping
 * repeats, decision 163) or only not avoided. O(g²).
 */
export function groupReasons(members: readonly PairingPerson[], met: ReadonlyMap<string, number>, noRepeatRounds: number, repeatsUnavoidable = false): string[] {
  const reasons: string[] = [];
  const sides = new Set(members.map((m) => m.side));
  if (sides.size > 1) reasons.push('Cross-side: IT × Business');
  const repeatsIn: number[] = [];
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      const ago = met.get(pairKey(members[x]!.id, members[y]!.id));
      if (ago !== undefined) repeatsIn.push(ago);
    }
  }
  if (repeatsIn.length === 0) reasons.push(noRepeatRounds > 0 ? `New pair: not met in the last ${noRepeatRounds} rounds` : 'New pair');
  else reasons.push(`Repeat: met ${Math.min(...repeatsIn)} round(s) ago (${repeatsUnavoidable ? 'every possible grouping of this round repeats a pair' : 'no repeat-free grouping was found'})`);
  const departments = [...new Set(members.map((m) => m.department))];
  if (departments.length > 1) reasons.push(`Different departments: ${departments.join(', ')}`);
  const locations = new Set(members.map((m) => m.location ?? ''));
  if (locations.size === 1 && members[0]?.location) reasons.push(`Same location: ${members[0].location}`);
  return reasons;
}

/** What {@link findRepeatFreeGrouping} concluded. */
export type RepeatFreeSearch =
  | { status: 'found'; groups: string[][]; nodes: number }
  | { status: 'none'; nodes: number }
  | { status: 'gave-up'; nodes: number };

/**
 * An exact search for a grouping of `ids` into `trios` trios and `pairs` pairs in which no two
 * members of a group met before (`metBefore`), for the rounds the constructive steps and the swaps
 * could not make repeat-free (decision 163). Depth-first over "who goes with the most constrained
 * person": at each step the person with the fewest possible partners left is grouped first, with
 * each allowed partner (pairs) or allowed mutually-new pair of partners (trios), best preference
 * `plain` first; a step where someone has no partner left (or fewer than two when only trios
 * remain) is abandoned. Pairs only (an even round of pairs) are decided by the blossom algorithm
 * instead, exactly and without a budget. Complete: `none` proves that no repeat-free grouping exists; `found` is
 * one (the first, preferences only ordered the tries); after `maxNodes` steps the search stops
 * with `gave-up`. Adjacency as bit sets: O(n²/32) per step, exponential in the worst case (a
 * repeat-free partition into trios is NP-complete in general: partition into triangles, Garey &
 * Johnson GT11), which is why it is budgeted. Source: Tandem.
 */
export function findRepeatFreeGrouping(
  ids: readonly string[],
  trios: number,
  pairs: number,
  metBefore: (a: string, b: string) => boolean,
  plain: (a: string, b: string) => number,
  maxNodes: number,
): RepeatFreeSearch {
  const n = ids.length;
  if (3 * trios + 2 * pairs !== n || trios < 0 || pairs < 0) throw new RangeError('trios and pairs must cover every person exactly');
  const words = Math.ceil(n / 32) || 1;
  const adj = Array.from({ length: n }, () => new Uint32Array(words));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (metBefore(ids[a]!, ids[b]!)) continue;
      adj[a]![b >>> 5]! |= 1 << (b & 31);
      adj[b]![a >>> 5]! |= 1 << (a & 31);
    }
  }
  const free = new Uint32Array(words);
  for (let v = 0; v < n; v++) free[v >>> 5]! |= 1 << (v & 31);
  const has = (set: Uint32Array, v: number) => (set[v >>> 5]! & (1 << (v & 31))) !== 0;
  const popcount = (x: number) => {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  };
  const freeNeighbours = (v: number): number[] => {
    const out: number[] = [];
    for (let k = 0; k < words; k++) {
      let bits = adj[v]![k]! & free[k]!;
      while (bits !== 0) {
        const low = bits & -bits;
        out.push(k * 32 + 31 - Math.clz32(low));
        bits ^= low;
      }
    }
    return out;
  };
  const take = (v: number) => (free[v >>> 5]! &= ~(1 << (v & 31)));
  const give = (v: number) => (free[v >>> 5]! |= 1 << (v & 31));
  const chosen: number[][] = [];
  let nodes = 0;
  let stopped = false;
  const walk = (left: number, t: number, p: number): boolean => {
    if (left === 0) return true;
    if (++nodes > maxNodes) {
      stopped = true;
      return false;
    }
    // The most constrained free person; a dead end when someone cannot be grouped at all.
    let v = -1;
    let fewest = Infinity;
    for (let u = 0; u < n; u++) {
      if (!has(free, u)) continue;
      let c = 0;
      for (let k = 0; k < words; k++) c += popcount(adj[u]![k]! & free[k]!);
      if (c < fewest) {
        fewest = c;
        v = u;
      }
    }
    if (fewest < (p > 0 ? 1 : 2)) return false;
    const near = freeNeighbours(v).sort((a, b) => plain(ids[v]!, ids[b]!) - plain(ids[v]!, ids[a]!));
    take(v);
    if (t > 0) {
      for (let x = 0; x < near.length && !stopped; x++) {
        const a = near[x]!;
        take(a);
        for (let y = x + 1; y < near.length && !stopped; y++) {
          const b = near[y]!;
          if (!has(adj[a]!, b)) continue;
          take(b);
          chosen.push([v, a, b]);
          if (walk(left - 3, t - 1, p)) return true;
          chosen.pop();
          give(b);
        }
        give(a);
      }
    }
    if (p > 0) {
      for (let x = 0; x < near.length && !stopped; x++) {
        const a = near[x]!;
        take(a);
        chosen.push([v, a]);
        if (walk(left - 2, t, p - 1)) return true;
        chosen.pop();
        give(a);
      }
    }
    give(v);
    return false;
  };
  // Pairs only: a perfect matching of the "may meet" graph is exactly a repeat-free round, and
  // Edmonds' blossom algorithm (max cardinality, then most preference) decides it in polynomial
  // time, so this case never needs the budget. O(n³); the swaps leave no repeat above 3Δ + 1
  // groups, so the rounds that get here are a few hundred people at most.
  if (trios === 0 && n <= 1_000) {
    const edges: WeightedEdge[] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (has(adj[a]!, b)) edges.push([a, b, plain(ids[a]!, ids[b]!)]);
    const mate = maxWeightMatching(edges, true);
    const groups: string[][] = [];
    for (let a = 0; a < n; a++) if ((mate[a] ?? -1) > a) groups.push([ids[a]!, ids[mate[a]!]!]);
    return groups.length === pairs ? { status: 'found', groups, nodes: 0 } : { status: 'none', nodes: 0 };
  }
  // A cheap proof of "none" first: trios are needed but no three people may meet at all.
  if (trios > 0) {
    let triangle = false;
    for (let a = 0; a < n && !triangle; a++) {
      for (let b = a + 1; b < n && !triangle; b++) {
        if (!has(adj[a]!, b)) continue;
        for (let k = 0; k < words; k++) if ((adj[a]![k]! & adj[b]![k]!) !== 0) triangle = true;
      }
    }
    if (!triangle) return { status: 'none', nodes: 0 };
  }
  if (walk(n, trios, pairs)) return { status: 'found', groups: chosen.map((g) => g.map((i) => ids[i]!)), nodes };
  return stopped ? { status: 'gave-up', nodes } : { status: 'none', nodes };
}
