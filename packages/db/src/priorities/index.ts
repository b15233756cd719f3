import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { people, users } from '../schema/org';
import {
  priorityDisagreementHistory,
  priorityDisagreements,
  priorityRoundItems,
  priorityRoundResults,
  priorityRounds,
  priorityScenarios,
  priorityScores,
  prioritySettings,
  type StoredCriterion,
} from '../schema/priorities';
import { requests } from '../schema/requests';
import { enablers, initiatives } from '../schema/strategy';

export type RoundRow = typeof priorityRounds.$inferSelect;
export type RoundItemRow = typeof priorityRoundItems.$inferSelect;
export type DisagreementRow = typeof priorityDisagreements.$inferSelect;
export type PrioritySettingsRow = typeof prioritySettings.$inferSelect;
export type ScenarioRow = typeof priorityScenarios.$inferSelect;
export type { StoredCriterion };

/* ---------- rounds ---------- */

export async function insertRound(x: Executor, v: typeof priorityRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await x.insert(priorityRounds).values(v).returning();
  return row!;
}

export async function findRound(x: Executor, orgId: string, id: string): Promise<RoundRow | null> {
  const [row] = await x.select().from(priorityRounds).where(and(eq(priorityRounds.orgId, orgId), eq(priorityRounds.id, id)));
  return row ?? null;
}

/** Locks the round for the rest of the transaction: status changes wait for scores in flight. */
export async function lockRound(x: Executor, orgId: string, id: string): Promise<RoundRow | null> {
  const [row] = await x.select().from(priorityRounds).where(and(eq(priorityRounds.orgId, orgId), eq(priorityRounds.id, id))).for('update');
  return row ?? null;
}

/** Scores take a share lock, so closing (an update lock) waits for them and none lands after. */
export async function shareLockRound(x: Executor, orgId: string, id: string): Promise<RoundRow | null> {
  const [row] = await x.select().from(priorityRounds).where(and(eq(priorityRounds.orgId, orgId), eq(priorityRounds.id, id))).for('share');
  return row ?? null;
}

export async function updateRound(x: Executor, orgId: string, id: string, patch: Partial<typeof priorityRounds.$inferInsert>): Promise<RoundRow> {
  const [row] = await x
    .update(priorityRounds)
    .set(patch)
    .where(and(eq(priorityRounds.orgId, orgId), eq(priorityRounds.id, id)))
    .returning();
  return row!;
}

/**
 * Rounds of every organisation that the calendar may move today (decision 146): drafts whose
 * opening day has come and whose closing day has not passed, and open rounds whose closing day is
 * over. The service decides again under the round's lock; this only narrows the search.
 */
export async function roundsDueOnSchedule(x: Executor, today: string, limit: number): Promise<{ orgId: string; id: string }[]> {
  return x
    .select({ orgId: priorityRounds.orgId, id: priorityRounds.id })
    .from(priorityRounds)
    .where(
      or(
        and(eq(priorityRounds.status, 'draft'), lte(priorityRounds.opensAt, today), or(sql`${priorityRounds.closesAt} is null`, gte(priorityRounds.closesAt, today))),
        and(eq(priorityRounds.status, 'open'), lt(priorityRounds.closesAt, today)),
      ),
    )
    .orderBy(asc(priorityRounds.createdAt), asc(priorityRounds.id))
    .limit(limit);
}

/** The newest rounds first, bounded. */
export async function listRounds(x: Executor, orgId: string, limit: number) {
  return x
    .select({
      id: priorityRounds.id,
      name: priorityRounds.name,
      model: priorityRounds.model,
      status: priorityRounds.status,
      opensAt: priorityRounds.opensAt,
      closesAt: priorityRounds.closesAt,
      createdAt: priorityRounds.createdAt,
      itemCount: sql<number>`(select count(*)::int from ${priorityRoundItems} i where i.round_id = ${priorityRounds.id} and i.org_id = ${priorityRounds.orgId})`,
    })
    .from(priorityRounds)
    .where(eq(priorityRounds.orgId, orgId))
    .orderBy(desc(priorityRounds.createdAt), asc(priorityRounds.id))
    .limit(limit);
}

