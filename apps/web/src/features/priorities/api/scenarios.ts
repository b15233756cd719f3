import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZScenario, ZScenarioComparison, ZScenarioList, type TCreateScenarioRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

export const useScenarios = (roundId: string) =>
  useQuery({ queryKey: prioritiesKeys.scenarios(roundId), queryFn: ({ signal }) => api(`/priorities/rounds/${roundId}/scenarios`, { schema: ZScenarioList, signal }) });

export const useCompare = (a: string | null, b: string | null) =>
  useQuery({
    queryKey: prioritiesKeys.compare(a ?? '', b),
    enabled: a !== null,
    queryFn: ({ signal }) => api(`/priorities/scenarios/compare?a=${a}${b ? `&b=${b}` : ''}`, { schema: ZScenarioComparison, signal }),
  });

export function useCreateScenario(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateScenarioRequest) => api(`/priorities/rounds/${roundId}/scenarios`, { method: 'POST', body, schema: ZScenario }),
    onSuccess: () => qc.invalidateQueries({ queryKey: prioritiesKeys.scenarios(roundId) }),
  });
}
