import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZPulse, ZPulseList } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

export const getPulses = (signal?: AbortSignal) => api('/pulses', { schema: ZPulseList, signal });
export const pulsesQueryOptions = () => queryOptions({ queryKey: pulseKeys.list, queryFn: ({ signal }) => getPulses(signal) });
export const usePulses = () => useQuery(pulsesQueryOptions());

export const getPulse = (id: string, signal?: AbortSignal) => api(`/pulses/${id}`, { schema: ZPulse, signal });
export const usePulse = (id: string) => useQuery({ queryKey: pulseKeys.one(id), queryFn: ({ signal }) => getPulse(id, signal) });
