import { useQuery } from '@tanstack/react-query';
import { ZInitiativeList } from '@tandem/contracts';
import { api } from '../../../lib/api';

/** Initiatives to link a case to (through the API, not the strategy feature's internals). */
export const useInitiativeOptions = () =>
  useQuery({
    queryKey: ['cases', 'initiative-options'],
    queryFn: ({ signal }) => api('/initiatives', { schema: ZInitiativeList, signal }),
    select: (d) => d.initiatives.map((i) => ({ value: i.id, label: i.title })),
    staleTime: 60_000,
  });
