import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPulse, type TCreatePulseRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

export const createPulse = (body: TCreatePulseRequest) => api('/pulses', { method: 'POST', body, schema: ZPulse });

export function useCreatePulse() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createPulse, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}
