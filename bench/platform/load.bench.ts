/**
 * Load and soak test (issue #15, "Load and soak"): two built app processes (`npm run build` first;
 * the same start command as production, e2e/fixtures/process.ts) on one fresh PostgreSQL database
 * filled with the demo, driven for LOAD_SECONDS (default 300) by an in-process load generator
 * with a fixed concurrency (LOAD_CONNECTIONS, default 16; Node's fetch = undici, keep-alive),
 * every request sent to the two instances in turn like a round-robin balancer. The mix:
 *  - 70% reads: the API calls behind the pages (me, people, roadmap, health, pulses, requests,
 *    cases, priorities, value, insights), signed in as the demo owner;
 *  - 20% writes: initiative PATCH (10%), person PATCH (5%), new person (5%);
 *  - 10% pulse submissions, each through its own single-use link (a pulse sent to the demo's
 *    people and LOAD_PULSE_PEOPLE added ones; the links are read from the mails, decision 024).
 * Reports p50/p95/p99 latency per class and overall, errors (must be 0), and the RSS of each
 * instance after LOAD_WARMUP_SECONDS (default 20) of the same mix and at the end (growth ≤ 10%).
 * RSS swings by tens of percent as each instance collects garbage, so two instants say little:
 * it is also sampled every 5 s, and the growth that counts compares the median of the samples in
 * the first window (a fifth of the run, at most 60 s) with the median in the last one.
 * The respond rate limit is raised (TANDEM_RESPOND_RATE_LIMIT): one generator address stands for a
 * whole company. Prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { seedDemo, DEMO_LOGIN } from '../../apps/server/src/demo/seed';
import { freePort, SERVER_ENTRY, startServer, waitHealthy, type ServerProcess } from '../../e2e/fixtures/process';
import { memoryMailer } from '../pulse/setup';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const WARMUP = Number(process.env.LOAD_WARMUP_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 16);
const PULSE_PEOPLE = Number(process.env.LOAD_PULSE_PEOPLE ?? 12_000);

const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `tandem_bench_load_${Date.now()}`;
const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const u = new URL(pgUrl);
u.pathname = `/${dbName}`;
const children: ServerProcess[] = [];

try {
  // 1. The demo, extra people and one open pulse with a link per person, seeded in this process.
  const mailer = memoryMailer();
  const database = await openDatabase({ url: u.toString() });
  const seeder = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000', TANDEM_INVITE_RATE_LIMIT: '1000' }), webDir: null, logger: false, mailer });
  await seedDemo(seeder.ctx);
  const login = await seeder.inject({ method: 'POST', url: '/api/v1/auth/login', payload: DEMO_LOGIN });
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const orgId = (login.json() as { current: { id: string } }).current.id;
  await database.db.execute(sql`
    insert into people (org_id, name, email, department, side, level, location)
    select ${orgId}, 'Load Person ' || g, 'load' || g || '@load.test', 'Dept ' || (g % 11),
           case when g % 3 = 0 then 'it' else 'business' end, case when g % 7 = 0 then 'leader' else 'employee' end, 'Loc ' || ((g / 11) % 6)
    from generate_series(1, ${PULSE_PEOPLE}) g`);
  const inj = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const r = await seeder.inject({ method, url, cookies, headers: method === 'GET' ? {} : { 'x-csrf-token': cookies.tandem_csrf! }, ...(payload ? { payload } : {}) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return r.json() as Record<string, unknown>;
  };
  const pulse = (await inj('POST', '/api/v1/pulses', { title: 'Load test pulse', template: 'tech-priorities-alignment', questions: [{ text: 'Load statement one' }, { text: 'Load statement two' }, { text: 'Load statement three' }] })) as { id: string; questions: { id: string }[] };
  await inj('POST', `/api/v1/pulses/${pulse.id}/invitations`);
  const links = mailer.sent.map((m) => /\/respond\/([A-Za-z0-9_-]{22})/.exec(m.text)?.[1]).filter((t): t is string => !!t);
  const roadmap = (await inj('GET', '/api/v1/roadmap')) as { initiatives: { id: string }[] };
  const people = ((await inj('GET', '/api/v1/people?limit=500')) as { items: { id: string }[] }).items;
  await seeder.close();
  await database.close();

  // 2. Two instances of the built server on that database.
  const ports = [await freePort(), await freePort()];
  for (const port of ports) children.push(startServer({ DATABASE_URL: u.toString(), PORT: String(port), TANDEM_RESPOND_RATE_LIMIT: '1000000', TANDEM_AUTH_RATE_LIMIT: '1000' }));
  await Promise.all(ports.map((p, i) => waitHealthy(p, children[i])));
  const origins = ports.map((p) => `http://127.0.0.1:${p}`);
  const signIn = await fetch(`${origins[0]}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGIN) });
  const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const cookie = session.join('; ');
  const csrf = session.find((c) => c.startsWith('tandem_csrf='))!.split('=')[1]!;

  // 3. The mix.
  const READS = [
    '/api/v1/me', '/api/v1/people?limit=50', '/api/v1/roadmap', '/api/v1/roadmap/health', '/api/v1/roadmap/health/history?days=90', '/api/v1/pulses',
    '/api/v1/requests?limit=50', '/api/v1/cases?limit=50', '/api/v1/priorities/rounds', '/api/v1/value/summary', '/api/v1/insights', '/api/v1/goals',
  ];
  type Kind = 'read' | 'write' | 'pulse';
  let seq = 0;
  let linkAt = 0;
  let created = 0;
  const lat: Record<Kind, number[]> = { read: [], write: [], pulse: [] };
  const errors: Record<string, number> = {};
  let recording = false;
  let linksRanOut = false;
  const answers = (i: number) => JSON.stringify({ answers: pulse.questions.map((q, k) => ({ questionId: q.id, value: ((i + k) % 5) + 1 })) });

  async function one(origin: string) {
    const n = seq++;
    const roll = n % 10; // deterministic mix: 7 reads, 2 writes, 1 pulse submission in every 10
    let kind: Kind;
    let method = 'GET';
    let path: string;
    let body: string | undefined;
    let auth = true;
    if (roll < 7) {
      kind = 'read';
      path = READS[(n * 7 + roll) % READS.length]!;
    } else if (roll < 9) {
      kind = 'write';
      method = roll === 7 || n % 20 < 10 ? 'PATCH' : 'POST';
      if (roll === 7) {
        path = `/api/v1/initiatives/${roadmap.initiatives[n % roadmap.initiatives.length]!.id}`;
        body = JSON.stringify({ effort: 5 + (n % 200) });
      } else if (method === 'PATCH') {
        path = `/api/v1/people/${people[n % people.length]!.id}`;
        body = JSON.stringify({ department: `Dept ${n % 13}` });
      } else {
        path = '/api/v1/people';
        const k = created++;
        body = JSON.stringify({ name: `Load New ${k}`, email: `new${k}-${n}@load.test`, department: 'Load', side: k % 2 ? 'it' : 'business', level: 'employee' });
      }
    } else {
      kind = 'pulse';
      if (linkAt >= links.length) {
        linksRanOut = true;
        kind = 'read';
        path = '/api/v1/me';
      } else {
        method = 'POST';
        path = `/api/v1/respond/${links[linkAt]!}`;
        body = answers(linkAt++);
        auth = false;
      }
    }
    const headers: Record<string, string> = {};
    if (auth) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (auth && method !== 'GET') headers['x-csrf-token'] = csrf;
    const t = performance.now();
    try {
      const r = await fetch(origin + path, { method, headers, body });
      await r.arrayBuffer();
      if (r.status >= 300) {
        const key = `${r.status} ${method} ${path.replace(/[0-9a-f-]{36}|[A-Za-z0-9_-]{22}$/g, ':id')}`;
        errors[key] = (errors[key] ?? 0) + 1;
      }
    } catch (e) {
      const key = `exception ${method} ${path.replace(/[0-9a-f-]{36}|[A-Za-z0-9_-]{22}$/g, ':id')}: ${(e as Error).message}`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
    if (recording) lat[kind].push(performance.now() - t);
  }

  async function drive(seconds: number) {
    const end = performance.now() + seconds * 1000;
    let turn = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) await one(origins[turn++ % origins.length]!);
      }),
    );
  }
  const rss = () => children.map((c) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${c.child.pid}/status`, 'utf8'))![1]) * 1024);

  await drive(WARMUP);
  const warmupErrors = { ...errors };
  for (const k of Object.keys(errors)) delete errors[k];
  const rssStart = rss();
  const load1 = loadavg()[0]!;
  recording = true;
  const t0 = performance.now();
  const seqStart = seq;
  const samples: { at: number; rss: number[] }[] = [];
  const sampler = setInterval(() => samples.push({ at: (performance.now() - t0) / 1000, rss: rss() }), 5000);
  await drive(SECONDS);
  clearInterval(sampler);
  const elapsed = (performance.now() - t0) / 1000;
  recording = false;
  const requests = seq - seqStart;
  // Let the instances settle (GC, idle pools) for a moment before the end figure.
  await new Promise((r) => setTimeout(r, 2000));
  const rssEnd = rss();

  const pct = (xs: number[], p: number) => {
    if (xs.length === 0) return null;
    const s = [...xs].sort((a, b) => a - b);
    return +s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!.toFixed(1);
  };
  const summary = (xs: number[]) => ({ count: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) });
  const allLat = [...lat.read, ...lat.write, ...lat.pulse];
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const growth = rssEnd.map((e, i) => +((e - rssStart[i]!) / rssStart[i]!).toFixed(3));
  const windowS = Math.min(60, elapsed / 5);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = samples.filter((x) => x.at <= windowS);
  const last = samples.filter((x) => x.at >= elapsed - windowS);
  const firstMedian = children.map((_, i) => med(first.map((x) => x.rss[i]!)));
  const lastMedian = children.map((_, i) => med(last.map((x) => x.rss[i]!)));
  const medianGrowth = lastMedian.map((l, i) => +((l - firstMedian[i]!) / firstMedian[i]!).toFixed(3));
  const mb = (b: number) => Math.round(b / 1048576);
  console.log(
    JSON.stringify({
      name: 'platform.load',
      date: new Date().toISOString(),
      engine: 'postgres',
      instances: 2,
      server: SERVER_ENTRY.replace(process.cwd() + '/', ''),
      loadGenerator: `in-process, Node fetch (undici) keep-alive, ${CONNECTIONS} concurrent clients, round-robin over the 2 instances; mix 7 reads : 2 writes : 1 pulse submission`,
      cpus: cpus().length,
      loadavg1: { start: +load1.toFixed(1), end: +loadavg()[0]!.toFixed(1) },
      seconds: +elapsed.toFixed(1),
      warmupSeconds: WARMUP,
      requests,
      requestsPerSecond: Math.round(requests / elapsed),
      latencyMs: { all: summary(allLat), read: summary(lat.read), write: summary(lat.write), pulse: summary(lat.pulse) },
      errors: errorCount,
      errorsByRequest: errors,
      warmupErrors,
      pulseLinks: { available: links.length, used: linkAt, ranOut: linksRanOut },
      rssMB: { start: rssStart.map(mb), end: rssEnd.map(mb), samples: samples.map((x) => ({ s: Math.round(x.at), mb: x.rss.map(mb) })) },
      rssGrowthInstants: growth,
      rssMedianMB: { windowSeconds: Math.round(windowS), first: firstMedian.map(mb), last: lastMedian.map(mb) },
      rssGrowth: medianGrowth,
      targets: { errors: 0, rssGrowth: '<= 0.10 (median of the last window against the first)' },
      met: { errors: errorCount === 0, rssGrowth: medianGrowth.every((g) => g <= 0.1) },
    }),
  );
} finally {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGTERM');
  await Promise.all(children.map((c) => Promise.race([c.exited, new Promise((r) => setTimeout(r, 10_000))])));
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
