import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'assets', 'PulsePage-Ab12Cd34.js'), 'export const x = 1;');
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
    for (const url of ['/app.js', '/', '/strategy/roadmap', '/assets/PulsePage-Ab12Cd34.js']) {
      const res = await owner.get(url);
      expect(res.statusCode, url).toBe(200);
    }
    expect((await owner.get('/api/v1/me')).statusCode).toBeGreaterThanOrEqual(500);
  });

  it('lets browsers keep the hashed files under assets/ for a year, and checks the app shell every time', async () => {
    const chunk = await owner.get('/assets/PulsePage-Ab12Cd34.js');
    expect(chunk.statusCode).toBe(200);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['content-security-policy']).toContain("script-src 'self'");
    // The shell names the current chunks: a kept copy would keep a tab on an old release.
    for (const url of ['/', '/index.html', '/pulses/some-deep-link', '/app.js']) {
      const res = await owner.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
