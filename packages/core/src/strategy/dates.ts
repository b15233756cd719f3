import type { Horizon, IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Days since 1970-01-01 (UTC) of an ISO date `YYYY-MM-DD` or the date part of an ISO date-time.
 * Whole days make "slip in days" exact and free of time-zone and daylight-saving surprises.
 * Throws RangeError on anything else.
 * @example dayNumber('1970-01-02') === 1
 */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

/** The UTC calendar day of an instant as a day number (see dayNumber). */
export function dayOf(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

/** The ISO date `YYYY-MM-DD` of a day number. Inverse of dayNumber. */
export function isoDate(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Signed whole days from `from` to `to` (to − from); positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Calendar quarter index (year × 4 + quarter − 1) of a day number, for quarter arithmetic. */
export function quarterIndex(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
}

/** The label `YYYY-Qn` of an ISO date, as the roadmap timeline groups by quarter. */
export function quarterLabel(iso: IsoDate): string {
  const q = quarterIndex(dayNumber(iso));
  return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}

/** The last day (day number) of the quarter `offset` quarters after the one holding `day`. */
export function endOfQuarter(day: number, offset = 0): number {
  const q = quarterIndex(day) + offset + 1;
  return Date.UTC(Math.floor(q / 4), (q % 4) * 3, 1) / MS_PER_DAY - 1;
}

/**
 * Horizon of an item from its dates, relative to the UTC day of `now`:
 * - `past`: it ended before today;
 * - `now`: it has started, or starts within the current quarter;
 * - `next`: it starts in the next quarter;
 * - `later`: it starts after that;
 * - `unscheduled`: no start date.
 * Derived rather than stored so that it never goes stale as time passes.
 */
export function horizonOf(startDate: IsoDate | null, endDate: IsoDate | null, now: Date): Horizon {
  const today = dayOf(now);
  if (endDate && dayNumber(endDate) < today) return 'past';
  if (!startDate) return 'unscheduled';
  const start = dayNumber(startDate);
  if (start <= endOfQuarter(today, 0)) return 'now';
  if (start <= endOfQuarter(today, 1)) return 'next';
  return 'later';
}
