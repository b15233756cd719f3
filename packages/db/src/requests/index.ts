import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import {
  deferredNeedEvents,
  deferredNeeds,
  forecastLog,
  referenceProjects,
  requestGoals,
  requestInitiatives,
  requestLadderRungs,
  requestTransitions,
  requests,
} from '../schema/requests';

export * from './deferred-cost';

export type RequestRow = typeof requests.$inferSelect;
export type NewRequest = Omit<typeof requests.$inferInsert, 'orgId' | 'id'>;
export type RequestTransitionRow = typeof requestTransitions.$inferSelect;
export type RequestLadderRungRow = typeof requestLadderRungs.$inferSelect;
export type ReferenceProjectRow = typeof referenceProjects.$inferSelect;
export type DeferredNeedRow = typeof deferredNeeds.$inferSelect;
export type NewDeferredNeed = Omit<typeof deferredNeeds.$inferInsert, 'orgId' | 'id'>;
export type DeferredNeedEventRow = typeof deferredNeedEvents.$inferSelect;
export type ForecastLogRow = typeof forecastLog.$inferSelect;

async function chunked<T, R>(rows: T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await run(rows.slice(i, i + size))));
  return out;
}

/* ---------- requests ---------- */

export async function insertRequests(x: Executor, orgId: string, rows: NewRequest[]): Promise<RequestRow[]> {
  if (!rows.length) return [];
  return chunked(rows, 500, (c) => x.insert(requests).values(c.map((r) => ({ ...r, orgId }))).returning());
}

export async function findRequest(x: Executor, orgId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await x.select().from(requests).where(and(eq(requests.orgId, orgId), eq(requests.id, id)));
  return row;
}

