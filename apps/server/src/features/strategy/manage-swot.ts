import { deleteSwot, findGoal, findInitiative, findSwot, insertSwot, listSwotPage, updateSwot } from '@tandem/db';
import { ZCreateSwotRequest, ZUpdateSwotRequest, type TCreateSwotRequest, type TSwotItem, type TSwotList, type TUpdateSwotRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeTimeIdCursor, pageOf, type PageQuery } from '../../lib/paging';
import { checkIds } from './check-links';
import { recordStrategyAudit } from './record-history';
import { toSwot } from './strategy.mapper';

/** A page of SWOT items, oldest first, optionally of one goal or initiative; the cursor is the last (created at, id). */
export async function listOrgSwot(ctx: AppContext, auth: OrgAuth, q: PageQuery & { goalId?: string | undefined; initiativeId?: string | undefined }): Promise<TSwotList> {
  const rows = await listSwotPage(ctx.db, auth.orgId, q, q.limit, decodeTimeIdCursor(q.cursor));
  return pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], toSwot);
}

/** A SWOT item is about exactly one goal or initiative of the organisation; it may cite the enabler that answers it. */
export async function createSwot(ctx: AppContext, auth: OrgAuth, input: TCreateSwotRequest): Promise<TSwotItem> {
  const v = ZCreateSwotRequest.parse(input);
  if (!v.goalId === !v.initiativeId) {
    throw new AppError('validation', 'A SWOT item is about exactly one goal or one initiative: give goalId or initiativeId', [{ path: 'body.goalId', message: 'exactly one of goalId, initiativeId' }]);
  }
  return ctx.db.transaction(async (tx) => {
    if (v.goalId && !(await findGoal(tx, auth.orgId, v.goalId))) {
      throw new AppError('validation', 'goalId: no such goal in this organisation', [{ path: 'body.goalId', message: 'unknown goal' }]);
    }
    if (v.initiativeId && !(await findInitiative(tx, auth.orgId, v.initiativeId))) {
      throw new AppError('validation', 'initiativeId: no such initiative in this organisation', [{ path: 'body.initiativeId', message: 'unknown initiative' }]);
    }
    await checkIds(tx, auth.orgId, 'enabler', 'enablerId', [v.enablerId]);
    const [row] = await insertSwot(tx, auth.orgId, [
      { goalId: v.goalId ?? null, initiativeId: v.initiativeId ?? null, quadrant: v.quadrant, text: v.text, enablerId: v.enablerId ?? null, createdAt: ctx.now() },
    ]);
    await recordStrategyAudit(ctx, tx, auth, 'swot.created', row!.id);
    return toSwot(row!);
  });
}

export async function updateOrgSwot(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateSwotRequest): Promise<TSwotItem> {
  const patch = ZUpdateSwotRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    if (!(await findSwot(tx, auth.orgId, id))) throw notFound('SWOT item');
    await checkIds(tx, auth.orgId, 'enabler', 'enablerId', [patch.enablerId]);
    const row = await updateSwot(tx, auth.orgId, id, patch);
    await recordStrategyAudit(ctx, tx, auth, 'swot.updated', id, { fields: Object.keys(patch) });
    return toSwot(row!);
  });
}

export async function deleteOrgSwot(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteSwot(tx, auth.orgId, id))) throw notFound('SWOT item');
    await recordStrategyAudit(ctx, tx, auth, 'swot.deleted', id);
  });
}
