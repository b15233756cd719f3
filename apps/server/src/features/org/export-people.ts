import Papa from 'papaparse';
import { listPeople } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { escapeCsvCell } from '../../lib/csv';
import { recordAudit } from './record-audit';

export async function exportPeople(ctx: AppContext, auth: OrgAuth): Promise<string> {
  const rows = await listPeople(ctx.db, auth.orgId, true);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const data = rows.map((r) =>
    [r.name, r.email, r.department, r.side, r.level, r.location, r.managerId ? (byId.get(r.managerId)?.email ?? '') : '', r.active ? 'true' : 'false'].map(escapeCsvCell),
  );
  await recordAudit(ctx, ctx.db, { orgId: auth.orgId, actorUserId: auth.userId, action: 'people.exported', details: { rows: rows.length } });
  return Papa.unparse({ fields: ['name', 'email', 'department', 'side', 'level', 'location', 'manager_email', 'active'], data }, { newline: '\r\n' }) + '\r\n';
}
