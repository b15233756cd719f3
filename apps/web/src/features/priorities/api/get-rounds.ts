import { useQuery } from '@tanstack/react-query';
import { ZRound, ZRoundList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

export const useRounds = () => useQuery({ queryKey: prioritiesKeys.rounds, queryFn: ({ signal }) => api('/priorities/rounds', { schema: ZRoundList, signal }) });
export const useRound = (id: string) => useQuery({ queryKey: prioritiesKeys.round(id), queryFn: ({ signal }) => api(`/priorities/rounds/${id}`, { schema: ZRound, signal }) });
