import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZMeResponse, type TMeResponse } from '@tandem/contracts';
import { api, ApiError } from '../../../lib/api';
import { orgKeys } from './keys';

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export async function getMe(signal?: AbortSignal): Promise<TMeResponse | null> {
  try {
    return await api('/me', { schema: ZMeResponse, signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: orgKeys.me, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });

export const useMe = () => useQuery(meQueryOptions());

/** The signed-in user inside the authenticated layout, where `me` is known to be loaded. */
export function useCurrentMe(): TMeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentMe used outside the signed-in layout');
  return data;
}
