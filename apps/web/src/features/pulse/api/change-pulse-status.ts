import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPulse } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

export type PulseAction = 'open' | 'close' | 'publish';

export const changePulseStatus = ({ id, action }: { id: string; action: PulseAction }) => api(`/pulses/${id}/${action}`, { method: 'POST', schema: ZPulse });

export function useChangePulseStatus() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: changePulseStatus, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}
