import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DataScope } from '@tandem/db';
import { VersionedAnswers } from '../lib/versioned-answers';

/** Whether an `If-None-Match` header names this tag (a list, `*`, weak or strong forms alike). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === bare;
  });
}

export interface EtagOptions {
  /**
   * The request's organisation's counter for a kind of data (decision 166), or null when the
   * request acts in no organisation. Without it, versioned routes are tagged by their body.
   */
  readVersion?: (req: FastifyRequest, scope: DataScope) => Promise<number | null>;
  /** Bytes of versioned answers kept in this instance's memory; 0 keeps none. */
  cacheBytes?: number;
  /** The clock: versioned tags hold the UTC day, since answers such as horizons and late items move with it. */
  now?: () => Date;
}

/**
 * Conditional GETs (decision 116) for the reads whose data changes rarely, marked
 * `config: { etag: true }`: a 200 answer gets a strong `ETag` (SHA-1 of the body, base64url), and a
 * request whose `If-None-Match` names it gets 304 with no body. Errors and writes are never tagged.
 *
 * Routes that also name a data version (`dataVersion: 'people'`, decision 166) are tagged before
 * any work: the tag is the SHA-1 of the organisation's counter for that data, the UTC day, the
 * caller (user and role) and the URL, so a matching If-None-Match is answered 304 without running the route, and an
 * answer already rendered under the same tag is sent again from memory. The counter is read from
 * the database on each request, so a write answered on any instance is seen by the next read.
 */
export const etagPlugin = fp<EtagOptions>(async (app: FastifyInstance, opts) => {
  const tags = new WeakMap<FastifyRequest, { tag: string; group: string; version: number }>();
  const cached = new WeakSet<FastifyRequest>();
  // Kept as bytes: a hit is written out without encoding the string again.
  const cache = opts.cacheBytes ? new VersionedAnswers(opts.cacheBytes) : null;

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const scope = req.routeOptions.config?.dataVersion;
    if (!scope || !opts.readVersion || (req.method !== 'GET' && req.method !== 'HEAD')) return;
    const version = await opts.readVersion(req, scope);
    if (version === null) return;
    const a = req.auth;
    const day = (opts.now?.() ?? new Date()).toISOString().slice(0, 10);
    const tag = `"${createHash('sha1').update(`${scope}\0${version}\0${day}\0${a?.orgId}\0${a?.userId}\0${a?.role}\0${req.url}`).digest('base64url')}"`;
    const group = `${a?.orgId}\0${scope}`;
    tags.set(req, { tag, group, version });
    cache?.see(group, version);
    // A named tag only: `*` ("any answer") is judged after the route ran, which may still refuse.
    const named = (req.headers['if-none-match'] ?? '')
      .split(',')
      .filter((t) => t.trim() !== '' && t.trim() !== '*')
      .join(',');
    if (named && matchesIfNoneMatch(named, tag)) {
      reply.code(304).header('etag', tag);
      return reply.send();
    }
    const hit = cache?.get(tag);
    if (hit === undefined) return;
    cached.add(req);
    reply.header('etag', tag).type('application/json; charset=utf-8');
    return reply.send(hit);
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
    if (!req.routeOptions.config?.etag || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const versioned = tags.get(req);
    if (versioned) {
      const { tag, group, version } = versioned;
      reply.header('etag', tag);
      if (cache && !cached.has(req)) cache.set(tag, group, version, typeof payload === 'string' ? Buffer.from(payload) : payload);
      if (!matchesIfNoneMatch(req.headers['if-none-match'], tag)) return payload;
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    if (!matchesIfNoneMatch(req.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-length');
    return '';
  });
});
