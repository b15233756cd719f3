import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPeopleImportResult } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const importPeople = ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
  api(`/people/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body: csv, contentType: 'text/csv', schema: ZPeopleImportResult });

export function useImportPeople() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: importPeople,
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: orgKeys.peopleAll })),
  });
}
