import type { QueryClient } from '@tanstack/react-query';
import { hasRole, meQueryOptions, peopleQueryOptions } from '../../org';
import { pulseActionsQueryOptions } from './actions';
import { pulseQueryOptions, pulsesQueryOptions } from './get-pulses';
import { DEFAULT_BREAKDOWN, pulseResultsQueryOptions, pulseTrendQueryOptions } from './get-results';
import { issuedLinksQueryOptions } from './invite-respondents';

/**
 * Pages start their requests here, from the router, while their code is still loading (decision
 * 153). Each uses the same query options as the page's own hooks, so the page finds the answer in
 * flight or in the cache. Errors are left to the page: a failed prefetch is cached as that query's
 * error and the page shows it as it always did.
 */
const ignore = () => undefined;

export function prefetchPulsesPage(qc: QueryClient): void {
  void qc.prefetchQuery(pulsesQueryOptions());
}

/** What PulsePage, its issued-links panel and its actions panel read on arrival, for a leader or not (the new-action form's roadmap waits for the form). */
export function prefetchPulsePage(qc: QueryClient, id: string): void {
  const leader = hasRole(qc.getQueryData(meQueryOptions().queryKey)?.current?.role, 'leader');
  qc.fetchQuery(pulseQueryOptions(id))
    .then((p) => {
      if (!leader) return;
      if (p.status === 'closed') void qc.prefetchQuery(pulseActionsQueryOptions(id));
      else void qc.prefetchQuery(peopleQueryOptions(false));
      if (p.invited > 0) return qc.prefetchInfiniteQuery(issuedLinksQueryOptions(id));
    })
    .catch(ignore);
  qc.fetchQuery(pulseResultsQueryOptions(id, leader ? DEFAULT_BREAKDOWN.join(',') : ''))
    .then((r) => {
      // The actions panel lists this pulse's actions and, as "what we did since last time", the previous one's.
      if (leader && r.previous) return qc.prefetchQuery(pulseActionsQueryOptions(r.previous.pulseId));
    })
    .catch(ignore);
  if (leader) void qc.prefetchQuery(pulseTrendQueryOptions());
}
