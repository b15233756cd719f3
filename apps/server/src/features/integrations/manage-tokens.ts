import { insertApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from '@tandem/db';
import type { TApiToken, TApiTokenList, TCreateTokenRequest, TCreatedToken, TPageQuery } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { recordIntegrationAudit } from './audit';

/** Tokens are managed with a session only: a leaked token must not mint more tokens. */
function sessionOnly(auth: OrgAuth) {
  if (auth.token) throw new AppError('forbidden', 'Manage API tokens while signed in, not with a token');
}

/**
 * Creates a personal token acting as the caller in the current organisation (decision 120). The
 * token is answered once; only its SHA-256 is kept. The `tdm_` prefix lets secret scanners find it.
 */
export async function createToken(ctx: AppContext, auth: OrgAuth, input: TCreateTokenRequest): Promise<TCreatedToken> {
  sessionOnly(auth);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= ctx.now()) throw new AppError('validation', `expiresAt must be in the future, got ${input.expiresAt}`);
  const token = `tdm_${randomToken(32)}`;
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, { orgId: auth.orgId, userId: auth.userId, name: input.name, tokenHash: sha256(token), scopes: input.scopes, expiresAt, createdAt: ctx.now() });
    await recordIntegrationAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'token.created', target: row.id, details: { name: input.name, scopes: input.scopes } });
    return { id: row.id, token };
  });
}

export function toApiToken(r: ApiTokenRow): TApiToken {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

/** The caller's own tokens in this organisation, newest first; never the token itself. */
export async function listTokens(ctx: AppContext, auth: OrgAuth, q: TPageQuery): Promise<TApiTokenList> {
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null;
  const rows = await listApiTokens(ctx.db, auth.orgId, auth.userId, q.limit + 1, after ? { at: new Date(after[0] as string), id: after[1] as string } : undefined);
  return pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], toApiToken);
}

export async function revokeToken(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, auth.orgId, auth.userId, id, ctx.now()))) throw notFound('Token');
    await recordIntegrationAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'token.revoked', target: id });
  });
}
