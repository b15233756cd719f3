import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZLadder, type TPutLadderRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export const setLadder = ({ initiativeId, ...body }: TPutLadderRequest & { initiativeId: string }) =>
  api(`/initiatives/${encodeURIComponent(initiativeId)}/ladder`, { method: 'PUT', body, schema: ZLadder });

export function useSetLadder() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: setLadder, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
