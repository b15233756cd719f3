import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZApiTokenList,
  ZCreatedToken,
  ZCreatedWebhook,
  ZDelivery,
  ZDeliveryList,
  ZOk,
  ZSsoConfig,
  ZSsoLookup,
  ZUpdatedWebhook,
  ZWebhookList,
  type TCreateTokenRequest,
  type TCreateWebhookRequest,
  type TPutSsoRequest,
  type TUpdateWebhookRequest,
} from '@tandem/contracts';
import { api } from '../../../lib/api';

/** Query keys of the integrations feature; every write invalidates `all`. */
export const integrationsKeys = {
  all: ['integrations'] as const,
  tokens: ['integrations', 'tokens'] as const,
  webhooks: ['integrations', 'webhooks'] as const,
  deliveries: (id: string) => ['integrations', 'deliveries', id] as const,
  sso: ['integrations', 'sso'] as const,
};

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: integrationsKeys.all }) });
}

export const useTokens = () => useQuery({ queryKey: integrationsKeys.tokens, queryFn: () => api('/tokens?limit=200', { schema: ZApiTokenList }) });
export const useCreateToken = () => useWrite((body: TCreateTokenRequest) => api('/tokens', { method: 'POST', body, schema: ZCreatedToken }));
export const useRevokeToken = () => useWrite((id: string) => api(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk }));

export const useWebhooks = () => useQuery({ queryKey: integrationsKeys.webhooks, queryFn: () => api('/webhooks?limit=200', { schema: ZWebhookList }) });
export const useDeliveries = (id: string | null) =>
  useQuery({ queryKey: integrationsKeys.deliveries(id ?? ''), enabled: id !== null, queryFn: () => api(`/webhooks/${encodeURIComponent(id!)}/deliveries?limit=50`, { schema: ZDeliveryList }) });
export const useCreateWebhook = () => useWrite((body: TCreateWebhookRequest) => api('/webhooks', { method: 'POST', body, schema: ZCreatedWebhook }));
export const useUpdateWebhook = () =>
  useWrite(({ id, body }: { id: string; body: TUpdateWebhookRequest }) => api(`/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ZUpdatedWebhook }));
export const useDeleteWebhook = () => useWrite((id: string) => api(`/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk }));
export const useTestWebhook = () => useWrite((id: string) => api(`/webhooks/${encodeURIComponent(id)}/test`, { method: 'POST', schema: ZDelivery }));

export const useSso = () => useQuery({ queryKey: integrationsKeys.sso, queryFn: () => api('/org/sso', { schema: ZSsoConfig }) });
export const usePutSso = () => useWrite((body: TPutSsoRequest) => api('/org/sso', { method: 'PUT', body, schema: ZSsoConfig }));

/** The login page's question: which organisations let this e-mail sign in with their provider. */
export const lookupSso = (email: string) => api(`/auth/sso?email=${encodeURIComponent(email)}`, { schema: ZSsoLookup });
