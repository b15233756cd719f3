import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPeopleImportResult } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV text, or an Excel workbook sent as it is (the server reads its first sheet the same way). */
export type PeopleImportSource = { csv: string } | { workbook: Blob };

export const importPeople = ({ dryRun, ...source }: PeopleImportSource & { dryRun: boolean }) =>
  api(`/people/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: 'workbook' in source ? source.workbook : source.csv,
    contentType: 'workbook' in source ? XLSX_TYPE : 'text/csv',
    schema: ZPeopleImportResult,
  });

export function useImportPeople() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: importPeople,
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: orgKeys.peopleAll })),
  });
}
