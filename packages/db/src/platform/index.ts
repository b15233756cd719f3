import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, queryRows, queryRowsPrepared, type Executor } from '../client';

export interface MigrationStatus {
  /** Migrations in the journal shipped with this build. */
  expected: number;
  /** Migrations recorded as applied in the database. */
  applied: number;
  /** The newest journal entry has been applied (drizzle's own test: the last `when` it recorded). */
  current: boolean;
}

let journal: { count: number; last: number } | undefined;
function readJournal(): { count: number; last: number } {
  if (!journal) {
    const j = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    journal = { count: j.entries.length, last: Math.max(0, ...j.entries.map((e) => e.when)) };
  }
  return journal;
}

/**
 * Compares the migrations drizzle recorded in `drizzle.__drizzle_migrations` with this build's
 * journal. A database migrated by an older build (or not at all) is not current; one migrated by a
 * newer build has a later `created_at` and counts as current (the schema only grows).
 */
export async function migrationStatus(x: Executor): Promise<MigrationStatus> {
  const { count, last } = readJournal();
  const [row] = await queryRows<{ applied: number; last: string | number | null }>(
    x,
    sql`select count(*)::int as applied, max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  const applied = Number(row?.applied ?? 0);
  const appliedLast = row?.last === null || row?.last === undefined ? 0 : Number(row.last);
  return { expected: count, applied, current: appliedLast >= last && applied >= count };
}

/** Row counts of every table in the public schema (fuzz tests: nothing written by refused requests). */
export async function tableRowCounts(x: Executor): Promise<Record<string, number>> {
  const names = (
    await queryRows<{ table_name: string }>(x, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
  ).map((r) => r.table_name);
  const out: Record<string, number> = {};
  for (const name of names) {
    const [r] = await queryRows<{ n: number }>(x, sql.raw(`select count(*)::int as n from "${name.replace(/"/g, '""')}"`));
    out[name] = Number(r?.n ?? 0);
  }
  return out;
}

/**
 * Kinds of data whose changes a trigger counts per organisation (decision 166): `people` (migration
 * 0024), `strategy` (the roadmap's eight tables, migration 0025).
 */
export type DataScope = 'people' | 'strategy';

/**
 * The organisation's counter for a kind of data: it rises with every statement that changes that
 * data (0 before the first). One lookup by primary key, prepared once per connection.
 */
export async function readDataVersion(x: Executor, orgId: string, scope: DataScope): Promise<number> {
  const [r] = await queryRowsPrepared<{ version: string | number }>(
    x,
    'tandem_data_version',
    sql`select version from data_versions where org_id = ${orgId} and scope = ${scope}`,
  );
  return r ? Number(r.version) : 0;
}
