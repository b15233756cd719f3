import { outcomesAlive, sixMonthsAfter } from '@tandem/core';
import {
  findHackweek,
  findIdea,
  insertHackweek,
  insertIdea,
  insertMember,
  insertVote,
  linkedStatuses,
  listHackweeks,
  listIdeas,
  listHackweekMembers,
  peopleBrief,
  updateHackweek,
  updateIdea,
  voteCounts,
  type Executor,
  type HackweekRow,
} from '@tandem/db';
import {
  HACKWEEK_PHASES,
  type TCreateHackweekRequest,
  type TCreateIdeaRequest,
  type THackweek,
  type THackweekDetail,
  type THackweekIdea,
  type THackweekList,
  type THackweekPhase,
  type THackweekResults,
  type TPageQuery,
  type TUpdateIdeaRequest,
  type TVoteRequest,
} from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { actingPerson, badField, checkCursorKey, checkLink } from './acting-person';
import { appLink, emitEvent } from '../integrations';
import { recordEventsAudit } from './audit';

const phaseIndex = (p: THackweekPhase) => HACKWEEK_PHASES.indexOf(p);

function toHackweek(h: HackweekRow): THackweek {
  return { id: h.id, title: h.title, theme: h.theme, startDate: h.startDate, endDate: h.endDate, maxTeamSize: h.maxTeamSize, phase: h.phase, votingClosed: h.votingClosedAt !== null };
}

async function load(x: Executor, auth: OrgAuth, id: string): Promise<HackweekRow> {
  const h = await findHackweek(x, auth.orgId, id);
  if (!h) throw notFound('Hackweek');
  return h;
}

function requirePhase(h: HackweekRow, allowed: THackweekPhase[], what: string): void {
  if (!allowed.includes(h.phase)) throw new AppError('validation', `${what} is possible in the ${allowed.join(' or ')} phase; this hackweek is in the ${h.phase} phase`, [{ path: 'phase', message: h.phase }]);
}

export async function createHackweek(ctx: AppContext, auth: OrgAuth, v: TCreateHackweekRequest): Promise<{ id: string }> {
  if (v.endDate < v.startDate) throw badField('endDate', `${v.endDate} is before startDate (${v.startDate})`);
  return ctx.db.transaction(async (tx) => {
    const h = await insertHackweek(tx, auth.orgId, { title: v.title, theme: v.theme ?? '', startDate: v.startDate, endDate: v.endDate, maxTeamSize: v.maxTeamSize, createdAt: ctx.now() });
    await recordEventsAudit(ctx, tx, auth, 'hackweek.created', h.id);
    return { id: h.id };
  });
}

export async function listOrgHackweeks(ctx: AppContext, auth: OrgAuth, q: TPageQuery): Promise<THackweekList> {
  const after = q.cursor ? checkCursorKey(decodeCursor(q.cursor, ['string', 'string']) as [string, string], 'day') : undefined;
  const rows = await listHackweeks(ctx.db, auth.orgId, q.limit + 1, after);
  return pageOf(rows, q.limit, (h) => [h.startDate, h.id], toHackweek);
}

export async function getHackweek(ctx: AppContext, auth: OrgAuth, id: string): Promise<THackweekDetail> {
  const h = await load(ctx.db, auth, id);
  const [ideas, members] = await Promise.all([listIdeas(ctx.db, auth.orgId, id), listHackweekMembers(ctx.db, auth.orgId, id)]);
  const pitchers = new Map((await peopleBrief(ctx.db, auth.orgId, ideas.map((i) => i.personId))).map((p) => [p.id, p]));
  const out: THackweekIdea[] = ideas.map((i) => {
    const team = members.filter((m) => m.ideaId === i.id).map((m) => ({ personId: m.personId, name: m.name, side: m.side, department: m.department }));
    const pitcher = pitchers.get(i.personId)!;
    const sides = new Set([...team.map((m) => m.side), pitcher.side]);
    return {
      id: i.id,
      title: i.title,
      pitch: i.pitch,
      personId: i.personId,
      pitcherName: pitcher.name,
      pitcherSide: pitcher.side,
      goalId: i.goalId,
      initiativeId: i.initiativeId,
      members: team,
      crossSide: team.length > 0 && sides.size === 2,
      demoSlot: i.demoSlot?.toISOString() ?? null,
      outcome: i.outcome,
      outcomeInitiativeId: i.outcomeInitiativeId,
      outcomeRequestId: i.outcomeRequestId,
    };
  });
  const outcomes: Record<string, number> = {};
  for (const i of out) if (i.outcome) outcomes[i.outcome] = (outcomes[i.outcome] ?? 0) + 1;
  const [iniStatus, reqStatus] = await Promise.all([
    linkedStatuses(ctx.db, auth.orgId, 'initiative', out.flatMap((i) => (i.outcome === 'became_initiative' && i.outcomeInitiativeId ? [i.outcomeInitiativeId] : []))),
    linkedStatuses(ctx.db, auth.orgId, 'request', out.flatMap((i) => (i.outcome === 'became_request' && i.outcomeRequestId ? [i.outcomeRequestId] : []))),
  ]);
  const alive = outcomesAlive(
    out.map((i) => ({
      outcome: i.outcome,
      linkedStatus: i.outcome === 'became_initiative' ? (iniStatus.get(i.outcomeInitiativeId ?? '') ?? null) : i.outcome === 'became_request' ? (reqStatus.get(i.outcomeRequestId ?? '') ?? null) : null,
    })),
  );
  const sixMonthsOn = sixMonthsAfter(h.endDate);
  return {
    ...toHackweek(h),
    ideas: out,
    report: {
      ideas: out.length,
      ideasFromBusiness: out.filter((i) => i.pitcherSide === 'business').length,
      teams: out.filter((i) => i.members.length > 0).length,
      crossSideTeams: out.filter((i) => i.crossSide).length,
      outcomes,
      alive: { sixMonthsOn, reached: ctx.now().toISOString().slice(0, 10) >= sixMonthsOn, ...alive },
    },
  };
}

