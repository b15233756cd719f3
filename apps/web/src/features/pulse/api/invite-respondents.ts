import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { ZIssuedLinks, ZOk, ZPulseInvitations, type TIssueInvitationsRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

/** No body: mail each person their own link (409 mail_required without mail). `{ unlinked, count }`: links tied to no person. */
export const inviteRespondents = ({ id, body }: { id: string; body: TIssueInvitationsRequest }) =>
  api(`/pulses/${id}/invitations`, { method: 'POST', body: body ?? {}, schema: ZPulseInvitations });

export function useInviteRespondents() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: inviteRespondents, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}

export const ISSUED_PAGE = 100;

export const getIssuedLinks = (id: string, cursor: string | null, signal?: AbortSignal) =>
  api(`/pulses/${id}/invitations?limit=${ISSUED_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { schema: ZIssuedLinks, signal });

/** The issued links page by page (paged-list contract): "Show more links" follows the cursor. */
export const issuedLinksQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: pulseKeys.issued(id),
    queryFn: ({ pageParam, signal }) => getIssuedLinks(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
export const useIssuedLinks = (id: string, enabled: boolean) => useInfiniteQuery({ ...issuedLinksQueryOptions(id), enabled });

export const reissueLink = ({ id, personId }: { id: string; personId: string }) =>
  api(`/pulses/${id}/invitations/${personId}/reissue`, { method: 'POST', body: {}, schema: ZOk });

export function useReissueLink() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: reissueLink, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}

/** Mails a fresh link to everyone who has not answered (409 mail_required without mail); the answer says nothing of how many. */
export const remindRespondents = (id: string) => api(`/pulses/${id}/reminders`, { method: 'POST', body: {}, schema: ZOk });

export function useRemindRespondents() {
  return useMutation({ mutationFn: remindRespondents });
}