export interface RequestFilter {
  status?: string | undefined;
  side?: string | undefined;
  type?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of requests, newest first, with the total that matches the filter. */
export async function listRequests(x: Executor, orgId: string, f: RequestFilter): Promise<{ rows: RequestRow[]; total: number }> {
  const where = and(
    eq(requests.orgId, orgId),
    f.status ? eq(requests.status, f.status as RequestRow['status']) : undefined,
    f.side ? eq(requests.side, f.side as RequestRow['side']) : undefined,
    f.type ? eq(requests.type, f.type as RequestRow['type']) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    x.select().from(requests).where(where).orderBy(desc(requests.createdOn), desc(requests.createdAt), asc(requests.id)).limit(f.limit).offset(f.offset),
    x.select({ n: sql<number>`count(*)::int` }).from(requests).where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function updateRequest(x: Executor, orgId: string, id: string, patch: Partial<NewRequest>): Promise<RequestRow | undefined> {
  const [row] = await x.update(requests).set(patch).where(and(eq(requests.orgId, orgId), eq(requests.id, id))).returning();
  return row;
}

export async function deleteRequest(x: Executor, orgId: string, id: string): Promise<void> {
  await x.delete(requests).where(and(eq(requests.orgId, orgId), eq(requests.id, id)));
}

export async function linksOfRequests(x: Executor, orgId: string, ids: string[]) {
  if (!ids.length) return { initiatives: [], goals: [] };
  const [i, g] = await Promise.all([
    x.select({ requestId: requestInitiatives.requestId, id: requestInitiatives.initiativeId }).from(requestInitiatives).where(and(eq(requestInitiatives.orgId, orgId), inArray(requestInitiatives.requestId, ids))),
    x.select({ requestId: requestGoals.requestId, id: requestGoals.goalId }).from(requestGoals).where(and(eq(requestGoals.orgId, orgId), inArray(requestGoals.requestId, ids))),
  ]);
  return { initiatives: i, goals: g };
}

export async function replaceRequestLinks(x: Executor, orgId: string, requestId: string, initiativeIds: string[] | undefined, goalIds: string[] | undefined) {
  if (initiativeIds) {
    await x.delete(requestInitiatives).where(and(eq(requestInitiatives.orgId, orgId), eq(requestInitiatives.requestId, requestId)));
    if (initiativeIds.length) await x.insert(requestInitiatives).values(initiativeIds.map((initiativeId) => ({ orgId, requestId, initiativeId })));
  }
  if (goalIds) {
    await x.delete(requestGoals).where(and(eq(requestGoals.orgId, orgId), eq(requestGoals.requestId, requestId)));
    if (goalIds.length) await x.insert(requestGoals).values(goalIds.map((goalId) => ({ orgId, requestId, goalId })));
  }
}

export async function insertTransitions(x: Executor, orgId: string, rows: Omit<typeof requestTransitions.$inferInsert, 'orgId' | 'id'>[]) {
  if (!rows.length) return;
  await chunked(rows, 500, (c) => x.insert(requestTransitions).values(c.map((r) => ({ ...r, orgId }))).returning({ id: requestTransitions.id }));
}

export async function listTransitions(x: Executor, orgId: string, requestId: string): Promise<RequestTransitionRow[]> {
  return x
    .select()
    .from(requestTransitions)
    .where(and(eq(requestTransitions.orgId, orgId), eq(requestTransitions.requestId, requestId)))
    .orderBy(asc(requestTransitions.at), asc(requestTransitions.id))
    .limit(1000);
}

export async function listRequestLadder(x: Executor, orgId: string, requestId: string): Promise<RequestLadderRungRow[]> {
  return x.select().from(requestLadderRungs).where(and(eq(requestLadderRungs.orgId, orgId), eq(requestLadderRungs.requestId, requestId)));
}

export async function replaceRequestLadder(
  x: Executor,
  orgId: string,
  requestId: string,
  rungs: { rung: RequestLadderRungRow['rung']; deliverable: string; dueDate: string | null; done: boolean }[],
): Promise<RequestLadderRungRow[]> {
  await x.delete(requestLadderRungs).where(and(eq(requestLadderRungs.orgId, orgId), eq(requestLadderRungs.requestId, requestId)));
  if (!rungs.length) return [];
  return x.insert(requestLadderRungs).values(rungs.map((r) => ({ ...r, orgId, requestId }))).returning();
}

/* ---------- analytics: only the columns the maths needs ---------- */

/**
 * Lead times (done − created, whole days) of the requests done within [from, to] as histograms:
 * one row per (group, lead time) with its count, so that 50,000 requests travel as a few hundred
 * rows. Cycle times (done − started) likewise, over the requests with a start day.
 */
export async function leadTimeHistograms(x: Executor, orgId: string, from: string, to: string) {
  const where = and(eq(requests.orgId, orgId), isNotNull(requests.doneOn), gte(requests.doneOn, from), lte(requests.doneOn, to));
  const lead = sql<number>`(${requests.doneOn} - ${requests.createdOn})`;
  const n = sql<number>`count(*)::int`;
  const [byType, bySide, byDepartment, cycle] = await Promise.all([
    x.select({ key: requests.type, days: lead, n }).from(requests).where(where).groupBy(requests.type, lead),
    x.select({ key: requests.side, days: lead, n }).from(requests).where(where).groupBy(requests.side, lead),
    x.select({ key: requests.department, days: lead, n }).from(requests).where(where).groupBy(requests.department, lead),
    x
      .select({ days: sql<number>`(${requests.doneOn} - ${requests.startedOn})`, n })
      .from(requests)
      .where(and(where, isNotNull(requests.startedOn)))
      .groupBy(sql`(${requests.doneOn} - ${requests.startedOn})`),
  ]);
  const num = <T extends { days: number; n: number }>(rows: T[]) => rows.map((r) => ({ ...r, days: Number(r.days), n: Number(r.n) }));
  return { byType: num(byType), bySide: num(bySide), byDepartment: num(byDepartment), cycle: num(cycle) };
}

/** The `limit` most recently done requests of [from, to], for the lead-time scatter. */
export async function recentlyDone(x: Executor, orgId: string, from: string, to: string, limit: number) {
  return x
    .select({ id: requests.id, title: requests.title, type: requests.type, side: requests.side, createdOn: requests.createdOn, startedOn: requests.startedOn, doneOn: requests.doneOn })
    .from(requests)
    .where(and(eq(requests.orgId, orgId), isNotNull(requests.doneOn), gte(requests.doneOn, from), lte(requests.doneOn, to)))
    .orderBy(desc(requests.doneOn), asc(requests.id))
    .limit(limit);
}

/** Requests still open on `asOf`: created by then, not rejected, and not done by then. */
const openWhere = (orgId: string, asOf: string) =>
  and(eq(requests.orgId, orgId), lte(requests.createdOn, asOf), ne(requests.status, 'rejected'), or(isNull(requests.doneOn), sql`${requests.doneOn} > ${asOf}`));

/** The `limit` oldest requests open on `asOf`. */
export async function openOn(x: Executor, orgId: string, asOf: string, limit: number) {
  return x
    .select({ id: requests.id, title: requests.title, status: requests.status, type: requests.type, createdOn: requests.createdOn })
    .from(requests)
    .where(openWhere(orgId, asOf))
    .orderBy(asc(requests.createdOn), asc(requests.id))
    .limit(limit);
}

export async function countOpenOn(x: Executor, orgId: string, asOf: string): Promise<number> {
  const [r] = await x.select({ n: sql<number>`count(*)::int` }).from(requests).where(openWhere(orgId, asOf));
  return Number(r?.n ?? 0);
}

/** Daily done counts from `from` (inclusive) to `to` (exclusive). */
export async function doneCountsByDay(x: Executor, orgId: string, from: string, to: string): Promise<{ day: string; n: number }[]> {
  const rows = await x
    .select({ day: requests.doneOn, n: sql<number>`count(*)::int` })
    .from(requests)
    .where(and(eq(requests.orgId, orgId), isNotNull(requests.doneOn), gte(requests.doneOn, from), lt(requests.doneOn, to)))
    .groupBy(requests.doneOn);
  return rows.map((r) => ({ day: r.day!, n: Number(r.n) }));
}

/** Weekly counts of arrivals, starts and completions in [from, to] for the cumulative flow diagram. */
export async function flowCountsByDay(x: Executor, orgId: string, from: string, to: string) {
  const q = (col: typeof requests.createdOn | typeof requests.startedOn | typeof requests.doneOn) =>
    x
      .select({ day: col, n: sql<number>`count(*)::int` })
      .from(requests)
      .where(and(eq(requests.orgId, orgId), isNotNull(col), gte(col, from), lte(col, to)))
      .groupBy(col);
  const before = (col: typeof requests.createdOn | typeof requests.startedOn | typeof requests.doneOn) =>
    x.select({ n: sql<number>`count(*)::int` }).from(requests).where(and(eq(requests.orgId, orgId), isNotNull(col), lt(col, from)));
  const [a, s, d, [a0], [s0], [d0]] = await Promise.all([q(requests.createdOn), q(requests.startedOn), q(requests.doneOn), before(requests.createdOn), before(requests.startedOn), before(requests.doneOn)]);
  const m = (rows: { day: string | null; n: number }[]) => rows.map((r) => ({ day: r.day!, n: Number(r.n) }));
  return { arrived: m(a), started: m(s), done: m(d), before: { arrived: Number(a0?.n ?? 0), started: Number(s0?.n ?? 0), done: Number(d0?.n ?? 0) } };
}

/** Done days of the requests done after `asOf` (inclusive of the next day), oldest first, up to `limit`. */
export async function doneDaysAfter(x: Executor, orgId: string, asOf: string, limit: number): Promise<string[]> {
  const rows = await x
    .select({ d: requests.doneOn })
    .from(requests)
    .where(and(eq(requests.orgId, orgId), isNotNull(requests.doneOn), sql`${requests.doneOn} > ${asOf}`))
    .orderBy(asc(requests.doneOn))
    .limit(limit);
  return rows.map((r) => r.d!);
}

export async function countDoneBetween(x: Executor, orgId: string, afterDay: string, upToDay: string): Promise<number> {
  const [r] = await x
    .select({ n: sql<number>`count(*)::int` })
    .from(requests)
    .where(and(eq(requests.orgId, orgId), isNotNull(requests.doneOn), sql`${requests.doneOn} > ${afterDay}`, lte(requests.doneOn, upToDay)));
  return Number(r?.n ?? 0);
}

/* ---------- reference class ---------- */

export async function insertReferenceProjects(x: Executor, orgId: string, rows: { title: string; estimateDays: number; actualDays: number; createdAt?: Date }[]) {
  if (!rows.length) return [];
  return x.insert(referenceProjects).values(rows.map((r) => ({ ...r, orgId }))).returning();
}

export async function listReferenceProjects(x: Executor, orgId: string, limit: number): Promise<ReferenceProjectRow[]> {
  return x.select().from(referenceProjects).where(eq(referenceProjects.orgId, orgId)).orderBy(asc(referenceProjects.createdAt), asc(referenceProjects.id)).limit(limit);
}

export async function deleteReferenceProject(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(referenceProjects).where(and(eq(referenceProjects.orgId, orgId), eq(referenceProjects.id, id))).returning({ id: referenceProjects.id });
  return rows.length > 0;
}

/* ---------- deferred needs ---------- */

export async function insertDeferredNeeds(x: Executor, orgId: string, rows: NewDeferredNeed[]): Promise<DeferredNeedRow[]> {
  if (!rows.length) return [];
  return x.insert(deferredNeeds).values(rows.map((r) => ({ ...r, orgId }))).returning();
}

export async function findDeferredNeed(x: Executor, orgId: string, id: string): Promise<DeferredNeedRow | undefined> {
  const [row] = await x.select().from(deferredNeeds).where(and(eq(deferredNeeds.orgId, orgId), eq(deferredNeeds.id, id)));
  return row;
}

export async function listDeferredNeeds(x: Executor, orgId: string, includeResolved: boolean, limit: number): Promise<DeferredNeedRow[]> {
  return x
    .select()
    .from(deferredNeeds)
    .where(and(eq(deferredNeeds.orgId, orgId), includeResolved ? undefined : isNotNull(deferredNeeds.deferredOn)))
    .orderBy(asc(deferredNeeds.deferredOn), asc(deferredNeeds.title), asc(deferredNeeds.id))
    .limit(limit);
}

export async function updateDeferredNeed(x: Executor, orgId: string, id: string, patch: Partial<NewDeferredNeed>): Promise<DeferredNeedRow | undefined> {
  const [row] = await x.update(deferredNeeds).set(patch).where(and(eq(deferredNeeds.orgId, orgId), eq(deferredNeeds.id, id))).returning();
  return row;
}

export async function deleteDeferredNeed(x: Executor, orgId: string, id: string): Promise<void> {
  await x.delete(deferredNeeds).where(and(eq(deferredNeeds.orgId, orgId), eq(deferredNeeds.id, id)));
}

export async function insertDeferredNeedEvents(x: Executor, orgId: string, rows: Omit<typeof deferredNeedEvents.$inferInsert, 'orgId' | 'id'>[]) {
  if (!rows.length) return;
  await x.insert(deferredNeedEvents).values(rows.map((r) => ({ ...r, orgId })));
}

export async function listDeferredNeedEvents(x: Executor, orgId: string, needId: string): Promise<DeferredNeedEventRow[]> {
  return x
    .select()
    .from(deferredNeedEvents)
    .where(and(eq(deferredNeedEvents.orgId, orgId), eq(deferredNeedEvents.needId, needId)))
    .orderBy(asc(deferredNeedEvents.at), asc(deferredNeedEvents.id))
    .limit(1000);
}

/* ---------- forecast log ---------- */

export async function insertForecastLog(x: Executor, orgId: string, row: Omit<typeof forecastLog.$inferInsert, 'orgId' | 'id'>): Promise<ForecastLogRow> {
  const [r] = await x.insert(forecastLog).values({ ...row, orgId }).returning();
  return r!;
}

export async function listForecastLog(x: Executor, orgId: string, limit: number): Promise<ForecastLogRow[]> {
  return x.select().from(forecastLog).where(eq(forecastLog.orgId, orgId)).orderBy(desc(forecastLog.at), desc(forecastLog.id)).limit(limit);
}
