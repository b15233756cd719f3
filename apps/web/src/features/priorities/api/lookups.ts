import { useQuery } from '@tanstack/react-query';
import { ZEnablerList, ZInitiativeList, ZPerson } from '@tandem/contracts';
import { api, apiAllPages } from '../../../lib/api';

/** The people directory, for choosing a disagreement's owner. */
export const usePeopleLookup = (enabled: boolean) =>
  useQuery({ queryKey: ['priorities', 'people'], enabled, queryFn: async ({ signal }) => ({ people: await apiAllPages('/people', ZPerson, signal) }) });

/** Initiatives and enablers, the items a new round can score. */
export const useStrategyItems = (enabled: boolean) =>
  useQuery({
    queryKey: ['priorities', 'strategy-items'],
    enabled,
    queryFn: async ({ signal }) => {
      const [i, e] = await Promise.all([api('/initiatives', { schema: ZInitiativeList, signal }), api('/enablers', { schema: ZEnablerList, signal })]);
      return { initiatives: i.initiatives, enablers: e.enablers };
    },
  });
