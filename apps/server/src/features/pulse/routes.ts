import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAudienceMatch,
  ZAudienceQuery,
  ZCreatePulseActionRequest,
  ZCreatePulseRequest,
  ZIdParams,
  ZIssuedLinks,
  ZIssuedLinksQuery,
  ZIssueInvitationsRequest,
  ZMyPulses,
  ZOk,
  ZPersonLinkParams,
  ZPulse,
  ZPulseAction,
  ZPulseActionList,
  ZPulseActionParams,
  ZPulseActionsQuery,
  ZPulseInvitations,
  ZPulseList,
  ZPulseListQuery,
  ZPulseResults,
  ZPulseTrend,
  ZRespondForm,
  ZResultsQuery,
  ZSubmitResponseRequest,
  ZUpdatePulseActionRequest,
  ZUpdatePulseRequest,
} from '@tandem/contracts';
import { linkOrigin } from '../../lib/origin';
import { requireOrg } from '../../plugins/auth';
import { deleteDraftPulse, setPulseArchived } from './archive-pulse';
import { closePulse, openPulse, publishPulse } from './change-pulse-status';
import { matchAudience } from './count-audience';
import { createPulse } from './create-pulse';
import { createPulseAction } from './create-pulse-action';
import { listPulseActions } from './list-pulse-actions';
import { repeatPulsesJob } from './repeat-pulses';
import { deleteOrgPulseAction, updateOrgPulseAction } from './update-pulse-action';
import { exportPulseResults } from './export-results';
import { getOrgPulse, listOrgPulses } from './get-pulse';
import { getPulseResults, getPulseTrend } from './get-results';
import { inviteRespondents, reissueInvitation, remindRespondents } from './invite-respondents';
import { listIssuedLinks } from './list-issued-links';
import { getMemberForm, getResponseForm, listMyPulses, submitMemberResponse, submitResponse } from './respond';
import { updateOrgPulse } from './update-pulse';

const tags = ['pulse'];

function origin(req: FastifyRequest) {
  return linkOrigin(req.server);
}

/** Any string: a malformed token must get the same 404 as an unknown one, never a 400. */
const ZRespondParams = z.strictObject({ token: z.string() });

