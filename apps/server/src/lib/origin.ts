import type { FastifyInstance } from 'fastify';

/**
 * The origin that links (invitations, survey links) are built from: TANDEM_PUBLIC_URL, else the
 * address this server listens on (localhost when it listens on every interface). Never the
 * request's Host header, which the caller chooses: a forged Host would otherwise put an
 * attacker's domain into mailed links (decision 009).
 */
export function linkOrigin(app: FastifyInstance): string {
  const { publicUrl, host, port } = app.ctx.config;
  if (publicUrl) return publicUrl;
  const address = app.server.address();
  const listening = address !== null && typeof address === 'object' ? address.port : port;
  const name = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${listening}`;
}
