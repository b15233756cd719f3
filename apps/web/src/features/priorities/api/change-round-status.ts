import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRound } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

export function useChangeRoundStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'open' | 'close' }) => api(`/priorities/rounds/${id}/${action}`, { method: 'POST', schema: ZRound }),
    onSuccess: () => qc.invalidateQueries({ queryKey: prioritiesKeys.all }),
  });
}
