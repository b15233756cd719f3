import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { howManyCounts, percentileLines, whenDays } from '@tandem/core';
import { Client, createTestApp, csvOf, engines, invite, setUp, type TestApp } from './harness';

// LetPeopleWork Lighthouse ForecastServiceTest.cs daily throughput (REFERENCES.md): 31 days.
const LIGHTHOUSE = [2, 0, 0, 5, 1, 3, 2, 4, 0, 0, 1, 1, 2, 4, 0, 0, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0];
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(engines())('requests and forecasts on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let acmeId: string;
  let otherOrgId: string;
  let foreignRequestId: string;
  let personId: string;

  const count = async (c: Client = owner) => (await c.get('/api/v1/requests/count')).json().count as number;
  const postCsv = (c: Client, url: string, csv: string) => c.request({ method: 'POST', url, payload: csv, headers: { 'content-type': 'text/csv' } });

  beforeAll(async () => {
    // The flow tests move the clock by days while keeping their sessions: an idle limit of two weeks (decision 008's 8 hours would end them).
    t = await createTestApp(engine, { env: { TANDEM_SESSION_IDLE_MINUTES: '20160' } });
    const s = await setUp(t.app);
    owner = s.client;
    acmeId = s.me.current.id;
    personId = (await owner.post('/api/v1/people', { name: 'Bea Business', email: 'bea@acme.test', department: 'Sales', side: 'business', level: 'employee' })).json().id;
    member = (await invite(t.app, owner, 'mo@acme.test', 'member', 'Mo Member')).client;
    const other = (await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' })).json();
    otherOrgId = other.id;
    foreignRequestId = (await owner.post('/api/v1/requests', { title: 'Foreign request' })).json().id;
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
    // History the forecasts learn from: the Lighthouse throughput on the 31 days before 2026-11-01.
    const rows = [['title', 'created', 'started', 'done', 'type']];
    LIGHTHOUSE.forEach((n, i) => {
      const day = addDays('2026-10-01', i);
      for (let k = 0; k < n; k++) rows.push([`History ${i}-${k}`, addDays(day, -((i + k) % 9) - 1), '', day, 'feature']);
    });
    const res = await postCsv(owner, '/api/v1/requests/import', csvOf(rows));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ added: 32, errors: [] });
  });
  afterAll(() => t.close());

  it('files a request as a member, lists, reads, triages, edits and deletes it per the contract', async () => {
    const c = await member.post('/api/v1/requests', { title: 'Export orders to Excel', description: 'Weekly', requesterId: personId, side: 'business', type: 'feature' });
    expect(c.statusCode, c.body).toBe(201);
    const { id } = c.json();
    expect(Object.keys(c.json())).toEqual(['id']);
    const got = (await member.get(`/api/v1/requests/${id}`)).json();
    expect(got).toMatchObject({ id, title: 'Export orders to Excel', status: 'new', createdAt: '2026-11-28', startedAt: null, doneAt: null, requesterId: personId, side: 'business', type: 'feature' });
    expect(got.transitions).toHaveLength(1);
    expect((await member.get('/api/v1/requests?status=new&side=business&type=feature')).json().items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await member.get('/api/v1/requests?status=done&type=fix')).json().items).toEqual([]);
    expect((await member.patch(`/api/v1/requests/${id}`, { status: 'triaged' })).statusCode).toBe(403);

    t.clock.now = new Date('2026-11-30T10:00:00Z');
    const tri = await owner.patch(`/api/v1/requests/${id}`, { status: 'triaged', reason: 'clear value', urgency: 'high' });
    expect(tri.statusCode, tri.body).toBe(200);
    expect(tri.json()).toMatchObject({ status: 'triaged', urgency: 'high', itInvolvedAt: '2026-11-30' });
    t.clock.now = new Date('2026-12-01T10:00:00Z');
    expect((await owner.patch(`/api/v1/requests/${id}`, { status: 'in_progress' })).json()).toMatchObject({ startedAt: '2026-12-01' });
    t.clock.now = new Date('2026-12-03T10:00:00Z');
    const done = (await owner.patch(`/api/v1/requests/${id}`, { status: 'done' })).json();
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-12-03', leadTimeDays: 5 });
    expect(done.transitions.map((x: { from: string | null; to: string }) => `${x.from}>${x.to}`)).toEqual(['null>new', 'new>triaged', 'triaged>in_progress', 'in_progress>done']);
    expect(done.transitions[1].reason).toBe('clear value');

    const ladder = await owner.request({ method: 'PUT', url: `/api/v1/requests/${id}/ladder`, json: { rungs: [{ rung: 'next_week', deliverable: 'CSV export', date: '2026-12-10' }, { rung: 'now', deliverable: 'Manual export by IT', date: '2026-12-01', done: true }] } });
    expect(ladder.statusCode, ladder.body).toBe(200);
    expect(ladder.json().rungs.map((r: { rung: string }) => r.rung)).toEqual(['now', 'next_week']);
    expect((await member.get(`/api/v1/requests/${id}`)).json().ladder).toHaveLength(2);

    expect((await owner.delete(`/api/v1/requests/${id}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/v1/requests/${id}`)).statusCode).toBe(404);
    t.clock.now = new Date('2026-11-28T09:00:00Z');
  });

  it('loads history for admins only, and refuses bad dates with 400 and nothing written', async () => {
    const before = await count();
    const h = await owner.post('/api/v1/requests', { title: 'Old fix', type: 'fix', createdAt: '2025-03-01', startedAt: '2025-03-03', doneAt: '2025-03-10' });
    expect(h.statusCode, h.body).toBe(201);
    expect((await owner.get(`/api/v1/requests/${h.json().id}`)).json()).toMatchObject({ status: 'done', createdAt: '2025-03-01', startedAt: '2025-03-03', doneAt: '2025-03-10', leadTimeDays: 9 });
    expect((await member.post('/api/v1/requests', { title: 'x', createdAt: '2025-03-01' })).statusCode).toBe(403);
    const bad = [
      [{ title: 'x', createdAt: '2025-03-10', doneAt: '2025-03-01' }, /doneAt \(2025-03-01\) is before createdAt \(2025-03-10\)/],
      [{ title: 'x', createdAt: '2025-03-10', startedAt: '2025-03-01' }, /startedAt/],
      [{ title: 'x', createdAt: '2027-01-01' }, /future/],
      [{ title: '' }, /title/],
      [{ title: 'x', side: 'sales' }, /side/],
      [{ title: 'x', requesterId: '00000000-0000-4000-8000-000000000000' }, /requesterId/],
      [{ title: 'x', valueAmount: -5 }, /valueAmount/],
      [{ title: 'x', colour: 'red' }, /colour|Unrecognized/i],
    ] as const;
    for (const [body, msg] of bad) {
      const r = await owner.post('/api/v1/requests', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message + JSON.stringify(r.json().error.details ?? '')).toMatch(msg);
    }
    const patchBad = await owner.patch(`/api/v1/requests/${h.json().id}`, { doneAt: '2025-02-01' });
    expect(patchBad.statusCode).toBe(400);
    expect(await count()).toBe(before + 1);
  });

  it('forecasts when K will be done exactly as the core maths says, within the Lighthouse windows, identical between runs', async () => {
    const url = '/api/v1/forecast/when?remaining=28&asOf=2026-11-01&windowDays=31';
    const a = await member.get(url);
    expect(a.statusCode, a.body).toBe(200);
    const body = a.json();
    const exact = whenDays(LIGHTHOUSE, 28);
    expect(body.p50).toEqual({ days: exact.p50, date: addDays('2026-11-01', exact.p50) });
    expect(body.p85).toEqual({ days: exact.p85, date: addDays('2026-11-01', exact.p85) });
    expect(body.p95).toEqual({ days: exact.p95, date: addDays('2026-11-01', exact.p95) });
    expect(body.p50.days).toBeGreaterThanOrEqual(26);
    expect(body.p50.days).toBeLessThanOrEqual(28);
    expect(body.p85.days).toBeGreaterThanOrEqual(33);
    expect(body.p85.days).toBeLessThanOrEqual(36);
    expect(body.p95.days).toBeGreaterThanOrEqual(38);
    expect(body.p95.days).toBeLessThanOrEqual(41);
    for (let i = 0; i < 3; i++) expect((await member.get(url)).body).toBe(a.body);

    const hm = await member.get('/api/v1/forecast/how-many?by=2026-11-11&asOf=2026-11-01&windowDays=31');
    expect(hm.statusCode, hm.body).toBe(200);
    expect(hm.json()).toMatchObject(howManyCounts(LIGHTHOUSE, 10));
    expect(hm.json()).toMatchObject({ p50: 10, p85: 6, p95: 4 });
  });

  it('answers 422 "not enough history: N days" for an empty window and 400 for bad forecast input', async () => {
    const r = await member.get('/api/v1/forecast/when?remaining=5&asOf=2020-01-01&windowDays=30');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toBe('not enough history: 0 days');
    expect((await member.get('/api/v1/forecast/how-many?by=2020-02-01&asOf=2020-01-01&windowDays=30')).statusCode).toBe(422);
    for (const q of ['remaining=0&asOf=2026-11-01', 'remaining=-3', 'remaining=abc', 'remaining=5&windowDays=0', 'remaining=5&asOf=2026-13-01', 'remaining=5&bogus=1']) {
      const x = await member.get(`/api/v1/forecast/when?${q}`);
      expect(x.statusCode, q).toBe(400);
    }
    const zero = await member.get('/api/v1/forecast/when?remaining=0&asOf=2026-11-01');
    expect(zero.json().error.message).toMatch(/remaining/);
    expect((await member.get('/api/v1/forecast/how-many?by=2026-10-01&asOf=2026-11-01')).statusCode).toBe(400);
  });

  it('records the forecasts shown and reports their calibration', async () => {
    const rec = await member.post('/api/v1/forecast/when', { remaining: 3, asOf: '2026-10-20', windowDays: 19 });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json().logId).toBeTruthy();
    const cal = (await member.get('/api/v1/forecast/calibration')).json();
    const entry = cal.items.find((e: { id: string }) => e.id === rec.json().logId);
    // A bare count: after 2026-10-20, two done on 10-21, none until one on 10-28, so the 3rd was done on 2026-10-28.
    expect(entry).toMatchObject({ kind: 'when', remaining: 3, scope: 'count', actual: '2026-10-28' });
    expect(entry.within85).toBe('2026-10-28' <= entry.p85);
    expect(cal.summary.verdict).toBe('not_enough_data');
    expect((await member.post('/api/v1/forecast/when', { asOf: '2026-10-20' })).statusCode).toBe(400);
  });

  it('reads the reference class by linear interpolation and refuses bad projects', async () => {
    expect((await member.get('/api/v1/forecast/reference-class?estimateDays=100')).statusCode).toBe(422);
    for (const [e, a] of [[10, 10], [10, 12], [20, 30], [5, 10]]) {
      const r = await owner.post('/api/v1/forecast/reference-class/projects', { title: `P${e}-${a}`, estimateDays: e, actualDays: a });
      expect(r.statusCode, r.body).toBe(201);
    }
    const rc = (await member.get('/api/v1/forecast/reference-class?estimateDays=100')).json();
    expect(rc.uplift.p50).toBeCloseTo(0.35, 10);
    expect(rc.uplift.p80).toBeCloseTo(0.7, 10);
    expect(rc.forecastDays.p50).toBeCloseTo(135, 8);
    expect(rc.forecastDays.p80).toBeCloseTo(170, 8);
    expect(rc.projects).toHaveLength(4);
    expect((await member.get('/api/v1/forecast/reference-class?estimateDays=0')).statusCode).toBe(400);
    expect((await member.get('/api/v1/forecast/reference-class')).statusCode).toBe(400);
    for (const body of [{ title: 'x', estimateDays: 0, actualDays: 3 }, { title: 'x', estimateDays: 3, actualDays: -1 }, { title: '', estimateDays: 3, actualDays: 3 }]) {
      expect((await owner.post('/api/v1/forecast/reference-class/projects', body)).statusCode).toBe(400);
    }
    expect((await member.post('/api/v1/forecast/reference-class/projects', { title: 'm', estimateDays: 1, actualDays: 1 })).statusCode).toBe(403);
    expect((await member.get('/api/v1/forecast/reference-class?estimateDays=10')).json().projects).toHaveLength(4);
  });

  it('keeps the deferred-needs ledger: exposure grows with time, flags needs past their cost, un-deferring is kept', async () => {
    const gen = await owner.post('/api/v1/deferred-needs', { title: 'Replace the old generator', costNow: 15_000, annualFailureProbability: 0.2, impact: 100_000, deferredAt: '2024-11-28' });
    expect(gen.statusCode, gen.body).toBe(201);
    const small = await owner.post('/api/v1/deferred-needs', { title: 'Patch the old switch', costNow: 50_000, annualFailureProbability: 0.05, impact: 20_000, deferredAt: '2026-05-28' });
    expect(small.statusCode).toBe(201);
    const l = (await member.get('/api/v1/deferred-needs?asOf=2026-11-28')).json();
    const g = l.items.find((i: { id: string }) => i.id === gen.json().id);
    const years = 730 / 365.25;
    expect(g.yearsDeferred).toBeCloseTo(years, 12);
    expect(g.exposure).toBeCloseTo((1 - Math.pow(0.8, years)) * 100_000, 6);
    expect(g.exceedsCost).toBe(true);
    const s = l.items.find((i: { id: string }) => i.id === small.json().id);
    expect(s.exceedsCost).toBe(false);
    expect(l.totalExposure).toBeCloseTo(g.exposure + s.exposure, 6);
    const later = (await member.get('/api/v1/deferred-needs?asOf=2027-11-28')).json();
    expect(later.totalExposure).toBeGreaterThan(l.totalExposure);

    const before = JSON.stringify((await member.get('/api/v1/deferred-needs?asOf=2026-11-28&all=true')).json());
    for (const body of [
      { title: 'x', costNow: 1, annualFailureProbability: 1.2, impact: 1, deferredAt: '2026-01-01' },
      { title: 'x', costNow: 1, annualFailureProbability: -0.1, impact: 1, deferredAt: '2026-01-01' },
      { title: 'x', costNow: 1, annualFailureProbability: 0.1, impact: -1, deferredAt: '2026-01-01' },
      { title: 'x', costNow: -1, annualFailureProbability: 0.1, impact: 1, deferredAt: '2026-01-01' },
      { title: 'x', costNow: 1, annualFailureProbability: 0.1, impact: 1, deferredAt: 'soon' },
    ]) {
      const r = await owner.post('/api/v1/deferred-needs', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toMatch(/annualFailureProbability|impact|costNow|deferredAt/);
    }
    expect((await owner.patch(`/api/v1/deferred-needs/${gen.json().id}`, { annualFailureProbability: 2 })).statusCode).toBe(400);
    expect(JSON.stringify((await member.get('/api/v1/deferred-needs?asOf=2026-11-28&all=true')).json())).toBe(before);

    t.clock.now = new Date('2026-11-28T09:05:00Z');
    const un = await owner.post(`/api/v1/deferred-needs/${gen.json().id}/deferral`, { deferred: false, reason: 'budget found' });
    expect(un.statusCode, un.body).toBe(200);
    const after = (await member.get('/api/v1/deferred-needs?asOf=2026-11-28')).json();
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([small.json().id]);
    expect(after.totalExposure).toBeCloseTo(s.exposure, 6);
    const hist = (await member.get(`/api/v1/deferred-needs/${gen.json().id}/history`)).json();
    expect(hist.items.map((e: { action: string }) => e.action)).toEqual(['deferred', 'undeferred']);
    const first = (await member.get(`/api/v1/deferred-needs/${gen.json().id}/history?limit=1`)).json();
    expect(first.items.map((e: { action: string }) => e.action)).toEqual(['deferred']);
    const second = (await member.get(`/api/v1/deferred-needs/${gen.json().id}/history?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ action: 'undeferred' }], nextCursor: null });
    expect((await owner.post(`/api/v1/deferred-needs/${gen.json().id}/deferral`, { deferred: false })).statusCode).toBe(409);
    t.clock.now = new Date('2026-11-28T09:00:00Z');
  });

  it('computes analytics: lead-time percentiles, weekly throughput and ageing against the percentiles', async () => {
    // Five requests done in January 2025 with lead times 1, 2, 3, 4 and 10 days; one still open.
    for (const [created, done] of [['2025-01-06', '2025-01-07'], ['2025-01-06', '2025-01-08'], ['2025-01-06', '2025-01-09'], ['2025-01-10', '2025-01-14'], ['2025-01-06', '2025-01-16']]) {
      expect((await owner.post('/api/v1/requests', { title: `Jan ${done}`, createdAt: created, doneAt: done })).statusCode).toBe(201);
    }
    const open = (await owner.post('/api/v1/requests', { title: 'Ageing badly', createdAt: '2025-01-02', status: 'triaged' })).json().id;
    const a = await member.get('/api/v1/requests/analytics?from=2025-01-01&to=2025-01-31');
    expect(a.statusCode, a.body).toBe(200);
    const body = a.json();
    expect(body.leadTime).toEqual({ p50: 3, p85: 6, p95: 9 });
    expect(body.doneCount).toBe(5);
    expect(body.throughputPerWeek.slice(0, 3)).toEqual([
      { weekStart: '2024-12-30', count: 0 },
      { weekStart: '2025-01-06', count: 3 },
      { weekStart: '2025-01-13', count: 2 },
    ]);
    const aged = body.ageing.find((x: { id: string }) => x.id === open);
    expect(aged).toMatchObject({ ageDays: 29, percentile: 100 });
    expect(body.scatter).toHaveLength(5);
    expect(body.byType.map((g: { key: string }) => g.key)).toEqual(['feature']);
    expect((await member.get('/api/v1/requests/analytics?from=2025-02-01&to=2025-01-01')).statusCode).toBe(400);
    const def = (await member.get('/api/v1/requests/analytics')).json();
    expect(def.to).toBe('2026-11-28');
  });

  it('reads lead-time percentiles from histograms exactly as from the raw lead times', async () => {
    // The imported Lighthouse history: lead time ((i + k) % 9) + 1 days for the k-th request done on day i.
    const leads: number[] = [];
    LIGHTHOUSE.forEach((n, i) => {
      for (let k = 0; k < n; k++) leads.push(((i + k) % 9) + 1);
    });
    const a = (await member.get('/api/v1/requests/analytics?from=2026-10-01&to=2026-10-31')).json();
    expect(a.doneCount).toBe(leads.length);
    expect(a.leadTime).toEqual(percentileLines(leads));
    expect(a.byType).toEqual([{ key: 'feature', count: leads.length, leadTime: percentileLines(leads) }]);
    expect(a.scatter.map((p: { leadTimeDays: number }) => p.leadTimeDays).sort()).toEqual([...leads].sort());
    expect(a.cycleTime).toBeNull();
  });

  it('imports CSV history all or nothing, lists every bad row, and maps columns', async () => {
    const before = await count();
    const bad = csvOf([
      ['title', 'created', 'done'],
      ['Fine', '2025-05-01', '2025-05-03'],
      ['Done before created', '2025-05-10', '2025-05-01'],
      ['', '2025-05-01', ''],
      ['Bad date', 'yesterday', ''],
    ]);
    const r = await postCsv(owner, '/api/v1/requests/import', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(r.json().error.details[0].message).toMatch(/doneAt \(2025-05-01\) is before createdAt \(2025-05-10\)/);
    expect(await count()).toBe(before);

    const jira = csvOf([
      ['Issue key', 'Summary', 'Issue Type', 'Created', 'Resolved', 'Status'],
      ['NW-1', 'Invoice layout', 'Bug', '2025-06-01 09:12', '2025-06-04 16:00', 'Closed'],
      ['NW-2', 'Stock report', 'Story', '2025-06-02T10:00:00Z', '', 'Open'],
    ]);
    const ok = await postCsv(owner, '/api/v1/requests/import?title=Summary&type=Issue%20Type&createdAt=Created&doneAt=Resolved&status=Status', jira);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ added: 2, errors: [] });
    const fixes = (await owner.get('/api/v1/requests?type=fix&status=done')).json().items;
    expect(fixes.find((x: { title: string }) => x.title === 'Invoice layout')).toMatchObject({ createdAt: '2025-06-01', doneAt: '2025-06-04', leadTimeDays: 3 });
    expect((await postCsv(owner, '/api/v1/requests/import', csvOf([['name'], ['x']]))).statusCode).toBe(400);
    expect((await postCsv(member, '/api/v1/requests/import', jira)).statusCode).toBe(403);
  });

  it('pages the request list on the server with filters as query parameters, and pages a request’s transitions', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await member.get(`/api/v1/requests?type=feature&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
      expect(body.items.length).toBeLessThanOrEqual(7);
      for (const x of body.items) expect(x.type).toBe('feature');
      all.push(...body.items.map((x: { id: string }) => x.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe((await member.get('/api/v1/requests/count?type=feature')).json().count);
    expect(pages).toBeGreaterThan(2);
    // Newest first, then the same order page after page.
    const one = (await member.get('/api/v1/requests?type=feature&limit=500')).json().items.map((x: { id: string }) => x.id);
    expect(all).toEqual(one);
    expect((await member.get('/api/v1/requests?category=done&limit=500')).json().items.every((x: { statusCategory: string }) => x.statusCategory === 'done')).toBe(true);
    for (const q of ['limit=0', 'limit=501', 'cursor=***', `cursor=${Buffer.from('["x"]').toString('base64url')}`, `cursor=${Buffer.from('["2025-13-45","2025-01-01T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]').toString('base64url')}`, `cursor=${Buffer.from('["2025-01-01","2025","00000000-0000-4000-8000-000000000000"]').toString('base64url')}`, 'category=finished', 'offset=5']) {
      expect((await member.get(`/api/v1/requests?${q}`)).statusCode, q).toBe(400);
    }
    const id = (await owner.post('/api/v1/requests', { title: 'Many moves' })).json().id;
    let minute = 1;
    for (const status of ['triaged', 'in_progress', 'deferred', 'triaged']) {
      t.clock.now = new Date(Date.parse('2026-11-28T09:00:00Z') + 60_000 * minute++);
      expect((await owner.patch(`/api/v1/requests/${id}`, { status })).statusCode).toBe(200);
    }
    t.clock.now = new Date('2026-11-28T09:00:00Z');
    const p1 = (await member.get(`/api/v1/requests/${id}/transitions?limit=3`)).json();
    const p2 = (await member.get(`/api/v1/requests/${id}/transitions?limit=3&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((x: { to: string }) => x.to)).toEqual(['new', 'triaged', 'in_progress', 'deferred', 'triaged']);
    expect(p2.nextCursor).toBeNull();
    expect((await owner.delete(`/api/v1/requests/${id}`)).statusCode).toBe(200);
  });

  it('pages the ledger with totals over every deferred need', async () => {
    const whole = (await member.get('/api/v1/deferred-needs?asOf=2026-11-28&all=true&limit=500')).json();
    expect(whole.items.length).toBeGreaterThan(1);
    const first = (await member.get('/api/v1/deferred-needs?asOf=2026-11-28&all=true&limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.totalExposure).toBeCloseTo(whole.totalExposure, 9);
    const rest = (await member.get(`/api/v1/deferred-needs?asOf=2026-11-28&all=true&limit=500&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((x: { id: string }) => x.id)).toEqual(whole.items.map((x: { id: string }) => x.id));
    expect(rest.nextCursor).toBeNull();
  });

  it('resolves a forecast about particular requests when those are finished, not on the K-th request done', async () => {
    t.clock.now = new Date('2026-12-01T09:00:00Z');
    const a = (await owner.post('/api/v1/requests', { title: 'Calibrate A', type: 'change' })).json().id;
    const b = (await owner.post('/api/v1/requests', { title: 'Calibrate B', type: 'change' })).json().id;
    const other = (await owner.post('/api/v1/requests', { title: 'Unrelated', type: 'fix' })).json().id;
    const byList = await member.post('/api/v1/forecast/when', { requestIds: [a, b], asOf: '2026-12-01', windowDays: 365 });
    expect(byList.statusCode, byList.body).toBe(200);
    expect(byList.json().remaining).toBe(2);
    const byCount = (await member.post('/api/v1/forecast/when', { remaining: 2, asOf: '2026-12-01', windowDays: 365 })).json();
    const changes = (await member.get('/api/v1/requests/count?type=change&category=new')).json().count;
    const byFilter = await member.post('/api/v1/forecast/when', { filter: { type: 'change', category: 'new' }, asOf: '2026-12-01', windowDays: 365 });
    expect(byFilter.statusCode, byFilter.body).toBe(200);
    expect(byFilter.json().remaining).toBe(changes);
    // Two other requests are done first: the bare count resolves, the list does not.
    t.clock.now = new Date('2026-12-02T09:00:00Z');
    expect((await owner.patch(`/api/v1/requests/${other}`, { status: 'done' })).statusCode).toBe(200);
    expect((await owner.patch(`/api/v1/requests/${a}`, { status: 'done' })).statusCode).toBe(200);
    const entry = async (id: string) => {
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await member.get(`/api/v1/forecast/calibration?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
        const hit = page.items.find((e) => e.id === id) as { p85: string; within85: boolean | null } | undefined;
        if (hit) return hit;
        cursor = page.nextCursor;
      } while (cursor);
      return undefined;
    };
    expect(await entry(byCount.logId)).toMatchObject({ scope: 'count', actual: '2026-12-02' });
    expect(await entry(byList.json().logId)).toMatchObject({ scope: 'requests', actual: null, within85: null });
    t.clock.now = new Date('2026-12-04T09:00:00Z');
    expect((await owner.patch(`/api/v1/requests/${b}`, { status: 'done' })).statusCode).toBe(200);
    const resolved = await entry(byList.json().logId);
    expect(resolved).toMatchObject({ scope: 'requests', actual: '2026-12-04' });
    expect(resolved?.within85).toBe("2026-12-04" <= (resolved?.p85 ?? ""));
    const summary = (await member.get('/api/v1/forecast/calibration?limit=1')).json().summary;
    expect(summary.resolved).toBeGreaterThanOrEqual(3);
    for (const body of [{ remaining: 2, requestIds: [a] }, {}, { filter: { type: 'change', status: 'done' } }, { requestIds: [a] }]) {
      expect((await member.post('/api/v1/forecast/when', { ...body, asOf: '2026-12-04', windowDays: 365 })).statusCode, JSON.stringify(body)).toBe(400);
    }
    for (const id of [a, b, other]) expect((await owner.delete(`/api/v1/requests/${id}`)).statusCode).toBe(200);
    t.clock.now = new Date('2026-11-28T09:00:00Z');
  });

  it('lets an admin configure the flow: custom statuses in categories, allowed moves only, analytics from the categories', async () => {
    const org = (await owner.post('/api/v1/orgs', { name: 'Flow Org', currency: 'EUR' })).json();
    try {
      const def = (await owner.get('/api/v1/requests/flow')).json();
      expect(def.isDefault).toBe(true);
      expect(def.statuses.map((s: { key: string }) => s.key)).toEqual(['new', 'triaged', 'in_progress', 'done', 'rejected', 'deferred']);
      expect(def.transitions).toHaveLength(30);
      const flow = {
        statuses: [
          { key: 'inbox', label: 'Inbox', category: 'new' },
          { key: 'triaged', label: 'Triaged', category: 'triaged' },
          { key: 'building', label: 'Building', category: 'in_progress' },
          { key: 'review', label: 'In review', category: 'in_progress' },
          { key: 'shipped', label: 'Shipped', category: 'done' },
          { key: 'declined', label: 'Declined', category: 'rejected' },
        ],
        transitions: [
          { from: 'inbox', to: 'triaged' },
          { from: 'inbox', to: 'declined' },
          { from: 'triaged', to: 'building' },
          { from: 'building', to: 'review' },
          { from: 'review', to: 'building' },
          { from: 'review', to: 'shipped' },
        ],
      };
      for (const [body, code, msg] of [
        [{ ...flow, statuses: flow.statuses.filter((s) => s.category !== 'done'), transitions: [] }, 400, /category done/],
        [{ ...flow, transitions: [...flow.transitions, { from: 'inbox', to: 'ghost' }] }, 400, /ghost/],
        [{ ...flow, transitions: flow.transitions.filter((x) => x.to !== 'shipped') }, 400, /cannot be reached/],
        [{ ...flow, statuses: [...flow.statuses, { key: 'Bad Key', label: 'Bad', category: 'new' }] }, 400, /key/],
        [{ ...flow, statuses: [...flow.statuses, { key: 'x', label: 'X', category: 'finished' }] }, 400, /category/],
      ] as const) {
        const r = await owner.request({ method: 'PUT', url: '/api/v1/requests/flow', json: body });
        expect(r.statusCode, JSON.stringify(body)).toBe(code);
        expect(r.json().error.message + JSON.stringify(r.json().error.details ?? '')).toMatch(msg);
      }
      expect((await owner.get('/api/v1/requests/flow')).json().isDefault).toBe(true);
      expect((await owner.request({ method: 'PUT', url: '/api/v1/requests/flow', json: flow })).statusCode).toBe(200);
      const set = (await owner.get('/api/v1/requests/flow')).json();
      expect(set.isDefault).toBe(false);
      expect(set.statuses.map((s: { key: string; category: string }) => `${s.key}:${s.category}`)).toEqual(['inbox:new', 'triaged:triaged', 'building:in_progress', 'review:in_progress', 'shipped:done', 'declined:rejected']);

      t.clock.now = new Date('2026-11-20T09:00:00Z');
      const id = (await owner.post('/api/v1/requests', { title: 'Customer portal login' })).json().id;
      expect((await owner.get(`/api/v1/requests/${id}`)).json()).toMatchObject({ status: 'inbox', statusCategory: 'new' });
      const refused = await owner.patch(`/api/v1/requests/${id}`, { status: 'shipped', title: 'changed' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toMatch(/does not allow a move from "Inbox" to "Shipped"; from "Inbox" a request may go to "Triaged", "Declined"/);
      expect((await owner.patch(`/api/v1/requests/${id}`, { status: 'done' })).json().error.message).toMatch(/"done" is not a status/);
      const unchanged = (await owner.get(`/api/v1/requests/${id}`)).json();
      expect(unchanged).toMatchObject({ title: 'Customer portal login', status: 'inbox', doneAt: null });
      expect(unchanged.transitions).toHaveLength(1);

      for (const [day, status] of [['2026-11-21', 'triaged'], ['2026-11-23', 'building'], ['2026-11-25', 'review'], ['2026-11-26', 'shipped']] as const) {
        t.clock.now = new Date(`${day}T09:00:00Z`);
        const r = await owner.patch(`/api/v1/requests/${id}`, { status });
        expect(r.statusCode, r.body).toBe(200);
      }
      const done = (await owner.get(`/api/v1/requests/${id}`)).json();
      expect(done).toMatchObject({ status: 'shipped', statusCategory: 'done', itInvolvedAt: '2026-11-21', startedAt: '2026-11-23', doneAt: '2026-11-26', leadTimeDays: 6 });
      expect(done.transitions.map((x: { from: string | null; to: string; at: string }) => `${x.from}>${x.to}@${x.at.slice(0, 10)}`)).toEqual([
        'null>inbox@2026-11-20',
        'inbox>triaged@2026-11-21',
        'triaged>building@2026-11-23',
        'building>review@2026-11-25',
        'review>shipped@2026-11-26',
      ]);
      // A status nobody may leave is final: shipped has no outgoing move.
      expect((await owner.patch(`/api/v1/requests/${id}`, { status: 'review' })).json().error.message).toMatch(/nowhere \(it is final\)/);

      // History loaded with this flow's words; analytics and forecasts read categories and dates.
      t.clock.now = new Date('2026-11-28T09:00:00Z');
      const csv = csvOf([
        ['title', 'created', 'started', 'done', 'status'],
        ['Old one', '2026-11-01', '2026-11-02', '2026-11-05', 'Shipped'],
        ['Old two', '2026-11-03', '', '2026-11-10', 'closed'],
        ['Stuck', '2026-10-01', '2026-10-05', '', 'In review'],
        ['Dropped', '2026-10-02', '', '', 'Declined'],
        ['Parked', '2026-10-03', '', '', 'deferred'],
      ]);
      const bad = await postCsv(owner, '/api/v1/requests/import', csv);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([{ line: 6, message: expect.stringMatching(/means deferred, and this flow has no status of that category/) }]);
      const ok = await postCsv(owner, '/api/v1/requests/import', csv.split('\n').slice(0, 5).join('\n'));
      expect(ok.statusCode, ok.body).toBe(201);
      const a = (await owner.get('/api/v1/requests/analytics?from=2026-11-01&to=2026-11-28')).json();
      expect(a.doneCount).toBe(3);
      expect(a.leadTime).toEqual(percentileLines([4, 7, 6]));
      expect(a.ageing.map((x: { title: string; status: string }) => `${x.title}:${x.status}`)).toEqual(['Stuck:review']);
      const when = await owner.get('/api/v1/forecast/when?remaining=2&asOf=2026-11-28&windowDays=28');
      expect(when.statusCode, when.body).toBe(200);
      expect((await owner.get('/api/v1/requests?status=review')).json().items.map((x: { title: string }) => x.title)).toEqual(['Stuck']);
      expect((await owner.get('/api/v1/requests?category=in_progress')).json().items.map((x: { title: string }) => x.title)).toEqual(['Stuck']);

      // A status in use can be neither removed nor moved to another category; members cannot edit the flow.
      const without = { statuses: flow.statuses.filter((x) => x.key !== 'review'), transitions: flow.transitions.filter((x) => x.from !== 'review' && x.to !== 'review').concat([{ from: 'building', to: 'shipped' }]) };
      const gone = await owner.request({ method: 'PUT', url: '/api/v1/requests/flow', json: without });
      expect(gone.statusCode).toBe(409);
      expect(gone.json().error.message).toMatch(/"review" is the status of 1 request/);
      const recat = await owner.request({ method: 'PUT', url: '/api/v1/requests/flow', json: { ...flow, statuses: flow.statuses.map((x) => (x.key === 'review' ? { ...x, category: 'triaged' } : x)) } });
      expect(recat.statusCode).toBe(409);
      // Adding a status and a move is fine while nothing is orphaned.
      const more = { statuses: [...flow.statuses, { key: 'parked', label: 'Parked', category: 'deferred' }], transitions: [...flow.transitions, { from: 'triaged', to: 'parked' }, { from: 'parked', to: 'triaged' }] };
      const grown = await owner.request({ method: 'PUT', url: '/api/v1/requests/flow', json: more });
      expect(grown.statusCode, grown.body).toBe(200);
      expect(grown.json().statuses.find((x: { key: string }) => x.key === 'review').requestCount).toBe(1);
    } finally {
      t.clock.now = new Date('2026-11-28T09:00:00Z');
      expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
    }
    expect(org.id).not.toBe(acmeId);
    // The first organisation still has the default flow, and its members cannot change it.
    expect((await owner.get('/api/v1/requests/flow')).json().isDefault).toBe(true);
    const mine = (await member.get('/api/v1/requests/flow')).json();
    const body = { statuses: mine.statuses.map(({ key, label, category }: { key: string; label: string; category: string }) => ({ key, label, category })), transitions: mine.transitions.slice(0, 10) };
    expect((await member.request({ method: 'PUT', url: '/api/v1/requests/flow', json: body })).statusCode).toBe(403);
  });

  it('never shows another organisation its requests', async () => {
    expect((await owner.get(`/api/v1/requests/${foreignRequestId}`)).statusCode).toBe(404);
    expect((await owner.patch(`/api/v1/requests/${foreignRequestId}`, { title: 'mine' })).statusCode).toBe(404);
    expect((await owner.delete(`/api/v1/requests/${foreignRequestId}`)).statusCode).toBe(404);
    expect((await owner.get('/api/v1/requests?limit=500')).json().items.map((r: { id: string }) => r.id)).not.toContain(foreignRequestId);
    expect(otherOrgId).not.toBe(acmeId);
  });
});
