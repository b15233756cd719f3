import { useQuery } from '@tanstack/react-query';
import { ZEnabler, ZInitiative, ZPerson } from '@tandem/contracts';
import { apiAllPages } from '../../../lib/api';

/** The people directory, for choosing a disagreement's owner. */
export const usePeopleLookup = (enabled: boolean) =>
  useQuery({ queryKey: ['priorities', 'people'], enabled, queryFn: async ({ signal }) => ({ people: await apiAllPages('/people', ZPerson, signal) }) });

/** Initiatives and enablers, the items a new round can score. */
export const useStrategyItems = (enabled: boolean) =>
  useQuery({
    queryKey: ['priorities', 'strategy-items'],
    enabled,
    queryFn: async ({ signal }) => {
      const [initiatives, enablers] = await Promise.all([apiAllPages('/initiatives', ZInitiative, signal), apiAllPages('/enablers', ZEnabler, signal)]);
      return { initiatives, enablers };
    },
  });
