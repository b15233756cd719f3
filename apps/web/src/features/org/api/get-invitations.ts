import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZInvitationList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const getInvitations = (signal?: AbortSignal) => api('/invitations', { schema: ZInvitationList, signal });

export const invitationsQueryOptions = () => queryOptions({ queryKey: orgKeys.invitations, queryFn: ({ signal }) => getInvitations(signal) });

export const useInvitations = () => useQuery(invitationsQueryOptions());
