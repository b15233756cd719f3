/**
 * Where the time of `GET /api/v1/people?limit=500` goes (issue #15): the people bench's setup, the
 * V8 CPU profiler on the server while autocannon (10 connections, PROFILE_SECONDS) asks for the
 * list, then the self time summed by function and by package. Not a benchmark (no ratio): a
 * diagnosis, printed as one JSON object.
 */
import { Session } from 'node:inspector/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { seedDemo, DEMO_LOGIN } from '../../apps/server/src/demo/seed';

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tandem_prof_people_${Date.now()}`;
const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const u = new URL(pgUrl);
u.pathname = `/${name}`;
const database = await openDatabase({ url: u.toString() });
const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: null, logger: false });
await seedDemo(app.ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGIN) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
await autocannon({ url: `${base}/api/v1/people?limit=500`, connections: 10, duration: 2, headers: { cookie } });

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
await autocannon({ url: `${base}/api/v1/people?limit=500`, connections: 10, duration: SECONDS, headers: { cookie } });
const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const fn = new Map<string, number>();
const pkg = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const f = byId.get(id)!.callFrame;
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(apps|packages)\//, '$1/');
  const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + dt);
  const p = f.url.includes('node_modules/') ? f.url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : f.url.startsWith('node:') || f.url === '' ? f.functionName.startsWith('(') ? f.functionName : 'node internals' : 'tandem';
  pkg.set(p, (pkg.get(p) ?? 0) + dt);
});
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => ({ [k]: +((100 * v) / total).toFixed(1) }));
console.log(JSON.stringify({ name: 'platform.people-profile', date: new Date().toISOString(), seconds: SECONDS, selfTimePercentByPackage: top(pkg, 15), selfTimePercentByFunction: top(fn, 25) }));
await app.close();
await database.close();
await admin.query(`drop database ${name} with (force)`);
await admin.end();
