import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email: string;
  name: string;
  [claim: string]: unknown;
}

/**
 * A real OpenID provider (oidc-provider from npm) on a free local port, for the SSO tests. The
 * interaction (login and consent screens) is answered by the test: the account in `next.account`
 * signs in at once and every requested scope is granted. `tamper.idToken` rewrites the ID token's
 * payload on its way out of the token endpoint without re-signing it.
 */
export async function startOidcProvider(client: { clientId: string; clientSecret: string; redirectUri: string }) {
  const next: { account: TestAccount | null } = { account: null };
  const tamper = { idToken: false };
  /** How many times the discovery document was fetched (the SSO cache test counts them). */
  const stats = { discovery: 0 };
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: client.clientId, client_secret: client.clientSecret, redirect_uris: [client.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'tandem_side', 'department'] },
    // Put the profile and e-mail claims in the ID token itself (no userinfo call needed).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    findAccount: (_ctx: unknown, sub: string) => {
      const a = accounts.get(sub);
      return a ? { accountId: sub, claims: () => ({ email_verified: true, ...a }) } : undefined;
    },
    loadExistingGrant: async (ctx: { oidc: { client?: { clientId: string }; session?: { accountId?: string } } }) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  provider.proxy = false;
  const callback = provider.callback();
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/.well-known/openid-configuration')) stats.discovery++;
    if (req.url?.startsWith('/interaction/')) {
      const account = next.account;
      if (!account) {
        res.statusCode = 500;
        res.end('no account set for the next sign-in');
        return;
      }
      accounts.set(account.sub, account);
      await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    if (tamper.idToken && req.url?.startsWith('/token')) {
      const end = res.end.bind(res);
      res.end = ((chunk: unknown, ...rest: unknown[]) => {
        if (chunk) {
          const body = JSON.parse(String(chunk)) as { id_token?: string };
          if (body.id_token) {
            const [h, p, s] = body.id_token.split('.');
            const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
            payload.email = 'mallory@globex.test';
            body.id_token = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
            chunk = JSON.stringify(body);
            if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(chunk as string));
          }
        }
        return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
      }) as typeof res.end;
    }
    callback(req, res);
  });
  return { issuer, port, next, tamper, stats, close: () => new Promise<void>((r) => server.close(() => r())) };
}
