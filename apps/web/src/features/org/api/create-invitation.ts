import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZInvitationCreated, type TInvitationRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const createInvitation = (body: TInvitationRequest) => api('/invitations', { method: 'POST', body, schema: ZInvitationCreated });

export function useCreateInvitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createInvitation, onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.invitations }) });
}
