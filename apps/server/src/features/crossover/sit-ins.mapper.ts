import type { TSitIn } from '@tandem/contracts';
import type { SitInRotaRow, SitInTurnRow } from '@tandem/db';

export const toSitIn = (r: SitInRotaRow, turns: SitInTurnRow[], names: Map<string, string>): TSitIn => ({
  id: r.id,
  meetingTitle: r.meetingTitle,
  time: r.startTime,
  durationMinutes: r.durationMinutes,
  timeZone: r.timeZone,
  location: r.location,
  poolPersonIds: r.poolPersonIds,
  rota: turns.map((t) => ({ date: t.date, personId: t.personId, name: t.personId ? (names.get(t.personId) ?? null) : null, declinedBy: t.declinedBy, note: t.note })),
});
