import { addDays, createRng, type Rng } from '@tandem/core';
import {
  insertDemo,
  insertDemoInvitees,
  insertDemoItems,
  insertHackweek,
  insertIdea,
  insertInitiatives,
  insertInsight,
  insertAction,
  insertRoundtable,
  insertRoundtableInvitees,
  listPeople,
  listPulses,
  schema,
  updateIdea,
} from '@tandem/db';
import { publishedGapsOfLatestPulse } from '../features/events';
import { randomToken } from '../lib/crypto';
import type { DemoSeeder } from './seed';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const IDEAS: [string, 'business' | 'it', string][] = [
  ['Quote builder that knows pump options', 'business', 'Sales re-keys every option by hand'],
  ['Order status without a phone call', 'business', 'Customer Service answers the same question all day'],
  ['Month-end in three days', 'business', 'Finance waits on four exports'],
  ['Trade-fair leads straight into the CRM', 'business', 'Cards get lost after every fair'],
  ['Self-service password reset', 'it', 'A third of tickets are passwords'],
  ['Build cache for the ERP customisations', 'it', 'Builds take forty minutes'],
  ['Stock alerts on the shop floor', 'it', 'Stock-outs are found too late'],
  ['One-click test data', 'it', 'Every tester builds their own'],
  ['Serial lookup for warranty claims', 'it', 'Agents search three systems'],
  ['Carrier labels for UPS freight', 'it', 'Labels are typed twice'],
  ['Dashboards for the shift report', 'it', 'The shift report is a photo of a whiteboard'],
  ['Retire the fax gateway', 'it', 'Two distributors still fax orders'],
  ['Chat bot for the IT FAQ', 'it', 'The FAQ nobody finds'],
  ['Spare-part finder', 'it', 'Parts are found by memory'],
];

const LUNCH_QUESTIONS = ['How aggressive is your roadmap targeting business goals?', 'What technical goals will help IT deliver the business initiatives?', 'Is this roadmap vague? Does it even include IT?'];
const LUNCH_INSIGHTS = [
  'Speak their language: bring a business case to the CFO, not a technology',
  'Get involved early: give the business a plan for now, next week, next month, next year',
  'Find the passion: let a champion from the team present the case',
  'Create cross-over: hackweeks, agile demos the business attends, coffee across departments',
];

/**
 * Northwind's events: a hackweek eight months ago (14 ideas, four from the business, nine teams,
 * votes, two outcomes that became initiatives on the roadmap), monthly sprint demos whose business
 * share grows from 10% to 40%, the leaders' lunch of the seed as a round-table whose insights became
 * actions, and participation that is higher where the latest pulse publishes a smaller gap.
 */
