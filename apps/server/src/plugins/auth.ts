import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findLiveApiToken, findSessionWithRole, touchApiToken, touchSession } from '@tandem/db';
import type { Access, Auth, OrgAuth, Role } from '../context';
import { AppError } from '../lib/errors';
import { sha256 } from '../lib/crypto';
import { sessionCacheOf, type CachedSession } from '../lib/session-cache';
import { BEARER_LIMIT, rateLimitTable } from './rate-limits';

export const SESSION_COOKIE = 'tandem_session';
export const CSRF_COOKIE = 'tandem_csrf';

function isHttps(app: FastifyInstance) {
  return app.ctx.config.publicUrl?.startsWith('https://') ?? false;
}

/**
 * Over https the cookies carry the `__Host-` prefix: the browser then accepts them only when
 * Secure, for path / and without a Domain, so a sibling subdomain cannot plant or shadow them.
 */
export function cookieNames(app: FastifyInstance) {
  const p = isHttps(app) ? '__Host-' : '';
  return { session: p + SESSION_COOKIE, csrf: p + CSRF_COOKIE };
}

const RANK: Record<Role, number> = { member: 1, leader: 2, admin: 3, owner: 4 };

/** The single place where roles are compared. */
export function hasRole(role: Role | null, min: Role): boolean {
  return role !== null && RANK[role] >= RANK[min];
}

export function requireOrg(req: FastifyRequest): OrgAuth {
  const a = req.auth;
  if (!a) throw new AppError('unauthenticated', 'Sign in first');
  if (!a.orgId || !a.role) throw new AppError('forbidden', 'Choose or create an organisation first');
  return a as OrgAuth;
}

export function requireUser(req: FastifyRequest): Auth {
  if (!req.auth) throw new AppError('unauthenticated', 'Sign in first');
  return req.auth;
}

export function cookieOptions(app: FastifyInstance, httpOnly: boolean, maxAgeSeconds: number) {
  const secure = isHttps(app);
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure, maxAge: maxAgeSeconds };
}

export function setSessionCookies(app: FastifyInstance, reply: FastifyReply, token: string, csrf: string) {
  const maxAge = app.ctx.config.sessionDays * 86_400;
  const names = cookieNames(app);
  reply.setCookie(names.session, token, cookieOptions(app, true, maxAge));
  reply.setCookie(names.csrf, csrf, cookieOptions(app, false, maxAge));
}

export function clearSessionCookies(app: FastifyInstance, reply: FastifyReply) {
  const names = cookieNames(app);
  const secure = isHttps(app);
  reply.clearCookie(names.session, { path: '/', secure });
  reply.clearCookie(names.csrf, { path: '/', secure });
}

const READ_METHODS = new Set(['GET', 'HEAD']);
/** API tokens look like `tdm_` + 43 base64url characters. */
const BEARER = /^Bearer\s+(tdm_[A-Za-z0-9_-]{43})\s*$/;
const BAD_TOKEN = 'The API token is not valid (unknown, expired or revoked)';

/**
 * Resolves `Authorization: Bearer` on /api/v1 (decision 120). Expired, revoked and unknown tokens
 * get the same 401. The last use is written at most once a minute per token.
 */
async function bearerAuth(app: FastifyInstance, req: FastifyRequest, header: string): Promise<Auth> {
  if (Object.keys(req.cookies).some((name) => name === cookieNames(app).session)) {
    throw new AppError('unauthenticated', 'Send either a session cookie or an API token, not both');
  }
  const m = BEARER.exec(header);
  if (!m) throw new AppError('unauthenticated', BAD_TOKEN);
  const now = app.ctx.now();
  const found = await findLiveApiToken(app.ctx.db, sha256(m[1]!), now);
  if (!found) throw new AppError('unauthenticated', BAD_TOKEN);
  const { token } = found;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_EVERY_MS) await touchApiToken(app.ctx.db, token.id, now);
  const role: Role | null = found.role ?? null;
  return { sessionId: '', userId: token.userId, csrfToken: '', orgId: role ? token.orgId : null, role, token: { id: token.id, scopes: token.scopes } };
}

