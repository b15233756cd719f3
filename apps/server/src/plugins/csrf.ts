import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import { safeEqual } from '../lib/crypto';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function ownOrigin(app: FastifyInstance, host: string | undefined, protocol: string): string | null {
  if (app.ctx.config.publicUrl) return new URL(app.ctx.config.publicUrl).origin;
  return host ? `${protocol}://${host}` : null;
}

/**
 * Double-submit CSRF defence plus an Origin check. A present Origin must be the app's own;
 * a request carrying a session must echo the session's CSRF token in `x-csrf-token`.
 * Runs after the auth plugin so that it knows whether a session is present.
 */
export const csrfPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const own = ownOrigin(app, req.headers.host, req.protocol);
      if (origin === 'null' || origin !== own) throw new AppError('forbidden', 'Cross-site request refused');
    }
    // A bearer token is no ambient credential (the browser never adds it), so it needs no CSRF token.
    if (req.auth && !req.auth.token) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, req.auth.csrfToken)) {
        throw new AppError('forbidden', 'Missing or wrong CSRF token (send the tandem_csrf cookie value in x-csrf-token)');
      }
    }
  });
});
