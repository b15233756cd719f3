import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRound, type TTagRoundItemRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

/** Re-tag an item's category and horizon; the portfolio's mix follows. */
export function useTagItem(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: TTagRoundItemRequest }) => api(`/priorities/rounds/${roundId}/items/${itemId}`, { method: 'PATCH', body, schema: ZRound }),
    onSuccess: () => qc.invalidateQueries({ queryKey: prioritiesKeys.all }),
  });
}
