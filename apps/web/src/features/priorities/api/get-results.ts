import { useQuery } from '@tanstack/react-query';
import { ZResults, ZRoundProgress } from '@tandem/contracts';
import { api, ApiError } from '../../../lib/api';
import { prioritiesKeys } from './keys';

/** Results of a closed round; while open the server answers 409 with the progress, returned here as such. */
export const useResults = (id: string) =>
  useQuery({
    queryKey: prioritiesKeys.results(id),
    queryFn: async ({ signal }) => {
      try {
        return { results: await api(`/priorities/rounds/${id}/results`, { schema: ZResults, signal }), progress: null };
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) return { results: null, progress: ZRoundProgress.parse(e.details) };
        throw e;
      }
    },
  });
