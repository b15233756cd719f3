/**
 * The one-screen in the browser (issue #14: "/insights interactive in under 1 s in headless
 * Chromium"). Northwind's demo on PostgreSQL, served with the built web app; a signed-in leader
 * opens /insights in a fresh tab and the clock stops when the tiles, the movements and the digest
 * form are on screen (every tile's data has arrived and React has painted it: the page is usable).
 * Baseline in the same run: the same tab's time to the Insights heading (the app shell and the
 * route, before the tiles' data): the fixed cost of loading the app. Medians over RUNS tabs (the first, cold one is reported apart). Prints ONE JSON.
 *
 * Needs the built web app (npm run build), Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; a throwaway
 * database is created and dropped). Run: npx tsx bench/insights/insights-page.bench.ts
 * (BENCH_WEB_DIR replaces apps/web/dist as the web app under test, e.g. a build of main kept aside).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type BrowserContext } from 'playwright-core';
import { openDatabase } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { DEMO_LOGIN, seedDemo } from '../../apps/server/src/demo/seed';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WEB_DIR = process.env.BENCH_WEB_DIR ?? fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (!existsSync(`${WEB_DIR}/index.html`)) throw new Error('Build the web app first: npm run build');
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);

const name = `tandem_bench_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const u = new URL(base);
u.pathname = `/${name}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const database = await openDatabase({ url: u.toString() });
const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: WEB_DIR, logger: false });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  await seedDemo(app.ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const context: BrowserContext = await browser.newContext({ baseURL: origin, viewport: { width: 1366, height: 900 } });
  if ((await context.request.post('/api/v1/auth/login', { data: DEMO_LOGIN })).status() !== 200) throw new Error('demo login failed');

  /** Opens /insights in a new tab; returns ms to the heading (shell) and to the filled one-screen. */
  const open = async () => {
    const page = await context.newPage();
    try {
      const t0 = performance.now();
      await page.goto('/insights');
      await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor({ timeout: 60_000 });
      const shell = performance.now() - t0;
      await page.getByRole('region', { name: 'Roadmap health' }).getByText(/^\d+\/100$/).waitFor({ timeout: 60_000 });
      await page.getByTestId('changes').waitFor({ timeout: 60_000 });
      await page.getByTestId('digest-status').waitFor({ timeout: 60_000 });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
      return { shell, ready: performance.now() - t0 };
    } finally {
      await page.close();
    }
  };
  const cold = await open();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await open());
  const ready = median(runs.map((r) => r.ready));
  const shell = median(runs.map((r) => r.shell));
  const r1 = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      name: 'insights.page-interactive',
      engine: 'postgres',
      runs: RUNS,
      coldReadyMs: r1(cold.ready),
      readyMedianMs: r1(ready),
      baseline: 'the app shell: the same tab to the Insights heading, before the tiles',
      baselineMedianMs: r1(shell),
      ratio: r1(ready / shell),
      targetMs: 1000,
      met: ready < 1000,
    }),
  );
} finally {
  await browser.close();
  await app.close();
  await database.close();
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}
