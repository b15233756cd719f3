import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for these options, computed once. Tandem's policy has no nonces and no
 * per-request directives, so every answer carries the same set; @fastify/helmet rebuilt helmet's
 * middleware (parsing the CSP) on every request, about 0.1 ms each on this machine (decision 164).
 */
export function staticSecurityHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return [...headers];
}

/** Sets the security headers on every answer (API, static files and errors alike). */
export const securityHeadersPlugin = fp<{ helmet: HelmetOptions }>(async (app: FastifyInstance, opts) => {
  const headers = staticSecurityHeaders(opts.helmet);
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
});
