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
  ZRequestCount,
  ZRequestDetail,
  ZRequestFlow,
  ZRequestImportResult,
  ZRequestLadder,
  ZRequestList,
  type TCreateDeferredNeedRequest,
  type TCreateReferenceProjectRequest,
  type TCreateRequestRequest,
  type TDeferralRequest,
  type TDeferredNeedLedger,
  type TPutLadderRequest,
  type TPutRequestFlow,
  type TRequestFilter,
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
  count: (f: TRequestFilter) => ['requests', 'count', f] as const,
  flow: ['requests', 'flow'] as const,
  one: (id: string) => ['requests', 'one', id] as const,
  analytics: (from: string, to: string) => ['requests', 'analytics', from, to] as const,
  calibration: (cursor: string | null) => ['requests', 'calibration', cursor] as const,
  referenceClass: (e: number) => ['requests', 'reference-class', e] as const,
  ledger: ['requests', 'ledger'] as const,
};

const qs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** One page of the request list, paged on the server: filters and the cursor travel as query parameters. */
export function useRequests(q: TRequestListQuery) {
  return useQuery({ queryKey: requestsKeys.list(q), queryFn: () => api(`/requests?${qs(q as Record<string, string>)}`, { schema: ZRequestList }), placeholderData: keepPreviousData });
}

export function useRequestCount(f: TRequestFilter) {
  return useQuery({ queryKey: requestsKeys.count(f), queryFn: () => api(`/requests/count?${qs(f as Record<string, string>)}`, { schema: ZRequestCount }) });
}

/** The organisation's flow: its statuses (label, category) and the moves it allows. */
export function useRequestFlow() {
  return useQuery({ queryKey: requestsKeys.flow, queryFn: () => api('/requests/flow', { schema: ZRequestFlow }), staleTime: 60_000 });
}
export const useSetRequestFlow = () => useWrite((body: TPutRequestFlow) => api('/requests/flow', { method: 'PUT', body, schema: ZRequestFlow }));

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
/** One page of the calibration log (newest first) with the summary over the whole log. */
export function useCalibration(cursor: string | null) {
  return useQuery({
    queryKey: requestsKeys.calibration(cursor),
    queryFn: () => api(`/forecast/calibration?${qs({ limit: 25, cursor: cursor ?? undefined })}`, { schema: ZCalibration }),
    placeholderData: keepPreviousData,
  });
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

/** The whole ledger: the first page brings the totals, the next pages the rest of the needs. */
export function useLedger() {
  return useQuery({
    queryKey: requestsKeys.ledger,
    queryFn: async ({ signal }): Promise<TDeferredNeedLedger> => {
      const first = await api('/deferred-needs?all=true&limit=500', { schema: ZDeferredNeedLedger, signal });
      const items = [...first.items];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await api(`/deferred-needs?${qs({ all: 'true', limit: 500, cursor, asOf: first.asOf })}`, { schema: ZDeferredNeedLedger, signal });
        items.push(...page.items);
        cursor = page.nextCursor;
      }
      return { ...first, items, nextCursor: null };
    },
  });
}
export const useCreateNeed = () => useWrite((body: TCreateDeferredNeedRequest) => api('/deferred-needs', { method: 'POST', body, schema: ZDeferredNeed }));
export const useSetDeferral = () =>
  useWrite(({ id, ...body }: TDeferralRequest & { id: string }) => api(`/deferred-needs/${encodeURIComponent(id)}/deferral`, { method: 'POST', body, schema: ZDeferredNeed }));
