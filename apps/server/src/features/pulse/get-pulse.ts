import { findPulse, listPulsesPage } from '@tandem/db';
import type { TPulse, TPulseList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { hasRole } from '../../plugins/auth';
import { toPulses } from './pulse.mapper';

/**
 * Pulses a page at a time, newest first (the paged-list contract, decision 103). Leaders and admins
 * see every pulse; members see only published ones, filtered in the query so pages stay full.
 */
export async function listOrgPulses(ctx: AppContext, auth: OrgAuth, q: { limit: number; cursor?: string | undefined; archived?: 'true' | 'false' | undefined }): Promise<TPulseList> {
  const before = q.cursor ? (decodeCursor(q.cursor, ['string', 'string']) as [string, string]) : null;
  if (before) checkCursorKey(before);
  const rows = await listPulsesPage(ctx.db, auth.orgId, {
    publishedOnly: !hasRole(auth.role, 'leader'),
    archived: q.archived === undefined ? undefined : q.archived === 'true',
    limit: q.limit,
    before,
  });
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await toPulses(ctx.db, auth.orgId, page.items, ctx.now()), nextCursor: page.nextCursor };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor's time and id are checked before they reach SQL: a forged one is a 400, never a 500. */
export function checkCursorKey([at, id]: readonly [string, string], dateOnly = false): void {
  const okAt = dateOnly ? /^\d{4}-\d{2}-\d{2}$/.test(at) : !Number.isNaN(Date.parse(at)) && /^\d{4}-\d{2}-\d{2}T/.test(at);
  if (!okAt || !UUID.test(id)) throw new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');
}

export async function getOrgPulse(ctx: AppContext, auth: OrgAuth, id: string): Promise<TPulse> {
  const row = await findPulse(ctx.db, auth.orgId, id);
  if (!row || (!hasRole(auth.role, 'leader') && row.publishedAt === null)) throw notFound('Pulse');
  return (await toPulses(ctx.db, auth.orgId, [row], ctx.now()))[0]!;
}
