import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOk } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { resetSession } from './keys';

export const logOut = () => api('/auth/logout', { method: 'POST', schema: ZOk });

export function useLogOut() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: logOut, onSettled: () => resetSession(qc, null) });
}
