import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRound, type TCreateRoundRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateRoundRequest) => api('/priorities/rounds', { method: 'POST', body, schema: ZRound }),
    onSuccess: () => qc.invalidateQueries({ queryKey: prioritiesKeys.rounds }),
  });
}
