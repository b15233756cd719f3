import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZPulse } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

/** Deletes a draft pulse (the server answers 409 for any other). */
export const deletePulse = (id: string) => api(`/pulses/${id}`, { method: 'DELETE', schema: z.unknown() });

export function useDeletePulse() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deletePulse, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}

/** Archives (or restores) a closed pulse: an archived pulse is listed apart and left out of the trend. */
export const setArchived = ({ id, archived }: { id: string; archived: boolean }) => api(`/pulses/${id}/${archived ? 'archive' : 'unarchive'}`, { method: 'POST', schema: ZPulse });

export function useSetArchived() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: setArchived, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}

/** Leaves a closed pulse out of the trend, or puts it back. */
export const setInTrend = ({ id, inTrend }: { id: string; inTrend: boolean }) => api(`/pulses/${id}`, { method: 'PATCH', body: { inTrend }, schema: ZPulse });

export function useSetInTrend() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: setInTrend, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}

/** Stops a series: the pulse no longer repeats (the ones already made stay). */
export const stopRepeating = (id: string) => api(`/pulses/${id}`, { method: 'PATCH', body: { repeat: null }, schema: ZPulse });

export function useStopRepeating() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: stopRepeating, onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.all }) });
}
