import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN, seedDemo } from '../src/demo/seed';
import { Client, OWNER, createTestApp, csvOf, engines, invite, sameAnswer, setUp, type TestApp } from './harness';

type Finding = { rule: string; severity: string; itemType: string; itemId: string; message: string; slipDays?: number; relatedId?: string };

describe.each(engines())('strategy on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let acmeId: string;
  let otherOrgId: string;
  const person: Record<string, string> = {};
  let foreignPersonId: string;
  let foreignGoalId: string;

  /** Every row of the roadmap, to prove that a refused request wrote nothing. */
  const state = async () => {
    const [g, i, e, s] = await Promise.all(['/api/v1/goals', '/api/v1/initiatives', '/api/v1/enablers', '/api/v1/swot'].map((u) => owner.get(u)));
    return JSON.stringify([g!.json(), i!.json(), e!.json(), s!.json()]);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const s = await setUp(t.app);
    owner = s.client;
    acmeId = s.me.current.id;
    for (const [key, side, level] of [
      ['biz', 'business', 'leader'],
      ['bizChamp', 'business', 'employee'],
      ['it', 'it', 'employee'],
      ['itLead', 'it', 'leader'],
    ] as const) {
      const res = await owner.post('/api/v1/people', { name: key, email: `${key}@acme.test`, department: side === 'it' ? 'IT' : 'Sales', side, level });
      person[key] = res.json().id;
    }
    // Another organisation on the same instance, with its own person and goal.
    const other = (await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' })).json();
    otherOrgId = other.id;
    foreignPersonId = (await owner.post('/api/v1/people', { name: 'Foreigner', email: 'f@other.test', department: 'IT', side: 'it', level: 'leader' })).json().id;
    foreignGoalId = (await owner.post('/api/v1/goals', { title: 'Other goal' })).json().id;
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('answers an empty roadmap with no score at all and says there is nothing to check (decision 140)', async () => {
    const res = await owner.get('/api/v1/roadmap/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      overall: null,
      scores: { aggressive: null, enablers: null, specific: null, includesIt: null },
      findings: [],
      counts: { high: 0, medium: 0, low: 0 },
      items: 0,
      message: expect.stringContaining('Nothing to check'),
    });
    // Reading writes nothing (decision 104), and the daily job snapshots only organisations with a roadmap.
    expect((await owner.get('/api/v1/roadmap/health/history')).json().snapshots).toEqual([]);
  });

  it('creates, reads, edits and deletes goals, initiatives and enablers per the contract', async () => {
    const g = await owner.post('/api/v1/goals', { title: 'Grow revenue to 12 M', metric: 'revenue', baseline: 8, target: 12, unit: 'M EUR', dueDate: '2027-12-31', ownerId: person.biz });
    expect(g.statusCode).toBe(201);
    const goal = g.json();
    expect(goal).toMatchObject({ title: 'Grow revenue to 12 M', metric: 'revenue', baseline: 8, target: 12, unit: 'M EUR', dueDate: '2027-12-31', ownerId: person.biz, initiativeIds: [], progress: null });

    const i = await owner.post('/api/v1/initiatives', {
      title: 'Web shop in 3 countries',
      description: 'Sell online in NL, DE, BE',
      goalIds: [goal.id],
      ownerId: person.biz,
      businessChampionId: person.bizChamp,
      itChampionId: person.it,
      startDate: '2027-02-01',
      endDate: '2027-06-30',
      status: 'planned',
      effort: 120,
      ansoff: 'market_development',
      itInvolvedAt: '2026-11-28',
    });
    expect(i.statusCode).toBe(201);
    const initiative = i.json();
    expect(initiative).toMatchObject({ goalIds: [goal.id], enablerIds: [], status: 'planned', effort: 120, ansoff: 'market_development', horizon: 'next', progress: 0, ladder: [] });

    const e = await owner.post('/api/v1/enablers', { title: 'Payment gateway for 3 currencies', initiativeIds: [initiative.id], ownerId: person.it, startDate: '2026-12-01', endDate: '2027-01-15', status: 'in_progress', effort: 30 });
    expect(e.statusCode).toBe(201);
    const enabler = e.json();
    expect(enabler).toMatchObject({ initiativeIds: [initiative.id], dependsOnIds: [], status: 'in_progress', progress: 0 });

    expect((await owner.get(`/api/v1/goals/${goal.id}`)).json().initiativeIds).toEqual([initiative.id]);
    expect((await owner.get(`/api/v1/initiatives/${initiative.id}`)).json().enablerIds).toEqual([enabler.id]);
    expect((await owner.get('/api/v1/goals')).json().items.map((x: { id: string }) => x.id)).toContain(goal.id);
    expect((await owner.get('/api/v1/initiatives')).json().items).toHaveLength(1);
    expect((await owner.get('/api/v1/enablers')).json().items).toHaveLength(1);
    const whole = (await owner.get('/api/v1/roadmap')).json();
    expect([whole.goals.length, whole.initiatives.length, whole.enablers.length]).toEqual([1, 1, 1]);
    expect(whole.initiatives[0]).toEqual((await owner.get(`/api/v1/initiatives/${initiative.id}`)).json());

    // Progress rolls up: the enabler done → initiative 1/1 → goal 1.
    const done = await owner.patch(`/api/v1/enablers/${enabler.id}`, { status: 'done' });
    expect(done.json().progress).toBe(1);
    expect((await owner.get(`/api/v1/initiatives/${initiative.id}`)).json().progress).toBe(1);
    expect((await owner.get(`/api/v1/goals/${goal.id}`)).json().progress).toBe(1);

    const patched = await owner.patch(`/api/v1/goals/${goal.id}`, { target: 14, ownerId: null });
    expect(patched.json()).toMatchObject({ target: 14, ownerId: null });

    expect((await owner.delete(`/api/v1/enablers/${enabler.id}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/v1/enablers/${enabler.id}`)).statusCode).toBe(404);
    expect((await owner.delete(`/api/v1/initiatives/${initiative.id}`)).statusCode).toBe(200);
    expect((await owner.delete(`/api/v1/goals/${goal.id}`)).statusCode).toBe(200);
    expect((await owner.get('/api/v1/goals')).json().items).toHaveLength(0);
  });

  it('refuses an end before the start with 400, on create and on a patch of one date, and writes nothing', async () => {
    const before = await state();
    const bad = await owner.post('/api/v1/initiatives', { title: 'Backwards', goalIds: [], startDate: '2027-03-01', endDate: '2027-02-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('End date 2027-02-01 is before the start date 2027-03-01 (body.endDate)');
    const badE = await owner.post('/api/v1/enablers', { title: 'Backwards', initiativeIds: [], startDate: '2027-03-01', endDate: '2027-02-01' });
    expect(badE.statusCode).toBe(400);
    expect(await state()).toBe(before);

    const e = (await owner.post('/api/v1/enablers', { title: 'Dated 1', startDate: '2027-01-01', endDate: '2027-02-01' })).json();
    const mid = await state();
    const patch = await owner.patch(`/api/v1/enablers/${e.id}`, { endDate: '2026-12-01' });
    expect(patch.statusCode).toBe(400);
    expect(await state()).toBe(mid);
    expect((await owner.get(`/api/v1/enablers/${e.id}/history`)).json().items.filter((h: { field: string }) => h.field === 'endDate')).toHaveLength(1);
    await owner.delete(`/api/v1/enablers/${e.id}`);
  });

  it.each([
    ['a goal target sent as text', 'POST', '/api/v1/goals', { title: 'Numbers', target: 'two' }, 'Target "two" is not a number (body.target)'],
    ['a goal baseline sent as an empty string', 'POST', '/api/v1/goals', { title: 'Numbers', baseline: '' }, 'Baseline "" is not a number (body.baseline)'],
    ['an effort with decimals', 'POST', '/api/v1/initiatives', { title: 'Numbers', effort: 2.5 }, 'Effort 2.5 is not a whole number (body.effort)'],
    ['a negative effort', 'POST', '/api/v1/enablers', { title: 'Numbers', effort: -3 }, 'Effort -3 is below the minimum of 0 (body.effort)'],
    ['a due date that is not a date', 'POST', '/api/v1/goals', { title: 'Numbers', dueDate: '31/12/2027' }, 'Due date "31/12/2027" is not a date (YYYY-MM-DD) (body.dueDate)'],
    ['a status that does not exist', 'POST', '/api/v1/initiatives', { title: 'Numbers', status: 'someday' }, 'Status "someday" is not one of: proposed, planned, in_progress, done, cancelled (body.status)'],
    ['an empty title', 'POST', '/api/v1/goals', { title: '  ' }, 'Title is required (body.title)'],
    ['an unknown field', 'POST', '/api/v1/goals', { title: 'Numbers', colour: 'red' }, 'Unknown field: colour (body)'],
  ] as const)('refuses %s with 400 in plain words naming the field and the value, and writes nothing', async (_name, method, url, json, message) => {
    const before = await state();
    const res = await owner.request({ method, url, json });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation', message });
    expect(await state()).toBe(before);
  });

  it('refuses a number sent as text on a patch too, leaving the goal as it was', async () => {
    const g = (await owner.post('/api/v1/goals', { title: 'Patch numbers', baseline: 1, target: 2 })).json();
    const before = await state();
    const res = await owner.patch(`/api/v1/goals/${g.id}`, { target: 'two' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Target "two" is not a number (body.target)');
    expect(await state()).toBe(before);
    expect((await owner.get('/api/v1/goals')).json().items.find((x: { id: string }) => x.id === g.id).target).toBe(2);
    await owner.delete(`/api/v1/goals/${g.id}`);
  });

  it('refuses links and people of another organisation with 400, the same as unknown ids, and writes nothing', async () => {
    const before = await state();
    const cases = [
      ['/api/v1/initiatives', { title: 'X', goalIds: [foreignGoalId] }],
      ['/api/v1/initiatives', { title: 'X', goalIds: [], ownerId: foreignPersonId }],
      ['/api/v1/initiatives', { title: 'X', goalIds: [], itChampionId: foreignPersonId }],
      ['/api/v1/goals', { title: 'X', ownerId: foreignPersonId }],
      ['/api/v1/swot', { goalId: foreignGoalId, quadrant: 'threat', text: 'x' }],
    ] as const;
    for (const [url, body] of cases) {
      const res = await owner.post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body).not.toContain(foreignGoalId);
      const random = await owner.post(url, JSON.parse(JSON.stringify(body).replaceAll(foreignGoalId, crypto.randomUUID()).replaceAll(foreignPersonId, crypto.randomUUID())));
      expect(sameAnswer(random)).toEqual(sameAnswer(res));
    }
    expect(await state()).toBe(before);
    // The other organisation's goal is not reachable at all.
    expect((await owner.get(`/api/v1/goals/${foreignGoalId}`)).statusCode).toBe(404);
    expect((await owner.delete(`/api/v1/goals/${foreignGoalId}`)).statusCode).toBe(404);
    expect(otherOrgId).not.toBe(acmeId);
  });

  it('shows names, not ids, in the audit log, linking to the item; a deleted item keeps its title without a link', async () => {
    const g = (await owner.post('/api/v1/goals', { title: 'Audited goal 7' })).json();
    const gone = (await owner.post('/api/v1/enablers', { title: 'Audited enabler 3' })).json();
    expect((await owner.delete(`/api/v1/enablers/${gone.id}`)).statusCode).toBeLessThan(300);
    const entries = (await owner.get('/api/v1/audit?limit=20')).json().items as { action: string; target: string; targetName: string; targetLink: string | null }[];
    expect(entries.find((e) => e.action === 'goal.created' && e.target === g.id)).toMatchObject({ targetName: 'Audited goal 7', targetLink: `/roadmap#goal-${g.id}` });
    expect(entries.find((e) => e.action === 'enabler.deleted' && e.target === gone.id)).toMatchObject({ targetName: 'Audited enabler 3', targetLink: null });
    await owner.delete(`/api/v1/goals/${g.id}`);
  });

  it('blocks deleting a goal that initiatives serve with 409 and the list; after re-linking it can go', async () => {
    const g = (await owner.post('/api/v1/goals', { title: 'Served goal' })).json();
    const g2 = (await owner.post('/api/v1/goals', { title: 'New home' })).json();
    const a = (await owner.post('/api/v1/initiatives', { title: 'A', goalIds: [g.id] })).json();
    const b = (await owner.post('/api/v1/initiatives', { title: 'B', goalIds: [g.id, g2.id] })).json();
    const before = await state();
    const res = await owner.delete(`/api/v1/goals/${g.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/served by 2 initiatives/);
    expect(res.json().error.details.initiatives).toEqual([
      { id: a.id, title: 'A' },
      { id: b.id, title: 'B' },
    ]);
    expect(await state()).toBe(before);
    await owner.patch(`/api/v1/initiatives/${a.id}`, { goalIds: [g2.id] });
    await owner.patch(`/api/v1/initiatives/${b.id}`, { goalIds: [g2.id] });
    expect((await owner.delete(`/api/v1/goals/${g.id}`)).statusCode).toBe(200);
    for (const id of [a.id, b.id]) await owner.delete(`/api/v1/initiatives/${id}`);
    await owner.delete(`/api/v1/goals/${g2.id}`);
  });

  it('refuses an enabler dependency cycle with 409 and leaves the dependencies as they were', async () => {
    const a = (await owner.post('/api/v1/enablers', { title: 'Cycle A' })).json();
    const b = (await owner.post('/api/v1/enablers', { title: 'Cycle B', dependsOnIds: [a.id] })).json();
    const c = (await owner.post('/api/v1/enablers', { title: 'Cycle C', dependsOnIds: [b.id] })).json();
    const before = await state();
    const res = await owner.patch(`/api/v1/enablers/${a.id}`, { dependsOnIds: [c.id], title: 'Renamed' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('"Cycle A" → "Cycle C" → "Cycle B" → "Cycle A"');
    expect(res.json().error.details.cycle).toEqual([a.id, c.id, b.id, a.id]);
    const self = await owner.patch(`/api/v1/enablers/${a.id}`, { dependsOnIds: [a.id] });
    expect(self.statusCode).toBe(409);
    expect(await state()).toBe(before);
    expect((await owner.patch(`/api/v1/enablers/${c.id}`, { dependsOnIds: [a.id, b.id] })).statusCode).toBe(200);
    for (const x of [c, b, a]) expect((await owner.delete(`/api/v1/enablers/${x.id}`)).statusCode).toBe(200);
  });

  it('keeps every change of dates, status and owners: a slip is recorded with who, when, from, to and days', async () => {
    const e = (await owner.post('/api/v1/enablers', { title: 'Data platform 2', ownerId: person.it, startDate: '2026-12-01', endDate: '2027-01-31', status: 'planned' })).json();
    t.clock.now = new Date('2026-12-10T10:00:00Z');
    // Twelve days on, the first session has ended (decision 008: 8 idle hours, 7 days at most): sign in again.
    await owner.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    await owner.patch(`/api/v1/enablers/${e.id}`, { endDate: '2027-03-02', status: 'in_progress', ownerId: person.itLead });
    t.clock.now = new Date('2026-11-28T09:00:00Z');
    const h = (await owner.get(`/api/v1/enablers/${e.id}/history`)).json().items as { field: string; from: string | null; to: string | null; slipDays: number | null; actorName: string; at: string }[];
    const slip = h.find((x) => x.field === 'endDate' && x.from !== null)!;
    expect(slip).toMatchObject({ from: '2027-01-31', to: '2027-03-02', slipDays: 30, actorName: 'Olivia Owner', at: '2026-12-10T10:00:00.000Z' });
    expect(h.find((x) => x.field === 'status' && x.from === 'planned')).toMatchObject({ to: 'in_progress' });
    expect(h.find((x) => x.field === 'ownerId' && x.from === person.it)).toMatchObject({ to: person.itLead });
    // Creation values are history too; an untouched field adds nothing.
    expect(h.filter((x) => x.field === 'startDate')).toHaveLength(1);
    await owner.delete(`/api/v1/enablers/${e.id}`);
  });

  it('journey: a late enabler gives a pace finding with its slip; fixing the date removes it and the score rises', async () => {
    const goal = (await owner.post('/api/v1/goals', { title: 'Cut lead time from 9 to 5 days', metric: 'lead time', baseline: 9, target: 5, unit: 'days', dueDate: '2027-09-30', ownerId: person.biz })).json();
    const initiative = (
      await owner.post('/api/v1/initiatives', {
        title: 'Same-day dispatch for 200 SKUs',
        goalIds: [goal.id],
        ownerId: person.biz,
        itChampionId: person.it,
        startDate: '2027-02-01',
        endDate: '2027-05-31',
        status: 'planned',
        effort: 80,
        itInvolvedAt: '2026-11-28',
      })
    ).json();
    const enabler = (await owner.post('/api/v1/enablers', { title: 'Wave picking in the WMS', initiativeIds: [initiative.id], ownerId: person.it, startDate: '2026-12-01', endDate: '2027-03-15', status: 'planned' })).json();

    const late = await owner.get('/api/v1/roadmap/health');
    expect(late.statusCode).toBe(200);
    const lateBody = late.json() as { overall: number; scores: Record<string, number>; findings: Finding[]; counts: Record<string, number> };
    expect(lateBody.counts.high).toBe(lateBody.findings.filter((f) => f.severity === 'high').length);
    expect(Object.keys(lateBody.scores).sort()).toEqual(['aggressive', 'enablers', 'includesIt', 'specific']);
    const pace = lateBody.findings.filter((f) => f.rule === 'enabler_late');
    expect(pace).toEqual([expect.objectContaining({ itemType: 'enabler', itemId: enabler.id, relatedId: initiative.id, slipDays: 42, severity: 'high' })]);
    expect(pace[0]!.message).toContain('42 days after "Same-day dispatch for 200 SKUs" starts');

    const fixed = await owner.patch(`/api/v1/enablers/${enabler.id}`, { endDate: '2027-01-20' });
    expect(fixed.statusCode).toBe(200);
    const after = (await owner.get('/api/v1/roadmap/health')).json() as typeof lateBody;
    expect(after.findings.filter((f) => f.rule === 'enabler_late')).toEqual([]);
    expect(after.scores.enablers).toBeGreaterThan(lateBody.scores.enablers!);
    expect(after.overall).toBeGreaterThan(lateBody.overall);
    expect(after.findings).toEqual([]);
    expect(after.overall).toBe(100);

    // Reading the health writes nothing; the daily job writes one snapshot per day (decision 104).
    expect((await owner.get('/api/v1/roadmap/health/history')).json().snapshots).toEqual([]);
    await t.app.jobs.tick(t.clock.now);
    const hist = (await owner.get('/api/v1/roadmap/health/history')).json();
    expect(hist.snapshots).toEqual([{ day: '2026-11-28', overall: 100, scores: after.scores, findings: 0 }]);

    // The delivery ladder: filled rungs appear on the initiative; an empty rung is a finding.
    const put = await owner.request({
      method: 'PUT',
      url: `/api/v1/initiatives/${initiative.id}/ladder`,
      json: {
        rungs: [
          { rung: 'next_year', deliverable: 'Same-day for 200 SKUs', date: '2027-11-01' },
          { rung: 'now', deliverable: 'Daily list of the top SKUs', date: '2026-11-30', done: true },
          { rung: 'next_week', deliverable: 'Dedicated pick zone', date: '2026-12-07' },
          { rung: 'next_month', deliverable: '', date: null },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().rungs.map((r: { rung: string }) => r.rung)).toEqual(['now', 'next_week', 'next_month', 'next_year']);
    const withLadder = (await owner.get(`/api/v1/initiatives/${initiative.id}`)).json();
    expect(withLadder.ladder[0]).toEqual({ rung: 'now', deliverable: 'Daily list of the top SKUs', date: '2026-11-30', done: true });
    expect(withLadder.progress).toBeCloseTo(1 / 5);
    const ladderFinding = (await owner.get('/api/v1/roadmap/health')).json().findings as Finding[];
    expect(ladderFinding).toEqual([expect.objectContaining({ rule: 'ladder_incomplete', itemId: initiative.id })]);
    const dup = await owner.request({ method: 'PUT', url: `/api/v1/initiatives/${initiative.id}/ladder`, json: { rungs: [{ rung: 'now', deliverable: 'a', date: '2026-12-01' }, { rung: 'now', deliverable: 'b', date: '2026-12-01' }] } });
    expect(dup.statusCode).toBe(400);
    const ladderHistory = (await owner.get(`/api/v1/initiatives/${initiative.id}/history`)).json().items as { field: string }[];
    expect(ladderHistory.map((h) => h.field)).toContain('ladder.next_year.date');

    // SWOT: a threat that cites the enabler; deleting the enabler keeps the text and drops the link.
    const threat = await owner.post('/api/v1/swot', { initiativeId: initiative.id, quadrant: 'threat', text: 'We cannot pick in waves yet', enablerId: enabler.id });
    expect(threat.statusCode).toBe(201);
    expect((await owner.post('/api/v1/swot', { quadrant: 'threat', text: 'about nothing' })).statusCode).toBe(400);
    expect((await owner.post('/api/v1/swot', { goalId: goal.id, initiativeId: initiative.id, quadrant: 'threat', text: 'both' })).statusCode).toBe(400);
    expect((await owner.get(`/api/v1/swot?initiativeId=${initiative.id}`)).json().items).toHaveLength(1);
    await owner.delete(`/api/v1/enablers/${enabler.id}`);
    expect((await owner.get('/api/v1/swot')).json().items[0]).toMatchObject({ text: 'We cannot pick in waves yet', enablerId: null });
    await owner.delete(`/api/v1/swot/${threat.json().id}`);
    await owner.delete(`/api/v1/initiatives/${initiative.id}`);
    await owner.delete(`/api/v1/goals/${goal.id}`);
  });

  it('flags vague items and missing IT, with a configurable grace period for IT involvement', async () => {
    t.clock.now = new Date('2026-10-01T09:00:00Z');
    const i = (await owner.post('/api/v1/initiatives', { title: 'Improve the customer experience', goalIds: [], ownerId: person.biz, startDate: '2027-01-01', endDate: '2027-06-30' })).json();
    t.clock.now = new Date('2026-11-28T09:00:00Z');
    const rules = (await owner.get('/api/v1/roadmap/health')).json().findings.filter((f: Finding) => f.itemId === i.id).map((f: Finding) => f.rule).sort();
    expect(rules).toEqual(['effort_unlinked', 'initiative_without_enabler', 'it_not_involved', 'no_it_champion', 'vague_wording']);
    await owner.patch(`/api/v1/initiatives/${i.id}`, { itInvolvedAt: '2026-11-01', itChampionId: person.it });
    const late = (await owner.get('/api/v1/roadmap/health')).json().findings.find((f: Finding) => f.rule === 'it_involved_late');
    expect(late).toMatchObject({ itemId: i.id, slipDays: 31 });
    expect((await owner.request({ method: 'PUT', url: '/api/v1/roadmap/settings', json: { itGraceDays: 45 } })).statusCode).toBe(200);
    const h = (await owner.get('/api/v1/roadmap/health')).json();
    expect(h.itGraceDays).toBe(45);
    expect(h.findings.find((f: Finding) => f.rule === 'it_involved_late')).toBeUndefined();
    await owner.request({ method: 'PUT', url: '/api/v1/roadmap/settings', json: { itGraceDays: 14 } });
    await owner.delete(`/api/v1/initiatives/${i.id}`);
  });

  it('imports goals, initiatives and enablers from CSV with row-level errors, and exports them with formulas escaped', async () => {
    const goals = await owner.request({
      method: 'POST',
      url: '/api/v1/goals/import',
      headers: { 'content-type': 'text/csv' },
      payload: csvOf([
        ['title', 'metric', 'baseline', 'target', 'unit', 'due_date', 'owner_email'],
        ['Grow exports to 5 M', 'exports', '2', '5', 'M EUR', '2027-12-31', 'biz@acme.test'],
        ['=HYPERLINK("x")', '', '', '', '', '', ''],
        ['Bad baseline', 'x', 'lots', '5', '', '', ''],
        ['Bad owner', '', '', '', '', '', 'nobody@acme.test'],
        ['Bad date', '', '', '', '', '2027-02-30', ''],
      ]),
    });
    expect(goals.statusCode).toBe(200);
    expect(goals.json().added).toBe(2);
    expect(goals.json().errors.map((e: { line: number }) => e.line)).toEqual([4, 5, 6]);
    expect(goals.json().errors[1].message).toContain('no person with email nobody@acme.test');

    const inits = await owner.request({
      method: 'POST',
      url: '/api/v1/initiatives/import',
      headers: { 'content-type': 'text/csv' },
      payload: csvOf([
        ['title', 'description', 'goals', 'owner_email', 'business_champion_email', 'it_champion_email', 'start_date', 'end_date', 'status', 'effort', 'ansoff', 'it_involved_at'],
        ['Export desk in 2 countries', 'desk', 'Grow exports to 5 M', 'biz@acme.test', '', 'it@acme.test', '2027-01-01', '2027-06-30', 'planned', '40', 'market_development', '2026-11-28'],
        ['Backwards', '', '', '', '', '', '2027-06-01', '2027-01-01', '', '', '', ''],
        ['Unknown goal', '', 'No such goal', '', '', '', '', '', '', '', '', ''],
        ['Bad status', '', '', '', '', '', '', '', 'someday', '', '', ''],
      ]),
    });
    expect(inits.json()).toMatchObject({ added: 1 });
    expect(inits.json().errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);

    const ens = await owner.request({
      method: 'POST',
      url: '/api/v1/enablers/import',
      headers: { 'content-type': 'text/csv' },
      payload: csvOf([
        ['title', 'initiatives', 'owner_email', 'start_date', 'end_date', 'status', 'effort'],
        ['Customs API', 'Export desk in 2 countries', 'it@acme.test', '2026-12-01', '2026-12-20', 'planned', '15'],
      ]),
    });
    expect(ens.json()).toEqual({ added: 1, errors: [] });
    const imported = (await owner.get('/api/v1/initiatives')).json().items.find((x: { title: string }) => x.title === 'Export desk in 2 countries');
    expect(imported.goalIds).toHaveLength(1);
    expect(imported.enablerIds).toHaveLength(1);

    const header = await owner.request({ method: 'POST', url: '/api/v1/goals/import', headers: { 'content-type': 'text/csv' }, payload: 'name,email\nx,y\n' });
    expect(header.statusCode).toBe(400);

    const csv = await owner.get('/api/v1/goals.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('title,metric,baseline,target,unit,due_date,owner_email');
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.body).toContain('Grow exports to 5 M,exports,2,5,M EUR,2027-12-31,biz@acme.test');
    const icsv = (await owner.get('/api/v1/initiatives.csv')).body;
    expect(icsv).toContain('Export desk in 2 countries,desk,Grow exports to 5 M,biz@acme.test,,it@acme.test,2027-01-01,2027-06-30,planned,40,market_development,2026-11-28');
    expect((await owner.get('/api/v1/enablers.csv')).body).toContain('Customs API,Export desk in 2 countries,it@acme.test,2026-12-01,2026-12-20,planned,15');
  });

  it('checks roles: a member reads the roadmap and its health but cannot change it', async () => {
    const { client: member } = await invite(t.app, owner, 'member@acme.test', 'member');
    expect((await member.get('/api/v1/goals')).statusCode).toBe(200);
    expect((await member.get('/api/v1/roadmap/health')).statusCode).toBe(200);
    expect((await member.post('/api/v1/goals', { title: 'Nope' })).statusCode).toBe(403);
    expect((await member.get('/api/v1/goals.csv')).statusCode).toBe(403);
    const { client: leader } = await invite(t.app, owner, 'leader@acme.test', 'leader');
    expect((await leader.post('/api/v1/goals', { title: 'Leader goal' })).statusCode).toBe(201);
  });
});

describe.each(engines())('strategy demo on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('gives Northwind about 6 goals, 25 initiatives and 30 enablers, and a health check that tells a story', async () => {
    expect(await seedDemo(t.app.ctx)).toEqual(DEMO_LOGIN);
    const c = new Client(t.app);
    await c.post('/api/v1/auth/login', DEMO_LOGIN);
    const goals = (await c.get('/api/v1/goals')).json().items;
    const initiatives = (await c.get('/api/v1/initiatives')).json().items as { id: string; title: string; ladder: unknown[] }[];
    const enablers = (await c.get('/api/v1/enablers')).json().items;
    expect(goals).toHaveLength(6);
    // 25 from the strategy demo, and the two the demo hackweek's winners became (events demo).
    expect(initiatives).toHaveLength(27);
    expect(enablers).toHaveLength(30);
    expect(initiatives.filter((i) => i.ladder.length === 4).length).toBeGreaterThanOrEqual(10);
    expect((await c.get('/api/v1/swot')).json().items.length).toBeGreaterThanOrEqual(8);

    const h = (await c.get('/api/v1/roadmap/health')).json() as { overall: number; scores: Record<string, number>; findings: Finding[] };
    const title = (id: string) => initiatives.find((i) => i.id === id)?.title;
    const late = h.findings.filter((f) => f.rule === 'enabler_late');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ slipDays: 45, severity: 'high' });
    expect(title(late[0]!.relatedId!)).toBe('Configurable product line online');
    expect(h.findings.filter((f) => f.rule === 'vague_wording').map((f) => title(f.itemId)).sort()).toEqual(['Improve the customer experience', 'Modernise the supply chain']);
    // The two initiatives the demo hackweek's winners became (events demo) have no IT champion yet either.
    expect(h.findings.filter((f) => f.rule === 'no_it_champion').map((f) => title(f.itemId)).sort()).toEqual(['Configure-to-order quotes', 'Order status portal', 'Trade-show lead follow-up in 48 hours']);
    expect(h.overall).toBeGreaterThan(60);
    expect(h.overall).toBeLessThan(100);
    const history = (await c.get(`/api/v1/enablers/${late[0]!.itemId}/history`)).json().items as { field: string; slipDays: number | null }[];
    expect(history.filter((e) => e.field === 'endDate' && e.slipDays !== null).map((e) => e.slipDays)).toEqual([20, 30]);
  });
});