/** The exact timestamp as text (microseconds), so a cursor built from it never skips a row. */
const exactAt = (col: typeof priorityRounds.createdAt | typeof priorityScenarios.createdAt) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of rounds, newest first, by (created_at, id) descending; `limit + 1` rows say whether more follow. */
export async function listRoundsPage(x: Executor, orgId: string, limit: number, after: readonly [string, string] | null) {
  const conds = [eq(priorityRounds.orgId, orgId)];
  if (after) conds.push(sql`(${priorityRounds.createdAt}, ${priorityRounds.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return x
    .select({
      id: priorityRounds.id,
      name: priorityRounds.name,
      model: priorityRounds.model,
      status: priorityRounds.status,
      opensAt: priorityRounds.opensAt,
      closesAt: priorityRounds.closesAt,
      createdAt: priorityRounds.createdAt,
      cursorAt: exactAt(priorityRounds.createdAt),
      itemCount: sql<number>`(select count(*)::int from ${priorityRoundItems} i where i.round_id = ${priorityRounds.id} and i.org_id = ${priorityRounds.orgId})`,
    })
    .from(priorityRounds)
    .where(and(...conds))
    .orderBy(desc(priorityRounds.createdAt), desc(priorityRounds.id))
    .limit(limit + 1);
}

/* ---------- items ---------- */

export interface StrategyItemRef {
  type: 'initiative' | 'enabler' | 'request';
  id: string;
  category: 'run' | 'grow' | 'transform' | null;
  horizon: 'now' | 'next' | 'later' | null;
}

/** The ids among the given ones that are initiatives / enablers / requests of the organisation. */
export async function existingStrategyItems(x: Executor, orgId: string, initiativeIds: string[], enablerIds: string[], requestIds: string[] = []) {
  const ini = initiativeIds.length
    ? await x.select({ id: initiatives.id }).from(initiatives).where(and(eq(initiatives.orgId, orgId), inArray(initiatives.id, initiativeIds)))
    : [];
  const ena = enablerIds.length ? await x.select({ id: enablers.id }).from(enablers).where(and(eq(enablers.orgId, orgId), inArray(enablers.id, enablerIds))) : [];
  const req = requestIds.length ? await x.select({ id: requests.id }).from(requests).where(and(eq(requests.orgId, orgId), inArray(requests.id, requestIds))) : [];
  return { initiatives: new Set(ini.map((r) => r.id)), enablers: new Set(ena.map((r) => r.id)), requests: new Set(req.map((r) => r.id)) };
}

export async function insertRoundItems(x: Executor, orgId: string, roundId: string, items: StrategyItemRef[], firstPosition: number) {
  if (items.length === 0) return;
  await x.insert(priorityRoundItems).values(
    items.map((i, k) => ({
      orgId,
      roundId,
      itemId: i.id,
      itemType: i.type,
      initiativeId: i.type === 'initiative' ? i.id : null,
      enablerId: i.type === 'enabler' ? i.id : null,
      requestId: i.type === 'request' ? i.id : null,
      category: i.category,
      horizon: i.horizon,
      position: firstPosition + k,
    })),
  );
}

export interface RoundItemView {
  itemId: string;
  type: 'initiative' | 'enabler' | 'request';
  title: string;
  effort: number | null;
  category: 'run' | 'grow' | 'transform' | null;
  horizon: 'now' | 'next' | 'later' | null;
  position: number;
}

/** A round's items with their titles and efforts (the strategy item's own effort field; a request has none). */
export async function listRoundItems(x: Executor, orgId: string, roundId: string): Promise<RoundItemView[]> {
  return x
    .select({
      itemId: priorityRoundItems.itemId,
      type: priorityRoundItems.itemType,
      title: sql<string>`coalesce(${initiatives.title}, ${enablers.title}, ${requests.title})`,
      effort: sql<number | null>`coalesce(${initiatives.effort}, ${enablers.effort})`,
      category: priorityRoundItems.category,
      horizon: priorityRoundItems.horizon,
      position: priorityRoundItems.position,
    })
    .from(priorityRoundItems)
    .leftJoin(initiatives, and(eq(initiatives.orgId, priorityRoundItems.orgId), eq(initiatives.id, priorityRoundItems.initiativeId)))
    .leftJoin(enablers, and(eq(enablers.orgId, priorityRoundItems.orgId), eq(enablers.id, priorityRoundItems.enablerId)))
    .leftJoin(requests, and(eq(requests.orgId, priorityRoundItems.orgId), eq(requests.id, priorityRoundItems.requestId)))
    .where(and(eq(priorityRoundItems.orgId, orgId), eq(priorityRoundItems.roundId, roundId)))
    .orderBy(asc(priorityRoundItems.position));
}

/** Sets an item's category and/or horizon; false when the item is not in the round. */
export async function tagRoundItem(
  x: Executor,
  orgId: string,
  roundId: string,
  itemId: string,
  patch: { category?: 'run' | 'grow' | 'transform' | null; horizon?: 'now' | 'next' | 'later' | null },
): Promise<boolean> {
  const rows = await x
    .update(priorityRoundItems)
    .set(patch)
    .where(and(eq(priorityRoundItems.orgId, orgId), eq(priorityRoundItems.roundId, roundId), eq(priorityRoundItems.itemId, itemId)))
    .returning({ itemId: priorityRoundItems.itemId });
  return rows.length > 0;
}

export async function roundItemIds(x: Executor, orgId: string, roundId: string, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await x
    .select({ id: priorityRoundItems.itemId })
    .from(priorityRoundItems)
    .where(and(eq(priorityRoundItems.orgId, orgId), eq(priorityRoundItems.roundId, roundId), inArray(priorityRoundItems.itemId, itemIds)));
  return new Set(rows.map((r) => r.id));
}

export async function countRoundItems(x: Executor, orgId: string, roundId: string): Promise<number> {
  const [row] = await x
    .select({ n: sql<number>`count(*)::int` })
    .from(priorityRoundItems)
    .where(and(eq(priorityRoundItems.orgId, orgId), eq(priorityRoundItems.roundId, roundId)));
  return Number(row?.n ?? 0);
}

/* ---------- people ---------- */

export async function findPersonOfUser(x: Executor, orgId: string, userId: string) {
  const [row] = await x
    .select({ id: people.id, name: people.name, side: people.side })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.userId, userId), eq(people.active, true)))
    .orderBy(asc(people.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findPersonSide(x: Executor, orgId: string, personId: string) {
  const [row] = await x.select({ id: people.id, name: people.name, side: people.side, userId: people.userId }).from(people).where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  return row ?? null;
}

/* ---------- scores ---------- */

export interface ScoreInsert {
  personId: string;
  side: 'business' | 'it';
  itemId: string;
  criterion: string;
  value: number;
}

/** Inserts new scores; returns how many were new (an existing one is left untouched). */
export async function insertScores(x: Executor, orgId: string, roundId: string, rows: ScoreInsert[], enteredBy: string, at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await x
    .insert(priorityScores)
    .values(rows.map((r) => ({ ...r, orgId, roundId, enteredBy, createdAt: at, updatedAt: at })))
    .onConflictDoNothing()
    .returning({ c: priorityScores.criterion });
  return inserted.length;
}

/** Inserts or replaces scores (PATCH). */
export async function upsertScores(x: Executor, orgId: string, roundId: string, rows: ScoreInsert[], enteredBy: string, at: Date) {
  if (rows.length === 0) return;
  await x
    .insert(priorityScores)
    .values(rows.map((r) => ({ ...r, orgId, roundId, enteredBy, createdAt: at, updatedAt: at })))
    .onConflictDoUpdate({
      target: [priorityScores.roundId, priorityScores.itemId, priorityScores.personId, priorityScores.criterion],
      set: { value: sql`excluded.value`, side: sql`excluded.side`, enteredBy: sql`excluded.entered_by`, updatedAt: sql`excluded.updated_at` },
    });
}

export interface ScoreRow {
  personId: string;
  side: 'business' | 'it';
  itemId: string;
  criterion: string;
  value: number;
}

/**
 * One page of scores of a round, by person or side, keyset on (person, item, criterion): `after`
 * is the last key already read; `limit + 1` rows say whether more follow.
 */
export async function listScores(
  x: Executor,
  orgId: string,
  roundId: string,
  f: { personId?: string | undefined; side?: 'business' | 'it' | undefined; limit: number; after: readonly [string, string, string] | null },
): Promise<ScoreRow[]> {
  const conds = [eq(priorityScores.orgId, orgId), eq(priorityScores.roundId, roundId)];
  if (f.personId) conds.push(eq(priorityScores.personId, f.personId));
  if (f.side) conds.push(eq(priorityScores.side, f.side));
  if (f.after) conds.push(sql`(${priorityScores.personId}, ${priorityScores.itemId}, ${priorityScores.criterion}) > (${f.after[0]}::uuid, ${f.after[1]}::uuid, ${f.after[2]})`);
  return x
    .select({ personId: priorityScores.personId, side: priorityScores.side, itemId: priorityScores.itemId, criterion: priorityScores.criterion, value: priorityScores.value })
    .from(priorityScores)
    .where(and(...conds))
    .orderBy(asc(priorityScores.personId), asc(priorityScores.itemId), asc(priorityScores.criterion))
    .limit(f.limit + 1);
}

/** Every score of one person in a round (their scoring sheet; at most items × criteria rows). */
export async function scoresOfPerson(x: Executor, orgId: string, roundId: string, personId: string) {
  return x
    .select({ itemId: priorityScores.itemId, criterion: priorityScores.criterion, value: priorityScores.value })
    .from(priorityScores)
    .where(and(eq(priorityScores.orgId, orgId), eq(priorityScores.roundId, roundId), eq(priorityScores.personId, personId)));
}

/** Every score of a round, for the results (one query; the maths is in core). */
export async function allScores(x: Executor, orgId: string, roundId: string): Promise<ScoreRow[]> {
  return x
    .select({ personId: priorityScores.personId, side: priorityScores.side, itemId: priorityScores.itemId, criterion: priorityScores.criterion, value: priorityScores.value })
    .from(priorityScores)
    .where(and(eq(priorityScores.orgId, orgId), eq(priorityScores.roundId, roundId)));
}

/** Who has scored how many items: the progress, never the values. */
export async function scoringProgress(x: Executor, orgId: string, roundId: string) {
  return x
    .select({ personId: priorityScores.personId, name: people.name, side: priorityScores.side, itemsScored: sql<number>`count(distinct ${priorityScores.itemId})::int` })
    .from(priorityScores)
    .innerJoin(people, and(eq(people.orgId, priorityScores.orgId), eq(people.id, priorityScores.personId)))
    .where(and(eq(priorityScores.orgId, orgId), eq(priorityScores.roundId, roundId)))
    .groupBy(priorityScores.personId, people.name, priorityScores.side)
    .orderBy(asc(people.name));
}

/* ---------- disagreements ---------- */

export async function listDisagreements(x: Executor, orgId: string, roundId: string): Promise<DisagreementRow[]> {
  return x
    .select()
    .from(priorityDisagreements)
    .where(and(eq(priorityDisagreements.orgId, orgId), eq(priorityDisagreements.roundId, roundId)));
}

export async function findDisagreement(x: Executor, orgId: string, roundId: string, itemId: string): Promise<DisagreementRow | null> {
  const [row] = await x
    .select()
    .from(priorityDisagreements)
    .where(and(eq(priorityDisagreements.orgId, orgId), eq(priorityDisagreements.roundId, roundId), eq(priorityDisagreements.itemId, itemId)))
    .for('update');
  return row ?? null;
}

export async function saveDisagreement(x: Executor, v: typeof priorityDisagreements.$inferInsert): Promise<DisagreementRow> {
  const [row] = await x
    .insert(priorityDisagreements)
    .values(v)
    .onConflictDoUpdate({
      target: [priorityDisagreements.roundId, priorityDisagreements.itemId],
      set: {
        status: v.status,
        ownerId: v.ownerId ?? null,
        dueDate: v.dueDate ?? null,
        decisionRank: v.decisionRank ?? null,
        decisionScore: v.decisionScore ?? null,
        reason: v.reason ?? null,
        decidedAt: v.decidedAt ?? null,
        updatedAt: v.updatedAt!,
      },
    })
    .returning();
  return row!;
}

export async function insertDisagreementHistory(x: Executor, v: typeof priorityDisagreementHistory.$inferInsert) {
  await x.insert(priorityDisagreementHistory).values(v);
}

/** The history of one disagreement, newest first, bounded. */
export async function listDisagreementHistory(x: Executor, orgId: string, roundId: string, itemId: string, limit = 200) {
  return x
    .select({ at: priorityDisagreementHistory.at, actorUserId: priorityDisagreementHistory.actorUserId, actorName: users.name, changes: priorityDisagreementHistory.changes })
    .from(priorityDisagreementHistory)
    .leftJoin(users, eq(users.id, priorityDisagreementHistory.actorUserId))
    .where(and(eq(priorityDisagreementHistory.orgId, orgId), eq(priorityDisagreementHistory.roundId, roundId), eq(priorityDisagreementHistory.itemId, itemId)))
    .orderBy(desc(priorityDisagreementHistory.at), desc(priorityDisagreementHistory.id))
    .limit(limit);
}

export async function personExists(x: Executor, orgId: string, personId: string): Promise<boolean> {
  const [row] = await x.select({ id: people.id }).from(people).where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  return !!row;
}

/* ---------- closed-round results ---------- */

/** The stored results of a closed round, or null when not computed yet. */
export async function findRoundResults(x: Executor, orgId: string, roundId: string): Promise<unknown | null> {
  const [row] = await x
    .select({ results: priorityRoundResults.results })
    .from(priorityRoundResults)
    .where(and(eq(priorityRoundResults.orgId, orgId), eq(priorityRoundResults.roundId, roundId)));
  return row ? row.results : null;
}

/** Stores a closed round's results; a concurrent first read that stored them already wins. */
export async function saveRoundResults(x: Executor, orgId: string, roundId: string, results: unknown, at: Date): Promise<void> {
  await x.insert(priorityRoundResults).values({ orgId, roundId, results, computedAt: at }).onConflictDoNothing();
}

/* ---------- settings ---------- */

export async function findPrioritySettings(x: Executor, orgId: string): Promise<PrioritySettingsRow | null> {
  const [row] = await x.select().from(prioritySettings).where(eq(prioritySettings.orgId, orgId));
  return row ?? null;
}

export async function savePrioritySettings(x: Executor, v: typeof prioritySettings.$inferInsert): Promise<PrioritySettingsRow> {
  const set = {
    capacity: v.capacity,
    targetRun: v.targetRun,
    targetGrow: v.targetGrow,
    targetTransform: v.targetTransform,
    disagreementThreshold: v.disagreementThreshold ?? null,
    disagreementTopN: v.disagreementTopN ?? 3,
    categoryLabels: v.categoryLabels ?? null,
    updatedAt: v.updatedAt ?? new Date(0),
  };
  const [row] = await x.insert(prioritySettings).values(v).onConflictDoUpdate({ target: prioritySettings.orgId, set }).returning();
  return row!;
}

/* ---------- scenarios ---------- */

export async function insertScenario(x: Executor, v: typeof priorityScenarios.$inferInsert): Promise<ScenarioRow> {
  const [row] = await x.insert(priorityScenarios).values(v).returning();
  return row!;
}

/** One page of a round's scenarios, newest first, by (created_at, id) descending; `limit + 1` rows. */
export async function listScenarios(x: Executor, orgId: string, roundId: string, limit: number, after: readonly [string, string] | null) {
  const conds = [eq(priorityScenarios.orgId, orgId), eq(priorityScenarios.roundId, roundId)];
  if (after) conds.push(sql`(${priorityScenarios.createdAt}, ${priorityScenarios.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return x
    .select({
      id: priorityScenarios.id,
      roundId: priorityScenarios.roundId,
      name: priorityScenarios.name,
      itemOrder: priorityScenarios.itemOrder,
      createdAt: priorityScenarios.createdAt,
      cursorAt: exactAt(priorityScenarios.createdAt),
    })
    .from(priorityScenarios)
    .where(and(...conds))
    .orderBy(desc(priorityScenarios.createdAt), desc(priorityScenarios.id))
    .limit(limit + 1);
}

export async function findScenario(x: Executor, orgId: string, id: string): Promise<ScenarioRow | null> {
  const [row] = await x.select().from(priorityScenarios).where(and(eq(priorityScenarios.orgId, orgId), eq(priorityScenarios.id, id)));
  return row ?? null;
}

/** Initiatives of an organisation with what a round needs (the demo and the web picker), bounded. */
export async function listInitiativeRefs(x: Executor, orgId: string, limit: number) {
  return x
    .select({ id: initiatives.id, title: initiatives.title, effort: initiatives.effort, ansoff: initiatives.ansoff, startDate: initiatives.startDate })
    .from(initiatives)
    .where(eq(initiatives.orgId, orgId))
    .orderBy(asc(initiatives.createdAt), asc(initiatives.id))
    .limit(limit);
}
