import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZCalendarFeed,
  ZCoffeeRound,
  ZCoffeeRoundList,
  ZCreatedId,
  ZCrossoverMe,
  ZMetAnswer,
  ZOk,
  ZOpenHourList,
  ZOptOutAnswer,
  ZParticipant,
  ZProgrammeList,
  ZProgrammeStats,
  ZSitIn,
  ZSitInList,
  ZSlotList,
  ZOpenHourStats,
  ZTopic,
  ZTopicList,
  type TCreateOpenHourRequest,
  type TCreateProgrammeRequest,
  type TCreateSitInRequest,
} from '@tandem/contracts';
import { api, apiAllPages } from '../../../lib/api';

/** Query keys of the crossover feature; every write invalidates `all`. */
export const crossoverKeys = {
  all: ['crossover'] as const,
  me: ['crossover', 'me'] as const,
  programmes: ['crossover', 'programmes'] as const,
  participants: (id: string) => ['crossover', 'participants', id] as const,
  rounds: (id: string) => ['crossover', 'rounds', id] as const,
  round: (id: string, roundId: string) => ['crossover', 'round', id, roundId] as const,
  stats: (id: string) => ['crossover', 'stats', id] as const,
  openHours: ['crossover', 'open-hours'] as const,
  slots: (id: string) => ['crossover', 'slots', id] as const,
  openHourStats: (id: string) => ['crossover', 'open-hour-stats', id] as const,
  agenda: ['crossover', 'agenda'] as const,
  discussed: ['crossover', 'discussed'] as const,
  sitIns: ['crossover', 'sit-ins'] as const,
  sitIn: (id: string) => ['crossover', 'sit-in', id] as const,
};

const P = '/crossover/programmes';
const e = encodeURIComponent;

export const useCrossoverMe = () => useQuery({ queryKey: crossoverKeys.me, queryFn: () => api('/crossover/me', { schema: ZCrossoverMe }) });
export const useProgrammes = () => useQuery({ queryKey: crossoverKeys.programmes, queryFn: () => api(`${P}?limit=100`, { schema: ZProgrammeList }) });
/** Every participant of a programme (all pages): the lists by side and the pause status. */
export const useParticipants = (id: string) =>
  useQuery({ queryKey: crossoverKeys.participants(id), queryFn: async ({ signal }) => ({ items: await apiAllPages(`${P}/${e(id)}/participants`, ZParticipant, signal) }) });
export const useRounds = (id: string) => useQuery({ queryKey: crossoverKeys.rounds(id), queryFn: () => api(`${P}/${e(id)}/rounds?limit=20`, { schema: ZCoffeeRoundList }) });
export const useRound = (id: string, roundId: string | null) =>
  useQuery({ queryKey: crossoverKeys.round(id, roundId ?? ''), enabled: roundId !== null, queryFn: () => api(`${P}/${e(id)}/rounds/${e(roundId!)}`, { schema: ZCoffeeRound }) });
export const useProgrammeStats = (id: string) => useQuery({ queryKey: crossoverKeys.stats(id), queryFn: () => api(`${P}/${e(id)}/stats`, { schema: ZProgrammeStats }) });
export const useOpenHours = () => useQuery({ queryKey: crossoverKeys.openHours, queryFn: () => api('/crossover/open-hours?limit=100', { schema: ZOpenHourList }) });
export const useSlots = (id: string) => useQuery({ queryKey: crossoverKeys.slots(id), queryFn: () => api(`/crossover/open-hours/${e(id)}/slots`, { schema: ZSlotList }) });
/** Who came to an open hour, by side and department (does the business use it?). */
export const useOpenHourStats = (id: string) => useQuery({ queryKey: crossoverKeys.openHourStats(id), queryFn: () => api(`/crossover/open-hours/${e(id)}/stats`, { schema: ZOpenHourStats }) });
export const useAgenda = () => useQuery({ queryKey: crossoverKeys.agenda, queryFn: () => api('/crossover/open-mic/agenda?limit=50', { schema: ZTopicList }) });
export const useDiscussed = () => useQuery({ queryKey: crossoverKeys.discussed, queryFn: () => api('/crossover/open-mic/topics?status=discussed&limit=20', { schema: ZTopicList }) });
export const useSitIns = () => useQuery({ queryKey: crossoverKeys.sitIns, queryFn: () => api('/crossover/sit-ins?limit=50', { schema: ZSitInList }) });
export const useSitIn = (id: string | null) => useQuery({ queryKey: crossoverKeys.sitIn(id ?? ''), enabled: id !== null, queryFn: () => api(`/crossover/sit-ins/${e(id!)}`, { schema: ZSitIn }) });

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: crossoverKeys.all }) });
}

