import Papa from 'papaparse';
import { listPeople } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { escapeCsvCell } from '../../lib/csv';
import { csvRowsToXlsx } from '../../lib/xlsx';
import { recordAudit } from './record-audit';

const HEADER = ['name', 'email', 'department', 'side', 'level', 'location', 'manager_email', 'active'] as const;

/** The directory as rows under the import's own header, formula-like cells escaped, audited as one export. */
async function exportRows(ctx: AppContext, auth: OrgAuth, format: 'csv' | 'xlsx'): Promise<string[][]> {
  const rows = await listPeople(ctx.db, auth.orgId, true);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const data = rows.map((r) =>
    [r.name, r.email, r.department, r.side, r.level, r.location, r.managerId ? (byId.get(r.managerId)?.email ?? '') : '', r.active ? 'true' : 'false'].map(escapeCsvCell),
  );
  await recordAudit(ctx, ctx.db, { orgId: auth.orgId, actorUserId: auth.userId, action: 'people.exported', details: { rows: rows.length, format } });
  return data;
}

export async function exportPeople(ctx: AppContext, auth: OrgAuth): Promise<string> {
  const data = await exportRows(ctx, auth, 'csv');
  return Papa.unparse({ fields: [...HEADER], data }, { newline: '\r\n' }) + '\r\n';
}

/** The same export as an Excel workbook; it imports again through POST /people/import. */
export async function exportPeopleXlsx(ctx: AppContext, auth: OrgAuth): Promise<Buffer> {
  return csvRowsToXlsx('People', HEADER, await exportRows(ctx, auth, 'xlsx'));
}
