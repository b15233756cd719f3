import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBookingParams,
  ZCoffeeRound,
  ZCoffeeRoundList,
  ZCreateBookingRequest,
  ZCreateOpenHourRequest,
  ZCreateProgrammeRequest,
  ZCreateSitInRequest,
  ZCreateTopicRequest,
  ZCreatedId,
  ZCrossoverMe,
  ZDeclineRequest,
  ZDiscussedRequest,
  ZGroupIcsParams,
  ZGroupParams,
  ZIdParams,
  ZMetAnswer,
  ZMetByTokenRequest,
  ZMetRequest,
  ZMetTokenParams,
  ZOk,
  ZOpenHourList,
  ZOpenHourStats,
  ZOptOutAnswer,
  ZOptOutByTokenRequest,
  ZOptRequest,
  ZPageQuery,
  ZParticipantList,
  ZParticipantsSet,
  ZProgramme,
  ZProgrammeList,
  ZProgrammeStats,
  ZPutParticipantsRequest,
  ZRoundParams,
  ZRunRoundRequest,
  ZSitIn,
  ZSitInList,
  ZSitInNoteRequest,
  ZSlotList,
  ZSlotsQuery,
  ZTopic,
  ZTopicList,
  ZTopicsQuery,
  ZUuid,
  ZTopicVoteRequest,
} from '@tandem/contracts';
import { findPersonOfUser } from '@tandem/db';
import { linkOrigin } from '../../lib/origin';
import { requireOrg } from '../../plugins/auth';
import { bookSlot } from './book-slot';
import { cancelOpenHourBooking } from './cancel-booking';
import { createOpenHour, listOrgOpenHours } from './create-open-hour';
import { createProgramme } from './create-programme';
import { createSitIn } from './create-sit-in';
import { declineSitIn } from './decline-sit-in';
import { getOpenHourStats } from './get-open-hour-stats';
import { getProgrammeStats } from './get-programme-stats';
import { getRound, groupIcs, listProgrammeRounds } from './get-round';
import { getSitIn, listSitIns } from './get-sit-in';
import { listProgrammeParticipants } from './list-participants';
import { getProgramme, listOrgProgrammes } from './list-programmes';
import { listSlots } from './list-slots';
import { listTopics } from './list-topics';
import { markTopicDiscussed } from './mark-discussed';
import { noteSitIn } from './note-sit-in';
import { optIn, optOut } from './opt-in-out';
import { optOutByToken } from './opt-out-by-token';
import { postTopic } from './post-topic';
import { recordMet, recordMetByToken } from './record-met';
import { runRound } from './run-round';
import { setParticipants } from './set-participants';
import { voteTopic } from './vote-topic';

const ZRoundCreated = z.object({ id: ZUuid, number: z.number().int(), proposedStart: z.string(), groups: z.array(z.object({ personIds: z.array(ZUuid), reasons: z.array(z.string()) })), mailed: z.number().int() });
const ZSitInCreated = ZSitIn;
const ZIcs = z.string();
const P = '/crossover/programmes';
const H = '/crossover/open-hours';
const M = '/crossover/open-mic';

