import { findCase, findCaseLinks, findCaseVersion, type CaseRow, type CaseVersionWithItems, type Executor } from '@tandem/db';
import { notFound } from '../../lib/errors';

/** The case and its current version, or 404 alike for a foreign and a random id. */
export async function loadCase(x: Executor, orgId: string, id: string): Promise<{ row: CaseRow; version: CaseVersionWithItems }> {
  const row = await findCase(x, orgId, id);
  if (!row) throw notFound('Case');
  const version = await findCaseVersion(x, orgId, id, row.version);
  if (!version) throw notFound('Case');
  return { row, version };
}

export function loadLinks(x: Executor, orgId: string, row: CaseRow) {
  return row.initiativeId ? findCaseLinks(x, orgId, row.initiativeId) : Promise.resolve(null);
}
