import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';

/**
 * The lists of org, strategy and cases on the paged contract (decisions 103 and 114): following the
 * cursors two at a time gives exactly the one-page answer, with nothing repeated or skipped, and a
 * cursor that this endpoint did not give is a 400.
 */
type Page = { items: Record<string, unknown>[]; nextCursor: string | null };

async function followCursors(c: Client, url: string, limit: number): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const sep = url.includes('?') ? '&' : '?';
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await c.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    const body = res.json() as Page;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

const keyOf = (x: Record<string, unknown>) => String(x.id ?? x.userId ?? x.version);

const business = {
  kind: 'business',
  title: 'Portal',
  discountRate: 0.08,
  years: 3,
  seed: 1,
  iterations: 500,
  lines: [
    { label: 'Build', type: 'cost', year: 0, low: 80000, likely: 100000, high: 150000 },
    { label: 'Calls avoided', type: 'benefit', year: 1, low: 20000, likely: 45000, high: 60000 },
  ],
};

describe.each(engines())('paged lists of org, strategy and cases on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  const lists: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
    owner = (await setUp(t.app)).client;
    const goalIds: string[] = [];
    // Titles that collide ('Same') so the id breaks ties inside one title.
    for (const title of ['Zeta', 'Same', 'Alpha', 'Same', 'Mid']) {
      const g = await owner.post('/api/v1/goals', { title });
      expect(g.statusCode).toBe(201);
      goalIds.push(g.json().id);
    }
    for (const title of ['I3', 'I1', 'I2', 'I1', 'I5']) expect((await owner.post('/api/v1/initiatives', { title, goalIds: [goalIds[0]] })).statusCode).toBe(201);
    for (const title of ['E2', 'E1', 'E3']) expect((await owner.post('/api/v1/enablers', { title })).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) expect((await owner.post('/api/v1/swot', { goalId: goalIds[i % 2], quadrant: 'strength', text: `S${i}`, enablerId: null })).statusCode).toBe(201);
    for (let d = 1; d <= 5; d++) expect((await owner.patch(`/api/v1/goals/${goalIds[0]}`, { dueDate: `2027-0${d}-01` })).statusCode).toBe(200);
    for (const name of ['Cleo', 'Abe', 'Bea']) await invite(t.app, owner, `${name.toLowerCase()}@acme.test`, 'member', name);
    for (let i = 0; i < 3; i++) expect((await owner.post('/api/v1/invitations', { email: `open${i}@acme.test`, role: 'member' })).statusCode).toBe(201);
    const caseIds: string[] = [];
    for (let i = 0; i < 5; i++) caseIds.push((await owner.post('/api/v1/cases', { ...business, title: `Case ${i}`, seed: i + 1 })).json().id);
    for (let v = 0; v < 4; v++) expect((await owner.patch(`/api/v1/cases/${caseIds[0]}`, { note: `v${v + 2}` })).statusCode).toBe(200);
    lists.push(
      '/api/v1/members',
      '/api/v1/invitations',
      '/api/v1/goals',
      '/api/v1/initiatives',
      '/api/v1/enablers',
      '/api/v1/swot',
      `/api/v1/swot?goalId=${goalIds[0]}`,
      `/api/v1/goals/${goalIds[0]}/history`,
      '/api/v1/cases',
      '/api/v1/cases?sort=title',
      '/api/v1/cases?sort=npv',
      `/api/v1/cases/${caseIds[0]}/versions`,
    );
  }, 120_000);
  afterAll(() => t.close());

  it('walks every list two at a time to the same items as one page of 500, nothing repeated or skipped', async () => {
    for (const url of lists) {
      const whole = (await owner.get(`${url}${url.includes('?') ? '&' : '?'}limit=500`)).json() as Page;
      expect(whole.nextCursor, url).toBeNull();
      expect(whole.items.length, url).toBeGreaterThanOrEqual(3);
      const walked = await followCursors(owner, url, 2);
      expect(walked.items.map(keyOf), url).toEqual(whole.items.map(keyOf));
      expect(new Set(walked.items.map(keyOf)).size, url).toBe(whole.items.length);
      expect(walked.pages, url).toBe(Math.ceil(whole.items.length / 2));
    }
  });

  it('keeps each list in its documented order', async () => {
    const titles = (await owner.get('/api/v1/goals?limit=500')).json().items.map((g: { title: string }) => g.title);
    expect(titles).toEqual(['Alpha', 'Mid', 'Same', 'Same', 'Zeta']);
    const members = (await owner.get('/api/v1/members?limit=500')).json().items.map((m: { name: string }) => m.name);
    expect(members).toEqual([...members].sort());
    const versions = (await owner.get(`${lists[11]}?limit=500`)).json().items.map((v: { version: number }) => v.version);
    expect(versions).toEqual([5, 4, 3, 2, 1]);
    const history = (await owner.get(`${lists[7]}?limit=500`)).json().items as { to: string; at: string }[];
    expect(history.map((h) => h.to).sort()).toEqual(['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01']);
    expect(history.map((h) => h.at)).toEqual(history.map((h) => h.at).sort().reverse());
    const cases = (await owner.get('/api/v1/cases?limit=2')).json();
    expect(cases.total).toBe(5);
  });

  it('goes on after the item a cursor names was deleted meanwhile', async () => {
    const first = (await owner.get('/api/v1/enablers?limit=1')).json() as Page;
    expect(first.items[0]!.title).toBe('E1');
    expect((await owner.delete(`/api/v1/enablers/${String(first.items[0]!.id)}`)).statusCode).toBe(200);
    const next = (await owner.get(`/api/v1/enablers?limit=5&cursor=${first.nextCursor}`)).json() as Page;
    expect(next.items.map((e) => e.title)).toEqual(['E2', 'E3']);
  });

  it('answers a foreign or malformed cursor and a bad limit with 400', async () => {
    const otherShape = (await owner.get('/api/v1/cases?limit=1')).json().nextCursor as string; // a number, not (text, id)
    const textCursor = (await owner.get('/api/v1/goals?limit=1')).json().nextCursor as string;
    for (const url of lists) {
      const sep = url.includes('?') ? '&' : '?';
      for (const bad of ['limit=0', 'limit=501', 'cursor=bad!', 'cursor=WyJ4IiwieSJd', url.includes('/cases') ? `cursor=${textCursor}` : `cursor=${otherShape}`]) {
        const res = await owner.get(`${url}${sep}${bad}`);
        expect(res.statusCode, `${url} ${bad}`).toBe(400);
        expect(res.json().error.code).toBe('validation');
      }
    }
  });
});
