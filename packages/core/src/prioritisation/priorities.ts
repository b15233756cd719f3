/**
 * Priorities: Business and IT score the same items on the criteria each side owns, each side gets
 * its own ranking, the two rankings are compared, the biggest disagreements become decisions, and
 * the combined ranking is cut at capacity. Pure functions; the server stores, this decides.
 */
import { kendallTauB, midRanks } from '../agreement/kendall';
import { krippendorffAlpha } from '../agreement/krippendorff';
import { cd3, rice, wsjf } from './scoring';

export type PrioritySide = 'business' | 'it';
export type CriterionOwner = PrioritySide | 'both';
export type PriorityModel = 'wsjf' | 'rice' | 'cd3' | 'weighted';

export interface PriorityCriterion {
  key: string;
  label: string;
  /** Only the weighted model uses weights; a negative weight marks a cost (effort, risk). */
  weight: number;
  owner: CriterionOwner;
  /** What the scorer is asked, shown beside the input. */
  definition?: string;
}

/** The modified Fibonacci scale of SAFe's WSJF. */
export const FIBONACCI_SCALE: readonly number[] = [1, 2, 3, 5, 8, 13, 20];
/** Intercom's RICE impact scale: minimal, low, medium, high, massive. */
export const RICE_IMPACT_SCALE: readonly number[] = [0.25, 0.5, 1, 2, 3];
/** The weighted model's scale: 0 (none) to 10 (the most). */
export const WEIGHTED_SCALE = { min: 0, max: 10 } as const;

/** What values a criterion accepts: a set of values, or an interval (bounds inclusive unless stated). */
export type CriterionScale =
  | { kind: 'set'; values: readonly number[] }
  | { kind: 'range'; min: number; max: number | null; minExclusive?: boolean };

const fib: CriterionScale = { kind: 'set', values: FIBONACCI_SCALE };

/** The fixed criteria of the published models (WSJF: SAFe; RICE: Intercom; CD3: Black Swan Farming). */
export const MODEL_CRITERIA: Record<Exclude<PriorityModel, 'weighted'>, (PriorityCriterion & { scale: CriterionScale })[]> = {
  wsjf: [
    { key: 'businessValue', label: 'Business value', weight: 1, owner: 'both', scale: fib, definition: 'How much value this brings to users or the business, relative to the other items (1 = least, 20 = most).' },
    { key: 'timeCriticality', label: 'Time criticality', weight: 1, owner: 'both', scale: fib, definition: 'How much the value decays if we wait: fixed dates, competitors, customers leaving.' },
    { key: 'riskReduction', label: 'Risk reduction / opportunity enablement', weight: 1, owner: 'both', scale: fib, definition: 'How much this lowers risk or opens up future opportunities.' },
    { key: 'jobSize', label: 'Job size', weight: 1, owner: 'it', scale: fib, definition: 'How big the work is, relative to the other items (1 = smallest).' },
  ],
  rice: [
    { key: 'reach', label: 'Reach', weight: 1, owner: 'both', scale: { kind: 'range', min: 0, max: null }, definition: 'People or events affected per period.' },
    { key: 'impact', label: 'Impact', weight: 1, owner: 'both', scale: { kind: 'set', values: RICE_IMPACT_SCALE }, definition: '3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.' },
    { key: 'confidence', label: 'Confidence', weight: 1, owner: 'both', scale: { kind: 'range', min: 0, max: 1 }, definition: 'A fraction: 1 = 100% (high), 0.8 = 80% (medium), 0.5 = 50% (low).' },
    { key: 'effort', label: 'Effort', weight: 1, owner: 'it', scale: { kind: 'range', min: 0, max: null, minExclusive: true }, definition: 'Person-months of work, more than 0.' },
  ],
  cd3: [
    { key: 'costOfDelay', label: 'Cost of delay per week', weight: 1, owner: 'both', scale: { kind: 'range', min: 0, max: null }, definition: 'What a week of waiting costs, in money or value points.' },
    { key: 'duration', label: 'Duration (weeks)', weight: 1, owner: 'it', scale: { kind: 'range', min: 0, max: null, minExclusive: true }, definition: 'Weeks of work until delivered, more than 0.' },
  ],
};

/** The scale of one criterion of a model. */
export function criterionScale(model: PriorityModel, key: string): CriterionScale | null {
  if (model === 'weighted') return { kind: 'range', min: WEIGHTED_SCALE.min, max: WEIGHTED_SCALE.max };
  return MODEL_CRITERIA[model].find((c) => c.key === key)?.scale ?? null;
}

