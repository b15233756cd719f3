import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZPerson } from '@tandem/contracts';
import { apiAllPages } from '../../../lib/api';
import { strategyKeys } from './keys';

/** Active people (every page), to choose owners and champions from. */
export const getPeople = async (signal?: AbortSignal) => ({ people: await apiAllPages('/people', ZPerson, signal) });
export const strategyPeopleQueryOptions = () => queryOptions({ queryKey: strategyKeys.people, queryFn: ({ signal }) => getPeople(signal), staleTime: 60_000 });
export const usePeopleForStrategy = () => useQuery(strategyPeopleQueryOptions());
