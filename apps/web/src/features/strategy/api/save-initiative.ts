import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZInitiative, type TCreateInitiativeRequest, type TUpdateInitiativeRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export const createInitiative = (body: TCreateInitiativeRequest) => api('/initiatives', { method: 'POST', body, schema: ZInitiative });
export const updateInitiative = ({ id, ...body }: TUpdateInitiativeRequest & { id: string }) =>
  api(`/initiatives/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZInitiative });

export function useCreateInitiative() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createInitiative, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
export function useUpdateInitiative() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateInitiative, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
