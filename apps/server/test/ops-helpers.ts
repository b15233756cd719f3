import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@tandem/db';

/**
 * Every row of every table of the application and migration schemas, each table's rows in a
 * canonical order, for row-for-row comparison of two databases.
 */
export async function allRows(database: Database): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ s: string; t: string }>(
    database.db,
    sql`select table_schema as s, table_name as t from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const out: Record<string, string[]> = {};
  for (const { s, t } of tables) {
    const rows = await queryRows<Record<string, unknown>>(database.db, sql.raw(`select to_jsonb(x) as j from "${s}"."${t}" x`));
    out[`${s}.${t}`] = rows.map((r) => JSON.stringify(sortKeys(typeof r.j === 'string' ? JSON.parse(r.j) : r.j))).sort();
  }
  return out;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
