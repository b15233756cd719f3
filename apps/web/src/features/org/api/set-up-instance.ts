import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMeResponse, type TSetupRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys, resetSession } from './keys';

export const setUpInstance = (body: TSetupRequest) => api('/setup', { method: 'POST', body, schema: ZMeResponse });

export function useSetUpInstance() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: setUpInstance,
    onSuccess: (me) => {
      qc.setQueryData(orgKeys.setup, { setupRequired: false });
      resetSession(qc, me);
    },
  });
}
