import type { Rng } from '../rng';
import { solveMatching, type WeightedEdge } from './blossom';

/** Which side of the organisation a person works on. */
export type PairingSide = 'it' | 'business';

/** A person who joins a coffee-pairing round. `id` must be unique within a round. */
export interface PairingPerson {
  id: string;
  side: PairingSide;
  department: string;
  /** Optional office or city; only used by `sameLocationBonus`. */
  location?: string;
}

/** One earlier round: the groups (pairs or trios, by id) that met in round `round`. */
export interface PairingRound {
  round: number;
  pairs: readonly (readonly string[])[];
}

/** Earlier rounds, in any order. Ids of people not in the current round are ignored. */
export type PairingHistory = readonly PairingRound[];

/** Weights of the pairing objective; every field is optional (defaults in {@link PAIRING_DEFAULTS}). */
export interface PairingOptions {
  /** Weight of any pair. Default 1. */
  baseWeight?: number;
  /** Added when one is IT and the other Business. Default 4. */
  crossSideBonus?: number;
  /** Added when the departments differ. Default 2. */
  crossDepartmentBonus?: number;
  /** Added when both have the same (non-empty) location. Default 0 (location ignored). */
  sameLocationBonus?: number;
  /**
   * Subtracted for a pair that met in the previous round; a meeting `a` rounds ago (1 <= a <= L,
   * L = lookbackRounds) costs `repeatPenalty * (L - a + 1) / L`, so more recent costs more. Only
   * the most recent meeting counts. Default 60 (with L = 6: 60, 50, ..., 10; even the oldest
   * repeat outweighs the largest bonus of one pair).
   */
  repeatPenalty?: number;
  /** How many earlier rounds count as a repeat. Default 6; 0 disables the penalty. */
  lookbackRounds?: number;
  /** The round being paired. Default: the latest round in `history` + 1 (1 with no history). */
  currentRound?: number;
  /** Pruned mode: candidate partners kept per person and per side. Default 8. */
  candidateLimit?: number;
  /** Up to this many people the full graph is solved exactly; above it, the pruned graph. Default 400. */
  exactLimit?: number;
  /** Pruned mode: at most this many rounds of adding dual-violating edges and re-solving. Default 4. */
  pricingRounds?: number;
}

/** The default {@link PairingOptions} (everything except `currentRound`). */
export const PAIRING_DEFAULTS = {
  baseWeight: 1,
  crossSideBonus: 4,
  crossDepartmentBonus: 2,
  sameLocationBonus: 0,
  repeatPenalty: 60,
  lookbackRounds: 6,
  candidateLimit: 8,
  exactLimit: 400,
  pricingRounds: 4,
} as const;

/** The outcome of {@link pairPeople}. */
export interface PairingResult {
  /** Pairs of ids, and at most one trio (only when the count is odd and at least 3). */
  groups: string[][];
  /** Ids in no group: the single person when only one joined, otherwise empty. */
  unpaired: string[];
  /** Sum of {@link pairingWeight} over every pair inside a group (a trio has three pairs). */
  totalWeight: number;
  /** Pairs inside groups that already met within the lookback window. */
  repeats: number;
  /** Groups with both an IT and a Business member. */
  crossSide: number;
  /** `exact`: solved on the full graph; `pruned`: solved on candidate edges, then priced. */
  method: 'exact' | 'pruned';
  /**
   * True when the pairs are a proven maximum over the full graph: always for `exact`; for
   * `pruned` when no missing edge violates the final duals (see {@link solveMatching}).
   */
  optimal: boolean;
  /** Pruned mode: how many times violated edges were added and the matching solved again. */
  pricingRounds: number;
}

type Resolved = Required<Omit<PairingOptions, 'currentRound'>> & { currentRound: number };

