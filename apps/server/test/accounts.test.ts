import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createMailer, type Mailer } from '../src/lib/mailer';
import { Client, OWNER, createTestApp, engines, invite, setUp, type TestApp } from './harness';
import { startSmtp } from './smtp';

/** Decisions 007 (e-mail proof) and 008 (sessions, passwords, limits): each probe finding of issue 18 §3. */

type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The mails to one address, unfolded from quoted-printable; waits for sends that are not awaited by the server. */
async function mailsTo(smtp: Smtp, to: string, atLeast = 1): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const found = smtp.received.map((m) => m.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).filter((m) => m.includes(`To: ${to}`));
    if (found.length >= atLeast) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no mail to ${to}`);
}

function linkToken(mail: string, kind: 'invite' | 'reset'): string {
  const m = kind === 'invite' ? mail.match(/\/invite\/([A-Za-z0-9_-]{43})/) : mail.match(/\/reset-password#([A-Za-z0-9_-]{43})/);
  if (!m) throw new Error(`no ${kind} link in mail`);
  return m[1]!;
}

/** A second app on the same database, e.g. the same instance after mail was set up. */
async function sibling(t: TestApp, mailer: Mailer | null, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ database: t.database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000', ...env }), mailer, webDir: null, now: () => t.clock.now, logger: false });
  await app.ready();
  return app;
}

async function login(app: FastifyInstance, email: string, password: string) {
  const c = new Client(app);
  const res = await c.post('/api/v1/auth/login', { email, password });
  return { c, status: res.statusCode };
}

describe.each(engines())('accounts: e-mail proof on %s', (engine) => {
  let t: TestApp;
  let smtp: Smtp;
  let mailer: Mailer;
  let owner: Client;
  let mailApp: FastifyInstance;
  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>')!;
    t = await createTestApp(engine); // the instance as it was before mail was set up
    mailApp = await sibling(t, mailer);
    owner = (await setUp(t.app)).client;
  });
  afterAll(async () => {
    await mailApp.close();
    await t.close();
    mailer.close();
    await smtp.close();
  });

  it('the invitation preview tells nothing about whether the address has an account', async () => {
    await invite(t.app, owner, 'known@acme.test', 'member', 'Known Person');
    const a = (await owner.post('/api/v1/invitations', { email: 'known@acme.test', role: 'member' })).json();
    const b = (await owner.post('/api/v1/invitations', { email: 'unknown@acme.test', role: 'member' })).json();
    const pa = (await new Client(t.app).get(`/api/v1/invitations/${a.token}`)).json();
    const pb = (await new Client(t.app).get(`/api/v1/invitations/${b.token}`)).json();
    expect(Object.keys(pa).sort()).toEqual(['email', 'expiresAt', 'organisation', 'role']);
    expect(Object.keys(pb).sort()).toEqual(Object.keys(pa).sort());
  });

  it('closes the probe\'s squatting path: an administrator\'s own invitation cannot take an address another organisation uses', async () => {
    // Victim Corp's CEO joins through a mailed invitation: the address is proved.
    const victimAdmin = new Client(mailApp);
    await victimAdmin.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    await victimAdmin.post('/api/v1/orgs', { name: 'Victim Corp', currency: 'EUR' });
    const sent = (await victimAdmin.post('/api/v1/invitations', { email: 'ceo@victim.test', role: 'admin' })).json();
    expect(sent.token).toBeNull();
    const ceo = new Client(mailApp);
    const joined = await ceo.post(`/api/v1/invitations/${linkToken((await mailsTo(smtp, 'ceo@victim.test'))[0]!, 'invite')}/accept`, { name: 'Cee Eo', password: 'victorious chief passphrase' });
    expect(joined.statusCode).toBe(200);

    // Mallory runs her own organisation on the same instance.
    const { client: mallory } = await invite(t.app, owner, 'mallory@evil.test', 'member', 'Mallory', 'evil plans passphrase');
    await mallory.post('/api/v1/orgs', { name: 'Evil Inc', currency: 'EUR' });

    // With mail, Mallory never holds the link of her invitation, so she cannot accept it.
    const viaMail = await new Client(mailApp);
    viaMail.cookies = { ...mallory.cookies };
    const noLink = (await viaMail.post('/api/v1/invitations', { email: 'ceo@victim.test', role: 'member' })).json();
    expect(noLink).toMatchObject({ emailed: true, token: null, url: null });

    // Without mail she holds it, but a held link never takes over or joins a proved account without its password.
    const held = (await mallory.post('/api/v1/invitations', { email: 'ceo@victim.test', role: 'member' })).json();
    const squat = await new Client(t.app).post(`/api/v1/invitations/${held.token}/accept`, { name: 'Not The CEO', password: 'mallory owns this now' });
    expect(squat.statusCode).toBe(401);
    expect((await login(t.app, 'ceo@victim.test', 'mallory owns this now')).status).toBe(401);
    expect((await login(t.app, 'ceo@victim.test', 'victorious chief passphrase')).status).toBe(200);
    expect((await ceo.get('/api/v1/me')).json().organisations.map((o: { name: string }) => o.name)).toEqual(['Victim Corp']);
  });

  it('an address squatted from a held link cannot join another organisation, and its mailbox holder reclaims it once mail is set up', async () => {
    const { client: mallory } = await invite(t.app, owner, 'mallory2@evil.test', 'member', 'Mallory Two', 'evil plans passphrase');
    await mallory.post('/api/v1/orgs', { name: 'Evil Two', currency: 'EUR' });
    // No mail yet: Mallory makes an account for an address nobody uses yet (unverified; decision 007 says so).
    const held = (await mallory.post('/api/v1/invitations', { email: 'cfo@victim.test', role: 'member' })).json();
    const squatter = new Client(t.app);
    expect((await squatter.post(`/api/v1/invitations/${held.token}/accept`, { name: 'Fake CFO', password: 'squatted passphrase here' })).statusCode).toBe(200);
    // Another organisation's held link cannot attach that account, with or without its password.
    const victimAdmin = new Client(t.app);
    await victimAdmin.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    const other = (await victimAdmin.post('/api/v1/invitations', { email: 'cfo@victim.test', role: 'admin' })).json();
    const tryJoin = await new Client(t.app).post(`/api/v1/invitations/${other.token}/accept`, { password: 'squatted passphrase here' });
    expect(tryJoin.statusCode).toBe(409);
    expect(tryJoin.json().error.message).toMatch(/confirmed by e-mail/);
    // Mail set up: the invitation goes to the real mailbox, whose holder reclaims the account.
    const adminWithMail = new Client(mailApp);
    await adminWithMail.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    await adminWithMail.post('/api/v1/invitations', { email: 'cfo@victim.test', role: 'admin' });
    const cfo = new Client(mailApp);
    const reclaimed = await cfo.post(`/api/v1/invitations/${linkToken((await mailsTo(smtp, 'cfo@victim.test'))[0]!, 'invite')}/accept`, { name: 'Real CFO', password: 'the real finance passphrase' });
    expect(reclaimed.statusCode).toBe(200);
    expect(reclaimed.json().user.name).toBe('Real CFO');
    expect((await squatter.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(t.app, 'cfo@victim.test', 'squatted passphrase here')).status).toBe(401);
    expect((await login(t.app, 'cfo@victim.test', 'the real finance passphrase')).status).toBe(200);
  });

  it('a mailed invitation to an existing proved account needs its password; a new address gets a verified account', async () => {
    const admin = new Client(mailApp);
    await admin.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    await admin.post('/api/v1/invitations', { email: 'newcomer@acme.test', role: 'leader' });
    const token = linkToken((await mailsTo(smtp, 'newcomer@acme.test'))[0]!, 'invite');
    expect((await new Client(mailApp).post(`/api/v1/invitations/${token}/accept`, { name: 'New Comer', password: 'quiet harbour lantern 7' })).statusCode).toBe(200);
    const verified = await t.database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'newcomer@acme.test') });
    expect(verified!.emailVerifiedAt).not.toBeNull();
    await admin.post('/api/v1/orgs', { name: 'Second Org', currency: 'EUR' });
    await admin.post('/api/v1/invitations', { email: 'newcomer@acme.test', role: 'member' });
    const token2 = linkToken((await mailsTo(smtp, 'newcomer@acme.test', 2))[1]!, 'invite');
    expect((await new Client(mailApp).post(`/api/v1/invitations/${token2}/accept`, { name: 'Other Name', password: 'a different passphrase' })).statusCode).toBe(401);
    const ok = await new Client(mailApp).post(`/api/v1/invitations/${token2}/accept`, { password: 'quiet harbour lantern 7' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.name).toBe('New Comer');
  });
});

describe.each(engines())('accounts: password reset on %s', (engine) => {
  let t: TestApp;
  let smtp: Smtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>')!;
    t = await createTestApp(engine, { mailer, env: { TANDEM_ACCOUNT_RESET_LIMIT: '3' } });
    await setUp(t.app);
  });
  afterAll(async () => {
    await t.close();
    mailer.close();
    await smtp.close();
  });

  it('answers 202 with byte-identical answers for known and unknown addresses, and mails only the known one', async () => {
    const known = await new Client(t.app).post('/api/v1/auth/password-reset', { email: OWNER.email });
    const unknown = await new Client(t.app).post('/api/v1/auth/password-reset', { email: 'nobody@acme.test' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.rawPayload.equals(known.rawPayload)).toBe(true);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    expect(unknown.headers['content-length']).toBe(known.headers['content-length']);
    await mailsTo(smtp, OWNER.email);
    expect(smtp.received.some((m) => m.includes('To: nobody@acme.test'))).toBe(false);
    const bad = await new Client(t.app).post('/api/v1/auth/password-reset', { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/body\.email/);
  });

  it('a reset link is stored hashed, works once, ends every session and proves the address', async () => {
    const { c: session1 } = await login(t.app, OWNER.email, OWNER.password);
    const { c: session2 } = await login(t.app, OWNER.email, OWNER.password);
    const count = (await mailsTo(smtp, OWNER.email)).length;
    await new Client(t.app).post('/api/v1/auth/password-reset', { email: OWNER.email });
    const token = linkToken((await mailsTo(smtp, OWNER.email, count + 1))[count]!, 'reset');
    const rows = await t.database.db.query.passwordResets.findMany();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash) && r.tokenHash !== token)).toBe(true);
    const weak = await new Client(t.app).post('/api/v1/auth/password-reset/confirm', { token, password: 'aaaaaaaaaaaa' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('body.password');
    const fresh = new Client(t.app);
    const [x, y] = await Promise.all([
      fresh.post('/api/v1/auth/password-reset/confirm', { token, password: 'brand new owner passphrase' }),
      new Client(t.app).post('/api/v1/auth/password-reset/confirm', { token, password: 'another owner passphrase' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 404]);
    const winner = x.statusCode === 200 ? 'brand new owner passphrase' : 'another owner passphrase';
    expect((await new Client(t.app).post('/api/v1/auth/password-reset/confirm', { token, password: 'third owner passphrase' })).statusCode).toBe(404);
    expect((await session1.get('/api/v1/me')).statusCode).toBe(401);
    expect((await session2.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(t.app, OWNER.email, OWNER.password)).status).toBe(401);
    expect((await login(t.app, OWNER.email, winner)).status).toBe(200);
    const owner = await t.database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, OWNER.email) });
    expect(owner!.emailVerifiedAt).not.toBeNull();
    // Put the owner's password back for the other tests.
    const { c } = await login(t.app, OWNER.email, winner);
    expect((await c.post('/api/v1/me/password', { currentPassword: winner, newPassword: OWNER.password })).statusCode).toBe(200);
  });

  it('a reset link expires after 30 minutes', async () => {
    const count = smtp.received.filter((m) => m.includes(`To: ${OWNER.email}`)).length;
    await new Client(t.app).post('/api/v1/auth/password-reset', { email: OWNER.email });
    const token = linkToken((await mailsTo(smtp, OWNER.email, count + 1))[count]!, 'reset');
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 31 * 60_000);
    try {
      const res = await new Client(t.app).post('/api/v1/auth/password-reset/confirm', { token, password: 'too late passphrase 9' });
      expect(res.statusCode).toBe(404);
      expect((await login(t.app, OWNER.email, OWNER.password)).status).toBe(200);
    } finally {
      t.clock.now = saved;
    }
  });

  it('limits reset requests per address, known or not, from any client address', async () => {
    const codes = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        out.push((await new Client(t.app).request({ method: 'POST', url: '/api/v1/auth/password-reset', json: { email }, remoteAddress: `10.1.0.${i + 1}` })).statusCode);
      }
      return out;
    };
    expect(await codes('limit-known@acme.test')).toEqual([202, 202, 202, 429]);
    expect(await codes('limit-unknown@acme.test')).toEqual([202, 202, 202, 429]);
  });
});

describe.each(engines())('accounts: sessions, policy and limits on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { TANDEM_ACCOUNT_LOGIN_LIMIT: '6' } });
    await setUp(t.app);
  });
  afterAll(() => t.close());

  it('ends a session after 8 idle hours, while use keeps it alive up to the absolute 7 days', async () => {
    const start = t.clock.now;
    try {
      const { c } = await login(t.app, OWNER.email, OWNER.password);
      const { c: idle } = await login(t.app, OWNER.email, OWNER.password);
      for (let h = 7; h < 7 * 24; h += 7) {
        t.clock.now = new Date(start.getTime() + h * 3_600_000);
        expect((await c.get('/api/v1/me')).statusCode).toBe(200);
        if (h === 7) expect((await idle.get('/api/v1/me')).statusCode).toBe(200);
        if (h === 21) expect((await idle.get('/api/v1/me')).statusCode).toBe(401);
      }
      t.clock.now = new Date(start.getTime() + 7 * 86_400_000 + 60_000);
      expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      t.clock.now = start;
    }
  });

  it('purges expired sessions at sign-in', async () => {
    const start = t.clock.now;
    try {
      await login(t.app, OWNER.email, OWNER.password);
      t.clock.now = new Date(start.getTime() + 9 * 3_600_000);
      await login(t.app, 'nobody@acme.test', 'whatever it is');
      const rows = await t.database.db.query.sessions.findMany();
      expect(rows.every((s) => s.expiresAt > t.clock.now)).toBe(true);
    } finally {
      t.clock.now = start;
    }
  });

  it('uses __Host- cookies over https, and only those', async () => {
    const https = await sibling(t, null, { TANDEM_PUBLIC_URL: 'https://tandem.example.com' });
    try {
      const res = await https.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: OWNER.email, password: OWNER.password } });
      expect(res.statusCode).toBe(200);
      const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const session = set.find((s) => s.startsWith('__Host-tandem_session='))!;
      const csrf = set.find((s) => s.startsWith('__Host-tandem_csrf='))!;
      for (const s of [session, csrf]) {
        expect(s).toMatch(/; Secure/);
        expect(s).toMatch(/; Path=\//);
        expect(s).not.toMatch(/Domain=/i);
      }
      const token = session.split(';')[0]!.split('=')[1]!;
      expect((await https.inject({ method: 'GET', url: '/api/v1/me', cookies: { '__Host-tandem_session': token } })).statusCode).toBe(200);
      expect((await https.inject({ method: 'GET', url: '/api/v1/me', cookies: { tandem_session: token } })).statusCode).toBe(401);
    } finally {
      await https.close();
    }
  });

  it('refuses weak passwords everywhere one is set, naming the field', async () => {
    const owner = (await login(t.app, OWNER.email, OWNER.password)).c;
    const inv = (await owner.post('/api/v1/invitations', { email: 'weak.person@acme.test', role: 'member' })).json();
    for (const [password, why] of [
      ['aaaaaaaaaa', /too easy/],
      ['weak.person@acme.test', /e-mail/],
      ['weak.person-2026!', /e-mail/],
      ['password123', /too easy/],
      ['short', /at least 10/],
    ] as const) {
      const res = await new Client(t.app).post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Weak Person', password });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.password');
      expect(res.json().error.message).toMatch(why);
    }
    const change = await owner.post('/api/v1/me/password', { currentPassword: OWNER.password, newPassword: OWNER.email });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.details[0].path).toBe('body.newPassword');
    expect((await login(t.app, OWNER.email, OWNER.password)).status).toBe(200);
    const fresh = await createTestApp(engine);
    try {
      const setup = await new Client(fresh.app).post('/api/v1/setup', { organisation: { name: 'X', currency: 'EUR' }, owner: { name: 'Zed', email: 'zed@x.test', password: 'zzzzzzzzzzzz' } });
      expect(setup.statusCode).toBe(400);
      expect(setup.json().error.details[0].path).toBe('body.owner.password');
      expect((await new Client(fresh.app).get('/api/v1/setup')).json().setupRequired).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('limits sign-ins per account across client addresses, the same for unknown addresses, without touching other accounts', async () => {
    const attempt = (email: string, password: string, i: number) =>
      new Client(t.app).request({ method: 'POST', url: '/api/v1/auth/login', json: { email, password }, remoteAddress: `10.2.0.${i}` });
    const owner = (await login(t.app, OWNER.email, OWNER.password)).c;
    await invite(t.app, owner, 'target@acme.test', 'member');
    await invite(t.app, owner, 'bystander@acme.test', 'member', 'Bystander', 'quiet meadow passphrase 3');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 1; i <= 7; i++) known.push((await attempt('target@acme.test', 'wrong passphrase', i)).statusCode);
    for (let i = 1; i <= 7; i++) unknown.push((await attempt('ghost@acme.test', 'wrong passphrase', i)).statusCode);
    expect(known).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // One address behind a proxy no longer locks everyone out: the other accounts still sign in from it.
    expect((await attempt('bystander@acme.test', 'quiet meadow passphrase 3', 1)).statusCode).toBe(200);
    expect(unknown).toEqual(known);
  });
});
