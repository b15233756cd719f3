import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { people } from '../schema/org';
import {
  calendarFeeds,
  coffeeGroupMembers,
  coffeeParticipants,
  coffeeProgrammes,
  coffeeRounds,
  openHourBookings,
  openHours,
  openMicTopics,
  openMicVotes,
  sitInRotas,
  sitInTurns,
} from '../schema/crossover';

export type CoffeeProgrammeRow = typeof coffeeProgrammes.$inferSelect;
export type NewCoffeeProgramme = Omit<typeof coffeeProgrammes.$inferInsert, 'orgId' | 'id'>;
export type CoffeeRoundRow = typeof coffeeRounds.$inferSelect;
export type CoffeeGroupMemberRow = typeof coffeeGroupMembers.$inferSelect;
export type OpenHourRow = typeof openHours.$inferSelect;
export type NewOpenHour = Omit<typeof openHours.$inferInsert, 'orgId' | 'id'>;
export type OpenHourBookingRow = typeof openHourBookings.$inferSelect;
export type OpenMicTopicRow = typeof openMicTopics.$inferSelect;
export type SitInRotaRow = typeof sitInRotas.$inferSelect;
export type SitInTurnRow = typeof sitInTurns.$inferSelect;

/** Those of `ids` that are people of the organisation. */
export async function peopleOfOrg(x: Executor, orgId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return x.select().from(people).where(and(eq(people.orgId, orgId), inArray(people.id, [...ids])));
}

/* ---------- coffee programmes ---------- */

export async function insertProgramme(x: Executor, orgId: string, v: NewCoffeeProgramme): Promise<CoffeeProgrammeRow> {
  const [row] = await x.insert(coffeeProgrammes).values({ ...v, orgId }).returning();
  return row!;
}

export async function findProgramme(x: Executor, orgId: string, id: string): Promise<CoffeeProgrammeRow | null> {
  const [row] = await x.select().from(coffeeProgrammes).where(and(eq(coffeeProgrammes.orgId, orgId), eq(coffeeProgrammes.id, id)));
  return row ?? null;
}

