import { countOwners, deleteMembership, deleteUserSessionsInOrg, findMembership, findUserById, listMembersPage, updateMembershipRole } from '@tandem/db';
import type { TMemberList } from '@tandem/contracts';
import type { AppContext, OrgAuth, Role } from '../../context';
import { hasRole } from '../../plugins/auth';
import { AppError, notFound } from '../../lib/errors';
import { decodeTextIdCursor, pageOf, type PageQuery } from '../../lib/paging';
import { recordAudit } from './record-audit';
import { endCachedSessions } from '../../lib/session-cache';

/** A page of the organisation's accounts by name; the cursor is the last (name, user id). */
export async function listOrgMembers(ctx: AppContext, auth: OrgAuth, q: PageQuery): Promise<TMemberList> {
  const rows = await listMembersPage(ctx.db, auth.orgId, q.limit, decodeTextIdCursor(q.cursor));
  return pageOf(rows, q.limit, (r) => [r.name, r.userId], (r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
}

/**
 * Changes a member's role. Nobody grants or takes away a role above their own, and the last
 * owner cannot be demoted: an organisation always has someone who can administer it.
 */
export async function changeMemberRole(ctx: AppContext, auth: OrgAuth, userId: string, role: Role) {
  const changed = await ctx.db.transaction(async (tx) => {
    const m = await findMembership(tx, auth.orgId, userId);
    if (!m) throw notFound('Member');
    if (!hasRole(auth.role, m.role) || !hasRole(auth.role, role)) {
      throw new AppError('forbidden', 'You cannot change a role above your own');
    }
    if (m.role === 'owner' && role !== 'owner' && (await countOwners(tx, auth.orgId)) <= 1) {
      throw new AppError('conflict', 'The organisation needs at least one owner; make someone else owner first');
    }
    await updateMembershipRole(tx, auth.orgId, userId, role);
    const user = await findUserById(tx, userId);
    await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'member.role_changed', target: user?.email ?? userId, details: { from: m.role, to: role } });
    return { userId, role };
  });
  // The member's requests, on any instance, act with the new role from the next one on.
  await endCachedSessions(ctx, { userId });
  return changed;
}

/** Removes a member and ends their sessions in this organisation. */
export async function removeMember(ctx: AppContext, auth: OrgAuth, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const m = await findMembership(tx, auth.orgId, userId);
    if (!m) throw notFound('Member');
    if (!hasRole(auth.role, m.role)) throw new AppError('forbidden', 'You cannot remove someone with a role above your own');
    if (m.role === 'owner' && (await countOwners(tx, auth.orgId)) <= 1) {
      throw new AppError('conflict', 'The organisation needs at least one owner');
    }
    const user = await findUserById(tx, userId);
    await deleteMembership(tx, auth.orgId, userId);
    await deleteUserSessionsInOrg(tx, userId, auth.orgId);
    await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'member.removed', target: user?.email ?? userId, details: { role: m.role } });
  });
  await endCachedSessions(ctx, { userId });
}
