import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZHealthHistory, ZRoadmapHealth } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export const getHealth = (signal?: AbortSignal) => api('/roadmap/health', { schema: ZRoadmapHealth, signal });
export const healthQueryOptions = () => queryOptions({ queryKey: strategyKeys.health, queryFn: ({ signal }) => getHealth(signal) });
export const useRoadmapHealth = () => useQuery(healthQueryOptions());

export const getHealthHistory = (signal?: AbortSignal) => api('/roadmap/health/history?days=90', { schema: ZHealthHistory, signal });
export const healthHistoryQueryOptions = () => queryOptions({ queryKey: strategyKeys.healthHistory, queryFn: ({ signal }) => getHealthHistory(signal) });
export const useHealthHistory = () => useQuery(healthHistoryQueryOptions());
