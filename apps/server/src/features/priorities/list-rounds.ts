import { listRoundsPage } from '@tandem/db';
import type { TPageQuery, TRoundList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { pageOf } from '../../lib/paging';
import { decodeAtIdCursor } from './cursors';

/** One page of the organisation's rounds, newest first (the paged-list contract, decision 103). */
export async function listOrgRoundsPage(ctx: AppContext, auth: OrgAuth, q: TPageQuery): Promise<TRoundList> {
  const rows = await listRoundsPage(ctx.db, auth.orgId, q.limit, decodeAtIdCursor(q.cursor));
  return pageOf(
    rows,
    q.limit,
    (r) => [r.cursorAt, r.id],
    (r) => ({ id: r.id, name: r.name, model: r.model, status: r.status, itemCount: Number(r.itemCount), opensAt: r.opensAt, closesAt: r.closesAt, createdAt: r.createdAt.toISOString() }),
  );
}
