import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ZRound, ZRoundList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

const ROUNDS_PAGE = 50;

/** The rounds, newest first, a page at a time ("Show older rounds" fetches the next). */
export const useRounds = () =>
  useInfiniteQuery({
    queryKey: prioritiesKeys.rounds,
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) => api(`/priorities/rounds?limit=${ROUNDS_PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, { schema: ZRoundList, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
export const useRound = (id: string) => useQuery({ queryKey: prioritiesKeys.round(id), queryFn: ({ signal }) => api(`/priorities/rounds/${id}`, { schema: ZRound, signal }) });
