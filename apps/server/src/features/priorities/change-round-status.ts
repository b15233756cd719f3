import { countRoundItems, lockRound, updateRound } from '@tandem/db';
import type { TRound } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordPrioritiesAudit } from './audit';
import { computeRoundResults } from './compute-results';
import { toRound } from './round.mapper';

/** draft → open. Opening an open round changes nothing; a closed round stays closed. */
export async function openRound(ctx: AppContext, auth: OrgAuth, id: string): Promise<TRound> {
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, auth.orgId, id);
    if (!round) throw notFound('Round');
    if (round.status === 'closed') throw new AppError('conflict', 'This round is closed; create a new one');
    if (round.status === 'open') return toRound(tx, auth, round);
    if ((await countRoundItems(tx, auth.orgId, id)) === 0) throw new AppError('conflict', 'Add at least one item before opening the round');
    const row = await updateRound(tx, auth.orgId, id, { status: 'open', openedAt: ctx.now() });
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.round_opened', id);
    return toRound(tx, auth, row);
  });
}

/**
 * open → closed: scoring stops and both sides see everything. The update lock waits for scores
 * in flight (they hold a share lock), so none lands after the close.
 */
export async function closeRound(ctx: AppContext, auth: OrgAuth, id: string): Promise<TRound> {
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, auth.orgId, id);
    if (!round) throw notFound('Round');
    if (round.status === 'closed') return toRound(tx, auth, round);
    if (round.status === 'draft') throw new AppError('conflict', 'Open the round before closing it');
    const row = await updateRound(tx, auth.orgId, id, { status: 'closed', closedAt: ctx.now() });
    // The scores are final now: the results are computed and stored once, here (decision 035).
    await computeRoundResults(tx, auth.orgId, row, ctx.now());
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.round_closed', id);
    return toRound(tx, auth, row);
  });
}
