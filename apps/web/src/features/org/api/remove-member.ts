import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOk } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const removeMember = (userId: string) => api(`/members/${encodeURIComponent(userId)}`, { method: 'DELETE', schema: ZOk });

export function useRemoveMember() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: removeMember, onSettled: () => qc.invalidateQueries({ queryKey: orgKeys.members }) });
}