export async function pitchIdea(ctx: AppContext, auth: OrgAuth, id: string, v: TCreateIdeaRequest): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const h = await load(tx, auth, id);
    requirePhase(h, ['ideas', 'teams'], 'Pitching an idea');
    await actingPerson(tx, auth, v.personId);
    await checkLink(tx, auth.orgId, 'goalId', 'goal', v.goalId);
    await checkLink(tx, auth.orgId, 'initiativeId', 'initiative', v.initiativeId);
    const row = await insertIdea(tx, auth.orgId, { hackweekId: id, title: v.title, pitch: v.pitch, personId: v.personId, goalId: v.goalId ?? null, initiativeId: v.initiativeId ?? null, createdAt: ctx.now() });
    return { id: row.id };
  });
}

/** Joins a team: one team per person per hackweek, at most maxTeamSize members (400 otherwise). */
export async function joinTeam(ctx: AppContext, auth: OrgAuth, id: string, ideaId: string, personId: string): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    const h = await load(tx, auth, id);
    const idea = await findIdea(tx, auth.orgId, id, ideaId);
    if (!idea) throw notFound('Idea');
    requirePhase(h, ['ideas', 'teams'], 'Joining a team');
    await actingPerson(tx, auth, personId);
    const members = await listHackweekMembers(tx, auth.orgId, id);
    const current = members.find((m) => m.personId === personId);
    if (current) {
      const team = current.ideaId === ideaId ? 'this team' : 'another team of this hackweek';
      throw badField('personId', `${current.name} is already in ${team}; a person is in one team at a time`);
    }
    const size = members.filter((m) => m.ideaId === ideaId).length;
    if (size >= h.maxTeamSize) throw badField('personId', `the team is full (${size} of ${h.maxTeamSize})`);
    try {
      await insertMember(tx, auth.orgId, { hackweekId: id, ideaId, personId, joinedAt: ctx.now() });
    } catch {
      // A concurrent join of the same person: the primary key keeps one team per person.
      throw badField('personId', 'this person just joined a team; a person is in one team at a time');
    }
    return { ok: true as const };
  });
}

/**
 * A team's demo slot: set while the demos are ahead (up to the demos phase), inside the hackweek's
 * days (UTC), one team per start time; only an idea with a team has a demo. null clears it.
 */
export async function setDemoSlot(ctx: AppContext, auth: OrgAuth, id: string, ideaId: string, startsAt: string | null): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    const h = await load(tx, auth, id);
    const idea = await findIdea(tx, auth.orgId, id, ideaId);
    if (!idea) throw notFound('Idea');
    requirePhase(h, ['ideas', 'teams', 'hacking', 'demos'], 'Setting a demo slot');
    let at: Date | null = null;
    if (startsAt !== null) {
      at = new Date(startsAt);
      const first = Date.parse(`${h.startDate}T00:00:00.000Z`);
      const after = Date.parse(`${h.endDate}T00:00:00.000Z`) + 86_400_000;
      if (at.getTime() < first || at.getTime() >= after) throw badField('startsAt', `must fall within the hackweek, ${h.startDate} to ${h.endDate} (UTC)`);
      const members = await listHackweekMembers(tx, auth.orgId, id);
      if (!members.some((m) => m.ideaId === ideaId)) throw badField('startsAt', 'this idea has no team yet; only teams demo');
      const taken = (await listIdeas(tx, auth.orgId, id)).find((i) => i.id !== ideaId && i.demoSlot?.getTime() === at!.getTime());
      if (taken) throw badField('startsAt', `the slot at ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC is taken by “${taken.title}”`);
    }
    await updateIdea(tx, auth.orgId, ideaId, { demoSlot: at });
    await recordEventsAudit(ctx, tx, auth, 'hackweek.demo_slot_set', ideaId, { startsAt });
    return { ok: true as const };
  });
}

