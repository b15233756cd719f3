import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { people, users } from '../schema/org';
import {
  enablerDependencies,
  enablerInitiatives,
  enablers,
  goals,
  initiativeGoals,
  initiatives,
  ladderRungs,
  roadmapHealthSnapshots,
  strategyHistory,
  strategySettings,
  swotItems,
} from '../schema/strategy';

export type GoalRow = typeof goals.$inferSelect;
export type NewGoal = Omit<typeof goals.$inferInsert, 'orgId' | 'id'>;
export type InitiativeRow = typeof initiatives.$inferSelect;
export type NewInitiative = Omit<typeof initiatives.$inferInsert, 'orgId' | 'id'>;
export type EnablerRow = typeof enablers.$inferSelect;
export type NewEnabler = Omit<typeof enablers.$inferInsert, 'orgId' | 'id'>;
export type LadderRungRow = typeof ladderRungs.$inferSelect;
export type NewLadderRung = Omit<typeof ladderRungs.$inferInsert, 'orgId' | 'id' | 'initiativeId'>;
export type SwotRow = typeof swotItems.$inferSelect;
export type NewSwot = Omit<typeof swotItems.$inferInsert, 'orgId' | 'id'>;
export type HistoryRow = typeof strategyHistory.$inferSelect;
export type NewHistory = Omit<typeof strategyHistory.$inferInsert, 'orgId' | 'id'>;
export type StrategyItemType = 'goal' | 'initiative' | 'enabler';
export type HealthSnapshotRow = typeof roadmapHealthSnapshots.$inferSelect;

/** Inserts in chunks so that a large import stays under the engines' bind-parameter limit. */
async function chunked<T, R>(rows: T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await run(rows.slice(i, i + size))));
  return out;
}

/* ---------- the whole roadmap of an organisation ---------- */

export interface RoadmapRows {
  goals: GoalRow[];
  initiatives: InitiativeRow[];
  enablers: EnablerRow[];
  initiativeGoals: { initiativeId: string; goalId: string }[];
  enablerInitiatives: { enablerId: string; initiativeId: string }[];
  enablerDependencies: { enablerId: string; dependsOnId: string }[];
  rungs: LadderRungRow[];
}

/** Everything the roadmap views, the progress roll-up and the health check need, in seven queries. */
export async function loadRoadmap(x: Executor, orgId: string): Promise<RoadmapRows> {
  const [g, i, e, ig, ei, ed, r] = await Promise.all([
    x.select().from(goals).where(eq(goals.orgId, orgId)).orderBy(asc(goals.title), asc(goals.id)),
    x.select().from(initiatives).where(eq(initiatives.orgId, orgId)).orderBy(asc(initiatives.title), asc(initiatives.id)),
    x.select().from(enablers).where(eq(enablers.orgId, orgId)).orderBy(asc(enablers.title), asc(enablers.id)),
    x.select({ initiativeId: initiativeGoals.initiativeId, goalId: initiativeGoals.goalId }).from(initiativeGoals).where(eq(initiativeGoals.orgId, orgId)),
    x.select({ enablerId: enablerInitiatives.enablerId, initiativeId: enablerInitiatives.initiativeId }).from(enablerInitiatives).where(eq(enablerInitiatives.orgId, orgId)),
    x.select({ enablerId: enablerDependencies.enablerId, dependsOnId: enablerDependencies.dependsOnId }).from(enablerDependencies).where(eq(enablerDependencies.orgId, orgId)),
    x.select().from(ladderRungs).where(eq(ladderRungs.orgId, orgId)),
  ]);
  return { goals: g, initiatives: i, enablers: e, initiativeGoals: ig, enablerInitiatives: ei, enablerDependencies: ed, rungs: r };
}

/**
 * What one initiative's view needs, and nothing else (issue #15: an item read or write must not load
 * the whole roadmap): the initiative, its goal and enabler links, those enablers (their status
 * feeds its progress) and its ladder. Goals and enabler dependencies are left empty.
 */
