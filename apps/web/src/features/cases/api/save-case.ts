import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZCase, ZCreatedCase, type TCreateCaseRequest, type TUpdateCaseRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { casesKeys } from './keys';

export const createCase = (body: TCreateCaseRequest) => api('/cases', { method: 'POST', body, schema: ZCreatedCase });
export const updateCase = ({ id, body }: { id: string; body: TUpdateCaseRequest }) => api(`/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZCase });
export const deleteCase = (id: string) => api(`/cases/${encodeURIComponent(id)}`, { method: 'DELETE', schema: z.unknown() });

function useCaseMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: casesKeys.all }) });
}
export const useCreateCase = () => useCaseMutation(createCase);
export const useUpdateCase = () => useCaseMutation(updateCase);
export const useDeleteCase = () => useCaseMutation(deleteCase);
