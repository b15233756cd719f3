// Shared set-up of the pulse benchmarks: the engines to run on, a fresh app per engine, and a
// synthetic organisation built with set-based SQL (the benchmark measures reads and submissions,
// not the seeding).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type Engine } from '@tandem/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app';
import type { Mail, Mailer } from '../../apps/server/src/lib/mailer';
import { loadConfig } from '../../apps/server/src/config';

export const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/** PGlite always; PostgreSQL from TEST_DATABASE_URL, or a local server when one answers. */
export async function benchEngines(): Promise<{ engine: Engine; url?: string }[]> {
  const out: { engine: Engine; url?: string }[] = [{ engine: 'pglite' }];
  const url = process.env.TEST_DATABASE_URL ?? LOCAL_PG;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    out.push({ engine: 'postgres', url });
  } catch {
    console.error(`PostgreSQL not reachable at ${url}: benchmarking PGlite only`);
  }
  return out;
}

export interface BenchApp {
  app: FastifyInstance;
  database: Database;
  cookies: Record<string, string>;
  orgId: string;
  close(): Promise<void>;
}

/** A fresh database (a throwaway PostgreSQL database, or in-memory PGlite) and an app with an owner signed in. */
/**
 * Keeps every mail in memory. Person links travel only by mail (decision 024), and the benchmarks
 * measure submissions and results, not SMTP: they read the links from here.
 */
export function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    send: async (m) => {
      sent.push(m);
    },
    close: () => undefined,
  };
}

export async function benchApp(e: { engine: Engine; url?: string }, poolSize = 25, mailer: Mailer | null = null): Promise<BenchApp> {
  let database: Database;
  let drop = async () => undefined as void;
  if (e.engine === 'postgres') {
    const name = `tandem_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: e.url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(e.url!);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString(), poolSize });
    drop = async () => {
      const c = new pg.Client({ connectionString: e.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    database = await openDatabase({ memory: true });
  }
  const config = loadConfig({ TANDEM_AUTH_RATE_LIMIT: '100000', TANDEM_RESPOND_RATE_LIMIT: '100000000' });
  const app = await buildApp({ database, config, webDir: null, logger: false, mailer });
  await app.ready();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { organisation: { name: 'Bench', currency: 'EUR' }, owner: { name: 'Bench Owner', email: 'owner@bench.test', password: 'quiet harbour lantern 723' } },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  const cookies = Object.fromEntries((res.cookies as { name: string; value: string }[]).map((c) => [c.name, c.value]));
  return {
    app,
    database,
    cookies,
    orgId: res.json().current.id,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** An authenticated JSON request as the owner. */
export async function api(b: BenchApp, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const res = await b.app.inject({ method, url, cookies: b.cookies, headers: method === 'GET' ? {} : { 'x-csrf-token': b.cookies.tandem_csrf! }, ...(payload === undefined ? {} : { payload: payload as object }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}

/** n people over 2 sides × 2 levels × 12 departments × 6 locations (≈1 in 7 a leader). */
export async function seedPeople(b: BenchApp, n: number) {
  await b.database.db.execute(sql`
    insert into people (org_id, name, email, department, side, level, location)
    select ${b.orgId}, 'Person ' || g, 'p' || g || '@bench.test', 'Dept ' || (g % 11),
           case when g % 3 = 0 then 'it' else 'business' end,
           case when g % 7 = 0 then 'leader' else 'employee' end,
           'Loc ' || ((g / 11) % 6)
    from generate_series(1, ${n}) g`);
}

export async function count(b: BenchApp, query: ReturnType<typeof sql>): Promise<number> {
  const [r] = await queryRows<{ n: number }>(b.database.db, query);
  return Number(r!.n);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
