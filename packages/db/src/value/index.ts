import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { users } from '../schema/org';
import { requestInitiatives, requests } from '../schema/requests';
import { requestCategory } from '../requests';
import { enablerInitiatives, enablers, goals, initiativeGoals, initiatives } from '../schema/strategy';
import { valueBenefits, valueOpportunities } from '../schema/value';

export type BenefitRow = typeof valueBenefits.$inferSelect;
export type NewBenefit = Omit<typeof valueBenefits.$inferInsert, 'id'>;
export type OpportunityRow = typeof valueOpportunities.$inferSelect;
export type NewOpportunity = Omit<typeof valueOpportunities.$inferInsert, 'id' | 'orgId'>;
export interface BenefitWithRecorder extends BenefitRow {
  recorderName: string | null;
}

/** A keyset position: rows strictly after (at, id) in (at desc, id desc) order. */
export interface After {
  at: Date;
  id: string;
}

export async function insertBenefit(x: Executor, v: NewBenefit): Promise<BenefitRow> {
  const [row] = await x.insert(valueBenefits).values(v).returning();
  return row!;
}

export async function insertBenefits(x: Executor, rows: NewBenefit[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await x.insert(valueBenefits).values(rows.slice(i, i + 500));
}

export async function findBenefit(x: Executor, orgId: string, id: string): Promise<BenefitWithRecorder | undefined> {
  const [row] = await x
    .select({ b: valueBenefits, recorderName: users.name })
    .from(valueBenefits)
    .leftJoin(users, eq(users.id, valueBenefits.recordedBy))
    .where(and(eq(valueBenefits.orgId, orgId), eq(valueBenefits.id, id)));
  return row ? { ...row.b, recorderName: row.recorderName } : undefined;
}

export async function deleteBenefit(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(valueBenefits).where(and(eq(valueBenefits.orgId, orgId), eq(valueBenefits.id, id))).returning({ id: valueBenefits.id });
  return rows.length > 0;
}

/** Newest recordings first, `limit + 1` rows for the pager. */
export async function listBenefits(x: Executor, orgId: string, f: { initiativeId?: string; after?: After; limit: number }): Promise<BenefitWithRecorder[]> {
  const rows = await x
    .select({ b: valueBenefits, recorderName: users.name })
    .from(valueBenefits)
    .leftJoin(users, eq(users.id, valueBenefits.recordedBy))
    .where(
      and(
        eq(valueBenefits.orgId, orgId),
        f.initiativeId ? eq(valueBenefits.initiativeId, f.initiativeId) : undefined,
        f.after ? or(lt(valueBenefits.recordedAt, f.after.at), and(eq(valueBenefits.recordedAt, f.after.at), lt(valueBenefits.id, f.after.id))) : undefined,
      ),
    )
    .orderBy(desc(valueBenefits.recordedAt), desc(valueBenefits.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.b, recorderName: r.recorderName }));
}

/**
 * Sums per initiative, kind and quarter of one year (the summary reads nothing else); with
 * `recordedBy`, only the entries recorded by then (the summary as it stood on that day).
 */
export async function benefitSums(x: Executor, orgId: string, year: number, recordedBy?: Date) {
  const rows = await x
    .select({
      initiativeId: valueBenefits.initiativeId,
      kind: valueBenefits.kind,
      quarter: valueBenefits.quarter,
      planned: sql<string | number | null>`sum(${valueBenefits.planned})`,
      plannedCount: sql<number>`count(${valueBenefits.planned})::int`,
      realised: sql<string | number | null>`sum(${valueBenefits.realised})`,
    })
    .from(valueBenefits)
    .where(and(eq(valueBenefits.orgId, orgId), eq(valueBenefits.year, year), recordedBy ? lte(valueBenefits.recordedAt, recordedBy) : undefined))
    .groupBy(valueBenefits.initiativeId, valueBenefits.kind, valueBenefits.quarter);
  return rows.map((r) => ({ ...r, planned: r.planned === null ? null : Number(r.planned), realised: r.realised === null ? null : Number(r.realised), plannedCount: Number(r.plannedCount) }));
}

