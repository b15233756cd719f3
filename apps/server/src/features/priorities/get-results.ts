import { countRoundItems, findRound, scoringProgress } from '@tandem/db';
import type { TDisagreementSummary, TResults } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { computeRoundResults, type RoundResults } from './compute-results';

export function toDisagreementSummary(r: RoundResults, itemId: string): TDisagreementSummary {
  const d = r.disagreements.get(itemId);
  const item = r.items.find((i) => i.itemId === itemId)!;
  const res = r.results.items.find((i) => i.itemId === itemId)!;
  return {
    itemId,
    title: item.title,
    rankDifference: res.rankDifference,
    status: d?.status ?? 'open',
    ownerId: d?.ownerId ?? null,
    dueDate: d?.dueDate ?? null,
    decision: d && d.reason !== null ? { rank: d.decisionRank, score: d.decisionScore, reason: d.reason } : null,
  };
}

/**
 * Results of a closed round. While it is open (or a draft) the answer is a 409 whose details are
 * the progress: who has scored how many items, never what.
 */
export async function getResults(ctx: AppContext, auth: OrgAuth, roundId: string): Promise<TResults> {
  const round = await findRound(ctx.db, auth.orgId, roundId);
  if (!round) throw notFound('Round');
  if (round.status !== 'closed') {
    const progress = await scoringProgress(ctx.db, auth.orgId, roundId);
    const items = await countRoundItems(ctx.db, auth.orgId, roundId);
    throw new AppError('conflict', `Results appear when the round is closed; it is ${round.status}`, {
      status: round.status,
      items,
      scorers: progress.map((p) => ({ ...p, itemsScored: Number(p.itemsScored) })),
    });
  }
  const r = await computeRoundResults(ctx.db, auth.orgId, round, ctx.now());
  const byId = new Map(r.items.map((i) => [i.itemId, i]));
  return {
    roundId,
    model: round.model,
    items: r.results.items
      .map((i) => ({
        itemId: i.itemId,
        title: byId.get(i.itemId)!.title,
        type: byId.get(i.itemId)!.type,
        business: { score: i.business.score, rank: i.business.rank },
        it: { score: i.it.score, rank: i.it.rank },
        rankDifference: i.rankDifference,
        combinedScore: i.combinedScore,
        combinedRank: r.combinedRank.get(i.itemId)!,
        decided: r.disagreements.get(i.itemId)?.status === 'decided',
      }))
      .sort((a, b) => a.combinedRank - b.combinedRank),
    agreement: r.results.agreement,
    disagreements: r.queue.map((id) => toDisagreementSummary(r, id)),
    scorers: r.scorerCounts,
  };
}
