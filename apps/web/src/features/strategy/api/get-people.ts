import { useQuery } from '@tanstack/react-query';
import { ZPeopleList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

/** Active people, to choose owners and champions from. */
export const getPeople = (signal?: AbortSignal) => api('/people', { schema: ZPeopleList, signal });
export const usePeopleForStrategy = () => useQuery({ queryKey: strategyKeys.people, queryFn: ({ signal }) => getPeople(signal), staleTime: 60_000 });
