import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZPeopleList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const getPeople = (includeInactive: boolean, signal?: AbortSignal) =>
  api(`/people${includeInactive ? '?includeInactive=true' : ''}`, { schema: ZPeopleList, signal });

export const peopleQueryOptions = (includeInactive: boolean) =>
  queryOptions({ queryKey: orgKeys.people(includeInactive), queryFn: ({ signal }) => getPeople(includeInactive, signal) });

export const usePeople = (includeInactive: boolean) => useQuery(peopleQueryOptions(includeInactive));

/** The directory as CSV; a plain link, so the browser downloads it with the session cookie. */
export const PEOPLE_CSV_URL = '/api/v1/people.csv';
