import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ZPeopleList, ZPerson } from '@tandem/contracts';
import { api, apiAllPages } from '../../../lib/api';
import { orgKeys } from './keys';

/** The whole directory (every page), for pickers and audiences. */
export const getPeople = async (includeInactive: boolean, signal?: AbortSignal) => ({
  people: await apiAllPages(`/people${includeInactive ? '?includeInactive=true' : ''}`, ZPerson, signal),
});

export const peopleQueryOptions = (includeInactive: boolean) =>
  queryOptions({ queryKey: orgKeys.people(includeInactive), queryFn: ({ signal }) => getPeople(includeInactive, signal) });

export const usePeople = (includeInactive: boolean, enabled = true) => useQuery({ ...peopleQueryOptions(includeInactive), enabled });

/** The directory page by page from the server (People page: "Load more"). */
export const PEOPLE_PAGE_SIZE = 100;
export const peoplePagesQueryOptions = (includeInactive: boolean) =>
  infiniteQueryOptions({
    queryKey: orgKeys.peoplePages(includeInactive),
    queryFn: ({ pageParam, signal }) =>
      api(`/people?limit=${PEOPLE_PAGE_SIZE}${includeInactive ? '&includeInactive=true' : ''}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, {
        schema: ZPeopleList,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
export const usePeoplePages = (includeInactive: boolean) => useInfiniteQuery(peoplePagesQueryOptions(includeInactive));

/** The directory as CSV; a plain link, so the browser downloads it with the session cookie. */
export const PEOPLE_CSV_URL = '/api/v1/people.csv';
/** The same directory as an Excel workbook; it imports again. */
export const PEOPLE_XLSX_URL = '/api/v1/people.xlsx';
