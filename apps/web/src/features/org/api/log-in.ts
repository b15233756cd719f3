import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMeResponse, type TLoginRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { resetSession } from './keys';

export const logIn = (body: TLoginRequest) => api('/auth/login', { method: 'POST', body, schema: ZMeResponse });

export function useLogIn() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: logIn, onSuccess: (me) => resetSession(qc, me) });
}
