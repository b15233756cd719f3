import type { THackweekPhase, TIdeaOutcome, TVoteCategory } from '@tandem/contracts';

export const PHASE_LABEL: Record<THackweekPhase, string> = { ideas: 'Ideas', teams: 'Teams', hacking: 'Hacking', demos: 'Demos', voting: 'Voting', outcomes: 'Outcomes' };
export const OUTCOME_LABEL: Record<TIdeaOutcome, string> = { became_initiative: 'Became an initiative', became_request: 'Became a request', parked: 'Parked', shipped: 'Shipped' };
export const CATEGORY_LABEL: Record<TVoteCategory, string> = { impact: 'Impact', creativity: 'Creativity' };
export const SIDE_LABEL = { it: 'IT', business: 'Business' } as const;

export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`);
/** An ISO instant as "2026-12-03 14:00 UTC": the server keeps UTC, and the page says so. */
export const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
