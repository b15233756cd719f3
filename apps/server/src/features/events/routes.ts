import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZActionDoneRequest,
  ZActionRequest,
  ZAttendanceRequest,
  ZCreateDemoRequest,
  ZCreateHackweekRequest,
  ZCreateIdeaRequest,
  ZCreateRoundtableRequest,
  ZDemo,
  ZDemoCreated,
  ZDemoFeedbackRequest,
  ZDemoList,
  ZDemoSlotRequest,
  ZDemoStats,
  ZEventsMe,
  ZEventsPageQuery,
  ZHackweek,
  ZHackweekDetail,
  ZHackweekList,
  ZHackweekResults,
  ZIdeaParams,
  ZIdParams,
  ZInsightParams,
  ZInsightRequest,
  ZOk,
  ZParticipation,
  ZParticipationQuery,
  ZPersonRef,
  ZRoundtable,
  ZRoundtableList,
  ZRsvpQuery,
  ZSetPhaseRequest,
  ZUpdateIdeaRequest,
  ZUpdateRoundtableRequest,
  ZUuid,
  ZVoteRequest,
} from '@tandem/contracts';
import { linkOrigin } from '../../lib/origin';
import { requireOrg } from '../../plugins/auth';
import { eventsMe } from './acting-person';
import { checkIn, createDemo, demoFeedback, demoStats, getDemo, listOrgDemos, rsvp } from './demos';
import { createHackweek, getHackweek, joinTeam, listOrgHackweeks, pitchIdea, results, setDemoSlot, setOutcome, setPhase, vote } from './hackweeks';
import { getParticipation } from './participation';
import { addInsight, createAction, createRoundtable, editRoundtable, getRoundtable, listOrgRoundtables, markActionDone, recordAttendance } from './roundtables';

const ZCreated = z.object({ id: ZUuid });
const ZCheckInRequest = z.strictObject({ personId: ZUuid, token: z.string().min(10).max(100).optional() });

