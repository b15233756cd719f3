import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOrganisation, type TOrganisationInput } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { getMe } from './get-me';
import { resetSession } from './keys';

export const createOrganisation = (body: TOrganisationInput) => api('/orgs', { method: 'POST', body, schema: ZOrganisation });

/** The new organisation becomes current on the server, so the whole view follows it. */
export function useCreateOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: async () => resetSession(qc, await getMe()),
  });
}
