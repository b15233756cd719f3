import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { memberships, users } from '../schema/org';
import { digestSubscriptions } from '../schema/insights';
import { enablers, goals, initiatives } from '../schema/strategy';

export type DigestSubscriptionRow = typeof digestSubscriptions.$inferSelect;

export async function findDigestSubscription(x: Executor, orgId: string, userId: string): Promise<DigestSubscriptionRow | undefined> {
  const [row] = await x.select().from(digestSubscriptions).where(and(eq(digestSubscriptions.orgId, orgId), eq(digestSubscriptions.userId, userId)));
  return row;
}

export async function upsertDigestSubscription(x: Executor, v: Omit<DigestSubscriptionRow, 'lastSentAt'>): Promise<void> {
  await x
    .insert(digestSubscriptions)
    .values(v)
    .onConflictDoUpdate({
      target: [digestSubscriptions.orgId, digestSubscriptions.userId],
      set: { enabled: v.enabled, weekday: v.weekday, hour: v.hour, timeZone: v.timeZone, unsubscribeHash: v.unsubscribeHash, updatedAt: v.updatedAt },
    });
}

/** Turns a subscription off by its unsubscribe hash; true when one was on. */
export async function disableDigestByHash(x: Executor, hash: string, at: Date): Promise<boolean> {
  const rows = await x
    .update(digestSubscriptions)
    .set({ enabled: false, updatedAt: at })
    .where(and(eq(digestSubscriptions.unsubscribeHash, hash), eq(digestSubscriptions.enabled, true)))
    .returning({ userId: digestSubscriptions.userId });
  return rows.length > 0;
}

/** Enabled subscriptions of members who still belong to the organisation, with their address and role. */
export async function listEnabledDigests(x: Executor) {
  return x
    .select({ sub: digestSubscriptions, email: users.email, name: users.name, role: memberships.role })
    .from(digestSubscriptions)
    .innerJoin(users, eq(users.id, digestSubscriptions.userId))
    .innerJoin(memberships, and(eq(memberships.orgId, digestSubscriptions.orgId), eq(memberships.userId, digestSubscriptions.userId)))
    .where(eq(digestSubscriptions.enabled, true));
}

export async function markDigestSent(x: Executor, orgId: string, userId: string, at: Date, unsubscribeHash: string): Promise<void> {
  await x.update(digestSubscriptions).set({ lastSentAt: at, unsubscribeHash }).where(and(eq(digestSubscriptions.orgId, orgId), eq(digestSubscriptions.userId, userId)));
}

/** Goals + initiatives + enablers of an organisation: zero means the roadmap is not in use yet. */
export async function countRoadmapItems(x: Executor, orgId: string): Promise<number> {
  const [r] = await x.select({
    n: sql<number>`((select count(*) from ${goals} where ${goals.orgId} = ${orgId}) + (select count(*) from ${initiatives} where ${initiatives.orgId} = ${orgId}) + (select count(*) from ${enablers} where ${enablers.orgId} = ${orgId}))::int`,
  }).from(sql`(select 1) as one`);
  return Number(r?.n ?? 0);
}
