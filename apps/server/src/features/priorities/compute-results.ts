import { combinedRanking, disagreementQueue, priorityResults, type PriorityResults } from '@tandem/core';
import { allScores, findPrioritySettings, findRoundResults, listDisagreements, listRoundItems, saveRoundResults, type DisagreementRow, type Executor, type RoundItemView, type RoundRow } from '@tandem/db';

export interface RoundResults {
  items: RoundItemView[];
  results: PriorityResults;
  /** Item ids in combined order, best first. */
  order: string[];
  combinedRank: Map<string, number>;
  disagreements: Map<string, DisagreementRow>;
  /** The queue: the rule's items plus any item someone has worked on, by |rank difference| desc. */
  queue: string[];
  scorerCounts: { business: number; it: number };
}

interface SideResults {
  results: PriorityResults;
  scorerCounts: { business: number; it: number };
}

/** core's results from every score of the round, and how many people scored on each side. */
async function sideResults(x: Executor, orgId: string, round: RoundRow, items: RoundItemView[]): Promise<SideResults> {
  const scores = await allScores(x, orgId, round.id);
  const results = priorityResults({
    model: round.model,
    criteria: round.criteria,
    itemIds: items.map((i) => i.itemId),
    scores: scores.map((s) => ({ itemId: s.itemId, scorerId: s.personId, side: s.side, criterion: s.criterion, value: s.value })),
  });
  const scorers = { business: new Set<string>(), it: new Set<string>() };
  for (const s of scores) scorers[s.side].add(s.personId);
  return { results, scorerCounts: { business: scorers.business.size, it: scorers.it.size } };
}

/**
 * A closed round's items and scores can no longer change, so its side results are computed once
 * and stored (decision 035); an open or draft round is computed from its scores each time.
 */
async function fixedOrLiveResults(x: Executor, orgId: string, round: RoundRow, items: RoundItemView[], now: Date): Promise<SideResults> {
  if (round.status !== 'closed') return sideResults(x, orgId, round, items);
  const stored = (await findRoundResults(x, orgId, round.id)) as SideResults | null;
  if (stored) return stored;
  const computed = await sideResults(x, orgId, round, items);
  await saveRoundResults(x, orgId, round.id, computed, now);
  return computed;
}

/**
 * Everything the results, the queue and the portfolio show: the items, the side results (stored
 * for a closed round, else from every score in one query) and the disagreements; the maths is core's.
 */
export async function computeRoundResults(x: Executor, orgId: string, round: RoundRow, now: Date = new Date()): Promise<RoundResults> {
  const items = await listRoundItems(x, orgId, round.id);
  const rows = await listDisagreements(x, orgId, round.id);
  const settings = await findPrioritySettings(x, orgId);
  const { results, scorerCounts } = await fixedOrLiveResults(x, orgId, round, items, now);
  const disagreements = new Map(rows.map((r) => [r.itemId, r]));
  const decided = rows
    .filter((r) => r.status === 'decided')
    .sort((a, b) => (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0))
    .map((r, k) => ({ itemId: r.itemId, rank: r.decisionRank, score: r.decisionScore, decidedOrder: k }));
  const order = combinedRanking(results.items, decided);
  const combinedRank = new Map(order.map((id, k) => [id, k + 1]));
  const ruled = new Set(disagreementQueue(results.items, { threshold: settings?.disagreementThreshold ?? null, topN: settings?.disagreementTopN ?? 3 }));
  for (const id of disagreements.keys()) ruled.add(id);
  const queue = disagreementQueue(
    results.items.filter((i) => ruled.has(i.itemId)),
    { threshold: null, topN: Number.MAX_SAFE_INTEGER },
  );
  // An item someone worked on stays in the queue even with no rank difference.
  for (const id of ruled) if (!queue.includes(id)) queue.push(id);
  return { items, results, order, combinedRank, disagreements, queue, scorerCounts };
}
