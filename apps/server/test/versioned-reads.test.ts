import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { Client, createTestApp, engines, setUp, type TestApp } from './harness';

/**
 * Decision 166: the people directory is tagged by its organisation's data version (a counter that
 * triggers raise on every change to `people`), so a matching If-None-Match is answered 304 without
 * running the route, and an answer is reused from memory while the version stands. Two apps on one
 * database stand for two instances: a write answered by one is seen by the other's next read.
 */
describe.each(engines())('versioned reads on %s', (engine) => {
  let t: TestApp;
  let b: FastifyInstance;
  let owner: Client;
  let onB: Client;

  beforeAll(async () => {
    // Sessions outlive the day the last test moves the clock by.
    const env = { TANDEM_AUTH_RATE_LIMIT: '1000', TANDEM_SESSION_IDLE_MINUTES: '3000' };
    t = await createTestApp(engine, { env });
    b = await buildApp({ database: t.database, config: loadConfig(env), webDir: null, now: () => t.clock.now, logger: false });
    await b.ready();
    owner = (await setUp(t.app)).client;
    onB = new Client(b);
    onB.cookies = owner.cookies;
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      const email = `${name.split(' ')[0]!.toLowerCase()}@example.com`;
      expect((await owner.post('/api/v1/people', { name, email, department: 'Ops', side: 'it', level: 'employee' })).statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await b.close();
    await t.close();
  });

  const names = (body: string) => (JSON.parse(body) as { items: { name: string }[] }).items.map((p) => p.name);
  const version = async () => {
    const r = await t.database.db.execute(sql`select coalesce(max(version), 0)::int as v from data_versions where scope = 'people'`);
    return Number((r as unknown as { rows: { v: number }[] }).rows[0]!.v);
  };
  /** Changes a name behind the app with the version trigger switched off: the counter does not move. */
  async function renameUnseen(from: string, to: string) {
    await t.database.db.execute(sql.raw('alter table people disable trigger people_version_update'));
    try {
      await t.database.db.execute(sql`update people set name = ${to} where name = ${from}`);
    } finally {
      await t.database.db.execute(sql.raw('alter table people enable trigger people_version_update'));
    }
  }

  it('raises the version once per changing statement, and not for a statement that changes nothing', async () => {
    const v0 = await version();
    expect(v0).toBeGreaterThan(0);
    const ada = (JSON.parse((await owner.get('/api/v1/people')).body) as { items: { id: string; name: string }[] }).items.find((p) => p.name === 'Ada Lovelace')!;
    expect((await owner.patch(`/api/v1/people/${ada.id}`, { department: 'Research' })).statusCode).toBe(200);
    expect(await version()).toBe(v0 + 1);
    await t.database.db.execute(sql`update people set name = 'x' where false`);
    expect(await version()).toBe(v0 + 1);
  });

  it('answers a matching If-None-Match with 304 without running the route, and reuses the rendered answer', async () => {
    const first = await owner.get('/api/v1/people');
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(names(first.body)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    await renameUnseen('Grace Hopper', 'Grace Brewster Hopper');
    // The data changed but its version did not: had the route run, the body (and a body hash) would differ.
    const again = await owner.request({ method: 'GET', url: '/api/v1/people', headers: { 'if-none-match': tag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(tag);
    const reused = await owner.get('/api/v1/people');
    expect(reused.statusCode).toBe(200);
    expect(reused.body).toBe(first.body);
    expect(reused.headers['content-type']).toMatch(/^application\/json/);
    // The first change the trigger counts gives a new tag, and the answer read afresh.
    await t.database.db.execute(sql`update people set active = active where name = 'Ada Lovelace'`);
    const fresh = await owner.request({ method: 'GET', url: '/api/v1/people', headers: { 'if-none-match': tag } });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).not.toBe(tag);
    expect(names(fresh.body)).toEqual(['Ada Lovelace', 'Grace Brewster Hopper']);
  });

  it('a write answered by one instance is in the very next read of the other', async () => {
    for (let i = 0; i < 5; i++) {
      const before = await onB.get('/api/v1/people?limit=500');
      expect(before.statusCode).toBe(200);
      const name = `Person ${String(i).padStart(2, '0')}`;
      expect((await owner.post('/api/v1/people', { name, email: `p${i}@example.com`, department: 'Ops', side: 'business', level: 'employee' })).statusCode).toBe(201);
      const after = await onB.request({ method: 'GET', url: '/api/v1/people?limit=500', headers: { 'if-none-match': before.headers.etag as string } });
      expect(after.statusCode).toBe(200);
      expect(names(after.body)).toContain(name);
    }
  });

  it('tags per URL and per caller: another page or filter is another answer', async () => {
    const all = await owner.get('/api/v1/people?limit=500');
    const one = await owner.get('/api/v1/people?limit=1');
    expect(one.headers.etag).not.toBe(all.headers.etag);
    expect(names(one.body)).toHaveLength(1);
    expect((await owner.request({ method: 'GET', url: '/api/v1/people?limit=1', headers: { 'if-none-match': all.headers.etag as string } })).statusCode).toBe(200);
  });

  it('still refuses what the route refuses, whatever If-None-Match says', async () => {
    const bad = await owner.request({ method: 'GET', url: '/api/v1/people?cursor=not-a-cursor', headers: { 'if-none-match': '*' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers.etag).toBeUndefined();
    const anon = await new Client(t.app).request({ method: 'GET', url: '/api/v1/people', headers: { 'if-none-match': '*' } });
    expect(anon.statusCode).toBe(401);
  });

  it('tags the roadmap reads by the strategy version and the day: 304 without running the route, a new tag the next day', async () => {
    expect((await owner.post('/api/v1/goals', { title: 'Grow' })).statusCode).toBe(201);
    const first = await owner.get('/api/v1/roadmap');
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag as string;
    // Renamed behind the app, with the counting trigger off: the version stands, so the route does not run.
    await t.database.db.execute(sql.raw('alter table goals disable trigger goals_version_update'));
    try {
      await t.database.db.execute(sql`update goals set title = 'Grow faster' where title = 'Grow'`);
    } finally {
      await t.database.db.execute(sql.raw('alter table goals enable trigger goals_version_update'));
    }
    expect((await owner.request({ method: 'GET', url: '/api/v1/roadmap', headers: { 'if-none-match': tag } })).statusCode).toBe(304);
    expect((await onB.request({ method: 'GET', url: '/api/v1/roadmap', headers: { 'if-none-match': tag } })).statusCode).toBe(304);
    expect((await owner.get('/api/v1/roadmap')).body).toBe(first.body);
    // Horizons and late items move with the date: the next day is another tag, read afresh.
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 86_400_000);
    try {
      const tomorrow = await owner.request({ method: 'GET', url: '/api/v1/roadmap', headers: { 'if-none-match': tag } });
      expect(tomorrow.statusCode).toBe(200);
      expect(tomorrow.headers.etag).not.toBe(tag);
      expect((tomorrow.json() as { goals: { title: string }[] }).goals.map((g) => g.title)).toEqual(['Grow faster']);
    } finally {
      t.clock.now = saved;
    }
    // A write through the API on the other instance: the next read here is fresh.
    const goal = (first.json() as { goals: { id: string }[] }).goals[0]!;
    expect((await onB.patch(`/api/v1/goals/${goal.id}`, { title: 'Grow steadily' })).statusCode).toBe(200);
    const after = await owner.request({ method: 'GET', url: '/api/v1/roadmap', headers: { 'if-none-match': tag } });
    expect(after.statusCode).toBe(200);
    expect((after.json() as { goals: { title: string }[] }).goals.map((g) => g.title)).toEqual(['Grow steadily']);
  });
});
