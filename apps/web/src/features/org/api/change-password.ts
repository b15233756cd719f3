import { useMutation } from '@tanstack/react-query';
import { ZOk, type TChangePasswordRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';

export const changePassword = (body: TChangePasswordRequest) => api('/me/password', { method: 'POST', body, schema: ZOk });

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
