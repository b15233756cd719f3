import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZInvitation } from '@tandem/contracts';
import { apiAllPages } from '../../../lib/api';
import { orgKeys } from './keys';

/** Every invitation, newest first (paged on the server; stale ones are purged daily, decision 106). */
export const getInvitations = (signal?: AbortSignal) => apiAllPages('/invitations', ZInvitation, signal);

export const invitationsQueryOptions = () => queryOptions({ queryKey: orgKeys.invitations, queryFn: ({ signal }) => getInvitations(signal) });

export const useInvitations = () => useQuery(invitationsQueryOptions());
