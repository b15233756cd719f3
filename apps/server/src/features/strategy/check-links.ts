import { existingStrategyIds, type Executor } from '@tandem/db';
import { AppError } from '../../lib/errors';
import { fieldLabel } from '../../lib/field-messages';

type Kind = 'goal' | 'initiative' | 'enabler' | 'person';
const NOUN: Record<Kind, string> = { goal: 'goal', initiative: 'initiative', enabler: 'enabler', person: 'person' };

/**
 * Every id a request links to must belong to the caller's organisation. A foreign id and a
 * random id get the same 400, so existence never leaks across tenants; the composite foreign
 * keys of the schema enforce the same rule underneath.
 */
export async function checkIds(x: Executor, orgId: string, kind: Kind, field: string, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((v): v is string => typeof v === 'string'))];
  if (wanted.length === 0) return;
  const found = await existingStrategyIds(x, orgId, kind, wanted);
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length) {
    const what = missing.length === 1 ? `no such ${NOUN[kind]}` : `${missing.length} ${NOUN[kind]}s do not exist`;
    throw new AppError('validation', `${field}: ${what} in this organisation`, [{ path: `body.${field}`, message: `unknown ${NOUN[kind]}` }]);
  }
}

/** The people fields of a request, checked in one query. */
export async function checkPeople(x: Executor, orgId: string, fields: Record<string, string | null | undefined>): Promise<void> {
  const ids = Object.values(fields).filter((v): v is string => typeof v === 'string');
  if (ids.length === 0) return;
  const found = await existingStrategyIds(x, orgId, 'person', [...new Set(ids)]);
  for (const [field, id] of Object.entries(fields)) {
    if (typeof id === 'string' && !found.has(id)) {
      throw new AppError('validation', `${field}: no such person in this organisation`, [{ path: `body.${field}`, message: 'unknown person' }]);
    }
  }
}

/** An end before its start is refused with 400 before anything is written. */
export function checkDateOrder(start: string | null | undefined, end: string | null | undefined, startField = 'startDate', endField = 'endDate'): void {
  if (start && end && end < start) {
    const message = `${fieldLabel(endField)} ${end} is before the ${fieldLabel(startField).toLowerCase()} ${start}`;
    throw new AppError('validation', `${message} (body.${endField})`, [{ path: `body.${endField}`, message }]);
  }
}
