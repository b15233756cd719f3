import { existingPeopleEmails, insertPeople, type NewPerson } from '@tandem/db';
import { PEOPLE_CSV_HEADER, ZPersonCsvRow, type TImportResult } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { parseCsvWithHeader } from '../../lib/csv';
import { recordAudit } from './record-audit';

export const MAX_IMPORT_ROWS = 20_000;

/**
 * Imports people from CSV with the header `name,email,department,side,level,location` (any
 * order). Every bad row is reported with its line number (the header is line 1) and reason; the
 * good rows are inserted together in one transaction, so the import is all-or-nothing for them.
 */
export async function importPeople(ctx: AppContext, auth: OrgAuth, csv: string): Promise<TImportResult> {
  const errors: TImportResult['errors'] = [];
  const good: { line: number; person: NewPerson }[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of parseCsvWithHeader(csv, PEOPLE_CSV_HEADER, MAX_IMPORT_ROWS, errors)) {
    const v = ZPersonCsvRow.safeParse({ ...record, side: record.side?.toLowerCase(), level: record.level?.toLowerCase() });
    if (!v.success) {
      errors.push({ line, message: v.error.issues.map((iss) => `${iss.path.join('.') || 'row'}: ${iss.message}`).join('; ') });
      continue;
    }
    const email = v.data.email;
    const dup = seen.get(email);
    if (dup !== undefined) {
      errors.push({ line, message: `email: ${email} appears already on line ${dup}` });
      continue;
    }
    seen.set(email, line);
    good.push({ line, person: { ...v.data, managerId: null } });
  }

  return ctx.db.transaction(async (tx) => {
    const existing = await existingPeopleEmails(tx, auth.orgId, good.map((g) => g.person.email));
    const toInsert: NewPerson[] = [];
    for (const g of good) {
      if (existing.has(g.person.email.toLowerCase())) errors.push({ line: g.line, message: `email: ${g.person.email} is already in the directory` });
      else toInsert.push(g.person);
    }
    errors.sort((a, b) => a.line - b.line);
    await insertPeople(tx, auth.orgId, toInsert);
    await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'people.imported', details: { added: toInsert.length, errors: errors.length } });
    return { added: toInsert.length, errors };
  });
}