function resolveOptions(history: PairingHistory, options: PairingOptions): Resolved {
  let latest = 0;
  for (const r of history) if (r.round > latest) latest = r.round;
  const o: Resolved = {
    baseWeight: options.baseWeight ?? PAIRING_DEFAULTS.baseWeight,
    crossSideBonus: options.crossSideBonus ?? PAIRING_DEFAULTS.crossSideBonus,
    crossDepartmentBonus: options.crossDepartmentBonus ?? PAIRING_DEFAULTS.crossDepartmentBonus,
    sameLocationBonus: options.sameLocationBonus ?? PAIRING_DEFAULTS.sameLocationBonus,
    repeatPenalty: options.repeatPenalty ?? PAIRING_DEFAULTS.repeatPenalty,
    lookbackRounds: options.lookbackRounds ?? PAIRING_DEFAULTS.lookbackRounds,
    candidateLimit: options.candidateLimit ?? PAIRING_DEFAULTS.candidateLimit,
    exactLimit: options.exactLimit ?? PAIRING_DEFAULTS.exactLimit,
    pricingRounds: options.pricingRounds ?? PAIRING_DEFAULTS.pricingRounds,
    currentRound: options.currentRound ?? latest + 1,
  };
  for (const key of ['baseWeight', 'crossSideBonus', 'crossDepartmentBonus', 'sameLocationBonus', 'repeatPenalty'] as const) {
    if (!Number.isFinite(o[key])) throw new RangeError(`${key} must be a finite number`);
  }
  if (!Number.isInteger(o.lookbackRounds) || o.lookbackRounds < 0) {
    throw new RangeError('lookbackRounds must be a non-negative integer');
  }
  if (!Number.isInteger(o.candidateLimit) || o.candidateLimit < 1) {
    throw new RangeError('candidateLimit must be a positive integer');
  }
  if (!Number.isInteger(o.pricingRounds) || o.pricingRounds < 0) {
    throw new RangeError('pricingRounds must be a non-negative integer');
  }
  if (!(o.exactLimit >= 0)) throw new RangeError('exactLimit must be >= 0');
  if (!Number.isFinite(o.currentRound)) throw new RangeError('currentRound must be a finite number');
  return o;
}

/**
 * The repeat penalty for two people who last met `roundsAgo` rounds ago:
 * `repeatPenalty * (L - roundsAgo + 1) / L` for `1 <= roundsAgo <= L` (L = lookbackRounds), else 0.
 * Linear decay: the previous round costs the full penalty, the oldest counted round `1/L` of it.
 * O(1). Source: Tandem's convention ("more recent, larger penalty"), REFERENCES.md (Pairing).
 */
export function repeatPenaltyFor(roundsAgo: number, options: PairingOptions = {}): number {
  const L = options.lookbackRounds ?? PAIRING_DEFAULTS.lookbackRounds;
  const P = options.repeatPenalty ?? PAIRING_DEFAULTS.repeatPenalty;
  if (!(roundsAgo >= 1) || roundsAgo > L) return 0;
  return (P * (L - roundsAgo + 1)) / L;
}

/**
 * The weight of pairing `a` with `b`:
 * `baseWeight + crossSideBonus·[sides differ] + crossDepartmentBonus·[departments differ]
 *  + sameLocationBonus·[same location] − repeatPenalty·(L − age + 1)/L` (the last term only when
 * they met `age` rounds ago, 1 <= age <= L; pass `roundsAgo` = undefined if they never met).
 *
 * Complexity: O(1). Source: Tandem's coffee-pairing objective (REFERENCES.md, Pairing).
 */
export function pairingWeight(
  a: PairingPerson,
  b: PairingPerson,
  roundsAgo: number | undefined,
  options: PairingOptions = {},
): number {
  let w = options.baseWeight ?? PAIRING_DEFAULTS.baseWeight;
  if (a.side !== b.side) w += options.crossSideBonus ?? PAIRING_DEFAULTS.crossSideBonus;
  if (a.department !== b.department) w += options.crossDepartmentBonus ?? PAIRING_DEFAULTS.crossDepartmentBonus;
  if (a.location && a.location === b.location) w += options.sameLocationBonus ?? PAIRING_DEFAULTS.sameLocationBonus;
  if (roundsAgo !== undefined) w -= repeatPenaltyFor(roundsAgo, options);
  return w;
}

