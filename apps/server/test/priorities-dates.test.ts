import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { listJobRuns } from '@tandem/db';
import { JobRunner } from '../src/lib/jobs';
import { roundDatesJob } from '../src/features/priorities/round-dates-job';
import { Client, createTestApp, engines, OWNER, setUp, type TestApp } from './harness';

/**
 * Rounds open and close on their dates (decision 146) through the hourly job priorities.round-dates,
 * on both engines. A round "opens on D" at the start of D (UTC); "closes on D" means scoring goes
 * on all of D and the round is closed from the start of D + 1. The calendar uses the same service as
 * a leader's POST .../open and .../close, so a round it closes answers exactly like one closed by hand.
 */
const rowsOf = (r: unknown) => (r as { rows: unknown[] }).rows;
const at = (iso: string) => new Date(iso);

describe.each(engines())('priority rounds on their dates on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  const person: Record<string, string> = {};
  const item: Record<string, string> = {};
  let dated: string;
  let manual: string;
  let empty: string;
  let late: string;

  const patch = (id: string, json: unknown) => owner.request({ method: 'PATCH', url: `/api/v1/priorities/rounds/${id}`, json });
  const round = async (id: string) => (await owner.get(`/api/v1/priorities/rounds/${id}`)).json();
  /**
   * The app's clock moves to the tick: the daily housekeeping in the same tick ends sessions idle
   * that long, so the owner signs in again at the new time (as a person would, days later).
   */
  const tick = async (iso: string) => {
    t.clock.now = at(iso);
    const results = await t.app.jobs.tick(at(iso));
    owner = new Client(t.app);
    expect((await owner.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })).statusCode).toBe(200);
    return results;
  };
  const scoreBoth = async (roundId: string) => {
    // Business likes A, IT likes C: the two rankings disagree, so the queue has items.
    const business: Record<string, [number, number, number]> = { A: [20, 13, 8], B: [8, 5, 3], C: [2, 1, 1] };
    const it: Record<string, [number, number, number, number]> = { A: [2, 1, 1, 8], B: [8, 5, 3, 3], C: [20, 13, 8, 2] };
    for (const k of ['A', 'B', 'C']) {
      const [bv, tc, rr] = business[k]!;
      const [ibv, itc, irr, js] = it[k]!;
      for (const [p, scores] of [
        [person.biz, { businessValue: bv, timeCriticality: tc, riskReduction: rr }],
        [person.it, { businessValue: ibv, timeCriticality: itc, riskReduction: irr, jobSize: js }],
      ] as const) {
        const res = await owner.request({ method: 'PUT', url: `/api/v1/priorities/rounds/${roundId}/scores`, json: { personId: p, itemId: item[k], scores } });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.now = at('2026-11-28T09:00:00Z');
    owner = (await setUp(t.app)).client;
    for (const [key, side] of [
      ['biz', 'business'],
      ['it', 'it'],
    ] as const) {
      const res = await owner.post('/api/v1/people', { name: `Person ${key}`, email: `${key}@acme.test`, department: side === 'it' ? 'IT' : 'Sales', side, level: 'employee' });
      expect(res.statusCode, res.body).toBe(201);
      person[key] = res.json().id;
    }
    for (const [key, effort] of [
      ['A', 5],
      ['B', 3],
      ['C', 8],
    ] as const) {
      item[key] = (await owner.post('/api/v1/initiatives', { title: `Initiative ${key}`, effort })).json().id;
    }
    const items = ['A', 'B', 'C'].map((k) => ({ type: 'initiative', id: item[k] }));
    const create = async (body: Record<string, unknown>) => {
      const res = await owner.post('/api/v1/priorities/rounds', { model: 'wsjf', items, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    dated = await create({ name: 'Dated', opensAt: '2026-11-30', closesAt: '2026-12-01' });
    manual = await create({ name: 'By hand' });
    empty = await create({ name: 'Nothing in it', items: [], opensAt: '2026-11-29' });
    late = await create({ name: 'Dates passed while draft', opensAt: '2026-11-01', closesAt: '2026-11-20' });
  });
  afterAll(() => t.close());

  it('shows the dates in the round and the list', async () => {
    expect(await round(dated)).toMatchObject({ status: 'draft', opensAt: '2026-11-30', closesAt: '2026-12-01', openedAt: null });
    const list = (await owner.get('/api/v1/priorities/rounds')).json().items as { id: string; opensAt: string | null; closesAt: string | null }[];
    expect(list.find((r) => r.id === dated)).toMatchObject({ opensAt: '2026-11-30', closesAt: '2026-12-01' });
    expect(list.find((r) => r.id === manual)).toMatchObject({ opensAt: null, closesAt: null });
  });

  it('changes the dates of a draft; 400 with nothing written when closesAt is before opensAt', async () => {
    const bad = await patch(dated, { closesAt: '2026-11-29' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/closesAt/);
    expect(bad.json().error.message).toMatch(/2026-11-30/);
    const both = await patch(dated, { opensAt: '2026-12-05', closesAt: '2026-12-04' });
    expect(both.statusCode).toBe(400);
    expect(await round(dated)).toMatchObject({ opensAt: '2026-11-30', closesAt: '2026-12-01' });
    expect((await patch(dated, {})).statusCode).toBe(400);
    expect((await patch(dated, { opensAt: '30/11/2026' })).statusCode).toBe(400);
    expect((await patch(dated, { name: 'x' })).statusCode).toBe(400);

    // Move it a day earlier and back; each change is in the audit log.
    t.clock.now = at('2026-11-28T09:10:00Z');
    const moved = await patch(dated, { opensAt: '2026-11-29' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ opensAt: '2026-11-29', closesAt: '2026-12-01', status: 'draft' });
    // A minute later, so the audit log (newest first) has an order to show.
    t.clock.now = at('2026-11-28T09:11:00Z');
    expect((await patch(dated, { opensAt: '2026-11-30' })).json().opensAt).toBe('2026-11-30');
    const audit = (await owner.get('/api/v1/audit?limit=20')).json().items as { action: string; target: string; details: Record<string, unknown> }[];
    const changes = audit.filter((a) => a.action === 'priorities.round_dates_changed' && a.target === dated);
    expect(changes.map((a) => a.details.opensAt)).toEqual([
      { from: '2026-11-29', to: '2026-11-30' },
      { from: '2026-11-30', to: '2026-11-29' },
    ]);
    // Nobody signed in: no change.
    expect((await new Client(t.app).request({ method: 'PATCH', url: `/api/v1/priorities/rounds/${dated}`, json: { opensAt: '2026-11-29' } })).statusCode).toBe(401);
  });

  it('leaves drafts alone before their opening day', async () => {
    await tick('2026-11-28T10:00:00Z');
    expect((await round(dated)).status).toBe('draft');
  });

  it('keeps a draft with no items a draft, and one whose closing day passed before it opened', async () => {
    await tick('2026-11-29T08:00:00Z');
    expect((await round(empty)).status).toBe('draft');
    expect((await round(late)).status).toBe('draft');
    expect((await round(dated)).status).toBe('draft');
  });

  it('opens a draft at the start of its opening day, once however many instances tick', async () => {
    // Two instances tick in the same hour: one claims the slot and opens the round.
    const other = new JobRunner(t.app.ctx);
    other.register(roundDatesJob);
    const [a, b] = await Promise.all([tick('2026-11-30T00:05:00Z'), other.tick(at('2026-11-30T00:05:00Z'))]);
    const ran = [...a, ...b].filter((r) => r.job === 'priorities.round-dates' && r.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.error).toBeUndefined();
    const r = await round(dated);
    expect(r).toMatchObject({ status: 'open', openedAt: '2026-11-30T00:05:00.000Z' });
    // The next hour's run finds nothing to do: the round is opened once.
    await tick('2026-11-30T01:05:00Z');
    expect((await round(dated)).openedAt).toBe('2026-11-30T00:05:00.000Z');
    const audit = (await owner.get('/api/v1/audit?limit=50')).json().items as { action: string; target: string; actorUserId: string | null; details: Record<string, unknown> | null }[];
    const opened = audit.filter((e) => e.action === 'priorities.round_opened' && e.target === dated);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ actorUserId: null, details: { by: 'schedule', reason: 'opening-date-reached' } });
    const runs = await listJobRuns(t.app.ctx.db, 'priorities.round-dates');
    expect(runs.map((x) => x.error)).toEqual(runs.map(() => null));
  });

  it('lets the dates of an open round change, and keeps scoring open all of the closing day', async () => {
    t.clock.now = at('2026-11-30T09:00:00Z');
    expect((await owner.post(`/api/v1/priorities/rounds/${manual}/open`)).statusCode).toBe(200);
    await scoreBoth(dated);
    await scoreBoth(manual);
    expect((await patch(dated, { closesAt: '2026-12-02' })).json()).toMatchObject({ status: 'open', closesAt: '2026-12-02' });
    expect((await patch(dated, { closesAt: '2026-12-01' })).json().closesAt).toBe('2026-12-01');
    await tick('2026-12-01T23:30:00Z');
    expect((await round(dated)).status).toBe('open');
    // Still scorable on the closing day (changing a score and back).
    t.clock.now = at('2026-12-01T23:40:00Z');
    const change = (v: number) => owner.request({ method: 'PATCH', url: `/api/v1/priorities/rounds/${dated}/scores`, json: { personId: person.biz, itemId: item.A, scores: { businessValue: v } } });
    expect((await change(13)).statusCode).toBe(200);
    expect((await change(20)).statusCode).toBe(200);
  });

  it('closes an open round once its closing day is over, with the same results a manual close stores', async () => {
    const ran = (await tick('2026-12-02T00:10:00Z')).find((r) => r.job === 'priorities.round-dates');
    expect(ran).toMatchObject({ ran: true });
    expect(ran!.error).toBeUndefined();
    const r = await round(dated);
    expect(r).toMatchObject({ status: 'closed', closedAt: '2026-12-02T00:10:00.000Z' });
    // The twin round with the same items and scores, closed by hand at the same moment.
    t.clock.now = at('2026-12-02T00:10:00Z');
    expect((await owner.post(`/api/v1/priorities/rounds/${manual}/close`)).statusCode).toBe(200);

    const stored = async (id: string) => rowsOf(await t.database.db.execute(sql`select results, computed_at from priority_round_results where round_id = ${id}`)) as { results: unknown; computed_at: unknown }[];
    const [byJob] = await stored(dated);
    const [byHand] = await stored(manual);
    expect(byJob).toBeDefined();
    const asObject = (j: unknown) => (typeof j === 'string' ? JSON.parse(j) : j);
    expect(asObject(byJob!.results)).toEqual(asObject(byHand!.results));
    expect(new Date(String(byJob!.computed_at)).toISOString()).toBe('2026-12-02T00:10:00.000Z');

    const results = async (id: string) => {
      const res = await owner.get(`/api/v1/priorities/rounds/${id}/results`);
      expect(res.statusCode).toBe(200);
      return { ...res.json(), roundId: '<round>' };
    };
    const jobResults = await results(dated);
    expect(jobResults).toEqual(await results(manual));
    expect(jobResults.items.map((i: { title: string }) => i.title).sort()).toEqual(['Initiative A', 'Initiative B', 'Initiative C']);
    expect(jobResults.agreement.kendallTauB).toBeLessThan(0);

    const audit = (await owner.get('/api/v1/audit?limit=50')).json().items as { action: string; target: string; actorUserId: string | null; details: Record<string, unknown> | null }[];
    expect(audit.filter((e) => e.action === 'priorities.round_closed' && e.target === dated)).toEqual([
      expect.objectContaining({ actorUserId: null, details: expect.objectContaining({ by: 'schedule', reason: 'closing-day-over', closesAt: '2026-12-01' }) }),
    ]);
    // Scoring is over: the calendar closed it as firmly as a leader does.
    const after = await owner.request({ method: 'PATCH', url: `/api/v1/priorities/rounds/${dated}/scores`, json: { personId: person.biz, itemId: item.A, scores: { businessValue: 13 } } });
    expect(after.statusCode).toBe(400);
  });

  it('ticks again without changing a closed round, and refuses new dates on it (409)', async () => {
    await tick('2026-12-03T00:10:00Z');
    expect((await round(dated)).closedAt).toBe('2026-12-02T00:10:00.000Z');
    const res = await patch(dated, { closesAt: '2026-12-20' });
    expect(res.statusCode).toBe(409);
    expect((await round(dated)).closesAt).toBe('2026-12-01');
    const closings = (await owner.get('/api/v1/audit?limit=100')).json().items.filter((e: { action: string; target: string }) => e.action === 'priorities.round_closed' && e.target === dated);
    expect(closings).toHaveLength(1);
    // A draft never opened by the calendar can still be opened by hand.
    expect((await round(empty)).status).toBe('draft');
    expect((await round(late)).status).toBe('draft');
  });

  it('404 for a round of another organisation or none', async () => {
    expect((await patch('00000000-0000-4000-8000-000000000000', { opensAt: '2026-12-01' })).statusCode).toBe(404);
  });
});
