import { useQuery } from '@tanstack/react-query';
import { ZCaseList, ZRegister } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { casesKeys } from './keys';

export const getCases = (kind: 'business' | 'security', signal?: AbortSignal) => api(`/cases?kind=${kind}&sort=npv&limit=200`, { schema: ZCaseList, signal });
export const useCases = (kind: 'business' | 'security') => useQuery({ queryKey: casesKeys.list(kind), queryFn: ({ signal }) => getCases(kind, signal) });

export const getRegister = (signal?: AbortSignal) => api('/cases/register?limit=200', { schema: ZRegister, signal });
export const useRegister = () => useQuery({ queryKey: casesKeys.register, queryFn: ({ signal }) => getRegister(signal) });
