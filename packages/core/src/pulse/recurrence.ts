/** How often a repeating pulse comes back (decision 135). */
export type PulseRepeat = 'month' | 'quarter';

const MONTHS: Record<PulseRepeat, number> = { month: 1, quarter: 3 };
const DAY_MS = 86_400_000;
/** How long a successor stays open when its predecessor had no closing date. */
export const DEFAULT_REPEAT_OPEN_DAYS = 14;

/**
 * The same instant `months` calendar months later, in UTC. A day that the target month lacks is
 * clamped to its last day (31 January + 1 month = 28 or 29 February), as calendars do, so a pulse
 * that opens at the end of a month keeps opening at the end of a month instead of drifting into
 * the next one.
 */
export function addMonthsUtc(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(d.getTime());
  out.setUTCDate(1);
  out.setUTCFullYear(y, m, Math.min(d.getUTCDate(), last));
  return out;
}

/**
 * The schedule of the next pulse of a repeating one: it opens one period after the previous one
 * opened (`opensAt`, else the day it was opened) and stays open as long as the previous one did
 * (its close minus its start, or 14 days when it had no close). When the computed opening is
 * already past (a pulse closed late, or the job did not run for a while), it opens at `now`
 * instead: a repeat is never scheduled in the past, and never skips a period by catching up.
 *
 * Example: opened 2026-01-05, closed 2026-01-19, quarterly → opens 2026-04-05, closes 2026-04-19.
 */
export function nextPulseSchedule(prev: { opensAt: Date | null; openedAt: Date | null; closesAt: Date | null; closedAt: Date | null; createdAt: Date }, every: PulseRepeat, now: Date): { opensAt: Date; closesAt: Date } {
  const start = prev.opensAt ?? prev.openedAt ?? prev.createdAt;
  const end = prev.closesAt ?? prev.closedAt;
  const duration = end && end.getTime() > start.getTime() ? end.getTime() - start.getTime() : DEFAULT_REPEAT_OPEN_DAYS * DAY_MS;
  let opensAt = addMonthsUtc(start, MONTHS[every]);
  if (opensAt.getTime() < now.getTime()) opensAt = new Date(now.getTime());
  return { opensAt, closesAt: new Date(opensAt.getTime() + duration) };
}

/**
 * The title of the next pulse: a trailing period label ("2026 Q1", "2026-01", "January 2026") is
 * replaced by the new period's, otherwise the period is appended in parentheses.
 */
export function nextPulseTitle(title: string, every: PulseRepeat, opensAt: Date): string {
  const y = opensAt.getUTCFullYear();
  const label = every === 'quarter' ? `${y} Q${Math.floor(opensAt.getUTCMonth() / 3) + 1}` : `${y}-${String(opensAt.getUTCMonth() + 1).padStart(2, '0')}`;
  const base = title.replace(/\s*\(?\b\d{4}(?: Q[1-4]|-\d{2})\)?\s*$/, '').trim();
  const stripped = base !== title.trim();
  return stripped ? `${base} ${label}` : `${title.trim()} (${label})`;
}
