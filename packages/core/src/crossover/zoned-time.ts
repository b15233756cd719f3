/**
 * Wall-clock time in an IANA zone without a date library: Intl gives the zone's offset at an
 * instant, and a local time maps to UTC by subtracting the offset found at the first guess and
 * checking it again (this settles daylight-saving changes; a local time skipped by a spring
 * change moves forward by the gap, as calendar applications do). Pure: no clock, the instants are
 * arguments; the zone rules are the runtime's (ICU) tz database. Source: Tandem (decision 073).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(instant: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant of local `day` (YYYY-MM-DD) at `clock` (HH:MM) in `timeZone`. */
export function zonedToUtc(day: string, clock: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = clock.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let t = guess - offsetMs(guess, timeZone);
  const again = guess - offsetMs(t, timeZone);
  if (again !== t) t = again;
  return new Date(t);
}

/** The local calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const toClock = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** The published slots of one open hour on one local day (none when the weekday differs). */
export function slotsOnDay(hour: { weekday: number; start: string; end: string; slotMinutes: number; timeZone: string }, day: string): { start: Date; end: Date }[] {
  if (isoWeekday(day) !== hour.weekday) return [];
  const out: { start: Date; end: Date }[] = [];
  for (let m = toMinutes(hour.start); m + hour.slotMinutes <= toMinutes(hour.end); m += hour.slotMinutes) {
    out.push({ start: zonedToUtc(day, toClock(m), hour.timeZone), end: zonedToUtc(day, toClock(m + hour.slotMinutes), hour.timeZone) });
  }
  return out;
}

/** Local date-time `YYYY-MM-DDTHH:MM:SS` of an instant in `timeZone` (for DTSTART;TZID=...). */
export function localDateTime(instant: Date, timeZone: string): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 19);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const fmtOffset = (ms: number) => {
  const m = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
};
const icsLocal = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '');

/**
 * A VTIMEZONE block (RFC 5545 §3.6.5) for `timeZone` covering the years `fromYear`..`toYear`:
 * the zone's actual offset changes found with Intl (a daily scan, then a binary search to the
 * minute), each as a STANDARD or DAYLIGHT observance with its local start. Calendars then read
 * DTSTART;TZID=... without knowing the zone themselves.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const first = offsetMs(start, timeZone);
  lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${fmtOffset(first)}`, `TZOFFSETTO:${fmtOffset(first)}`, 'END:STANDARD');
  let prev = first;
  for (let t = start + DAY; t <= end; t += DAY) {
    const off = offsetMs(t, timeZone);
    if (off === prev) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (offsetMs(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    const kind = off > prev ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${icsLocal(hi + prev)}`, `TZOFFSETFROM:${fmtOffset(prev)}`, `TZOFFSETTO:${fmtOffset(off)}`, `END:${kind}`);
    prev = off;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
