import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZDemo,
  ZDemoCreated,
  ZDemoList,
  ZDemoStats,
  ZEventsMe,
  ZHackweek,
  ZHackweekDetail,
  ZHackweekList,
  ZHackweekResults,
  ZOk,
  ZParticipation,
  ZRoundtable,
  ZRoundtableList,
  type TActionRequest,
  type TCreateDemoRequest,
  type TCreateHackweekRequest,
  type TCreateIdeaRequest,
  type TCreateRoundtableRequest,
  type TUpdateRoundtableRequest,
  type THackweekPhase,
  type TUpdateIdeaRequest,
  type TVoteRequest,
} from '@tandem/contracts';
import { api } from '../../../lib/api';

/** Query keys of the events feature; every write invalidates `all` (reports and stats follow every change). */
export const eventsKeys = {
  all: ['events'] as const,
  me: ['events', 'me'] as const,
  hackweeks: ['events', 'hackweeks'] as const,
  hackweek: (id: string) => ['events', 'hackweek', id] as const,
  results: (id: string) => ['events', 'results', id] as const,
  demos: ['events', 'demos'] as const,
  demo: (id: string) => ['events', 'demo', id] as const,
  demoStats: ['events', 'demo-stats'] as const,
  roundtables: ['events', 'roundtables'] as const,
  roundtable: (id: string) => ['events', 'roundtable', id] as const,
  participation: (from: string, to: string) => ['events', 'participation', from, to] as const,
};

const e = encodeURIComponent;
const ZCreated = z.object({ id: z.string() });
const ZCheckedIn = z.object({ ok: z.literal(true), alreadyIn: z.boolean() });

export const useEventsMe = () => useQuery({ queryKey: eventsKeys.me, queryFn: () => api('/events/me', { schema: ZEventsMe }) });

/* The lists show the newest 100; older events are reached by their links (a hackweek a year is the usual pace). */
export const useHackweeks = () => useQuery({ queryKey: eventsKeys.hackweeks, queryFn: () => api('/hackweeks?limit=100', { schema: ZHackweekList }) });
export const useHackweek = (id: string) => useQuery({ queryKey: eventsKeys.hackweek(id), queryFn: () => api(`/hackweeks/${e(id)}`, { schema: ZHackweekDetail }) });
export const useResults = (id: string) => useQuery({ queryKey: eventsKeys.results(id), queryFn: () => api(`/hackweeks/${e(id)}/results`, { schema: ZHackweekResults }) });
export const useDemos = () => useQuery({ queryKey: eventsKeys.demos, queryFn: () => api('/demos?limit=100', { schema: ZDemoList }) });
export const useDemo = (id: string) => useQuery({ queryKey: eventsKeys.demo(id), queryFn: () => api(`/demos/${e(id)}`, { schema: ZDemo }) });
export const useDemoStats = () => useQuery({ queryKey: eventsKeys.demoStats, queryFn: () => api('/demos/stats', { schema: ZDemoStats }) });
export const useRoundtables = () => useQuery({ queryKey: eventsKeys.roundtables, queryFn: () => api('/roundtables?limit=100', { schema: ZRoundtableList }) });
export const useRoundtable = (id: string) => useQuery({ queryKey: eventsKeys.roundtable(id), queryFn: () => api(`/roundtables/${e(id)}`, { schema: ZRoundtable }) });
export const useParticipation = (from: string, to: string, enabled: boolean) =>
  useQuery({ queryKey: eventsKeys.participation(from, to), enabled, queryFn: () => api(`/participation?from=${e(from)}&to=${e(to)}`, { schema: ZParticipation }) });

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: eventsKeys.all }) });
}

export const useCreateHackweek = () => useWrite((body: TCreateHackweekRequest) => api('/hackweeks', { method: 'POST', body, schema: ZCreated }));
export const usePitchIdea = () => useWrite(({ id, ...body }: TCreateIdeaRequest & { id: string }) => api(`/hackweeks/${e(id)}/ideas`, { method: 'POST', body, schema: ZCreated }));
export const useJoinTeam = () =>
  useWrite(({ id, ideaId, personId }: { id: string; ideaId: string; personId: string }) => api(`/hackweeks/${e(id)}/ideas/${e(ideaId)}/members`, { method: 'POST', body: { personId }, schema: ZOk }));
export const useSetDemoSlot = () =>
  useWrite(({ id, ideaId, startsAt }: { id: string; ideaId: string; startsAt: string | null }) => api(`/hackweeks/${e(id)}/ideas/${e(ideaId)}/demo-slot`, { method: 'PUT', body: { startsAt }, schema: ZOk }));
export const useSetPhase = () => useWrite(({ id, phase }: { id: string; phase: THackweekPhase }) => api(`/hackweeks/${e(id)}/phase`, { method: 'POST', body: { phase }, schema: ZHackweek }));
export const useVote = () => useWrite(({ id, ...body }: TVoteRequest & { id: string }) => api(`/hackweeks/${e(id)}/votes`, { method: 'POST', body, schema: ZOk }));
export const useSetOutcome = () =>
  useWrite(({ id, ideaId, ...body }: TUpdateIdeaRequest & { id: string; ideaId: string }) => api(`/hackweeks/${e(id)}/ideas/${e(ideaId)}`, { method: 'PATCH', body, schema: ZOk }));

export const useCreateDemo = () => useWrite((body: TCreateDemoRequest) => api('/demos', { method: 'POST', body, schema: ZDemoCreated }));
export const useCheckIn = () =>
  useWrite(({ id, personId, token }: { id: string; personId: string; token?: string }) => api(`/demos/${e(id)}/attendance`, { method: 'POST', body: token ? { personId, token } : { personId }, schema: ZCheckedIn }));
export const useDemoFeedback = () =>
  useWrite(({ id, personId, sawValue }: { id: string; personId: string; sawValue: boolean }) => api(`/demos/${e(id)}/feedback`, { method: 'POST', body: { personId, sawValue }, schema: ZOk }));

export const useCreateRoundtable = () => useWrite((body: TCreateRoundtableRequest) => api('/roundtables', { method: 'POST', body, schema: ZCreated }));
export const useEditRoundtable = () =>
  useWrite(({ id, ...body }: TUpdateRoundtableRequest & { id: string }) => api(`/roundtables/${e(id)}`, { method: 'PATCH', body, schema: ZRoundtable }));
export const useRoundtableAttendance = () =>
  useWrite(({ id, personId, attended }: { id: string; personId: string; attended: boolean }) => api(`/roundtables/${e(id)}/attendance`, { method: 'POST', body: { personId, attended }, schema: ZOk }));
export const useAddInsight = () => useWrite(({ id, text }: { id: string; text: string }) => api(`/roundtables/${e(id)}/insights`, { method: 'POST', body: { text }, schema: ZCreated }));
export const useCreateAction = () =>
  useWrite(({ id, insightId, ...body }: TActionRequest & { id: string; insightId: string }) => api(`/roundtables/${e(id)}/insights/${e(insightId)}/action`, { method: 'POST', body, schema: ZOk }));
export const useActionDone = () =>
  useWrite(({ id, insightId, done }: { id: string; insightId: string; done: boolean }) => api(`/roundtables/${e(id)}/insights/${e(insightId)}/action/done`, { method: 'POST', body: { done }, schema: ZOk }));
