import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';

describe.each(engines())('value on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let acmeId: string;
  let alpha: string;
  let beta: string;
  let foreignInitiative: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const s = await setUp(t.app);
    owner = s.client;
    acmeId = s.me.current.id;
    member = (await invite(t.app, owner, 'mo@acme.test', 'member', 'Mo Member')).client;
    const goal = (await owner.post('/api/v1/goals', { title: 'Grow online revenue' })).json().id;
    alpha = (await owner.post('/api/v1/initiatives', { title: 'Alpha webshop', goalIds: [goal] })).json().id;
    beta = (await owner.post('/api/v1/initiatives', { title: 'Beta pricing', goalIds: [goal] })).json().id;
    const en = await owner.post('/api/v1/enablers', { title: 'Payment API', initiativeIds: [alpha] });
    expect(en.statusCode, en.body).toBe(201);
    await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' });
    foreignInitiative = (await owner.post('/api/v1/initiatives', { title: 'Foreign' })).json().id;
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('records planned and realised benefits per the contract and sums them by initiative, lagging first', async () => {
    const b = await owner.post('/api/v1/value/benefits', { initiativeId: alpha, kind: 'revenue', period: '2026-Q3', planned: 1000, realised: 400, evidence: 'https://erp.example/close/q3' });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json()).toMatchObject({ initiativeId: alpha, kind: 'revenue', period: '2026-Q3', planned: 1000, realised: 400, evidence: 'https://erp.example/close/q3', recordedBy: { name: 'Olivia Owner' } });
    await owner.post('/api/v1/value/benefits', { initiativeId: beta, kind: 'cost_saved', period: '2026-Q2', planned: 500 });
    await owner.post('/api/v1/value/benefits', { initiativeId: beta, kind: 'cost_saved', period: '2026-Q2', realised: 600 });
    await owner.post('/api/v1/value/benefits', { initiativeId: beta, kind: 'hours_saved', period: '2026-Q2', planned: 40, realised: 10 });
    await owner.post('/api/v1/value/benefits', { initiativeId: alpha, kind: 'revenue', period: '2025-Q4', planned: 99, realised: 99 });
    const s = (await member.get('/api/v1/value/summary?year=2026')).json();
    expect(s).toMatchObject({ year: 2026, currency: 'EUR', planned: 1500, realised: 1000, hours: { planned: 40, realised: 10 } });
    expect(s.byInitiative.map((i: { initiativeId: string; planned: number; realised: number }) => [i.initiativeId, i.planned, i.realised])).toEqual([
      [alpha, 1000, 400],
      [beta, 500, 600],
    ]);
    expect(s.itEnabledShare).toBeCloseTo(0.4, 12);
    expect(s.byQuarter[1]).toEqual({ period: '2026-Q2', planned: 500, realised: 600 });
    // The year defaults to the clock's (2026-11-28).
    expect((await member.get('/api/v1/value/summary')).json().planned).toBe(1500);
    const list = (await member.get(`/api/v1/value/benefits?initiativeId=${beta}&limit=2`)).json();
    expect(list.items).toHaveLength(2);
    expect((await member.get(`/api/v1/value/benefits?initiativeId=${beta}&limit=2&cursor=${list.nextCursor}`)).json().items).toHaveLength(1);
  });

  it('refuses a realised value for a future quarter, a negative plan where the kind forbids it, and foreign links; nothing is written', async () => {
    const before = (await owner.get('/api/v1/value/summary?year=2027')).json();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ initiativeId: alpha, kind: 'revenue', period: '2027-Q1', realised: 10 }, /period.*2027-Q1/],
      [{ initiativeId: alpha, kind: 'cost_saved', period: '2027-Q1', planned: -5 }, /planned.*negative.*-5/],
      [{ initiativeId: alpha, kind: 'hours_saved', period: '2027-Q1', planned: -1 }, /planned/],
      [{ initiativeId: alpha, kind: 'revenue', period: '2027-Q5', planned: 1 }, /period/],
      [{ initiativeId: alpha, kind: 'profit', period: '2027-Q1', planned: 1 }, /kind/],
      [{ initiativeId: alpha, kind: 'revenue', period: '2027-Q1' }, /planned/],
      [{ initiativeId: foreignInitiative, kind: 'revenue', period: '2027-Q1', planned: 1 }, /initiativeId/],
      [{ initiativeId: alpha, kind: 'revenue', period: '2027-Q1', planned: 1, extra: true }, /extra|unrecognized/i],
    ];
    for (const [body, msg] of cases) {
      const r = await owner.post('/api/v1/value/benefits', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message + JSON.stringify(r.json().error.details ?? '')).toMatch(msg);
    }
    // Planned revenue may be negative (a planned loss); realised in the current quarter is fine.
    expect((await owner.post('/api/v1/value/benefits', { initiativeId: alpha, kind: 'revenue', period: '2027-Q1', planned: -50 })).statusCode).toBe(201);
    expect((await owner.post('/api/v1/value/benefits', { initiativeId: beta, kind: 'revenue', period: '2026-Q4', realised: 1 })).statusCode).toBe(201);
    expect((await member.post('/api/v1/value/benefits', { initiativeId: alpha, kind: 'revenue', period: '2026-Q1', planned: 1 })).statusCode).toBe(403);
    expect(before.planned).toBe(0);
  });

  it('takes the plan of an initiative with a business case from the case', async () => {
    const gamma = (await owner.post('/api/v1/initiatives', { title: 'Gamma analytics' })).json().id;
    const c = await owner.post('/api/v1/cases', {
      kind: 'business',
      title: 'Gamma case',
      initiativeId: gamma,
      discountRate: 0.08,
      years: 2,
      lines: [
        { label: 'Build', type: 'cost', year: 0, low: 100, likely: 100, high: 100 },
        { label: 'Upsell', type: 'benefit', year: 0, low: 300, likely: 400, high: 500 },
        { label: 'Upsell', type: 'benefit', year: 1, low: 300, likely: 800, high: 900 },
      ],
    });
    expect(c.statusCode, c.body).toBe(201);
    const refused = await owner.post('/api/v1/value/benefits', { initiativeId: gamma, kind: 'revenue', period: '2026-Q1', planned: 5 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/business case/);
    expect((await owner.post('/api/v1/value/benefits', { initiativeId: gamma, kind: 'revenue', period: '2026-Q1', realised: 50 })).statusCode).toBe(201);
    const g = (await owner.get('/api/v1/value/summary?year=2026')).json().byInitiative.find((i: { initiativeId: string }) => i.initiativeId === gamma);
    expect(g).toMatchObject({ planned: 400, realised: 50, plannedFrom: 'case', plannedToDate: 400, lag: -350, itEnabled: false });
    expect((await owner.get('/api/v1/value/summary?year=2027')).json().byInitiative.find((i: { initiativeId: string }) => i.initiativeId === gamma).planned).toBe(800);
  });

  it('keeps an opportunity log and draws the plan tree with money at each level', async () => {
    const o = await member.post('/api/v1/value/opportunities', { title: 'Sell parts data', estimatedValue: 42000, source: 'hackweek' });
    expect(o.statusCode, o.body).toBe(201);
    expect((await member.post('/api/v1/value/opportunities', { title: 'x', estimatedValue: -1 })).statusCode).toBe(400);
    const id = o.json().id;
    expect((await owner.patch(`/api/v1/value/opportunities/${id}`, { status: 'approved' })).json()).toMatchObject({ status: 'approved', estimatedValue: 42000, source: 'hackweek' });
    expect((await member.get('/api/v1/value/opportunities?status=approved')).json().items.map((x: { id: string }) => x.id)).toEqual([id]);
    // The log is paged ({ items, nextCursor }): two pages of one cover both entries, once each (the test clock stands still, so the id breaks the tie).
    const second = (await member.post('/api/v1/value/opportunities', { title: 'Route optimisation', estimatedValue: 1000 })).json().id;
    const p1 = (await member.get('/api/v1/value/opportunities?limit=1')).json();
    expect(p1.items).toHaveLength(1);
    expect(p1.nextCursor).toEqual(expect.any(String));
    const p2 = (await member.get(`/api/v1/value/opportunities?limit=1&cursor=${encodeURIComponent(p1.nextCursor)}`)).json();
    expect(p2.items).toHaveLength(1);
    expect(p2.nextCursor).toBeNull();
    expect([...p1.items, ...p2.items].map((x: { id: string }) => x.id).sort()).toEqual([id, second].sort());
    expect((await member.get('/api/v1/value/opportunities?limit=501')).statusCode).toBe(400);
    expect((await member.get('/api/v1/value/opportunities?cursor=nonsense')).statusCode).toBe(400);
    expect((await owner.delete(`/api/v1/value/opportunities/${second}`)).statusCode).toBe(200);
    const req = await owner.post('/api/v1/requests', { title: 'Checkout speed', initiativeIds: [alpha], valueAmount: 7000 });
    expect(req.statusCode, req.body).toBe(201);
    const tree = (await member.get('/api/v1/value/plan?year=2026')).json();
    const goal = tree.goals.find((g: { title: string }) => g.title === 'Grow online revenue');
    expect(goal.money).toEqual({ planned: 1500, realised: 1001 });
    const a = goal.initiatives.find((i: { id: string }) => i.id === alpha);
    expect(a).toMatchObject({ money: { planned: 1000, realised: 400 }, enablers: [{ title: 'Payment API' }], requests: [{ title: 'Checkout speed', status: 'new', valueAmount: 7000 }], requestsValue: 7000 });
    expect((await owner.delete(`/api/v1/value/opportunities/${id}`)).statusCode).toBe(200);
    expect((await owner.delete(`/api/v1/value/opportunities/${id}`)).statusCode).toBe(404);
  });

  it('answers 404 for another organisation\'s benefit or opportunity', async () => {
    const mine = (await owner.post('/api/v1/value/opportunities', { title: 'Mine', estimatedValue: 1 })).json().id;
    const other = new Client(t.app);
    await other.post('/api/v1/auth/login', { email: 'olivia@acme.test', password: 'correct horse battery' });
    const orgs = (await other.get('/api/v1/me')).json().organisations as { id: string; name: string }[];
    await other.post(`/api/v1/orgs/${orgs.find((o) => o.name === 'Other Org')!.id}/switch`);
    expect((await other.patch(`/api/v1/value/opportunities/${mine}`, { status: 'dropped' })).statusCode).toBe(404);
    expect((await other.get('/api/v1/value/summary?year=2026')).json().byInitiative).toEqual([]);
  });
});
