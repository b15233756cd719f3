import { addDays, createRng, groupPeople, groupReasons, isoWeekday, lastMetIndex, type PairingHistory, sitInRota, slotsOnDay, zonedToUtc } from '@tandem/core';
import {
  insertBooking,
  insertCoffeeRound,
  insertGroupMembers,
  insertOpenHour,
  insertProgramme,
  insertRota,
  upsertParticipant,
  insertTopic,
  insertTopicVote,
  listPeople,
  markDiscussed,
  replaceParticipants,
  replaceTurns,
} from '@tandem/db';
import { randomToken, sha256 } from '../lib/crypto';
import type { DemoSeeder } from './seed';

const ROUNDS = 26;
/** Rounds before the programme's rules favoured IT × Business: a plain "random coffee". */
const PLAIN_ROUNDS = 8;
const TOPICS: [string, string | null][] = [
  ['Why does the VPN drop every afternoon?', 'Infrastructure replaces the concentrator in January'],
  ['Can Sales see stock levels in the CRM?', 'Applications scopes a read-only stock widget'],
  ['Who decides which IT requests go first?', null],
  ['Training on the new expense tool', null],
  ['Shadow IT: the Marketing survey tool', 'Security reviews it with Marketing next week'],
  ['Roadmap for the warehouse scanners', null],
];

/**
 * Northwind's cross-over programmes: six months of weekly coffee rounds (the first two months a
 * plain random coffee, then IT × Business preferred, so the cross-side share rises), with
 * "did you meet?" answers; two leaders' open hours with bookings; an open-mic queue; and a
 * sit-in rota for the leadership weekly.
 */
