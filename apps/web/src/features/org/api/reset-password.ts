import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMeResponse, ZPasswordResetRequested, type TPasswordResetConfirm, type TPasswordResetRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { resetSession } from './keys';

export const requestPasswordReset = (body: TPasswordResetRequest) => api('/auth/password-reset', { method: 'POST', body, schema: ZPasswordResetRequested });

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export const confirmPasswordReset = (body: TPasswordResetConfirm) => api('/auth/password-reset/confirm', { method: 'POST', body, schema: ZMeResponse });

export function useConfirmPasswordReset() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: confirmPasswordReset, onSuccess: (me) => resetSession(qc, me) });
}
