import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { people } from '../schema/org';
import { requests } from '../schema/requests';
import { enablers, goals, initiatives } from '../schema/strategy';
import {
  demoInvitees,
  demoItems,
  demos,
  hackweekIdeas,
  hackweekMembers,
  hackweekVotes,
  hackweeks,
  roundtableActions,
  roundtableInsights,
  roundtableInvitees,
  roundtables,
} from '../schema/events';

export * from './calendar';

export type HackweekRow = typeof hackweeks.$inferSelect;
export type HackweekIdeaRow = typeof hackweekIdeas.$inferSelect;
export type HackweekVoteRow = typeof hackweekVotes.$inferSelect;
export type DemoRow = typeof demos.$inferSelect;
export type DemoItemRow = typeof demoItems.$inferSelect;
export type DemoInviteeRow = typeof demoInvitees.$inferSelect;
export type RoundtableRow = typeof roundtables.$inferSelect;
export type RoundtableInsightRow = typeof roundtableInsights.$inferSelect;
export type RoundtableActionRow = typeof roundtableActions.$inferSelect;
export type LinkKind = 'goal' | 'initiative' | 'enabler' | 'request';

/** The ids among `ids` that are items of `kind` in this organisation. */
export async function existingLinkIds(x: Executor, orgId: string, kind: LinkKind, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const t = kind === 'goal' ? goals : kind === 'initiative' ? initiatives : kind === 'enabler' ? enablers : requests;
  const rows = await x.select({ id: t.id }).from(t).where(and(eq(t.orgId, orgId), inArray(t.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Today's status of each initiative or request among `ids` (missing ids were deleted or are foreign). */
export async function linkedStatuses(x: Executor, orgId: string, kind: 'initiative' | 'request', ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const t = kind === 'initiative' ? initiatives : requests;
  const rows = await x.select({ id: t.id, status: t.status }).from(t).where(and(eq(t.orgId, orgId), inArray(t.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.status]));
}

export interface PersonBrief {
  id: string;
  name: string;
  side: 'it' | 'business';
  department: string;
  userId: string | null;
}

export async function peopleBrief(x: Executor, orgId: string, ids: string[]): Promise<PersonBrief[]> {
  if (!ids.length) return [];
  return x
    .select({ id: people.id, name: people.name, side: people.side, department: people.department, userId: people.userId })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, [...new Set(ids)])));
}

export async function personOfUser(x: Executor, orgId: string, userId: string): Promise<string | null> {
  const [row] = await x.select({ id: people.id }).from(people).where(and(eq(people.orgId, orgId), eq(people.userId, userId)));
  return row?.id ?? null;
}

/** Active people of the organisation with their side and department: the denominators of participation. */
export async function activePeople(x: Executor, orgId: string): Promise<{ id: string; side: 'it' | 'business'; department: string }[]> {
  return x.select({ id: people.id, side: people.side, department: people.department }).from(people).where(and(eq(people.orgId, orgId), eq(people.active, true)));
}

/* ---------- hackweeks ---------- */

export async function insertHackweek(x: Executor, orgId: string, v: Omit<typeof hackweeks.$inferInsert, 'orgId' | 'id'>): Promise<HackweekRow> {
  const [row] = await x.insert(hackweeks).values({ ...v, orgId }).returning();
  return row!;
}

export async function findHackweek(x: Executor, orgId: string, id: string): Promise<HackweekRow | undefined> {
  const [row] = await x.select().from(hackweeks).where(and(eq(hackweeks.orgId, orgId), eq(hackweeks.id, id)));
  return row;
}

/** Newest first; keyset on (startDate, id). */
export async function listHackweeks(x: Executor, orgId: string, limit: number, after?: [string, string]): Promise<HackweekRow[]> {
  const cond = after ? sql`(${hackweeks.startDate}, ${hackweeks.id}) < (${after[0]}, ${after[1]})` : undefined;
  return x
    .select()
    .from(hackweeks)
    .where(and(eq(hackweeks.orgId, orgId), cond))
    .orderBy(desc(hackweeks.startDate), desc(hackweeks.id))
    .limit(limit);
}

export async function updateHackweek(x: Executor, orgId: string, id: string, patch: Partial<typeof hackweeks.$inferInsert>): Promise<void> {
  await x.update(hackweeks).set(patch).where(and(eq(hackweeks.orgId, orgId), eq(hackweeks.id, id)));
}

export async function insertIdea(x: Executor, orgId: string, v: Omit<typeof hackweekIdeas.$inferInsert, 'orgId' | 'id'>): Promise<HackweekIdeaRow> {
  const [row] = await x.insert(hackweekIdeas).values({ ...v, orgId }).returning();
  return row!;
}

export async function findIdea(x: Executor, orgId: string, hackweekId: string, id: string): Promise<HackweekIdeaRow | undefined> {
  const [row] = await x.select().from(hackweekIdeas).where(and(eq(hackweekIdeas.orgId, orgId), eq(hackweekIdeas.hackweekId, hackweekId), eq(hackweekIdeas.id, id)));
  return row;
}

export async function listIdeas(x: Executor, orgId: string, hackweekId: string): Promise<HackweekIdeaRow[]> {
  return x
    .select()
    .from(hackweekIdeas)
    .where(and(eq(hackweekIdeas.orgId, orgId), eq(hackweekIdeas.hackweekId, hackweekId)))
    .orderBy(asc(hackweekIdeas.createdAt), asc(hackweekIdeas.id));
}

export async function updateIdea(x: Executor, orgId: string, id: string, patch: Partial<typeof hackweekIdeas.$inferInsert>): Promise<HackweekIdeaRow | undefined> {
  const [row] = await x.update(hackweekIdeas).set(patch).where(and(eq(hackweekIdeas.orgId, orgId), eq(hackweekIdeas.id, id))).returning();
  return row;
}

export async function listHackweekMembers(x: Executor, orgId: string, hackweekId: string) {
  return x
    .select({ ideaId: hackweekMembers.ideaId, personId: hackweekMembers.personId, name: people.name, side: people.side, department: people.department, joinedAt: hackweekMembers.joinedAt })
    .from(hackweekMembers)
    .innerJoin(people, and(eq(people.orgId, hackweekMembers.orgId), eq(people.id, hackweekMembers.personId)))
    .where(and(eq(hackweekMembers.orgId, orgId), eq(hackweekMembers.hackweekId, hackweekId)))
    .orderBy(asc(hackweekMembers.joinedAt), asc(people.name));
}

export async function insertMember(x: Executor, orgId: string, v: { hackweekId: string; ideaId: string; personId: string; joinedAt: Date }): Promise<void> {
  await x.insert(hackweekMembers).values({ ...v, orgId });
}

/** Inserts a vote unless the person already voted in that category; true when inserted. */
export async function insertVote(x: Executor, orgId: string, v: { hackweekId: string; ideaId: string; personId: string; category: 'impact' | 'creativity'; at: Date }): Promise<boolean> {
  const rows = await x.insert(hackweekVotes).values({ ...v, orgId }).onConflictDoNothing().returning({ ideaId: hackweekVotes.ideaId });
  return rows.length === 1;
}

export async function voteCounts(x: Executor, orgId: string, hackweekId: string) {
  return x
    .select({ ideaId: hackweekVotes.ideaId, category: hackweekVotes.category, votes: sql<number>`count(*)::int` })
    .from(hackweekVotes)
    .where(and(eq(hackweekVotes.orgId, orgId), eq(hackweekVotes.hackweekId, hackweekId)))
    .groupBy(hackweekVotes.ideaId, hackweekVotes.category);
}

/* ---------- demos ---------- */

export async function insertDemo(x: Executor, orgId: string, v: Omit<typeof demos.$inferInsert, 'orgId' | 'id'>): Promise<DemoRow> {
  const [row] = await x.insert(demos).values({ ...v, orgId }).returning();
  return row!;
}

export async function findDemo(x: Executor, orgId: string, id: string): Promise<DemoRow | undefined> {
  const [row] = await x.select().from(demos).where(and(eq(demos.orgId, orgId), eq(demos.id, id)));
  return row;
}

export async function listDemos(x: Executor, orgId: string, limit: number, after?: [string, string]): Promise<DemoRow[]> {
  const cond = after ? sql`(${demos.startsAt}, ${demos.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined;
  return x
    .select()
    .from(demos)
    .where(and(eq(demos.orgId, orgId), cond))
    .orderBy(desc(demos.startsAt), desc(demos.id))
    .limit(limit);
}

export async function allDemos(x: Executor, orgId: string): Promise<DemoRow[]> {
  return x.select().from(demos).where(eq(demos.orgId, orgId)).orderBy(asc(demos.startsAt), asc(demos.id));
}

export async function insertDemoItems(x: Executor, orgId: string, rows: Omit<typeof demoItems.$inferInsert, 'orgId'>[]): Promise<void> {
  if (rows.length) await x.insert(demoItems).values(rows.map((r) => ({ ...r, orgId })));
}

export async function listDemoItems(x: Executor, orgId: string, demoIds: string[]): Promise<DemoItemRow[]> {
  if (!demoIds.length) return [];
  return x
    .select()
    .from(demoItems)
    .where(and(eq(demoItems.orgId, orgId), inArray(demoItems.demoId, demoIds)))
    .orderBy(asc(demoItems.position));
}

export async function insertDemoInvitees(x: Executor, orgId: string, rows: Omit<typeof demoInvitees.$inferInsert, 'orgId'>[]): Promise<void> {
  if (rows.length) await x.insert(demoInvitees).values(rows.map((r) => ({ ...r, orgId })));
}

export async function listDemoInvitees(x: Executor, orgId: string, demoIds: string[]) {
  if (!demoIds.length) return [];
  return x
    .select({
      demoId: demoInvitees.demoId,
      personId: demoInvitees.personId,
      invited: demoInvitees.invited,
      rsvp: demoInvitees.rsvp,
      checkedInAt: demoInvitees.checkedInAt,
      sawValue: demoInvitees.sawValue,
      name: people.name,
      side: people.side,
      department: people.department,
      email: people.email,
      rsvpToken: demoInvitees.rsvpToken,
    })
    .from(demoInvitees)
    .innerJoin(people, and(eq(people.orgId, demoInvitees.orgId), eq(people.id, demoInvitees.personId)))
    .where(and(eq(demoInvitees.orgId, orgId), inArray(demoInvitees.demoId, demoIds)))
    .orderBy(asc(people.name));
}

export async function findInviteeByToken(x: Executor, token: string): Promise<DemoInviteeRow | undefined> {
  const [row] = await x.select().from(demoInvitees).where(eq(demoInvitees.rsvpToken, token));
  return row;
}

/** Check-in (upserting a walk-in who was not invited); returns false when already checked in. */
export async function checkInToDemo(x: Executor, orgId: string, demoId: string, personId: string, at: Date, rsvpToken: string): Promise<boolean> {
  const rows = await x
    .insert(demoInvitees)
    .values({ orgId, demoId, personId, invited: false, rsvpToken, checkedInAt: at })
    .onConflictDoUpdate({ target: [demoInvitees.demoId, demoInvitees.personId], set: { checkedInAt: at }, setWhere: sql`${demoInvitees.checkedInAt} is null` })
    .returning({ personId: demoInvitees.personId });
  return rows.length === 1;
}

export async function updateInvitee(x: Executor, orgId: string, demoId: string, personId: string, patch: Partial<typeof demoInvitees.$inferInsert>): Promise<boolean> {
  const rows = await x
    .update(demoInvitees)
    .set(patch)
    .where(and(eq(demoInvitees.orgId, orgId), eq(demoInvitees.demoId, demoId), eq(demoInvitees.personId, personId)))
    .returning({ personId: demoInvitees.personId });
  return rows.length === 1;
}

/** Requesters of the requests shown at each demo. */
export async function requestersOfDemoItems(x: Executor, orgId: string, demoIds: string[]): Promise<{ demoId: string; requesterId: string }[]> {
  if (!demoIds.length) return [];
  const rows = await x
    .select({ demoId: demoItems.demoId, requesterId: requests.requesterId })
    .from(demoItems)
    .innerJoin(requests, and(eq(requests.orgId, demoItems.orgId), eq(requests.id, demoItems.refId)))
    .where(and(eq(demoItems.orgId, orgId), inArray(demoItems.demoId, demoIds), eq(demoItems.type, 'request'), isNotNull(requests.requesterId)));
  return rows.map((r) => ({ demoId: r.demoId, requesterId: r.requesterId! }));
}

/* ---------- round-tables ---------- */

export async function insertRoundtable(x: Executor, orgId: string, v: Omit<typeof roundtables.$inferInsert, 'orgId' | 'id'>): Promise<RoundtableRow> {
  const [row] = await x.insert(roundtables).values({ ...v, orgId }).returning();
  return row!;
}

export async function findRoundtable(x: Executor, orgId: string, id: string): Promise<RoundtableRow | undefined> {
  const [row] = await x.select().from(roundtables).where(and(eq(roundtables.orgId, orgId), eq(roundtables.id, id)));
  return row;
}

export async function updateRoundtable(x: Executor, orgId: string, id: string, patch: Partial<typeof roundtables.$inferInsert>): Promise<void> {
  await x.update(roundtables).set(patch).where(and(eq(roundtables.orgId, orgId), eq(roundtables.id, id)));
}

export async function listRoundtables(x: Executor, orgId: string, limit: number, after?: [string, string]): Promise<RoundtableRow[]> {
  const cond = after ? sql`(${roundtables.date}, ${roundtables.id}) < (${after[0]}, ${after[1]})` : undefined;
  return x
    .select()
    .from(roundtables)
    .where(and(eq(roundtables.orgId, orgId), cond))
    .orderBy(desc(roundtables.date), desc(roundtables.id))
    .limit(limit);
}

export async function insertRoundtableInvitees(x: Executor, orgId: string, rows: { roundtableId: string; personId: string; attended: boolean }[]): Promise<void> {
  if (rows.length) await x.insert(roundtableInvitees).values(rows.map((r) => ({ ...r, orgId })));
}

export async function listRoundtableInvitees(x: Executor, orgId: string, roundtableId: string) {
  return x
    .select({ personId: roundtableInvitees.personId, attended: roundtableInvitees.attended, name: people.name, side: people.side })
    .from(roundtableInvitees)
    .innerJoin(people, and(eq(people.orgId, roundtableInvitees.orgId), eq(people.id, roundtableInvitees.personId)))
    .where(and(eq(roundtableInvitees.orgId, orgId), eq(roundtableInvitees.roundtableId, roundtableId)))
    .orderBy(asc(people.name));
}

export async function setRoundtableAttendance(x: Executor, orgId: string, roundtableId: string, personId: string, attended: boolean): Promise<boolean> {
  const rows = await x
    .update(roundtableInvitees)
    .set({ attended })
    .where(and(eq(roundtableInvitees.orgId, orgId), eq(roundtableInvitees.roundtableId, roundtableId), eq(roundtableInvitees.personId, personId)))
    .returning({ personId: roundtableInvitees.personId });
  return rows.length === 1;
}

export async function insertInsight(x: Executor, orgId: string, v: { roundtableId: string; text: string; createdAt: Date }): Promise<RoundtableInsightRow> {
  const [row] = await x.insert(roundtableInsights).values({ ...v, orgId }).returning();
  return row!;
}

export async function findInsight(x: Executor, orgId: string, roundtableId: string, id: string): Promise<RoundtableInsightRow | undefined> {
  const [row] = await x.select().from(roundtableInsights).where(and(eq(roundtableInsights.orgId, orgId), eq(roundtableInsights.roundtableId, roundtableId), eq(roundtableInsights.id, id)));
  return row;
}

export async function listInsights(x: Executor, orgId: string, roundtableId: string): Promise<RoundtableInsightRow[]> {
  return x
    .select()
    .from(roundtableInsights)
    .where(and(eq(roundtableInsights.orgId, orgId), eq(roundtableInsights.roundtableId, roundtableId)))
    .orderBy(asc(roundtableInsights.createdAt), asc(roundtableInsights.id));
}

/** Inserts the action of an insight; false when the insight already has one. */
export async function insertAction(x: Executor, orgId: string, v: Omit<typeof roundtableActions.$inferInsert, 'orgId'>): Promise<boolean> {
  const rows = await x.insert(roundtableActions).values({ ...v, orgId }).onConflictDoNothing().returning({ id: roundtableActions.insightId });
  return rows.length === 1;
}

export async function listActions(x: Executor, orgId: string, roundtableId: string): Promise<RoundtableActionRow[]> {
  return x.select().from(roundtableActions).where(and(eq(roundtableActions.orgId, orgId), eq(roundtableActions.roundtableId, roundtableId)));
}

export async function setActionDone(x: Executor, orgId: string, roundtableId: string, insightId: string, doneAt: Date | null): Promise<boolean> {
  const rows = await x
    .update(roundtableActions)
    .set({ doneAt })
    .where(and(eq(roundtableActions.orgId, orgId), eq(roundtableActions.roundtableId, roundtableId), eq(roundtableActions.insightId, insightId)))
    .returning({ id: roundtableActions.insightId });
  return rows.length === 1;
}

/* ---------- participation sources ---------- */

export interface ParticipationRow {
  personId: string;
  at: Date;
  kind: string;
}

/** Joining a hackweek team, pitching an idea or voting, in [from, to). */
export async function hackweekParticipation(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]> {
  const [members, pitches, votes] = await Promise.all([
    x
      .select({ personId: hackweekMembers.personId, at: hackweekMembers.joinedAt })
      .from(hackweekMembers)
      .where(and(eq(hackweekMembers.orgId, orgId), gte(hackweekMembers.joinedAt, from), lt(hackweekMembers.joinedAt, to))),
    x
      .select({ personId: hackweekIdeas.personId, at: hackweekIdeas.createdAt })
      .from(hackweekIdeas)
      .where(and(eq(hackweekIdeas.orgId, orgId), gte(hackweekIdeas.createdAt, from), lt(hackweekIdeas.createdAt, to))),
    x
      .select({ personId: hackweekVotes.personId, at: hackweekVotes.at })
      .from(hackweekVotes)
      .where(and(eq(hackweekVotes.orgId, orgId), gte(hackweekVotes.at, from), lt(hackweekVotes.at, to))),
  ]);
  return [...members, ...pitches, ...votes].map((r) => ({ ...r, kind: 'hackweek' }));
}

/** Checking in to a sprint demo, in [from, to). */
export async function demoParticipation(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]> {
  const rows = await x
    .select({ personId: demoInvitees.personId, at: demoInvitees.checkedInAt })
    .from(demoInvitees)
    .where(and(eq(demoInvitees.orgId, orgId), gte(demoInvitees.checkedInAt, from), lt(demoInvitees.checkedInAt, to)));
  return rows.map((r) => ({ personId: r.personId, at: r.at!, kind: 'demo' }));
}

/** Attending a round-table (its day, midnight UTC), in [from, to). */
export async function roundtableParticipation(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]> {
  const rows = await x
    .select({ personId: roundtableInvitees.personId, date: roundtables.date })
    .from(roundtableInvitees)
    .innerJoin(roundtables, and(eq(roundtables.orgId, roundtableInvitees.orgId), eq(roundtables.id, roundtableInvitees.roundtableId)))
    .where(
      and(
        eq(roundtableInvitees.orgId, orgId),
        eq(roundtableInvitees.attended, true),
        gte(roundtables.date, from.toISOString().slice(0, 10)),
        lt(roundtables.date, to.toISOString().slice(0, 10)),
      ),
    );
  return rows.map((r) => ({ personId: r.personId, at: new Date(`${r.date}T00:00:00.000Z`), kind: 'roundtable' }));
}
