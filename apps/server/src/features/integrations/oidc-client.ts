import * as oidc from 'openid-client';
import type { SsoConfigRow } from '@tandem/db';
import type { AppContext } from '../../context';
import { open } from '../../lib/secret-box';

/**
 * The OpenID Connect client (openid-client 6). Plain http is allowed only for a provider on this
 * machine (checkIssuer refuses it elsewhere), which is how development and the tests run theirs.
 */
export async function discover(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  const local = url.protocol === 'http:';
  const config = await oidc.discovery(url, clientId, clientSecret, undefined, { ...(local ? { execute: [oidc.allowInsecureRequests] } : {}), timeout: 10 });
  // The library trusts an ID token from the token endpoint on the strength of TLS alone (OIDC
  // Core 3.1.3.7); we also verify its signature against the provider's JWKS (decision 122).
  oidc.enableNonRepudiationChecks(config);
  return config;
}

/** How long a loaded discovery document (and the client built on it) is reused (decision 128). */
export const DISCOVERY_TTL_MS = 10 * 60_000;

interface Cached {
  /** The saved settings it was built from: any change to them (on any instance) is a miss. */
  stamp: string;
  expiresAt: number;
  config: Promise<oidc.Configuration>;
}

/** One cache per app (tests run several apps in one process); keyed by organisation. */
const caches = new WeakMap<AppContext, Map<string, Cached>>();

// The sealed secret changes with every save (a fresh IV), so even two saves within one clock tick differ.
const stampOf = (sso: SsoConfigRow) => `${sso.updatedAt.toISOString()}|${sso.issuer}|${sso.clientId}|${sso.clientSecretEnc}`;

/**
 * The organisation's client configuration, discovered at most once per DISCOVERY_TTL_MS (on the
 * app's clock). The entry is keyed by the settings (`updatedAt`, issuer, client id, sealed secret), which every
 * sign-in reads from the database anyway: saving the settings invalidates it here at once and on
 * every other instance at its next sign-in, without any message between instances. A failed
 * discovery is not kept, so the next sign-in tries again.
 */
export function cachedDiscovery(ctx: AppContext, sso: SsoConfigRow): Promise<oidc.Configuration> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const now = ctx.now().getTime();
  const stamp = stampOf(sso);
  const hit = cache.get(sso.orgId);
  if (hit && hit.stamp === stamp && hit.expiresAt > now) return hit.config;
  const config = discover(sso.issuer, sso.clientId, open(ctx.config.secretKey ?? '', sso.clientSecretEnc));
  const entry: Cached = { stamp, expiresAt: now + DISCOVERY_TTL_MS, config };
  cache.set(sso.orgId, entry);
  config.catch(() => {
    if (cache.get(sso.orgId) === entry) cache.delete(sso.orgId);
  });
  return config;
}

/** Drops an organisation's cached discovery (its settings were just saved). */
export function forgetDiscovery(ctx: AppContext, orgId: string): void {
  caches.get(ctx)?.delete(orgId);
}

export { oidc };
