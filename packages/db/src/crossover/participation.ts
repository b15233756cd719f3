import { and, eq, gte, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { coffeeGroupMembers, coffeeRounds, openHourBookings, openMicTopics, openMicVotes, sitInTurns } from '../schema/crossover';
import type { ParticipationRow } from '../events';

/**
 * What counts as taking part in each cross-over programme (events' decision 083): a coffee the
 * person said they had (at the round's proposed time), an open-hour booking not cancelled (at its
 * slot), posting or voting an open-mic topic, and a sit-in turn (its day, midnight UTC); all in [from, to).
 */
export async function coffeeParticipation(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]> {
  const rows = await x
    .select({ personId: coffeeGroupMembers.personId, at: coffeeRounds.proposedStart })
    .from(coffeeGroupMembers)
    .innerJoin(coffeeRounds, and(eq(coffeeRounds.orgId, coffeeGroupMembers.orgId), eq(coffeeRounds.id, coffeeGroupMembers.roundId)))
    .where(and(eq(coffeeGroupMembers.orgId, orgId), eq(coffeeGroupMembers.met, true), gte(coffeeRounds.proposedStart, from), lt(coffeeRounds.proposedStart, to)));
  return rows.map((r) => ({ ...r, kind: 'coffee' }));
}

export async function openHourParticipation(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]> {
  const rows = await x
    .select({ personId: openHourBookings.personId, at: openHourBookings.slotStart })
    .from(openHourBookings)
    .where(and(eq(openHourBookings.orgId, orgId), isNull(openHourBookings.cancelledAt), gte(openHourBookings.slotStart, from), lt(openHourBookings.slotStart, to)));
  return rows.map((r) => ({ ...r, kind: 'open_hour' }));
}

export async function openMicParticipation(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]> {
  const [topics, votes] = await Promise.all([
    x
      .select({ personId: openMicTopics.personId, at: openMicTopics.createdAt })
      .from(openMicTopics)
      .where(and(eq(openMicTopics.orgId, orgId), isNotNull(openMicTopics.personId), gte(openMicTopics.createdAt, from), lt(openMicTopics.createdAt, to))),
    x
      .select({ personId: openMicVotes.personId, at: openMicVotes.createdAt })
      .from(openMicVotes)
      .where(and(eq(openMicVotes.orgId, orgId), gte(openMicVotes.createdAt, from), lt(openMicVotes.createdAt, to))),
  ]);
  return [...topics.map((r) => ({ personId: r.personId!, at: r.at })), ...votes].map((r) => ({ ...r, kind: 'open_mic' }));
}

export async function sitInParticipation(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]> {
  const rows = await x
    .select({ personId: sitInTurns.personId, date: sitInTurns.date })
    .from(sitInTurns)
    .where(
      and(
        eq(sitInTurns.orgId, orgId),
        isNotNull(sitInTurns.personId),
        gte(sitInTurns.date, from.toISOString().slice(0, 10)),
        lt(sitInTurns.date, to.toISOString().slice(0, 10)),
      ),
    );
  return rows.map((r) => ({ personId: r.personId!, at: new Date(`${r.date}T00:00:00.000Z`), kind: 'sit_in' }));
}
