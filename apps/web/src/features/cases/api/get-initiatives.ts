import { useQuery } from '@tanstack/react-query';
import { ZInitiative } from '@tandem/contracts';
import { apiAllPages } from '../../../lib/api';

/** Initiatives to link a case to (through the API, not the strategy feature's internals). */
export const useInitiativeOptions = () =>
  useQuery({
    queryKey: ['cases', 'initiative-options'],
    queryFn: ({ signal }) => apiAllPages('/initiatives', ZInitiative, signal),
    select: (d) => d.map((i) => ({ value: i.id, label: i.title })),
    staleTime: 60_000,
  });
