import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAnalytics,
  ZAnalyticsQuery,
  ZCalibration,
  ZCalibrationQuery,
  ZCreateDeferredNeedRequest,
  ZCreateReferenceProjectRequest,
  ZCreateRequestRequest,
  ZCreatedId,
  ZDeferralRequest,
  ZDeferredNeed,
  ZDeferredNeedHistory,
  ZDeferredNeedLedger,
  ZDeferredNeedsQuery,
  ZForecastHowMany,
  ZForecastHowManyQuery,
  ZForecastWhen,
  ZForecastWhenQuery,
  ZIdParams,
  ZOk,
  ZPageQuery,
  ZPutLadderRequest,
  ZPutRequestFlow,
  ZRecordForecastHowManyRequest,
  ZRecordForecastWhenRequest,
  ZReferenceClass,
  ZReferenceClassQuery,
  ZReferenceProject,
  ZRequestCount,
  ZRequestDetail,
  ZRequestFilter,
  ZRequestFlow,
  ZRequestImportQuery,
  ZRequestImportResult,
  ZRequestLadder,
  ZRequestList,
  ZRequestListQuery,
  ZRequestTransitionList,
  ZUpdateDeferredNeedRequest,
  ZUpdateRequestRequest,
} from '@tandem/contracts';
import { requireOrg } from '../../plugins/auth';
import { createDeferredNeed, deleteOrgDeferredNeed, ledger, needHistory, setDeferral, updateOrgDeferredNeed } from './deferred-needs';
import { forecastHowManyFor, forecastWhenFor, getCalibration, recordForecastHowMany, recordForecastWhen } from './forecast';
import { getAnalytics } from './get-analytics';
import { deferredCostJob } from './deferred-cost-job';
import { getRequestFlow } from './get-request-flow';
import { importRequests } from './import-requests';
import { countOrgRequests, createRequest, deleteOrgRequest, getRequest, getRequestLadder, listOrgRequests, listRequestTransitions, setRequestLadder, updateOrgRequest } from './manage-requests';
import { setRequestFlow } from './set-request-flow';
import { createReferenceProject, referenceClass, removeReferenceProject } from './reference-class';

const ok = { ok: true as const };

