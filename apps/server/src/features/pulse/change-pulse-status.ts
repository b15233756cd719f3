import { countAudience, lockPulse, updatePulse, type Executor, type PulseRow } from '@tandem/db';
import type { TPulse } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { appLink, emitEvent, utcText, type EventFields } from '../integrations';
import { recordPulseAudit } from './audit';
import { effectiveStatus, toPulses } from './pulse.mapper';

/**
 * What `pulse.opened` tells a chat channel (decision 150): when answers open (now, or the pulse's
 * later `opensAt`) and close, and a link to "My pulses", where members answer.
 */
function openedFields(ctx: AppContext, p: PulseRow): EventFields {
  const now = ctx.now();
  const opensAt = p.opensAt && p.opensAt > now ? p.opensAt : now;
  const until = p.closesAt ? `until ${utcText(p.closesAt)}` : 'with no closing date yet';
  const summary =
    opensAt > now ? `Pulse “${p.title}” takes answers from ${utcText(opensAt)} ${until}` : `Pulse “${p.title}” is open: answer it ${until}`;
  return { summary, pulseId: p.id, title: p.title, opensAt: opensAt.toISOString(), closesAt: p.closesAt?.toISOString() ?? null, url: appLink(ctx, '/my-pulses') };
}

/** Opens a draft pulse (inside the caller's transaction); an open pulse stays as it is. */
export async function openLockedPulse(ctx: AppContext, tx: Executor, auth: { orgId: string; userId: string | null }, p: PulseRow): Promise<PulseRow> {
  const status = effectiveStatus(p, ctx.now());
  if (status === 'closed') throw new AppError('conflict', 'This pulse is closed; create a new one');
  if (status === 'open') return p;
  // An audience of nobody cannot be opened (decision 132): the count is of people, not respondents.
  if ((await countAudience(tx, auth.orgId, p.audience)) === 0) {
    throw new AppError('conflict', `The audience of "${p.title}" matches no active people; change the audience before opening.`);
  }
  const row = await updatePulse(tx, auth.orgId, p.id, { status: 'open', openedAt: ctx.now() });
  await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.opened', target: p.id });
  await emitEvent(ctx, tx, auth.orgId, 'pulse.opened', openedFields(ctx, p));
  return row!;
}

export async function openPulse(ctx: AppContext, auth: OrgAuth, id: string): Promise<TPulse> {
  return ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    const row = await openLockedPulse(ctx, tx, auth, p);
    return (await toPulses(tx, auth.orgId, [row], ctx.now()))[0]!;
  });
}

/**
 * Closes a pulse: no more responses (410), and results become available. Taking the row lock
 * waits for submissions in flight, which hold a share lock on the pulse, so none lands after close.
 */
export async function closePulse(ctx: AppContext, auth: OrgAuth, id: string): Promise<TPulse> {
  return ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    let row = p;
    if (p.status !== 'closed') {
      row = (await updatePulse(tx, auth.orgId, id, { status: 'closed', closedAt: ctx.now() }))!;
      await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.closed', target: id });
    }
    return (await toPulses(tx, auth.orgId, [row], ctx.now()))[0]!;
  });
}

/** Publishing shows the organisation-wide view of a closed pulse to every member. */
export async function publishPulse(ctx: AppContext, auth: OrgAuth, id: string): Promise<TPulse> {
  return ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    if (effectiveStatus(p, ctx.now()) !== 'closed') throw new AppError('conflict', 'Close the pulse before publishing its results');
    let row = p;
    if (!p.publishedAt) {
      row = (await updatePulse(tx, auth.orgId, id, { publishedAt: ctx.now(), ...(p.status === 'closed' ? {} : { status: 'closed' as const, closedAt: p.closesAt }) }))!;
      await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.published', target: id });
      await emitEvent(ctx, tx, auth.orgId, 'pulse.results_ready', {
        summary: `Results of pulse “${p.title}” are published: every member can read them now`,
        pulseId: id,
        title: p.title,
        closedAt: (row.closedAt ?? ctx.now()).toISOString(),
        publishedAt: ctx.now().toISOString(),
        url: appLink(ctx, `/pulses/${id}`),
      });
    }
    return (await toPulses(tx, auth.orgId, [row], ctx.now()))[0]!;
  });
}
