import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client';
import * as schema from '../schema';

/**
 * Organisation export and import (decision 111), generic over the schema: every table with an
 * org_id moves, except the ones that hold secrets or tie a person to a pulse answer.
 */
export const TRANSFER_FORMAT = 'tandem-organisation-export';
export const TRANSFER_VERSION = 1;

/** Secrets (token hashes), account links and per-person pulse links never leave the instance. */
const NOT_MOVED = new Set([
  'invitations',
  'pulse_invitations',
  'memberships',
  'sessions',
  'password_resets',
  // Credentials and their logs: API tokens, webhook and SSO secrets, sign-in states, digest and calendar-feed tokens.
  'api_tokens',
  'webhooks',
  'webhook_deliveries',
  'sso_configs',
  'oidc_logins',
  'digest_subscriptions',
  'calendar_feeds',
  // Derived and recomputed on the first read (decision 094): its jsonb holds ids of the source instance.
  'pulse_result_memos',
  // Counters kept by triggers (decision 166): the import's own inserts raise them on the target.
  'data_versions',
]);
/** Per-row link secrets that must exist on the target: each gets a fresh random value, so old mail links die. */
const FRESH_SECRETS = ['met_token_hash'];
/** Rows the instance makes for a new organisation; an "empty" organisation may hold them, and the import replaces them. */
const REPLACED = new Set(['strategy_settings', 'priority_settings']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface TableInfo {
  name: string;
  hasId: boolean;
  /** Columns holding a user id (foreign key to users). */
  userColumns: string[];
  /** Single-column foreign keys to another moved table: the value must be a row of the same export. */
  refColumns: string[];
  dependsOn: string[];
}

let cached: TableInfo[] | null = null;

/** The moved tables, parents before children. */
export function transferTables(): TableInfo[] {
  if (cached) return cached;
  const infos: TableInfo[] = [];
  for (const v of Object.values(schema)) {
    if (!(v instanceof PgTable)) continue;
    const c = getTableConfig(v);
    if (NOT_MOVED.has(c.name) || !c.columns.some((col) => col.name === 'org_id')) continue;
    const userColumns: string[] = [];
    const refColumns: string[] = [];
    const dependsOn = new Set<string>();
    for (const fk of c.foreignKeys) {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      const cols = ref.columns.map((x: PgColumn) => x.name);
      if (target === 'users') userColumns.push(...cols);
      else if (target !== 'organisations') {
        if (target !== c.name) dependsOn.add(target);
        if (cols.length === 1) refColumns.push(cols[0]!);
      }
    }
    infos.push({ name: c.name, hasId: c.columns.some((col) => col.name === 'id' && col.primary && col.columnType === 'PgUUID'), userColumns, refColumns, dependsOn: [...dependsOn] });
  }
  const byName = new Map(infos.map((i) => [i.name, i]));
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (i: TableInfo) => {
    if (seen.has(i.name)) return;
    seen.add(i.name);
    for (const d of i.dependsOn) if (byName.has(d)) visit(byName.get(d)!);
    ordered.push(i);
  };
  for (const i of [...infos].sort((a, b) => a.name.localeCompare(b.name))) visit(i);
  cached = ordered;
  return ordered;
}

export interface OrgExport {
  format: typeof TRANSFER_FORMAT;
  version: number;
  exportedAt: string;
  organisation: { id: string; name: string; currency: string };
  tables: Record<string, Record<string, unknown>[]>;
}

const asObject = (j: unknown) => (typeof j === 'string' ? JSON.parse(j) : j) as Record<string, unknown>;

/**
 * Pulse responses leave with their segment only where the segment's full cell (side, level,
 * department, location) holds at least the pulse's minimum group size, and their comments only
 * where it holds the comment minimum; other responses keep their answers under an empty segment
 * (decision 111). A file handed to an administrator cannot isolate a small group.
 */
const pulseResponses = (orgId: string) => sql`
  select (to_jsonb(x) - 'cell_n' - 'min_group_size' - 'min_comment_group_size')
         || case when cell_n >= min_group_size then '{}'::jsonb
                 else jsonb_build_object('side', '', 'level', '', 'department', '', 'location', '') end
         || case when cell_n >= min_comment_group_size then '{}'::jsonb else jsonb_build_object('comments', null) end as j
  from (
    select r.*, count(*) over (partition by r.pulse_id, r.side, r.level, r.department, r.location) as cell_n, p.min_group_size, p.min_comment_group_size
    from pulse_responses r join pulses p on p.id = r.pulse_id and p.org_id = r.org_id
    where r.org_id = ${orgId}
  ) x
  order by x.id`;

export async function exportOrganisation(x: Executor, orgId: string, now: Date): Promise<OrgExport | null> {
  const org = (await queryRows<{ id: string; name: string; currency: string }>(x, sql`select id, name, currency from organisations where id = ${orgId}`))[0];
  if (!org) return null;
  const tables: OrgExport['tables'] = {};
  for (const t of transferTables()) {
    const rows =
      t.name === 'pulse_responses'
        ? await queryRows<{ j: unknown }>(x, pulseResponses(orgId))
        : await queryRows<{ j: unknown }>(x, sql`select to_jsonb(t) as j from ${sql.identifier(t.name)} t where org_id = ${orgId}`);
    tables[t.name] = rows.map((r) => {
      const o = asObject(r.j);
      for (const k of FRESH_SECRETS) if (k in o) o[k] = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
      return o;
    });
  }
  return { format: TRANSFER_FORMAT, version: TRANSFER_VERSION, exportedAt: now.toISOString(), organisation: org, tables };
}

export type ImportProblem = { code: 'not_empty'; table: string } | { code: 'invalid'; message: string };

/** Whether the organisation holds anything an import would collide with (its owner's own person row and default settings excepted). */
export async function organisationContentTable(x: Executor, orgId: string): Promise<string | null> {
  for (const t of transferTables()) {
    if (REPLACED.has(t.name) || t.name === 'audit_log') continue;
    const extra = t.name === 'people' ? sql` and user_id is null` : sql``;
    const r = await queryRows<{ any: boolean }>(x, sql`select exists(select 1 from ${sql.identifier(t.name)} where org_id = ${orgId}${extra}) as any`);
    if (r[0]!.any) return t.name;
  }
  return null;
}

/**
 * Inserts an export into `orgId` with new ids (run inside a transaction). User references become
 * the importing user (accounts do not move); a person's link to an account is dropped.
 */
export async function importOrganisation(x: Executor, orgId: string, importerUserId: string, doc: OrgExport): Promise<ImportProblem | Record<string, number>> {
  const tables = transferTables();
  const known = new Set(tables.map((t) => t.name));
  for (const name of Object.keys(doc.tables)) if (!known.has(name)) return { code: 'invalid', message: `tables.${name}: not a table this version exports` };
  const busy = await organisationContentTable(x, orgId);
  if (busy) return { code: 'not_empty', table: busy };

  const ids = new Map<string, string>([[doc.organisation.id.toLowerCase(), orgId]]);
  const newIds = new Set<string>();
  for (const t of tables) {
    if (!t.hasId) continue;
    for (const row of doc.tables[t.name] ?? []) {
      const old = typeof row.id === 'string' ? row.id.toLowerCase() : null;
      if (!old || !/^[0-9a-f-]{36}$/.test(old)) return { code: 'invalid', message: `tables.${t.name}: a row has no valid id` };
      if (ids.has(old)) return { code: 'invalid', message: `tables.${t.name}: id ${old} appears twice` };
      const fresh = randomUUID();
      ids.set(old, fresh);
      newIds.add(fresh);
    }
  }
  const remap = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(UUID, (m) => ids.get(m.toLowerCase()) ?? m);
    if (Array.isArray(v)) return v.map(remap);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, remap(x)]));
    return v;
  };
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const rows = (doc.tables[t.name] ?? []).map((row) => {
      const out = remap(row) as Record<string, unknown>;
      out.org_id = orgId;
      for (const c of t.userColumns) if (out[c] !== null && out[c] !== undefined) out[c] = t.name === 'people' ? null : importerUserId;
      return out;
    });
    for (const row of rows) {
      for (const c of t.refColumns) {
        const v = row[c];
        if (v !== null && v !== undefined && !(typeof v === 'string' && newIds.has(v))) return { code: 'invalid', message: `tables.${t.name}.${c}: ${JSON.stringify(v)} is not a row of this export` };
      }
    }
    if (REPLACED.has(t.name) && rows.length) await x.execute(sql`delete from ${sql.identifier(t.name)} where org_id = ${orgId}`);
    if (rows.length) {
      await x.execute(sql`insert into ${sql.identifier(t.name)} select * from jsonb_populate_recordset(null::${sql.identifier(t.name)}, ${JSON.stringify(rows)}::jsonb)`);
    }
    counts[t.name] = rows.length;
  }
  return counts;
}
