import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZDigestSettingsAnswer, ZInsights, ZOk, type TDigestSettings } from '@tandem/contracts';
import { api } from '../../../lib/api';

export const insightsKeys = { all: ['insights'] as const, digest: ['insights', 'digest'] as const };

export const useInsights = () => useQuery({ queryKey: insightsKeys.all, queryFn: () => api('/insights', { schema: ZInsights }) });
export const useDigestSettings = () => useQuery({ queryKey: insightsKeys.digest, queryFn: () => api('/me/digest', { schema: ZDigestSettingsAnswer }) });

export function useSaveDigest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TDigestSettings) => api('/me/digest', { method: 'PUT', body, schema: ZDigestSettingsAnswer }),
    onSuccess: (d) => qc.setQueryData(insightsKeys.digest, d),
  });
}

export const useUnsubscribe = () => useMutation({ mutationFn: (token: string) => api('/digest/unsubscribe', { method: 'POST', body: { token }, schema: ZOk } ) });
