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
    expect((await c.get('/api/v1/requests/count')).json().count).toBeGreaterThan(300);
    const flow = (await c.get('/api/v1/requests/flow')).json();
    expect(flow.isDefault).toBe(false);
    expect(flow.statuses.find((s: { key: string }) => s.key === 'review')).toMatchObject({ label: 'In review', category: 'in_progress' });
    expect(flow.statuses.find((s: { key: string }) => s.key === 'review').requestCount).toBeGreaterThan(0);
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
  it("gives Northwind a hackweek with outcomes on the roadmap, demos the business attends more, the leaders' lunch as actions, and participation against the gap", async () => {
    const c = new Client(t.app);
    await c.post('/api/v1/auth/login', DEMO_LOGIN);
    const [hw] = (await c.get('/api/v1/hackweeks')).json().items;
    const d = (await c.get(`/api/v1/hackweeks/${hw.id}`)).json();
    expect(d.report).toMatchObject({ ideas: 14, ideasFromBusiness: 4, teams: 9 });
    expect(d.report.outcomes.became_initiative).toBe(2);
    expect((await c.get(`/api/v1/hackweeks/${hw.id}/results`)).json().open).toBe(false);
    const shares = (await c.get('/api/v1/demos/stats')).json().demos.map((x: { businessShare: number }) => x.businessShare);
    expect(shares[0]).toBeCloseTo(0.1, 12);
    expect(shares[shares.length - 1]).toBeCloseTo(0.4, 12);
    const [lunch] = (await c.get('/api/v1/roundtables')).json().items;
    const rt = (await c.get(`/api/v1/roundtables/${lunch.id}`)).json();
    expect(rt.questions).toHaveLength(3);
    expect(rt.actions).toEqual({ total: 3, done: 1 });
    const p = (await c.get('/api/v1/participation?from=2025-12-01&to=2026-11-28')).json();
    expect(p.gapCorrelation.departments.length).toBeGreaterThanOrEqual(3);
    expect(p.gapCorrelation.spearman).toBeLessThan(0);
    expect(p.gapCorrelation.verdict).toMatch(/not causation/);
  });

  it('gives Northwind six months of coffee rounds (cross-side share up once the programme started), open hours, an open mic and a sit-in rota', async () => {
    const c = new Client(t.app);
    await c.post('/api/v1/auth/login', DEMO_LOGIN);
    const programme = (await c.get('/api/v1/crossover/programmes')).json().items[0];
    const stats = (await c.get(`/api/v1/crossover/programmes/${programme.id}/stats`)).json();
    expect(stats).toMatchObject({ rounds: 26, repeatPairs: 0 });
    expect(stats.meetingRate).toBeGreaterThan(0.5);
    const rounds = (await c.get(`/api/v1/crossover/programmes/${programme.id}/rounds?limit=500`)).json().items as { id: string; number: number }[];
    const share = async (n: number) => {
      const r = (await c.get(`/api/v1/crossover/programmes/${programme.id}/rounds/${rounds.find((x) => x.number === n)!.id}`)).json();
      return r.groups.filter((g: { reasons: string[] }) => g.reasons.includes('Cross-side: IT × Business')).length / r.groups.length;
    };
    // The first rounds were a plain random coffee; the programme then preferred IT × Business.
    expect(await share(26)).toBeGreaterThan(await share(1));
    expect((await c.get('/api/v1/crossover/open-hours')).json().items).toHaveLength(2);
    expect((await c.get('/api/v1/crossover/open-mic/agenda')).json().items.length).toBeGreaterThan(0);
    expect((await c.get('/api/v1/crossover/sit-ins')).json().items).toHaveLength(1);
  });
  it('gives Northwind a Slack webhook with a delivery log that needs no network (nothing left pending)', async () => {
    const c = new Client(t.app);
    await c.post('/api/v1/auth/login', DEMO_LOGIN);
    const [hook, paused] = (await c.get('/api/v1/webhooks')).json().items;
    expect(hook).toMatchObject({ kind: 'slack', signed: false, active: true, lastDelivery: { status: 'delivered', statusCode: 200 } });
    expect(paused).toMatchObject({ kind: 'teams', active: false, lastDelivery: null });
    expect(new URL(paused.url).hostname.endsWith('.invalid')).toBe(true);
    expect(new URL(hook.url).hostname.endsWith('.invalid')).toBe(true);
    const log = (await c.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items as { status: string }[];
    expect(log.map((d) => d.status)).toEqual(['delivered', 'failed', 'delivered', 'delivered', 'delivered']);
    expect((await c.get('/api/v1/org/sso')).json()).toMatchObject({ configured: false });
  });
});