/** Refresh the idle expiry at most once a minute per session, so reading pages costs no write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Loads the session named by the cookie, then enforces each route's `config.access`.
 * Routes without `access` under /api/v1 require a member of the current organisation:
 * forgetting to declare access fails closed.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('auth', null);

  const cache = sessionCacheOf(app.ctx);
  app.addHook('onReady', async () => cache.start(app.ctx));
  app.addHook('onClose', async () => cache.close());

  /** A cached entry still inside its idle and absolute expiry; one that looks expired is read again (another instance may have extended it). */
  async function cachedSession(hash: string, now: Date): Promise<CachedSession | null> {
    const hit = cache.get(hash);
    if (!hit) return null;
    if (hit.expiresAt > now && hit.absoluteExpiresAt > now) return hit;
    cache.delete(hash);
    return null;
  }

  /** The session and its role from the database; kept in the cache only when acting in an organisation. */
  async function loadSession(hash: string, now: Date): Promise<CachedSession | null> {
    const epoch = cache.begin();
    const found = await findSessionWithRole(app.ctx.db, hash);
    if (!found || found.session.expiresAt <= now || found.session.absoluteExpiresAt <= now) return null;
    const { session } = found;
    // No membership in the current organisation (removed since): signed in, but acting nowhere.
    const role: Role | null = found.role ?? null;
    const entry: CachedSession = {
      sessionId: session.id,
      userId: session.userId,
      csrfToken: session.csrfToken,
      orgId: role ? session.currentOrgId : null,
      role,
      expiresAt: session.expiresAt,
      absoluteExpiresAt: session.absoluteExpiresAt,
    };
    if (entry.role && entry.orgId) cache.set(hash, entry, epoch);
    return entry;
  }

  app.addHook('onRequest', async (req) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined && req.url.startsWith('/api/v1/')) {
      req.auth = await bearerAuth(app, req, authorization);
      return;
    }
    // The web app's files and the app shell need no session: no lookup per asset (issue #15).
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/auth/')) return;
    const token = req.cookies[cookieNames(app).session];
    if (!token) return;
    const hash = sha256(token);
    const now = app.ctx.now();
    const entry = (await cachedSession(hash, now)) ?? (await loadSession(hash, now));
    if (!entry) return;
    // Idle timeout (decision 008): each use pushes the idle expiry forward, capped by the absolute end.
    const idleMs = app.ctx.config.sessionIdleMinutes * 60_000;
    if (entry.expiresAt.getTime() < entry.absoluteExpiresAt.getTime() && entry.expiresAt.getTime() - now.getTime() < idleMs - TOUCH_EVERY_MS) {
      const next = new Date(Math.min(now.getTime() + idleMs, entry.absoluteExpiresAt.getTime()));
      await touchSession(app.ctx.db, entry.sessionId, next);
      entry.expiresAt = next;
    }
    const auth: Auth = { sessionId: entry.sessionId, userId: entry.userId, csrfToken: entry.csrfToken, orgId: entry.orgId, role: entry.role };
    req.auth = auth;
  });

  // Every request made with a token counts against that token, across all routes and instances
  // (the rate-limit plugin's shared store; the request stands in as a key holder only, because the
  // plugin runs each limiter once per request and the route's own limit may have run already).
  const perToken = rateLimitTable(app.ctx.config)[BEARER_LIMIT]!;
  const tokenLimiter = app.rateLimit({ ...perToken, keyGenerator: (r) => `api-token:${(r as unknown as { tokenId: string }).tokenId}` });

  app.addHook('preHandler', async (req, reply) => {
    const access: Access | undefined = req.routeOptions.config?.access;
    const url = req.routeOptions.url ?? '';
    if (!url.startsWith('/api/v1')) return;
    const need: Access = access ?? 'member';
    const token = req.auth?.token;
    if (token) {
      await tokenLimiter.call(app, { tokenId: token.id, routeOptions: { config: {} } } as unknown as FastifyRequest, reply);
      if (need === 'public' || need === 'user') throw new AppError('forbidden', 'API tokens act in their organisation only; this route needs a signed-in session');
      if (!token.scopes.includes('write') && !READ_METHODS.has(req.method)) throw new AppError('forbidden', 'This API token has the read scope only');
    }
    if (need === 'public') return;
    if (need === 'user') {
      requireUser(req);
      return;
    }
    const a = requireOrg(req);
    if (!hasRole(a.role, need)) throw new AppError('forbidden', `This needs the ${need} role or higher`);
  });
});