/** Requests and their flow analytics, throughput forecasts, the reference class and the deferred-needs ledger. */
export async function requestsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const tags = ['requests'];
  app.jobs.register(deferredCostJob);

  /* ---- requests ---- */
  r.post(
    '/requests',
    { config: { access: 'member' }, schema: { tags, summary: 'File a request; admins may load history (status, createdAt, startedAt, doneAt)', body: ZCreateRequestRequest, response: { 201: ZCreatedId } } },
    async (req, reply) => reply.status(201).send(await createRequest(ctx, requireOrg(req), req.body)),
  );
  r.get('/requests', { config: { access: 'member' }, schema: { tags, summary: 'Requests, newest first, paged (limit, cursor → nextCursor); filters status (a key of the flow), category, side, type', querystring: ZRequestListQuery, response: { 200: ZRequestList } } }, (req) =>
    listOrgRequests(ctx, requireOrg(req), req.query),
  );
  r.get('/requests/count', { config: { access: 'member' }, schema: { tags, summary: 'How many requests match the filters of the list', querystring: ZRequestFilter, response: { 200: ZRequestCount } } }, (req) =>
    countOrgRequests(ctx, requireOrg(req), req.query),
  );
  r.get('/requests/flow', { config: { access: 'member' }, schema: { tags, summary: "The organisation's flow: statuses in order with their category (new, triaged, in_progress, done, rejected, deferred) and the allowed moves; the default flow allows any move", response: { 200: ZRequestFlow } } }, (req) =>
    getRequestFlow(ctx, requireOrg(req)),
  );
  r.put(
    '/requests/flow',
    { config: { access: 'admin' }, schema: { tags, summary: 'Replace the flow (admins); a move it does not list is then refused with a 400; a status that requests hold cannot be removed or change category (409)', body: ZPutRequestFlow, response: { 200: ZRequestFlow } } },
    (req) => setRequestFlow(ctx, requireOrg(req), req.body),
  );
  r.post(
    '/requests/import',
    {
      config: { access: 'admin' },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import past requests from CSV (text/csv) with their created/started/done dates; map columns with ?title=Summary&createdAt=Created…; all or nothing: any bad row is a 400 listing every bad row by line',
        consumes: ['text/csv'],
        querystring: ZRequestImportQuery,
        body: z.string(),
        response: { 201: ZRequestImportResult },
      },
    },
    async (req, reply) => reply.status(201).send(await importRequests(ctx, requireOrg(req), req.body, req.query)),
  );
  r.get('/requests/analytics', { config: { access: 'member' }, schema: { tags, summary: 'Lead and cycle time percentiles, throughput per week, cumulative flow, the lead-time scatter and ageing of open work', querystring: ZAnalyticsQuery, response: { 200: ZAnalytics } } }, (req) =>
    getAnalytics(ctx, requireOrg(req), req.query),
  );
  r.get('/requests/:id', { config: { access: 'member' }, schema: { tags, summary: 'One request with its transitions and delivery ladder', params: ZIdParams, response: { 200: ZRequestDetail } } }, (req) =>
    getRequest(ctx, requireOrg(req), req.params.id),
  );
  r.patch(
    '/requests/:id',
    { config: { access: 'leader' }, schema: { tags, summary: "Edit or triage a request; a status change is a timestamped transition, refused (400, with the reason) when the organisation's flow does not allow it", params: ZIdParams, body: ZUpdateRequestRequest, response: { 200: ZRequestDetail } } },
    (req) => updateOrgRequest(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.delete('/requests/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Delete a request with its history and ladder', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgRequest(ctx, requireOrg(req), req.params.id);
    return ok;
  });
  r.get('/requests/:id/transitions', { config: { access: 'member' }, schema: { tags, summary: 'Every status change of a request, oldest first, paged', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZRequestTransitionList } } }, (req) =>
    listRequestTransitions(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.get('/requests/:id/ladder', { config: { access: 'member' }, schema: { tags, summary: "The request's delivery ladder: now, next week, next month, next year", params: ZIdParams, response: { 200: ZRequestLadder } } }, (req) =>
    getRequestLadder(ctx, requireOrg(req), req.params.id),
  );
  r.put('/requests/:id/ladder', { config: { access: 'leader' }, schema: { tags, summary: 'Replace the delivery ladder (one deliverable with a date per rung)', params: ZIdParams, body: ZPutLadderRequest, response: { 200: ZRequestLadder } } }, (req) =>
    setRequestLadder(ctx, requireOrg(req), req.params.id, req.body),
  );

  /* ---- forecasts ---- */
  r.get('/forecast/when', { config: { access: 'member' }, schema: { tags, summary: 'When will K remaining requests be done, at 50/85/95% (exact, same data gives the same dates); 422 "not enough history: N days"', querystring: ZForecastWhenQuery, response: { 200: ZForecastWhen } } }, (req) =>
    forecastWhenFor(ctx, requireOrg(req), req.query),
  );
  r.get('/forecast/how-many', { config: { access: 'member' }, schema: { tags, summary: 'How many requests will be done by a date, at 50/85/95%', querystring: ZForecastHowManyQuery, response: { 200: ZForecastHowMany } } }, (req) =>
    forecastHowManyFor(ctx, requireOrg(req), req.query),
  );
  r.post('/forecast/when', { config: { access: 'member' }, schema: { tags, summary: 'The when-forecast as shown in the app, recorded in the calibration log (remaining, requestIds or a filter; a list or a filter resolves when those requests are finished)', body: ZRecordForecastWhenRequest, response: { 200: ZForecastWhen } } }, (req) =>
    recordForecastWhen(ctx, requireOrg(req), req.body),
  );
  r.post('/forecast/how-many', { config: { access: 'member' }, schema: { tags, summary: 'The how-many forecast as shown in the app, recorded in the calibration log', body: ZRecordForecastHowManyRequest, response: { 200: ZForecastHowMany } } }, (req) =>
    recordForecastHowMany(ctx, requireOrg(req), req.body),
  );
  r.get('/forecast/calibration', { config: { access: 'member' }, schema: { tags, summary: 'Recorded forecasts, newest first, paged, and how often the real outcome fell inside the 85% forecast (summary over the whole log)', querystring: ZCalibrationQuery, response: { 200: ZCalibration } } }, (req) =>
    getCalibration(ctx, requireOrg(req), req.query),
  );
  r.post('/forecast/reference-class/projects', { config: { access: 'leader' }, schema: { tags, summary: 'Add a past project with its estimated and actual days to the reference class', body: ZCreateReferenceProjectRequest, response: { 201: ZReferenceProject } } }, async (req, reply) =>
    reply.status(201).send(await createReferenceProject(ctx, requireOrg(req), req.body)),
  );
  r.delete('/forecast/reference-class/projects/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Remove a past project from the reference class', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await removeReferenceProject(ctx, requireOrg(req), req.params.id);
    return ok;
  });
  r.get('/forecast/reference-class', { config: { access: 'member' }, schema: { tags, summary: "Flyvbjerg's reference class: P50/P80 uplift of actual/estimate (linear interpolation) and the forecast for an estimate", querystring: ZReferenceClassQuery, response: { 200: ZReferenceClass } } }, (req) =>
    referenceClass(ctx, requireOrg(req), req.query.estimateDays),
  );

  /* ---- deferred IT needs ---- */
  r.post('/deferred-needs', { config: { access: 'leader' }, schema: { tags, summary: 'Put a deferred IT need on the ledger: cost now, annual failure probability, impact', body: ZCreateDeferredNeedRequest, response: { 201: ZDeferredNeed } } }, async (req, reply) =>
    reply.status(201).send(await createDeferredNeed(ctx, requireOrg(req), req.body)),
  );
  r.get('/deferred-needs', { config: { access: 'member' }, schema: { tags, summary: 'The ledger on asOf, paged (longest deferred first): exposure = (1 − (1 − p)^t) × impact, t = days deferred / 365.25, and the totals over every deferred need', querystring: ZDeferredNeedsQuery, response: { 200: ZDeferredNeedLedger } } }, (req) =>
    ledger(ctx, requireOrg(req), req.query.asOf, req.query.all === 'true', { limit: req.query.limit, cursor: req.query.cursor }),
  );
  r.patch('/deferred-needs/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Edit a need (cost, probability, impact, reason)', params: ZIdParams, body: ZUpdateDeferredNeedRequest, response: { 200: ZDeferredNeed } } }, (req) =>
    updateOrgDeferredNeed(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.post('/deferred-needs/:id/deferral', { config: { access: 'leader' }, schema: { tags, summary: 'Defer again or stop deferring; kept in the history', params: ZIdParams, body: ZDeferralRequest, response: { 200: ZDeferredNeed } } }, (req) =>
    setDeferral(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.get('/deferred-needs/:id/history', { config: { access: 'member' }, schema: { tags, summary: 'Deferrals and un-deferrals of a need, oldest first, paged', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZDeferredNeedHistory } } }, (req) =>
    needHistory(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.delete('/deferred-needs/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Remove a need from the ledger', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgDeferredNeed(ctx, requireOrg(req), req.params.id);
    return ok;
  });
}