/** Odd rounds up to this size choose the trio's third member exhaustively (see pairPeople). */
const ODD_EXHAUSTIVE_LIMIT = 41;

/**
 * Coffee pairing: split people into pairs (plus one trio for an odd count) that cross IT and
 * Business and departments as much as possible and avoid recent repeats.
 *
 * Definition: maximise the total {@link pairingWeight} over a maximum-cardinality matching (so
 * nobody is left out for a heavier pair elsewhere). With an odd count, the person the matching
 * leaves single joins the pair `{a, b}` that maximises `w(x, a) + w(x, b)` (the cheapest place
 * to add them); up to 41 people (exact method) every person is tried as that third member and
 * the heaviest grouping, trio pairs included, is kept (decision 078). 0 people: nothing; 1 person:
 * no group, reported in `unpaired`; 2: one pair; 3: one trio.
 *
 * Algorithm: people are placed in a seeded random order (`rng` only orders people and picks
 * the starting points of the candidate scan, so it only decides between equally good pairings:
 * different seeds give different but equally weighted results whenever `optimal` is true; the
 * same seed always gives the same result). Up to `exactLimit` people, Edmonds'
 * blossom algorithm ({@link maxWeightMatching}, max-cardinality) runs on the full graph:
 * `method: 'exact'`. Above it (`method: 'pruned'`):
 * 1. each person keeps their `candidateLimit` best partners on each side (IT and Business; ties
 *    broken from a random per-person starting point so that candidates spread out), and the
 *    blossom algorithm runs on the union of those edges;
 * 2. if that leaves more people single than the parity requires (e.g. an odd cluster), all
 *    edges among the single people are added and it is solved again, so everyone but at most
 *    one is paired, as on the full graph;
 * 3. pricing: every missing pair is checked against the final dual solution
 *    ({@link solveMatching}); pairs with negative reduced cost (up to `candidateLimit` per
 *    person) are added and the matching solved again, at most `pricingRounds` times. When no pair
 *    violates the duals, the result is a proven maximum over the full graph (`optimal: true`);
 *    otherwise it is the best matching of the candidate graph (`optimal: false`).
 *
 * Complexity: exact O(n^3) on n(n−1)/2 edges; pruned O(n^2) per candidate/pricing pass plus the
 * blossom algorithm on O(candidateLimit·n) edges per solve (O(n^3) worst case, far less in
 * practice: well under a second for 2,000 people, see bench/core/pairing.bench.ts). History:
 * O(Σ group size²).
 *
 * Source: maximum-weight matching per REFERENCES.md (Pairing): van Rantwijk's mwmatching.py /
 * networkx max_weight_matching; sparse candidate graph plus dual pricing after Cook & Rohe,
 * "Computing minimum-weight perfect matchings", INFORMS J. Computing 11(2), 1999. Weights and
 * defaults are Tandem's.
 */
