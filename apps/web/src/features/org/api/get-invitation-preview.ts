import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZInvitationPreview } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const getInvitationPreview = (token: string, signal?: AbortSignal) =>
  api(`/invitations/${encodeURIComponent(token)}`, { schema: ZInvitationPreview, signal });

export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({ queryKey: orgKeys.invitation(token), queryFn: ({ signal }) => getInvitationPreview(token, signal), retry: false });

export const useInvitationPreview = (token: string) => useQuery(invitationPreviewQueryOptions(token));
