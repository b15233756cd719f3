/** What an idea's outcome points at today: the linked item's status, or null when the link is gone. */
export interface OutcomeLink {
  outcome: 'became_initiative' | 'became_request' | 'parked' | 'shipped' | null;
  /** Status of the initiative or request the idea became; null when there is no link (or it was deleted). */
  linkedStatus: string | null;
}

export interface OutcomesAlive {
  /** Ideas that became an initiative or a request: the outcomes that can live on or die. */
  tracked: number;
  /** Of those, the ones whose initiative is not cancelled or whose request is not rejected. */
  stillAlive: number;
}

const DEAD: Record<'became_initiative' | 'became_request', readonly string[]> = {
  became_initiative: ['cancelled'],
  became_request: ['rejected'],
};

/**
 * How many of a hackweek's outcomes are still alive. An outcome is tracked when the idea became an
 * initiative or a request; it is alive while that item exists and is not cancelled (initiative)
 * or rejected (request). Shipped and parked ideas are ends in themselves and are not tracked.
 * Example: [initiative in_progress, initiative cancelled, request done, parked] → 2 of 3 alive.
 */
export function outcomesAlive(ideas: readonly OutcomeLink[]): OutcomesAlive {
  let tracked = 0;
  let stillAlive = 0;
  for (const i of ideas) {
    if (i.outcome !== 'became_initiative' && i.outcome !== 'became_request') continue;
    tracked++;
    if (i.linkedStatus !== null && !DEAD[i.outcome].includes(i.linkedStatus)) stillAlive++;
  }
  return { tracked, stillAlive };
}

/** The day six calendar months after `day` (YYYY-MM-DD), clamped to the month's last day (2026-08-31 → 2027-02-28). */
export function sixMonthsAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = m - 1 + 6;
  const year = y + Math.floor(month / 12);
  const mo = month % 12;
  const last = new Date(Date.UTC(year, mo + 1, 0)).getUTCDate();
  return `${year}-${String(mo + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