/** Phases move forward only; leaving the voting phase closes voting and reveals the results. */
export async function setPhase(ctx: AppContext, auth: OrgAuth, id: string, phase: THackweekPhase): Promise<THackweek> {
  return ctx.db.transaction(async (tx) => {
    const h = await load(tx, auth, id);
    if (phaseIndex(phase) < phaseIndex(h.phase)) throw badField('phase', `a hackweek moves forward only: it is in ${h.phase}, cannot go back to ${phase}`);
    const closes = phaseIndex(phase) > phaseIndex('voting') && h.votingClosedAt === null;
    const votingClosedAt = closes ? ctx.now() : h.votingClosedAt;
    await updateHackweek(tx, auth.orgId, id, { phase, votingClosedAt });
    await recordEventsAudit(ctx, tx, auth, 'hackweek.phase_set', id, { from: h.phase, to: phase });
    if (phase === 'voting' && h.phase !== 'voting') {
      await emitEvent(ctx, tx, auth.orgId, 'hackweek.voting_open', {
        summary: `Voting is open for hackweek “${h.title}” (${h.startDate} to ${h.endDate}): vote for the ideas you want to see built`,
        hackweekId: id,
        title: h.title,
        startDate: h.startDate,
        endDate: h.endDate,
        votingOpenedAt: ctx.now().toISOString(),
        url: appLink(ctx, `/hackweeks/${id}`),
      });
    }
    return toHackweek({ ...h, phase, votingClosedAt });
  });
}

export async function vote(ctx: AppContext, auth: OrgAuth, id: string, v: TVoteRequest): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    const h = await load(tx, auth, id);
    const idea = await findIdea(tx, auth.orgId, id, v.ideaId);
    if (!idea) throw badField('ideaId', 'no such idea in this hackweek');
    if (h.phase !== 'voting') {
      const when = phaseIndex(h.phase) < phaseIndex('voting') ? 'voting has not opened yet' : 'voting is closed';
      throw new AppError('validation', `Votes are taken in the voting phase only: ${when} (phase ${h.phase})`, [{ path: 'phase', message: h.phase }]);
    }
    await actingPerson(tx, auth, v.personId);
    const team = (await listHackweekMembers(tx, auth.orgId, id)).filter((m) => m.ideaId === v.ideaId).map((m) => m.personId);
    if (team.includes(v.personId) || idea.personId === v.personId) throw badField('ideaId', 'nobody votes for their own team or idea');
    const inserted = await insertVote(tx, auth.orgId, { hackweekId: id, ideaId: v.ideaId, personId: v.personId, category: v.category, at: ctx.now() });
    if (!inserted) throw new AppError('conflict', `This person has already voted in the ${v.category} category; one vote per person per category`);
    return { ok: true as const };
  });
}

/** Rankings per category (competition ranking: ties share a rank); empty while voting is open. */
export async function results(ctx: AppContext, auth: OrgAuth, id: string): Promise<THackweekResults> {
  const h = await load(ctx.db, auth, id);
  const open = h.votingClosedAt === null;
  if (open) return { open: true, categories: [] };
  const [ideas, counts] = await Promise.all([listIdeas(ctx.db, auth.orgId, id), voteCounts(ctx.db, auth.orgId, id)]);
  const categories = (['impact', 'creativity'] as const).map((category) => {
    const votes = new Map(counts.filter((c) => c.category === category).map((c) => [c.ideaId, c.votes]));
    const sorted = ideas.map((i) => ({ ideaId: i.id, title: i.title, votes: votes.get(i.id) ?? 0 })).sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title));
    return { category, ranking: sorted.map((r) => ({ ...r, rank: sorted.findIndex((s) => s.votes === r.votes) + 1 })) };
  });
  return { open: false, categories };
}

export async function setOutcome(ctx: AppContext, auth: OrgAuth, id: string, ideaId: string, v: TUpdateIdeaRequest): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    const h = await load(tx, auth, id);
    const idea = await findIdea(tx, auth.orgId, id, ideaId);
    if (!idea) throw notFound('Idea');
    requirePhase(h, ['outcomes'], 'Recording an outcome');
    if (v.outcome === 'became_initiative' && !v.initiativeId) throw badField('initiativeId', 'is required when the outcome is became_initiative');
    if (v.outcome === 'became_request' && !v.requestId) throw badField('requestId', 'is required when the outcome is became_request');
    if (v.outcome !== 'became_initiative' && v.initiativeId && v.outcome !== 'shipped') throw badField('initiativeId', `does not go with the outcome ${v.outcome}`);
    if (v.outcome !== 'became_request' && v.requestId && v.outcome !== 'shipped') throw badField('requestId', `does not go with the outcome ${v.outcome}`);
    await checkLink(tx, auth.orgId, 'initiativeId', 'initiative', v.initiativeId);
    await checkLink(tx, auth.orgId, 'requestId', 'request', v.requestId);
    await updateIdea(tx, auth.orgId, ideaId, { outcome: v.outcome, outcomeInitiativeId: v.initiativeId ?? null, outcomeRequestId: v.requestId ?? null });
    await recordEventsAudit(ctx, tx, auth, 'hackweek.idea_outcome_set', ideaId, { outcome: v.outcome });
    return { ok: true as const };
  });
}
