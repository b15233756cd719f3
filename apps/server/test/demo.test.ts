import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, DEMO_LOGIN } from '../src/demo/seed';
import { Client, createTestApp, engines, type TestApp } from './harness';

describe.each(engines())('demo organisation on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('creates Northwind Manufacturing with about 150 people on both sides and levels, once', async () => {
    expect(await seedDemo(t.app.ctx)).toEqual(DEMO_LOGIN);
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/login', DEMO_LOGIN)).statusCode).toBe(200);
    const me = (await c.get('/api/v1/me')).json();
    expect(me.current.name).toBe('Northwind Manufacturing');
    const people = (await c.get('/api/v1/people?limit=500')).json().items as { side: string; level: string; managerId: string | null; department: string }[];
    expect(people.length).toBeGreaterThanOrEqual(140);
    expect(people.length).toBeLessThanOrEqual(160);
    const cells = new Set(people.map((p) => `${p.side}/${p.level}`));
    expect([...cells].sort()).toEqual(['business/employee', 'business/leader', 'it/employee', 'it/leader']);
    expect(new Set(people.map((p) => p.department)).size).toBeGreaterThanOrEqual(10);
    expect(people.filter((p) => p.level === 'employee').every((p) => p.managerId !== null)).toBe(true);
    // Running it again changes nothing and still offers the login.
    expect(await seedDemo(t.app.ctx)).toEqual(DEMO_LOGIN);
    expect((await c.get('/api/v1/people?limit=500')).json().items).toHaveLength(people.length);
  });

  it('gives Northwind two years of requests, a reference class, and the deferred-needs ledger with the old generator', async () => {
    const c = new Client(t.app);
    await c.post('/api/v1/auth/login', DEMO_LOGIN);
    const all = (await c.get('/api/v1/requests?limit=1')).json();
    expect(all.total).toBeGreaterThan(300);
    const a = (await c.get('/api/v1/requests/analytics')).json();
    const side = Object.fromEntries(a.bySide.map((g: { key: string; leadTime: { p50: number } }) => [g.key, g.leadTime.p50]));
    expect(side.it).toBeGreaterThan(side.business);
    expect(a.ageing.some((x: { percentile: number }) => x.percentile >= 95)).toBe(true);
    expect((await c.get('/api/v1/forecast/when?remaining=20&windowDays=90')).statusCode).toBe(200);
    const rc = (await c.get('/api/v1/forecast/reference-class?estimateDays=100')).json();
    expect(rc.projects).toHaveLength(15);
    expect(rc.projects.every((p: { ratio: number }) => p.ratio >= 1.19 && p.ratio <= 2.01)).toBe(true);
    const ledger = (await c.get('/api/v1/deferred-needs')).json();
    expect(ledger.items).toHaveLength(12);
    expect(ledger.items.find((i: { title: string }) => i.title === 'Replace the old generator').exceedsCost).toBe(true);
  });
});
