import Papa from 'papaparse';
import { insertRequests, insertTransitions, type NewRequest } from '@tandem/db';
import { REQUEST_IMPORT_FIELDS, ZDayOrDateTime, ZRequestSide, ZRequestType, type TRequestImportField, type TRequestImportQuery, type TRequestImportResult } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { recordRequestsAudit } from './audit';
import { statusOfCategory, type FlowDefinition, type FlowStatus, type StatusCategory } from '@tandem/core';
import { today } from './dates';
import { flowOf } from './get-request-flow';
import { historyTransitions, impliedStatus } from './manage-requests';

export const MAX_REQUEST_IMPORT_ROWS = 20_000;

/** Exports from Jira or ServiceNow write dates as `2024-03-05`, `2024-03-05 14:12` or ISO date-times. */
function parseDay(s: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(s);
  if (!m) return null;
  return ZDayOrDateTime.safeParse(m[1]).success ? m[1]! : null;
}

/** Loose words of other tools mapped onto Tandem's types and status categories. */
const TYPE_WORDS: Record<string, string> = { story: 'feature', 'new feature': 'feature', improvement: 'change', bug: 'fix', incident: 'fix', 'it need': 'it_need', 'it-need': 'it_need', task: 'change' };
const STATUS_WORDS: Record<string, StatusCategory> = {
  new: 'new',
  open: 'new',
  'to do': 'new',
  todo: 'new',
  triaged: 'triaged',
  backlog: 'triaged',
  'in progress': 'in_progress',
  in_progress: 'in_progress',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  rejected: 'rejected',
  "won't do": 'rejected',
  cancelled: 'rejected',
  deferred: 'deferred',
  'on hold': 'deferred',
};

/**
 * A status cell read against the organisation's flow: one of its keys or labels, else a common
 * word of other tools mapped to a category and then to the flow's first status of that category.
 */
function statusFromCell(flow: FlowDefinition, raw: string): FlowStatus | string {
  const w = raw.trim().toLowerCase();
  const own = flow.statuses.find((s) => s.key === w || s.label.toLowerCase() === w);
  if (own) return own;
  const category = STATUS_WORDS[w];
  if (!category) return `"${raw}" is not a status of this flow (${flow.statuses.map((s) => s.label).join(', ')}) nor a known word`;
  return statusOfCategory(flow, category) ?? `"${raw}" means ${category}, and this flow has no status of that category`;
}

/**
 * Imports past requests from CSV with their real created/started/done dates. The query maps each
 * field to a column header (defaults in REQUEST_IMPORT_FIELDS); other columns are ignored, so an
 * export can be uploaded as it is. All or nothing: if any row is invalid nothing is written and the
 * answer (400) lists every bad row with its line number (the header is line 1).
 */
