import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZMyPulses, ZOk, ZRespondForm, type TSubmitResponseRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

export const useMyPulses = () => useQuery({ queryKey: pulseKeys.mine, queryFn: ({ signal }) => api('/me/pulses', { schema: ZMyPulses, signal }) });

/** No retries: a 404, 409 or 410 is the answer, not a hiccup. */
export const useMyPulseForm = (id: string | null) =>
  useQuery({
    queryKey: pulseKeys.mineOne(id ?? ''),
    queryFn: ({ signal }) => api(`/me/pulses/${id}`, { schema: ZRespondForm, signal }),
    enabled: id !== null,
    retry: false,
  });

export function useSubmitMyResponse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TSubmitResponseRequest }) => api(`/me/pulses/${id}/response`, { method: 'POST', body, schema: ZOk }),
    onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.mine }),
  });
}
