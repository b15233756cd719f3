import { findPulse, listPulseActionsPage } from '@tandem/db';
import type { TPulseActionList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { checkCursorKey } from './get-pulse';
import { toPulseAction } from './pulse-action.mapper';

/** Actions from results, soonest due first, a page at a time; by pulse (a foreign pulse is a 404) and status. */
export async function listPulseActions(
  ctx: AppContext,
  auth: OrgAuth,
  q: { limit: number; cursor?: string | undefined; pulseId?: string | undefined; status?: 'open' | 'done' | undefined },
): Promise<TPulseActionList> {
  const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'string']) as [string, string]) : null;
  if (after) checkCursorKey(after, true);
  if (q.pulseId && !(await findPulse(ctx.db, auth.orgId, q.pulseId))) throw notFound('Pulse');
  const rows = await listPulseActionsPage(ctx.db, auth.orgId, { pulseId: q.pulseId, status: q.status, limit: q.limit, after });
  return pageOf(rows, q.limit, (r) => [r.dueDate, r.id], toPulseAction);
}
