import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOk } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const revokeInvitation = (id: string) => api(`/invitations/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk });

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: revokeInvitation, onSettled: () => qc.invalidateQueries({ queryKey: orgKeys.invitations }) });
}
