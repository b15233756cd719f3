import { disableDigestByHash, findDigestSubscription, upsertDigestSubscription } from '@tandem/db';
import type { TDigestSettings } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';

const DEFAULT: TDigestSettings = { enabled: false, weekday: 1, hour: 8, timeZone: 'UTC' };

export async function getDigestSettings(ctx: AppContext, auth: OrgAuth): Promise<TDigestSettings> {
  const row = await findDigestSubscription(ctx.db, auth.orgId, auth.userId);
  return row ? { enabled: row.enabled, weekday: row.weekday, hour: row.hour, timeZone: row.timeZone } : DEFAULT;
}

/**
 * Opt in or out of the weekly digest for the current organisation. Saving settings draws a new
 * unsubscribe secret nobody holds yet; each mail carries a fresh one (decision 093).
 */
export async function putDigestSettings(ctx: AppContext, auth: OrgAuth, v: TDigestSettings): Promise<TDigestSettings> {
  await upsertDigestSubscription(ctx.db, { orgId: auth.orgId, userId: auth.userId, ...v, unsubscribeHash: sha256(randomToken()), updatedAt: ctx.now() });
  return v;
}

/** The mail's unsubscribe link: works without signing in; answers the same whether or not the token was live. */
export async function unsubscribeDigest(ctx: AppContext, token: string): Promise<void> {
  await disableDigestByHash(ctx.db, sha256(token), ctx.now());
}