export async function importRequests(ctx: AppContext, auth: OrgAuth, csv: string, mapping: TRequestImportQuery): Promise<TRequestImportResult> {
  if (typeof csv !== 'string' || csv.trim() === '') throw new AppError('validation', 'The CSV file is empty', [{ line: 1, message: 'empty file' }]);
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = {} as Record<TRequestImportField, number>;
  const missing: string[] = [];
  for (const [field, def] of Object.entries(REQUEST_IMPORT_FIELDS) as [TRequestImportField, string][]) {
    const name = (mapping[field] ?? def).toLowerCase();
    col[field] = header.indexOf(name);
    if (col[field] < 0 && (field === 'title' || field === 'createdAt')) missing.push(`${field} (column "${mapping[field] ?? def}")`);
  }
  if (missing.length) {
    throw new AppError('validation', `The CSV has no column for ${missing.join(', ')}; map it with ?field=Column`, [{ line: 1, message: `missing: ${missing.join(', ')}; found: ${header.join(', ')}` }]);
  }
  if (rows.length - 1 > MAX_REQUEST_IMPORT_ROWS) throw new AppError('payload_too_large', `At most ${MAX_REQUEST_IMPORT_ROWS} rows per import`);

  const now = today(ctx);
  const flow = await flowOf(ctx.db, auth.orgId);
  const errors: TRequestImportResult['errors'] = [];
  const good: NewRequest[] = [];
  const at = ctx.now();
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const line = i + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== header.length) {
      errors.push({ line, message: `expected ${header.length} fields, found ${cells.length}` });
      continue;
    }
    const cell = (f: TRequestImportField) => (col[f] >= 0 ? (cells[col[f]] ?? '').trim() : '');
    const problems: string[] = [];
    const title = cell('title');
    if (!title) problems.push('title: is required');
    if (title.length > 300) problems.push('title: at most 300 characters');
    const day = (f: 'createdAt' | 'startedAt' | 'doneAt', required: boolean): string | null => {
      const s = cell(f);
      if (!s) {
        if (required) problems.push(`${f}: is required`);
        return null;
      }
      const d = parseDay(s);
      if (!d) problems.push(`${f}: "${s}" is not a date (YYYY-MM-DD)`);
      else if (d > now) problems.push(`${f}: ${d} is in the future`);
      return d;
    };
    const createdOn = day('createdAt', true);
    const startedOn = day('startedAt', false);
    const doneOn = day('doneAt', false);
    if (createdOn && doneOn && doneOn < createdOn) problems.push(`doneAt (${doneOn}) is before createdAt (${createdOn})`);
    if (createdOn && startedOn && startedOn < createdOn) problems.push(`startedAt (${startedOn}) is before createdAt (${createdOn})`);
    if (startedOn && doneOn && doneOn < startedOn) problems.push(`doneAt (${doneOn}) is before startedAt (${startedOn})`);
    const enumCell = <T extends string>(f: TRequestImportField, schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, words: Record<string, string>): T | undefined => {
      const raw = cell(f).toLowerCase();
      if (!raw) return undefined;
      const p = schema.safeParse(words[raw] ?? raw.replace(/ /g, '_'));
      if (!p.success) {
        problems.push(`${f}: "${cell(f)}" is not one of the known values`);
        return undefined;
      }
      return p.data;
    };
    const type = enumCell('type', ZRequestType, TYPE_WORDS);
    const side = enumCell('side', ZRequestSide, {});
    const rawStatus = cell('status');
    const fromCell = rawStatus ? statusFromCell(flow, rawStatus) : undefined;
    if (typeof fromCell === 'string') problems.push(`status: ${fromCell}`);
    const target = typeof fromCell === 'object' ? fromCell : impliedStatus(undefined, startedOn, doneOn, flow);
    if (target?.category === 'done' && !doneOn) problems.push('doneAt: a done request needs its done date');
    if (doneOn && target && target.category !== 'done') problems.push(`status: a request with a done date must be done, not ${target.label}`);
    if (doneOn && !target) problems.push('status: this flow has no status of category done');
    if (problems.length) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    good.push({
      title,
      description: cell('description').slice(0, 10_000),
      side: side ?? (type === 'it_need' ? 'it' : 'business'),
      department: cell('department') || null,
      type: type ?? 'feature',
      status: target!.key,
      statusCategory: target!.category,
      createdOn: createdOn!,
      startedOn,
      doneOn,
      createdAt: at,
      updatedAt: at,
    });
  }
  if (errors.length) {
    throw new AppError('validation', `${errors.length} row${errors.length === 1 ? ' is' : 's are'} invalid; nothing was imported`, errors);
  }
  return ctx.db.transaction(async (tx) => {
    const inserted = await insertRequests(tx, auth.orgId, good);
    await insertTransitions(tx, auth.orgId, inserted.flatMap((r) => historyTransitions(r, auth.userId, at, flow)));
    await recordRequestsAudit(ctx, tx, auth, 'requests.imported', null, { added: inserted.length });
    return { added: inserted.length, errors: [] };
  });
}
