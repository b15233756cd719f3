import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZBenefit,
  ZInitiative,
  ZOpportunity,
  ZPlanTree,
  ZValueSummary,
  type TCreateBenefitRequest,
  type TCreateOpportunityRequest,
  type TUpdateOpportunityRequest,
} from '@tandem/contracts';
import { api, apiAllPages } from '../../../lib/api';

/** Query keys of the value feature; every write invalidates `all` (and the one-screen reads value too). */
export const valueKeys = {
  all: ['value'] as const,
  summary: (year: number) => ['value', 'summary', year] as const,
  plan: (year: number) => ['value', 'plan', year] as const,
  opportunities: ['value', 'opportunities'] as const,
  initiatives: ['value', 'initiatives'] as const,
};

export const useValueSummary = (year: number) => useQuery({ queryKey: valueKeys.summary(year), queryFn: () => api(`/value/summary?year=${year}`, { schema: ZValueSummary }) });
export const usePlanTree = (year: number) => useQuery({ queryKey: valueKeys.plan(year), queryFn: () => api(`/value/plan?year=${year}`, { schema: ZPlanTree }) });
/** The whole opportunity log, page after page (the endpoint is paged, decision 103). */
export const useOpportunities = () => useQuery({ queryKey: valueKeys.opportunities, queryFn: ({ signal }) => apiAllPages('/value/opportunities', ZOpportunity, signal) });
/** The initiatives a benefit can be recorded against. */
export const useInitiativeChoices = () =>
  useQuery({ queryKey: valueKeys.initiatives, queryFn: async () => (await apiAllPages('/initiatives', ZInitiative)).map((i) => ({ value: i.id, label: i.title })) });

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: valueKeys.all });
      await qc.invalidateQueries({ queryKey: ['insights'] });
    },
  });
}

export const useRecordBenefit = () => useWrite((body: TCreateBenefitRequest) => api('/value/benefits', { method: 'POST', body, schema: ZBenefit }));
export const useCreateOpportunity = () => useWrite((body: TCreateOpportunityRequest) => api('/value/opportunities', { method: 'POST', body, schema: ZOpportunity }));
export const useUpdateOpportunity = () =>
  useWrite(({ id, ...body }: TUpdateOpportunityRequest & { id: string }) => api(`/value/opportunities/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZOpportunity }));