export async function loadInitiativeScope(x: Executor, orgId: string, id: string, opts: { lock?: boolean } = {}): Promise<RoadmapRows> {
  // One statement (one round trip): the initiative's row, with its links, enablers and rungs as JSON
  // (the subqueries name the outer table in full: drizzle leaves a one-table select unqualified).
  // `lock` takes the row lock an edit needs, so the "before" it reads is the one it changes.
  const q = x
    .select({
      ...getTableColumns(initiatives),
      scopeGoalIds: sql<string[]>`coalesce((select json_agg(ig.goal_id) from ${initiativeGoals} ig where ig.org_id = initiatives.org_id and ig.initiative_id = initiatives.id), '[]'::json)`,
      scopeEnablers: sql<ScopeEnablerJson[]>`coalesce((select json_agg(json_build_object(
          'id', e.id, 'orgId', e.org_id, 'title', e.title, 'ownerId', e.owner_id, 'startDate', e.start_date, 'endDate', e.end_date,
          'status', e.status, 'effort', e.effort, 'createdAt', e.created_at, 'updatedAt', e.updated_at))
        from ${enablerInitiatives} ei join ${enablers} e on e.org_id = ei.org_id and e.id = ei.enabler_id
        where ei.org_id = initiatives.org_id and ei.initiative_id = initiatives.id), '[]'::json)`,
      scopeRungs: sql<LadderRungRow[]>`coalesce((select json_agg(json_build_object(
          'id', r.id, 'orgId', r.org_id, 'initiativeId', r.initiative_id, 'rung', r.rung, 'deliverable', r.deliverable, 'dueDate', r.due_date, 'done', r.done))
        from ${ladderRungs} r where r.org_id = initiatives.org_id and r.initiative_id = initiatives.id), '[]'::json)`,
    })
    .from(initiatives)
    .where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, id)));
  // Named: PostgreSQL parses and plans its JSON subqueries once per connection (decision 165).
  const [row] = opts.lock ? await q.for('update').prepare('tandem_initiative_scope_locked').execute() : await q.prepare('tandem_initiative_scope').execute();
  if (!row) return { goals: [], initiatives: [], enablers: [], initiativeGoals: [], enablerInitiatives: [], enablerDependencies: [], rungs: [] };
  const { scopeGoalIds, scopeEnablers, scopeRungs, ...initiative } = row;
  return {
    goals: [],
    initiatives: [initiative],
    enablers: scopeEnablers.map((e) => ({ ...e, createdAt: new Date(e.createdAt), updatedAt: new Date(e.updatedAt) })),
    initiativeGoals: scopeGoalIds.map((goalId) => ({ initiativeId: id, goalId })),
    enablerInitiatives: scopeEnablers.map((e) => ({ enablerId: e.id, initiativeId: id })),
    enablerDependencies: [],
    rungs: scopeRungs,
  };
}

/** An enabler as `json_build_object` gives it: timestamps are text. */
type ScopeEnablerJson = Omit<EnablerRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** The ids among `ids` that exist in the organisation, for one kind of record. */
export async function existingStrategyIds(x: Executor, orgId: string, kind: 'goal' | 'initiative' | 'enabler' | 'person', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const t = kind === 'goal' ? goals : kind === 'initiative' ? initiatives : kind === 'enabler' ? enablers : people;
  const rows = await x.select({ id: t.id }).from(t).where(and(eq(t.orgId, orgId), inArray(t.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function listPeopleSides(x: Executor, orgId: string): Promise<{ id: string; side: 'it' | 'business' }[]> {
  return x.select({ id: people.id, side: people.side }).from(people).where(eq(people.orgId, orgId));
}

/* ---------- goals ---------- */

export async function findGoal(x: Executor, orgId: string, id: string): Promise<GoalRow | null> {
  const [row] = await x.select().from(goals).where(and(eq(goals.orgId, orgId), eq(goals.id, id)));
  return row ?? null;
}

export async function insertGoals(x: Executor, orgId: string, rows: NewGoal[]): Promise<GoalRow[]> {
  return chunked(rows, 500, (c) => x.insert(goals).values(c.map((r) => ({ ...r, orgId }))).returning());
}

export async function updateGoal(x: Executor, orgId: string, id: string, patch: Partial<NewGoal>): Promise<GoalRow | null> {
  const [row] = await x.update(goals).set(patch).where(and(eq(goals.orgId, orgId), eq(goals.id, id))).returning();
  return row ?? null;
}

export async function deleteGoal(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(goals).where(and(eq(goals.orgId, orgId), eq(goals.id, id))).returning({ id: goals.id });
  return rows.length === 1;
}

/** The initiatives that serve a goal: they block its deletion until re-linked. */
export async function initiativesOfGoal(x: Executor, orgId: string, goalId: string): Promise<{ id: string; title: string }[]> {
  return x
    .select({ id: initiatives.id, title: initiatives.title })
    .from(initiativeGoals)
    .innerJoin(initiatives, and(eq(initiatives.orgId, initiativeGoals.orgId), eq(initiatives.id, initiativeGoals.initiativeId)))
    .where(and(eq(initiativeGoals.orgId, orgId), eq(initiativeGoals.goalId, goalId)))
    .orderBy(asc(initiatives.title));
}

/* ---------- initiatives ---------- */

export async function findInitiative(x: Executor, orgId: string, id: string): Promise<InitiativeRow | null> {
  const [row] = await x.select().from(initiatives).where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, id)));
  return row ?? null;
}

export async function insertInitiatives(x: Executor, orgId: string, rows: NewInitiative[]): Promise<InitiativeRow[]> {
  return chunked(rows, 300, (c) => x.insert(initiatives).values(c.map((r) => ({ ...r, orgId }))).returning());
}

export async function updateInitiative(x: Executor, orgId: string, id: string, patch: Partial<NewInitiative>): Promise<InitiativeRow | null> {
  const [row] = await x.update(initiatives).set(patch).where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, id))).returning();
  return row ?? null;
}

