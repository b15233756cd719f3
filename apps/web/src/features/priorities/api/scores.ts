import { useQuery } from '@tanstack/react-query';
import { ZScoresWritten, ZScoringSheet } from '@tandem/contracts';
import { api } from '../../../lib/api';
import type { SaveMethod } from '../components/score-store';
import { prioritiesKeys } from './keys';

/**
 * One scorer's sheet (criteria of their side and their own values) in one request; `personId`
 * null is the caller. Read once per visit: the page's score store owns the values from then on,
 * so a background refetch never overwrites what the person is typing.
 */
export const useScoringSheet = (roundId: string, personId: string | null) =>
  useQuery({
    queryKey: prioritiesKeys.sheet(roundId, personId ?? 'me'),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    queryFn: ({ signal }) => api(`/priorities/rounds/${roundId}/sheet${personId ? `?personId=${personId}` : ''}`, { schema: ZScoringSheet, signal }),
  });

/** PUT the first scores of an item, PATCH changes (the store chooses; see score-store.ts). */
export const saveScores = (roundId: string, personId: string) => (method: SaveMethod, itemId: string, scores: Record<string, number>) =>
  api(`/priorities/rounds/${roundId}/scores`, { method, body: { personId, itemId, scores }, schema: ZScoresWritten });
