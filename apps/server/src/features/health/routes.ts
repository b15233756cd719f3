import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHealth } from '@tandem/contracts';
import { VERSION } from '../../version';

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Liveness and the database engine', response: { 200: ZHealth, 503: ZHealth } } },
    async (_req, reply) => {
      const ok = await app.ctx.database.ping().catch(() => false);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: { engine: app.ctx.engine, ok }, version: VERSION });
    },
  );
}
