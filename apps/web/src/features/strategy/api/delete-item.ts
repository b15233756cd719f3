import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export type DeletableKind = 'goal' | 'initiative' | 'enabler';
const PATH: Record<DeletableKind, string> = { goal: 'goals', initiative: 'initiatives', enabler: 'enablers' };

export const deleteItem = ({ kind, id }: { kind: DeletableKind; id: string }) => api(`/${PATH[kind]}/${encodeURIComponent(id)}`, { method: 'DELETE', schema: z.unknown() });

export function useDeleteItem() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteItem, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}
