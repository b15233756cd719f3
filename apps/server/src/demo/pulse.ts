import { createRng, findPulseTemplate, nextPulseSchedule, nextPulseTitle, type Rng } from '@tandem/core';
import { insertPulse, insertPulseAction, insertPulseInvitations, insertPulseItems, insertPulseResponse, listActionLinkTargets, listPeople, upsertQuestions, type Executor, type PulseAudience, type PulseRow } from '@tandem/db';
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
    const made: PulseRow[] = [];
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
        // The latest one repeats every quarter; its next one waits as a draft (decision 135).
        ...(q === QUARTERS[QUARTERS.length - 1] ? { repeatEvery: 'quarter' as const } : {}),
        openedAt: opened,
        closesAt: closed,
        closedAt: closed,
        publishedAt: closed,
        createdBy: org.ownerId,
        createdAt: new Date(opened.getTime() - DAY),
      });
      await insertPulseItems(tx, org.orgId, pulse.id, questions.map((x) => x.id));
      made.push(pulse);
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
    await seedDemoActions(ctx, tx, org, made, people, questions);
  });
}

/**
 * Actions from results (decision 134): the middle pulse's, all done ("what we did since last
 * time" on the latest), the latest's still open, each linked to the roadmap; and the latest pulse's
 * next quarter already made as a draft, as the hourly job would make it.
 */
async function seedDemoActions(
  ctx: AppContext,
  tx: Executor,
  org: { orgId: string; ownerId: string },
  made: PulseRow[],
  people: { id: string; level: string; side: string }[],
  questions: { id: string }[],
) {
  const now = ctx.now();
  const day = (d: number) => new Date(now.getTime() + d * DAY).toISOString().slice(0, 10);
  const leaders = people.filter((p) => p.level === 'leader');
  const it = leaders.filter((p) => p.side === 'it');
  const biz = leaders.filter((p) => p.side === 'business');
  const { goals, initiatives } = await listActionLinkTargets(tx, org.orgId, 3);
  const [, middle, latest] = made;
  if (!middle || !latest) return;
  const actions: { pulse: PulseRow; q: number; segment: PulseAudience; title: string; owner: { id: string } | undefined; due: number; done: boolean; goal?: { id: string } | undefined; initiative?: { id: string } | undefined }[] = [
    { pulse: middle, q: 0, segment: { level: 'employee' }, title: 'Share the roadmap and its reasons at every all-hands', owner: biz[0], due: -120, done: true, goal: goals[0] },
    { pulse: middle, q: 2, segment: { side: 'business' }, title: 'Bring an IT lead into each quarterly budget review', owner: biz[1], due: -110, done: true, initiative: initiatives[0] },
    { pulse: middle, q: 3, segment: {}, title: 'Give every initiative an owner, a date and a measure', owner: it[0], due: -100, done: true, goal: goals[1] },
    { pulse: latest, q: 0, segment: { level: 'employee' }, title: 'Monthly roadmap demo open to every employee', owner: it[1] ?? it[0], due: 30, done: false, initiative: initiatives[1] },
    { pulse: latest, q: 7, segment: { side: 'business' }, title: 'Show the revenue each IT initiative serves on the roadmap', owner: biz[0], due: 60, done: false, goal: goals[2] },
  ];
  for (const a of actions) {
    if (!a.owner) continue;
    await insertPulseAction(tx, {
      orgId: org.orgId,
      pulseId: a.pulse.id,
      questionId: questions[a.q]?.id ?? null,
      segment: a.segment,
      title: a.title,
      ownerId: a.owner.id,
      dueDate: day(a.due),
      goalId: a.goal?.id ?? null,
      initiativeId: a.initiative?.id ?? null,
      status: a.done ? 'done' : 'open',
      doneAt: a.done ? new Date(now.getTime() + (a.due - 3) * DAY) : null,
      createdBy: org.ownerId,
      createdAt: a.pulse.closedAt ?? now,
    });
  }
  const { opensAt, closesAt } = nextPulseSchedule(latest, 'quarter', now);
  const next = await insertPulse(tx, {
    orgId: org.orgId,
    title: nextPulseTitle(latest.title, 'quarter', opensAt),
    audience: {},
    minGroupSize: latest.minGroupSize,
    minCommentGroupSize: latest.minCommentGroupSize,
    opensAt,
    closesAt,
    repeatEvery: 'quarter',
    previousPulseId: latest.id,
    createdBy: org.ownerId,
    createdAt: now,
  });
  await insertPulseItems(tx, org.orgId, next.id, questions.map((x) => x.id));
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
