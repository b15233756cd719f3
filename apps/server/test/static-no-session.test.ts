import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setUp, type Client, type TestApp } from './harness';

/** The web app's files are served without touching the session (issue #15, request path). */
describe('static files and the session', () => {
  const web = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tandem</title>');
    writeFileSync(join(web, 'app.js'), 'console.log(1)');
    t = await createTestApp('pglite', { webDir: web });
    owner = (await setUp(t.app)).client;
  });
  afterAll(async () => {
    await t.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves assets and the app shell to a signed-in browser even with the database gone, while the API needs it', async () => {
    expect((await owner.get('/api/v1/me')).statusCode).toBe(200);
    // With no database, any session lookup would fail: the files still come, so none happened.
    await t.database.close();
    for (const url of ['/app.js', '/', '/strategy/roadmap']) {
      const res = await owner.get(url);
      expect(res.statusCode, url).toBe(200);
    }
    expect((await owner.get('/api/v1/me')).statusCode).toBeGreaterThanOrEqual(500);
  });
});
