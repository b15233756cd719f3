/**
 * What the calendar does to a scoring round (decision 146). Dates are calendar days
 * (`YYYY-MM-DD`) compared as strings, `today` is the organisation's day (UTC while organisations
 * have no time zone):
 * - a round "opens on D" is open from the start of D: a draft opens when today ≥ opensAt;
 * - a round "closes on D" can still be scored all of D and is closed from the start of the next
 *   day: an open round closes when today > closesAt.
 * A draft opens only with at least one item (a round of nothing cannot be scored) and only while
 * its closing day has not passed (it would close a moment later with no score); it then stays a
 * visible draft for someone to fix. A closed round never moves; an open round is never re-opened.
 */
export type RoundStatus = 'draft' | 'open' | 'closed';

export interface RoundScheduleInput {
  status: RoundStatus;
  /** First day of scoring, or null: opened by hand only. */
  opensAt: string | null;
  /** Last day of scoring, or null: closed by hand only. */
  closesAt: string | null;
  /** Today's calendar day. */
  today: string;
  itemCount: number;
}

export type RoundScheduleReason =
  | 'closed'
  | 'no-opening-date'
  | 'not-yet-open'
  | 'no-items'
  | 'closing-date-passed-while-draft'
  | 'opening-date-reached'
  | 'no-closing-date'
  | 'closing-day-not-over'
  | 'closing-day-over';

export interface RoundScheduleStep {
  action: 'open' | 'close' | 'none';
  reason: RoundScheduleReason;
}

/** The one step the schedule asks of a round today: open it, close it, or leave it. */
export function roundScheduleStep(r: RoundScheduleInput): RoundScheduleStep {
  if (r.status === 'closed') return { action: 'none', reason: 'closed' };
  if (r.status === 'open') {
    if (r.closesAt === null) return { action: 'none', reason: 'no-closing-date' };
    return r.today > r.closesAt ? { action: 'close', reason: 'closing-day-over' } : { action: 'none', reason: 'closing-day-not-over' };
  }
  if (r.opensAt === null) return { action: 'none', reason: 'no-opening-date' };
  if (r.today < r.opensAt) return { action: 'none', reason: 'not-yet-open' };
  if (r.closesAt !== null && r.today > r.closesAt) return { action: 'none', reason: 'closing-date-passed-while-draft' };
  if (r.itemCount === 0) return { action: 'none', reason: 'no-items' };
  return { action: 'open', reason: 'opening-date-reached' };
}