/** Hackweeks, sprint demos, round-tables and participation against the perception gap. */
export async function eventsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  r.get('/events/me', { config: { access: 'member' }, schema: { tags: ['events: hackweeks'], summary: 'The person you act as in events, and whether you may record for others (leaders)', response: { 200: ZEventsMe } } }, (req) =>
    eventsMe(ctx, requireOrg(req)),
  );

  /* ---- hackweeks ---- */
  const hw = ['events: hackweeks'];
  r.post('/hackweeks', { config: { access: 'leader' }, schema: { tags: hw, summary: 'Create a hackweek (dates, theme, maximum team size); it starts in the ideas phase', body: ZCreateHackweekRequest, response: { 201: ZCreated } } }, async (req, reply) =>
    reply.status(201).send(await createHackweek(ctx, requireOrg(req), req.body)),
  );
  r.get('/hackweeks', { config: { access: 'member' }, schema: { tags: hw, summary: 'Hackweeks, newest first, paged', querystring: ZEventsPageQuery, response: { 200: ZHackweekList } } }, (req) =>
    listOrgHackweeks(ctx, requireOrg(req), req.query),
  );
  r.get('/hackweeks/:id', { config: { access: 'member' }, schema: { tags: hw, summary: 'A hackweek with its ideas, teams by side, outcomes and report', params: ZIdParams, response: { 200: ZHackweekDetail } } }, (req) =>
    getHackweek(ctx, requireOrg(req), req.params.id),
  );
  r.post(
    '/hackweeks/:id/ideas',
    { config: { access: 'member' }, schema: { tags: hw, summary: 'Pitch an idea (either side) with the goal or initiative it serves; in the ideas or teams phase', params: ZIdParams, body: ZCreateIdeaRequest, response: { 201: ZCreated } } },
    async (req, reply) => reply.status(201).send(await pitchIdea(ctx, requireOrg(req), req.params.id, req.body)),
  );
  r.post(
    '/hackweeks/:id/ideas/:ideaId/members',
    { config: { access: 'member' }, schema: { tags: hw, summary: "Join an idea's team; 400 when the team is full or the person is already in a team", params: ZIdeaParams, body: ZPersonRef, response: { 201: ZOk } } },
    async (req, reply) => reply.status(201).send(await joinTeam(ctx, requireOrg(req), req.params.id, req.params.ideaId, req.body.personId)),
  );
  r.put(
    '/hackweeks/:id/ideas/:ideaId/demo-slot',
    { config: { access: 'leader' }, schema: { tags: hw, summary: "Set (or clear with null) a team's demo slot: inside the hackweek, one team per start time, up to the demos phase", params: ZIdeaParams, body: ZDemoSlotRequest, response: { 200: ZOk } } },
    (req) => setDemoSlot(ctx, requireOrg(req), req.params.id, req.params.ideaId, req.body.startsAt),
  );
  r.post('/hackweeks/:id/phase', { config: { access: 'leader' }, schema: { tags: hw, summary: 'Move the hackweek forward a phase; leaving voting closes it and reveals the results', params: ZIdParams, body: ZSetPhaseRequest, response: { 200: ZHackweek } } }, (req) =>
    setPhase(ctx, requireOrg(req), req.params.id, req.body.phase),
  );
  r.post(
    '/hackweeks/:id/votes',
    { config: { access: 'member' }, schema: { tags: hw, summary: 'Vote in a category: one vote per person per category (409), never for your own team (400), only in the voting phase (400)', params: ZIdParams, body: ZVoteRequest, response: { 201: ZOk } } },
    async (req, reply) => reply.status(201).send(await vote(ctx, requireOrg(req), req.params.id, req.body)),
  );
  r.get('/hackweeks/:id/results', { config: { access: 'member' }, schema: { tags: hw, summary: 'Rankings per category; empty (open: true) until voting closes', params: ZIdParams, response: { 200: ZHackweekResults } } }, (req) =>
    results(ctx, requireOrg(req), req.params.id),
  );
  r.patch(
    '/hackweeks/:id/ideas/:ideaId',
    { config: { access: 'leader' }, schema: { tags: hw, summary: "Record an idea's outcome, with the initiative or request it became (same organisation)", params: ZIdeaParams, body: ZUpdateIdeaRequest, response: { 200: ZOk } } },
    (req) => setOutcome(ctx, requireOrg(req), req.params.id, req.params.ideaId, req.body),
  );

  /* ---- sprint demos ---- */
  const dm = ['events: demos'];
  r.post(
    '/demos',
    { config: { access: 'leader' }, schema: { tags: dm, summary: 'Plan a sprint demo with the items shown and the invitees; each invitee is mailed an .ics (METHOD:REQUEST) with RSVP links', body: ZCreateDemoRequest, response: { 201: ZDemoCreated } } },
    async (req, reply) => reply.status(201).send(await createDemo(ctx, requireOrg(req), req.body, linkOrigin(req.server))),
  );
  r.get('/demos', { config: { access: 'member' }, schema: { tags: dm, summary: 'Sprint demos, newest first, paged', querystring: ZEventsPageQuery, response: { 200: ZDemoList } } }, (req) => listOrgDemos(ctx, requireOrg(req), req.query));
  r.get('/demos/stats', { config: { access: 'member' }, schema: { tags: dm, summary: "Attendance per demo, oldest first: attendees, the business share, and how many requesters of the requests shown were there", response: { 200: ZDemoStats } } }, (req) =>
    demoStats(ctx, requireOrg(req)),
  );
  r.get('/demos/rsvp', { config: { access: 'public' }, schema: { tags: dm, summary: 'The one-click RSVP from the invitation mail (the token names the invitee)', querystring: ZRsvpQuery, response: { 200: z.object({ title: z.string(), answer: z.string() }) } } }, (req) =>
    rsvp(ctx, req.query.token, req.query.answer),
  );
  r.get('/demos/:id', { config: { access: 'member' }, schema: { tags: dm, summary: 'A demo with its items, invitees, RSVPs and check-ins; leaders also get the check-in link for the screen', params: ZIdParams, response: { 200: ZDemo } } }, (req) =>
    getDemo(ctx, requireOrg(req), req.params.id),
  );
  r.post(
    '/demos/:id/attendance',
    { config: { access: 'member' }, schema: { tags: dm, summary: 'Check in (leaders for anyone; members as themselves with the token on screen); 400 before the session opens or long after it ended', params: ZIdParams, body: ZCheckInRequest, response: { 201: z.object({ ok: z.literal(true), alreadyIn: z.boolean() }) } } },
    async (req, reply) => reply.status(201).send(await checkIn(ctx, requireOrg(req), req.params.id, req.body.personId, req.body.token)),
  );
  r.post('/demos/:id/feedback', { config: { access: 'member' }, schema: { tags: dm, summary: 'The one question after a demo: did you see value in what was shown?', params: ZIdParams, body: ZDemoFeedbackRequest, response: { 200: ZOk } } }, (req) =>
    demoFeedback(ctx, requireOrg(req), req.params.id, req.body),
  );

  /* ---- round-tables ---- */
  const rt = ['events: round-tables'];
  r.post('/roundtables', { config: { access: 'leader' }, schema: { tags: rt, summary: 'Create a round-table with its invitees and discussion questions', body: ZCreateRoundtableRequest, response: { 201: ZCreated } } }, async (req, reply) =>
    reply.status(201).send(await createRoundtable(ctx, requireOrg(req), req.body)),
  );
  r.get('/roundtables', { config: { access: 'member' }, schema: { tags: rt, summary: 'Round-tables, newest first, paged', querystring: ZEventsPageQuery, response: { 200: ZRoundtableList } } }, (req) =>
    listOrgRoundtables(ctx, requireOrg(req), req.query),
  );
  r.get('/roundtables/:id', { config: { access: 'member' }, schema: { tags: rt, summary: 'A round-table: attendance, questions, notes, insights and what came of them', params: ZIdParams, response: { 200: ZRoundtable } } }, (req) =>
    getRoundtable(ctx, requireOrg(req), req.params.id),
  );
  r.patch('/roundtables/:id', { config: { access: 'leader' }, schema: { tags: rt, summary: 'Edit the title, questions or notes after the meeting', params: ZIdParams, body: ZUpdateRoundtableRequest, response: { 200: ZRoundtable } } }, (req) =>
    editRoundtable(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.post('/roundtables/:id/attendance', { config: { access: 'leader' }, schema: { tags: rt, summary: 'Mark an invitee as present (or not)', params: ZIdParams, body: ZAttendanceRequest, response: { 200: ZOk } } }, (req) =>
    recordAttendance(ctx, requireOrg(req), req.params.id, req.body.personId, req.body.attended ?? true),
  );
  r.post('/roundtables/:id/insights', { config: { access: 'leader' }, schema: { tags: rt, summary: 'Record an insight of the discussion', params: ZIdParams, body: ZInsightRequest, response: { 201: ZCreated } } }, async (req, reply) =>
    reply.status(201).send(await addInsight(ctx, requireOrg(req), req.params.id, req.body.text)),
  );
  r.post(
    '/roundtables/:id/insights/:insightId/action',
    { config: { access: 'leader' }, schema: { tags: rt, summary: 'Turn an insight into an action: owner and due date required, optional link to a goal, initiative or request', params: ZInsightParams, body: ZActionRequest, response: { 201: ZOk } } },
    async (req, reply) => reply.status(201).send(await createAction(ctx, requireOrg(req), req.params.id, req.params.insightId, req.body)),
  );
  r.post('/roundtables/:id/insights/:insightId/action/done', { config: { access: 'leader' }, schema: { tags: rt, summary: 'Mark an action done (or reopen it)', params: ZInsightParams, body: ZActionDoneRequest, response: { 200: ZOk } } }, (req) =>
    markActionDone(ctx, requireOrg(req), req.params.id, req.params.insightId, req.body.done),
  );

  /* ---- participation ---- */
  r.get(
    '/participation',
    { config: { access: 'leader' }, schema: { tags: ['events: participation'], summary: "Participation by side and department, and Spearman's ρ against each department's gap in the latest closed pulse (hidden departments left out and counted)", querystring: ZParticipationQuery, response: { 200: ZParticipation } } },
    (req) => getParticipation(ctx, requireOrg(req), req.query),
  );
}
