/**
 * Flow analytics benchmark on PostgreSQL: `GET /api/v1/requests/analytics` over two years holding
 * 50,000 requests (about 48,000 done, the rest open), through the whole app (session, validation,
 * queries, percentiles, serialisation) with `app.inject`. Baseline in the same run: the raw SQL
 * (node-postgres, no ORM) that only fetches the same rows (done requests of the period and the
 * open ones), so the ratio says what the analytics add to reading the data. Budget: 300 ms.
 * Prints ONE JSON object.
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * throwaway database is created and dropped.
 * Run: npx tsx bench/requests/analytics.bench.ts
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { addDays, createRng } from '@tandem/core';
import { insertRequests, openDatabase, type NewRequest } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';

const N = 50_000;
const RUNS = 9;
const WARMUP = 2;
const TODAY = '2026-11-28';
const FROM = addDays(TODAY, -730);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tandem_bench_${randomBytes(5).toString('hex')}`;

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const u = new URL(base);
u.pathname = `/${name}`;
const url = u.toString();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const database = await openDatabase({ url });
const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: null, logger: false, now: () => new Date(`${TODAY}T09:00:00Z`) });
try {
  const setup = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { organisation: { name: 'Bench', currency: 'EUR' }, owner: { name: 'Bench Owner', email: 'bench@bench.test', password: 'quiet harbour lantern 7' } } });
  const orgId = (setup.json() as { current: { id: string } }).current.id;
  const cookies = Object.fromEntries(setup.cookies.map((c) => [c.name, c.value]));
  const rng = createRng('requests-analytics-bench');
  const at = new Date(`${TODAY}T09:00:00Z`);
  const rows: NewRequest[] = [];
  for (let i = 0; i < N; i++) {
    const created = addDays(FROM, Math.floor(rng.next() * 720));
    const lead = 1 + Math.floor(-Math.log(Math.max(1e-9, rng.next())) * 15);
    const doneOn = addDays(created, lead);
    const open = doneOn > TODAY;
    rows.push({
      title: `Request ${i}`,
      type: (['feature', 'change', 'fix', 'it_need'] as const)[i % 4]!,
      side: i % 5 === 0 ? 'it' : 'business',
      department: `Dept ${i % 12}`,
      status: open ? 'in_progress' : 'done',
      createdOn: created,
      startedOn: addDays(created, Math.floor(lead / 3)) <= TODAY ? addDays(created, Math.floor(lead / 3)) : null,
      doneOn: open ? null : doneOn,
      createdAt: at,
      updatedAt: at,
    });
  }
  await database.db.transaction(async (tx) => {
    await insertRequests(tx, orgId, rows);
  });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  await raw.query('analyze requests');

  const get = () => app.inject({ method: 'GET', url: `/api/v1/requests/analytics?from=${FROM}&to=${TODAY}`, cookies });
  const fetchRows = async () => {
    const done = await raw.query('select id, title, type, side, department, created_on, started_on, done_on from requests where org_id = $1 and done_on is not null and done_on >= $2 and done_on <= $3', [orgId, FROM, TODAY]);
    const open = await raw.query("select id, title, status, type, created_on from requests where org_id = $1 and created_on <= $2 and status <> 'rejected' and (done_on is null or done_on > $2) order by created_on, id limit 500", [orgId, TODAY]);
    return done.rowCount! + open.rowCount!;
  };
  const first = await get();
  if (first.statusCode !== 200) throw new Error(`analytics failed: ${first.statusCode} ${first.body}`);
  const body = first.json() as { doneCount: number; leadTime: unknown; ageing: unknown[] };
  for (let i = 0; i < WARMUP; i++) {
    await get();
    await fetchRows();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await get();
    a.push(performance.now() - t0);
    t0 = performance.now();
    await fetchRows();
    b.push(performance.now() - t0);
  }
  await raw.end();
  const r = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      name: 'requests.analytics',
      engine: 'postgres',
      requests: N,
      doneInPeriod: body.doneCount,
      leadTime: body.leadTime,
      runs: RUNS,
      analyticsMedianMs: r(median(a)),
      baseline: 'raw SQL (node-postgres) fetching the same rows: done in the period + the 500 oldest open',
      baselineMedianMs: r(median(b)),
      ratio: r(median(a) / median(b)),
      budgetMs: 300,
      met: median(a) < 300,
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
