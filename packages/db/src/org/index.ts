import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { auditLog, instance, invitations, memberships, organisations, people, sessions, users } from '../schema/org';

export type Role = 'owner' | 'admin' | 'leader' | 'member';
export type PersonRow = typeof people.$inferSelect;
export type NewPerson = Omit<typeof people.$inferInsert, 'orgId' | 'id'>;
export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

/* ---------- instance ---------- */

export async function isSetUp(x: Executor): Promise<boolean> {
  const rows = await x.select({ id: instance.id }).from(instance).limit(1);
  return rows.length > 0;
}

/** Claims the instance; returns false when another request already did (unique violation avoided by ON CONFLICT). */
export async function claimInstance(x: Executor): Promise<boolean> {
  const rows = await x.insert(instance).values({ id: 1 }).onConflictDoNothing().returning({ id: instance.id });
  return rows.length === 1;
}

/* ---------- organisations and memberships ---------- */

export async function insertOrganisation(x: Executor, v: { name: string; currency: string }) {
  const [row] = await x.insert(organisations).values(v).returning();
  return row!;
}

export async function insertMembership(x: Executor, v: { orgId: string; userId: string; role: Role }) {
  await x.insert(memberships).values(v).onConflictDoNothing();
}

export async function listUserOrganisations(x: Executor, userId: string) {
  return x
    .select({ id: organisations.id, name: organisations.name, currency: organisations.currency, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function findMembership(x: Executor, orgId: string, userId: string) {
  const [row] = await x
    .select({ role: memberships.role, createdAt: memberships.createdAt })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

export async function findOrganisation(x: Executor, orgId: string) {
  const [row] = await x.select().from(organisations).where(eq(organisations.id, orgId));
  return row ?? null;
}

export async function listMembers(x: Executor, orgId: string) {
  return x
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
}

/** One page of members by (name, user id), `limit + 1` rows so the caller knows whether more follow. */
export async function listMembersPage(x: Executor, orgId: string, limit: number, after: readonly [string, string] | null) {
  const conds = [eq(memberships.orgId, orgId)];
  if (after) conds.push(sql`(${users.name}, ${users.id}) > (${after[0]}, ${after[1]}::uuid)`);
  return x
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conds))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
}

export async function countOwners(x: Executor, orgId: string): Promise<number> {
  const [row] = await x
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')));
  return Number(row?.n ?? 0);
}

export async function updateMembershipRole(x: Executor, orgId: string, userId: string, role: Role) {
  await x.update(memberships).set({ role }).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function deleteMembership(x: Executor, orgId: string, userId: string) {
  await x.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

/* ---------- users ---------- */

export async function findUserByEmail(x: Executor, email: string): Promise<UserRow | null> {
  const [row] = await x
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function findUserById(x: Executor, id: string): Promise<UserRow | null> {
  const [row] = await x.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function insertUser(x: Executor, v: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date | null }) {
  const [row] = await x.insert(users).values(v).returning();
  return row!;
}

export async function updateUserPassword(x: Executor, userId: string, passwordHash: string) {
  await x.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/* ---------- sessions ---------- */

export async function insertSession(
  x: Executor,
  v: { id: string; userId: string; currentOrgId: string | null; csrfToken: string; expiresAt: Date; absoluteExpiresAt: Date },
) {
  await x.insert(sessions).values(v);
}

export async function findSession(x: Executor, id: string): Promise<SessionRow | null> {
  const [row] = await x.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

/** The session and the caller's role in its current organisation, in one round trip. */
export async function findSessionWithRole(x: Executor, id: string) {
  const [row] = await x
    .select({ session: sessions, role: memberships.role })
    .from(sessions)
    .leftJoin(memberships, and(eq(memberships.orgId, sessions.currentOrgId), eq(memberships.userId, sessions.userId)))
    .where(eq(sessions.id, id));
  return row ?? null;
}

export async function deleteSession(x: Executor, id: string) {
  await x.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(x: Executor, userId: string, exceptId?: string) {
  const cond = exceptId
    ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`)
    : eq(sessions.userId, userId);
  await x.delete(sessions).where(cond);
}

/** Ends the sessions of a user that are acting in the given organisation. */
export async function deleteUserSessionsInOrg(x: Executor, userId: string, orgId: string) {
  await x.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.currentOrgId, orgId)));
}

export async function setSessionOrg(x: Executor, id: string, orgId: string | null) {
  await x.update(sessions).set({ currentOrgId: orgId }).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(x: Executor, now: Date): Promise<number> {
  const rows = await x
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Invitations never accepted whose link expired before `before` (kept a while so admins see them as expired). */
export async function deleteStaleInvitations(x: Executor, before: Date): Promise<number> {
  const rows = await x
    .delete(invitations)
    .where(and(isNull(invitations.acceptedAt), lt(invitations.expiresAt, before)))
    .returning({ id: invitations.id });
  return rows.length;
}

/* ---------- invitations ---------- */

export async function insertInvitation(
  x: Executor,
  v: { orgId: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date; mailed?: boolean },
) {
  const [row] = await x.insert(invitations).values(v).returning();
  return row!;
}

export async function findInvitationByTokenHash(x: Executor, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await x.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Marks an invitation used, only if it is still open; returns false when another request won
 * the race, so a single-use link can never be accepted twice.
 */
export async function consumeInvitation(x: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await x
    .update(invitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(invitations.id, id),
        sql`${invitations.acceptedAt} is null`,
        sql`${invitations.revokedAt} is null`,
        sql`${invitations.expiresAt} > ${now.toISOString()}`,
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function setInvitationAcceptedBy(x: Executor, id: string, userId: string) {
  await x.update(invitations).set({ acceptedBy: userId }).where(eq(invitations.id, id));
}

export async function listInvitations(x: Executor, orgId: string) {
  return x.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(desc(invitations.createdAt));
}

/**
 * One page of invitations, newest first by (created_at to the millisecond, id): the cursor carries a
 * JavaScript date, which has no microseconds, so the order and the comparison both truncate.
 */
export async function listInvitationsPage(x: Executor, orgId: string, limit: number, after: readonly [string, string] | null) {
  const at = sql`date_trunc('milliseconds', ${invitations.createdAt})`;
  const conds = [eq(invitations.orgId, orgId)];
  if (after) conds.push(sql`(${at}, ${invitations.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return x
    .select()
    .from(invitations)
    .where(and(...conds))
    .orderBy(desc(at), desc(invitations.id))
    .limit(limit + 1);
}

export async function revokeInvitation(x: Executor, orgId: string, id: string, now: Date): Promise<boolean> {
  const rows = await x
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), sql`${invitations.acceptedAt} is null`, sql`${invitations.revokedAt} is null`))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function findInvitation(x: Executor, orgId: string, id: string) {
  const [row] = await x.select().from(invitations).where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)));
  return row ?? null;
}

/* ---------- people ---------- */

export async function listPeople(x: Executor, orgId: string, includeInactive: boolean): Promise<PersonRow[]> {
  const cond = includeInactive ? eq(people.orgId, orgId) : and(eq(people.orgId, orgId), eq(people.active, true));
  return x.select().from(people).where(cond).orderBy(asc(people.name), asc(people.id));
}

/** One page of the directory by (name, id), fetching `limit + 1` rows so the caller knows whether more follow. */
export async function listPeoplePage(
  x: Executor,
  orgId: string,
  includeInactive: boolean,
  limit: number,
  after: readonly [string, string] | null,
): Promise<PersonRow[]> {
  const conds = [eq(people.orgId, orgId)];
  if (!includeInactive) conds.push(eq(people.active, true));
  if (after) conds.push(sql`(${people.name}, ${people.id}) > (${after[0]}, ${after[1]}::uuid)`);
  return x
    .select()
    .from(people)
    .where(and(...conds))
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit + 1);
}

export async function findPerson(x: Executor, orgId: string, id: string): Promise<PersonRow | null> {
  const [row] = await x.select().from(people).where(and(eq(people.orgId, orgId), eq(people.id, id)));
  return row ?? null;
}

export async function findPersonByEmail(x: Executor, orgId: string, email: string): Promise<PersonRow | null> {
  const [row] = await x
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), sql`lower(${people.email}) = ${email.toLowerCase()}`));
  return row ?? null;
}

export async function existingPeopleEmails(x: Executor, orgId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const lowered = emails.map((e) => e.toLowerCase());
  const rows = await x
    .select({ email: sql<string>`lower(${people.email})` })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(sql`lower(${people.email})`, lowered)));
  return new Set(rows.map((r) => r.email));
}

