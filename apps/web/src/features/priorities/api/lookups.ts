import { useQuery } from '@tanstack/react-query';
import { ZEnabler, ZInitiative, ZPerson, ZRequest } from '@tandem/contracts';
import { apiAllPages } from '../../../lib/api';

/** The people directory, for choosing a disagreement's owner. */
export const usePeopleLookup = (enabled: boolean) =>
  useQuery({ queryKey: ['priorities', 'people'], enabled, queryFn: async ({ signal }) => ({ people: await apiAllPages('/people', ZPerson, signal) }) });

/** Initiatives, enablers and triaged requests (accepted, not started): the items a new round can score. */
export const useStrategyItems = (enabled: boolean) =>
  useQuery({
    queryKey: ['priorities', 'strategy-items'],
    enabled,
    queryFn: async ({ signal }) => {
      const [initiatives, enablers, requests] = await Promise.all([
        apiAllPages('/initiatives', ZInitiative, signal),
        apiAllPages('/enablers', ZEnabler, signal),
        apiAllPages('/requests?category=triaged', ZRequest, signal),
      ]);
      return { initiatives, enablers, requests };
    },
  });
