import { and, desc, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { memberships, organisations } from '../schema/org';
import { apiTokens, oidcLogins, ssoConfigs, webhookDeliveries, webhookEventKeys, webhooks } from '../schema/integrations';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type SsoConfigRow = typeof ssoConfigs.$inferSelect;
export type OidcLoginRow = typeof oidcLogins.$inferSelect;

/* ---------- API tokens ---------- */

export async function insertApiToken(x: Executor, v: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await x.insert(apiTokens).values(v).returning();
  return row!;
}

/** A user's tokens in one organisation, newest first, keyset-paged by (createdAt, id). */
export async function listApiTokens(x: Executor, orgId: string, userId: string, limit: number, after?: { at: Date; id: string }): Promise<ApiTokenRow[]> {
  const keyset = after ? or(lt(apiTokens.createdAt, after.at), and(eq(apiTokens.createdAt, after.at), lt(apiTokens.id, after.id))) : undefined;
  return x
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), keyset))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit);
}

export async function revokeApiToken(x: Executor, orgId: string, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await x
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), eq(apiTokens.id, id)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

/**
 * A live token (not revoked, not expired) with its holder's current role in the token's
 * organisation (null when the membership has ended since). One query per bearer request.
 */
export async function findLiveApiToken(x: Executor, tokenHash: string, now: Date) {
  const [row] = await x
    .select({ token: apiTokens, role: memberships.role })
    .from(apiTokens)
    .leftJoin(memberships, and(eq(memberships.orgId, apiTokens.orgId), eq(memberships.userId, apiTokens.userId)))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
  return row ?? null;
}

/** Records the last use; callers do it at most once a minute per token, so reads cost no write each. */
export async function touchApiToken(x: Executor, id: string, at: Date) {
  await x.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

/* ---------- webhooks ---------- */

export async function insertWebhook(x: Executor, v: typeof webhooks.$inferInsert): Promise<WebhookRow> {
  const [row] = await x.insert(webhooks).values(v).returning();
  return row!;
}

export async function findWebhook(x: Executor, orgId: string, id: string): Promise<WebhookRow | null> {
  const [row] = await x.select().from(webhooks).where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id)));
  return row ?? null;
}

export async function listWebhooks(x: Executor, orgId: string, limit: number, after?: { at: Date; id: string }): Promise<WebhookRow[]> {
  const keyset = after ? or(lt(webhooks.createdAt, after.at), and(eq(webhooks.createdAt, after.at), lt(webhooks.id, after.id))) : undefined;
  return x
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.orgId, orgId), keyset))
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(limit);
}

/** Changes a webhook's kind, URL, events, secret or active flag; null when it is not this organisation's. */
export async function updateWebhook(
  x: Executor,
  orgId: string,
  id: string,
  patch: Partial<Pick<typeof webhooks.$inferInsert, 'kind' | 'url' | 'events' | 'secretEnc' | 'active'>>,
): Promise<WebhookRow | null> {
  const [row] = await x
    .update(webhooks)
    .set(patch)
    .where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteWebhook(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(webhooks).where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id))).returning({ id: webhooks.id });
  return rows.length === 1;
}

/** The active webhooks of an organisation subscribed to an event. */
export async function webhooksForEvent(x: Executor, orgId: string, event: string): Promise<WebhookRow[]> {
  return x
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.orgId, orgId), eq(webhooks.active, true), sql`${webhooks.events} @> ${JSON.stringify([event])}::jsonb`));
}

export async function insertDeliveries(x: Executor, rows: Array<typeof webhookDeliveries.$inferInsert>): Promise<WebhookDeliveryRow[]> {
  if (!rows.length) return [];
  return x.insert(webhookDeliveries).values(rows).returning();
}

export async function listDeliveries(x: Executor, orgId: string, webhookId: string, limit: number, after?: { at: Date; id: string }): Promise<WebhookDeliveryRow[]> {
  const d = webhookDeliveries;
  const keyset = after ? or(lt(d.createdAt, after.at), and(eq(d.createdAt, after.at), lt(d.id, after.id))) : undefined;
  return x
    .select()
    .from(d)
    .where(and(eq(d.orgId, orgId), eq(d.webhookId, webhookId), keyset))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(limit);
}

/**
 * Claims one due delivery: the row is locked with FOR UPDATE SKIP LOCKED (another instance
 * claiming at the same moment takes the next row instead of waiting) and leased by moving its
 * next attempt `leaseMs` ahead, so the network call happens outside any transaction and no other
 * instance picks the row up while it is being sent.
 */
