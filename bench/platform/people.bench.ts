/**
 * Platform benchmark (issue #15, "fast request path"): the signed-in people list of the demo
 * (150 people, one page of 500) on PostgreSQL through Tandem, against in the same run
 *  - a hand-written minimal route doing the same work: the cookie's session looked up with its
 *    role by the same SQL through `pg`, the same people query, the same JSON via JSON.stringify;
 *  - a bare fastify route answering the same JSON from memory.
 * Tandem runs twice on the same database: as configured by default (the session cache of decision
 * 156, and the people list answered from memory while its data version stands, decision 166: one
 * version lookup per request) and with both caches off (TANDEM_SESSION_CACHE_SECONDS=0,
 * TANDEM_READ_CACHE_MB=0: the same work as the hand-written route plus the version lookup).
 * Load generator: autocannon, 10 connections. Prints one JSON object with the ratios.
 */
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { openDatabase } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { seedDemo, DEMO_LOGIN } from '../../apps/server/src/demo/seed';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function cannon(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tandem_bench_plat_${Date.now()}`;
const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const u = new URL(pgUrl);
u.pathname = `/${name}`;
const database = await openDatabase({ url: u.toString() });
const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: null, logger: false });
await seedDemo(app.ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
const tandem = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const uncached = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000', TANDEM_SESSION_CACHE_SECONDS: '0', TANDEM_READ_CACHE_MB: '0' }), webDir: null, logger: false });
await uncached.listen({ port: 0, host: '127.0.0.1' });
const tandemNoCache = `http://127.0.0.1:${(uncached.server.address() as { port: number }).port}`;
const login = await fetch(`${tandem}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGIN) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const token = /tandem_session=([^;]+)/.exec(cookie)?.[1] ?? '';
const body = await (await fetch(`${tandem}/api/v1/people?limit=500`, { headers: { cookie } })).text();
const people = (JSON.parse(body) as { items: unknown[] }).items.length;

// The hand-written route: same session check, same SQL, JSON.stringify, nothing else.
const pool = new pg.Pool({ connectionString: u.toString(), max: 10 });
pool.on('error', () => undefined); // the database is dropped at the end
const hand = Fastify({ logger: false });
hand.get('/people', async (req, reply) => {
  const t = /tandem_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!t) return reply.code(401).send();
  const s = await pool.query(
    `select s.current_org_id, s.expires_at, s.absolute_expires_at, m.role from sessions s
     left join memberships m on m.org_id = s.current_org_id and m.user_id = s.user_id where s.id = $1`,
    [createHash('sha256').update(t).digest('hex')],
  );
  const row = s.rows[0] as { current_org_id: string; expires_at: Date; absolute_expires_at: Date; role: string | null } | undefined;
  const now = new Date();
  if (!row || !row.role || row.expires_at <= now || row.absolute_expires_at <= now) return reply.code(401).send();
  const r = await pool.query(
    `select id, name, email, department, side, level, location, manager_id, active, created_at, updated_at from people
     where org_id = $1 and active = true order by name, id limit 501`,
    [row.current_org_id],
  );
  const items = r.rows.slice(0, 500).map((p) => ({
    id: p.id, name: p.name, email: p.email, department: p.department, side: p.side, level: p.level, location: p.location,
    managerId: p.manager_id, active: p.active, createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString(),
  }));
  return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ items, nextCursor: null }));
});
await hand.listen({ port: 0, host: '127.0.0.1' });
const handUrl = `http://127.0.0.1:${(hand.server.address() as { port: number }).port}/people`;
const handBody = await (await fetch(handUrl, { headers: { cookie: `tandem_session=${token}` } })).text();
if (handBody !== body) throw new Error('the hand-written route does not answer the same JSON');

const bare = Fastify({ logger: false });
bare.get('/people', async (_req, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/people`;

// Interleaved rounds so that the shared machine's load drifts over all three alike.
const runs = { tandem: [] as number[], noCache: [] as number[], hand: [] as number[], bare: [] as number[] };
for (let i = 0; i < ROUNDS; i++) {
  runs.tandem.push(await cannon(`${tandem}/api/v1/people?limit=500`, { cookie }));
  runs.noCache.push(await cannon(`${tandemNoCache}/api/v1/people?limit=500`, { cookie }));
  runs.hand.push(await cannon(handUrl, { cookie: `tandem_session=${token}` }));
  runs.bare.push(await cannon(bareUrl));
}
const m = { tandem: median(runs.tandem), noCache: median(runs.noCache), hand: median(runs.hand), bare: median(runs.bare) };
console.log(
  JSON.stringify({
    name: 'platform.people-list',
    date: new Date().toISOString(),
    engine: 'postgres',
    people,
    loadGenerator: `autocannon, ${CONNECTIONS} connections, ${DURATION} s, ${ROUNDS} interleaved rounds (medians)`,
    cpus: cpus().length,
    loadavg1: +loadavg()[0]!.toFixed(1),
    rps: { tandem: Math.round(m.tandem), tandemWithoutCaches: Math.round(m.noCache), handWritten: Math.round(m.hand), bareFromMemory: Math.round(m.bare) },
    ratioToHandWritten: +(m.tandem / m.hand).toFixed(3),
    ratioToBare: +(m.tandem / m.bare).toFixed(3),
    withoutCaches: { ratioToHandWritten: +(m.noCache / m.hand).toFixed(3), ratioToBare: +(m.noCache / m.bare).toFixed(3) },
    cachesGain: +(m.tandem / m.noCache).toFixed(3),
    targets: { ratioToHandWritten: '>= 0.8', ratioToBare: '>= 0.25' },
  }),
);
await Promise.all([app.close(), uncached.close(), hand.close(), bare.close(), pool.end()]);
await database.close();
await admin.query(`drop database ${name} with (force)`);
await admin.end();
