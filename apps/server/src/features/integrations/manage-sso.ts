import { findOrganisation, findSsoConfig, findSsoConfigsByDomain, slugTaken, upsertSsoConfig, type SsoConfigRow } from '@tandem/db';
import type { TPutSsoRequest, TSsoConfig, TSsoLookup } from '@tandem/contracts';
import { ZPutSsoRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { requireSecretKey, seal } from '../../lib/secret-box';
import { recordIntegrationAudit } from './audit';
import { discover, forgetDiscovery } from './oidc-client';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer must be https; plain http only for a provider on this machine (development, tests). */
export function checkIssuer(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return url;
  throw new AppError('validation', `issuer must be an https URL (http only for localhost), got "${raw}"`);
}

export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s || 'org';
}

export function toSsoConfig(row: SsoConfigRow | null, origin: string): TSsoConfig {
  return {
    configured: row !== null,
    slug: row?.slug ?? null,
    issuer: row?.issuer ?? null,
    clientId: row?.clientId ?? null,
    allowedDomains: row?.allowedDomains ?? [],
    required: row?.required ?? false,
    sideClaim: row?.sideClaim ?? null,
    departmentClaim: row?.departmentClaim ?? null,
    redirectUri: `${origin}/auth/oidc/callback`,
    startUrl: row ? `${origin}/auth/oidc/start?org=${encodeURIComponent(row.slug)}` : null,
  };
}

export async function getSso(ctx: AppContext, auth: OrgAuth, origin: string): Promise<TSsoConfig> {
  return toSsoConfig(await findSsoConfig(ctx.db, auth.orgId), origin);
}

/**
 * Saves the organisation's OpenID Connect settings (decision 122). The provider's discovery
 * document must load, so a typo in the issuer is a 400 now rather than a failed sign-in later.
 * The client secret is sealed (decision 124); leaving it out keeps the stored one.
 */
export async function putSso(ctx: AppContext, auth: OrgAuth, body: TPutSsoRequest, origin: string): Promise<TSsoConfig> {
  const input = ZPutSsoRequest.parse(body);
  const issuer = checkIssuer(input.issuer);
  const key = requireSecretKey(ctx.config.secretKey);
  try {
    await discover(issuer.toString(), input.clientId, input.clientSecret);
  } catch (e) {
    throw new AppError('validation', `issuer: the provider's discovery document could not be loaded from ${issuer.origin} (${e instanceof Error ? e.message : 'failed'})`);
  }
  const saved = await ctx.db.transaction(async (tx) => {
    const existing = await findSsoConfig(tx, auth.orgId);
    let slug = existing?.slug;
    if (!slug) {
      const base = slugify((await findOrganisation(tx, auth.orgId))?.name ?? 'org');
      slug = base;
      for (let i = 2; await slugTaken(tx, slug, auth.orgId); i++) slug = `${base}-${i}`;
    }
    const row = await upsertSsoConfig(tx, {
      orgId: auth.orgId,
      slug,
      issuer: issuer.toString().replace(/\/$/, ''),
      clientId: input.clientId,
      clientSecretEnc: seal(key, input.clientSecret),
      allowedDomains: [...new Set(input.allowedDomains)],
      required: input.required,
      sideClaim: input.sideClaim ?? null,
      departmentClaim: input.departmentClaim ?? null,
      updatedAt: ctx.now(),
    });
    await recordIntegrationAudit(ctx, tx, {
      orgId: auth.orgId,
      actorUserId: auth.userId,
      action: 'sso.configured',
      details: { issuer: row.issuer, clientId: row.clientId, allowedDomains: row.allowedDomains, required: row.required },
    });
    return toSsoConfig(row, origin);
  });
  // The new settings are read by the next sign-in; the old discovery must not outlive them.
  forgetDiscovery(ctx, auth.orgId);
  return saved;
}

/** Which organisations let this e-mail's domain sign in with their provider (the login page asks). */
export async function lookupSso(ctx: AppContext, email: string): Promise<TSsoLookup> {
  const domain = email.split('@')[1]?.trim().toLowerCase() ?? '';
  if (!domain) return { organisations: [] };
  return { organisations: await findSsoConfigsByDomain(ctx.db, domain) };
}
