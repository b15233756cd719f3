import { listInvitationsPage, revokeInvitation } from '@tandem/db';
import type { TInvitationList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeTimeIdCursor, pageOf, type PageQuery } from '../../lib/paging';
import { recordAudit } from './record-audit';

/** A page of invitations, newest first; the cursor is the last (created at, id). */
export async function listOrgInvitations(ctx: AppContext, auth: OrgAuth, q: PageQuery): Promise<TInvitationList> {
  const rows = await listInvitationsPage(ctx.db, auth.orgId, q.limit, decodeTimeIdCursor(q.cursor));
  return pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

export async function revokeOrgInvitation(ctx: AppContext, auth: OrgAuth, id: string) {
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeInvitation(tx, auth.orgId, id, ctx.now()))) throw notFound('Open invitation');
    await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'invitation.revoked', target: id });
  });
}
