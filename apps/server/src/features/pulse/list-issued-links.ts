import { countIssuedInvitations, findPulse, listIssuedInvitations } from '@tandem/db';
import type { TIssuedLinks } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { toPulses } from './pulse.mapper';

/**
 * The issued-links panel (decision 024): who has a link and when it was issued, a page at a time.
 * Never whether a link was used and never a token; the total who answered is exactly the pulse's own
 * `respondents` (decision 023: none while open, and after closing only when the audit shows everyone).
 */
export async function listIssuedLinks(ctx: AppContext, auth: OrgAuth, id: string, page: { limit: number; offset: number }): Promise<TIssuedLinks> {
  const pulse = await findPulse(ctx.db, auth.orgId, id);
  if (!pulse) throw notFound('Pulse');
  const [counts, rows, [mapped]] = await Promise.all([
    countIssuedInvitations(ctx.db, auth.orgId, id),
    listIssuedInvitations(ctx.db, auth.orgId, id, page),
    toPulses(ctx.db, auth.orgId, [pulse], ctx.now()),
  ]);
  return {
    issued: counts.issued,
    unlinked: counts.unlinked,
    respondents: mapped?.respondents ?? null,
    items: rows.map((r) => ({ ...(r.personId ? { personId: r.personId, name: r.name ?? '' } : {}), issuedAt: r.issuedAt.toISOString() })),
  };
}