export const seedEvents: DemoSeeder = async (ctx, { orgId }) => {
  const rng = createRng('northwind-events');
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const people = (await listPeople(ctx.db, orgId, false)).filter((p) => p.active);
  const business = people.filter((p) => p.side === 'business');
  const it = people.filter((p) => p.side === 'it');
  const leaders = people.filter((p) => p.level === 'leader');
  // Participation leans on the gap the latest pulse publishes: departments with a smaller gap take part more.
  const gaps = (await listPulses(ctx.db, orgId)).length ? await publishedGapsOfLatestPulse(ctx, orgId) : new Map<string, number>();
  const ordered = [...gaps.entries()].sort((a, b) => a[1] - b[1]).map(([d]) => d);
  const eager = (dept: string) => {
    const i = ordered.indexOf(dept);
    return i < 0 ? 0.3 : 0.75 - (0.6 * i) / Math.max(1, ordered.length - 1);
  };
  const willing = (p: { department: string }) => rng.next() < eager(p.department);

  await ctx.db.transaction(async (tx) => {
    /* ---- the hackweek ---- */
    const start = addDays(today, -240);
    const at = new Date(`${start}T09:00:00Z`);
    const hw = await insertHackweek(tx, orgId, { title: 'Northwind Hackweek: fewer hand-offs', theme: 'Creative approaches to our daily friction', startDate: start, endDate: addDays(start, 4), maxTeamSize: 5, phase: 'outcomes', votingClosedAt: new Date(`${addDays(start, 4)}T17:00:00Z`), createdAt: at });
    const ideas = [];
    // The nine teams demo on the last day, twenty minutes each from 09:00 UTC.
    const slot = (k: number) => (k < 9 ? new Date(Date.parse(`${addDays(start, 4)}T09:00:00Z`) + k * 20 * 60_000) : null);
    for (const [k, [title, side, pitch]] of IDEAS.entries()) ideas.push(await insertIdea(tx, orgId, { hackweekId: hw.id, title, pitch, personId: pick(rng, side === 'business' ? business : it).id, demoSlot: slot(k), createdAt: at }));
    const pool = shuffle(rng, people.filter(willing));
    const taken = new Set(ideas.map((i) => i.personId));
    const members: { orgId: string; hackweekId: string; ideaId: string; personId: string; joinedAt: Date }[] = [];
    for (let t = 0; t < 9; t++) {
      const size = 3 + (t % 3);
      // Every team gets at least one engineer, and most get someone from the business.
      const team = [pool.find((p) => p.side === 'it' && !taken.has(p.id)), ...pool.filter((p) => !taken.has(p.id)).slice(0, size - 1)].filter((p): p is (typeof pool)[number] => !!p);
      for (const p of team) {
        if (taken.has(p.id)) continue;
        taken.add(p.id);
        members.push({ orgId, hackweekId: hw.id, ideaId: ideas[t]!.id, personId: p.id, joinedAt: at });
      }
    }
    if (members.length) await tx.insert(schema.hackweekMembers).values(members);
    const memberOf = new Map(members.map((m) => [m.personId, m.ideaId]));
    const votes = [];
    const voteAt = new Date(`${addDays(start, 4)}T15:00:00Z`);
    for (const p of people.filter(willing)) {
      for (const category of ['impact', 'creativity'] as const) {
        const options = ideas.slice(0, 9).filter((i) => i.id !== memberOf.get(p.id) && i.personId !== p.id);
        // Impact leans to the first two ideas (the ones that became initiatives).
        const idea = category === 'impact' && rng.next() < 0.5 ? options[Math.floor(rng.next() * 2)]! : pick(rng, options);
        votes.push({ orgId, hackweekId: hw.id, personId: p.id, category, ideaId: idea.id, at: voteAt });
      }
    }
    for (let i = 0; i < votes.length; i += 500) await tx.insert(schema.hackweekVotes).values(votes.slice(i, i + 500));
    const became = await insertInitiatives(tx, orgId, [
      { title: 'Configure-to-order quotes', description: 'From the hackweek: the quote builder that knows pump options', status: 'in_progress', startDate: addDays(start, 30), endDate: addDays(today, 60) },
      { title: 'Order status portal', description: 'From the hackweek: customers see their order status themselves', status: 'planned', startDate: addDays(today, 14), endDate: addDays(today, 150) },
    ]);
    await updateIdea(tx, orgId, ideas[0]!.id, { outcome: 'became_initiative', outcomeInitiativeId: became[0]!.id });
    await updateIdea(tx, orgId, ideas[1]!.id, { outcome: 'became_initiative', outcomeInitiativeId: became[1]!.id });
    for (const [k, outcome] of ['shipped', 'shipped', 'parked', 'parked', 'shipped', 'parked', 'parked'].entries()) {
      await updateIdea(tx, orgId, ideas[k + 2]!.id, { outcome: outcome as 'shipped' | 'parked' });
    }

    /* ---- monthly sprint demos: business share 10% → 40% ---- */
    // Each demo also shows a request asked for by someone from the business; from the fourth demo on, its requester comes.
    const byId = new Map(business.map((p) => [p.id, p]));
    const asked = (await tx.select({ id: schema.requests.id, orgId: schema.requests.orgId, requesterId: schema.requests.requesterId }).from(schema.requests)).filter(
      (r) => r.orgId === orgId && r.requesterId !== null && byId.has(r.requesterId),
    );
    for (let m = 0; m < 10; m++) {
      const day = addDays(today, -30 * (10 - m) + 2);
      const demo = await insertDemo(tx, orgId, { title: `Sprint demo ${m + 1}`, team: m % 2 ? 'Orders team' : 'Platform team', startsAt: new Date(`${day}T14:00:00Z`), durationMinutes: 60, checkInToken: randomToken(16), createdAt: new Date(`${addDays(day, -7)}T09:00:00Z`) });
      const request = asked[(m * 7) % Math.max(1, asked.length)];
      await insertDemoItems(tx, orgId, [{ demoId: demo.id, type: 'initiative', refId: became[0]!.id, position: 0 }, ...(request ? [{ demoId: demo.id, type: 'request' as const, refId: request.id, position: 1 }] : [])]);
      const attendees = 20;
      const share = 0.1 + (0.3 * m) / 9;
      const nBusiness = Math.round(attendees * share);
      const fromBusiness = shuffle(rng, business.filter(willing)).slice(0, nBusiness);
      const requester = request ? byId.get(request.requesterId!) : undefined;
      if (m >= 3 && requester && !fromBusiness.includes(requester)) fromBusiness.splice(0, 1, requester);
      const who = [...fromBusiness, ...shuffle(rng, it.filter(willing)).slice(0, attendees - nBusiness)];
      await insertDemoInvitees(
        tx,
        orgId,
        who.map((p) => ({ demoId: demo.id, personId: p.id, rsvpToken: randomToken(16), rsvp: 'accepted' as const, checkedInAt: new Date(`${day}T14:03:00Z`), sawValue: rng.next() < 0.7 })),
      );
    }

    /* ---- the leaders' lunch ---- */
    const lunchDay = addDays(today, -120);
    const guests = leaders.slice(0, 8);
    const rt = await insertRoundtable(tx, orgId, { title: "Tech leaders' lunch: IT and business alignment", date: lunchDay, questions: LUNCH_QUESTIONS, notes: '81% of tech leaders say IT and business are aligned; 54% of tech employees agree.', createdAt: new Date(`${lunchDay}T12:00:00Z`) });
    await insertRoundtableInvitees(tx, orgId, guests.map((p, i) => ({ roundtableId: rt.id, personId: p.id, attended: i < 7 })));
    for (const [i, text] of LUNCH_INSIGHTS.entries()) {
      const ins = await insertInsight(tx, orgId, { roundtableId: rt.id, text, createdAt: new Date(`${lunchDay}T13:00:00Z`) });
      if (i < 3 && guests[i]) {
        await insertAction(tx, orgId, { insightId: ins.id, roundtableId: rt.id, ownerId: guests[i]!.id, dueDate: addDays(lunchDay, 30 * (i + 1)), linkType: i === 1 ? 'initiative' : null, linkId: i === 1 ? became[1]!.id : null, doneAt: i === 0 ? new Date(`${addDays(lunchDay, 20)}T10:00:00Z`) : null, createdAt: new Date(`${lunchDay}T13:00:00Z`) });
      }
    }
  });
};
