import { countIssuedInvitations, findPulse, listIssuedInvitations } from '@tandem/db';
import type { TIssuedLinks } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { checkCursorKey } from './get-pulse';
import { toPulses } from './pulse.mapper';

/**
 * The issued-links panel (decision 024): who has a link and when it was issued, a page at a time
 * (the paged-list contract, keyset on issue time and id). Never whether a link was used and never a
 * token; the total who answered is exactly the pulse's own `respondents` (decision 023: none while
 * open, and after closing only when the audit shows everyone).
 */
export async function listIssuedLinks(ctx: AppContext, auth: OrgAuth, id: string, q: { limit: number; cursor?: string | undefined }): Promise<TIssuedLinks> {
  const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'string']) as [string, string]) : null;
  if (after) checkCursorKey(after);
  const pulse = await findPulse(ctx.db, auth.orgId, id);
  if (!pulse) throw notFound('Pulse');
  const [counts, rows, [mapped]] = await Promise.all([
    countIssuedInvitations(ctx.db, auth.orgId, id),
    listIssuedInvitations(ctx.db, auth.orgId, id, q.limit, after),
    toPulses(ctx.db, auth.orgId, [pulse], ctx.now()),
  ]);
  const page = pageOf(rows, q.limit, (r) => [r.issuedAt.toISOString(), r.id]);
  return {
    issued: counts.issued,
    unlinked: counts.unlinked,
    respondents: mapped?.respondents ?? null,
    items: page.items.map((r) => ({ ...(r.personId ? { personId: r.personId, name: r.name ?? '' } : {}), issuedAt: r.issuedAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}
