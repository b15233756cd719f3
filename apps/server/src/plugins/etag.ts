import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Whether an `If-None-Match` header names this tag (a list, `*`, weak or strong forms alike). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === bare;
  });
}

/**
 * Conditional GETs (decision 116) for the reads whose data changes rarely, marked
 * `config: { etag: true }`: a 200 answer gets a strong `ETag` (SHA-1 of the body, base64url), and a
 * request whose `If-None-Match` names it gets 304 with no body. The answer is still computed: it is
 * the transfer and the client's parse that are saved. Errors and writes are never tagged.
 */
export const etagPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
    if (!req.routeOptions.config?.etag || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    if (!matchesIfNoneMatch(req.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-length');
    return '';
  });
});
