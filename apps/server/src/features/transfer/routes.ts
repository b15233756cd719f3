import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOrgExport, ZOrgImportResult } from '@tandem/contracts';
import { requireOrg } from '../../plugins/auth';
import { exportOrg } from './export-org';
import { importOrg } from './import-org';

const tags = ['transfer'];

export async function transferRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app;
  r.get(
    '/export',
    { config: { access: 'admin' }, schema: { tags, summary: "The current organisation's data as one JSON document (no accounts, secrets or pulse links; small pulse segments pooled)", response: { 200: ZOrgExport } } },
    async (req, reply) => {
      reply.header('content-disposition', 'attachment; filename="tandem-organisation.json"');
      return exportOrg(ctx, requireOrg(req));
    },
  );
  r.post(
    '/import',
    {
      config: { access: 'admin' },
      bodyLimit: 256 * 1024 * 1024,
      schema: { tags, summary: 'Take an export into the current, empty organisation with new ids, all or nothing', body: ZOrgExport, response: { 201: ZOrgImportResult } },
    },
    async (req, reply) => reply.status(201).send(await importOrg(ctx, requireOrg(req), req.body)),
  );
}