const ZRoundCreated = z.object({ id: z.string() });
export const useCreateProgramme = () => useWrite((body: TCreateProgrammeRequest) => api(P, { method: 'POST', body, schema: ZCreatedId }));
export const useOptIn = () =>
  useWrite(({ id, out, personId }: { id: string; out: boolean; personId?: string }) => api(`${P}/${e(id)}/${out ? 'opt-out' : 'opt-in'}`, { method: 'POST', body: personId ? { personId } : {}, schema: ZOk }));
/** Leaders add several people at once: one opt-in each (a pause others already have is kept). */
export const useAddParticipants = () =>
  useWrite(async ({ id, personIds }: { id: string; personIds: string[] }) => {
    for (const personId of personIds) await api(`${P}/${e(id)}/opt-in`, { method: 'POST', body: { personId }, schema: ZOk });
  });
/** A holiday pause (from null: at once) or, with both null, the end of a pause. */
export const usePause = () =>
  useWrite(({ id, personId, from, until }: { id: string; personId?: string | undefined; from: string | null; until: string | null }) =>
    api(`${P}/${e(id)}/opt-in`, { method: 'POST', body: { ...(personId ? { personId } : {}), ...(until ? { pausedUntil: until, ...(from ? { pausedFrom: from } : {}) } : {}) }, schema: ZOk }),
  );
export const useRunRound = () => useWrite((id: string) => api(`${P}/${e(id)}/rounds`, { method: 'POST', schema: ZRoundCreated }));
export const useRecordMet = () =>
  useWrite(({ id, roundId, index, personId, met }: { id: string; roundId: string; index: number; personId: string; met: boolean }) =>
    api(`${P}/${e(id)}/rounds/${e(roundId)}/groups/${index}/met`, { method: 'POST', body: { personId, met }, schema: ZOk }),
  );
export const useCreateOpenHour = () => useWrite((body: TCreateOpenHourRequest) => api('/crossover/open-hours', { method: 'POST', body, schema: ZCreatedId }));
export const useBook = () => useWrite(({ id, slotStart, topic }: { id: string; slotStart: string; topic: string }) => api(`/crossover/open-hours/${e(id)}/bookings`, { method: 'POST', body: { slotStart, topic }, schema: ZCreatedId }));
export const useCancelBooking = () => useWrite(({ id, bookingId }: { id: string; bookingId: string }) => api(`/crossover/open-hours/${e(id)}/bookings/${e(bookingId)}`, { method: 'DELETE', schema: ZOk }));
export const usePostTopic = () => useWrite((title: string) => api('/crossover/open-mic/topics', { method: 'POST', body: { title }, schema: ZCreatedId }));
export const useVote = () => useWrite((id: string) => api(`/crossover/open-mic/topics/${e(id)}/votes`, { method: 'POST', body: {}, schema: ZOk }));
export const useDiscussedMark = () => useWrite(({ id, outcome }: { id: string; outcome: string }) => api(`/crossover/open-mic/topics/${e(id)}/discussed`, { method: 'POST', body: { outcome }, schema: ZTopic }));
export const useCreateSitIn = () => useWrite((body: TCreateSitInRequest) => api('/crossover/sit-ins', { method: 'POST', body, schema: ZSitIn }));
export const useSitInNote = () => useWrite(({ id, date, note }: { id: string; date: string; note: string }) => api(`/crossover/sit-ins/${e(id)}/notes`, { method: 'POST', body: { date, note }, schema: ZOk }));
export const useDecline = () => useWrite(({ id, date }: { id: string; date: string }) => api(`/crossover/sit-ins/${e(id)}/declines`, { method: 'POST', body: { date }, schema: ZSitIn }));
export const useCalendarFeed = () => useWrite(() => api('/me/calendar-feed', { method: 'POST', schema: ZCalendarFeed }));
export const useRevokeCalendarFeed = () => useWrite(() => api('/me/calendar-feed', { method: 'DELETE', schema: ZOk }));
/** The mail's one-click answer: public, no session needed. */
export const answerMet = (token: string, met: boolean) => api(`/crossover/met/${e(token)}`, { method: 'POST', body: { met }, schema: ZMetAnswer });
/** The mail's opt-out link: public; without pausedUntil opts out, with it pauses. */
export const optOutByLink = (token: string, pausedUntil?: string) => api(`/crossover/opt-out/${e(token)}`, { method: 'POST', body: pausedUntil ? { pausedUntil } : {}, schema: ZOptOutAnswer });
