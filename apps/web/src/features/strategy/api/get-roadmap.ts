import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZRoadmap } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

/** Goals, initiatives and enablers in one request: the server reads the roadmap once for all three. */
export const getRoadmap = (signal?: AbortSignal) => api('/roadmap', { schema: ZRoadmap, signal });
export const roadmapQueryOptions = () => queryOptions({ queryKey: strategyKeys.roadmap, queryFn: ({ signal }) => getRoadmap(signal) });
export const useRoadmapQuery = () => useQuery(roadmapQueryOptions());