/** Whether a value lies on a scale; the message says what the scale is when it does not. */
export function checkOnScale(scale: CriterionScale, value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (scale.kind === 'set') return scale.values.includes(value) ? null : `must be one of ${scale.values.join(', ')}`;
  const lowOk = scale.minExclusive ? value > scale.min : value >= scale.min;
  const highOk = scale.max === null || value <= scale.max;
  if (lowOk && highOk) return null;
  const low = `${scale.minExclusive ? 'more than' : 'at least'} ${scale.min}`;
  return scale.max === null ? `must be ${low}` : `must be ${low} and at most ${scale.max}`;
}

/** Whether a side scores a criterion: its own and the shared ones. */
export function sideScores(owner: CriterionOwner, side: PrioritySide): boolean {
  return owner === 'both' || owner === side;
}

/**
 * The median (the mean of the two middle values for an even count), or null for no values.
 * The median keeps one enthusiastic or hostile scorer from moving a side's view.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The model's formula over one value per criterion, or null when a value is missing.
 * - wsjf: (businessValue + timeCriticality + riskReduction) / jobSize (SAFe);
 * - rice: reach × impact × confidence / effort (Intercom);
 * - cd3: costOfDelay / duration (Black Swan Farming);
 * - weighted: Σ wᵢ·vᵢ / Σ wᵢ, the weighted mean (negative weights subtract: costs).
 */
export function modelScore(model: PriorityModel, criteria: readonly PriorityCriterion[], values: Record<string, number | null>): number | null {
  for (const c of criteria) if (values[c.key] === null || values[c.key] === undefined) return null;
  const v = (k: string) => values[k] as number;
  switch (model) {
    case 'wsjf':
      return wsjf({ businessValue: v('businessValue'), timeCriticality: v('timeCriticality'), riskReduction: v('riskReduction'), jobSize: v('jobSize') });
    case 'rice':
      return rice({ reach: v('reach'), impact: v('impact'), confidence: v('confidence'), effort: v('effort') });
    case 'cd3':
      return cd3(v('costOfDelay'), v('duration'));
    case 'weighted': {
      const total = criteria.reduce((s, c) => s + c.weight, 0);
      if (!(total > 0)) throw new RangeError(`weights: must sum to a positive number, got ${total}`);
      return criteria.reduce((s, c) => s + c.weight * v(c.key), 0) / total;
    }
  }
}

/**
 * Ranks for scores where higher is better: 1 = highest priority, ties share the average rank
 * (scipy.stats.rankdata(-x, 'average')). Unscored items (null) come after every scored one and
 * share the average of the remaining ranks.
 * @example priorityRanks([5.2, 3, 5.2, null]) → [1.5, 3, 1.5, 4]
 */
export function priorityRanks(scores: readonly (number | null)[]): number[] {
  const scoredIdx = scores.flatMap((s, i) => (s === null ? [] : [i]));
  const ranks = new Array<number>(scores.length);
  const r = midRanks(scoredIdx.map((i) => -(scores[i] as number)));
  scoredIdx.forEach((i, k) => (ranks[i] = r[k]!));
  const missing = scores.length - scoredIdx.length;
  const tail = scoredIdx.length + (missing + 1) / 2;
  scores.forEach((s, i) => {
    if (s === null) ranks[i] = tail;
  });
  return ranks;
}

/** One score given: a scorer of a side scored one criterion of one item. */
export interface ScoreEntry {
  itemId: string;
  scorerId: string;
  side: PrioritySide;
  criterion: string;
  value: number;
}

export interface SideItemResult {
  score: number | null;
  rank: number;
  /** The value per criterion the side's score used (its own median, or the owning side's). */
  values: Record<string, number | null>;
}

export interface PriorityResultsInput {
  model: PriorityModel;
  criteria: readonly PriorityCriterion[];
  itemIds: readonly string[];
  scores: readonly ScoreEntry[];
}

export interface PriorityResults {
  items: {
    itemId: string;
    business: SideItemResult;
    it: SideItemResult;
    /** The agreed score: each criterion's median over everyone who scores it. */
    combinedScore: number | null;
    /** business rank − IT rank: negative when Business ranks the item higher. */
    rankDifference: number;
  }[];
  agreement: {
    /** Kendall τ_b between the two sides' scores over items both sides scored; null when undefined. */
    kendallTauB: number | null;
    /** Krippendorff's α (interval) among each side's scorers over (item, criterion) units; null when undefined. */
    alphaBusiness: number | null;
    alphaIt: number | null;
  };
}

