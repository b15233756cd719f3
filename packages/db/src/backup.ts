import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir, pgliteVersion } from './client';

/**
 * Backup and restore of a whole Tandem database (decision 110), with the same target as `npm start`:
 * PostgreSQL when a URL is given (pg_dump custom format), the PGlite data directory otherwise (a
 * gzipped copy of the data directory, with a one-line header naming the PGlite version).
 */
export type BackupTarget = { url: string } | { dataDir: string };

export class RestoreRefusedError extends Error {
  constructor(where: string) {
    super(`${where} already holds data; restore only into an empty database, or pass --force to replace it`);
    this.name = 'RestoreRefusedError';
  }
}

/** The first bytes of a PGlite backup, so restore can tell the two formats apart and check the version. */
const PGLITE_MAGIC = 'TANDEM-PGLITE-BACKUP ';

function majorOf(versionText: string): number {
  const m = /(\d+)(?:\.\d+)?/.exec(versionText);
  if (!m) throw new Error(`cannot read a version in "${versionText}"`);
  return Number(m[1]);
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message}); install the PostgreSQL client tools`);
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.trim()}`);
  return r.stdout;
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** pg_dump/pg_restore must be at least the server's major version (decision 110). */
async function checkToolVersion(url: string, tool: 'pg_dump' | 'pg_restore'): Promise<void> {
  const server = await withClient(url, async (c) => Number((await c.query('show server_version_num')).rows[0].server_version_num));
  const serverMajor = Math.floor(server / 10000);
  const toolMajor = majorOf(run(tool, ['--version']).replace(/^[^\d]*/, ''));
  if (toolMajor < serverMajor) {
    throw new Error(`${tool} is version ${toolMajor} but the server is PostgreSQL ${serverMajor}; install the client tools of version ${serverMajor} or later`);
  }
}

/** True when any table of the application schema holds a row (an empty, migrated database is empty). */
async function hasRows(q: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>): Promise<boolean> {
  const tables = (await q(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).rows.map((r) => String(r.table_name));
  if (tables.length === 0) return false;
  const probe = tables.map((t) => `select 1 from "public"."${t.replace(/"/g, '""')}"`).join(' union all ');
  return (await q(`select exists(${probe}) as any`)).rows[0]!.any === true;
}

export async function databaseHasData(target: BackupTarget): Promise<boolean> {
  if ('url' in target) return withClient(target.url, (c) => hasRows((s) => c.query(s)));
  if (!existsSync(join(target.dataDir, 'PG_VERSION'))) return false;
  const release = lockDataDir(target.dataDir);
  try {
    const db = new PGlite(target.dataDir);
    try {
      return await hasRows((s) => db.query(s));
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

/** Writes one backup file of the target; the PGlite data directory must not be in use (its lock says so). */
export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    if ('url' in target) {
      await checkToolVersion(target.url, 'pg_dump');
      run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${tmp}`, `--dbname=${target.url}`]);
    } else {
      if (!existsSync(join(target.dataDir, 'PG_VERSION'))) throw new Error(`${target.dataDir} holds no Tandem database`);
      const release = lockDataDir(target.dataDir);
      try {
        const db = new PGlite(target.dataDir);
        await db.waitReady;
        // CHECKPOINT so the copy holds every committed change in the data files, not only in the WAL.
        await db.exec('checkpoint');
        const blob = await db.dumpDataDir('gzip');
        await db.close();
        writeFileSync(tmp, Buffer.concat([Buffer.from(`${PGLITE_MAGIC}${pgliteVersion()}\n`), Buffer.from(await blob.arrayBuffer())]));
      } finally {
        release();
      }
    }
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function readPgliteBackup(file: string): Buffer | null {
  const buf = readFileSync(file);
  const head = buf.subarray(0, 64).toString('latin1');
  if (!head.startsWith(PGLITE_MAGIC)) return null;
  const nl = buf.indexOf(10);
  const version = buf.subarray(PGLITE_MAGIC.length, nl).toString('utf8');
  if (version.split('.').slice(0, 2).join('.') !== pgliteVersion().split('.').slice(0, 2).join('.')) {
    throw new Error(`this backup was made by PGlite ${version}; this Tandem runs PGlite ${pgliteVersion()}. Move the data with the organisation export instead`);
  }
  return buf.subarray(nl + 1);
}

/**
 * Restores a backup file into the target. Refuses a target that holds data unless `force`; with
 * `force` a PostgreSQL database loses its schemas first and a PGlite directory is moved aside
 * (its new name is returned), never deleted.
 */
export async function restoreDatabase(target: BackupTarget, file: string, opts: { force?: boolean } = {}): Promise<{ movedAside: string | null }> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  const pgliteBlob = readPgliteBackup(file);
  if ('url' in target) {
    if (pgliteBlob) throw new Error(`${file} is a PGlite backup; restore it with TANDEM_DATA_DIR (and no DATABASE_URL), or move an organisation with export/import`);
    if (!opts.force && (await databaseHasData(target))) throw new RestoreRefusedError('the database');
    await checkToolVersion(target.url, 'pg_restore');
    // Empty (or forced): start from no schema at all so tables newer than the backup cannot block it.
    await withClient(target.url, (c) => c.query('drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public'));
    run('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.url}`, file]);
    return { movedAside: null };
  }
  if (!pgliteBlob) throw new Error(`${file} is not a PGlite backup made by npm run backup (a pg_dump file restores with DATABASE_URL)`);
  let movedAside: string | null = null;
  if (existsSync(join(target.dataDir, 'PG_VERSION'))) {
    const full = await databaseHasData(target);
    if (full && !opts.force) throw new RestoreRefusedError(target.dataDir);
    if (full) {
      movedAside = `${target.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target.dataDir, movedAside);
    } else rmSync(target.dataDir, { recursive: true, force: true });
  }
  mkdirSync(target.dataDir, { recursive: true });
  const release = lockDataDir(target.dataDir);
  try {
    const db = new PGlite(target.dataDir, { loadDataDir: new Blob([new Uint8Array(pgliteBlob)]) });
    await db.waitReady;
    await db.close();
  } finally {
    release();
  }
  return { movedAside };
}