export function pairPeople(
  people: readonly PairingPerson[],
  history: PairingHistory,
  options: PairingOptions,
  rng: Rng,
): PairingResult {
  const o = resolveOptions(history, options);
  const n = people.length;
  const indexOf = new Map<string, number>();
  people.forEach((p, i) => {
    if (indexOf.has(p.id)) throw new RangeError(`duplicate person id ${p.id}`);
    if (p.side !== 'it' && p.side !== 'business') throw new RangeError(`person ${p.id}: side must be 'it' or 'business'`);
    indexOf.set(p.id, i);
  });
  const method: PairingResult['method'] = n > o.exactLimit ? 'pruned' : 'exact';
  if (n < 2) {
    return { groups: [], unpaired: people.map((p) => p.id), totalWeight: 0, repeats: 0, crossSide: 0, method, optimal: true, pricingRounds: 0 };
  }

  // Seeded order: vertex v is person perm[v]. Fisher-Yates with the caller's rng.
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const vertexOf = new Int32Array(n);
  for (let v = 0; v < n; v++) vertexOf[perm[v]!] = v;

  // Dense attributes per vertex.
  const side = new Uint8Array(n);
  const dept = new Int32Array(n);
  const loc = new Int32Array(n);
  const deptIds = new Map<string, number>();
  const locIds = new Map<string, number>();
  for (let v = 0; v < n; v++) {
    const p = people[perm[v]!]!;
    side[v] = p.side === 'it' ? 1 : 0;
    if (!deptIds.has(p.department)) deptIds.set(p.department, deptIds.size);
    dept[v] = deptIds.get(p.department)!;
    if (p.location) {
      if (!locIds.has(p.location)) locIds.set(p.location, locIds.size);
      loc[v] = locIds.get(p.location)!;
    } else {
      loc[v] = -1;
    }
  }

  // Most recent meeting within the window, per vertex: partner vertex -> penalty.
  const met: Map<number, number>[] = Array.from({ length: n }, () => new Map<number, number>());
  for (const r of history) {
    const age = o.currentRound - r.round;
    if (!(age >= 1 && age <= o.lookbackRounds)) continue;
    const pen = repeatPenaltyFor(age, o);
    for (const g of r.pairs) {
      const vs: number[] = [];
      for (const id of g) {
        const i = indexOf.get(id);
        if (i !== undefined) vs.push(vertexOf[i]!);
      }
      for (let x = 0; x < vs.length; x++) {
        for (let y = x + 1; y < vs.length; y++) {
          const a = vs[x]!;
          const b = vs[y]!;
          if (a === b) continue;
          const prev = met[a]!.get(b);
          if (prev === undefined || pen > prev) {
            met[a]!.set(b, pen);
            met[b]!.set(a, pen);
          }
        }
      }
    }
  }

  const { baseWeight, crossSideBonus, crossDepartmentBonus, sameLocationBonus } = o;
  const plain = (a: number, b: number): number =>
    baseWeight +
    (side[a] !== side[b] ? crossSideBonus : 0) +
    (dept[a] !== dept[b] ? crossDepartmentBonus : 0) +
    (loc[a]! >= 0 && loc[a] === loc[b] ? sameLocationBonus : 0);
  const weight = (a: number, b: number): number => plain(a, b) - (met[a]!.get(b) ?? 0);

  let edges: WeightedEdge[];
  if (method === 'exact') {
    edges = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push([a, b, weight(a, b)]);
  } else {
    edges = candidateEdges(n, o.candidateLimit, side, plain, met, rng);
  }

  let sol = solveMatching(edges, true);
  let mate = padded(sol.mate, n);
  let left = singles(mate);
  let optimal = method === 'exact';
  let pricingRounds = 0;
  if (method === 'pruned') {
    if (left.length > n % 2) {
      // The candidate graph has no (near-)perfect matching (e.g. an odd cluster): let the single
      // people meet each other too, which restores the full graph's cardinality.
      const extra: WeightedEdge[] = [];
      for (let x = 0; x < left.length; x++) {
        for (let y = x + 1; y < left.length; y++) extra.push([left[x]!, left[y]!, weight(left[x]!, left[y]!)]);
      }
      edges = mergeEdges(edges, extra, n);
      sol = solveMatching(edges, true);
      mate = padded(sol.mate, n);
      left = singles(mate);
    }
    // Price the missing edges with the duals; add the violated ones and solve again.
    // Float weights: a violation below eps is rounding noise.
    const scale = [baseWeight, crossSideBonus, crossDepartmentBonus, sameLocationBonus, o.repeatPenalty]
      .map(Math.abs)
      .reduce((x, y) => x + y, 1);
    const eps = 1e-9 * scale;
    for (;;) {
      const violated = priceEdges(n, o.candidateLimit, sol.slack, plain, met, eps);
      if (violated.length === 0) {
        optimal = left.length === n % 2;
        break;
      }
      if (pricingRounds >= o.pricingRounds) break;
      pricingRounds++;
      edges = mergeEdges(edges, violated, n);
      sol = solveMatching(edges, true);
      mate = padded(sol.mate, n);
      left = singles(mate);
    }
  }

  /** The pairs of a matching, with its single person (if any) added to the pair it costs least to join. */
  const groupsOf = (m: ArrayLike<number>, single: number | undefined): number[][] => {
    const gs: number[][] = [];
    for (let v = 0; v < n; v++) if (m[v]! > v) gs.push([v, m[v]!]);
    if (single !== undefined && gs.length > 0) {
      let best = 0;
      let bestGain = -Infinity;
      gs.forEach(([a, b], gi) => {
        const gain = weight(single, a!) + weight(single, b!);
        if (gain > bestGain) {
          bestGain = gain;
          best = gi;
        }
      });
      gs[best]!.push(single);
    }
    return gs;
  };
  let groups = groupsOf(mate, left.length === 1 ? left[0] : undefined);
  if (method === 'exact' && n % 2 === 1 && n >= 5 && n <= ODD_EXHAUSTIVE_LIMIT) {
    // Which person joins a pair is part of the optimum: the matching alone picks its single
    // person without the trio's extra pairs in view, and can then force a repeat that another
    // choice avoids. Small odd rounds try every person as the third member and keep the heaviest
    // grouping (n matchings of n − 1 people), so the trio obeys the same rule as the pairs.
    const total = (gs: number[][]) => gs.reduce((t, g) => t + g.reduce((u, a, i) => u + g.slice(i + 1).reduce((w2, b) => w2 + weight(a, b), 0), 0), 0);
    let bestTotal = total(groups);
    for (let x = 0; x < n; x++) {
      const rest = edges.filter(([a, b]) => a !== x && b !== x);
      const candidate = groupsOf(padded(solveMatching(rest, true).mate, n), x);
      const t = total(candidate);
      if (t > bestTotal + 1e-9) {
        bestTotal = t;
        groups = candidate;
      }
    }
  }

  let totalWeight = 0;
  let repeats = 0;
  let crossSide = 0;
  const out: { first: number; ids: string[] }[] = [];
  for (const g of groups) {
    let mixed = false;
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        const a = g[x]!;
        const b = g[y]!;
        totalWeight += weight(a, b);
        if (met[a]!.has(b)) repeats++;
        if (side[a] !== side[b]) mixed = true;
      }
    }
    if (mixed) crossSide++;
    const members = g.map((v) => perm[v]!).sort((p, q) => p - q);
    out.push({ first: members[0]!, ids: members.map((i) => people[i]!.id) });
  }
  out.sort((p, q) => p.first - q.first);
  return { groups: out.map((g) => g.ids), unpaired: [], totalWeight, repeats, crossSide, method, optimal, pricingRounds };
}

