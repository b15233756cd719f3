import Papa from 'papaparse';
import { listPeople, loadRoadmap } from '@tandem/db';
import { ENABLERS_CSV_HEADER, GOALS_CSV_HEADER, INITIATIVES_CSV_HEADER } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import type { StrategyCsvKind } from './import-strategy';
import { escapeCsvCell } from '../../lib/csv';
import { recordStrategyAudit } from './record-history';
import { indexRoadmap } from './strategy.mapper';

/** Strings get the formula escape; numbers are written as they are, so a negative baseline stays a number. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return escapeCsvCell(value);
}

/** Exports goals, initiatives or enablers with the same header the import reads, so a round trip works. */
export async function exportStrategy(ctx: AppContext, auth: OrgAuth, kind: StrategyCsvKind): Promise<string> {
  const [rows, peopleRows] = await Promise.all([loadRoadmap(ctx.db, auth.orgId), listPeople(ctx.db, auth.orgId, true)]);
  const email = new Map(peopleRows.map((p) => [p.id, p.email]));
  const ix = indexRoadmap(rows);
  const goalTitle = new Map(rows.goals.map((g) => [g.id, g.title]));
  const initiativeTitle = new Map(rows.initiatives.map((i) => [i.id, i.title]));
  const e = (id: string | null) => (id ? (email.get(id) ?? '') : '');
  let fields: readonly string[];
  let data: (string | number | null)[][];
  if (kind === 'goals') {
    fields = GOALS_CSV_HEADER;
    data = rows.goals.map((g) => [g.title, g.metric, g.baseline, g.target, g.unit, g.dueDate, e(g.ownerId)]);
  } else if (kind === 'initiatives') {
    fields = INITIATIVES_CSV_HEADER;
    data = rows.initiatives.map((i) => [
      i.title,
      i.description,
      (ix.goalsOfInitiative.get(i.id) ?? []).map((id) => goalTitle.get(id)).join('; '),
      e(i.ownerId),
      e(i.businessChampionId),
      e(i.itChampionId),
      i.startDate,
      i.endDate,
      i.status,
      i.effort,
      i.ansoff,
      i.itInvolvedAt,
    ]);
  } else {
    fields = ENABLERS_CSV_HEADER;
    data = rows.enablers.map((x) => [x.title, (ix.initiativesOfEnabler.get(x.id) ?? []).map((id) => initiativeTitle.get(id)).join('; '), e(x.ownerId), x.startDate, x.endDate, x.status, x.effort]);
  }
  await recordStrategyAudit(ctx, ctx.db, auth, 'strategy.exported', null, { kind, rows: data.length });
  return Papa.unparse({ fields: [...fields], data: data.map((r) => r.map(cell)) }, { newline: '\r\n' }) + '\r\n';
}
