import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { makePgliteTemplate, openDatabase, pgliteVersion, type Database, type Engine } from '@tandem/db';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type BuildOptions } from '../src/app';
import { loadConfig } from '../src/config';

/**
 * The engines the database/API suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is
 * set. With TANDEM_REQUIRE_ALL=1 (CI) a missing PostgreSQL is a failure, never a silent skip.
 */
export function engines(): Engine[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.TANDEM_REQUIRE_ALL === '1') throw new Error('TANDEM_REQUIRE_ALL=1 but TEST_DATABASE_URL is not set');
  console.warn('TEST_DATABASE_URL is not set: the database/API suite runs on PGlite only');
  return ['pglite'];
}

/** A fresh, throwaway database on the PostgreSQL server of TEST_DATABASE_URL. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `tandem_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let templateReady: Promise<string> | undefined;
/** One initdb per machine and PGlite version, shared by every test database. */
export function pgliteTemplate(): Promise<string> {
  templateReady ??= (async () => {
    const file = join(tmpdir(), `tandem-pglite-template-${pgliteVersion()}.tgz`);
    if (!existsSync(file)) await makePgliteTemplate(file);
    return file;
  })();
  return templateReady;
}

export async function openTestDatabase(engine: Engine): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ memory: true, template: await pgliteTemplate() });
    return { database, dispose: () => database.close() };
  }
  const pgdb = await freshPostgres();
  const database = await openDatabase({ url: pgdb.url, poolSize: 5 });
  return {
    database,
    dispose: async () => {
      await database.close();
      await pgdb.drop();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, overrides: Partial<BuildOptions> & { env?: Record<string, string> } = {}): Promise<TestApp> {
  const { database, dispose } = await openTestDatabase(engine);
  const clock = { now: new Date('2026-11-28T09:00:00Z') };
  const config = loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000', ...overrides.env });
  const app = await buildApp({ database, config, webDir: null, now: () => clock.now, logger: false, ...overrides });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}

/** A cookie-keeping API client, like a browser: it echoes tandem_csrf (or __Host-tandem_csrf) in x-csrf-token. */
export class Client {
  cookies: Record<string, string> = {};
  constructor(private readonly app: FastifyInstance) {}

  async request(opts: InjectOptions & { json?: unknown }) {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    const method = (opts.method ?? 'GET').toUpperCase();
    // Over https the cookie carries the __Host- prefix (decision 008).
    const csrf = this.cookies.tandem_csrf ?? this.cookies['__Host-tandem_csrf'];
    if (method !== 'GET' && csrf && headers['x-csrf-token'] === undefined) headers['x-csrf-token'] = csrf;
    let payload = opts.payload;
    if (opts.json !== undefined) {
      payload = JSON.stringify(opts.json);
      headers['content-type'] = 'application/json';
    }
    const res = await this.app.inject({ ...opts, method: method as InjectOptions['method'], headers, payload, cookies: { ...this.cookies } });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, json?: unknown) {
    return this.request({ method: 'POST', url, ...(json === undefined ? {} : { json }) });
  }
  patch(url: string, json: unknown) {
    return this.request({ method: 'PATCH', url, json });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

export const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };

export async function setUp(app: FastifyInstance, org = { name: 'Acme', currency: 'EUR' }, owner = OWNER) {
  const c = new Client(app);
  const res = await c.post('/api/v1/setup', { organisation: org, owner });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return { client: c, me: res.json() };
}

/**
 * Invites an email into the caller's organisation with a role and accepts it in a new client. On an
 * app with mail the link is mailed, never answered (decision 007): pass the app's SMTP server and the
 * token is read from the mail the invitee received.
 */
export async function invite(app: FastifyInstance, by: Client, email: string, role: string, name = 'Invited Person', password = 'a long enough password', mail?: { received: string[] }) {
  const before = mail?.received.length ?? 0;
  const inv = await by.post('/api/v1/invitations', { email, role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
  let token = inv.json().token as string | null;
  if (!token && mail) {
    const raw = mail.received.slice(before).map((m) => m.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).find((m) => m.toLowerCase().includes(email.toLowerCase()));
    token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(raw ?? '')?.[1] ?? null;
  }
  if (!token) throw new Error('no invitation token: on an app with mail, pass its SMTP server');
  const c = new Client(app);
  const acc = await c.post(`/api/v1/invitations/${token}/accept`, { name, password });
  if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.statusCode} ${acc.body}`);
  return { client: c, me: acc.json(), invitation: inv.json() };
}

export function csvOf(rows: string[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

/** An answer's JSON without the per-request `error.requestId`, to compare two error answers. */
export function sameAnswer(res: { body: string }): unknown {
  let v: { error?: { requestId?: string } } | null;
  try {
    v = JSON.parse(res.body) as { error?: { requestId?: string } } | null;
  } catch {
    return res.body; // not JSON (CSV, PDF): compared as is
  }
  if (v && typeof v === 'object' && v.error && typeof v.error === 'object') delete v.error.requestId;
  return v;
}
