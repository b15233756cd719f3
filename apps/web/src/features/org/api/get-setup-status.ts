import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZSetupStatus } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const getSetupStatus = (signal?: AbortSignal) => api('/setup', { schema: ZSetupStatus, signal });

export const setupStatusQueryOptions = () =>
  queryOptions({ queryKey: orgKeys.setup, queryFn: ({ signal }) => getSetupStatus(signal), staleTime: Infinity });

export const useSetupStatus = () => useQuery(setupStatusQueryOptions());
