import { addDays } from '@tandem/core';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';

/** Today's calendar day (UTC) from the injected clock. */
export const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

/** Midnight UTC of a calendar day, for transitions loaded from history. */
export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

export function badField(path: string, message: string): AppError {
  return new AppError('validation', `${path.split('.').pop()}: ${message}`, [{ path, message }]);
}

/** `later` may not precede `earlier`; the message names both fields. */
export function checkOrder(earlierField: string, earlier: string | null | undefined, laterField: string, later: string | null | undefined, where = 'body'): void {
  if (earlier && later && later < earlier) {
    throw new AppError('validation', `${laterField} (${later}) is before ${earlierField} (${earlier})`, [{ path: `${where}.${laterField}`, message: `must be on or after ${earlierField}` }]);
  }
}

export { addDays };

/** A calendar day as a cursor carries it (a real day, YYYY-MM-DD): nothing looser reaches SQL. */
export function isCursorDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00.000Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** An instant as a cursor carries it: exactly what Date.toISOString() writes. */
export function isCursorInstant(s: string): boolean {
  const t = Date.parse(s);
  return !Number.isNaN(t) && new Date(t).toISOString() === s;
}

export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);
