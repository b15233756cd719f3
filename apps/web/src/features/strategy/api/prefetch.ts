import type { QueryClient } from '@tanstack/react-query';
import { healthHistoryQueryOptions, healthQueryOptions } from './get-health';
import { strategyPeopleQueryOptions } from './get-people';
import { roadmapQueryOptions } from './get-roadmap';

/**
 * The roadmap pages' first requests, started by the router while the page's code loads (decision
 * 153), with the options of the pages' own hooks. Every strategy page reads the roadmap and its people.
 */
export function prefetchStrategyPage(qc: QueryClient): void {
  void qc.prefetchQuery(roadmapQueryOptions());
  void qc.prefetchQuery(strategyPeopleQueryOptions());
}

export function prefetchHealthPage(qc: QueryClient): void {
  prefetchStrategyPage(qc);
  void qc.prefetchQuery(healthQueryOptions());
  void qc.prefetchQuery(healthHistoryQueryOptions());
}