export async function claimDueDelivery(x: Executor, now: Date, leaseMs: number): Promise<{ delivery: WebhookDeliveryRow; webhook: WebhookRow } | null> {
  const d = webhookDeliveries;
  const lease = new Date(now.getTime() + leaseMs);
  const claimed = await x.execute<{ id: string }>(sql`
    update ${d} set next_attempt_at = ${lease.toISOString()}::timestamptz, attempts = ${d.attempts} + 1
    where ${d.id} = (
      select id from ${d}
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
        and exists (select 1 from ${webhooks} w where w.id = webhook_id and w.active)
      order by next_attempt_at, id
      limit 1
      for update skip locked
    )
    returning id`);
  const id = (claimed as unknown as { rows: { id: string }[] }).rows[0]?.id;
  if (!id) return null;
  const [row] = await x.select({ delivery: d, webhook: webhooks }).from(d).innerJoin(webhooks, eq(webhooks.id, d.webhookId)).where(eq(d.id, id));
  return row ?? null;
}

export async function recordDeliveryAttempt(
  x: Executor,
  id: string,
  v: { status: 'pending' | 'delivered' | 'failed'; at: Date; statusCode: number | null; error: string | null; nextAttemptAt: Date },
) {
  await x
    .update(webhookDeliveries)
    .set({
      status: v.status,
      lastAttemptAt: v.at,
      lastStatusCode: v.statusCode,
      lastError: v.error,
      nextAttemptAt: v.nextAttemptAt,
      deliveredAt: v.status === 'delivered' ? v.at : null,
    })
    .where(eq(webhookDeliveries.id, id));
}

/** The latest delivery of each of an organisation's webhooks (for the list's "last status"). */
export async function lastDeliveries(x: Executor, orgId: string): Promise<WebhookDeliveryRow[]> {
  const d = webhookDeliveries;
  return x
    .selectDistinctOn([d.webhookId])
    .from(d)
    .where(eq(d.orgId, orgId))
    .orderBy(d.webhookId, desc(d.createdAt), desc(d.id));
}

/**
 * Marks an event as emitted once (an event with no user action behind it, such as a deferred
 * need passing its cost, found by a job that runs again and again). True only the first time.
 */
export async function markEventOnce(x: Executor, orgId: string, key: string, at: Date): Promise<boolean> {
  const rows = await x.insert(webhookEventKeys).values({ orgId, key, createdAt: at }).onConflictDoNothing().returning({ key: webhookEventKeys.key });
  return rows.length === 1;
}

/* ---------- single sign-on ---------- */

export async function findSsoConfig(x: Executor, orgId: string): Promise<SsoConfigRow | null> {
  const [row] = await x.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, orgId));
  return row ?? null;
}

export async function findSsoConfigBySlug(x: Executor, slug: string): Promise<SsoConfigRow | null> {
  const [row] = await x.select().from(ssoConfigs).where(eq(ssoConfigs.slug, slug));
  return row ?? null;
}

/** The organisations whose SSO allows an e-mail domain (the login page's "sign in with your company"). */
export async function findSsoConfigsByDomain(x: Executor, domain: string) {
  return x
    .select({ slug: ssoConfigs.slug, name: organisations.name, required: ssoConfigs.required })
    .from(ssoConfigs)
    .innerJoin(organisations, eq(organisations.id, ssoConfigs.orgId))
    .where(sql`${ssoConfigs.allowedDomains} @> ${JSON.stringify([domain.toLowerCase()])}::jsonb`);
}

export async function slugTaken(x: Executor, slug: string, exceptOrgId: string): Promise<boolean> {
  const [row] = await x
    .select({ orgId: ssoConfigs.orgId })
    .from(ssoConfigs)
    .where(and(eq(ssoConfigs.slug, slug), sql`${ssoConfigs.orgId} <> ${exceptOrgId}`));
  return !!row;
}

export async function upsertSsoConfig(x: Executor, v: typeof ssoConfigs.$inferInsert): Promise<SsoConfigRow> {
  const { orgId: _orgId, ...rest } = v;
  const [row] = await x.insert(ssoConfigs).values(v).onConflictDoUpdate({ target: ssoConfigs.orgId, set: rest }).returning();
  return row!;
}

/**
 * Whether password sign-in is off for this user: a member (not an owner) of some organisation
 * that requires SSO (decision 123: owners keep the password as the recovery path).
 */
export async function passwordSignInBlocked(x: Executor, userId: string): Promise<boolean> {
  const [row] = await x
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .innerJoin(ssoConfigs, eq(ssoConfigs.orgId, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(ssoConfigs.required, true), sql`${memberships.role} <> 'owner'`))
    .limit(1);
  return !!row;
}

export async function insertOidcLogin(x: Executor, v: OidcLoginRow) {
  await x.insert(oidcLogins).values(v);
}

/** Takes (reads and deletes) a sign-in in flight: a state works once. */
export async function takeOidcLogin(x: Executor, stateHash: string, now: Date): Promise<OidcLoginRow | null> {
  const [row] = await x.delete(oidcLogins).where(eq(oidcLogins.stateHash, stateHash)).returning();
  if (!row || row.expiresAt <= now) return null;
  return row;
}

export async function purgeOidcLogins(x: Executor, now: Date) {
  await x.delete(oidcLogins).where(lte(oidcLogins.expiresAt, now));
}
