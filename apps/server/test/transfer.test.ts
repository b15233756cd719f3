import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN, seedDemo } from '../src/demo/seed';
import { Client, createTestApp, engines, setUp, type TestApp } from './harness';

/**
 * Organisation export and import (decision 111): the demo organisation moves from PGlite to
 * PostgreSQL (PGlite to PGlite without TEST_DATABASE_URL) and every module answers the same.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * An answer with every id blanked and every array sorted, so two instances' answers compare (new
 * ids change the order of anything sorted by id; names, numbers and dates must all be equal).
 */
function normalise(body: unknown): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(UUID, '<id>');
    if (Array.isArray(v)) return v.map(walk).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    // A page cursor is opaque and carries the last row's id (new ids on import): only whether there is one compares.
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, k === 'nextCursor' ? (v as Record<string, unknown>)[k] !== null : walk((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(walk(body));
}

const LISTS = [
  '/api/v1/people?limit=500', '/api/v1/goals?limit=500', '/api/v1/initiatives?limit=500', '/api/v1/enablers?limit=500', '/api/v1/swot?limit=500', '/api/v1/roadmap', '/api/v1/roadmap/settings',
  '/api/v1/roadmap/health/history', '/api/v1/pulses', '/api/v1/cases?limit=500', '/api/v1/cases/register', '/api/v1/priorities/rounds',
  '/api/v1/priorities/portfolio/settings', '/api/v1/requests?limit=500', '/api/v1/requests/analytics', '/api/v1/deferred-needs',
  '/api/v1/forecast/calibration',
];

describe('moving an organisation between instances', () => {
  const target = engines().includes('postgres') ? 'postgres' : 'pglite';
  let from: TestApp;
  let to: TestApp;
  let a: Client;
  let b: Client;
  beforeAll(async () => {
    from = await createTestApp('pglite');
    to = await createTestApp(target);
    await seedDemo(from.app.ctx);
    a = new Client(from.app);
    expect((await a.post('/api/v1/auth/login', DEMO_LOGIN)).statusCode).toBe(200);
    // The same person sets up the new instance: accounts do not move, references become the importer.
    b = (await setUp(to.app, { name: 'Northwind Manufacturing', currency: 'USD' }, { name: 'Dana Demo', email: DEMO_LOGIN.email, password: 'quiet harbour lantern 7' })).client;
  }, 300_000);
  afterAll(async () => {
    await from?.close();
    await to?.close();
  });

  it(`exports the demo from PGlite, imports it on ${target} in one go, and every module answers the same`, async () => {
    // The organisation's own category names (decision 147) move with it; the demo keeps the defaults, so set some.
    const labels = { run: 'Keep the lights on', grow: 'Grow the business', transform: 'Change the business' };
    const { capacity, targetMix } = (await a.get('/api/v1/priorities/portfolio/settings')).json().settings;
    expect((await a.request({ method: 'PUT', url: '/api/v1/priorities/portfolio', json: { capacity, targetMix, categoryLabels: labels } })).statusCode).toBe(200);
    const exp = await a.get('/api/v1/export');
    expect(exp.statusCode).toBe(200);
    const doc = exp.json();
    const text = exp.body;
    // Nothing secret or person-linking leaves: no hashes, tokens, sessions, memberships or pulse links.
    // (A coffee pair's "did you meet" link secret moves as a fresh random value: met_token_hash is new.)
    expect(text).not.toMatch(/password_hash|"token_hash"|csrf|argon2|secret_enc|unsubscribe_hash/);
    expect(Object.keys(doc.tables)).not.toEqual(expect.arrayContaining(['pulse_invitations']));
    expect(doc.tables.pulse_responses.every((r: Record<string, unknown>) => !('person_id' in r))).toBe(true);

    const imp = await b.post('/api/v1/import', doc);
    expect(imp.statusCode, imp.body).toBe(201);
    expect(imp.json().imported.people).toBe(doc.tables.people.length);

    for (const url of LISTS) {
      const x = await a.get(url);
      const y = await b.get(url);
      expect(y.statusCode, url).toBe(x.statusCode);
      if (url.startsWith('/api/v1/people')) {
        // A person's link to an account does not move (accounts stay on their instance).
        const names = (r: typeof x) => (r.json().items as { name: string; email: string | null }[]).map((p) => `${p.name} ${p.email}`).sort();
        expect(names(y)).toEqual(names(x));
        continue;
      }
      if (url === '/api/v1/pulses') {
        // Pulse links (who was invited, who used theirs) stay behind: the invited count starts again.
        const strip = (r: typeof x) => (r.json().items as Record<string, unknown>[]).map(({ invited: _, ...p }) => p);
        expect(normalise(strip(y)), url).toBe(normalise(strip(x)));
        continue;
      }
      expect(normalise(y.json()), url).toBe(normalise(x.json()));
    }
    // Details of each item module answer the same too.
    const pairs: [string, string][] = [];
    const rounds = (await a.get('/api/v1/priorities/rounds')).json();
    const rounds2 = (await b.get('/api/v1/priorities/rounds')).json();
    const list = (v: unknown) => (Array.isArray(v) ? v : (Object.values(v as object).find(Array.isArray) as unknown[]));
    // Items are paired by their title: new ids change the order of anything sorted by id.
    const twin = (xs: unknown, ys: unknown, key: string) => {
      const by = new Map((list(ys) as Record<string, string>[]).map((y) => [y[key], y.id]));
      return (list(xs) as Record<string, string>[]).map((x) => [x.id!, by.get(x[key]!)!] as const);
    };
    for (const [x, y] of twin(rounds, rounds2, 'name')) pairs.push([`/api/v1/priorities/rounds/${x}/results`, `/api/v1/priorities/rounds/${y}/results`]);
    for (const [x, y] of twin((await a.get('/api/v1/cases?limit=500')).json(), (await b.get('/api/v1/cases?limit=500')).json(), 'title')) pairs.push([`/api/v1/cases/${x}/versions`, `/api/v1/cases/${y}/versions`]);
    for (const [u1, u2] of pairs) {
      const x = await a.get(u1);
      const y = await b.get(u2);
      expect(y.statusCode, u1).toBe(x.statusCode);
      expect(normalise(y.json()), u1).toBe(normalise(x.json()));
    }
    // Pulse results: the overall answers are the same; only segments smaller than the minimum are pooled.
    for (const [p, q] of twin((await a.get('/api/v1/pulses')).json(), (await b.get('/api/v1/pulses')).json(), 'title')) {
      const x = await a.get(`/api/v1/pulses/${p}/results`);
      const y = await b.get(`/api/v1/pulses/${q}/results`);
      expect(y.statusCode).toBe(x.statusCode);
      if (x.statusCode === 200) expect(y.json().respondents ?? null).toBe(x.json().respondents ?? null);
    }

    expect((await b.get('/api/v1/priorities/portfolio/settings')).json().settings.categoryLabels).toEqual(labels);

    // A second import into the now full organisation is refused, and writes nothing.
    const again = await b.post('/api/v1/import', doc);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('refuses a document pointing at rows it does not carry, with nothing written', async () => {
    const c = (await setUp(to.app, { name: 'Other', currency: 'EUR' }, { name: 'O', email: 'o@other.test', password: 'quiet harbour lantern 7' }).catch(() => null))?.client;
    // setup is once per instance: make a second organisation instead.
    const owner = c ?? b;
    const created = await owner.post('/api/v1/orgs', { name: 'Empty Co', currency: 'EUR' });
    expect(created.statusCode).toBe(201);
    const doc = (await a.get('/api/v1/export')).json();
    doc.tables.goals[0].owner_id = '00000000-0000-4000-8000-000000000000';
    const bad = await owner.post('/api/v1/import', doc);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation');
    expect((await owner.get('/api/v1/goals')).json()).toEqual((await owner.get('/api/v1/goals')).json());
    const goals = (await owner.get('/api/v1/goals')).json();
    expect(JSON.stringify(goals)).not.toMatch(/Northwind|revenue/i);
  });
});
