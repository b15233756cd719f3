import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ZAuditList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { orgKeys } from './keys';

export const AUDIT_PAGE_SIZE = 100;

export const getAudit = (cursor: string | null, signal?: AbortSignal) =>
  api(`/audit?limit=${AUDIT_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { schema: ZAuditList, signal });

export const auditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: orgKeys.audit,
    queryFn: ({ pageParam, signal }) => getAudit(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useAudit = () => useInfiniteQuery(auditQueryOptions());
