import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZMember } from '@tandem/contracts';
import { apiAllPages } from '../../../lib/api';
import { orgKeys } from './keys';

/** Every member (the list is paged on the server; an organisation's accounts fit a few pages). */
export const getMembers = (signal?: AbortSignal) => apiAllPages('/members', ZMember, signal);

export const membersQueryOptions = () => queryOptions({ queryKey: orgKeys.members, queryFn: ({ signal }) => getMembers(signal) });

export const useMembers = () => useQuery(membersQueryOptions());
