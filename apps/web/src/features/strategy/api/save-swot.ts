import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOk, ZSwotItem, type TCreateSwotRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export const createSwot = (body: TCreateSwotRequest) => api('/swot', { method: 'POST', body, schema: ZSwotItem });
export const deleteSwot = (id: string) => api(`/swot/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk });

export function useCreateSwot() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createSwot, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.swot }) });
}
export function useDeleteSwot() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteSwot, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.swot }) });
}
