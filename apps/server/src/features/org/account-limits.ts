import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors';
import { sha256 } from '../../lib/crypto';

/**
 * A limit per account, in addition to the per-IP one: keyed by the e-mail in the body (hashed, so
 * the shared store never holds addresses), counted whether or not the address has an account, so
 * a 429 tells nothing about accounts. Shares @fastify/rate-limit's store, hence Redis across
 * instances when configured. Runs as a preHandler, after the body is parsed and validated.
 */
export function accountLimit(app: FastifyInstance, name: string, max: number, timeWindowMs: number) {
  const check = app.createRateLimit({ max, timeWindow: timeWindowMs, keyGenerator: (req) => `acct:${name}:${sha256(emailOf(req))}` });
  return async (req: FastifyRequest) => {
    const r = await check(req);
    if (!r.isAllowed && r.isExceeded) {
      throw new AppError('rate_limited', `Too many attempts for this account; try again in ${Math.max(1, Math.ceil(r.ttl / 1000))} s`);
    }
  };
}

function emailOf(req: FastifyRequest): string {
  const body = req.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}
