import { and, asc, eq, gte, ne, or, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { demoInvitees, demos, roundtableInvitees, roundtables } from '../schema/events';

/**
 * The sprint demos a person is invited to (not walk-ins, not the ones they declined) that start
 * from `since` on, for their calendar feed; at most 500, soonest first.
 */
export async function demosOfPerson(x: Executor, orgId: string, personId: string, since: Date) {
  return x
    .select({ id: demos.id, title: demos.title, team: demos.team, startsAt: demos.startsAt, durationMinutes: demos.durationMinutes })
    .from(demoInvitees)
    .innerJoin(demos, and(eq(demos.orgId, demoInvitees.orgId), eq(demos.id, demoInvitees.demoId)))
    .where(
      and(
        eq(demoInvitees.orgId, orgId),
        eq(demoInvitees.personId, personId),
        eq(demoInvitees.invited, true),
        or(isNull(demoInvitees.rsvp), ne(demoInvitees.rsvp, 'declined')),
        gte(demos.startsAt, since),
      ),
    )
    .orderBy(asc(demos.startsAt), asc(demos.id))
    .limit(500);
}

/** The round-tables a person is invited to on `sinceDay` (YYYY-MM-DD) or later; at most 500, soonest first. */
export async function roundtablesOfPerson(x: Executor, orgId: string, personId: string, sinceDay: string) {
  return x
    .select({ id: roundtables.id, title: roundtables.title, date: roundtables.date })
    .from(roundtableInvitees)
    .innerJoin(roundtables, and(eq(roundtables.orgId, roundtableInvitees.orgId), eq(roundtables.id, roundtableInvitees.roundtableId)))
    .where(and(eq(roundtableInvitees.orgId, orgId), eq(roundtableInvitees.personId, personId), gte(roundtables.date, sinceDay)))
    .orderBy(asc(roundtables.date), asc(roundtables.id))
    .limit(500);
}
