import { findDisagreement, findRound, insertDisagreementHistory, listDisagreementHistory, lockRound, personExists, saveDisagreement, type Executor } from '@tandem/db';
import type { TDisagreement, TPatchDisagreementRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { appLink, emitEvent } from '../integrations';
import { recordPrioritiesAudit } from './audit';
import { computeRoundResults } from './compute-results';
import { invalid } from './errors';
import { toDisagreementSummary } from './get-results';

async function view(ctx: AppContext, auth: OrgAuth, roundId: string, itemId: string, x: Executor = ctx.db): Promise<TDisagreement> {
  const round = (await findRound(x, auth.orgId, roundId))!;
  const r = await computeRoundResults(x, auth.orgId, round, ctx.now());
  const history = await listDisagreementHistory(x, auth.orgId, roundId, itemId);
  return {
    ...toDisagreementSummary(r, itemId),
    roundId,
    combinedRank: r.combinedRank.get(itemId)!,
    history: history.map((h) => ({ at: h.at.toISOString(), actorUserId: h.actorUserId, actorName: h.actorName, changes: h.changes })),
  };
}

/** The decision in a chat line: ` (rank 1)` or ` (score 8)`. */
function decisionText(d: { decisionRank: number | null; decisionScore: number | null }): string {
  if (d.decisionRank !== null) return ` (rank ${d.decisionRank})`;
  return d.decisionScore !== null ? ` (score ${d.decisionScore})` : '';
}

/** One disagreement with its history (who changed what, when). */
export async function getDisagreement(ctx: AppContext, auth: OrgAuth, roundId: string, itemId: string): Promise<TDisagreement> {
  const round = await findRound(ctx.db, auth.orgId, roundId);
  if (!round) throw notFound('Round');
  if (round.status !== 'closed') throw new AppError('conflict', 'Disagreements appear when the round is closed');
  const r = await computeRoundResults(ctx.db, auth.orgId, round, ctx.now());
  if (!r.combinedRank.has(itemId)) throw notFound('Item');
  return view(ctx, auth, roundId, itemId);
}

/**
 * Moves a disagreement along open → discussing → decided (or back), with an owner, a due date and
 * the decision (a final rank or a chosen score, always with a reason). Every change is kept.
 */
export async function decideDisagreement(ctx: AppContext, auth: OrgAuth, roundId: string, itemId: string, input: TPatchDisagreementRequest): Promise<TDisagreement> {
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, auth.orgId, roundId);
    if (!round) throw notFound('Round');
    if (round.status !== 'closed') throw new AppError('conflict', 'Close the round before working on its disagreements');
    const r = await computeRoundResults(tx, auth.orgId, round, ctx.now());
    if (!r.combinedRank.has(itemId)) throw notFound('Item');
    if (input.ownerId && !(await personExists(tx, auth.orgId, input.ownerId))) throw invalid('body.ownerId', 'no person with this id in this organisation');
    if (input.status === 'decided' && !input.decision) throw invalid('body.decision', 'a decided disagreement needs a decision with a reason');
    if (input.decision && input.status !== 'decided') throw invalid('body.status', 'a decision needs the status decided');
    const n = r.items.length;
    if (input.decision?.rank !== undefined && input.decision.rank > n) throw invalid('body.decision.rank', `must be between 1 and ${n}, the number of items`);
    const before = await findDisagreement(tx, auth.orgId, roundId, itemId);
    const decided = input.status === 'decided';
    const next = {
      status: input.status,
      ownerId: input.ownerId === undefined ? (before?.ownerId ?? null) : input.ownerId,
      dueDate: input.dueDate === undefined ? (before?.dueDate ?? null) : input.dueDate,
      decisionRank: decided ? (input.decision!.rank ?? null) : null,
      decisionScore: decided ? (input.decision!.score ?? null) : null,
      reason: decided ? input.decision!.reason : null,
    };
    const old = {
      status: before?.status ?? 'open',
      ownerId: before?.ownerId ?? null,
      dueDate: before?.dueDate ?? null,
      decisionRank: before?.decisionRank ?? null,
      decisionScore: before?.decisionScore ?? null,
      reason: before?.reason ?? null,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (old[k] !== next[k]) changes[k] = { from: old[k], to: next[k] };
    if (Object.keys(changes).length > 0) {
      await saveDisagreement(tx, {
        orgId: auth.orgId,
        roundId,
        itemId,
        ...next,
        decidedAt: decided ? (before?.status === 'decided' ? before.decidedAt : ctx.now()) : null,
        updatedAt: ctx.now(),
      });
      await insertDisagreementHistory(tx, { orgId: auth.orgId, roundId, itemId, changes, actorUserId: auth.userId, at: ctx.now() });
      await recordPrioritiesAudit(ctx, tx, auth, 'priorities.disagreement_updated', itemId, { roundId, status: input.status });
      if (decided && (before?.status !== 'decided' || changes.decisionRank || changes.decisionScore || changes.reason)) {
        const item = r.items.find((i) => i.itemId === itemId);
        await emitEvent(ctx, tx, auth.orgId, 'disagreement.decided', {
          summary: `Disagreement on “${item?.title ?? 'an item'}” decided in round “${round.name}”${decisionText(next)}: ${next.reason}`,
          roundId,
          roundName: round.name,
          itemId,
          title: item?.title ?? null,
          decision: { rank: next.decisionRank, score: next.decisionScore, reason: next.reason },
          url: appLink(ctx, `/priorities/${roundId}`),
        });
      }
    }
    return view(ctx, auth, roundId, itemId, tx);
  });
}
