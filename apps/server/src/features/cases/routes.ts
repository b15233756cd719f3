import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCase,
  ZCaseList,
  ZCaseResults,
  ZCasesQuery,
  ZCaseVersions,
  ZCreateCaseRequest,
  ZCreatedCase,
  ZIdParams,
  ZRegister,
  ZUpdateCaseRequest,
  ZVersionsQuery,
} from '@tandem/contracts';
import { requireOrg } from '../../plugins/auth';
import { createCase } from './create-case';
import { removeCase } from './delete-case';
import { exportOnePagerPdf, onePagerHtml } from './export-one-pager';
import { getCase, getCaseResults } from './get-case';
import { getRegister } from './get-register';
import { listOrgCases } from './list-cases';
import { listVersions } from './list-versions';
import { updateCase } from './update-case';

const tags = ['cases'];
const ZPage = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) });

/** Business cases with ranges and security cases priced with FAIR; the one-pager for the CFO. */
export async function casesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const member = { access: 'member' as const };
  const leader = { access: 'leader' as const };

  r.post('/cases', { config: leader, schema: { tags, summary: 'Create a business or security case (results computed, seeded)', body: ZCreateCaseRequest, response: { 201: ZCreatedCase } } }, async (req, reply) =>
    reply.status(201).send(await createCase(ctx, requireOrg(req), req.body)),
  );
  r.get('/cases', { config: member, schema: { tags, summary: 'Cases, by kind, sortable by ALE or NPV; paged (?limit ≤ 500, ?cursor) with the total that match', querystring: ZCasesQuery, response: { 200: ZCaseList } } }, (req) =>
    listOrgCases(ctx, requireOrg(req), req.query),
  );
  r.get('/cases/register', { config: { ...member, etag: true }, schema: { tags, summary: 'Security register by ALE, total exposure, portfolio loss exceedance', querystring: ZPage, response: { 200: ZRegister } } }, (req) =>
    getRegister(ctx, requireOrg(req), req.query),
  );
  r.get('/cases/:id', { config: member, schema: { tags, summary: 'One case, current version', params: ZIdParams, response: { 200: ZCase } } }, (req) => getCase(ctx, requireOrg(req), req.params.id));
  r.patch('/cases/:id', { config: leader, schema: { tags, summary: 'Edit a case: saves a new version', params: ZIdParams, body: ZUpdateCaseRequest, response: { 200: ZCase } } }, (req) =>
    updateCase(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.delete('/cases/:id', { config: leader, schema: { tags, summary: 'Delete a case and its versions', params: ZIdParams } }, async (req, reply) => {
    await removeCase(ctx, requireOrg(req), req.params.id);
    return reply.status(204).send();
  });
  r.get('/cases/:id/results', { config: member, schema: { tags, summary: 'Results of the current version', params: ZIdParams, response: { 200: ZCaseResults } } }, (req) =>
    getCaseResults(ctx, requireOrg(req), req.params.id),
  );
  r.get('/cases/:id/versions', { config: { ...member, etag: true }, schema: { tags, summary: 'Versions, newest first, with their numbers; paged (?limit ≤ 500, ?cursor)', params: ZIdParams, querystring: ZVersionsQuery, response: { 200: ZCaseVersions } } }, (req) =>
    listVersions(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.get('/cases/:id/one-pager.pdf', { config: member, schema: { tags, summary: 'The one-page A4 PDF', params: ZIdParams, produces: ['application/pdf'] } }, async (req, reply) => {
    const { pdf } = await exportOnePagerPdf(ctx, requireOrg(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', 'inline; filename="one-pager.pdf"').send(pdf);
  });
  r.get('/cases/:id/one-pager.html', { config: member, schema: { tags, summary: 'The one-pager as HTML', params: ZIdParams, produces: ['text/html'] } }, async (req, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').send(await onePagerHtml(ctx, requireOrg(req), req.params.id)),
  );
}
