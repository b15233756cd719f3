import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZBenefit,
  ZBenefitList,
  ZBenefitsQuery,
  ZCreateBenefitRequest,
  ZCreateOpportunityRequest,
  ZIdParams,
  ZOk,
  ZOpportunitiesQuery,
  ZOpportunity,
  ZOpportunityList,
  ZPlanTree,
  ZUpdateOpportunityRequest,
  ZValueSummary,
  ZValueSummaryQuery,
} from '@tandem/contracts';
import { requireOrg } from '../../plugins/auth';
import { getPlanTree } from './get-plan-tree';
import { getValueSummary } from './get-value-summary';
import { deleteOrgBenefit, listOrgBenefits } from './list-benefits';
import { createOpportunity, deleteOrgOpportunity, listOrgOpportunities, updateOrgOpportunity } from './manage-opportunities';
import { recordBenefit } from './record-benefit';

const ok = { ok: true as const };

/** Value: benefits planned and realised, the realisation summary, the plan tree and the opportunity log. */
export async function valueRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const tags = ['value'];
  const leader = { access: 'leader' as const };
  const member = { access: 'member' as const };

  r.post('/value/benefits', { config: leader, schema: { tags, summary: 'Record a planned and/or realised benefit of an initiative for a quarter (YYYY-Qn), with evidence; no realised value for a future quarter', body: ZCreateBenefitRequest, response: { 201: ZBenefit } } }, async (req, reply) =>
    reply.status(201).send(await recordBenefit(ctx, requireOrg(req), req.body)),
  );
  r.get('/value/benefits', { config: member, schema: { tags, summary: 'Recorded benefits, newest first, paged; ?initiativeId= filters', querystring: ZBenefitsQuery, response: { 200: ZBenefitList } } }, (req) =>
    listOrgBenefits(ctx, requireOrg(req), req.query),
  );
  r.delete('/value/benefits/:id', { config: leader, schema: { tags, summary: 'Delete a recorded benefit', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgBenefit(ctx, requireOrg(req), req.params.id);
    return ok;
  });
  r.get('/value/summary', { config: member, schema: { tags, summary: 'Planned vs realised money of a year by initiative (most lagging first) and quarter; the share realised by IT-enabled initiatives', querystring: ZValueSummaryQuery, response: { 200: ZValueSummary } } }, (req) =>
    getValueSummary(ctx, requireOrg(req), req.query.year),
  );
  r.get('/value/plan', { config: member, schema: { tags, summary: 'The plan tree: goal → initiatives → enablers and requests in flight, with money at each level', querystring: ZValueSummaryQuery, response: { 200: ZPlanTree } } }, (req) =>
    getPlanTree(ctx, requireOrg(req), req.query.year),
  );

  r.post('/value/opportunities', { config: member, schema: { tags, summary: 'Log an idea where technology could make money, with an estimated value', body: ZCreateOpportunityRequest, response: { 201: ZOpportunity } } }, async (req, reply) =>
    reply.status(201).send(await createOpportunity(ctx, requireOrg(req), req.body)),
  );
  r.get('/value/opportunities', { config: member, schema: { tags, summary: 'The opportunity log, newest first, paged; ?status= filters', querystring: ZOpportunitiesQuery, response: { 200: ZOpportunityList } } }, (req) =>
    listOrgOpportunities(ctx, requireOrg(req), req.query),
  );
  r.patch('/value/opportunities/:id', { config: leader, schema: { tags, summary: 'Edit an opportunity or move its status', params: ZIdParams, body: ZUpdateOpportunityRequest, response: { 200: ZOpportunity } } }, (req) =>
    updateOrgOpportunity(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.delete('/value/opportunities/:id', { config: leader, schema: { tags, summary: 'Remove an opportunity from the log', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgOpportunity(ctx, requireOrg(req), req.params.id);
    return ok;
  });
}
