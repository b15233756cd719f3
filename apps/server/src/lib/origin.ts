import type { FastifyInstance } from 'fastify';

const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);

/**
 * The origin that links (invitations, survey links) are built from: TANDEM_PUBLIC_URL, else the
 * address this server listens on (localhost when it listens on every interface). Never the
 * request's Host header, which the caller chooses: a forged Host would otherwise put an
 * attacker's domain into mailed links (decision 009).
 */
export function linkOrigin(app: FastifyInstance): string {
  const { publicUrl, host, port } = app.ctx.config;
  if (publicUrl) return publicUrl;
  const bound = app.server.address();
  const listening = bound !== null && typeof bound === 'object' ? bound : { address: host, port };
  const name = EVERY_INTERFACE.has(listening.address) ? 'localhost' : listening.address.includes(':') ? `[${listening.address}]` : listening.address;
  return `http://${name}:${listening.port}`;
}
