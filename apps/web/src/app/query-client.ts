import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

/**
 * A 401 anywhere means the session ended (expired, signed out elsewhere, password changed on
 * another device): `onUnauthenticated` sends the user back to sign in. Client errors (4xx) are
 * answers, not glitches, so they are not retried.
 */
export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  const on401 = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: on401 }),
    mutationCache: new MutationCache({ onError: on401 }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
      },
    },
  });
}
