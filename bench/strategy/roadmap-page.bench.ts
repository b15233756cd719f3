/**
 * Roadmap page benchmark: the timeline (Business and IT lanes, a line per enabler link) and the
 * goal tree with 2,000 items — 100 goals, 900 initiatives, 1,000 enablers — in headless Chromium,
 * from navigation to interactive: the chart rendered and the main thread free to paint the next
 * frame. Baseline in the same run: the same pages of an empty organisation (shell, session and
 * API round trips without items). Medians of repeated loads. Budget: 1.5 s. Prints ONE JSON object.
 *
 * Needs the built web app (cd apps/web && npx vite build) and Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium). Run: npx tsx bench/strategy/roadmap-page.bench.ts
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { createRng } from '@tandem/core';
import { insertEnablerInitiatives, insertEnablers, insertGoals, insertInitiativeGoals, insertInitiatives, openDatabase } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';

const RUNS = 7;
const WEB_DIR = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DAY = 86_400_000;

async function startOrg(items: boolean) {
  const database = await openDatabase({ memory: true });
  const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: WEB_DIR, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const owner = { name: 'Bench Owner', email: 'bench@bench.test', password: 'quiet harbour lantern 7' };
  const setup = await fetch(`${base}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organisation: { name: 'Bench', currency: 'EUR' }, owner }) });
  const orgId = ((await setup.json()) as { current: { id: string } }).current.id;
  if (items) {
    const rng = createRng('roadmap-page');
    const today = Math.floor(Date.now() / DAY);
    const iso = (d: number) => new Date((today + d) * DAY).toISOString().slice(0, 10);
    const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
    const db = database.db;
    const goals = await insertGoals(db, orgId, Array.from({ length: 100 }, (_, i) => ({ title: `Goal ${i} to ${i + 10}%`, metric: 'm', baseline: 1, target: 2, dueDate: iso(int(100, 700)) })));
    const initiatives = await insertInitiatives(
      db,
      orgId,
      Array.from({ length: 900 }, (_, i) => {
        const s = int(-100, 600);
        return { title: `Initiative ${i}`, startDate: iso(s), endDate: iso(s + int(30, 250)), status: 'planned' as const, effort: int(5, 300), ansoff: 'market_penetration' as const, itInvolvedAt: iso(-5) };
      }),
    );
    await insertInitiativeGoals(db, orgId, initiatives.map((r, i) => ({ initiativeId: r.id, goalId: goals[i % goals.length]!.id })));
    const enablers = await insertEnablers(
      db,
      orgId,
      Array.from({ length: 1000 }, (_, i) => {
        const e = int(-50, 650);
        return { title: `Enabler ${i}`, startDate: iso(e - int(20, 150)), endDate: iso(e), status: 'planned' as const, effort: int(5, 100) };
      }),
    );
    await insertEnablerInitiatives(db, orgId, enablers.flatMap((r, i) => [{ enablerId: r.id, initiativeId: initiatives[i % 900]!.id }, ...(i % 3 === 0 ? [{ enablerId: r.id, initiativeId: initiatives[(i * 7) % 900]!.id }] : [])]));
  }
  return {
    base,
    owner,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Milliseconds from navigation to the marker being visible and the next animation frame painted. */
async function load(context: BrowserContext, url: string, marker: string): Promise<number> {
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url);
  await page.getByTestId(marker).waitFor({ state: 'visible', timeout: 60_000 });
  // A string, since the bench compiles without DOM types: resolves once the next frame is painted.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
  const ms = performance.now() - t0;
  await page.close();
  return ms;
}

async function measure(items: boolean) {
  const org = await startOrg(items);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL: org.base });
    const login = await context.request.post('/api/v1/auth/login', { data: { email: org.owner.email, password: org.owner.password } });
    if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
    await load(context, '/roadmap/timeline', 'timeline'); // warm the HTTP cache and the JIT
    const timeline: number[] = [];
    const tree: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      timeline.push(await load(context, '/roadmap/timeline', 'timeline'));
      tree.push(await load(context, '/roadmap', 'goal-tree'));
    }
    return { timelineMs: median(timeline), goalTreeMs: median(tree) };
  } finally {
    await browser.close();
    await org.close();
  }
}

if (!existsSync(`${WEB_DIR}/index.html`)) throw new Error('Build the web app first: cd apps/web && npx vite build');
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
const empty = await measure(false);
const full = await measure(true);
const r = (x: number) => Math.round(x);
console.log(
  JSON.stringify({
    name: 'strategy.roadmap-page',
    items: { goals: 100, initiatives: 900, enablers: 1000, links: 1334 },
    runs: RUNS,
    timelineMedianMs: r(full.timelineMs),
    goalTreeMedianMs: r(full.goalTreeMs),
    baseline: 'the same pages of an empty organisation',
    baselineTimelineMs: r(empty.timelineMs),
    baselineGoalTreeMs: r(empty.goalTreeMs),
    timelineVsBaseline: Math.round((full.timelineMs / empty.timelineMs) * 100) / 100,
    goalTreeVsBaseline: Math.round((full.goalTreeMs / empty.goalTreeMs) * 100) / 100,
    budgetMs: 1500,
    withinBudget: full.timelineMs < 1500 && full.goalTreeMs < 1500,
    node: process.version,
  }),
);
