import { countIssuedInvitations, findPulse, listIssuedInvitations, pulseTotals } from '@tandem/db';
import type { TIssuedLinks } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { visibleRespondents } from './pulse.mapper';

/**
 * The issued-links panel (decision 024): who has a link and when it was issued, a page at a time.
 * Never whether a link was used and never a token; the total who answered appears only under the
 * pulse's live-count rule (the same as the pulse's `respondents`).
 */
export async function listIssuedLinks(ctx: AppContext, auth: OrgAuth, id: string, page: { limit: number; offset: number }): Promise<TIssuedLinks> {
  const pulse = await findPulse(ctx.db, auth.orgId, id);
  if (!pulse) throw notFound('Pulse');
  const [counts, rows, totals] = await Promise.all([
    countIssuedInvitations(ctx.db, auth.orgId, id),
    listIssuedInvitations(ctx.db, auth.orgId, id, page),
    pulseTotals(ctx.db, auth.orgId, [id]),
  ]);
  const responded = totals.get(id)?.responded ?? 0;
  return {
    issued: counts.issued,
    unlinked: counts.unlinked,
    respondents: visibleRespondents(pulse, responded),
    items: rows.map((r) => ({ ...(r.personId ? { personId: r.personId, name: r.name ?? '' } : {}), issuedAt: r.issuedAt.toISOString() })),
  };
}
