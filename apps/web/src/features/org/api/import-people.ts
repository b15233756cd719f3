import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZImportResult } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const importPeople = (csv: string) =>
  api('/people/import', { method: 'POST', body: csv, contentType: 'text/csv', schema: ZImportResult });

export function useImportPeople() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: importPeople, onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.peopleAll }) });
}
