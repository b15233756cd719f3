import type { Horizon, IsoDate } from './types';

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 (UTC) of an ISO date `YYYY-MM-DD` or the date part of an ISO date-time.
 * Whole days make "slip in days" exact and free of time-zone and daylight-saving surprises.
 * Throws RangeError on anything else.
 * @example dayNumber('1970-01-02') === 1
 */
export function dayNumber(iso: string): number {
  // Hand-parsed: the health check converts tens of thousands of dates per run.
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || (iso.length > 10 && iso[10] !== 'T')) {
    throw new RangeError(`not an ISO date: ${iso}`);
  }
  return daysFromCivil(y, m, d);
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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
