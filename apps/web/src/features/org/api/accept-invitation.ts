import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMeResponse, type TAcceptInvitationRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys, resetSession } from './keys';

export const acceptInvitation = ({ token, ...body }: TAcceptInvitationRequest & { token: string }) =>
  api(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body, schema: ZMeResponse });

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (me, { token }) => {
      resetSession(qc, me);
      qc.removeQueries({ queryKey: orgKeys.invitation(token) });
    },
  });
}
