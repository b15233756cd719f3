import {
  deleteSession,
  findMembership,
  findPersonByEmail,
  findSsoConfig,
  findSsoConfigBySlug,
  findUserByEmail,
  insertMembership,
  insertOidcLogin,
  insertPeople,
  insertUser,
  linkPersonToUser,
  purgeOidcLogins,
  takeOidcLogin,
  updatePerson,
  type SsoConfigRow,
} from '@tandem/db';
import type { AppContext } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';
import { hashPassword } from '../../lib/password';
import { endCachedSessions } from '../../lib/session-cache';
import { startSession } from '../org';
import { recordIntegrationAudit } from './audit';
import { cachedDiscovery, oidc } from './oidc-client';

const LOGIN_MINUTES = 10;

/** A refusal shown to the person as a page (never a stack trace, never a secret). */
export class SignInRefused extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/** The provider's configuration, from the discovery cache (decision 128). */
const configOf = (ctx: AppContext, sso: SsoConfigRow) => cachedDiscovery(ctx, sso);

/**
 * Starts the authorization code flow (decision 122): PKCE (S256), state and nonce are random per
 * attempt and kept server-side (hashed state as the key) for ten minutes, one use.
 */
export async function startOidc(ctx: AppContext, slug: string, redirectUri: string): Promise<string> {
  const sso = await findSsoConfigBySlug(ctx.db, slug);
  if (!sso) throw new SignInRefused(404, 'Unknown organisation', `No organisation signs in with single sign-on as “${slug}”. Check the address or ask your administrator.`);
  let config: oidc.Configuration;
  try {
    config = await configOf(ctx, sso);
  } catch {
    throw new SignInRefused(502, 'The identity provider is unreachable', 'Your organisation’s identity provider did not answer. Try again later or ask your administrator.');
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = ctx.now();
  await purgeOidcLogins(ctx.db, now);
  await insertOidcLogin(ctx.db, { stateHash: sha256(state), orgId: sso.orgId, codeVerifier, nonce, expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000) });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.toString();
}

const SIDES = new Set(['it', 'business']);

function claimText(claims: Record<string, unknown>, name: string | null): string | null {
  if (!name) return null;
  const v = claims[name];
  if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0].trim().slice(0, 200);
  return null;
}

/**
 * Finishes the flow: the library exchanges the code (with the PKCE verifier) and validates the ID
 * token (signature by the provider's JWKS, issuer, audience, expiry, nonce). Then just-in-time
 * provisioning: an e-mail of an allowed domain gets an account, a membership and a person (found
 * by e-mail, or made), with side and department from the mapped claims. Nothing is written before
 * the token is valid and the domain allowed.
 */
export async function finishOidc(ctx: AppContext, callbackUrl: URL, redirectUri: string, previousSessionId: string | null) {
  const state = callbackUrl.searchParams.get('state');
  const pending = state ? await takeOidcLogin(ctx.db, sha256(state), ctx.now()) : null;
  if (!pending || !state) throw new SignInRefused(400, 'Sign-in expired', 'This sign-in link is no longer valid. Start again from the sign-in page.');
  if (callbackUrl.searchParams.get('error')) throw new SignInRefused(403, 'Sign-in cancelled', 'The identity provider did not sign you in. Start again from the sign-in page.');
  const sso = await findSsoConfig(ctx.db, pending.orgId);
  if (!sso) throw new SignInRefused(404, 'Single sign-on is off', 'Your organisation no longer signs in with single sign-on.');
  let claims: Record<string, unknown>;
  try {
    const config = await configOf(ctx, sso);
    const current = new URL(redirectUri);
    current.search = callbackUrl.search;
    const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  } catch {
    throw new SignInRefused(401, 'Sign-in refused', 'The answer of your identity provider could not be verified, so nobody was signed in. Start again; if it keeps failing, tell your administrator.');
  }
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || claims.email_verified === false) throw new SignInRefused(403, 'No verified e-mail', 'Your identity provider did not send a verified e-mail address, which Tandem needs to know who you are.');
  const domain = email.split('@')[1] ?? '';
  if (!sso.allowedDomains.includes(domain)) {
    throw new SignInRefused(403, 'This e-mail domain is not allowed', `Accounts of “${domain}” cannot sign in to this organisation. Sign in with your work account, or ask your administrator to allow the domain.`);
  }
  const name = (typeof claims.name === 'string' && claims.name.trim()) || email.split('@')[0]!;
  const sideClaim = claimText(claims, sso.sideClaim)?.toLowerCase() ?? null;
  const side = sideClaim && SIDES.has(sideClaim) ? (sideClaim as 'it' | 'business') : null;
  const department = claimText(claims, sso.departmentClaim);
  // An unusable password: the account signs in through the provider (a reset can set a real one).
  const placeholder = (await findUserByEmail(ctx.db, email)) ? null : await hashPassword(randomToken(32));
  const started = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    let user = await findUserByEmail(tx, email);
    const provisioned = !user;
    if (!user) user = await insertUser(tx, { email, name: name.slice(0, 200), passwordHash: placeholder ?? (await hashPassword(randomToken(32))), emailVerifiedAt: now });
    if (!(await findMembership(tx, sso.orgId, user.id))) await insertMembership(tx, { orgId: sso.orgId, userId: user.id, role: 'member' });
    const person = await findPersonByEmail(tx, sso.orgId, email);
    if (person) {
      if (side || department) await updatePerson(tx, sso.orgId, person.id, { ...(side ? { side } : {}), ...(department ? { department } : {}), updatedAt: now });
      await linkPersonToUser(tx, sso.orgId, email, user.id);
    } else {
      await insertPeople(tx, sso.orgId, [{ name: name.slice(0, 200), email, department: department ?? '', side: side ?? 'business', level: 'employee', userId: user.id }]);
    }
    await recordIntegrationAudit(ctx, tx, { orgId: sso.orgId, actorUserId: user.id, action: provisioned ? 'sso.provisioned' : 'sso.signed_in', target: email });
    if (previousSessionId) await deleteSession(tx, previousSessionId);
    return startSession(ctx, tx, user.id, sso.orgId);
  });
  if (previousSessionId) await endCachedSessions(ctx, { sessionId: previousSessionId });
  return started;
}
