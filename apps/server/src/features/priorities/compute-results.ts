import { combinedRanking, disagreementQueue, priorityResults, type PriorityResults } from '@tandem/core';
import { allScores, findPrioritySettings, listDisagreements, listRoundItems, type DisagreementRow, type Executor, type RoundItemView, type RoundRow } from '@tandem/db';

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

/**
 * Everything the results, the queue and the portfolio show, from three reads: the items, every
 * score (one query) and the disagreements; the maths is core's.
 */
export async function computeRoundResults(x: Executor, orgId: string, round: RoundRow): Promise<RoundResults> {
  const items = await listRoundItems(x, orgId, round.id);
  const scores = await allScores(x, orgId, round.id);
  const rows = await listDisagreements(x, orgId, round.id);
  const settings = await findPrioritySettings(x, orgId);
  const results = priorityResults({
    model: round.model,
    criteria: round.criteria,
    itemIds: items.map((i) => i.itemId),
    scores: scores.map((s) => ({ itemId: s.itemId, scorerId: s.personId, side: s.side, criterion: s.criterion, value: s.value })),
  });
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
  const scorerCounts = { business: new Set<string>(), it: new Set<string>() };
  for (const s of scores) scorerCounts[s.side].add(s.personId);
  return { items, results, order, combinedRank, disagreements, queue, scorerCounts: { business: scorerCounts.business.size, it: scorerCounts.it.size } };
}
