import { useQuery } from '@tanstack/react-query';
import { ZCase, ZCaseResults, ZCaseVersions } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { casesKeys } from './keys';

const path = (id: string) => `/cases/${encodeURIComponent(id)}`;
export const useCase = (id: string) => useQuery({ queryKey: casesKeys.one(id), queryFn: ({ signal }) => api(path(id), { schema: ZCase, signal }) });
export const useCaseResults = (id: string) => useQuery({ queryKey: casesKeys.results(id), queryFn: ({ signal }) => api(`${path(id)}/results`, { schema: ZCaseResults, signal }) });
export const useCaseVersions = (id: string) => useQuery({ queryKey: casesKeys.versions(id), queryFn: ({ signal }) => api(`${path(id)}/versions?limit=20`, { schema: ZCaseVersions, signal }) });

/** The one-pager is a plain link, so the browser opens or downloads it with the session cookie. */
export const onePagerUrl = (id: string, format: 'pdf' | 'html') => `/api/v1${path(id)}/one-pager.${format}`;
