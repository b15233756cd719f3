import { lockRound, updateRound } from '@tandem/db';
import type { TPatchRoundRequest, TRound } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordPrioritiesAudit } from './audit';
import { invalid } from './errors';
import { toRound } from './round.mapper';

/**
 * Moves a round's opening or closing day while it is a draft or open (decision 146); a closed
 * round's dates are history (409). The new pair must keep closesAt on or after opensAt (400,
 * nothing written). The calendar job reads the new dates on its next hourly run.
 */
export async function changeRoundDates(ctx: AppContext, auth: OrgAuth, id: string, input: TPatchRoundRequest): Promise<TRound> {
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, auth.orgId, id);
    if (!round) throw notFound('Round');
    if (round.status === 'closed') throw new AppError('conflict', 'This round is closed; its dates can no longer change');
    const opensAt = input.opensAt === undefined ? round.opensAt : input.opensAt;
    const closesAt = input.closesAt === undefined ? round.closesAt : input.closesAt;
    if (opensAt && closesAt && closesAt < opensAt) throw invalid('body.closesAt', `${closesAt} is before the opening day ${opensAt}`);
    if (opensAt === round.opensAt && closesAt === round.closesAt) return toRound(tx, auth, round);
    const row = await updateRound(tx, auth.orgId, id, { opensAt, closesAt });
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.round_dates_changed', id, {
      opensAt: { from: round.opensAt, to: opensAt },
      closesAt: { from: round.closesAt, to: closesAt },
    });
    return toRound(tx, auth, row);
  });
}
