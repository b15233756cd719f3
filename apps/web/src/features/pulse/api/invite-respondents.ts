import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPulseInvitations } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

export const inviteRespondents = (id: string) => api(`/pulses/${id}/invitations`, { method: 'POST', schema: ZPulseInvitations });

export function useInviteRespondents() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: inviteRespondents, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}
