import type { TAnsoff, THealthFinding, THorizon, TLadderRung, TStrategyStatus, TSwotQuadrant } from '@tandem/contracts';

export const STATUS_LABEL: Record<TStrategyStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};
export const STATUS_COLOR: Record<TStrategyStatus, string> = { proposed: 'gray', planned: 'blue', in_progress: 'indigo', done: 'teal', cancelled: 'dark' };

export const ANSOFF_LABEL: Record<TAnsoff, string> = {
  market_penetration: 'Market penetration',
  product_development: 'Product development',
  market_development: 'Market development',
  diversification: 'Diversification',
};

export const HORIZON_LABEL: Record<THorizon, string> = { now: 'Now', next: 'Next quarter', later: 'Later', unscheduled: 'Unscheduled', past: 'Past' };
export const HORIZON_COLOR: Record<THorizon, string> = { now: 'var(--mantine-color-indigo-7)', next: 'var(--mantine-color-teal-7)', later: 'var(--mantine-color-orange-8)', unscheduled: 'var(--mantine-color-gray-7)', past: 'var(--mantine-color-gray-5)' };

export const RUNGS: readonly TLadderRung[] = ['now', 'next_week', 'next_month', 'next_year'];
export const RUNG_LABEL: Record<TLadderRung, string> = { now: 'Now', next_week: 'Next week', next_month: 'Next month', next_year: 'Next year' };

export const SWOT_LABEL: Record<TSwotQuadrant, string> = { strength: 'Strengths', weakness: 'Weaknesses', opportunity: 'Opportunities', threat: 'Threats' };

/** The seed's four questions, one per score. */
export const SCORE_QUESTION: Record<THealthFinding['score'], string> = {
  aggressive: 'How aggressive is the roadmap toward business goals?',
  enablers: 'Which technical goals will help IT deliver the initiatives?',
  specific: 'Is this roadmap vague?',
  includesIt: 'Does it even include IT?',
};
export const SCORE_LABEL: Record<THealthFinding['score'], string> = { aggressive: 'Aimed at goals', enablers: 'Enabled by IT', specific: 'Specific', includesIt: 'Includes IT' };

/** Filled badges with automatic text contrast: light variants of orange and yellow fail WCAG AA. */
export const SEVERITY_COLOR: Record<THealthFinding['severity'], string> = { high: 'red.9', medium: 'yellow.4', low: 'gray.3' };

export const percent = (p: number | null) => (p === null ? '—' : `${Math.round(p * 100)}%`);