/**
 * Candidate edges for the pruned mode: for each vertex, its `k` heaviest partners on each side
 * (IT and Business). Ties go to the partner met first when scanning from a random starting
 * vertex, so equally good candidates are spread over everyone instead of piling on a few.
 * O(n^2 + n·k) time; returns at most 2·k·n distinct edges `[a, b, w]` with a < b.
 */
function candidateEdges(
  n: number,
  k: number,
  side: Uint8Array,
  plain: (a: number, b: number) => number,
  met: readonly Map<number, number>[],
  rng: Rng,
): WeightedEdge[] {
  const penalty = new Float64Array(n);
  const bufV = [new Int32Array(k), new Int32Array(k)];
  const bufW = [new Float64Array(k), new Float64Array(k)];
  const size = [0, 0];
  const seen = new Set<number>();
  const edges: WeightedEdge[] = [];
  for (let v = 0; v < n; v++) {
    for (const [u, p] of met[v]!) penalty[u] = p;
    size[0] = size[1] = 0;
    const start = Math.floor(rng.next() * n);
    for (let t = 0; t < n; t++) {
      let u = start + t;
      if (u >= n) u -= n;
      if (u === v) continue;
      const s = side[u]!;
      const w = plain(v, u) - penalty[u]!;
      const bv = bufV[s]!;
      const bw = bufW[s]!;
      let m = size[s]!;
      if (m === k && w <= bw[k - 1]!) continue;
      // Insert into the descending buffer after any equal weight (earlier scan wins ties).
      if (m < k) m++;
      let i = m - 1;
      while (i > 0 && bw[i - 1]! < w) {
        bw[i] = bw[i - 1]!;
        bv[i] = bv[i - 1]!;
        i--;
      }
      bw[i] = w;
      bv[i] = u;
      size[s] = m;
    }
    for (const s of [0, 1]) {
      for (let i = 0; i < size[s]!; i++) {
        const u = bufV[s]![i]!;
        const a = Math.min(u, v);
        const b = Math.max(u, v);
        const key = a * n + b;
        if (!seen.has(key)) {
          seen.add(key);
          edges.push([a, b, bufW[s]![i]!]);
        }
      }
    }
    for (const [u] of met[v]!) penalty[u] = 0;
  }
  return edges;
}

