import type { QueryClient } from '@tanstack/react-query';
import { EMPTY_FILTER } from '../people-filter';
import { peoplePagesQueryOptions } from './get-people';

/** The People page's first page of the directory, started by the router while the page's code loads (decision 153). */
export function prefetchPeoplePage(qc: QueryClient): void {
  void qc.prefetchInfiniteQuery(peoplePagesQueryOptions(EMPTY_FILTER.includeInactive));
}
