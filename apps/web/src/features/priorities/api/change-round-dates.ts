import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRound, type TPatchRoundRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

/** Move a round's opening or closing day (draft or open; decision 146). */
export function useChangeRoundDates(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TPatchRoundRequest) => api(`/priorities/rounds/${id}`, { method: 'PATCH', body, schema: ZRound }),
    onSuccess: () => qc.invalidateQueries({ queryKey: prioritiesKeys.all }),
  });
}
