import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZEnabler, type TCreateEnablerRequest, type TUpdateEnablerRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export const createEnabler = (body: TCreateEnablerRequest) => api('/enablers', { method: 'POST', body, schema: ZEnabler });
export const updateEnabler = ({ id, ...body }: TUpdateEnablerRequest & { id: string }) =>
  api(`/enablers/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZEnabler });

export function useCreateEnabler() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createEnabler, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
export function useUpdateEnabler() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateEnabler, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
