import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, engines, setUp, type TestApp } from './harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(engines())('platform contract on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { TANDEM_BODY_LIMIT: '4096', TANDEM_AUTH_RATE_LIMIT: '2' } });
    owner = (await setUp(t.app)).client;
  });
  afterAll(() => t.close());

  it('gives every answer an x-request-id, and every error body the same requestId', async () => {
    const ok = await owner.get('/api/v1/me');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['x-request-id']).toMatch(UUID);
    const cases = [
      await new Client(t.app).get('/api/v1/people'), // 401
      await owner.get('/api/v1/people/not-a-uuid'), // 400 validation
      await owner.get('/api/v1/no-such-route'), // 404 handler
      await owner.request({ method: 'POST', url: '/api/v1/people', headers: { 'content-type': 'application/json' }, payload: '{not json' }), // 400 parser
    ];
    for (const res of cases) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      const id = res.headers['x-request-id'];
      expect(id).toMatch(UUID);
      expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: id });
    }
    // details stay where they were
    expect(cases[1]!.json().error.details).toBeInstanceOf(Array);
  });

  it('keeps a short safe incoming x-request-id and replaces anything else', async () => {
    const kept = await owner.request({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': 'lb-1234abcd.5' } });
    expect(kept.headers['x-request-id']).toBe('lb-1234abcd.5');
    expect(kept.json().error.requestId).toBe('lb-1234abcd.5');
    for (const bad of ['x'.repeat(65), 'a b c d e f g h', '<script>alert(1)</script>', 'short']) {
      const res = await owner.request({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
  });

  it('answers 413 in the error shape for a body over TANDEM_BODY_LIMIT, and writes nothing', async () => {
    const before = (await owner.get('/api/v1/people')).json();
    const res = await owner.post('/api/v1/people', { name: 'x'.repeat(5000), email: 'big@acme.test', department: 'Ops', side: 'it', level: 'employee' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', requestId: res.headers['x-request-id'] });
    expect((await owner.get('/api/v1/people')).json()).toEqual(before);
  });

  it('answers 429 from the rate limiter in the error shape', async () => {
    const anon = new Client(t.app);
    let last;
    for (let i = 0; i < 4; i++) last = await anon.post('/api/v1/auth/login', { email: 'nobody@acme.test', password: 'wrong password here' });
    expect(last!.statusCode).toBe(429);
    expect(last!.json().error).toMatchObject({ code: 'rate_limited', requestId: last!.headers['x-request-id'] });
  });

  it('pages the people directory by name with an opaque cursor, filters kept', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Pager ${String.fromCharCode(71 - i)}`); // G..A
    for (const [i, name] of names.entries()) {
      const res = await owner.post('/api/v1/people', { name, email: `pager${i}@acme.test`, department: 'Ops', side: 'it', level: 'employee' });
      expect(res.statusCode).toBe(201);
      if (i === 0) expect((await owner.patch(`/api/v1/people/${res.json().id}`, { active: false })).statusCode).toBe(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await owner.get(`/api/v1/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((p) => p.name));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names.slice(1)].sort());
    const all = (await owner.get('/api/v1/people?includeInactive=true&limit=500')).json();
    expect(all.items).toHaveLength(7);
    expect(all.nextCursor).toBeNull();
    for (const bad of ['limit=0', 'limit=501', 'cursor=bad!', 'cursor=WyJ4Il0', 'cursor=WyJ4IiwieSJd', 'page=2']) {
      const res = await owner.get(`/api/v1/people?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('GET /api/health is 200 (liveness) and /api/ready is 200 with current migrations', async () => {
    const anon = new Client(t.app);
    const h = await anon.get('/api/health');
    expect(h.statusCode).toBe(200);
    expect(h.json()).toMatchObject({ status: 'ok', database: { engine, ok: true } });
    const r = await anon.get('/api/ready');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ready: true, database: { ok: true }, migrations: { current: true } });
    expect(r.json().migrations.applied).toBe(r.json().migrations.expected);
  });
});

describe.each(engines())('readiness on %s', (engine) => {
  it('is 503 when the newest migration is missing, and when the database is gone; health stays 200', async () => {
    const t = await createTestApp(engine);
    try {
      await t.database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
      const r = await new Client(t.app).get('/api/ready');
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ ready: false, database: { ok: true }, migrations: { current: false } });
      await t.database.close();
      const gone = await new Client(t.app).get('/api/ready');
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toMatchObject({ ready: false, database: { ok: false } });
      const live = await new Client(t.app).get('/api/health');
      expect(live.statusCode).toBe(200);
      expect(live.json().database.ok).toBe(false);
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});

describe.each(engines())('metrics on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { TANDEM_METRICS_TOKEN: 'scrape-secret-1234' } });
  });
  afterAll(() => t.close());

  it('answers only with the bearer token, by route pattern, with pool, loop lag and job runs', async () => {
    const { client: owner } = await setUp(t.app);
    const people = await owner.post('/api/v1/people', { name: 'Ann Lee', email: 'ann@acme.test', department: 'Ops', side: 'it', level: 'employee' });
    expect(people.statusCode).toBe(201);
    await owner.get(`/api/v1/people/${people.json().id}`);
    t.app.jobs.register({ name: 'test.metrics', slotOf: () => 'once', run: async () => undefined });
    await t.app.jobs.tick();
    await t.app.jobs.tick();

    const anon = new Client(t.app);
    expect((await anon.get('/metrics')).statusCode).toBe(401);
    const wrong = await anon.request({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.requestId).toBe(wrong.headers['x-request-id']);
    const res = await anon.request({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-secret-1234' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toContain('tandem_http_requests_total{method="GET",route="/api/v1/people/:id",status="200"} 1');
    expect(text).not.toContain(people.json().id);
    expect(text).toMatch(/tandem_http_request_duration_seconds_bucket\{le="[0-9.]+",method="POST",route="\/api\/v1\/people"\}/);
    expect(text).toContain('tandem_event_loop_lag_p99_seconds');
    expect(text).toContain('tandem_job_runs_total{job="test.metrics",outcome="done"} 1');
    expect(text).toContain('tandem_job_runs_total{job="test.metrics",outcome="skipped"} 1');
    if (engine === 'postgres') expect(text).toMatch(/tandem_db_pool_connections\{state="in_use"\} \d+/);
    else expect(text).not.toContain('tandem_db_pool_connections{');
  });

  it('is 404 when TANDEM_METRICS_TOKEN is not set', async () => {
    const plain = await createTestApp(engine);
    try {
      const res = await new Client(plain.app).request({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer anything' } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    } finally {
      await plain.close();
    }
  });
});

describe.each(engines())('housekeeping and snapshots on %s', (engine) => {
  it('purges expired sessions and stale invitations daily, and writes the health snapshot from the job', async () => {
    const t = await createTestApp(engine, { env: { TANDEM_SESSION_IDLE_MINUTES: '60' } });
    try {
      const { client: owner } = await setUp(t.app);
      expect((await owner.post('/api/v1/invitations', { email: 'late@acme.test', role: 'member' })).statusCode).toBe(201);
      expect((await owner.post('/api/v1/goals', { title: 'Grow the north', dueDate: '2027-06-30' })).statusCode).toBeLessThan(300);
      const count = async (table: string) => Number(((await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);
      expect(await count('sessions')).toBe(1);
      expect(await count('roadmap_health_snapshots')).toBe(0);
      // The next day: the session's idle hour is long gone, the invitation (7 days) not yet stale.
      t.clock.now = new Date('2026-11-29T00:00:30Z');
      const ran = await t.app.jobs.tick(t.clock.now);
      expect(ran).toEqual(expect.arrayContaining([expect.objectContaining({ job: 'org.housekeeping', ran: true }), expect.objectContaining({ job: 'strategy.health-snapshot', ran: true })]));
      expect(ran.every((r) => r.error === undefined)).toBe(true);
      expect(await count('sessions')).toBe(0);
      expect(await count('invitations')).toBe(1);
      expect(await count('roadmap_health_snapshots')).toBe(1);
      // 40 days on: the unaccepted invitation expired more than 30 days ago.
      t.clock.now = new Date('2027-01-08T00:00:30Z');
      await t.app.jobs.tick(t.clock.now);
      expect(await count('invitations')).toBe(0);
      expect(await count('roadmap_health_snapshots')).toBe(2);
    } finally {
      await t.close();
    }
  });

  it('compacts old health snapshots: daily for 120 days, weekly to a year, monthly beyond (decision 157)', async () => {
    const t = await createTestApp(engine);
    try {
      const { client: owner, me } = await setUp(t.app);
      expect((await owner.post('/api/v1/goals', { title: 'Grow the north', dueDate: '2027-06-30' })).statusCode).toBeLessThan(300);
      const orgId = me.current.id as string;
      // Three years of daily snapshots up to yesterday, as the job would have written them.
      const today = Date.parse('2026-11-28T00:00:00Z');
      const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const all: string[] = [];
      for (let d = 3 * 365; d >= 1; d--) all.push(iso(today - d * 86_400_000));
      for (let i = 0; i < all.length; i += 200) {
        const chunk = all.slice(i, i + 200).map((day, j) => sql`(${orgId}::uuid, ${day}::date, ${50 + ((i + j) % 40)}, 3, now())`);
        await t.database.db.execute(sql`insert into roadmap_health_snapshots (org_id, day, overall, findings, computed_at) values ${sql.join(chunk, sql`, `)}`);
      }
      t.clock.now = new Date('2026-11-28T00:00:30Z');
      const ran = await t.app.jobs.tick(t.clock.now);
      expect(ran).toEqual(expect.arrayContaining([expect.objectContaining({ job: 'strategy.health-snapshot', ran: true })]));
      const kept = ((await t.database.db.execute(sql`select to_char(day, 'YYYY-MM-DD') as day from roadmap_health_snapshots where org_id = ${orgId} order by day`)) as unknown as { rows: { day: string }[] }).rows.map((r) => r.day);
      const dailyFrom = iso(today - 120 * 86_400_000);
      const weeklyFrom = iso(today - 365 * 86_400_000);
      // Every day of the last 120 (and today's, just written) stays.
      const recent = all.filter((d) => d >= dailyFrom).concat(iso(today));
      expect(kept.filter((d) => d >= dailyFrom)).toEqual(recent);
      // Weekly zone: one per ISO week, the week's earliest.
      const weekOf = (d: string) => {
        const ms = Date.parse(`${d}T00:00:00Z`);
        return iso(ms - ((new Date(ms).getUTCDay() + 6) % 7) * 86_400_000);
      };
      const weekly = kept.filter((d) => d >= weeklyFrom && d < dailyFrom);
      expect(new Set(weekly.map(weekOf)).size).toBe(weekly.length);
      expect(weekly).toEqual([...new Set(all.filter((d) => d >= weeklyFrom && d < dailyFrom).map(weekOf))].map((w) => all.find((d) => d >= weeklyFrom && d < dailyFrom && weekOf(d) === w)!));
      // Monthly zone: one per calendar month, the month's earliest snapshot.
      const monthly = kept.filter((d) => d < weeklyFrom);
      expect(monthly).toEqual([...new Set(all.filter((d) => d < weeklyFrom).map((d) => d.slice(0, 7)))].map((m) => all.find((d) => d.startsWith(m))!));
      expect(kept.length).toBe(recent.length + weekly.length + monthly.length);
      expect(kept.length).toBeLessThan(200);
      // Running again the same day or the next changes nothing already thinned.
      await t.app.jobs.tick(new Date('2026-11-28T12:00:00Z'));
      expect(((await t.database.db.execute(sql`select count(*)::int as n from roadmap_health_snapshots`)) as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(kept.length);
      // The history answers calendar days: the 90-day chart is still one point per day, oldest first.
      const h90 = (await owner.get('/api/v1/roadmap/health/history?days=90')).json().snapshots as { day: string }[];
      expect(h90.map((s) => s.day)).toEqual(kept.filter((d) => d >= iso(today - 89 * 86_400_000)));
      expect(h90).toHaveLength(90);
      const hAll = (await owner.get('/api/v1/roadmap/health/history?days=3660')).json().snapshots as { day: string }[];
      expect(hAll.map((s) => s.day)).toEqual(kept);
    } finally {
      await t.close();
    }
  });
});
