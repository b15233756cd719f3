import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';

/**
 * The organisation's own names for the three portfolio categories (decision 147), on both
 * engines: the wire keys stay run / grow / transform; categoryLabels only names them.
 */
describe.each(engines())('priorities category labels on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let roundId: string;
  const put = (c: Client, json: unknown) => c.request({ method: 'PUT', url: '/api/v1/priorities/portfolio', json });
  const settings = async () => (await owner.get('/api/v1/priorities/portfolio/settings')).json().settings;
  const base = { capacity: 10, targetMix: { run: 60, grow: 25, transform: 15 } };

  beforeAll(async () => {
    t = await createTestApp(engine);
    owner = (await setUp(t.app)).client;
    const people: Record<string, string> = {};
    for (const [key, side] of [
      ['biz', 'business'],
      ['it', 'it'],
    ] as const) {
      const res = await owner.post('/api/v1/people', { name: `Person ${key}`, email: `${key}@acme.test`, department: 'Ops', side, level: 'employee' });
      expect(res.statusCode, res.body).toBe(201);
      people[key] = res.json().id;
    }
    member = (await invite(t.app, owner, 'biz@acme.test', 'member', 'Person biz')).client;
    const a = (await owner.post('/api/v1/initiatives', { title: 'Keep ERP alive', effort: 4 })).json().id;
    const b = (await owner.post('/api/v1/initiatives', { title: 'New market', effort: 4 })).json().id;
    const created = await owner.post('/api/v1/priorities/rounds', {
      name: 'Labelled',
      model: 'wsjf',
      items: [
        { type: 'initiative', id: a, category: 'run' },
        { type: 'initiative', id: b, category: 'grow' },
      ],
    });
    roundId = created.json().id;
    expect((await owner.post(`/api/v1/priorities/rounds/${roundId}/open`)).statusCode).toBe(200);
    for (const id of [a, b]) {
      for (const [p, scores] of [
        [people.biz, { businessValue: 5, timeCriticality: 3, riskReduction: 2 }],
        [people.it, { businessValue: 3, timeCriticality: 2, riskReduction: 1, jobSize: 3 }],
      ] as const) {
        expect((await owner.request({ method: 'PUT', url: `/api/v1/priorities/rounds/${roundId}/scores`, json: { personId: p, itemId: id, scores } })).statusCode).toBe(200);
      }
    }
    expect((await owner.post(`/api/v1/priorities/rounds/${roundId}/close`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('answers the default names until the organisation sets its own', async () => {
    const res = await put(owner, base);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().categoryLabels).toEqual({ run: 'Run', grow: 'Grow', transform: 'Transform' });
    expect((await owner.get(`/api/v1/priorities/portfolio?round=${roundId}`)).json().categoryLabels).toEqual({ run: 'Run', grow: 'Grow', transform: 'Transform' });
  });

  it('stores the organisation\'s names, trimmed, and answers them in the settings and the portfolio; the keys stay', async () => {
    const res = await put(owner, { ...base, categoryLabels: { run: '  Keep the lights on ', grow: 'Grow the business', transform: 'Change the business' } });
    expect(res.statusCode, res.body).toBe(200);
    const labels = { run: 'Keep the lights on', grow: 'Grow the business', transform: 'Change the business' };
    expect(res.json().categoryLabels).toEqual(labels);
    expect(await settings()).toMatchObject({ categoryLabels: labels, targetMix: base.targetMix });
    const portfolio = (await member.get(`/api/v1/priorities/portfolio?round=${roundId}`)).json();
    expect(portfolio.categoryLabels).toEqual(labels);
    expect(Object.keys(portfolio.mix.target).sort()).toEqual(['grow', 'run', 'transform']);
    expect(portfolio.ranking.map((r: { category: string }) => r.category).sort()).toEqual(['grow', 'run']);
  });

  it('keeps the names when a PUT leaves them out, and goes back to the defaults on null', async () => {
    expect((await put(owner, { ...base, capacity: 12 })).json().categoryLabels.run).toBe('Keep the lights on');
    expect((await settings()).capacity).toBe(12);
    const reset = await put(owner, { ...base, categoryLabels: null });
    expect(reset.json().categoryLabels).toEqual({ run: 'Run', grow: 'Grow', transform: 'Transform' });
    expect((await put(owner, { ...base, categoryLabels: { run: 'Run', grow: 'Build', transform: 'Bet' } })).statusCode).toBe(200);
  });

  it.each([
    ['an empty name', { run: '', grow: 'Build', transform: 'Bet' }, /categoryLabels.run/],
    ['a name of spaces', { run: '   ', grow: 'Build', transform: 'Bet' }, /categoryLabels.run/],
    ['a name over 40 characters', { run: 'x'.repeat(41), grow: 'Build', transform: 'Bet' }, /40/],
    ['a missing key', { run: 'Run', grow: 'Build' }, /transform/],
    ['a fourth category', { run: 'Run', grow: 'Build', transform: 'Bet', sustain: 'Sustain' }, /sustain|unrecognized|Unrecognized/i],
    ['a number', { run: 1, grow: 'Build', transform: 'Bet' }, /run/],
    ['a list', ['Run', 'Grow', 'Transform'], /categoryLabels/],
  ])('400 for %s, with nothing written', async (_name, categoryLabels, message) => {
    const before = await settings();
    const res = await put(owner, { ...base, capacity: 99, categoryLabels });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(JSON.stringify(res.json().error)).toMatch(message);
    expect(await settings()).toEqual(before);
  });

  it('takes 40 characters exactly, and refuses a member (403)', async () => {
    const forty = 'y'.repeat(40);
    expect((await put(owner, { ...base, categoryLabels: { run: forty, grow: 'Build', transform: 'Bet' } })).json().categoryLabels.run).toBe(forty);
    expect((await put(member, { ...base, categoryLabels: { run: 'Mine', grow: 'Build', transform: 'Bet' } })).statusCode).toBe(403);
    expect((await settings()).categoryLabels.run).toBe(forty);
  });
});
