/**
 * Foundation benchmark: GET /api/v1/people (150 people, signed in) on PGlite and PostgreSQL,
 * against a bare fastify route answering the same JSON from memory, in the same run; then a cold
 * `node apps/server/dist/main.js` on a new data directory (time to a healthy /api/health) and
 * its RSS at idle. Prints one JSON object.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { openDatabase, type Database } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { seedDemo, DEMO_LOGIN } from '../../apps/server/src/demo/seed';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

async function cannon(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: Math.round(r.requests.average), p99Ms: r.latency.p99, requests: r.requests.total };
}

async function measureEngine(database: Database) {
  const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: null, logger: false });
  await seedDemo(app.ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGIN) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = await (await fetch(`${base}/api/v1/people?limit=500`, { headers: { cookie } })).text();
  const people = JSON.parse(body).items.length as number;
  const result = await cannon(`${base}/api/v1/people?limit=500`, { cookie });
  await app.close();
  return { ...result, people, body };
}

async function bare(body: string) {
  const app = Fastify({ logger: false });
  app.get('/people', async (_req, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const r = await cannon(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/people`);
  await app.close();
  return r;
}

async function coldStart() {
  const entry = join(process.cwd(), 'apps/server/dist/main.js');
  if (!existsSync(entry)) return { note: 'run `npm run build` first: apps/server/dist/main.js is missing' };
  const dir = mkdtempSync(join(tmpdir(), 'tandem-cold-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const t0 = performance.now();
  const child = spawn(process.execPath, [entry], { env: { ...process.env, TANDEM_DATA_DIR: dir, PORT: String(port), DATABASE_URL: '', LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  let healthyMs = -1;
  while (performance.now() - t0 < 30_000) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) {
        healthyMs = performance.now() - t0;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  return { healthyMs: Math.round(healthyMs), idleRssMb: Math.round(rssMb) };
}

const out: Record<string, unknown> = { name: 'foundation.server', date: new Date().toISOString(), cpus: cpus().length, node: process.version, durationSeconds: DURATION, connections: CONNECTIONS };

const pglite = await openDatabase({ memory: true });
const lite = await measureEngine(pglite);
await pglite.close();
const bareRun = await bare(lite.body);
out.bare = bareRun;
out.pglite = { rps: lite.rps, p99Ms: lite.p99Ms, people: lite.people, ratioToBare: +(lite.rps / bareRun.rps).toFixed(3) };

const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
try {
  const name = `tandem_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  const r = await measureEngine(database);
  await database.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
  out.postgres = { rps: r.rps, p99Ms: r.p99Ms, people: r.people, ratioToBare: +(r.rps / bareRun.rps).toFixed(3), target: '>= 0.40' };
} catch (e) {
  out.postgres = { error: String(e) };
}
out.coldStart = { ...(await coldStart()), targetMs: 5000, targetRssMb: 400 };
console.log(JSON.stringify(out));
