import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZMemberList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const getMembers = (signal?: AbortSignal) => api('/members', { schema: ZMemberList, signal });

export const membersQueryOptions = () => queryOptions({ queryKey: orgKeys.members, queryFn: ({ signal }) => getMembers(signal) });

export const useMembers = () => useQuery(membersQueryOptions());
