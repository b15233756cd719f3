import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

/** The table's entry for bearer-token requests, counted per token over every route. */
export const BEARER_LIMIT = 'Bearer /api/v1/* (per token)';

export interface Limit {
  max: number;
  timeWindow: string;
}

/**
 * The rate limits of the routes that an attacker (or a runaway script) would hammer, in one
 * table instead of scattered through the feature routes. Counted per client address (see
 * TANDEM_TRUSTED_PROXIES) and per route, in Redis when configured so that every instance shares
 * them. Values and reasons: decision 009 and the README's configuration table.
 */
export function rateLimitTable(config: Config): Record<string, Limit> {
  const perMinute = (max: number) => ({ max, timeWindow: '1 minute' });
  const perHour = (max: number) => ({ max, timeWindow: '1 hour' });
  return {
    'POST /api/v1/setup': perMinute(config.authRateLimit),
    'POST /api/v1/auth/login': perMinute(config.authRateLimit),
    'GET /api/v1/invitations/:token': perMinute(config.authRateLimit),
    'POST /api/v1/invitations/:token/accept': perMinute(config.authRateLimit),
    'POST /api/v1/me/password': perMinute(config.authRateLimit),
    'POST /api/v1/orgs': perHour(config.orgCreateRateLimit),
    'POST /api/v1/invitations': perHour(config.inviteRateLimit),
    'POST /api/v1/pulses/:id/invitations': perHour(config.inviteRateLimit),
    'POST /api/v1/pulses/:id/reminders': perHour(config.inviteRateLimit),
    'GET /api/v1/respond/:token': perMinute(config.respondRateLimit),
    'POST /api/v1/respond/:token': perMinute(config.respondRateLimit),
    'GET /api/v1/auth/sso': perMinute(config.authRateLimit),
    'GET /auth/oidc/start': perMinute(config.authRateLimit),
    'GET /auth/oidc/callback': perMinute(config.authRateLimit),
    // Not a route: every /api/v1 request made with an API token counts against its token (auth plugin).
    [BEARER_LIMIT]: perMinute(config.tokenRateLimit),
  };
}

/**
 * Gives each route of the table its limit when the route declares none itself. Must be added
 * before @fastify/rate-limit is registered: onRoute hooks run in order, and the rate-limit
 * plugin reads `config.rateLimit` in its own.
 */
export function applyRateLimitTable(app: FastifyInstance, config: Config) {
  const table = rateLimitTable(config);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      const limit = table[`${m} ${route.url}`];
      if (limit && route.config?.rateLimit === undefined) {
        route.config = { ...(route.config ?? {}), rateLimit: limit };
        return;
      }
    }
  });
}
