import { countRoundItems, lockRound, updateRound, type Executor, type RoundRow } from '@tandem/db';
import type { TRound } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordPrioritiesAudit, type PrioritiesActor } from './audit';
import { computeRoundResults } from './compute-results';
import { toRound } from './round.mapper';

/**
 * draft → open inside the caller's transaction. Opening an open round changes nothing; a closed
 * round stays closed. The one path for a leader's POST .../open and the calendar (decision 146).
 */
export async function openRoundIn(ctx: AppContext, tx: Executor, actor: PrioritiesActor, id: string, details?: Record<string, unknown>): Promise<RoundRow> {
  const round = await lockRound(tx, actor.orgId, id);
  if (!round) throw notFound('Round');
  if (round.status === 'closed') throw new AppError('conflict', 'This round is closed; create a new one');
  if (round.status === 'open') return round;
  if ((await countRoundItems(tx, actor.orgId, id)) === 0) throw new AppError('conflict', 'Add at least one item before opening the round');
  const row = await updateRound(tx, actor.orgId, id, { status: 'open', openedAt: ctx.now() });
  await recordPrioritiesAudit(ctx, tx, actor, 'priorities.round_opened', id, details);
  return row;
}

/**
 * open → closed inside the caller's transaction: scoring stops and both sides see everything. The
 * update lock waits for scores in flight (they hold a share lock), so none lands after the close.
 * The one path for a leader's POST .../close and the calendar (decision 146).
 */
export async function closeRoundIn(ctx: AppContext, tx: Executor, actor: PrioritiesActor, id: string, details?: Record<string, unknown>): Promise<RoundRow> {
  const round = await lockRound(tx, actor.orgId, id);
  if (!round) throw notFound('Round');
  if (round.status === 'closed') return round;
  if (round.status === 'draft') throw new AppError('conflict', 'Open the round before closing it');
  const row = await updateRound(tx, actor.orgId, id, { status: 'closed', closedAt: ctx.now() });
  // The scores are final now: the results are computed and stored once, here (decision 035).
  await computeRoundResults(tx, actor.orgId, row, ctx.now());
  await recordPrioritiesAudit(ctx, tx, actor, 'priorities.round_closed', id, details);
  return row;
}

export async function openRound(ctx: AppContext, auth: OrgAuth, id: string): Promise<TRound> {
  return ctx.db.transaction(async (tx) => toRound(tx, auth, await openRoundIn(ctx, tx, auth, id)));
}

export async function closeRound(ctx: AppContext, auth: OrgAuth, id: string): Promise<TRound> {
  return ctx.db.transaction(async (tx) => toRound(tx, auth, await closeRoundIn(ctx, tx, auth, id)));
}
