import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZAuditList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const AUDIT_PAGE_SIZE = 100;

export const getAudit = (signal?: AbortSignal) => api(`/audit?limit=${AUDIT_PAGE_SIZE}`, { schema: ZAuditList, signal });

export const auditQueryOptions = () => queryOptions({ queryKey: orgKeys.audit, queryFn: ({ signal }) => getAudit(signal) });

export const useAudit = () => useQuery(auditQueryOptions());
