/**
 * Platform benchmark (issue #15, "fast request path"): the roadmap item PATCH at ≤ 2× the time of
 * the same UPDATE alone. On PostgreSQL with the demo organisation, signed in as its owner:
 *  - Tandem: `PATCH /api/v1/initiatives/:id` changing the effort (session, CSRF, validation, the
 *    transaction with its checks, audit entry and the item's answer), over HTTP with keep-alive;
 *  - baseline: the UPDATE that PATCH makes (`update initiatives set effort, updated_at where org_id
 *    and id`) alone through `pg`, on a pool connection, from the same process.
 * One request at a time (the time of one PATCH, not throughput), the same item, alternating
 * values; interleaved rounds of BENCH_OPS operations each, medians of per-operation times. Also
 * measured, not judged: `GET /api/health` with the same client, the HTTP floor.
 * Load generator: Node's fetch (undici), one connection. Prints one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { seedDemo, DEMO_LOGIN } from '../../apps/server/src/demo/seed';

const OPS = Number(process.env.BENCH_OPS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 2;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tandem_bench_patch_${Date.now()}`;
const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const u = new URL(pgUrl);
u.pathname = `/${name}`;
const load1 = loadavg()[0]!;
const database = await openDatabase({ url: u.toString() });
const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: null, logger: false });
await seedDemo(app.ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGIN) });
const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
const csrf = cookies.find((c) => c.startsWith('tandem_csrf='))!.split('=')[1]!;
const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
const roadmap = (await (await fetch(`${base}/api/v1/roadmap`, { headers: { cookie: headers.cookie } })).json()) as { initiatives: { id: string; orgId?: string }[] };
const itemId = roadmap.initiatives[0]!.id;
const me = (await (await fetch(`${base}/api/v1/me`, { headers: { cookie: headers.cookie } })).json()) as { current: { id: string } };
const orgId = me.current.id;

const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
pool.on('error', () => undefined);

async function viaApi(i: number) {
  const t = performance.now();
  const r = await fetch(`${base}/api/v1/initiatives/${itemId}`, { method: 'PATCH', headers, body: JSON.stringify({ effort: 10 + (i % 50) }) });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`PATCH answered ${r.status}`);
  return performance.now() - t;
}
/** The floor any HTTP answer pays with this client: a request to the liveness route (no session, no database). */
async function httpFloor() {
  const t = performance.now();
  const r = await fetch(`${base}/api/health`);
  await r.arrayBuffer();
  return performance.now() - t;
}
async function updateAlone(i: number) {
  const t = performance.now();
  const r = await pool.query('update initiatives set effort = $1, updated_at = $2 where org_id = $3 and id = $4', [10 + (i % 50), new Date(), orgId, itemId]);
  if (r.rowCount !== 1) throw new Error('the UPDATE changed no row');
  return performance.now() - t;
}

// Warm-up: connections, prepared plans, JIT.
for (let i = 0; i < 50; i++) {
  await viaApi(i);
  await updateAlone(i);
  await httpFloor();
}
const api: number[] = [];
const upd: number[] = [];
const floor: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const a: number[] = [];
  const b: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < OPS; i++) a.push(await viaApi(i));
  for (let i = 0; i < OPS; i++) b.push(await updateAlone(i));
  for (let i = 0; i < OPS; i++) f.push(await httpFloor());
  api.push(median(a));
  upd.push(median(b));
  floor.push(median(f));
}
const m = { api: median(api), update: median(upd), floor: median(floor) };
const ratio = m.api / m.update;
console.log(
  JSON.stringify({
    name: 'platform.roadmap-patch',
    date: new Date().toISOString(),
    engine: 'postgres',
    loadGenerator: `Node fetch (undici), 1 connection, ${ROUNDS} interleaved rounds of ${OPS} operations (medians of per-operation medians)`,
    cpus: cpus().length,
    loadavg1: { start: +load1.toFixed(1), end: +loadavg()[0]!.toFixed(1) },
    ms: { patchThroughApi: +m.api.toFixed(3), updateAlone: +m.update.toFixed(3), httpFloor: +m.floor.toFixed(3) },
    // Not judged: what a bare HTTP round trip with this client costs next to the UPDATE, so the
    // reader sees how much of the target the transport alone takes.
    httpFloorOverUpdate: +(m.floor / m.update).toFixed(2),
    ratio: +ratio.toFixed(2),
    target: `<= ${TARGET}`,
    met: ratio <= TARGET,
  }),
);
await app.close();
await pool.end();
await database.close();
await admin.query(`drop database ${name} with (force)`);
await admin.end();
