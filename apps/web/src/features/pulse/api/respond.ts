import { useMutation, useQuery } from '@tanstack/react-query';
import { ZOk, ZRespondForm, type TSubmitResponseRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

export const getResponseForm = (token: string, signal?: AbortSignal) => api(`/respond/${encodeURIComponent(token)}`, { schema: ZRespondForm, signal });

/** No retries: a 404, 409 or 410 is the answer, not a hiccup. */
export const useResponseForm = (token: string) =>
  useQuery({ queryKey: pulseKeys.respond(token), queryFn: ({ signal }) => getResponseForm(token, signal), retry: false, staleTime: Infinity });

export const submitResponse = ({ token, body }: { token: string; body: TSubmitResponseRequest }) =>
  api(`/respond/${encodeURIComponent(token)}`, { method: 'POST', body, schema: ZOk });

export const useSubmitResponse = () => useMutation({ mutationFn: submitResponse });
