import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMemberRoleChanged, type TUpdateMemberRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const updateMember = ({ userId, ...body }: TUpdateMemberRequest & { userId: string }) =>
  api(`/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body, schema: ZMemberRoleChanged });

export function useUpdateMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateMember,
    // The changed role may be your own, which changes what the app shows you.
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: orgKeys.members }), qc.invalidateQueries({ queryKey: orgKeys.me })]),
  });
}
