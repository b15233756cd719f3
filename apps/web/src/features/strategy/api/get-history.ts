import { useQuery } from '@tanstack/react-query';
import { ZHistoryList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export type HistoryItemType = 'goals' | 'initiatives' | 'enablers';

export const getHistory = (type: HistoryItemType, id: string, signal?: AbortSignal) => api(`/${type}/${encodeURIComponent(id)}/history?limit=30`, { schema: ZHistoryList, signal });
export const useHistory = (type: HistoryItemType, id: string) => useQuery({ queryKey: strategyKeys.history(type, id), queryFn: ({ signal }) => getHistory(type, id, signal) });
