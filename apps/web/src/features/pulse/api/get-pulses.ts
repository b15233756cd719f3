import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZPulse } from '@tandem/contracts';
import { api, apiAllPages } from '../../../lib/api';
import { pulseKeys } from './keys';

/** Every pulse, following the list's cursors (an organisation runs a few a year; the list shows them all). */
export const getPulses = async (signal?: AbortSignal) => ({ pulses: await apiAllPages('/pulses', ZPulse, signal) });
export const pulsesQueryOptions = () => queryOptions({ queryKey: pulseKeys.list, queryFn: ({ signal }) => getPulses(signal) });
export const usePulses = () => useQuery(pulsesQueryOptions());

export const getPulse = (id: string, signal?: AbortSignal) => api(`/pulses/${id}`, { schema: ZPulse, signal });
export const pulseQueryOptions = (id: string) => queryOptions({ queryKey: pulseKeys.one(id), queryFn: ({ signal }) => getPulse(id, signal) });
export const usePulse = (id: string) => useQuery(pulseQueryOptions(id));
