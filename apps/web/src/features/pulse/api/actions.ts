import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZPulseAction, type TCreatePulseActionRequest, type TUpdatePulseActionRequest } from '@tandem/contracts';
import { api, apiAllPages } from '../../../lib/api';
import { pulseKeys } from './keys';

/** Every action of one pulse, following the cursors (a pulse has a handful). */
export const getPulseActions = (pulseId: string, signal?: AbortSignal) => apiAllPages(`/pulses/actions?pulseId=${pulseId}`, ZPulseAction, signal);
export const pulseActionsQueryOptions = (pulseId: string | null | undefined) =>
  queryOptions({ queryKey: pulseKeys.actions({ pulseId }), queryFn: ({ signal }) => getPulseActions(pulseId!, signal), enabled: Boolean(pulseId) });
export const usePulseActions = (pulseId: string | null | undefined) => useQuery(pulseActionsQueryOptions(pulseId));

export const createPulseAction = ({ pulseId, body }: { pulseId: string; body: TCreatePulseActionRequest }) =>
  api(`/pulses/${pulseId}/actions`, { method: 'POST', body, schema: ZPulseAction });

export function useCreatePulseAction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createPulseAction, onSuccess: () => qc.invalidateQueries({ queryKey: ['pulse', 'actions'] }) });
}

export const updatePulseAction = ({ id, body }: { id: string; body: TUpdatePulseActionRequest }) =>
  api(`/pulses/actions/${id}`, { method: 'PATCH', body, schema: ZPulseAction });

export function useUpdatePulseAction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updatePulseAction, onSuccess: () => qc.invalidateQueries({ queryKey: ['pulse', 'actions'] }) });
}
