import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZDisagreement, type TPatchDisagreementRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

export const useDisagreement = (roundId: string, itemId: string | null) =>
  useQuery({
    queryKey: prioritiesKeys.disagreement(roundId, itemId ?? ''),
    enabled: itemId !== null,
    queryFn: ({ signal }) => api(`/priorities/disagreements/${itemId}?round=${roundId}`, { schema: ZDisagreement, signal }),
  });

export function useDecideDisagreement(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: TPatchDisagreementRequest }) =>
      api(`/priorities/disagreements/${itemId}?round=${roundId}`, { method: 'PATCH', body, schema: ZDisagreement }),
    onSuccess: () => qc.invalidateQueries({ queryKey: prioritiesKeys.all }),
  });
}
