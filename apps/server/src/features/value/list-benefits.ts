import { deleteBenefit, listBenefits } from '@tandem/db';
import type { TBenefitList, TBenefitsQuery } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { recordValueAudit } from './audit';
import { afterOf, toBenefit } from './value.mapper';

/** Recorded benefits, newest first, paged; optionally of one initiative. */
export async function listOrgBenefits(ctx: AppContext, auth: OrgAuth, q: TBenefitsQuery): Promise<TBenefitList> {
  const after = afterOf(q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null);
  const rows = await listBenefits(ctx.db, auth.orgId, { initiativeId: q.initiativeId, after, limit: q.limit });
  return pageOf(rows, q.limit, (r) => [r.recordedAt.toISOString(), r.id], toBenefit);
}

export async function deleteOrgBenefit(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteBenefit(tx, auth.orgId, id))) throw notFound('Benefit');
    await recordValueAudit(ctx, tx, auth, 'benefit.deleted', id);
  });
}
