import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOrganisation } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { getMe } from './get-me';
import { resetSession } from './keys';

export const switchOrganisation = (id: string) => api(`/orgs/${encodeURIComponent(id)}/switch`, { method: 'POST', schema: ZOrganisation });

export function useSwitchOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: switchOrganisation,
    onSuccess: async () => resetSession(qc, await getMe()),
  });
}
