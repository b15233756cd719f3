import { timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { errorBody } from './errors';

/**
 * Prometheus metrics (decision 102), one registry per app so that tests building several apps in
 * one process never share counters. Requests are labelled by route pattern (`/api/v1/people/:id`),
 * never by raw URL: ids would make the label set unbounded. `GET /metrics` answers only with
 * `Authorization: Bearer <TANDEM_METRICS_TOKEN>`, and 404 when no token is configured.
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tandem_' });

  const requests = new Counter({
    name: 'tandem_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'tandem_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // Event-loop lag in our own gauge as well: the p99 is what a slow request path shows first.
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  new Gauge({
    name: 'tandem_event_loop_lag_p99_seconds',
    help: 'p99 event-loop delay since the previous scrape',
    registers: [registry],
    collect() {
      this.set(Number.isFinite(loop.percentile(99)) ? loop.percentile(99) / 1e9 : 0);
      loop.reset();
    },
  });

  new Gauge({
    name: 'tandem_db_pool_connections',
    help: 'PostgreSQL pool connections by state (absent on PGlite, which has no pool)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = app.ctx.database.poolStats();
      if (!s) return;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'in_use' }, s.total - s.idle);
      this.set({ state: 'waiting' }, s.waiting);
      this.set({ state: 'max' }, s.max);
    },
  });

  const jobRuns = new Counter({
    name: 'tandem_job_runs_total',
    help: 'Scheduled job slots this instance ran, by job and outcome (done, failed); skipped = claimed by another instance',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const tick = app.jobs.tick.bind(app.jobs);
  // The runner's own timer calls this.tick too, so the wrapper sees every run.
  app.jobs.tick = async (now?: Date) => {
    const results = await tick(now);
    for (const r of results) jobRuns.inc({ job: r.job, outcome: !r.ran ? 'skipped' : r.error === undefined ? 'done' : 'failed' });
    return results;
  };

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? (reply.statusCode === 404 ? 'not_found' : 'unmatched');
    const method = req.method;
    requests.inc({ method, route, status: String(reply.statusCode) });
    latency.observe({ method, route }, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => loop.disable());

  const token = app.ctx.config.metricsToken;
  const expected = token === null ? null : Buffer.from(`Bearer ${token}`);
  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    if (expected === null) {
      return reply.status(404).send(errorBody(req, 'not_found', `No route ${req.method} /metrics`));
    }
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.status(401).send(errorBody(req, 'unauthenticated', 'Send Authorization: Bearer <TANDEM_METRICS_TOKEN>'));
    }
    const text = await registry.metrics();
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(text);
  });
});
