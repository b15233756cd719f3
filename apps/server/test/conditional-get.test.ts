import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, setUp, type TestApp } from './harness';

/** ETag / If-None-Match on the reads that rarely change (decision 116). */
describe.each(engines())('conditional GETs on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    owner = (await setUp(t.app)).client;
    expect((await owner.post('/api/v1/goals', { title: 'Grow' })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const tagged = ['/api/v1/roadmap', '/api/v1/roadmap/settings', '/api/v1/goals', '/api/v1/initiatives', '/api/v1/enablers', '/api/v1/people', '/api/v1/members', '/api/v1/roadmap/health/history', '/api/v1/cases/register'];

  it('tags each of these reads and answers a matching If-None-Match with 304 and no body', async () => {
    for (const url of tagged) {
      const first = await owner.get(url);
      expect(first.statusCode, url).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      const again = await owner.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      expect(again.headers.etag).toBe(etag);
      // A list of tags, the weak form and '*' match too; another tag does not.
      expect((await owner.request({ method: 'GET', url, headers: { 'if-none-match': `"other", W/${etag}` } })).statusCode).toBe(304);
      expect((await owner.request({ method: 'GET', url, headers: { 'if-none-match': '*' } })).statusCode).toBe(304);
      const other = await owner.request({ method: 'GET', url, headers: { 'if-none-match': '"stale"' } });
      expect(other.statusCode, url).toBe(200);
      expect(other.body).toBe(first.body);
    }
  });

  it('gives a new tag once the data changed, so a stale copy is never confirmed', async () => {
    const before = await owner.get('/api/v1/goals');
    expect((await owner.post('/api/v1/goals', { title: 'Shrink costs' })).statusCode).toBe(201);
    const after = await owner.request({ method: 'GET', url: '/api/v1/goals', headers: { 'if-none-match': before.headers.etag as string } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json().items.map((g: { title: string }) => g.title)).toEqual(['Grow', 'Shrink costs']);
  });

  it('never tags errors, writes or reads of another organisation alike', async () => {
    const bad = await owner.request({ method: 'GET', url: '/api/v1/goals?limit=0', headers: { 'if-none-match': '*' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers.etag).toBeUndefined();
    const write = await owner.request({ method: 'POST', url: '/api/v1/goals', json: { title: 'x' }, headers: { 'if-none-match': '*' } });
    expect(write.statusCode).toBe(201);
    expect(write.headers.etag).toBeUndefined();
    const anon = await new Client(t.app).request({ method: 'GET', url: '/api/v1/goals', headers: { 'if-none-match': '*' } });
    expect(anon.statusCode).toBe(401);
    // Answers to the API stay out of shared and browser caches.
    expect((await owner.get('/api/v1/goals')).headers['cache-control']).toBe('no-store');
  });
});
