import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { Client, createTestApp, engines, invite, OWNER, setUp, type TestApp } from './harness';

/**
 * Decision 156: resolved sessions are kept a few seconds in each instance's memory, and whatever
 * ends a session or changes its role is seen by every instance on the very next request. Two apps
 * on one database stand for two instances (PostgreSQL: LISTEN/NOTIFY between their connections;
 * PGlite: its one process). e2e/instances.test.ts does the same with two real processes.
 */
describe.each(engines())('session cache across instances on %s', (engine) => {
  let t: TestApp;
  let b: FastifyInstance;
  let owner: Client;

  /** The same browser (same cookies) talking to instance B. */
  function onB(c: Client): Client {
    const other = new Client(b);
    other.cookies = c.cookies;
    return other;
  }

  beforeAll(async () => {
    // A long TTL: every assertion below must hold because of the invalidation, not because the entry aged out.
    t = await createTestApp(engine, { env: { TANDEM_SESSION_CACHE_SECONDS: '60' } });
    b = await buildApp({ database: t.database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000', TANDEM_SESSION_CACHE_SECONDS: '60' }), webDir: null, now: () => t.clock.now, logger: false });
    await b.ready();
    owner = (await setUp(t.app)).client;
  });
  afterAll(async () => {
    await b.close();
    await t.close();
  });

  it('keeps a resolved session in memory: a row deleted behind the app is still served within the TTL', async () => {
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })).statusCode).toBe(200);
    expect((await onB(c).get('/api/v1/me')).statusCode).toBe(200);
    // Not through a service: nothing is told, so B answers from its cache...
    const id = createHash('sha256').update(c.cookies.tandem_session!).digest('hex');
    await t.database.db.execute(sql`delete from sessions where id = ${id}`);
    expect((await onB(c).get('/api/v1/me')).statusCode).toBe(200);
    // ...and A, which never cached it after the deletion, reads the database.
    const fresh = new Client(t.app);
    fresh.cookies = c.cookies;
    expect((await fresh.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('after sign-out on A, B answers 401 on the very next request', async () => {
    for (let i = 0; i < 5; i++) {
      const c = new Client(t.app);
      expect((await c.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })).statusCode).toBe(200);
      const stale = onB(c);
      stale.cookies = { ...c.cookies };
      expect((await stale.get('/api/v1/people')).statusCode).toBe(200); // cached on B now
      expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
      expect((await stale.get('/api/v1/people')).statusCode).toBe(401);
    }
  });

  it('after a role change on A, the next request on B acts with the new role; a removed member is refused at once', async () => {
    const { client: m, me } = await invite(t.app, owner, 'rolling@acme.test', 'admin');
    const mB = onB(m);
    expect((await mB.get('/api/v1/me')).json().current.role).toBe('admin');
    expect((await mB.get('/api/v1/audit?limit=5')).statusCode).toBe(200); // admin-only
    expect((await owner.patch(`/api/v1/members/${me.user.id}`, { role: 'member' })).statusCode).toBe(200);
    expect((await mB.get('/api/v1/audit?limit=5')).statusCode).toBe(403);
    expect((await mB.get('/api/v1/me')).json().current.role).toBe('member');
    expect((await owner.patch(`/api/v1/members/${me.user.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await mB.get('/api/v1/audit?limit=5')).statusCode).toBe(200);
    expect((await owner.delete(`/api/v1/members/${me.user.id}`)).statusCode).toBe(200);
    expect((await mB.get('/api/v1/people')).statusCode).toBe(401);
  });

  it('a password change on A ends the other sessions on B at once', async () => {
    const { client: a } = await invite(t.app, owner, 'pwc@acme.test', 'member', 'Pat', 'first password 1');
    const other = new Client(b);
    expect((await other.post('/api/v1/auth/login', { email: 'pwc@acme.test', password: 'first password 1' })).statusCode).toBe(200);
    expect((await other.get('/api/v1/people')).statusCode).toBe(200);
    expect((await a.post('/api/v1/me/password', { currentPassword: 'first password 1', newPassword: 'second password 2' })).statusCode).toBe(200);
    expect((await other.get('/api/v1/people')).statusCode).toBe(401);
    expect((await onB(a).get('/api/v1/people')).statusCode).toBe(200);
  });

  it('switching organisation on A is seen by B at once', async () => {
    const made = await owner.post('/api/v1/orgs', { name: 'Second Org', currency: 'EUR' });
    expect(made.statusCode).toBe(201);
    expect((await onB(owner).get('/api/v1/me')).json().current.id).toBe(made.json().id);
    const acme = (await owner.get('/api/v1/me')).json().organisations.find((o: { name: string }) => o.name === 'Acme');
    expect((await owner.post(`/api/v1/orgs/${acme.id}/switch`)).statusCode).toBe(200);
    expect((await onB(owner).get('/api/v1/me')).json().current.id).toBe(acme.id);
  });

  it('keeps the idle timeout: a cached session ends when idle, and use (on either instance) extends it', async () => {
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })).statusCode).toBe(200);
    expect((await onB(c).get('/api/v1/people')).statusCode).toBe(200);
    const start = t.clock.now;
    try {
      // 7 h later on A (extends), 7 h later again on B: B's cached expiry is old, it reads again and finds it extended.
      t.clock.now = new Date(start.getTime() + 7 * 3_600_000);
      expect((await c.get('/api/v1/people')).statusCode).toBe(200);
      t.clock.now = new Date(start.getTime() + 14 * 3_600_000);
      expect((await onB(c).get('/api/v1/people')).statusCode).toBe(200);
      // 8 h 1 min with nothing: over on both.
      t.clock.now = new Date(start.getTime() + 22 * 3_600_000 + 60_000);
      expect((await onB(c).get('/api/v1/people')).statusCode).toBe(401);
      expect((await c.get('/api/v1/people')).statusCode).toBe(401);
    } finally {
      t.clock.now = start;
    }
  });

  // Last in this block: the housekeeping below deletes every session, the owner's too.
  it('sessions the daily housekeeping deletes are gone from the cache of every instance at once', async () => {
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })).statusCode).toBe(200);
    expect((await c.get('/api/v1/people')).statusCode).toBe(200); // cached on A
    expect((await onB(c).get('/api/v1/people')).statusCode).toBe(200); // cached on B
    // The job runs for a slot past the sessions' absolute expiry while the apps' clock stays put
    // (as when the jobs are ticked ahead): the rows go, and no cache may keep serving them.
    const ran = await t.app.jobs.tick(new Date(t.clock.now.getTime() + 30 * 86_400_000));
    expect(ran).toEqual(expect.arrayContaining([expect.objectContaining({ job: 'org.housekeeping', ran: true })]));
    expect((await onB(c).get('/api/v1/people')).statusCode).toBe(401);
    expect((await c.get('/api/v1/people')).statusCode).toBe(401);
  });
});

describe('session cache setting', () => {
  it('takes 0 to 60 seconds, 5 by default, and refuses anything else', () => {
    expect(loadConfig({}).sessionCacheSeconds).toBe(5);
    expect(loadConfig({ TANDEM_SESSION_CACHE_SECONDS: '0' }).sessionCacheSeconds).toBe(0);
    expect(() => loadConfig({ TANDEM_SESSION_CACHE_SECONDS: '61' })).toThrow(/0 to 60/);
    expect(() => loadConfig({ TANDEM_SESSION_CACHE_SECONDS: 'x' })).toThrow(/TANDEM_SESSION_CACHE_SECONDS/);
  });
});