/** Alignment Pulse: anonymous surveys, invitations by single-use link, results under a minimum group size. */
export async function pulseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const respondRate = { max: ctx.config.respondRateLimit, timeWindow: '1 minute' };
  app.jobs.register(repeatPulsesJob(() => linkOrigin(app)));

  r.post(
    '/pulses',
    { config: { access: 'leader' }, schema: { tags, summary: 'Create a draft pulse from a template and/or statements', body: ZCreatePulseRequest, response: { 201: ZPulse } } },
    async (req, reply) => reply.status(201).send(await createPulse(ctx, requireOrg(req), req.body)),
  );

  r.get(
    '/pulses',
    { config: { access: 'member' }, schema: { tags, summary: 'Pulses, newest first, paged (members see published ones); archived=true|false filters', querystring: ZPulseListQuery, response: { 200: ZPulseList } } },
    (req) => listOrgPulses(ctx, requireOrg(req), req.query),
  );

  r.get(
    '/pulses/actions',
    {
      config: { access: 'leader' },
      schema: { tags, summary: 'Actions taken from results, soonest due first, paged; filter by pulseId and status', querystring: ZPulseActionsQuery, response: { 200: ZPulseActionList } },
    },
    (req) => listPulseActions(ctx, requireOrg(req), req.query),
  );

  r.patch(
    '/pulses/actions/:actionId',
    { config: { access: 'leader' }, schema: { tags, summary: 'Edit an action or track it to done', params: ZPulseActionParams, body: ZUpdatePulseActionRequest, response: { 200: ZPulseAction } } },
    (req) => updateOrgPulseAction(ctx, requireOrg(req), req.params.actionId, req.body),
  );

  r.delete('/pulses/actions/:actionId', { config: { access: 'leader' }, schema: { tags, summary: 'Delete an action', params: ZPulseActionParams } }, async (req, reply) => {
    await deleteOrgPulseAction(ctx, requireOrg(req), req.params.actionId);
    return reply.status(204).send();
  });

  r.post(
    '/pulses/:id/actions',
    {
      config: { access: 'leader' },
      schema: {
        tags,
        summary: "Create an action from a closed pulse's result (a statement, optionally one segment): owner, due date, optional goal or initiative",
        params: ZIdParams,
        body: ZCreatePulseActionRequest,
        response: { 201: ZPulseAction },
      },
    },
    async (req, reply) => reply.status(201).send(await createPulseAction(ctx, requireOrg(req), req.params.id, req.body)),
  );

  r.get(
    '/pulses/trend',
    { config: { access: 'leader' }, schema: { tags, summary: 'Each question across closed pulses: everyone, leaders, employees, with Wilson bands', response: { 200: ZPulseTrend } } },
    (req) => getPulseTrend(ctx, requireOrg(req)),
  );

  r.get(
    '/pulses/audience',
    {
      config: { access: 'leader' },
      schema: { tags, summary: 'How many active people an audience rule matches (people, not respondents), with the departments and locations to choose from', querystring: ZAudienceQuery, response: { 200: ZAudienceMatch } },
    },
    (req) => matchAudience(ctx, requireOrg(req), req.query),
  );

  r.get('/pulses/:id', { config: { access: 'member' }, schema: { tags, summary: 'One pulse', params: ZIdParams, response: { 200: ZPulse } } }, (req) =>
    getOrgPulse(ctx, requireOrg(req), req.params.id),
  );

  r.patch(
    '/pulses/:id',
    {
      config: { access: 'leader' },
      schema: { tags, summary: 'Edit a pulse; the anonymity settings answer 409 after the first response', params: ZIdParams, body: ZUpdatePulseRequest, response: { 200: ZPulse } },
    },
    (req) => updateOrgPulse(ctx, requireOrg(req), req.params.id, req.body),
  );

  r.delete(
    '/pulses/:id',
    { config: { access: 'leader' }, schema: { tags, summary: 'Delete a draft pulse (409 once it has opened: archive a closed one instead)', params: ZIdParams } },
    async (req, reply) => {
      await deleteDraftPulse(ctx, requireOrg(req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/pulses/:id/archive',
    { config: { access: 'leader' }, schema: { tags, summary: 'Archive a closed pulse: listed apart and left out of the trend (409 unless closed)', params: ZIdParams, response: { 200: ZPulse } } },
    (req) => setPulseArchived(ctx, requireOrg(req), req.params.id, true),
  );

  r.post(
    '/pulses/:id/unarchive',
    { config: { access: 'leader' }, schema: { tags, summary: 'Restore an archived pulse to the list and the trend', params: ZIdParams, response: { 200: ZPulse } } },
    (req) => setPulseArchived(ctx, requireOrg(req), req.params.id, false),
  );

  r.post('/pulses/:id/open', { config: { access: 'leader' }, schema: { tags, summary: 'Open a draft pulse for responses', params: ZIdParams, response: { 200: ZPulse } } }, (req) =>
    openPulse(ctx, requireOrg(req), req.params.id),
  );

  r.post('/pulses/:id/close', { config: { access: 'leader' }, schema: { tags, summary: 'Close a pulse: links answer 410, results appear', params: ZIdParams, response: { 200: ZPulse } } }, (req) =>
    closePulse(ctx, requireOrg(req), req.params.id),
  );

  r.post(
    '/pulses/:id/publish',
    { config: { access: 'leader' }, schema: { tags, summary: 'Show the organisation-wide results of a closed pulse to every member', params: ZIdParams, response: { 200: ZPulse } } },
    (req) => publishPulse(ctx, requireOrg(req), req.params.id),
  );

  r.post(
    '/pulses/:id/invitations',
    {
      config: { access: 'leader' },
      schema: {
        tags,
        summary: 'Issue links (opens a draft): mails each person their own link (needs SMTP, else 409 mail_required), or with { unlinked, count } returns links tied to no person',
        params: ZIdParams,
        body: ZIssueInvitationsRequest,
        response: { 201: ZPulseInvitations },
      },
    },
    async (req, reply) => reply.status(201).send(await inviteRespondents(ctx, requireOrg(req), req.params.id, origin(req), req.body)),
  );

  r.get(
    '/pulses/:id/invitations',
    {
      config: { access: 'leader' },
      schema: { tags, summary: 'The issued links: who has one and when, never whether it was used', params: ZIdParams, querystring: ZIssuedLinksQuery, response: { 200: ZIssuedLinks } },
    },
    (req) => listIssuedLinks(ctx, requireOrg(req), req.params.id, req.query),
  );

  r.post(
    '/pulses/:id/invitations/:personId/reissue',
    {
      config: { access: 'leader' },
      schema: { tags, summary: "Mail a person a new link (the old one dies); the same answer whether or not they answered (needs SMTP)", params: ZPersonLinkParams, response: { 200: ZOk } },
    },
    async (req) => {
      await reissueInvitation(ctx, requireOrg(req), req.params.id, req.params.personId, origin(req));
      return { ok: true as const };
    },
  );

  r.get('/me/pulses', { config: { access: 'member' }, schema: { tags, summary: 'Open pulses the signed-in member was invited to', response: { 200: ZMyPulses } } }, (req) =>
    listMyPulses(ctx, requireOrg(req)),
  );

  r.get(
    '/me/pulses/:id',
    { config: { access: 'member' }, schema: { tags, summary: "The questions of a pulse the member was invited to", params: ZIdParams, response: { 200: ZRespondForm } } },
    (req) => getMemberForm(ctx, requireOrg(req), req.params.id),
  );

  r.post(
    '/me/pulses/:id/response',
    {
      config: { access: 'member', rateLimit: respondRate },
      schema: { tags, summary: 'Answer as a signed-in member, stored without identity; 409 after the first answer', params: ZIdParams, body: ZSubmitResponseRequest, response: { 201: ZOk } },
    },
    async (req, reply) => {
      await submitMemberResponse(ctx, requireOrg(req), req.params.id, req.body);
      return reply.status(201).send({ ok: true as const });
    },
  );

  r.post(
    '/pulses/:id/reminders',
    { config: { access: 'leader' }, schema: { tags, summary: 'Mail fresh links to those who have not answered (needs SMTP; reveals no count)', params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await remindRespondents(ctx, requireOrg(req), req.params.id, origin(req));
      return { ok: true as const };
    },
  );

  r.get(
    '/pulses/:id/results',
    {
      config: { access: 'member' },
      schema: { tags, summary: 'Results by segment with suppression below k; gaps with Newcombe intervals; the headline', params: ZIdParams, querystring: ZResultsQuery, response: { 200: ZPulseResults } },
    },
    (req) => getPulseResults(ctx, requireOrg(req), req.params.id, req.query.by),
  );

  r.get(
    '/pulses/:id/results.csv',
    { config: { access: 'member' }, schema: { tags, summary: 'The results as CSV, suppression included', params: ZIdParams, querystring: ZResultsQuery, produces: ['text/csv'] } },
    async (req, reply) => {
      const csv = await exportPulseResults(ctx, requireOrg(req), req.params.id, req.query.by);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="pulse-results.csv"').send(csv);
    },
  );

  r.get(
    '/respond/:token',
    { config: { access: 'public', rateLimit: respondRate }, schema: { tags, summary: 'The questions behind a survey link (public)', params: ZRespondParams, response: { 200: ZRespondForm } } },
    (req) => getResponseForm(ctx, req.params.token),
  );

  r.post(
    '/respond/:token',
    {
      config: { access: 'public', rateLimit: respondRate },
      schema: { tags, summary: 'Answer anonymously; the link works once (409 after), 410 once closed', params: ZRespondParams, body: ZSubmitResponseRequest, response: { 201: ZOk } },
    },
    async (req, reply) => {
      await submitResponse(ctx, req.params.token, req.body);
      return reply.status(201).send({ ok: true as const });
    },
  );
}