/** Cross-over programmes: coffee pairs, leadership open hours, the daily open mic and the sit-in rota. */
export async function crossoverRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const tags = ['crossover'];

  r.get('/crossover/me', { config: { access: 'member' }, schema: { tags, summary: 'The person you act as in cross-over programmes (null when your account is not linked to one)', response: { 200: ZCrossoverMe } } }, async (req) => {
    const me = await findPersonOfUser(ctx.db, requireOrg(req).orgId, requireOrg(req).userId);
    return { personId: me?.id ?? null, name: me?.name ?? null };
  });

  /* ---- coffee pairs ---- */
  r.post(P, { config: { access: 'leader' }, schema: { tags, summary: 'Create a coffee-pairs programme with its rules (groupSize 2 or 3, noRepeatRounds, preferences)', body: ZCreateProgrammeRequest, response: { 201: ZCreatedId } } }, async (req, reply) =>
    reply.status(201).send(await createProgramme(ctx, requireOrg(req), req.body)),
  );
  r.get(P, { config: { access: 'member' }, schema: { tags, summary: 'Coffee programmes, newest first, paged', querystring: ZPageQuery, response: { 200: ZProgrammeList } } }, (req) => listOrgProgrammes(ctx, requireOrg(req), req.query));
  r.get(`${P}/:id`, { config: { access: 'member' }, schema: { tags, summary: 'One coffee programme', params: ZIdParams, response: { 200: ZProgramme } } }, (req) => getProgramme(ctx, requireOrg(req), req.params.id));
  r.put(`${P}/:id/participants`, { config: { access: 'leader' }, schema: { tags, summary: 'Set the opted-in people of a programme (replaces the list; all or nothing)', params: ZIdParams, body: ZPutParticipantsRequest, response: { 200: ZParticipantsSet } } }, (req) =>
    setParticipants(ctx, requireOrg(req), req.params.id, req.body.personIds),
  );
  r.get(`${P}/:id/participants`, { config: { access: 'member' }, schema: { tags, summary: 'Opted-in people of a programme by name, paged', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZParticipantList } } }, (req) =>
    listProgrammeParticipants(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.post(`${P}/:id/opt-in`, { config: { access: 'member' }, schema: { tags, summary: 'Opt in (yourself; leaders may name personId), or set a holiday pause: rounds from pausedFrom (default now) to pausedUntil skip the person; opting in without them ends the pause', params: ZIdParams, body: ZOptRequest, response: { 200: ZOk } } }, (req) =>
    optIn(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.post(`${P}/:id/opt-out`, { config: { access: 'member' }, schema: { tags, summary: 'Opt out (yourself; leaders may name personId)', params: ZIdParams, body: ZOptRequest, response: { 200: ZOk } } }, (req) =>
    optOut(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.post(`${P}/:id/rounds`, { config: { access: 'leader' }, schema: { tags, summary: 'Run the next round: groups with reasons, mailed with an .ics and a one-click "did you meet?" link; 422 with the count when fewer than two are opted in', params: ZIdParams, body: ZRunRoundRequest, response: { 201: ZRoundCreated } } }, async (req, reply) =>
    reply.status(201).send(await runRound(ctx, requireOrg(req), req.params.id, req.body, linkOrigin(req.server))),
  );
  r.get(`${P}/:id/rounds`, { config: { access: 'member' }, schema: { tags, summary: 'Rounds of a programme, newest first, paged', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZCoffeeRoundList } } }, (req) =>
    listProgrammeRounds(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.get(`${P}/:id/rounds/:roundId`, { config: { access: 'member' }, schema: { tags, summary: 'One round: its groups, reasons and "did you meet?" answers', params: ZRoundParams, response: { 200: ZCoffeeRound } } }, (req) =>
    getRound(ctx, requireOrg(req), req.params.id, req.params.roundId),
  );
  r.get(`${P}/:id/rounds/:roundId/groups/:file`, { config: { access: 'member' }, schema: { tags, summary: 'The .ics invitation of one group (METHOD:REQUEST): GET …/groups/{index}.ics', params: ZGroupIcsParams, response: { 200: ZIcs } } }, async (req, reply) =>
    reply.type('text/calendar; charset=utf-8').send(await groupIcs(ctx, requireOrg(req), req.params.id, req.params.roundId, Number(req.params.file.slice(0, -4)))),
  );
  r.post(`${P}/:id/rounds/:roundId/groups/:index/met`, { config: { access: 'member' }, schema: { tags, summary: 'Answer "did you meet?" for a member of a group (yourself; leaders for anyone)', params: ZGroupParams, body: ZMetRequest, response: { 200: ZOk } } }, (req) =>
    recordMet(ctx, requireOrg(req), req.params.id, req.params.roundId, req.params.index, req.body),
  );
  r.get(`${P}/:id/stats`, { config: { access: 'member' }, schema: { tags, summary: 'History: rounds, repeat pairs, cross-side share and meeting rate (overall, by side, by department)', params: ZIdParams, response: { 200: ZProgrammeStats } } }, (req) =>
    getProgrammeStats(ctx, requireOrg(req), req.params.id),
  );
  r.post('/crossover/met/:token', { config: { access: 'public' }, schema: { tags, summary: 'Answer "did you meet?" from the mail link, without signing in (the link answers for its member only)', params: ZMetTokenParams, body: ZMetByTokenRequest, response: { 200: ZMetAnswer } } }, (req) =>
    recordMetByToken(ctx, req.params.token, req.body.met),
  );
  r.post('/crossover/opt-out/:token', { config: { access: 'public' }, schema: { tags, summary: 'Opt out (or pause until pausedUntil) from the coffee mail\'s link, without signing in; the link acts for its member only', params: ZMetTokenParams, body: ZOptOutByTokenRequest, response: { 200: ZOptOutAnswer } } }, (req) =>
    optOutByToken(ctx, req.params.token, req.body),
  );

  /* ---- leadership open hours ---- */
  r.post(H, { config: { access: 'leader' }, schema: { tags, summary: 'Publish a leader\'s recurring open hour (ISO weekday, local start/end, slot length, time zone)', body: ZCreateOpenHourRequest, response: { 201: ZCreatedId } } }, async (req, reply) =>
    reply.status(201).send(await createOpenHour(ctx, requireOrg(req), req.body)),
  );
  r.get(H, { config: { access: 'member' }, schema: { tags, summary: 'Open hours, paged', querystring: ZPageQuery, response: { 200: ZOpenHourList } } }, (req) => listOrgOpenHours(ctx, requireOrg(req), req.query));
  r.get(`${H}/:id/slots`, { config: { access: 'member' }, schema: { tags, summary: 'Slots between from and to (default the next 4 weeks, at most 92 days) and whether each is booked', params: ZIdParams, querystring: ZSlotsQuery, response: { 200: ZSlotList } } }, (req) =>
    listSlots(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.post(`${H}/:id/bookings`, { config: { access: 'member' }, schema: { tags, summary: 'Book a slot with a topic; 409 when it is taken (also under simultaneous presses); both get an .ics', params: ZIdParams, body: ZCreateBookingRequest, response: { 201: ZCreatedId } } }, async (req, reply) =>
    reply.status(201).send(await bookSlot(ctx, requireOrg(req), req.params.id, req.body)),
  );
  r.delete(`${H}/:id/bookings/:bookingId`, { config: { access: 'member' }, schema: { tags, summary: 'Cancel a booking (booker, leader, or leaders/admins): frees the slot, mails METHOD:CANCEL', params: ZBookingParams, response: { 200: ZOk } } }, (req) =>
    cancelOpenHourBooking(ctx, requireOrg(req), req.params.id, req.params.bookingId),
  );
  r.get(`${H}/:id/stats`, { config: { access: 'member' }, schema: { tags, summary: 'Who came, by side and department', params: ZIdParams, response: { 200: ZOpenHourStats } } }, (req) => getOpenHourStats(ctx, requireOrg(req), req.params.id));

  /* ---- daily open mic ---- */
  r.post(`${M}/topics`, { config: { access: 'member' }, schema: { tags, summary: 'Post a topic for the daily open mic (stays on the queue for 14 days)', body: ZCreateTopicRequest, response: { 201: ZCreatedId } } }, async (req, reply) =>
    reply.status(201).send(await postTopic(ctx, requireOrg(req), req.body)),
  );
  r.get(`${M}/topics`, { config: { access: 'member' }, schema: { tags, summary: 'Topics: open (by votes) or discussed (with outcomes), paged', querystring: ZTopicsQuery, response: { 200: ZTopicList } } }, (req) => listTopics(ctx, requireOrg(req), req.query));
  r.post(`${M}/topics/:id/votes`, { config: { access: 'member' }, schema: { tags, summary: 'Vote for a topic (one vote per person per topic: 409 on a second)', params: ZIdParams, body: ZTopicVoteRequest, response: { 201: ZOk } } }, async (req, reply) =>
    reply.status(201).send(await voteTopic(ctx, requireOrg(req), req.params.id, req.body)),
  );
  r.get(`${M}/agenda`, { config: { access: 'member' }, schema: { tags, summary: 'The agenda of the next session: open topics by votes, paged', querystring: ZPageQuery, response: { 200: ZTopicList } } }, (req) =>
    listTopics(ctx, requireOrg(req), { ...req.query, status: 'open' }),
  );
  r.post(`${M}/topics/:id/discussed`, { config: { access: 'leader' }, schema: { tags, summary: 'The host marks a topic discussed with a one-line outcome', params: ZIdParams, body: ZDiscussedRequest, response: { 200: ZTopic } } }, (req) =>
    markTopicDiscussed(ctx, requireOrg(req), req.params.id, req.body.outcome),
  );

  /* ---- sit-in rota ---- */
  r.post('/crossover/sit-ins', { config: { access: 'leader' }, schema: { tags, summary: 'A sit-in rota for a leadership meeting: a fair rotation over the pool', body: ZCreateSitInRequest, response: { 201: ZSitInCreated } } }, async (req, reply) =>
    reply.status(201).send(await createSitIn(ctx, requireOrg(req), req.body)),
  );
  r.get('/crossover/sit-ins', { config: { access: 'member' }, schema: { tags, summary: 'Sit-in rotas, newest first, paged', querystring: ZPageQuery, response: { 200: ZSitInList } } }, (req) => listSitIns(ctx, requireOrg(req), req.query));
  r.get('/crossover/sit-ins/:id', { config: { access: 'member' }, schema: { tags, summary: 'One sit-in rota', params: ZIdParams, response: { 200: ZSitIn } } }, (req) => getSitIn(ctx, requireOrg(req), req.params.id));
  r.post('/crossover/sit-ins/:id/declines', { config: { access: 'member' }, schema: { tags, summary: 'Decline one meeting (yourself; leaders for anyone): the rota from then on is proposed again, the decliner first', params: ZIdParams, body: ZDeclineRequest, response: { 200: ZSitIn } } }, (req) =>
    declineSitIn(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.post('/crossover/sit-ins/:id/notes', { config: { access: 'member' }, schema: { tags, summary: '"What I learned": a short note after the meeting', params: ZIdParams, body: ZSitInNoteRequest, response: { 200: ZOk } } }, (req) =>
    noteSitIn(ctx, requireOrg(req), req.params.id, req.body),
  );
}
