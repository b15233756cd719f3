import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZAnalytics,
  ZCalibration,
  ZCreatedId,
  ZDeferredNeed,
  ZDeferredNeedLedger,
  ZForecastHowMany,
  ZForecastWhen,
  ZReferenceClass,
  ZReferenceProject,
  ZRequestDetail,
  ZRequestImportResult,
  ZRequestLadder,
  ZRequestList,
  type TCreateDeferredNeedRequest,
  type TCreateReferenceProjectRequest,
  type TCreateRequestRequest,
  type TDeferralRequest,
  type TPutLadderRequest,
  type TRecordForecastHowManyRequest,
  type TRecordForecastWhenRequest,
  type TRequestListQuery,
  type TUpdateRequestRequest,
} from '@tandem/contracts';
import { api } from '../../../lib/api';

/** Query keys of the requests feature; every write invalidates `all` (analytics and forecasts follow the requests). */
export const requestsKeys = {
  all: ['requests'] as const,
  list: (q: TRequestListQuery) => ['requests', 'list', q] as const,
  one: (id: string) => ['requests', 'one', id] as const,
  analytics: (from: string, to: string) => ['requests', 'analytics', from, to] as const,
  calibration: ['requests', 'calibration'] as const,
  referenceClass: (e: number) => ['requests', 'reference-class', e] as const,
  ledger: ['requests', 'ledger'] as const,
};

const qs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export function useRequests(q: TRequestListQuery) {
  return useQuery({ queryKey: requestsKeys.list(q), queryFn: () => api(`/requests?${qs(q as Record<string, string>)}`, { schema: ZRequestList }), placeholderData: keepPreviousData });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: requestsKeys.one(id), queryFn: () => api(`/requests/${encodeURIComponent(id)}`, { schema: ZRequestDetail }) });
}

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: requestsKeys.all }) });
}

export const useCreateRequest = () => useWrite((body: TCreateRequestRequest) => api('/requests', { method: 'POST', body, schema: ZCreatedId }));
export const useUpdateRequest = () =>
  useWrite(({ id, ...body }: TUpdateRequestRequest & { id: string }) => api(`/requests/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZRequestDetail }));
export const useSetRequestLadder = () =>
  useWrite(({ id, rungs }: { id: string; rungs: TPutLadderRequest['rungs'] }) => api(`/requests/${encodeURIComponent(id)}/ladder`, { method: 'PUT', body: { rungs }, schema: ZRequestLadder }));
export const useImportRequests = () =>
  useWrite(({ csv, mapping }: { csv: string; mapping: Record<string, string> }) =>
    api(`/requests/import?${qs(mapping)}`, { method: 'POST', body: csv, contentType: 'text/csv', schema: ZRequestImportResult }),
  );

export function useAnalytics(from: string, to: string) {
  return useQuery({ queryKey: requestsKeys.analytics(from, to), queryFn: () => api(`/requests/analytics?${qs({ from, to })}`, { schema: ZAnalytics }), placeholderData: keepPreviousData });
}

/** Forecasts shown in the app go through POST, so that each is recorded in the calibration log. */
export const useForecastWhen = () => useWrite((body: TRecordForecastWhenRequest) => api('/forecast/when', { method: 'POST', body, schema: ZForecastWhen }));
export const useForecastHowMany = () => useWrite((body: TRecordForecastHowManyRequest) => api('/forecast/how-many', { method: 'POST', body, schema: ZForecastHowMany }));
export function useCalibration() {
  return useQuery({ queryKey: requestsKeys.calibration, queryFn: () => api('/forecast/calibration', { schema: ZCalibration }) });
}
export function useReferenceClass(estimateDays: number) {
  return useQuery({
    queryKey: requestsKeys.referenceClass(estimateDays),
    queryFn: () => api(`/forecast/reference-class?${qs({ estimateDays })}`, { schema: ZReferenceClass }),
    enabled: estimateDays > 0,
    retry: false,
  });
}
export const useAddReferenceProject = () => useWrite((body: TCreateReferenceProjectRequest) => api('/forecast/reference-class/projects', { method: 'POST', body, schema: ZReferenceProject }));

export function useLedger() {
  return useQuery({ queryKey: requestsKeys.ledger, queryFn: () => api('/deferred-needs?all=true', { schema: ZDeferredNeedLedger }) });
}
export const useCreateNeed = () => useWrite((body: TCreateDeferredNeedRequest) => api('/deferred-needs', { method: 'POST', body, schema: ZDeferredNeed }));
export const useSetDeferral = () =>
  useWrite(({ id, ...body }: TDeferralRequest & { id: string }) => api(`/deferred-needs/${encodeURIComponent(id)}/deferral`, { method: 'POST', body, schema: ZDeferredNeed }));
