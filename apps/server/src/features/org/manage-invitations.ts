import { listInvitations, revokeInvitation } from '@tandem/db';
import type { TInvitation } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { recordAudit } from './record-audit';

export async function listOrgInvitations(ctx: AppContext, auth: OrgAuth): Promise<TInvitation[]> {
  const rows = await listInvitations(ctx.db, auth.orgId);
  return rows.map((r) => ({
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