export async function initiativeTitles(x: Executor, orgId: string, ids?: string[]): Promise<{ id: string; title: string }[]> {
  if (ids && !ids.length) return [];
  return x
    .select({ id: initiatives.id, title: initiatives.title })
    .from(initiatives)
    .where(and(eq(initiatives.orgId, orgId), ids ? inArray(initiatives.id, ids) : undefined))
    .orderBy(asc(initiatives.title));
}

/** Ids of the organisation's initiatives that at least one technical enabler serves. */
export async function initiativesWithEnablers(x: Executor, orgId: string): Promise<Set<string>> {
  const rows = await x.selectDistinct({ id: enablerInitiatives.initiativeId }).from(enablerInitiatives).where(eq(enablerInitiatives.orgId, orgId));
  return new Set(rows.map((r) => r.id));
}

/** Goals, the initiatives serving them, their enablers and their requests still in flight: the plan tree. */
export async function loadPlanTree(x: Executor, orgId: string) {
  const [goalRows, links, enablerLinks, requestLinks] = await Promise.all([
    x.select({ id: goals.id, title: goals.title }).from(goals).where(eq(goals.orgId, orgId)).orderBy(asc(goals.title)),
    x.select({ initiativeId: initiativeGoals.initiativeId, goalId: initiativeGoals.goalId }).from(initiativeGoals).where(eq(initiativeGoals.orgId, orgId)),
    x
      .select({ initiativeId: enablerInitiatives.initiativeId, id: enablers.id, title: enablers.title, status: enablers.status })
      .from(enablerInitiatives)
      .innerJoin(enablers, and(eq(enablers.orgId, enablerInitiatives.orgId), eq(enablers.id, enablerInitiatives.enablerId)))
      .where(eq(enablerInitiatives.orgId, orgId))
      .orderBy(asc(enablers.title)),
    x
      .select({ initiativeId: requestInitiatives.initiativeId, id: requests.id, title: requests.title, status: requests.status, valueAmount: requests.valueAmount })
      .from(requestInitiatives)
      .innerJoin(requests, and(eq(requests.orgId, requestInitiatives.orgId), eq(requests.id, requestInitiatives.requestId)))
      .where(and(eq(requestInitiatives.orgId, orgId), inArray(requestCategory, ['new', 'triaged', 'in_progress'])))
      .orderBy(asc(requests.createdOn)),
  ]);
  return { goals: goalRows, links, enablers: enablerLinks, requests: requestLinks.map((r) => ({ ...r, valueAmount: r.valueAmount === null ? null : Number(r.valueAmount) })) };
}

/* ---------- opportunities ---------- */

export async function insertOpportunity(x: Executor, orgId: string, v: NewOpportunity): Promise<OpportunityRow> {
  const [row] = await x.insert(valueOpportunities).values({ ...v, orgId }).returning();
  return row!;
}

export async function findOpportunity(x: Executor, orgId: string, id: string): Promise<OpportunityRow | undefined> {
  const [row] = await x.select().from(valueOpportunities).where(and(eq(valueOpportunities.orgId, orgId), eq(valueOpportunities.id, id)));
  return row;
}

export async function updateOpportunity(x: Executor, orgId: string, id: string, patch: Partial<NewOpportunity>): Promise<OpportunityRow | undefined> {
  const [row] = await x.update(valueOpportunities).set(patch).where(and(eq(valueOpportunities.orgId, orgId), eq(valueOpportunities.id, id))).returning();
  return row;
}

export async function deleteOpportunity(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(valueOpportunities).where(and(eq(valueOpportunities.orgId, orgId), eq(valueOpportunities.id, id))).returning({ id: valueOpportunities.id });
  return rows.length > 0;
}

export async function listOpportunities(x: Executor, orgId: string, f: { status?: OpportunityRow['status']; after?: After; limit: number }): Promise<OpportunityRow[]> {
  return x
    .select()
    .from(valueOpportunities)
    .where(
      and(
        eq(valueOpportunities.orgId, orgId),
        f.status ? eq(valueOpportunities.status, f.status) : undefined,
        f.after ? or(lt(valueOpportunities.createdAt, f.after.at), and(eq(valueOpportunities.createdAt, f.after.at), lt(valueOpportunities.id, f.after.id))) : undefined,
      ),
    )
    .orderBy(desc(valueOpportunities.createdAt), desc(valueOpportunities.id))
    .limit(f.limit + 1);
}
