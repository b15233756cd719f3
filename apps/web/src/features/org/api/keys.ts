import type { QueryClient } from '@tanstack/react-query';
import type { TMeResponse } from '@tandem/contracts';

/** Query keys of the org feature. Everything but `setup` and `me` belongs to the current organisation. */
export const orgKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  members: ['org', 'members'] as const,
  invitations: ['org', 'invitations'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  people: (includeInactive: boolean) => ['org', 'people', { includeInactive }] as const,
  peoplePages: (includeInactive: boolean) => ['org', 'people', 'pages', { includeInactive }] as const,
  peopleAll: ['org', 'people'] as const,
  audit: ['org', 'audit'] as const,
};

/**
 * After a sign-in, sign-out or organisation switch every cached answer may belong to someone
 * else's view, so the cache is emptied and `me` set to the new truth.
 */
export function resetSession(qc: QueryClient, me: TMeResponse | null) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' && q.queryKey[0] !== 'me' });
  qc.setQueryData(orgKeys.me, me);
}
