import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZImportResult } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { strategyKeys } from './keys';

export type StrategyCsvKind = 'goals' | 'initiatives' | 'enablers';

export const importStrategy = ({ kind, csv }: { kind: StrategyCsvKind; csv: string }) =>
  api(`/${kind}/import`, { method: 'POST', body: csv, contentType: 'text/csv', schema: ZImportResult });

export function useImportStrategy() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: importStrategy, onSuccess: () => qc.invalidateQueries({ queryKey: strategyKeys.all }) });
}

/** Exports are plain links, so the browser downloads them with the session cookie. */
export const strategyCsvUrl = (kind: StrategyCsvKind) => `/api/v1/${kind}.csv`;