export async function deleteInitiative(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(initiatives).where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, id))).returning({ id: initiatives.id });
  return rows.length === 1;
}

export async function insertInitiativeGoals(x: Executor, orgId: string, links: { initiativeId: string; goalId: string }[]) {
  await chunked(links, 1000, async (c) => {
    await x.insert(initiativeGoals).values(c.map((l) => ({ ...l, orgId }))).onConflictDoNothing();
    return [];
  });
}

export async function setInitiativeGoals(x: Executor, orgId: string, initiativeId: string, goalIds: string[]) {
  await x.delete(initiativeGoals).where(and(eq(initiativeGoals.orgId, orgId), eq(initiativeGoals.initiativeId, initiativeId)));
  await insertInitiativeGoals(x, orgId, goalIds.map((goalId) => ({ initiativeId, goalId })));
}

/* ---------- enablers ---------- */

export async function findEnabler(x: Executor, orgId: string, id: string): Promise<EnablerRow | null> {
  const [row] = await x.select().from(enablers).where(and(eq(enablers.orgId, orgId), eq(enablers.id, id)));
  return row ?? null;
}

export async function insertEnablers(x: Executor, orgId: string, rows: NewEnabler[]): Promise<EnablerRow[]> {
  return chunked(rows, 300, (c) => x.insert(enablers).values(c.map((r) => ({ ...r, orgId }))).returning());
}

export async function updateEnabler(x: Executor, orgId: string, id: string, patch: Partial<NewEnabler>): Promise<EnablerRow | null> {
  const [row] = await x.update(enablers).set(patch).where(and(eq(enablers.orgId, orgId), eq(enablers.id, id))).returning();
  return row ?? null;
}

/** Deletes an enabler; SWOT items that pointed at it keep their text and lose the link. */
export async function deleteEnabler(x: Executor, orgId: string, id: string): Promise<boolean> {
  await x.update(swotItems).set({ enablerId: null }).where(and(eq(swotItems.orgId, orgId), eq(swotItems.enablerId, id)));
  const rows = await x.delete(enablers).where(and(eq(enablers.orgId, orgId), eq(enablers.id, id))).returning({ id: enablers.id });
  return rows.length === 1;
}

export async function insertEnablerInitiatives(x: Executor, orgId: string, links: { enablerId: string; initiativeId: string }[]) {
  await chunked(links, 1000, async (c) => {
    await x.insert(enablerInitiatives).values(c.map((l) => ({ ...l, orgId }))).onConflictDoNothing();
    return [];
  });
}

export async function setEnablerInitiatives(x: Executor, orgId: string, enablerId: string, initiativeIds: string[]) {
  await x.delete(enablerInitiatives).where(and(eq(enablerInitiatives.orgId, orgId), eq(enablerInitiatives.enablerId, enablerId)));
  await insertEnablerInitiatives(x, orgId, initiativeIds.map((initiativeId) => ({ enablerId, initiativeId })));
}

export async function listEnablerDependencies(x: Executor, orgId: string): Promise<{ enablerId: string; dependsOnId: string }[]> {
  return x
    .select({ enablerId: enablerDependencies.enablerId, dependsOnId: enablerDependencies.dependsOnId })
    .from(enablerDependencies)
    .where(eq(enablerDependencies.orgId, orgId));
}

export async function insertEnablerDependencies(x: Executor, orgId: string, links: { enablerId: string; dependsOnId: string }[]) {
  await chunked(links, 1000, async (c) => {
    await x.insert(enablerDependencies).values(c.map((l) => ({ ...l, orgId }))).onConflictDoNothing();
    return [];
  });
}

