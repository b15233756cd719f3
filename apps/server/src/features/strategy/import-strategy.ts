import type { z } from 'zod';
import {
  insertEnablerInitiatives,
  insertEnablers,
  insertGoals,
  insertHistory,
  insertInitiativeGoals,
  insertInitiatives,
  listPeople,
  loadRoadmap,
  type Executor,
  type NewEnabler,
  type NewGoal,
  type NewInitiative,
  type StrategyItemType,
} from '@tandem/db';
import {
  ENABLERS_CSV_HEADER,
  GOALS_CSV_HEADER,
  INITIATIVES_CSV_HEADER,
  ZEnablerCsvRow,
  ZGoalCsvRow,
  ZInitiativeCsvRow,
  type TImportResult,
} from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { parseCsvWithHeader } from '../../lib/csv';
import { plainIssue } from '../../lib/field-messages';
import { recordStrategyAudit, TRACKED } from './record-history';

export const MAX_STRATEGY_IMPORT_ROWS = 10_000;
export type StrategyCsvKind = 'goals' | 'initiatives' | 'enablers';

const HEADERS = { goals: GOALS_CSV_HEADER, initiatives: INITIATIVES_CSV_HEADER, enablers: ENABLERS_CSV_HEADER } as const;
const SCHEMAS = { goals: ZGoalCsvRow, initiatives: ZInitiativeCsvRow, enablers: ZEnablerCsvRow } as const;

/** Parses and validates each row; the header is line 1 and may list the columns in any order. */
function parseRows<K extends StrategyCsvKind>(kind: K, csv: string, errors: TImportResult['errors']): { line: number; row: z.output<(typeof SCHEMAS)[K]> }[] {
  const expected = HEADERS[kind] as readonly string[];
  const out: { line: number; row: z.output<(typeof SCHEMAS)[K]> }[] = [];
  for (const { line, record } of parseCsvWithHeader(csv, expected, MAX_STRATEGY_IMPORT_ROWS, errors)) {
    const v = SCHEMAS[kind].safeParse(record);
    if (!v.success) {
      errors.push({ line, message: v.error.issues.map((iss) => `${plainIssue({ keyword: iss.code, message: iss.message, params: iss as unknown as Record<string, unknown> }, record, iss.path.map(String))} (${iss.path.join('.') || 'row'})`).join('; ') });
      continue;
    }
    out.push({ line, row: v.data as z.output<(typeof SCHEMAS)[K]> });
  }
  return out;
}

/** Resolves names (emails, titles) to ids of this organisation, or says why not. */
function resolver(entries: { key: string; id: string }[]) {
  const m = new Map<string, string[]>();
  for (const e of entries) m.set(e.key.toLowerCase(), [...(m.get(e.key.toLowerCase()) ?? []), e.id]);
  return (key: string): { id: string } | { error: string } => {
    const ids = m.get(key.toLowerCase()) ?? [];
    if (ids.length === 1) return { id: ids[0]! };
    return { error: ids.length === 0 ? `"${key}" not found` : `"${key}" is ambiguous (${ids.length} matches)` };
  };
}

type Resolve = ReturnType<typeof resolver>;

function person(resolve: Resolve, field: string, email: string | null, problems: string[]): string | null {
  if (!email) return null;
  const r = resolve(email);
  if ('error' in r) {
    problems.push(`${field}: no person with email ${email}`);
    return null;
  }
  return r.id;
}

function links(resolve: Resolve, field: string, titles: string[], problems: string[]): string[] {
  const ids: string[] = [];
  for (const t of titles) {
    const r = resolve(t);
    if ('error' in r) problems.push(`${field}: ${r.error}`);
    else ids.push(r.id);
  }
  return [...new Set(ids)];
}

function checkOrder(start: string | null, end: string | null, problems: string[]) {
  if (start && end && end < start) problems.push(`End date ${end} is before the start date ${start} (end_date)`);
}

async function historyOfCreation(ctx: AppContext, x: Executor, auth: OrgAuth, itemType: StrategyItemType, rows: Record<string, unknown>[]) {
  const at = ctx.now();
  const out = [];
  for (const r of rows) {
    for (const field of TRACKED[itemType]) {
      const v = r[field];
      if (v !== null && v !== undefined) out.push({ itemType, itemId: String(r.id), field, fromValue: null, toValue: String(v), actorUserId: auth.userId, at });
    }
  }
  await insertHistory(x, auth.orgId, out);
}

