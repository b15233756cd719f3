import { useQuery } from '@tanstack/react-query';
import { ZSwotList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export const getSwot = (signal?: AbortSignal) => api('/swot', { schema: ZSwotList, signal });
export const useSwot = () => useQuery({ queryKey: strategyKeys.swot, queryFn: ({ signal }) => getSwot(signal) });
