import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { afterEach, describe, expect, it } from 'vitest';
import { staticSecurityHeaders } from './security-headers';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The headers helmet's own middleware puts on a real answer. */
async function headersFromHelmet(options: HelmetOptions): Promise<Record<string, string>> {
  const mw = helmet(options);
  server = createServer((req, res) => mw(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await res.text();
  const out: Record<string, string> = {};
  const ignore = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  res.headers.forEach((v, k) => {
    if (!ignore.has(k)) out[k] = v;
  });
  return out;
}

describe('static security headers', () => {
  const options: HelmetOptions[] = [
    {},
    {
      hsts: false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
    },
    { hsts: { maxAge: 60 }, contentSecurityPolicy: false, crossOriginEmbedderPolicy: true },
  ];
  it.each(options.map((o, i) => [i, o] as const))('are exactly the ones helmet sets on a real answer (options %i)', async (_i, o) => {
    const computed = Object.fromEntries(staticSecurityHeaders(o));
    expect(Object.keys(computed).length).toBeGreaterThan(5);
    expect(computed).toEqual(await headersFromHelmet(o));
  });

  it('keep the policy asked for', () => {
    const h = Object.fromEntries(staticSecurityHeaders({ frameguard: { action: 'deny' }, hsts: false, contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } } }));
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['strict-transport-security']).toBeUndefined();
  });
});