/** Programmes, newest first, keyset-paged on (createdAt, id), with their participant counts. */
export async function listProgrammes(x: Executor, orgId: string, limit: number, after?: { at: Date; id: string }) {
  const count = sql<number>`(select count(*)::int from ${coffeeParticipants} where ${coffeeParticipants.programmeId} = ${coffeeProgrammes.id})`;
  return x
    .select({ programme: coffeeProgrammes, participants: count })
    .from(coffeeProgrammes)
    .where(
      and(
        eq(coffeeProgrammes.orgId, orgId),
        after ? or(lt(coffeeProgrammes.createdAt, after.at), and(eq(coffeeProgrammes.createdAt, after.at), gt(coffeeProgrammes.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(coffeeProgrammes.createdAt), asc(coffeeProgrammes.id))
    .limit(limit + 1);
}

export async function countParticipants(x: Executor, programmeId: string): Promise<number> {
  const [r] = await x.select({ n: sql<number>`count(*)::int` }).from(coffeeParticipants).where(eq(coffeeParticipants.programmeId, programmeId));
  return Number(r?.n ?? 0);
}

export async function replaceParticipants(x: Executor, orgId: string, programmeId: string, personIds: readonly string[]) {
  await x.delete(coffeeParticipants).where(and(eq(coffeeParticipants.orgId, orgId), eq(coffeeParticipants.programmeId, programmeId)));
  for (let i = 0; i < personIds.length; i += 500) {
    await x.insert(coffeeParticipants).values(personIds.slice(i, i + 500).map((personId) => ({ orgId, programmeId, personId })));
  }
}

/** Opts a person in, or sets their pause (`pausedFrom` null: from now on; both null: no pause). */
export async function upsertParticipant(x: Executor, orgId: string, programmeId: string, personId: string, pause: { from: string | null; until: string | null }) {
  await x
    .insert(coffeeParticipants)
    .values({ orgId, programmeId, personId, pausedUntil: pause.until, pausedFrom: pause.from })
    .onConflictDoUpdate({ target: [coffeeParticipants.programmeId, coffeeParticipants.personId], set: { pausedUntil: pause.until, pausedFrom: pause.from } });
}

export async function deleteParticipant(x: Executor, orgId: string, programmeId: string, personId: string) {
  await x.delete(coffeeParticipants).where(and(eq(coffeeParticipants.orgId, orgId), eq(coffeeParticipants.programmeId, programmeId), eq(coffeeParticipants.personId, personId)));
}

/** Participants with their person, ordered by name then id, keyset-paged. */
export async function listParticipants(x: Executor, orgId: string, programmeId: string, limit: number, after?: { name: string; id: string }) {
  return x
    .select({ personId: people.id, name: people.name, side: people.side, department: people.department, location: people.location, pausedFrom: coffeeParticipants.pausedFrom, pausedUntil: coffeeParticipants.pausedUntil })
    .from(coffeeParticipants)
    .innerJoin(people, and(eq(people.orgId, coffeeParticipants.orgId), eq(people.id, coffeeParticipants.personId)))
    .where(
      and(
        eq(coffeeParticipants.orgId, orgId),
        eq(coffeeParticipants.programmeId, programmeId),
        after ? or(gt(people.name, after.name), and(eq(people.name, after.name), gt(people.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit + 1);
}

/** Everyone who takes part in a round on `day`: opted in, active, not paused on that day. */
export async function activeParticipants(x: Executor, orgId: string, programmeId: string, day: string) {
  return x
    .select({ id: people.id, name: people.name, email: people.email, side: people.side, department: people.department, location: people.location })
    .from(coffeeParticipants)
    .innerJoin(people, and(eq(people.orgId, coffeeParticipants.orgId), eq(people.id, coffeeParticipants.personId)))
    .where(
      and(
        eq(coffeeParticipants.orgId, orgId),
        eq(coffeeParticipants.programmeId, programmeId),
        eq(people.active, true),
        or(isNull(coffeeParticipants.pausedUntil), lt(coffeeParticipants.pausedUntil, day), gt(coffeeParticipants.pausedFrom, day)),
      ),
    )
    .orderBy(asc(people.id));
}

/* ---------- rounds ---------- */

export async function latestRoundNumber(x: Executor, programmeId: string): Promise<number> {
  const [r] = await x.select({ n: sql<number>`coalesce(max(${coffeeRounds.number}), 0)::int` }).from(coffeeRounds).where(eq(coffeeRounds.programmeId, programmeId));
  return Number(r?.n ?? 0);
}

/** Groups of the rounds numbered above `fromNumber`: the history a new round avoids repeating. */
export async function groupsSince(x: Executor, orgId: string, programmeId: string, fromNumber: number) {
  return x
    .select({ number: coffeeRounds.number, groupIndex: coffeeGroupMembers.groupIndex, personId: coffeeGroupMembers.personId })
    .from(coffeeGroupMembers)
    .innerJoin(coffeeRounds, and(eq(coffeeRounds.orgId, coffeeGroupMembers.orgId), eq(coffeeRounds.id, coffeeGroupMembers.roundId)))
    .where(and(eq(coffeeRounds.orgId, orgId), eq(coffeeRounds.programmeId, programmeId), gt(coffeeRounds.number, fromNumber)));
}

export async function insertCoffeeRound(x: Executor, orgId: string, v: { programmeId: string; number: number; proposedStart: Date }): Promise<CoffeeRoundRow> {
  const [row] = await x.insert(coffeeRounds).values({ ...v, orgId }).returning();
  return row!;
}

export async function insertGroupMembers(x: Executor, rows: (typeof coffeeGroupMembers.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await x.insert(coffeeGroupMembers).values(rows.slice(i, i + 500));
}

export async function findCoffeeRound(x: Executor, orgId: string, programmeId: string, roundId: string): Promise<CoffeeRoundRow | null> {
  const [row] = await x.select().from(coffeeRounds).where(and(eq(coffeeRounds.orgId, orgId), eq(coffeeRounds.programmeId, programmeId), eq(coffeeRounds.id, roundId)));
  return row ?? null;
}

export async function listCoffeeRounds(x: Executor, orgId: string, programmeId: string, limit: number, beforeNumber?: number) {
  return x
    .select()
    .from(coffeeRounds)
    .where(and(eq(coffeeRounds.orgId, orgId), eq(coffeeRounds.programmeId, programmeId), beforeNumber !== undefined ? lt(coffeeRounds.number, beforeNumber) : undefined))
    .orderBy(desc(coffeeRounds.number))
    .limit(limit + 1);
}

/** Members of one round (or one group of it) with their person. */
export async function roundMembers(x: Executor, orgId: string, roundId: string, groupIndex?: number) {
  return x
    .select({ member: coffeeGroupMembers, name: people.name, email: people.email, side: people.side, department: people.department })
    .from(coffeeGroupMembers)
    .innerJoin(people, and(eq(people.orgId, coffeeGroupMembers.orgId), eq(people.id, coffeeGroupMembers.personId)))
    .where(and(eq(coffeeGroupMembers.orgId, orgId), eq(coffeeGroupMembers.roundId, roundId), groupIndex !== undefined ? eq(coffeeGroupMembers.groupIndex, groupIndex) : undefined))
    .orderBy(asc(coffeeGroupMembers.groupIndex), asc(people.name), asc(people.id));
}

/** Every member of every round of a programme, for the statistics. */
export async function programmeMembers(x: Executor, orgId: string, programmeId: string) {
  return x
    .select({ number: coffeeRounds.number, groupIndex: coffeeGroupMembers.groupIndex, personId: coffeeGroupMembers.personId, met: coffeeGroupMembers.met, side: people.side, department: people.department })
    .from(coffeeGroupMembers)
    .innerJoin(coffeeRounds, and(eq(coffeeRounds.orgId, coffeeGroupMembers.orgId), eq(coffeeRounds.id, coffeeGroupMembers.roundId)))
    .innerJoin(people, and(eq(people.orgId, coffeeGroupMembers.orgId), eq(people.id, coffeeGroupMembers.personId)))
    .where(and(eq(coffeeRounds.orgId, orgId), eq(coffeeRounds.programmeId, programmeId)));
}

export async function countRounds(x: Executor, programmeId: string): Promise<number> {
  const [r] = await x.select({ n: sql<number>`count(*)::int` }).from(coffeeRounds).where(eq(coffeeRounds.programmeId, programmeId));
  return Number(r?.n ?? 0);
}

export async function setMet(x: Executor, orgId: string, roundId: string, personId: string, met: boolean, at: Date) {
  const rows = await x
    .update(coffeeGroupMembers)
    .set({ met, answeredAt: at })
    .where(and(eq(coffeeGroupMembers.orgId, orgId), eq(coffeeGroupMembers.roundId, roundId), eq(coffeeGroupMembers.personId, personId)))
    .returning();
  return rows[0] ?? null;
}

export async function findMemberByToken(x: Executor, tokenHash: string) {
  const [row] = await x.select().from(coffeeGroupMembers).where(eq(coffeeGroupMembers.metTokenHash, tokenHash));
  return row ?? null;
}

/** A person's coffee meetings from `since`, for the calendar feed. */
export async function coffeeMeetingsOf(x: Executor, orgId: string, personId: string, since: Date) {
  return x
    .select({ roundId: coffeeRounds.id, groupIndex: coffeeGroupMembers.groupIndex, proposedStart: coffeeRounds.proposedStart, programmeId: coffeeRounds.programmeId, programmeName: coffeeProgrammes.name, timeZone: coffeeProgrammes.timeZone })
    .from(coffeeGroupMembers)
    .innerJoin(coffeeRounds, and(eq(coffeeRounds.orgId, coffeeGroupMembers.orgId), eq(coffeeRounds.id, coffeeGroupMembers.roundId)))
    .innerJoin(coffeeProgrammes, and(eq(coffeeProgrammes.orgId, coffeeRounds.orgId), eq(coffeeProgrammes.id, coffeeRounds.programmeId)))
    .where(and(eq(coffeeGroupMembers.orgId, orgId), eq(coffeeGroupMembers.personId, personId), gte(coffeeRounds.proposedStart, since)))
    .orderBy(asc(coffeeRounds.proposedStart))
    .limit(500);
}

/* ---------- open hours ---------- */

export async function insertOpenHour(x: Executor, orgId: string, v: NewOpenHour): Promise<OpenHourRow> {
  const [row] = await x.insert(openHours).values({ ...v, orgId }).returning();
  return row!;
}

export async function findOpenHour(x: Executor, orgId: string, id: string): Promise<OpenHourRow | null> {
  const [row] = await x.select().from(openHours).where(and(eq(openHours.orgId, orgId), eq(openHours.id, id)));
  return row ?? null;
}

export async function listOpenHours(x: Executor, orgId: string, limit: number, after?: { at: Date; id: string }) {
  return x
    .select({ openHour: openHours, leaderName: people.name })
    .from(openHours)
    .innerJoin(people, and(eq(people.orgId, openHours.orgId), eq(people.id, openHours.leaderId)))
    .where(and(eq(openHours.orgId, orgId), after ? or(gt(openHours.createdAt, after.at), and(eq(openHours.createdAt, after.at), gt(openHours.id, after.id))) : undefined))
    .orderBy(asc(openHours.createdAt), asc(openHours.id))
    .limit(limit + 1);
}

/** Live bookings of an open hour between two instants. */
export async function bookingsBetween(x: Executor, orgId: string, openHourId: string, from: Date, to: Date) {
  return x
    .select({ booking: openHourBookings, name: people.name })
    .from(openHourBookings)
    .innerJoin(people, and(eq(people.orgId, openHourBookings.orgId), eq(people.id, openHourBookings.personId)))
    .where(and(eq(openHourBookings.orgId, orgId), eq(openHourBookings.openHourId, openHourId), isNull(openHourBookings.cancelledAt), gte(openHourBookings.slotStart, from), lt(openHourBookings.slotStart, to)));
}

/** Inserts a booking; null when the slot is already booked (the partial unique index decides). */
export async function insertBooking(x: Executor, orgId: string, v: { openHourId: string; slotStart: Date; slotEnd: Date; personId: string; topic: string }): Promise<OpenHourBookingRow | null> {
  const rows = await x.insert(openHourBookings).values({ ...v, orgId }).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findBooking(x: Executor, orgId: string, openHourId: string, id: string): Promise<OpenHourBookingRow | null> {
  const [row] = await x.select().from(openHourBookings).where(and(eq(openHourBookings.orgId, orgId), eq(openHourBookings.openHourId, openHourId), eq(openHourBookings.id, id)));
  return row ?? null;
}

export async function cancelBooking(x: Executor, orgId: string, id: string, at: Date) {
  const rows = await x.update(openHourBookings).set({ cancelledAt: at }).where(and(eq(openHourBookings.orgId, orgId), eq(openHourBookings.id, id), isNull(openHourBookings.cancelledAt))).returning();
  return rows[0] ?? null;
}

/** Who came to an open hour, by side and department (live bookings). */
export async function openHourVisitors(x: Executor, orgId: string, openHourId: string) {
  return x
    .select({ side: people.side, department: people.department, n: sql<number>`count(*)::int` })
    .from(openHourBookings)
    .innerJoin(people, and(eq(people.orgId, openHourBookings.orgId), eq(people.id, openHourBookings.personId)))
    .where(and(eq(openHourBookings.orgId, orgId), eq(openHourBookings.openHourId, openHourId), isNull(openHourBookings.cancelledAt)))
    .groupBy(people.side, people.department);
}

/** A person's live bookings (as booker or as the leader) from `since`, for the calendar feed. */
export async function bookingsOf(x: Executor, orgId: string, personId: string, since: Date) {
  return x
    .select({ booking: openHourBookings, openHour: openHours })
    .from(openHourBookings)
    .innerJoin(openHours, and(eq(openHours.orgId, openHourBookings.orgId), eq(openHours.id, openHourBookings.openHourId)))
    .where(and(eq(openHourBookings.orgId, orgId), isNull(openHourBookings.cancelledAt), gte(openHourBookings.slotStart, since), or(eq(openHourBookings.personId, personId), eq(openHours.leaderId, personId))))
    .orderBy(asc(openHourBookings.slotStart))
    .limit(500);
}

/* ---------- open mic ---------- */

export async function insertTopic(x: Executor, orgId: string, v: { title: string; personId: string | null; expiresAt: Date; createdAt: Date }): Promise<OpenMicTopicRow> {
  const [row] = await x.insert(openMicTopics).values({ ...v, orgId }).returning();
  return row!;
}

export async function findTopic(x: Executor, orgId: string, id: string): Promise<OpenMicTopicRow | null> {
  const [row] = await x.select().from(openMicTopics).where(and(eq(openMicTopics.orgId, orgId), eq(openMicTopics.id, id)));
  return row ?? null;
}

/** Inserts a vote; false when this person already voted for the topic. */
export async function insertTopicVote(x: Executor, orgId: string, topicId: string, personId: string): Promise<boolean> {
  const rows = await x.insert(openMicVotes).values({ orgId, topicId, personId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

const votes = sql<number>`(select count(*)::int from ${openMicVotes} where ${openMicVotes.topicId} = ${openMicTopics.id})`;

/** Open topics (not discussed, not expired) by votes, then oldest first; keyset on (votes, createdAt, id). */
export async function agenda(x: Executor, orgId: string, now: Date, limit: number, offset: number) {
  return x
    .select({ topic: openMicTopics, votes, author: people.name })
    .from(openMicTopics)
    .leftJoin(people, and(eq(people.orgId, openMicTopics.orgId), eq(people.id, openMicTopics.personId)))
    .where(and(eq(openMicTopics.orgId, orgId), isNull(openMicTopics.discussedAt), gt(openMicTopics.expiresAt, now)))
    .orderBy(desc(votes), asc(openMicTopics.createdAt), asc(openMicTopics.id))
    .limit(limit + 1)
    .offset(offset);
}

/** Discussed topics, newest first. */
export async function discussedTopics(x: Executor, orgId: string, limit: number, offset: number) {
  return x
    .select({ topic: openMicTopics, votes, author: people.name })
    .from(openMicTopics)
    .leftJoin(people, and(eq(people.orgId, openMicTopics.orgId), eq(people.id, openMicTopics.personId)))
    .where(and(eq(openMicTopics.orgId, orgId), sql`${openMicTopics.discussedAt} is not null`))
    .orderBy(desc(openMicTopics.discussedAt), asc(openMicTopics.id))
    .limit(limit + 1)
    .offset(offset);
}

export async function markDiscussed(x: Executor, orgId: string, id: string, outcome: string, at: Date) {
  const rows = await x.update(openMicTopics).set({ discussedAt: at, outcome }).where(and(eq(openMicTopics.orgId, orgId), eq(openMicTopics.id, id))).returning();
  return rows[0] ?? null;
}

export async function countVotes(x: Executor, topicId: string): Promise<number> {
  const [r] = await x.select({ n: sql<number>`count(*)::int` }).from(openMicVotes).where(eq(openMicVotes.topicId, topicId));
  return Number(r?.n ?? 0);
}

/* ---------- sit-ins ---------- */

export async function insertRota(
  x: Executor,
  orgId: string,
  v: { meetingTitle: string; poolPersonIds: string[]; startTime: string | null; durationMinutes: number; timeZone: string; location: string | null },
): Promise<SitInRotaRow> {
  const [row] = await x.insert(sitInRotas).values({ ...v, orgId }).returning();
  return row!;
}

export async function findRota(x: Executor, orgId: string, id: string): Promise<SitInRotaRow | null> {
  const [row] = await x.select().from(sitInRotas).where(and(eq(sitInRotas.orgId, orgId), eq(sitInRotas.id, id)));
  return row ?? null;
}

export async function listRotas(x: Executor, orgId: string, limit: number, after?: { at: Date; id: string }) {
  return x
    .select()
    .from(sitInRotas)
    .where(and(eq(sitInRotas.orgId, orgId), after ? or(lt(sitInRotas.createdAt, after.at), and(eq(sitInRotas.createdAt, after.at), gt(sitInRotas.id, after.id))) : undefined))
    .orderBy(desc(sitInRotas.createdAt), asc(sitInRotas.id))
    .limit(limit + 1);
}

export async function rotaTurns(x: Executor, orgId: string, rotaId: string): Promise<SitInTurnRow[]> {
  return x.select().from(sitInTurns).where(and(eq(sitInTurns.orgId, orgId), eq(sitInTurns.rotaId, rotaId))).orderBy(asc(sitInTurns.date));
}

export async function replaceTurns(x: Executor, orgId: string, rotaId: string, turns: { date: string; personId: string | null; declinedBy: string[]; note: string | null }[]) {
  await x.delete(sitInTurns).where(and(eq(sitInTurns.orgId, orgId), eq(sitInTurns.rotaId, rotaId)));
  if (turns.length) await x.insert(sitInTurns).values(turns.map((t) => ({ ...t, orgId, rotaId })));
}

export async function sitInsOf(x: Executor, orgId: string, personId: string, sinceDay: string) {
  return x
    .select({ date: sitInTurns.date, rota: sitInRotas })
    .from(sitInTurns)
    .innerJoin(sitInRotas, and(eq(sitInRotas.orgId, sitInTurns.orgId), eq(sitInRotas.id, sitInTurns.rotaId)))
    .where(and(eq(sitInTurns.orgId, orgId), eq(sitInTurns.personId, personId), gte(sitInTurns.date, sinceDay)))
    .orderBy(asc(sitInTurns.date))
    .limit(500);
}

/* ---------- calendar feeds ---------- */

export async function upsertCalendarFeed(x: Executor, orgId: string, personId: string, tokenHash: string, at: Date) {
  await x
    .insert(calendarFeeds)
    .values({ orgId, personId, tokenHash, createdAt: at })
    .onConflictDoUpdate({ target: [calendarFeeds.orgId, calendarFeeds.personId], set: { tokenHash, createdAt: at } });
}

export async function deleteCalendarFeed(x: Executor, orgId: string, personId: string): Promise<boolean> {
  const rows = await x.delete(calendarFeeds).where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.personId, personId))).returning();
  return rows.length > 0;
}

export async function findCalendarFeed(x: Executor, tokenHash: string) {
  const [row] = await x.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row ?? null;
}

/** The programme of a round (the mail links act without knowing the programme id). */
export async function programmeOfRound(x: Executor, orgId: string, roundId: string): Promise<CoffeeProgrammeRow | null> {
  const [row] = await x
    .select({ p: coffeeProgrammes })
    .from(coffeeRounds)
    .innerJoin(coffeeProgrammes, and(eq(coffeeProgrammes.orgId, coffeeRounds.orgId), eq(coffeeProgrammes.id, coffeeRounds.programmeId)))
    .where(and(eq(coffeeRounds.orgId, orgId), eq(coffeeRounds.id, roundId)));
  return row?.p ?? null;
}

export async function programmeNameOfRound(x: Executor, orgId: string, roundId: string): Promise<string | null> {
  return (await programmeOfRound(x, orgId, roundId))?.name ?? null;
}

export async function setTurnNote(x: Executor, orgId: string, rotaId: string, date: string, note: string) {
  const rows = await x.update(sitInTurns).set({ note }).where(and(eq(sitInTurns.orgId, orgId), eq(sitInTurns.rotaId, rotaId), eq(sitInTurns.date, date))).returning();
  return rows[0] ?? null;
}
export * from './participation';
