import { useMutation, useQuery } from '@tanstack/react-query';
import { ZScoreList, ZScoresWritten, type TPutScoresRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

/** The caller's own scores (the only ones readable while a round is open); a round has at most 1,000 items. */
export const useMyScores = (roundId: string, personId: string | null) =>
  useQuery({
    queryKey: prioritiesKeys.myScores(roundId, personId ?? ''),
    enabled: personId !== null,
    queryFn: ({ signal }) => api(`/priorities/rounds/${roundId}/scores?personId=${personId}&limit=2000`, { schema: ZScoreList, signal }),
  });

/** PUT the first score of a criterion, PATCH a change. */
export const useSaveScore = (roundId: string) =>
  useMutation({
    mutationFn: ({ body, change }: { body: TPutScoresRequest; change: boolean }) =>
      api(`/priorities/rounds/${roundId}/scores`, { method: change ? 'PATCH' : 'PUT', body, schema: ZScoresWritten }),
  });