export async function setEnablerDependencies(x: Executor, orgId: string, enablerId: string, dependsOnIds: string[]) {
  await x.delete(enablerDependencies).where(and(eq(enablerDependencies.orgId, orgId), eq(enablerDependencies.enablerId, enablerId)));
  await insertEnablerDependencies(x, orgId, dependsOnIds.map((dependsOnId) => ({ enablerId, dependsOnId })));
}

/* ---------- delivery ladder ---------- */

export async function listLadder(x: Executor, orgId: string, initiativeId: string): Promise<LadderRungRow[]> {
  return x.select().from(ladderRungs).where(and(eq(ladderRungs.orgId, orgId), eq(ladderRungs.initiativeId, initiativeId)));
}

export async function replaceLadder(x: Executor, orgId: string, initiativeId: string, rungs: NewLadderRung[]): Promise<LadderRungRow[]> {
  await x.delete(ladderRungs).where(and(eq(ladderRungs.orgId, orgId), eq(ladderRungs.initiativeId, initiativeId)));
  if (rungs.length === 0) return [];
  return x
    .insert(ladderRungs)
    .values(rungs.map((r) => ({ ...r, orgId, initiativeId })))
    .returning();
}

export async function insertLadderRungs(x: Executor, orgId: string, rungs: (NewLadderRung & { initiativeId: string })[]) {
  await chunked(rungs, 500, async (c) => {
    await x.insert(ladderRungs).values(c.map((r) => ({ ...r, orgId })));
    return [];
  });
}

/* ---------- SWOT ---------- */

export async function listSwot(x: Executor, orgId: string, filter: { goalId?: string; initiativeId?: string } = {}): Promise<SwotRow[]> {
  const conds = [eq(swotItems.orgId, orgId)];
  if (filter.goalId) conds.push(eq(swotItems.goalId, filter.goalId));
  if (filter.initiativeId) conds.push(eq(swotItems.initiativeId, filter.initiativeId));
  return x
    .select()
    .from(swotItems)
    .where(and(...conds))
    .orderBy(asc(swotItems.createdAt), asc(swotItems.id));
}

