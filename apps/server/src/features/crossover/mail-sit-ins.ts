import type { SitInRotaRow } from '@tandem/db';
import type { AppContext } from '../../context';
import { calendarText } from '../../lib/ics';
import { sitInEvent } from './sit-in-event';

type Turn = { date: string; personId: string | null };
type Person = { id: string; name: string; email: string };

/**
 * The invitation changes between two versions of a rota, per person: the dates they gained
 * (METHOD:REQUEST) and the dates they lost (METHOD:CANCEL, same UID). `before` null: a new rota,
 * every turn is an invitation. Dates before `fromDay` are left alone (the past is not re-sent).
 */
export function sitInChanges(before: readonly Turn[] | null, after: readonly Turn[], fromDay: string) {
  const was = new Map((before ?? []).map((t) => [t.date, t.personId]));
  const invite = new Map<string, string[]>();
  const cancel = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, d: string) => m.set(k, [...(m.get(k) ?? []), d]);
  for (const t of after) {
    if (t.date < fromDay) continue;
    const old = was.get(t.date) ?? null;
    if (old === t.personId) continue;
    if (t.personId) add(invite, t.personId, t.date);
    if (old) add(cancel, old, t.date);
  }
  return { invite, cancel };
}

/**
 * Mails the sit-in invitations and cancellations after the commit; a failed mail never undoes the
 * rota (the entries stay in the person's calendar feed). Returns how many mails went out.
 */
export async function mailSitInChanges(ctx: AppContext, rota: SitInRotaRow, changes: ReturnType<typeof sitInChanges>, people: Map<string, Person>): Promise<number> {
  if (!ctx.mailer) return 0;
  const now = ctx.now();
  let sent = 0;
  const when = rota.startTime ? ` at ${rota.startTime} (${rota.timeZone})` : '';
  for (const [method, byPerson] of [['REQUEST', changes.invite], ['CANCEL', changes.cancel]] as const) {
    for (const [personId, dates] of byPerson) {
      const p = people.get(personId);
      if (!p) continue;
      const ics = calendarText(dates.map((d) => sitInEvent(rota, d, p)), method, now);
      const list = dates.join(', ');
      const text =
        method === 'REQUEST'
          ? [`Hello ${p.name},`, '', `You are invited to sit in on "${rota.meetingTitle}" on ${list}${when}.`, 'Cannot make it? Decline the date in Tandem (Cross-over, Sit-ins): the next free meeting is offered to you first.', 'Afterwards, write a short note there of what you learned.', '', 'The invitation is attached.'].join('\n')
          : [`Hello ${p.name},`, '', `Your sit-in on "${rota.meetingTitle}" on ${list} is cancelled (the rota changed after a decline).`, '', 'The cancellation is attached.'].join('\n');
      try {
        await ctx.mailer.send({
          to: p.email,
          subject: method === 'REQUEST' ? `Sit in: ${rota.meetingTitle}` : `Cancelled: sit in on ${rota.meetingTitle}`,
          text,
          attachments: [{ filename: method === 'REQUEST' ? 'sit-in.ics' : 'sit-in-cancelled.ics', content: ics, contentType: `text/calendar; charset=utf-8; method=${method}` }],
        });
        sent++;
      } catch {
        // The rota stands when a mail fails: the sit-ins are in the person's calendar feed.
      }
    }
  }
  return sent;
}
