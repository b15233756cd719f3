import { existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { SerialClient } from './serial-client';

export type Schema = typeof schema;
/** The one database type the rest of the code sees, whichever engine runs underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a database or a transaction: queries accept both so services decide the boundary. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs a plain SQL string (used by health checks and benchmarks). */
  ping(): Promise<boolean>;
  /** Connections of the PostgreSQL pool (metrics); PGlite has no pool and answers null. */
  poolStats(): { total: number; idle: number; waiting: number; max: number } | null;
  /**
   * Receives the payloads sent with `notify` on `channel`, from this and every other instance
   * (PostgreSQL LISTEN on a dedicated connection, reconnected after a failure; PGlite delivers in
   * its one process). `onState(false)` is called when messages may have been missed (the connection
   * dropped), `onState(true)` once listening again. Returns the function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void, onState?: (up: boolean) => void): Promise<() => Promise<void>>;
  /** How many listeners (of every instance) `listen` has on the channel right now. */
  countListeners(channel: string): Promise<number>;
  close(): Promise<void>;
}

/** Sends a payload to every listener of the channel; inside a transaction it is sent at commit. */
export async function notify(x: Executor, channel: string, payload: string): Promise<void> {
  await x.execute(sql`select pg_notify(${channel}, ${payload})`);
}

const LISTEN_RETRY_MS = 1_000;
/** The listener connections name themselves, so that every instance can count them (pg_stat_activity). */
const listenerName = (channel: string) => `tandem-listen:${channel}`.slice(0, 63);

/** LISTEN on a connection of its own (a pooled one would be handed to queries), reconnecting until stopped. */
async function pgListen(url: string, channel: string, onMessage: (payload: string) => void, onState?: (up: boolean) => void) {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: listenerName(channel) });
    client = c;
    let failed = false;
    const lost = () => {
      if (failed) return;
      failed = true;
      c.end().catch(() => undefined);
      if (stopped) return;
      onState?.(false);
      timer = setTimeout(() => void connect().catch(() => undefined), LISTEN_RETRY_MS);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen "${channel.replace(/"/g, '""')}"`);
      if (!stopped) onState?.(true);
    } catch (e) {
      lost();
      throw e;
    }
  };
  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}

export interface OpenOptions {
  /** postgres:// URL. When absent, the embedded PGlite engine is used. */
  url?: string;
  /** PGlite data directory; `memory://` or undefined with `memory: true` keeps data in memory. */
  dataDir?: string;
  memory?: boolean;
  /** Apply migrations at open (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Called when an idle PostgreSQL connection fails (the pool has already dropped it). */
  onIdleError?: (err: Error) => void;
  /**
   * A gzipped PGlite data directory made by `makePgliteTemplate`. A new data directory (or an
   * in-memory database) starts from it instead of running initdb, which is most of PGlite's
   * first-start cost. Ignored for an existing data directory.
   */
  template?: string;
}

/** PostgreSQL's default of 128 MB of shared buffers is far more than a single-node Tandem needs. */
const PGLITE_CONF = 'shared_buffers = 32MB\n';

/** The installed PGlite version: a template is only valid for the PGlite that made it. */
export function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Writes a template (initdb already run, no schema) to `file`, atomically. Building it costs one
 * initdb; every later new database loads it in a fraction of that.
 */
export async function makePgliteTemplate(file: string): Promise<void> {
  const pg0 = new PGlite();
  await pg0.waitReady;
  const blob = await pg0.dumpDataDir('gzip');
  await pg0.close();
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file);
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is in use by another Tandem process (pid ${pid}). ` +
        'Stop that process, or set TANDEM_DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** The migrations folder next to the sources, or copied beside the server bundle by the build. */
export function migrationsFolder(): string {
  const candidates = [
    fileURLToPath(new URL('../migrations', import.meta.url)),
    fileURLToPath(new URL('./migrations', import.meta.url)),
  ];
  for (const c of candidates) if (existsSync(join(c, 'meta', '_journal.json'))) return c;
  throw new Error(`Tandem migrations not found (looked in ${candidates.join(', ')})`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two processes on one data directory corrupt it. An exclusive lock
 * file holding the owner's pid turns that into a clear error; a stale lock (dead pid) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tandem.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dir, pid);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

/** A fixed key for pg_advisory_lock so that several app instances never migrate at once. */
const MIGRATION_LOCK_KEY = 7_413_001;

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const doMigrate = options.migrate ?? true;
  if (options.url) {
    // SerialClient: a transaction's concurrent queries are chained, not left to pg's deprecated queue.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, Client: SerialClient });
    // An idle connection that the server ends (restart, failover, a dropped test database) must
    // not crash the process: the pool discards it and the next query opens a new one.
    pool.on('error', (err) => options.onIdleError?.(err));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (doMigrate) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: migrationsFolder() });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    }
    return {
      db,
      engine: 'postgres',
      ping: async () => {
        await db.execute(sql`select 1`);
        return true;
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: options.poolSize ?? 10 }),
      listen: (channel, onMessage, onState) => pgListen(options.url!, channel, onMessage, onState),
      countListeners: async (channel) => {
        const r = await pool.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = $1', [listenerName(channel)]);
        return r.rows[0]?.n ?? 0;
      },
      close: () => pool.end(),
    };
  }

  const memory = options.memory || !options.dataDir;
  const release = memory ? () => undefined : lockDataDir(options.dataDir!);
  let client: PGlite;
  try {
    const fresh = memory || !existsSync(join(options.dataDir!, 'PG_VERSION'));
    const loadDataDir = fresh && options.template && existsSync(options.template) ? new Blob([readFileSync(options.template)]) : undefined;
    const pgliteOptions = { postgresqlconf: PGLITE_CONF, ...(loadDataDir ? { loadDataDir } : {}) };
    client = memory ? new PGlite(pgliteOptions) : new PGlite(options.dataDir!, pgliteOptions);
    await client.waitReady;
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (doMigrate) {
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: migrationsFolder() });
  }
  let closed = false;
  const listening = new Map<string, number>();
  return {
    db,
    engine: 'pglite',
    ping: async () => {
      await client.query('select 1');
      return true;
    },
    poolStats: () => null,
    listen: async (channel, onMessage, onState) => {
      const stop = await client.listen(channel, onMessage);
      listening.set(channel, (listening.get(channel) ?? 0) + 1);
      onState?.(true);
      return async () => {
        listening.set(channel, (listening.get(channel) ?? 1) - 1);
        if (!closed) await stop();
      };
    },
    countListeners: async (channel) => listening.get(channel) ?? 0,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Runs raw SQL and returns its rows; both engines answer `{ rows }`. */
export async function queryRows<T>(x: Executor, query: SQL): Promise<T[]> {
  const r = (await x.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** The parts of drizzle's database (and transaction) object that `execute` itself uses. */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): unknown };
  session: { prepareQuery(query: unknown, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
}

/**
 * As {@link queryRows}, as a named prepared statement: on PostgreSQL each pooled connection parses
 * and plans it once and then only binds and executes it, which for a hot statement such as a pulse
 * submission saves about a third of its database time (decision 165). PGlite runs it as usual.
 * `name` must always go with the same SQL text (only the parameters may change); pg refuses a
 * name reused for another text.
 */
export async function queryRowsPrepared<T>(x: Executor, name: string, query: SQL): Promise<T[]> {
  const d = x as unknown as DrizzleInternals;
  const r = (await d.session.prepareQuery(d.dialect.sqlToQuery(query), undefined, name, false).execute()) as { rows: T[] };
  return r.rows;
}
