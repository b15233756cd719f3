/**
 * Weekly digest timing (decision 093). Weekdays follow cron: 0 and 7 are Sunday, 1 Monday … 6
 * Saturday. The local weekday and hour come from the IANA time-zone database of the runtime
 * (Intl), so summer time moves the UTC hour and never the local one.
 */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The weekday (0 = Sunday … 6) and hour (0–23) at `now` in `timeZone`. */
export function localWeekdayHour(now: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const wd = parts.find((p) => p.type === 'weekday')?.value ?? '';
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? NaN) % 24;
  return { weekday: WEEKDAYS.indexOf(wd), hour };
}

/** True when the hour that contains `now` is the subscriber's chosen local weekday and hour. */
export function digestDue(sub: { weekday: number; hour: number; timeZone: string }, now: Date): boolean {
  const local = localWeekdayHour(now, sub.timeZone);
  return local.weekday === sub.weekday % 7 && local.hour === sub.hour;
}
