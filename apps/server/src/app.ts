import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { serializerCompiler } from './plugins/serializer';
import type { Redis } from 'ioredis';
import { readDataVersion, type Database } from '@tandem/db';
import type { Config } from './config';
import type { AppContext } from './context';
import { AppError } from './lib/errors';
import { JobRunner } from './lib/jobs';
import type { Mailer } from './lib/mailer';
import { authPlugin } from './plugins/auth';
import { csrfPlugin } from './plugins/csrf';
import { errorBody, registerErrorHandler, requestIdOf } from './plugins/errors';
import { etagPlugin } from './plugins/etag';
import { inputGuardPlugin } from './plugins/input-guard';
import { metricsPlugin } from './plugins/metrics';
import { applyRateLimitTable } from './plugins/rate-limits';
import { securityHeadersPlugin } from './plugins/security-headers';
import { RedactingLogController, loggerOptions } from './lib/logging';
import { healthRoutes } from './features/health';
import { orgRoutes } from './features/org';
import { strategyRoutes } from './features/strategy';
import { pulseRoutes } from './features/pulse';
import { casesRoutes } from './features/cases';
import { prioritiesRoutes } from './features/priorities';
import { requestsRoutes } from './features/requests';
import { valueRoutes } from './features/value';
import { insightsRoutes } from './features/insights';
import { eventsRoutes } from './features/events';
import { integrationsRoutes, oidcRoutes } from './features/integrations';
import { crossoverRoutes } from './features/crossover';
import { calendarRoutes } from './features/calendar';
import { transferRoutes } from './features/transfer';
import { VERSION } from './version';
import { XLSX_TYPE } from './lib/xlsx';

export interface BuildOptions {
  database: Database;
  config: Config;
  mailer?: Mailer | null;
  now?: () => Date;
  /** pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** A shared store for rate limits across app instances. */
  redis?: Redis | null;
  /** Folder of the built web app; served at / when present. */
  webDir?: string | null;
}

/** The built web app sits beside the server both in the sources and in the bundle. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Builds the whole application without listening, so tests inject requests directly.
 * Order matters: cookies, then sessions (auth), then CSRF, which needs to know about the session.
 */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logger),
    // Our own request line redacts tokens from URLs; fastify's would not.
    logController: new RedactingLogController(),
    bodyLimit: opts.config.bodyLimit,
    // Our own request id: a safe incoming x-request-id is kept, anything else replaced (decision 100).
    requestIdHeader: false,
    genReqId: requestIdOf,
    // X-Forwarded-For only from the proxies named in TANDEM_TRUSTED_PROXIES (decision 009).
    trustProxy: opts.config.trustedProxies.length > 0 ? opts.config.trustedProxies : false,
  });
  const ctx: AppContext = {
    db: opts.database.db,
    engine: opts.database.engine,
    database: opts.database,
    config: opts.config,
    mailer: opts.mailer ?? null,
    now: opts.now ?? (() => new Date()),
  };
  app.decorate('ctx', ctx);
  // Scheduled jobs: features register theirs; main.ts starts the ticking, tests call tick() (decision 060).
  const jobs = new JobRunner(ctx, (job, err) => app.log.error({ job, err }, 'scheduled job failed'));
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => jobs.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // API answers are per user and per moment: no browser or proxy cache may keep them.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // Excel workbooks arrive as bytes; the routes that take them turn them into CSV before validation.
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  await app.register(securityHeadersPlugin, {
    helmet: {
      // HSTS only means something when the app is served over https.
      hsts: opts.config.publicUrl?.startsWith('https:') ?? false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine sets inline style attributes; scripts stay same-origin only.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
    },
  });
  await app.register(metricsPlugin);
  await app.register(cookie);
  applyRateLimitTable(app, opts.config);
  await app.register(rateLimit, {
    global: false,
    ...(opts.redis ? { redis: opts.redis, nameSpace: 'tandem-rl:' } : {}),
    errorResponseBuilder: (_req, context) =>
      Object.assign(new AppError('rate_limited', `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });
  await app.register(authPlugin);
  await app.register(csrfPlugin);
  await app.register(inputGuardPlugin);
  await app.register(etagPlugin, {
    readVersion: async (req, scope) => (req.auth?.orgId ? readDataVersion(ctx.db, req.auth.orgId, scope) : null),
    cacheBytes: opts.config.readCacheMb * 1024 * 1024,
    now: ctx.now,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tandem API',
        version: VERSION,
        description:
          'Aligning IT and Business on technology priorities. All /api/v1 routes act on the session\'s current organisation. ' +
          'State-changing requests made with a session must send the tandem_csrf cookie value in the x-csrf-token header. ' +
          'Errors are { "error": { "code", "message", "requestId", "details"? } }; every answer carries the x-request-id header.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(orgRoutes, { prefix: '/api/v1' });
  await app.register(strategyRoutes, { prefix: '/api/v1' });
  await app.register(pulseRoutes, { prefix: '/api/v1' });
  await app.register(casesRoutes, { prefix: '/api/v1' });
  await app.register(prioritiesRoutes, { prefix: '/api/v1' });
  await app.register(requestsRoutes, { prefix: '/api/v1' });
  await app.register(valueRoutes, { prefix: '/api/v1' });
  await app.register(insightsRoutes, { prefix: '/api/v1' });
  await app.register(eventsRoutes, { prefix: '/api/v1' });
  await app.register(integrationsRoutes, { prefix: '/api/v1' });
  await app.register(oidcRoutes);
  await app.register(crossoverRoutes, { prefix: '/api/v1' });
  await app.register(calendarRoutes, { prefix: '/api/v1' });
  await app.register(transferRoutes, { prefix: '/api/v1' });

  const webDir = opts.webDir === undefined ? DEFAULT_WEB_DIR : opts.webDir;
  const hasWeb = webDir !== null && existsSync(webDir);
  if (hasWeb) {
    const assets = resolve(webDir, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build names every file under assets/ by its content hash: a browser keeps those for a year
      // without asking again (a fresh tab loads the app and its page chunks from cache, decision 154).
      // Anything else, index.html above all, is checked each time, so a new release reaches every tab.
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && hasWeb && !req.url.startsWith('/api/')) {
      // The web app routes on the client: unknown paths get the app shell.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(req, 'not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
  return app;
}