function padded(mate: number[], n: number): number[] {
  const m = mate.slice();
  while (m.length < n) m.push(-1);
  return m;
}

function singles(mate: readonly number[]): number[] {
  const s: number[] = [];
  for (let v = 0; v < mate.length; v++) if (mate[v] === -1) s.push(v);
  return s;
}

/** `edges` followed by those of `extra` not already present (as unordered pairs). */
function mergeEdges(edges: readonly WeightedEdge[], extra: readonly WeightedEdge[], n: number): WeightedEdge[] {
  const seen = new Set<number>();
  for (const [a, b] of edges) seen.add(Math.min(a, b) * n + Math.max(a, b));
  const out = edges.slice();
  for (const e of extra) {
    const key = Math.min(e[0], e[1]) * n + Math.max(e[0], e[1]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/**
 * Pricing: the pairs of the full graph whose doubled reduced cost under the current duals is
 * negative (they could improve the matching); for each person the `k` most violated ones.
 * Edges already solved have non-negative slack, so only missing edges come back.
 * O(n^2 + violations·k) time.
 */
function priceEdges(
  n: number,
  k: number,
  slack: (i: number, j: number, w: number) => number,
  plain: (a: number, b: number) => number,
  met: readonly Map<number, number>[],
  eps: number,
): WeightedEdge[] {
  const penalty = new Float64Array(n);
  const bufS = new Float64Array(n * k);
  const bufU = new Int32Array(n * k);
  const size = new Int32Array(n);
  const offer = (v: number, u: number, s: number): void => {
    const base = v * k;
    let m = size[v]!;
    if (m === k && s >= bufS[base + k - 1]!) return;
    if (m < k) m++;
    let i = m - 1;
    while (i > 0 && bufS[base + i - 1]! > s) {
      bufS[base + i] = bufS[base + i - 1]!;
      bufU[base + i] = bufU[base + i - 1]!;
      i--;
    }
    bufS[base + i] = s;
    bufU[base + i] = u;
    size[v] = m;
  };
  for (let a = 0; a < n; a++) {
    for (const [u, p] of met[a]!) penalty[u] = p;
    for (let b = a + 1; b < n; b++) {
      const s = slack(a, b, plain(a, b) - penalty[b]!);
      if (s < -eps) {
        offer(a, b, s);
        offer(b, a, s);
      }
    }
    for (const [u] of met[a]!) penalty[u] = 0;
  }
  const out: WeightedEdge[] = [];
  const seen = new Set<number>();
  for (let v = 0; v < n; v++) {
    for (let i = 0; i < size[v]!; i++) {
      const u = bufU[v * k + i]!;
      const a = Math.min(u, v);
      const b = Math.max(u, v);
      if (seen.has(a * n + b)) continue;
      seen.add(a * n + b);
      out.push([a, b, plain(a, b) - (met[a]!.get(b) ?? 0)]);
    }
  }
  return out;
}
