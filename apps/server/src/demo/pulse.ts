import { createRng, findPulseTemplate, type Rng } from '@tandem/core';
import { insertPulse, insertPulseInvitations, insertPulseItems, insertPulseResponse, listPeople, upsertQuestions } from '@tandem/db';
import type { AppContext } from '../context';
import { randomToken, sha256 } from '../lib/crypto';

const DAY = 86_400_000;

/**
 * Three quarterly Alignment Pulses for Northwind: almost everyone answers each one, and on the
 * first statement the leader/employee gap narrows from about 27 points (the seed's 81% vs 54%)
 * to about 18, then about 10, so the trend tells the story of the work done in between.
 */
const QUARTERS = [
  { daysAgo: 270, leaders: 0.82, gap: 0.27, lift: 0 },
  { daysAgo: 180, leaders: 0.8, gap: 0.18, lift: 0.06 },
  { daysAgo: 90, leaders: 0.8, gap: 0.1, lift: 0.12 },
];

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** A favourable (4-5) or unfavourable (1-3) answer. */
const answer = (rng: Rng, favourable: boolean) => (favourable ? (rng.next() < 0.6 ? 4 : 5) : 1 + Math.floor(rng.next() * 3));

/** Exactly round(p·n) of n flags set, in random order: the demo hits its targets, not just near them. */
function exactly(rng: Rng, n: number, p: number): boolean[] {
  const k = Math.max(0, Math.min(n, Math.round(p * n)));
  return shuffle(rng, Array.from({ length: n }, (_, i) => i < k));
}

export async function seedDemoPulses(ctx: AppContext, org: { orgId: string; ownerId: string }): Promise<void> {
  const rng = createRng('northwind-pulse');
  const template = findPulseTemplate('tech-priorities-alignment')!;
  const people = await listPeople(ctx.db, org.orgId, false);
  const now = ctx.now().getTime();
  await ctx.db.transaction(async (tx) => {
    const questions = await upsertQuestions(tx, org.orgId, [...template.statements]);
    for (const q of QUARTERS) {
      const opened = new Date(now - q.daysAgo * DAY);
      const closed = new Date(opened.getTime() + 14 * DAY);
      const quarter = Math.floor(opened.getUTCMonth() / 3) + 1;
      const pulse = await insertPulse(tx, {
        orgId: org.orgId,
        title: `Alignment Pulse ${opened.getUTCFullYear()} Q${quarter}`,
        status: 'closed',
        audience: {},
        minGroupSize: 5,
        minCommentGroupSize: 10,
        openedAt: opened,
        closesAt: closed,
        closedAt: closed,
        publishedAt: closed,
        createdBy: org.ownerId,
        createdAt: new Date(opened.getTime() - DAY),
      });
      await insertPulseItems(tx, org.orgId, pulse.id, questions.map((x) => x.id));
      const responding = new Set(people.filter(() => rng.next() < 0.97).map((p) => p.id));
      await insertPulseInvitations(
        tx,
        people.map((p) => ({
          orgId: org.orgId,
          pulseId: pulse.id,
          personId: p.id,
          tokenHash: sha256(randomToken(16)),
          side: p.side,
          level: p.level,
          department: p.department,
          location: p.location,
          used: responding.has(p.id),
          createdAt: opened,
        })),
      );
      const respondents = people.filter((p) => responding.has(p.id));
      const leaders = respondents.filter((p) => p.level === 'leader');
      const employees = respondents.filter((p) => p.level === 'employee');
      // The first statement: exact shares, so the gap is what the story says.
      const leaderFav = exactly(rng, leaders.length, q.leaders);
      const leaderShare = leaderFav.filter(Boolean).length / Math.max(1, leaders.length);
      const employeeFav = exactly(rng, employees.length, leaderShare - q.gap);
      const firstFav = new Map<string, boolean>();
      leaders.forEach((p, i) => firstFav.set(p.id, leaderFav[i]!));
      employees.forEach((p, i) => firstFav.set(p.id, employeeFav[i]!));
      for (const p of shuffle(rng, [...respondents])) {
        const base = p.level === 'leader' ? 0.7 : 0.45;
        const side = p.side === 'it' ? 0.05 : -0.05;
        await insertPulseResponse(
          tx,
          {
            orgId: org.orgId,
            pulseId: pulse.id,
            day: new Date(opened.getTime() + Math.floor(rng.next() * 10) * DAY).toISOString().slice(0, 10),
            side: p.side,
            level: p.level,
            department: p.department,
            location: p.location,
          },
          questions.map((_, i) => (i === 0 ? answer(rng, firstFav.get(p.id)!) : answer(rng, rng.next() < base + side + q.lift - i * 0.015))),
          questions.map((_, i) => (i === 0 && rng.next() < 0.08 ? pickComment(rng, q.lift) : null)),
        );
      }
    }
  });
}

const COMMENTS = [
  ['We hear about IT projects after the budget is set.', 'The roadmap changes every month and nobody tells us why.', 'IT is brought in when the ice storm hits.'],
  ['The now / next week / next month plans help a lot.', 'Demos are getting better, more business people come.', 'Still unclear who owns the roadmap dates.'],
  ['Engineers in the leadership meeting changed the conversation.', 'We finally see the business case behind IT requests.', 'Pace is better, but security still feels unpriced.'],
];

function pickComment(rng: Rng, lift: number): string {
  const bucket = COMMENTS[lift === 0 ? 0 : lift < 0.1 ? 1 : 2]!;
  return bucket[Math.floor(rng.next() * bucket.length)]!;
}
