import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPerson, type TCreatePersonRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const createPerson = (body: TCreatePersonRequest) => api('/people', { method: 'POST', body, schema: ZPerson });

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createPerson, onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.peopleAll }) });
}
