import type { TCreateOpenHourRequest, TOpenHour, TPageQuery } from '@tandem/contracts';
import { findOpenHour, insertOpenHour, listOpenHours, type OpenHourRow } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { requirePeople } from './access';
import { recordCrossoverAudit } from './audit';

const toOpenHour = (h: OpenHourRow, leaderName: string): TOpenHour => ({
  id: h.id,
  leaderId: h.leaderId,
  leaderName,
  weekday: h.weekday,
  start: h.start,
  end: h.end,
  slotMinutes: h.slotMinutes,
  timeZone: h.timeZone,
  location: h.location,
});

/** A leader's recurring open hour (leaders and admins publish them). */
export async function createOpenHour(ctx: AppContext, auth: OrgAuth, input: TCreateOpenHourRequest) {
  return ctx.db.transaction(async (tx) => {
    await requirePeople(tx, auth.orgId, [input.leaderId], 'leaderId');
    const row = await insertOpenHour(tx, auth.orgId, { ...input, location: input.location ?? null, createdAt: ctx.now() });
    await recordCrossoverAudit(ctx, tx, auth, 'open_hour.created', row.id, { leaderId: input.leaderId });
    return { id: row.id };
  });
}

export async function listOrgOpenHours(ctx: AppContext, auth: OrgAuth, q: TPageQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : undefined;
  const rows = await listOpenHours(ctx.db, auth.orgId, q.limit, after ? { at: new Date(after[0] as string), id: after[1] as string } : undefined);
  return pageOf(rows, q.limit, (r) => [r.openHour.createdAt.toISOString(), r.openHour.id], (r) => toOpenHour(r.openHour, r.leaderName));
}

export async function mustFindOpenHour(ctx: AppContext, orgId: string, id: string) {
  const h = await findOpenHour(ctx.db, orgId, id);
  if (!h) throw notFound('Open hour');
  return h;
}
