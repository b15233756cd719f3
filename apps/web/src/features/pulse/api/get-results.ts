import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ZPulseResults, ZPulseTrend } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

export const getPulseResults = (id: string, by: string, signal?: AbortSignal) =>
  api(`/pulses/${id}/results${by ? `?by=${encodeURIComponent(by)}` : ''}`, { schema: ZPulseResults, signal });

/** The breakdown a leader sees first on a pulse's results (the page's initial choice, and what the router prefetches). */
export const DEFAULT_BREAKDOWN: readonly string[] = ['side', 'level'];

export const pulseResultsQueryOptions = (id: string, by: string) =>
  queryOptions({ queryKey: pulseKeys.results(id, by), queryFn: ({ signal }) => getPulseResults(id, by, signal) });
export const usePulseResults = (id: string, by: string) => useQuery({ ...pulseResultsQueryOptions(id, by), placeholderData: keepPreviousData });

/** The CSV of exactly what the results screen shows; a plain link, downloaded with the session cookie. */
export const resultsCsvUrl = (id: string, by: string) => `/api/v1/pulses/${id}/results.csv${by ? `?by=${encodeURIComponent(by)}` : ''}`;

export const getPulseTrend = (signal?: AbortSignal) => api('/pulses/trend', { schema: ZPulseTrend, signal });
export const pulseTrendQueryOptions = () => queryOptions({ queryKey: pulseKeys.trend, queryFn: ({ signal }) => getPulseTrend(signal) });
export const usePulseTrend = (enabled: boolean) => useQuery({ ...pulseTrendQueryOptions(), enabled });
