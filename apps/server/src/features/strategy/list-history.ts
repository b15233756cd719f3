import { findEnabler, findGoal, findInitiative, listHistory, type StrategyItemType } from '@tandem/db';
import { slipDays } from '@tandem/core';
import type { THistoryList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeTimeIdCursor, pageOf, type PageQuery } from '../../lib/paging';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIND = { goal: findGoal, initiative: findInitiative, enabler: findEnabler } as const;
const NOUN = { goal: 'Goal', initiative: 'Initiative', enabler: 'Enabler' } as const;

/** The history of one item, newest first; a date change carries its slip in days. */
export async function listItemHistory(ctx: AppContext, auth: OrgAuth, itemType: StrategyItemType, id: string, q: PageQuery): Promise<THistoryList> {
  const after = decodeTimeIdCursor(q.cursor);
  if (!(await FIND[itemType](ctx.db, auth.orgId, id))) throw notFound(NOUN[itemType]);
  const rows = await listHistory(ctx.db, auth.orgId, itemType, id, { limit: q.limit, after });
  return pageOf(rows, q.limit, (r) => [r.at.toISOString(), r.id], (r) => ({
    id: r.id,
    field: r.field,
    from: r.fromValue,
    to: r.toValue,
    slipDays: r.fromValue && r.toValue && ISO_DATE.test(r.fromValue) && ISO_DATE.test(r.toValue) ? slipDays(r.fromValue, r.toValue) : null,
    actorUserId: r.actorUserId,
    actorName: r.actorName,
    at: r.at.toISOString(),
  }));
}
