import Papa from 'papaparse';
import { insertPeople, listPeople, updatePerson, type NewPerson, type PersonRow } from '@tandem/db';
import { PEOPLE_CSV_HEADER, PEOPLE_CSV_OPTIONAL, ZPersonCsvRow, type TPeopleImportResult } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { escapeCsvCell, parseCsvWithHeader, type CsvRecord } from '../../lib/csv';
import { plainIssue } from '../../lib/field-messages';
import { recordAudit } from './record-audit';

export const MAX_IMPORT_ROWS = 20_000;

type Fields = Pick<NewPerson, 'name' | 'email' | 'department' | 'side' | 'level' | 'location' | 'active'>;
interface Good {
  line: number;
  record: Record<string, string>;
  fields: Fields;
  /** undefined: the file has no manager column, leave the manager as it is. */
  managerEmail: string | null | undefined;
}

const COMPARED = ['name', 'email', 'department', 'side', 'level', 'location', 'active'] as const;

/** The refused rows under the file's own header, escaped like every export, to fix and import again. */
function failedRows(header: string[], failed: CsvRecord[]): string {
  if (failed.length === 0) return '';
  return Papa.unparse({ fields: header, data: failed.map((f) => header.map((h) => escapeCsvCell(f.record[h] ?? ''))) }, { newline: '\r\n' }) + '\r\n';
}

/**
 * Imports people from CSV: the header `name,email,department,side,level,location` in any order,
 * plus `manager_email` and `active` when present, so the app's own export (GET /people.csv)
 * imports again. A row whose e-mail is already in the directory updates that person (no
 * duplicate); rows equal to what is stored count as unchanged. Every bad row is reported with
 * its line (the header is line 1) and reason in plain words, and comes back in `failedCsv`.
 * The good rows are written together in one transaction; `dryRun` counts and writes nothing.
 */
export async function importPeople(ctx: AppContext, auth: OrgAuth, csv: string, dryRun = false): Promise<TPeopleImportResult> {
  const errors: TPeopleImportResult['errors'] = [];
  const failed: CsvRecord[] = [];
  const good: Good[] = [];
  const seen = new Map<string, number>();
  const records = parseCsvWithHeader(csv, PEOPLE_CSV_HEADER, MAX_IMPORT_ROWS, errors, PEOPLE_CSV_OPTIONAL);
  const header = [...PEOPLE_CSV_HEADER, ...PEOPLE_CSV_OPTIONAL.filter((h) => records.some((r) => h in r.record))];
  const fail = (r: CsvRecord, message: string) => {
    errors.push({ line: r.line, message });
    failed.push(r);
  };
  for (const r of records) {
    const { record, line } = r;
    const v = ZPersonCsvRow.safeParse({ ...record, side: record.side?.toLowerCase(), level: record.level?.toLowerCase() });
    if (!v.success) {
      fail(r, v.error.issues.map((iss) => `${plainIssue({ keyword: iss.code, message: iss.message, params: iss as unknown as Record<string, unknown> }, record, iss.path.map(String))} (${iss.path.join('.') || 'row'})`).join('; '));
      continue;
    }
    const email = v.data.email.toLowerCase();
    const dup = seen.get(email);
    if (dup !== undefined) {
      fail(r, `E-mail ${v.data.email} appears already on line ${dup} (email)`);
      continue;
    }
    seen.set(email, line);
    const { manager_email, ...fields } = v.data;
    good.push({ line, record, fields, managerEmail: 'manager_email' in record ? manager_email : undefined });
  }

  return ctx.db.transaction(async (tx) => {
    const existing = await listPeople(tx, auth.orgId, true);
    const byEmail = new Map<string, PersonRow>(existing.map((p) => [p.email.toLowerCase(), p]));
    const inFile = new Set(good.map((g) => g.fields.email.toLowerCase()));
    // A manager must be in the directory or in this file.
    const ok: Good[] = [];
    for (const g of good) {
      if (g.managerEmail && !byEmail.has(g.managerEmail) && !inFile.has(g.managerEmail)) {
        fail({ line: g.line, record: g.record }, `Manager e-mail ${g.managerEmail} is not in the directory nor in this file (manager_email)`);
      } else ok.push(g);
    }
    const toCreate = ok.filter((g) => !byEmail.has(g.fields.email.toLowerCase()));
    const toUpdate: { id: string; g: Good }[] = [];
    let unchanged = 0;
    for (const g of ok) {
      const cur = byEmail.get(g.fields.email.toLowerCase());
      if (!cur) continue;
      const managerEmail = cur.managerId ? existing.find((p) => p.id === cur.managerId)?.email.toLowerCase() ?? null : null;
      const same = COMPARED.every((k) => cur[k] === g.fields[k]) && (g.managerEmail === undefined || g.managerEmail === managerEmail);
      if (same) unchanged++;
      else toUpdate.push({ id: cur.id, g });
    }
    errors.sort((a, b) => a.line - b.line);
    failed.sort((a, b) => a.line - b.line);
    const result = { dryRun, created: toCreate.length, updated: toUpdate.length, unchanged, errors, failedCsv: failedRows(header, failed) };
    if (dryRun) return result;

    const created = await insertPeople(tx, auth.orgId, toCreate.map((g) => ({ ...g.fields, managerId: null })));
    for (const p of created) byEmail.set(p.email.toLowerCase(), p);
    const now = ctx.now();
    for (const { id, g } of toUpdate) await updatePerson(tx, auth.orgId, id, { ...g.fields, updatedAt: now });
    // Managers last, once everyone in the file exists.
    for (const g of ok) {
      if (g.managerEmail === undefined) continue;
      const me = byEmail.get(g.fields.email.toLowerCase())!;
      const managerId = g.managerEmail ? byEmail.get(g.managerEmail)!.id : null;
      if (me.managerId !== managerId) await updatePerson(tx, auth.orgId, me.id, { managerId, updatedAt: now });
    }
    await recordAudit(ctx, tx, {
      orgId: auth.orgId,
      actorUserId: auth.userId,
      action: 'people.imported',
      details: { created: result.created, updated: result.updated, unchanged, errors: errors.length },
    });
    return result;
  });
}
