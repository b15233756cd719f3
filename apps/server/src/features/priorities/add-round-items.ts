import { insertRoundItems, listRoundItems, lockRound } from '@tandem/db';
import type { TAddRoundItemsRequest, TRound } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordPrioritiesAudit } from './audit';
import { checkItems } from './create-round';
import { toRound } from './round.mapper';

/** Items can be added while the round is a draft: once scoring starts, the set is fixed. */
export async function addRoundItems(ctx: AppContext, auth: OrgAuth, roundId: string, input: TAddRoundItemsRequest): Promise<TRound> {
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, auth.orgId, roundId);
    if (!round) throw notFound('Round');
    if (round.status !== 'draft') throw new AppError('conflict', 'Items can be added only while the round is a draft');
    const existing = await listRoundItems(tx, auth.orgId, roundId);
    const items = await checkItems(tx, auth.orgId, input.items, new Set(existing.map((i) => i.itemId)));
    await insertRoundItems(tx, auth.orgId, roundId, items, existing.length);
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.round_items_added', roundId, { items: items.length });
    return toRound(tx, auth, round);
  });
}
