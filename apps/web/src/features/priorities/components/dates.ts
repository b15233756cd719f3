/** A round's day as people read it, e.g. "10 December 2026" (days are UTC days, decision 146). */
export const dayWords = (day: string): string => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** What the dates mean for the round, in one line. */
export function datesWords(opensAt: string | null, closesAt: string | null): string {
  const open = opensAt ? `Opens on ${dayWords(opensAt)}` : 'No opening date (opened by hand)';
  const close = closesAt ? `closes after ${dayWords(closesAt)} (scoring goes on all that day)` : 'no closing date (closed by hand)';
  return `${open}; ${close}. Days are UTC.`;
}