/**
 * Imports goals, initiatives or enablers from CSV. People are named by email and links by title
 * (several titles separated by ";"). Every bad row is reported with its line number and reason;
 * the good rows are inserted together in one transaction.
 */
export async function importStrategy(ctx: AppContext, auth: OrgAuth, kind: StrategyCsvKind, csv: string): Promise<TImportResult> {
  const errors: TImportResult['errors'] = [];
  const parsed = parseRows(kind, csv, errors);
  return ctx.db.transaction(async (tx) => {
    const [peopleRows, roadmap] = await Promise.all([listPeople(tx, auth.orgId, true), loadRoadmap(tx, auth.orgId)]);
    const byEmail = resolver(peopleRows.map((p) => ({ key: p.email, id: p.id })));
    const now = ctx.now();
    let added = 0;
    if (kind === 'goals') {
      const good: NewGoal[] = [];
      for (const { line, row } of parsed as { line: number; row: z.output<typeof ZGoalCsvRow> }[]) {
        const problems: string[] = [];
        const ownerId = person(byEmail, 'owner_email', row.owner_email, problems);
        if (problems.length) errors.push({ line, message: problems.join('; ') });
        else good.push({ title: row.title, metric: row.metric, baseline: row.baseline, target: row.target, unit: row.unit, dueDate: row.due_date, ownerId, createdAt: now, updatedAt: now });
      }
      const rows = await insertGoals(tx, auth.orgId, good);
      await historyOfCreation(ctx, tx, auth, 'goal', rows);
      added = rows.length;
    } else if (kind === 'initiatives') {
      const byTitle = resolver(roadmap.goals.map((g) => ({ key: g.title, id: g.id })));
      const good: { row: NewInitiative; goalIds: string[] }[] = [];
      for (const { line, row } of parsed as { line: number; row: z.output<typeof ZInitiativeCsvRow> }[]) {
        const problems: string[] = [];
        const goalIds = links(byTitle, 'goals', row.goals, problems);
        const ownerId = person(byEmail, 'owner_email', row.owner_email, problems);
        const businessChampionId = person(byEmail, 'business_champion_email', row.business_champion_email, problems);
        const itChampionId = person(byEmail, 'it_champion_email', row.it_champion_email, problems);
        checkOrder(row.start_date, row.end_date, problems);
        if (problems.length) {
          errors.push({ line, message: problems.join('; ') });
          continue;
        }
        good.push({
          goalIds,
          row: {
            title: row.title,
            description: row.description,
            ownerId,
            businessChampionId,
            itChampionId,
            startDate: row.start_date,
            endDate: row.end_date,
            status: row.status ?? 'proposed',
            effort: row.effort,
            ansoff: row.ansoff,
            itInvolvedAt: row.it_involved_at,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
      const rows = await insertInitiatives(tx, auth.orgId, good.map((g) => g.row));
      await insertInitiativeGoals(tx, auth.orgId, rows.flatMap((r, i) => good[i]!.goalIds.map((goalId) => ({ initiativeId: r.id, goalId }))));
      await historyOfCreation(ctx, tx, auth, 'initiative', rows);
      added = rows.length;
    } else {
      const byTitle = resolver(roadmap.initiatives.map((i) => ({ key: i.title, id: i.id })));
      const good: { row: NewEnabler; initiativeIds: string[] }[] = [];
      for (const { line, row } of parsed as { line: number; row: z.output<typeof ZEnablerCsvRow> }[]) {
        const problems: string[] = [];
        const initiativeIds = links(byTitle, 'initiatives', row.initiatives, problems);
        const ownerId = person(byEmail, 'owner_email', row.owner_email, problems);
        checkOrder(row.start_date, row.end_date, problems);
        if (problems.length) {
          errors.push({ line, message: problems.join('; ') });
          continue;
        }
        good.push({
          initiativeIds,
          row: { title: row.title, ownerId, startDate: row.start_date, endDate: row.end_date, status: row.status ?? 'proposed', effort: row.effort, createdAt: now, updatedAt: now },
        });
      }
      const rows = await insertEnablers(tx, auth.orgId, good.map((g) => g.row));
      await insertEnablerInitiatives(tx, auth.orgId, rows.flatMap((r, i) => good[i]!.initiativeIds.map((initiativeId) => ({ enablerId: r.id, initiativeId }))));
      await historyOfCreation(ctx, tx, auth, 'enabler', rows);
      added = rows.length;
    }
    errors.sort((a, b) => a.line - b.line);
    await recordStrategyAudit(ctx, tx, auth, 'strategy.imported', null, { kind, added, errors: errors.length });
    return { added, errors };
  });
}
