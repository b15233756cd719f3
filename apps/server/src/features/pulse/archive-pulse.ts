import { deletePulse, lockPulse, updatePulse } from '@tandem/db';
import type { TPulse } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordPulseAudit } from './audit';
import { effectiveStatus, toPulses } from './pulse.mapper';

/**
 * Deletes a draft (decision 130). An open or closed pulse has issued links and maybe responses: it
 * is never deleted (409), only archived once closed, so no answer given in trust disappears.
 */
export async function deleteDraftPulse(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    const status = effectiveStatus(p, ctx.now());
    if (status !== 'draft') {
      throw new AppError('conflict', `Only a draft pulse can be deleted; "${p.title}" is ${status}. ${status === 'closed' ? 'Archive it instead.' : 'Close it, then archive it.'}`);
    }
    await deletePulse(tx, auth.orgId, id);
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.deleted', target: id, details: { title: p.title } });
  });
}

/** Archives (or with `archived = false` restores) a closed pulse: an archived pulse is listed apart and left out of the trend. */
export async function setPulseArchived(ctx: AppContext, auth: OrgAuth, id: string, archived: boolean): Promise<TPulse> {
  return ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    const status = effectiveStatus(p, ctx.now());
    if (status !== 'closed') throw new AppError('conflict', `Only a closed pulse can be archived; "${p.title}" is ${status}.`);
    let row = p;
    if ((p.archivedAt !== null) !== archived) {
      row = (await updatePulse(tx, auth.orgId, id, { archivedAt: archived ? ctx.now() : null }))!;
      await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: archived ? 'pulse.archived' : 'pulse.restored', target: id });
    }
    return (await toPulses(tx, auth.orgId, [row], ctx.now()))[0]!;
  });
}
