/**
 * The pulse and roadmap pages on the demo (issue #17: "the pages stay under 1 s on the demo").
 * Northwind's demo on PostgreSQL, served with the built web app; a signed-in leader opens each page
 * in a fresh tab of a browser with a profile on disk, as a real user's browser has (an incognito
 * context keeps no compiled-code cache, so every tab would parse and compile the whole app again:
 * measured at about 0.3 s more per tab on this machine). The clock stops when the page's heading is on screen AND every API request the
 * page made has answered, plus one painted frame: the page's data is shown. Baseline in the same
 * run: the same tab's time to the heading (the app shell and the route), the fixed cost of loading
 * the app. Medians over RUNS tabs per page (a cold first tab is not counted). Prints ONE JSON.
 *
 * Needs the built web app (npm run build), Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; a throwaway
 * database is created and dropped). Run: npx tsx bench/polish/pages.bench.ts
 *
 * Before/after in one run: BENCH_COMPARE_WEB_DIR names a second built web app (say, main's dist
 * copied aside). A second server on the same database serves it, with its own browser context
 * (its own HTTP cache); the tabs alternate between the two, and each page reports both medians.
 * BENCH_WEB_DIR replaces apps/web/dist as the web app under test.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type BrowserContext } from 'playwright-core';
import { openDatabase } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { DEMO_LOGIN, seedDemo } from '../../apps/server/src/demo/seed';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WEB_DIR = process.env.BENCH_WEB_DIR ?? fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const COMPARE_DIR = process.env.BENCH_COMPARE_WEB_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (!existsSync(`${WEB_DIR}/index.html`)) throw new Error('Build the web app first: npm run build');
if (COMPARE_DIR && !existsSync(`${COMPARE_DIR}/index.html`)) throw new Error(`No built web app in ${COMPARE_DIR}`);
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);

const name = `tandem_bench_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const u = new URL(base);
u.pathname = `/${name}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number) => Math.round(x * 10) / 10;
const database = await openDatabase({ url: u.toString() });
const config = loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' });
const app = await buildApp({ database, config, webDir: WEB_DIR, logger: false });
const other = COMPARE_DIR ? await buildApp({ database, config, webDir: COMPARE_DIR, logger: false }) : null;
const profiles: string[] = [];
const contexts: BrowserContext[] = [];
const load0 = loadavg()[0]!;
try {
  await seedDemo(app.ctx);
  /** A signed-in browser context (its own cookies and HTTP cache) on a server of its own. */
  const signedIn = async (server: typeof app) => {
    await server.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
    const dir = mkdtempSync(`${tmpdir()}/tandem-bench-profile-`);
    profiles.push(dir);
    const ctx = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      baseURL: origin,
      viewport: { width: 1366, height: 900 },
    });
    contexts.push(ctx);
    if ((await ctx.request.post('/api/v1/auth/login', { data: DEMO_LOGIN })).status() !== 200) throw new Error('demo login failed');
    return ctx;
  };
  const context = await signedIn(app);
  const compared = other ? await signedIn(other) : null;
  const pulses = (await (await context.request.get('/api/v1/pulses?limit=50')).json()) as { items: { id: string; title: string; status: string }[] };
  const closed = pulses.items.find((p) => p.status === 'closed');
  if (!closed) throw new Error('the demo has no closed pulse');

  const pages = [
    { path: '/pulses', heading: 'Alignment Pulse' },
    { path: `/pulses/${closed.id}`, heading: closed.title },
    { path: '/roadmap', heading: 'Roadmap' },
    { path: '/roadmap/timeline', heading: 'Timeline' },
    { path: '/roadmap/health', heading: 'Roadmap health' },
    { path: '/people', heading: 'People' },
  ];

  /** One fresh tab: ms to the heading, and to the heading with no API request left unanswered. */
  const open = async (path: string, heading: string, ctx: BrowserContext = context) => {
    const page = await ctx.newPage();
    let pending = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/')) pending++;
    });
    const done = (r: { url(): string }) => {
      if (r.url().includes('/api/')) pending--;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    try {
      const t0 = performance.now();
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor({ timeout: 60_000 });
      const shell = performance.now() - t0;
      while (pending > 0) await new Promise((r) => setTimeout(r, 5));
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
      return { shell, ready: performance.now() - t0 };
    } finally {
      await page.close();
    }
  };

  type Figures = { readyMedianMs: number; shellMedianMs: number; ratio: number; under1s: boolean };
  const figures = (runs: { shell: number; ready: number }[]): Figures => {
    const ready = median(runs.map((r) => r.ready));
    const shell = median(runs.map((r) => r.shell));
    return { readyMedianMs: r1(ready), shellMedianMs: r1(shell), ratio: r1(ready / shell), under1s: ready < 1000 };
  };
  const out: Record<string, Figures & { compared?: Figures }> = {};
  for (const p of pages) {
    await open(p.path, p.heading); // cold tabs, not counted
    if (compared) await open(p.path, p.heading, compared);
    const runs = [];
    const otherRuns = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternating (and swapping who goes first) spreads the machine's noise over both builds.
      const first = i % 2 === 0;
      if (compared && !first) otherRuns.push(await open(p.path, p.heading, compared));
      runs.push(await open(p.path, p.heading));
      if (compared && first) otherRuns.push(await open(p.path, p.heading, compared));
    }
    out[p.path.replace(closed.id, '{closed pulse}')] = { ...figures(runs), ...(compared ? { compared: figures(otherRuns) } : {}) };
  }
  console.log(
    JSON.stringify({
      name: 'polish.pages-on-demo',
      engine: 'postgres',
      runs: RUNS,
      baseline: 'the app shell: the same tab to the page heading, before the data',
      webDir: WEB_DIR,
      ...(COMPARE_DIR ? { comparedWebDir: COMPARE_DIR } : {}),
      loadAverage: [r1(load0), r1(loadavg()[0]!)],
      pages: out,
      targetMs: 1000,
      met: Object.values(out).every((p) => p.under1s),
    }),
  );
} finally {
  for (const c of contexts) await c.close();
  for (const d of profiles) rmSync(d, { recursive: true, force: true });
  await app.close();
  await other?.close();
  await database.close();
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}