function key3(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

/**
 * The side-results rule. For each side and criterion, the side's value is its own scorers'
 * median when it scores the criterion (owner = side or both), else the owning side's median
 * (IT's job size enters both sides' WSJF); then the model's formula, then ranks (1 = highest,
 * ties averaged). The combined score takes, per criterion, the median over everyone who scores it.
 */
export function priorityResults(input: PriorityResultsInput): PriorityResults {
  const { model, criteria, itemIds } = input;
  // Values grouped by (item, criterion) in flat arrays indexed item·C + criterion: no string keys.
  const C = criteria.length;
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const critIndex = new Map(criteria.map((c, k) => [c.key, k]));
  const cells = () => Array.from({ length: itemIds.length * C }, () => [] as number[]);
  const bySide: Record<PrioritySide, number[][]> = { business: cells(), it: cells() };
  const all = cells();
  for (const s of input.scores) {
    const i = itemIndex.get(s.itemId);
    const k = critIndex.get(s.criterion);
    if (i === undefined || k === undefined) continue;
    bySide[s.side][i * C + k]!.push(s.value);
    all[i * C + k]!.push(s.value);
  }
  const sideValue = (side: PrioritySide, i: number, k: number): number | null => {
    const c = criteria[k]!;
    const from: PrioritySide = sideScores(c.owner, side) ? side : c.owner === 'business' ? 'business' : 'it';
    return median(bySide[from][i * C + k]!);
  };
  const sides = (['business', 'it'] as const).map((side) => {
    const values = itemIds.map((_, i) => Object.fromEntries(criteria.map((c, k) => [c.key, sideValue(side, i, k)])) as Record<string, number | null>);
    const scores = values.map((v) => modelScore(model, criteria, v));
    return { values, scores, ranks: priorityRanks(scores) };
  });
  const [b, it] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const combined = itemIds.map((_, i) => modelScore(model, criteria, Object.fromEntries(criteria.map((c, k) => [c.key, median(all[i * C + k]!)]))));

  const both = itemIds.flatMap((_, i) => (b.scores[i] !== null && it.scores[i] !== null ? [i] : []));
  return {
    items: itemIds.map((itemId, i) => ({
      itemId,
      business: { score: b.scores[i]!, rank: b.ranks[i]!, values: b.values[i]! },
      it: { score: it.scores[i]!, rank: it.ranks[i]!, values: it.values[i]! },
      combinedScore: combined[i]!,
      rankDifference: b.ranks[i]! - it.ranks[i]!,
    })),
    agreement: {
      kendallTauB: orNull(() => kendallTauB(both.map((i) => b.scores[i]!), both.map((i) => it.scores[i]!))),
      alphaBusiness: sideAlpha(input.scores, 'business', criteria, itemIds),
      alphaIt: sideAlpha(input.scores, 'it', criteria, itemIds),
    },
  };
}

function orNull(f: () => number): number | null {
  try {
    const v = f();
    return Number.isFinite(v) ? v : null;
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * Within-side agreement: Krippendorff's α (interval) with the side's scorers as observers and
 * every (item, criterion the side scores) as a unit. Criteria on different scales are pooled as
 * they are; null when α is undefined (fewer than two scorers on any unit, or no variation).
 */
export function sideAlpha(scores: readonly ScoreEntry[], side: PrioritySide, criteria: readonly PriorityCriterion[], itemIds: readonly string[]): number | null {
  const own = criteria.filter((c) => sideScores(c.owner, side));
  const unitIndex = new Map<string, number>();
  itemIds.forEach((id) => own.forEach((c) => unitIndex.set(key3(id, c.key), unitIndex.size)));
  const rows = new Map<string, (number | null)[]>();
  for (const s of scores) {
    if (s.side !== side) continue;
    const u = unitIndex.get(key3(s.itemId, s.criterion));
    if (u === undefined) continue;
    const row = rows.get(s.scorerId) ?? rows.set(s.scorerId, new Array<number | null>(unitIndex.size).fill(null)).get(s.scorerId)!;
    row[u] = s.value;
  }
  if (rows.size < 2) return null;
  return orNull(() => krippendorffAlpha([...rows.values()], 'interval'));
}

/** A decided disagreement: a final rank, or a chosen score that replaces the combined score. */
export interface PriorityDecision {
  itemId: string;
  rank?: number | null;
  score?: number | null;
  /** Earlier decisions keep their slot when two ask for the same rank. */
  decidedOrder: number;
}

/**
 * The combined ranking: decided positions first, then the rest by the combined score.
 * Items with a chosen score are ordered with that score; items with a final rank are pinned to
 * that position (clamped to 1..n; when two ask for the same slot, the earlier decision keeps it
 * and the later takes the next free one). The remaining items fill the free slots in descending
 * score, unscored last, ties broken by the given order (stable). Returns item ids, best first.
 */
export function combinedRanking(items: readonly { itemId: string; combinedScore: number | null }[], decisions: readonly PriorityDecision[]): string[] {
  const n = items.length;
  const byItem = new Map(decisions.map((d) => [d.itemId, d]));
  const pinned = decisions
    .filter((d) => typeof d.rank === 'number' && items.some((i) => i.itemId === d.itemId))
    .sort((a, b) => a.rank! - b.rank! || a.decidedOrder - b.decidedOrder);
  const slots = new Array<string | null>(n).fill(null);
  for (const d of pinned) {
    let s = Math.min(n, Math.max(1, Math.round(d.rank!))) - 1;
    while (s < n && slots[s] !== null) s++;
    if (s === n) s = slots.lastIndexOf(null);
    slots[s] = d.itemId;
  }
  const pinnedIds = new Set(slots.filter((x): x is string => x !== null));
  const scoreOf = (i: { itemId: string; combinedScore: number | null }) => {
    const chosen = byItem.get(i.itemId)?.score;
    return typeof chosen === 'number' ? chosen : i.combinedScore;
  };
  const rest = items
    .map((it, index) => ({ id: it.itemId, score: scoreOf(it), index }))
    .filter((x) => !pinnedIds.has(x.id))
    .sort((a, b) => (a.score === null ? (b.score === null ? a.index - b.index : 1) : b.score === null ? -1 : b.score - a.score || a.index - b.index));
  let k = 0;
  return slots.map((s) => s ?? rest[k++]!.id);
}

/**
 * Which disagreements enter the queue: |rank difference| ≥ threshold when the organisation set
 * one, else the top N by |rank difference| (only non-zero differences). Ordered by |rank
 * difference|, largest first, ties in the given order.
 */
export function disagreementQueue(items: readonly { itemId: string; rankDifference: number }[], rule: { threshold: number | null; topN: number }): string[] {
  const sorted = items
    .map((x, index) => ({ ...x, index, abs: Math.abs(x.rankDifference) }))
    .filter((x) => x.abs > 0)
    .sort((a, b) => b.abs - a.abs || a.index - b.index);
  const chosen = rule.threshold !== null ? sorted.filter((x) => x.abs >= rule.threshold!) : sorted.slice(0, Math.max(0, rule.topN));
  return chosen.map((x) => x.itemId);
}

/**
 * The cut line: walking the ranking from the top, items are in while the cumulative effort
 * stays within capacity; the first that does not fit and every item after it are out.
 * A missing effort counts as 0 (the view flags it). Example: capacity 10, efforts 4, 5, 3, 1
 * → in the first two (9), out the last two (12 > 10 stops the walk, so 1 is out too).
 */
export function cutLine(order: readonly string[], effort: (id: string) => number | null, capacity: number): { in: string[]; out: string[]; used: number } {
  let used = 0;
  let k = 0;
  for (; k < order.length; k++) {
    const e = effort(order[k]!) ?? 0;
    if (used + e > capacity) break;
    used += e;
  }
  return { in: order.slice(0, k), out: order.slice(k), used };
}

/** What moves in above the cut line when one item is dropped from the ranking. */
export function movesInIfDropped(order: readonly string[], effort: (id: string) => number | null, capacity: number, dropped: string): string[] {
  const before = new Set(cutLine(order, effort, capacity).in);
  return cutLine(order.filter((id) => id !== dropped), effort, capacity).in.filter((id) => !before.has(id));
}

export const PORTFOLIO_CATEGORIES = ['run', 'grow', 'transform'] as const;
export type PortfolioCategory = (typeof PORTFOLIO_CATEGORIES)[number];
export type Mix = Record<PortfolioCategory, number>;

/**
 * The actual mix: each category's share of the in-effort, expressed on the same total as the
 * target (a target of 60/25/15 gives percentages, 0.6/0.25/0.15 fractions). Uncategorised
 * effort counts in the total and is reported apart. All zero when nothing is in.
 */
export function actualMix(inItems: readonly { effort: number | null; category: PortfolioCategory | null }[], targetTotal: number): { actual: Mix; uncategorised: number } {
  const sums: Mix = { run: 0, grow: 0, transform: 0 };
  let other = 0;
  let total = 0;
  for (const i of inItems) {
    const e = i.effort ?? 0;
    total += e;
    if (i.category) sums[i.category] += e;
    else other += e;
  }
  const scale = total > 0 ? targetTotal / total : 0;
  return {
    actual: { run: sums.run * scale, grow: sums.grow * scale, transform: sums.transform * scale },
    uncategorised: other * scale,
  };
}
