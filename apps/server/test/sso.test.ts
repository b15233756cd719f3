import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, setUp, type TestApp } from './harness';
import { startOidcProvider, type TestAccount } from './oidc-provider';

const SECRET_KEY = 'test-secret-key-0123456789-abcdefghijkl';
const CLIENT = { clientId: 'tandem-test', clientSecret: 'provider-client-secret-7f3a9c', redirectUri: 'http://tandem.test/auth/oidc/callback' };

/** Follows the provider's redirects with a cookie jar until it sends the browser back to Tandem. */
async function throughProvider(authUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authUrl;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith('http://tandem.test')) return url.slice('http://tandem.test'.length);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const loc = res.headers.get('location');
    if (!loc) throw new Error(`provider stopped at ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(loc, url).toString();
  }
  throw new Error('too many redirects');
}

describe.each(engines())('single sign-on through a real OpenID provider on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let op: Awaited<ReturnType<typeof startOidcProvider>>;
  const logs: string[] = [];

  const signIn = async (account: TestAccount, slug = 'acme') => {
    op.next.account = account;
    const c = new Client(t.app);
    const start = await c.get(`/auth/oidc/start?org=${slug}`);
    expect(start.statusCode, start.body).toBe(302);
    const back = await throughProvider(start.headers.location as string);
    const res = await c.get(back);
    return { c, res };
  };

  beforeAll(async () => {
    op = await startOidcProvider(CLIENT);
    const stream = new Writable({ write: (chunk, _enc, cb) => (logs.push(String(chunk)), cb()) });
    t = await createTestApp(engine, {
      env: { TANDEM_SECRET_KEY: SECRET_KEY, TANDEM_PUBLIC_URL: 'http://tandem.test' },
      logger: { level: 'trace', stream },
    });
    owner = (await setUp(t.app)).client;
    expect((await owner.post('/api/v1/people', { name: 'Ivy Infra', email: 'ivy@acme.test', department: 'Ops', side: 'business', level: 'employee' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await op.close();
  });

  it('refuses an http issuer that is not local and bad fields, writing nothing', async () => {
    const base = { issuer: op.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, allowedDomains: ['acme.test'], required: false };
    for (const [patch, field] of [
      [{ issuer: 'http://idp.example.com' }, 'https'],
      [{ allowedDomains: ['not a domain'] }, 'allowedDomains'],
      [{ allowedDomains: [] }, 'allowedDomains'],
      [{ clientSecret: '' }, 'clientSecret'],
      [{ scopes: ['x'] }, 'scopes'],
    ] as const) {
      const res = await owner.request({ method: 'PUT', url: '/api/v1/org/sso', json: { ...base, ...patch } });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(field);
    }
    expect((await owner.get('/api/v1/org/sso')).json()).toMatchObject({ configured: false });
  });

  it('stores the settings with the secret sealed and never answers it', async () => {
    const res = await owner.request({
      method: 'PUT',
      url: '/api/v1/org/sso',
      json: { issuer: op.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, allowedDomains: ['acme.test'], required: false, sideClaim: 'tandem_side', departmentClaim: 'department' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ configured: true, slug: 'acme', allowedDomains: ['acme.test'], redirectUri: CLIENT.redirectUri, startUrl: 'http://tandem.test/auth/oidc/start?org=acme' });
    const got = await owner.get('/api/v1/org/sso');
    expect(got.body).not.toContain(CLIENT.clientSecret);
    expect(res.body).not.toContain(CLIENT.clientSecret);
    expect((await new Client(t.app).get('/api/v1/auth/sso?email=someone@ACME.test')).json()).toEqual({ organisations: [{ slug: 'acme', name: 'Acme', required: false }] });
  });

  it('provisions a new member just in time with side and department from claims, and links an existing person', async () => {
    const { c, res } = await signIn({ sub: 'u-1', email: 'nia@acme.test', name: 'Nia New', tandem_side: 'it', department: 'Platform' });
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/');
    const me = (await c.get('/api/v1/me')).json();
    expect(me).toMatchObject({ user: { email: 'nia@acme.test' }, current: { name: 'Acme', role: 'member' } });
    const people = (await owner.get('/api/v1/people')).json();
    const list = (people.items ?? people.people ?? people) as Array<{ email: string; side: string; department: string }>;
    expect(list.find((p) => p.email === 'nia@acme.test')).toMatchObject({ side: 'it', department: 'Platform' });
    // The person Ivy exists already: she is linked and her side updated from the claim.
    await signIn({ sub: 'u-2', email: 'ivy@acme.test', name: 'Ivy Infra', tandem_side: 'it' });
    const after = (await owner.get('/api/v1/people')).json();
    const list2 = (after.items ?? after.people ?? after) as Array<{ email: string; side: string; department: string }>;
    expect(list2.filter((p) => p.email === 'ivy@acme.test')).toMatchObject([{ side: 'it', department: 'Ops' }]);
  });

  it('refuses an unknown domain with a clear page and creates nothing', async () => {
    const { res } = await signIn({ sub: 'u-3', email: 'eve@globex.test', name: 'Eve' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('globex.test');
    expect(res.body).toContain('not allowed');
    const members = (await owner.get('/api/v1/members')).json();
    expect(JSON.stringify(members)).not.toContain('eve@globex.test');
  });

  it('refuses a tampered ID token and creates nothing', async () => {
    op.tamper.idToken = true;
    try {
      const { res } = await signIn({ sub: 'u-4', email: 'tom@acme.test', name: 'Tom' });
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('could not be verified');
      expect(res.headers['set-cookie']).toBeUndefined();
    } finally {
      op.tamper.idToken = false;
    }
    const members = JSON.stringify((await owner.get('/api/v1/members')).json());
    expect(members).not.toContain('tom@acme.test');
    expect(members).not.toContain('mallory@globex.test');
  });

  it('refuses a replayed or unknown state', async () => {
    op.next.account = { sub: 'u-5', email: 'rae@acme.test', name: 'Rae' };
    const c = new Client(t.app);
    const back = await throughProvider((await c.get('/auth/oidc/start?org=acme')).headers.location as string);
    expect((await c.get(back)).statusCode).toBe(302);
    const again = await new Client(t.app).get(back);
    expect(again.statusCode).toBe(400);
    expect((await c.get('/auth/oidc/start?org=nobody')).statusCode).toBe(404);
  });

  it('turns password sign-in off for members when required; the owner keeps it', async () => {
    const put = await owner.request({ method: 'PUT', url: '/api/v1/org/sso', json: { issuer: op.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, allowedDomains: ['acme.test'], required: true } });
    expect(put.statusCode, put.body).toBe(200);
    // A member with a password (set through the reset flow in real life): here invited with one.
    const inv = (await owner.post('/api/v1/invitations', { email: 'pat@acme.test', role: 'member' })).json();
    const pat = new Client(t.app);
    expect((await pat.post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Pat', password: 'quiet harbour lantern 7' })).statusCode).toBe(200);
    const refused = await new Client(t.app).post('/api/v1/auth/login', { email: 'pat@acme.test', password: 'quiet harbour lantern 7' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('single sign-on');
    const ownerLogin = await new Client(t.app).post('/api/v1/auth/login', { email: 'olivia@acme.test', password: 'correct horse battery' });
    expect(ownerLogin.statusCode).toBe(200);
  });

  it('never writes the client secret, tokens or codes to the log', async () => {
    const { token } = (await owner.post('/api/v1/tokens', { name: 'Log check', scopes: ['read'] })).json();
    await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: `Bearer ${token}` } });
    const all = logs.join('\n');
    expect(all).toContain('/auth/oidc/callback');
    expect(all).not.toContain(CLIENT.clientSecret);
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/[?&](code|state)=(?!\[redacted\])/);
  });

  it('reuses the discovery document within its TTL, and loads it again after the TTL or a save', async () => {
    const put = () =>
      owner.request({ method: 'PUT', url: '/api/v1/org/sso', json: { issuer: op.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, allowedDomains: ['acme.test'], required: false } });
    expect((await put()).statusCode).toBe(200);
    const base = op.stats.discovery;
    const ok = async (n: number) => expect((await signIn({ sub: `u-c${n}`, email: `cache${n}@acme.test`, name: `Cache ${n}` })).res.statusCode).toBe(302);
    await ok(1);
    expect(op.stats.discovery).toBe(base + 1);
    await ok(2);
    expect(op.stats.discovery).toBe(base + 1);
    // After the TTL (ten minutes on the app's clock) it is loaded again.
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
    await ok(3);
    expect(op.stats.discovery).toBe(base + 2);
    // Saving the settings checks the provider (one load) and drops the cached one (one more at the next sign-in).
    expect((await put()).statusCode).toBe(200);
    await ok(4);
    expect(op.stats.discovery).toBe(base + 4);
  });
});