/** One page of SWOT items, oldest first by (created_at to the millisecond, id); `limit + 1` rows. */
export async function listSwotPage(
  x: Executor,
  orgId: string,
  filter: { goalId?: string | undefined; initiativeId?: string | undefined },
  limit: number,
  after: readonly [string, string] | null,
): Promise<SwotRow[]> {
  const at = sql`date_trunc('milliseconds', ${swotItems.createdAt})`;
  const conds = [eq(swotItems.orgId, orgId)];
  if (filter.goalId) conds.push(eq(swotItems.goalId, filter.goalId));
  if (filter.initiativeId) conds.push(eq(swotItems.initiativeId, filter.initiativeId));
  if (after) conds.push(sql`(${at}, ${swotItems.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return x
    .select()
    .from(swotItems)
    .where(and(...conds))
    .orderBy(asc(at), asc(swotItems.id))
    .limit(limit + 1);
}

export async function findSwot(x: Executor, orgId: string, id: string): Promise<SwotRow | null> {
  const [row] = await x.select().from(swotItems).where(and(eq(swotItems.orgId, orgId), eq(swotItems.id, id)));
  return row ?? null;
}

export async function insertSwot(x: Executor, orgId: string, rows: NewSwot[]): Promise<SwotRow[]> {
  if (rows.length === 0) return [];
  return x
    .insert(swotItems)
    .values(rows.map((r) => ({ ...r, orgId })))
    .returning();
}

export async function updateSwot(x: Executor, orgId: string, id: string, patch: Partial<NewSwot>): Promise<SwotRow | null> {
  const [row] = await x.update(swotItems).set(patch).where(and(eq(swotItems.orgId, orgId), eq(swotItems.id, id))).returning();
  return row ?? null;
}

export async function deleteSwot(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(swotItems).where(and(eq(swotItems.orgId, orgId), eq(swotItems.id, id))).returning({ id: swotItems.id });
  return rows.length === 1;
}

/* ---------- history ---------- */

export async function insertHistory(x: Executor, orgId: string, rows: NewHistory[]) {
  await chunked(rows, 500, async (c) => {
    await x.insert(strategyHistory).values(c.map((r) => ({ ...r, orgId })));
    return [];
  });
}

/** One page of an item's changes, newest first by (at to the millisecond, id); `limit + 1` rows. */
export async function listHistory(
  x: Executor,
  orgId: string,
  itemType: StrategyItemType,
  itemId: string,
  page: { limit: number; after: readonly [string, string] | null } = { limit: 100_000, after: null },
) {
  const at = sql`date_trunc('milliseconds', ${strategyHistory.at})`;
  const conds = [eq(strategyHistory.orgId, orgId), eq(strategyHistory.itemType, itemType), eq(strategyHistory.itemId, itemId)];
  if (page.after) conds.push(sql`(${at}, ${strategyHistory.id}) < (${page.after[0]}::timestamptz, ${page.after[1]}::uuid)`);
  return x
    .select({
      id: strategyHistory.id,
      field: strategyHistory.field,
      fromValue: strategyHistory.fromValue,
      toValue: strategyHistory.toValue,
      actorUserId: strategyHistory.actorUserId,
      actorName: users.name,
      at: strategyHistory.at,
    })
    .from(strategyHistory)
    .leftJoin(users, eq(users.id, strategyHistory.actorUserId))
    .where(and(...conds))
    .orderBy(desc(at), desc(strategyHistory.id))
    .limit(page.limit + 1);
}

/* ---------- health snapshots and settings ---------- */

/** One row per organisation and day: the last computation of the day wins. */
export async function upsertHealthSnapshot(x: Executor, orgId: string, v: Omit<HealthSnapshotRow, 'orgId'>) {
  const { day, ...rest } = v;
  await x
    .insert(roadmapHealthSnapshots)
    .values({ orgId, day, ...rest })
    .onConflictDoUpdate({ target: [roadmapHealthSnapshots.orgId, roadmapHealthSnapshots.day], set: rest });
}

/** Organisations that have at least one goal, initiative or enabler: those whose health is worth a daily snapshot. */
export async function listOrgIdsWithRoadmap(x: Executor): Promise<string[]> {
  const rows = await x.execute(sql`select org_id from goals union select org_id from initiatives union select org_id from enablers`);
  return (rows as unknown as { rows: { org_id: string }[] }).rows.map((r) => r.org_id);
}

/** The snapshots from `sinceDay` (YYYY-MM-DD, inclusive) on, oldest first. Older ones are thinned (decision 157): the days are not evenly spaced. */
export async function listHealthSnapshots(x: Executor, orgId: string, sinceDay: string): Promise<HealthSnapshotRow[]> {
  return x
    .select()
    .from(roadmapHealthSnapshots)
    .where(and(eq(roadmapHealthSnapshots.orgId, orgId), sql`${roadmapHealthSnapshots.day} >= ${sinceDay}::date`))
    .orderBy(roadmapHealthSnapshots.day);
}

/**
 * Thins every organisation's snapshots (decision 157): days on or after `dailyFrom` all stay; from
 * `weeklyFrom` up to `dailyFrom` only the earliest snapshot of each ISO week stays; before
 * `weeklyFrom` only the earliest of each calendar month. One DELETE; running it again deletes
 * nothing more. Returns how many rows went.
 */
export async function compactHealthSnapshots(x: Executor, dailyFrom: string, weeklyFrom: string): Promise<number> {
  const r = (await x.execute(sql`
    delete from roadmap_health_snapshots s
    where s.day < ${dailyFrom}::date
      and exists (
        select 1 from roadmap_health_snapshots k
        where k.org_id = s.org_id and k.day < s.day
          and case when s.day >= ${weeklyFrom}::date
                   then k.day >= ${weeklyFrom}::date and date_trunc('week', k.day) = date_trunc('week', s.day)
                   else date_trunc('month', k.day) = date_trunc('month', s.day) end)
    returning s.day`)) as unknown as { rows: unknown[] };
  return r.rows.length;
}

export async function getStrategySettings(x: Executor, orgId: string): Promise<{ itGraceDays: number } | null> {
  const [row] = await x.select({ itGraceDays: strategySettings.itGraceDays }).from(strategySettings).where(eq(strategySettings.orgId, orgId));
  return row ?? null;
}

export async function upsertStrategySettings(x: Executor, orgId: string, v: { itGraceDays: number }) {
  await x.insert(strategySettings).values({ orgId, ...v }).onConflictDoUpdate({ target: strategySettings.orgId, set: v });
}

/** Counts per kind, for the demo check and the insights module. */
export async function countStrategy(x: Executor, orgId: string) {
  const [row] = await x.execute(sql`select
    (select count(*)::int from goals where org_id = ${orgId}) as goals,
    (select count(*)::int from initiatives where org_id = ${orgId}) as initiatives,
    (select count(*)::int from enablers where org_id = ${orgId}) as enablers`).then((r) => (r as unknown as { rows: { goals: number; initiatives: number; enablers: number }[] }).rows);
  return { goals: Number(row?.goals ?? 0), initiatives: Number(row?.initiatives ?? 0), enablers: Number(row?.enablers ?? 0) };
}
