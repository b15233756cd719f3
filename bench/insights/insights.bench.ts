/**
 * One-screen benchmark on PostgreSQL: `GET /api/v1/insights` through the whole app (session, every
 * module's service, serialisation) with `app.inject`, on Northwind's demo and on the demo grown 20
 * times (20× its requests and benefits; pulses, rounds and the roadmap stay as they are).
 * Baseline in the same run: `GET /api/health` (the cheapest route: the app's fixed cost per request).
 * Budgets: demo < 150 ms, 20× < 500 ms. Prints ONE JSON object.
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * throwaway database is created and dropped.
 * Run: npx tsx bench/insights/insights.bench.ts
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { addDays, createRng } from '@tandem/core';
import { insertBenefits, insertRequests, openDatabase, schema, type NewBenefit, type NewRequest } from '@tandem/db';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { DEMO_LOGIN, seedDemo } from '../../apps/server/src/demo/seed';

const RUNS = 9;
const WARMUP = 2;
const NOW = new Date('2026-11-28T09:00:00Z');
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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
const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: null, logger: false, now: () => NOW });
try {
  await seedDemo(app.ctx);
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: DEMO_LOGIN });
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const orgId = (await app.inject({ method: 'GET', url: '/api/v1/me', cookies })).json().current.id as string;

  const measure = async () => {
    const get = () => app.inject({ method: 'GET', url: '/api/v1/insights', cookies });
    const health = () => app.inject({ method: 'GET', url: '/api/health' });
    const first = await get();
    if (first.statusCode !== 200) throw new Error(`insights failed: ${first.statusCode} ${first.body}`);
    for (let i = 0; i < WARMUP; i++) await Promise.all([get(), health()]);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      await get();
      a.push(performance.now() - t0);
      t0 = performance.now();
      await health();
      b.push(performance.now() - t0);
    }
    return { insightsMedianMs: r1(median(a)), baselineMedianMs: r1(median(b)), ratio: r1(median(a) / median(b)) };
  };

  const demo = await measure();

  // Grow the demo 20 times: 19 more copies of its requests (shifted, same shapes) and benefits.
  const reqs = await database.db.select().from(schema.requests).where(eq(schema.requests.orgId, orgId));
  const bens = await database.db.select().from(schema.valueBenefits).where(eq(schema.valueBenefits.orgId, orgId));
  const rng = createRng('insights-bench');
  for (let k = 1; k < 20; k++) {
    const shift = -Math.floor(rng.next() * 5);
    const rows: NewRequest[] = reqs.map(({ id: _id, orgId: _o, ...r }) => ({
      ...r,
      title: `${r.title} (${k})`,
      requesterId: null,
      createdOn: addDays(r.createdOn, shift),
      startedOn: r.startedOn ? addDays(r.startedOn, shift) : null,
      doneOn: r.doneOn ? addDays(r.doneOn, shift) : null,
    }));
    await insertRequests(database.db, orgId, rows);
    await insertBenefits(database.db, bens.map(({ id: _id, ...b }): NewBenefit => b));
  }
  await database.db.execute('analyze');
  const big = await measure();

  console.log(
    JSON.stringify({
      name: 'insights.one-screen',
      engine: 'postgres',
      runs: RUNS,
      baseline: 'GET /api/health in the same run',
      demo: { requests: reqs.length, benefits: bens.length, ...demo, budgetMs: 150, met: demo.insightsMedianMs < 150 },
      twentyTimes: { requests: reqs.length * 20, benefits: bens.length * 20, ...big, budgetMs: 500, met: big.insightsMedianMs < 500 },
    }),
  );
} finally {
  await app.close();
  await database.close();
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}
