import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZScenario, ZScenarioComparison, type TCreateScenarioRequest } from '@tandem/contracts';
import { api, apiAllPages } from '../../../lib/api';
import { prioritiesKeys } from './keys';

/** Every scenario of a round (the compare pickers offer them all), following the cursors. */
export const useScenarios = (roundId: string) =>
  useQuery({ queryKey: prioritiesKeys.scenarios(roundId), queryFn: ({ signal }) => apiAllPages(`/priorities/rounds/${roundId}/scenarios`, ZScenario, signal) });

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
