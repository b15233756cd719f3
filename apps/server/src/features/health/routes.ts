import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHealth, ZReady } from '@tandem/contracts';
import { migrationStatus } from '@tandem/db';
import { VERSION } from '../../version';

/** A database that does not answer within this bound counts as down (a dead pool can hang). */
const PING_TIMEOUT_MS = 1_000;

function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([p.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/**
 * Liveness and readiness (decision 101). `/api/health` answers 200 as long as the process can
 * answer at all: restarting an instance never fixes a database outage, so liveness does not
 * depend on it. `/api/ready` is what a load balancer asks before sending traffic.
 */
export async function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Liveness: 200 while the process runs (with the database engine and a bounded ping)', response: { 200: ZHealth } } },
    async () => {
      const ok = await within(app.ctx.database.ping(), PING_TIMEOUT_MS, false);
      return { status: ok ? ('ok' as const) : ('degraded' as const), database: { engine: app.ctx.engine, ok }, version: VERSION };
    },
  );
  r.get(
    '/api/ready',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Readiness: 200 when the database answers and its migrations are current, 503 otherwise', response: { 200: ZReady, 503: ZReady } } },
    async (_req, reply) => {
      const migrations = await within(migrationStatus(app.ctx.db), PING_TIMEOUT_MS, null);
      const ok = migrations !== null;
      const ready = ok && migrations.current;
      return reply.status(ready ? 200 : 503).send({ ready, database: { engine: app.ctx.engine, ok }, migrations, version: VERSION });
    },
  );
}
