import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export const getIssuedLinks = (id: string, offset: number, signal?: AbortSignal) =>
  api(`/pulses/${id}/invitations?limit=${ISSUED_PAGE}&offset=${offset}`, { schema: ZIssuedLinks, signal });

export const useIssuedLinks = (id: string, offset: number, enabled: boolean) =>
  useQuery({ queryKey: pulseKeys.issued(id, offset), queryFn: ({ signal }) => getIssuedLinks(id, offset, signal), enabled });

export const reissueLink = ({ id, personId }: { id: string; personId: string }) =>
  api(`/pulses/${id}/invitations/${personId}/reissue`, { method: 'POST', body: {}, schema: ZOk });

export function useReissueLink() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: reissueLink, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}
