import { findRound, tagRoundItem } from '@tandem/db';
import type { TRound, TTagRoundItemRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { recordPrioritiesAudit } from './audit';
import { invalid } from './errors';
import { toRound } from './round.mapper';

/**
 * Tags one item of a round with its portfolio category (run / grow / transform) and horizon (now /
 * next / later), in any status: the tags feed the portfolio's mix, never the scores or the stored
 * results of a closed round (decision 035), so re-tagging after closing is safe and shows at once.
 */
export async function tagItem(ctx: AppContext, auth: OrgAuth, roundId: string, itemId: string, input: TTagRoundItemRequest): Promise<TRound> {
  return ctx.db.transaction(async (tx) => {
    const round = await findRound(tx, auth.orgId, roundId);
    if (!round) throw notFound('Round');
    const patch = { ...(input.category !== undefined ? { category: input.category } : {}), ...(input.horizon !== undefined ? { horizon: input.horizon } : {}) };
    if (!(await tagRoundItem(tx, auth.orgId, roundId, itemId, patch))) throw invalid('params.itemId', 'this item is not in the round');
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.round_item_tagged', roundId, { itemId, ...patch });
    return toRound(tx, auth, round);
  });
}
