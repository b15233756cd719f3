import { and, asc, desc, eq, getTableColumns, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client';
import {
  deferredNeedEvents,
  deferredNeeds,
  forecastLog,
  forecastLogRequests,
  requestFlowStatuses,
  requestFlowTransitions,
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
export type RequestFlowStatusRow = typeof requestFlowStatuses.$inferSelect;

/**
 * The status category of a request: `status_category`, or for rows written before the flow was
 * configurable the status itself (a default-flow key is its own category; decision 055).
 */
export const requestCategory = sql<string>`coalesce(${requests.statusCategory}, ${requests.status})`;

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
  category?: string | undefined;
  side?: string | undefined;
  type?: string | undefined;
}

const filterWhere = (orgId: string, f: RequestFilter) =>
  and(
    eq(requests.orgId, orgId),
    f.status ? eq(requests.status, f.status) : undefined,
    f.category ? sql`${requestCategory} = ${f.category}` : undefined,
    f.side ? eq(requests.side, f.side as RequestRow['side']) : undefined,
    f.type ? eq(requests.type, f.type as RequestRow['type']) : undefined,
  );

/** Milliseconds are what a cursor carries: order and compare on them so that a page boundary is exact. */
const createdMs = sql`date_trunc('milliseconds', ${requests.createdAt})`;

/**
 * One page of requests, newest first (created day, then time of filing, then id), `limit + 1` rows
 * so that the caller knows whether another page follows; `after` is the key of the last row seen.
 */
export async function listRequests(x: Executor, orgId: string, f: RequestFilter, limit: number, after?: { createdOn: string; createdAt: string; id: string }): Promise<RequestRow[]> {
  return x
    .select()
    .from(requests)
    .where(and(filterWhere(orgId, f), after ? sql`(${requests.createdOn}, ${createdMs}, ${requests.id}) < (${after.createdOn}::date, ${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(desc(requests.createdOn), desc(createdMs), desc(requests.id))
    .limit(limit + 1);
}

export async function countRequests(x: Executor, orgId: string, f: RequestFilter): Promise<number> {
  const [r] = await x.select({ n: sql<number>`count(*)::int` }).from(requests).where(filterWhere(orgId, f));
  return Number(r?.n ?? 0);
}

/** The ids of the requests of a filter that are still open (not done, not rejected), at most `limit`. */
export async function openRequestIds(x: Executor, orgId: string, f: RequestFilter, limit: number): Promise<string[]> {
  const rows = await x
    .select({ id: requests.id })
    .from(requests)
    .where(and(filterWhere(orgId, f), sql`${requestCategory} not in ('done','rejected')`))
    .orderBy(asc(requests.createdOn), asc(requests.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The done day and category of the given requests of the organisation (those that exist). */
export async function requestOutcomes(x: Executor, orgId: string, ids: string[]): Promise<{ id: string; doneOn: string | null; category: string }[]> {
  if (!ids.length) return [];
  return chunked(ids, 1000, (c) =>
    x.select({ id: requests.id, doneOn: requests.doneOn, category: requestCategory }).from(requests).where(and(eq(requests.orgId, orgId), inArray(requests.id, c))),
  );
}

/* ---------- the organisation's flow ---------- */

/** The stored flow of an organisation; no statuses means it uses the default flow. */
export async function loadRequestFlow(x: Executor, orgId: string) {
  const [statuses, transitions] = await Promise.all([
    x
      .select({ key: requestFlowStatuses.key, label: requestFlowStatuses.label, category: requestFlowStatuses.category })
      .from(requestFlowStatuses)
      .where(eq(requestFlowStatuses.orgId, orgId))
      .orderBy(asc(requestFlowStatuses.position), asc(requestFlowStatuses.key)),
    x
      .select({ from: requestFlowTransitions.fromKey, to: requestFlowTransitions.toKey })
      .from(requestFlowTransitions)
      .where(eq(requestFlowTransitions.orgId, orgId))
      .orderBy(asc(requestFlowTransitions.fromKey), asc(requestFlowTransitions.toKey)),
  ]);
  return { statuses, transitions };
}

/** Replaces the organisation's flow (statuses in the given order, and the allowed moves). */
export async function replaceRequestFlow(
  x: Executor,
  orgId: string,
  flow: { statuses: readonly { key: string; label: string; category: RequestFlowStatusRow['category'] }[]; transitions: readonly { from: string; to: string }[] },
): Promise<void> {
  await x.delete(requestFlowStatuses).where(eq(requestFlowStatuses.orgId, orgId));
  if (flow.statuses.length) await x.insert(requestFlowStatuses).values(flow.statuses.map((s, i) => ({ orgId, key: s.key, label: s.label, category: s.category, position: i })));
  if (flow.transitions.length) await x.insert(requestFlowTransitions).values(flow.transitions.map((t) => ({ orgId, fromKey: t.from, toKey: t.to })));
}

/** How many requests hold each status (and under which category they were filed). */
export async function countRequestsByStatus(x: Executor, orgId: string): Promise<{ status: string; category: string; n: number }[]> {
  const rows = await x
    .select({ status: requests.status, category: requestCategory, n: sql<number>`count(*)::int` })
    .from(requests)
    .where(eq(requests.orgId, orgId))
    .groupBy(requests.status, requestCategory);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
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

/** Transitions of a request, oldest first; `limit + 1` rows after the key `after` ([at ISO, id]). */
export async function listTransitions(x: Executor, orgId: string, requestId: string, limit = 1000, after?: { at: string; id: string }): Promise<RequestTransitionRow[]> {
  return x
    .select()
    .from(requestTransitions)
    .where(
      and(
        eq(requestTransitions.orgId, orgId),
        eq(requestTransitions.requestId, requestId),
        after ? sql`(${requestTransitions.at}, ${requestTransitions.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(requestTransitions.at), asc(requestTransitions.id))
    .limit(limit);
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
 * rows; by type, by side and by department, and cycle times (done − started) of those with a start
 * day. One query: the grouping sets read the rows once.
 */
export async function leadTimeHistograms(x: Executor, orgId: string, from: string, to: string) {
  const rows = await queryRows<{ dim: 'type' | 'side' | 'department' | 'cycle'; key: string | null; days: number | string; n: number | string }>(
    x,
    sql`select case when grouping(t.type) = 0 then 'type' when grouping(t.side) = 0 then 'side' when grouping(t.department) = 0 then 'department' else 'cycle' end as dim,
          case when grouping(t.type) = 0 then t.type when grouping(t.side) = 0 then t.side else t.department end as key,
          case when grouping(t.cycle) = 0 then t.cycle else t.lead end as days,
          count(*)::int as n
        from (
          select type, side, department, done_on - created_on as lead, done_on - started_on as cycle
          from requests
          where org_id = ${orgId} and done_on is not null and done_on >= ${from}::date and done_on <= ${to}::date
        ) t
        group by grouping sets ((t.type, t.lead), (t.side, t.lead), (t.department, t.lead), (t.cycle))
        having grouping(t.cycle) = 1 or t.cycle is not null`,
  );
  const out = { byType: [] as { key: string; days: number; n: number }[], bySide: [] as { key: string; days: number; n: number }[], byDepartment: [] as { key: string | null; days: number; n: number }[], cycle: [] as { days: number; n: number }[] };
  for (const r of rows) {
    const v = { days: Number(r.days), n: Number(r.n) };
    if (r.dim === 'cycle') out.cycle.push(v);
    else if (r.dim === 'type') out.byType.push({ key: r.key!, ...v });
    else if (r.dim === 'side') out.bySide.push({ key: r.key!, ...v });
    else out.byDepartment.push({ key: r.key, ...v });
  }
  return out;
}

/**
 * Lead times (days, count) of the requests done in [to − span, to], for several `to` at once: one
 * scan answers every window (the one-screen's trend, decision 095). Keyed by `to` (YYYY-MM-DD).
 */
export async function leadTimeHistogramsEnding(x: Executor, orgId: string, tos: string[], spanDays: number): Promise<Map<string, { days: number; n: number }[]>> {
  const out = new Map<string, { days: number; n: number }[]>(tos.map((t) => [t, []]));
  if (tos.length === 0) return out;
  const days = sql.join(
    tos.map((t) => sql`${t}::date`),
    sql`, `,
  );
  const rows = await queryRows<{ to: string; days: number; n: number }>(
    x,
    sql`select to_char(w.to_day, 'YYYY-MM-DD') as "to", (r.done_on - r.created_on) as days, count(*)::int as n
        from requests r join unnest(array[${days}]) as w(to_day) on r.done_on between w.to_day - ${spanDays}::int and w.to_day
        where r.org_id = ${orgId} and r.done_on is not null
        group by w.to_day, r.done_on - r.created_on`,
  );
  for (const r of rows) out.get(r.to)?.push({ days: Number(r.days), n: Number(r.n) });
  return out;
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
  and(eq(requests.orgId, orgId), lte(requests.createdOn, asOf), sql`${requestCategory} <> 'rejected'`, or(isNull(requests.doneOn), sql`${requests.doneOn} > ${asOf}`));

/** The `limit` oldest requests open on `asOf`, each row carrying how many are open in all (one query). */
export async function openOn(x: Executor, orgId: string, asOf: string, limit: number) {
  const rows = await x
    .select({ id: requests.id, title: requests.title, status: requests.status, type: requests.type, createdOn: requests.createdOn, total: sql<number>`count(*) over ()` })
    .from(requests)
    .where(openWhere(orgId, asOf))
    .orderBy(asc(requests.createdOn), asc(requests.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
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

/**
 * Daily counts of arrivals, starts and completions in [from, to] for the cumulative flow diagram
 * and the weekly throughput, and how many of each came before `from`: one query.
 */
export async function flowCountsByDay(x: Executor, orgId: string, from: string, to: string) {
  const rows = await queryRows<{ kind: 'a' | 's' | 'd'; day: string | null; n: number | string }>(
    x,
    sql`select kind, bucket as day, count(*)::int as n
        from (
          select kind, case when day < ${from}::date then null else to_char(day, 'YYYY-MM-DD') end as bucket
          from (
            select 'a' as kind, created_on as day from requests where org_id = ${orgId} and created_on <= ${to}::date
            union all select 's', started_on from requests where org_id = ${orgId} and started_on <= ${to}::date
            union all select 'd', done_on from requests where org_id = ${orgId} and done_on <= ${to}::date
          ) u
        ) f
        group by kind, bucket`,
  );
  const out = { arrived: [] as { day: string; n: number }[], started: [] as { day: string; n: number }[], done: [] as { day: string; n: number }[], before: { arrived: 0, started: 0, done: 0 } };
  const name = { a: 'arrived', s: 'started', d: 'done' } as const;
  for (const r of rows) {
    const k = name[r.kind];
    if (r.day === null) out.before[k] = Number(r.n);
    else out[k].push({ day: r.day, n: Number(r.n) });
  }
  return out;
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

/** The ledger's order: longest deferred first, needs no longer deferred last (as if deferred on 9999-12-31). */
const deferredSort = sql<string>`coalesce(${deferredNeeds.deferredOn}, '9999-12-31'::date)::text`;

/**
 * Needs of the ledger in its order, `limit` rows after the key `after` ([deferred day or
 * 9999-12-31, title, id]); only the ones deferred now unless `includeResolved`.
 */
export async function listDeferredNeeds(
  x: Executor,
  orgId: string,
  includeResolved: boolean,
  limit: number,
  after?: { sort: string; title: string; id: string },
): Promise<(DeferredNeedRow & { sort: string })[]> {
  return x
    .select({ ...getTableColumns(deferredNeeds), sort: deferredSort })
    .from(deferredNeeds)
    .where(
      and(
        eq(deferredNeeds.orgId, orgId),
        includeResolved ? undefined : isNotNull(deferredNeeds.deferredOn),
        after ? sql`(coalesce(${deferredNeeds.deferredOn}, '9999-12-31'::date), ${deferredNeeds.title}, ${deferredNeeds.id}) > (${after.sort}::date, ${after.title}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(sql`coalesce(${deferredNeeds.deferredOn}, '9999-12-31'::date)`, asc(deferredNeeds.title), asc(deferredNeeds.id))
    .limit(limit);
}

/** What the ledger's totals need of every need deferred now (and how many there are). */
export async function deferredNeedFigures(x: Executor, orgId: string) {
  return x
    .select({ costNow: deferredNeeds.costNow, annualFailureProbability: deferredNeeds.annualFailureProbability, impact: deferredNeeds.impact, deferredOn: deferredNeeds.deferredOn })
    .from(deferredNeeds)
    .where(and(eq(deferredNeeds.orgId, orgId), isNotNull(deferredNeeds.deferredOn)))
    // A fixed order: the totals are floating-point sums, and PGlite and PostgreSQL return an
    // unordered scan in different orders (the sums then differed in the last digit).
    .orderBy(asc(deferredNeeds.deferredOn), asc(deferredNeeds.title), asc(deferredNeeds.id));
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

/** Events of a need, oldest first, `limit` rows after the key `after` ([at ISO, id]). */
export async function listDeferredNeedEvents(x: Executor, orgId: string, needId: string, limit: number, after?: { at: string; id: string }): Promise<DeferredNeedEventRow[]> {
  return x
    .select()
    .from(deferredNeedEvents)
    .where(
      and(
        eq(deferredNeedEvents.orgId, orgId),
        eq(deferredNeedEvents.needId, needId),
        after ? sql`(${deferredNeedEvents.at}, ${deferredNeedEvents.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(deferredNeedEvents.at), asc(deferredNeedEvents.id))
    .limit(limit);
}

/* ---------- forecast log ---------- */

export async function insertForecastLog(x: Executor, orgId: string, row: Omit<typeof forecastLog.$inferInsert, 'orgId' | 'id'>): Promise<ForecastLogRow> {
  const [r] = await x.insert(forecastLog).values({ ...row, orgId }).returning();
  return r!;
}

export async function insertForecastLogRequests(x: Executor, orgId: string, logId: string, requestIds: string[]): Promise<void> {
  if (!requestIds.length) return;
  await chunked(requestIds, 1000, (c) => x.insert(forecastLogRequests).values(c.map((requestId) => ({ orgId, logId, requestId }))).returning({ id: forecastLogRequests.logId }));
}

/** Recorded forecasts, newest first, `limit` rows after the key `after` ([at ISO, id]). */
export async function listForecastLog(x: Executor, orgId: string, limit: number, after?: { at: string; id: string }): Promise<ForecastLogRow[]> {
  return x
    .select()
    .from(forecastLog)
    .where(and(eq(forecastLog.orgId, orgId), after ? sql`(${forecastLog.at}, ${forecastLog.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(desc(forecastLog.at), desc(forecastLog.id))
    .limit(limit);
}

/** For each given log entry, the done day and category of each request it was about. */
export async function forecastLogOutcomes(x: Executor, orgId: string, logIds: string[]): Promise<{ logId: string; doneOn: string | null; category: string }[]> {
  if (!logIds.length) return [];
  return chunked(logIds, 1000, (c) =>
    x
      .select({ logId: forecastLogRequests.logId, doneOn: requests.doneOn, category: requestCategory })
      .from(forecastLogRequests)
      .innerJoin(requests, and(eq(requests.orgId, forecastLogRequests.orgId), eq(requests.id, forecastLogRequests.requestId)))
      .where(and(eq(forecastLogRequests.orgId, orgId), inArray(forecastLogRequests.logId, c))),
  );
}