export async function insertPeople(x: Executor, orgId: string, rows: NewPerson[]): Promise<PersonRow[]> {
  if (rows.length === 0) return [];
  const out: PersonRow[] = [];
  // Chunked so that a large import stays under the engines' bind-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, orgId }));
    out.push(...(await x.insert(people).values(chunk).returning()));
  }
  return out;
}

export async function updatePerson(
  x: Executor,
  orgId: string,
  id: string,
  patch: Partial<Omit<NewPerson, 'userId'>> & { updatedAt: Date },
): Promise<PersonRow | null> {
  const [row] = await x
    .update(people)
    .set(patch)
    .where(and(eq(people.orgId, orgId), eq(people.id, id)))
    .returning();
  return row ?? null;
}

export async function linkPersonToUser(x: Executor, orgId: string, email: string, userId: string) {
  await x
    .update(people)
    .set({ userId })
    .where(and(eq(people.orgId, orgId), sql`lower(${people.email}) = ${email.toLowerCase()}`));
}

/** The chain of managers above a person, to refuse a manager cycle. */
export async function managerChain(x: Executor, orgId: string, startId: string, limit = 1000): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = startId;
  while (current && chain.length < limit) {
    const [row] = await x
      .select({ managerId: people.managerId })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, current)));
    current = row?.managerId ?? null;
    if (current) {
      if (chain.includes(current)) break;
      chain.push(current);
    }
  }
  return chain;
}

/* ---------- audit ---------- */

export async function insertAudit(
  x: Executor,
  v: { orgId: string; actorUserId: string | null; action: string; target?: string | null; details?: Record<string, unknown> | null; at: Date },
) {
  await x.insert(auditLog).values({ ...v, target: v.target ?? null, details: v.details ?? null });
}

/** Newest first; `after` is the (at, id) of the last entry already read, so equal times never skip a row. */
export async function listAudit(x: Executor, orgId: string, limit: number, after?: { at: Date; id: string }) {
  const cond = after
    ? and(eq(auditLog.orgId, orgId), sql`(${auditLog.at}, ${auditLog.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`)
    : eq(auditLog.orgId, orgId);
  return x
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      action: auditLog.action,
      target: auditLog.target,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(cond)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export * from './accounts';
export * from './audit-targets';
