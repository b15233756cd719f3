import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPerson, type TUpdatePersonRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

/** Edits a person; `{ active: false }` deactivates and `{ active: true }` reactivates. */
export const updatePerson = ({ id, ...body }: TUpdatePersonRequest & { id: string }) =>
  api(`/people/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZPerson });

export function useUpdatePerson() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updatePerson, onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.peopleAll }) });
}