export const seedCrossover: DemoSeeder = async (ctx, { orgId }) => {
  const rng = createRng('northwind-crossover');
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const people = await listPeople(ctx.db, orgId, false);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)]!;
  await ctx.db.transaction(async (tx) => {
    const programme = await insertProgramme(tx, orgId, {
      name: 'Coffee across IT and Business',
      cadence: 'weekly',
      groupSize: 2,
      noRepeatRounds: 6,
      preferCrossSide: true,
      preferCrossDepartment: true,
      timeZone: 'Europe/London',
      createdAt: new Date(now.getTime() - (ROUNDS * 7 + 3) * 86_400_000),
    });
    const joined = people.filter(() => rng.next() < 0.45);
    await replaceParticipants(tx, orgId, programme.id, joined.map((p) => p.id));
    // Two people are away: one on holiday now, one booked for a break next month (decision 076).
    if (joined.length > 2) {
      await upsertParticipant(tx, orgId, programme.id, joined[0]!.id, { from: null, until: addDays(today, 10) });
      await upsertParticipant(tx, orgId, programme.id, joined[1]!.id, { from: addDays(today, 30), until: addDays(today, 44) });
    }
    const persons = joined.map((p) => ({ id: p.id, side: p.side, department: p.department, location: p.location }));
    const side = new Map(joined.map((p) => [p.id, p.side]));
    const history: { round: number; pairs: string[][] }[] = [];
    for (let n = 1; n <= ROUNDS; n++) {
      const day = addDays(today, -(ROUNDS - n + 1) * 7);
      const result = groupPeople(persons, history as PairingHistory, { groupSize: 2, noRepeatRounds: 6, preferCrossSide: n > PLAIN_ROUNDS, preferCrossDepartment: true, currentRound: n }, rng);
      const metBefore = lastMetIndex(history, n, 6);
      const byId = new Map(persons.map((x) => [x.id, x]));
      history.push({ round: n, pairs: result.groups });
      const round = await insertCoffeeRound(tx, orgId, { programmeId: programme.id, number: n, proposedStart: zonedToUtc(day, '10:00', 'Europe/London') });
      // Meeting rates: most groups meet; cross-side groups a little less often before the programme made it normal.
      const answeredAt = new Date(round.proposedStart.getTime() + 3 * 86_400_000);
      await insertGroupMembers(
        tx,
        result.groups.flatMap((g, index) => {
          const mixed = new Set(g.map((id) => side.get(id))).size > 1;
          const p = n > PLAIN_ROUNDS ? 0.78 : mixed ? 0.55 : 0.68;
          const answered = rng.next() < 0.85;
          const met = rng.next() < p;
          const reasons = groupReasons(g.map((id) => byId.get(id)!), metBefore, 6);
          return g.map((personId, k) => ({
            orgId,
            roundId: round.id,
            groupIndex: index,
            personId,
            reasons,
            metTokenHash: sha256(randomToken()),
            ...(answered && k === 0 ? { met, answeredAt } : {}),
          }));
        }),
      );
    }

    // Two leaders' open hours, eight weeks of bookings each, a few in the coming weeks.
    const leaders = [people.find((p) => p.level === 'leader' && p.side === 'it')!, people.find((p) => p.level === 'leader' && p.side === 'business')!];
    const hours = [
      { leader: leaders[0]!, weekday: 4, start: '15:00', end: '16:00', location: 'Video call' },
      { leader: leaders[1]!, weekday: 2, start: '10:00', end: '11:00', location: 'Meeting room Alder' },
    ];
    for (const h of hours) {
      const row = await insertOpenHour(tx, orgId, { leaderId: h.leader.id, weekday: h.weekday, start: h.start, end: h.end, slotMinutes: 15, timeZone: 'Europe/London', location: h.location, createdAt: new Date(now.getTime() - 70 * 86_400_000) });
      for (let d = -63; d <= 21; d++) {
        const day = addDays(today, d);
        if (isoWeekday(day) !== h.weekday) continue;
        for (const s of slotsOnDay(row, day)) {
          if (rng.next() > (d < 0 ? 0.55 : 0.3)) continue;
          const booker = pick(people.filter((p) => p.id !== h.leader.id && (h.leader.side === 'it' ? rng.next() < 0.75 || p.side === 'business' : true)));
          await insertBooking(tx, orgId, { openHourId: row.id, slotStart: s.start, slotEnd: s.end, personId: booker.id, topic: pick(['Budget for next year', 'A tool my team needs', 'Career in IT', 'How priorities are set', 'Data access for reports']) });
        }
      }
    }

    // The open-mic queue: votes, three topics discussed with outcomes.
    for (const [i, [title, outcome]] of TOPICS.entries()) {
      const created = new Date(now.getTime() - (TOPICS.length - i) * 86_400_000);
      const topic = await insertTopic(tx, orgId, { title, personId: pick(people).id, createdAt: created, expiresAt: new Date(created.getTime() + 14 * 86_400_000) });
      const voters = people.filter(() => rng.next() < 0.06);
      for (const v of voters) await insertTopicVote(tx, orgId, topic.id, v.id);
      if (outcome) await markDiscussed(tx, orgId, topic.id, outcome, new Date(created.getTime() + 86_400_000));
    }

    // Engineers sitting in on the leadership weekly: eight Mondays from four weeks ago.
    const pool = people.filter((p) => p.side === 'it' && p.level === 'employee').slice(0, 5).map((p) => p.id);
    const firstMonday = (() => {
      let d = addDays(today, -28);
      while (isoWeekday(d) !== 1) d = addDays(d, 1);
      return d;
    })();
    const dates = Array.from({ length: 8 }, (_, i) => addDays(firstMonday, i * 7));
    const rota = await insertRota(tx, orgId, { meetingTitle: 'Leadership weekly', poolPersonIds: pool, startTime: '09:00', durationMinutes: 60, timeZone: 'Europe/London', location: 'Board room' });
    await replaceTurns(
      tx,
      orgId,
      rota.id,
      sitInRota(pool, dates).map((t) => ({ date: t.date, personId: t.personId, declinedBy: [], note: t.date < today ? pick(['Saw how the budget trade-offs are made', 'Learned why Sales wants the CRM change first', 'Useful: heard the customer escalations directly']) : null })),
    );
  });
};
