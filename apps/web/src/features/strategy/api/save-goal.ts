import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZGoal, type TCreateGoalRequest, type TUpdateGoalRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export const createGoal = (body: TCreateGoalRequest) => api('/goals', { method: 'POST', body, schema: ZGoal });
export const updateGoal = ({ id, ...body }: TUpdateGoalRequest & { id: string }) => api(`/goals/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZGoal });

export function useCreateGoal() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createGoal, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
export function useUpdateGoal() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateGoal, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
