import { deletePulseAction, findPulseAction, updatePulseAction } from '@tandem/db';
import type { TPulseAction, TUpdatePulseActionRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { recordPulseAudit } from './audit';
import { checkActionLinks, findActionView } from './create-pulse-action';
import { toPulseAction } from './pulse-action.mapper';

/** Edits an action or tracks it to done (done stamps the day; reopening clears it). */
export async function updateOrgPulseAction(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdatePulseActionRequest): Promise<TPulseAction> {
  return ctx.db.transaction(async (tx) => {
    const a = await findPulseAction(tx, auth.orgId, id);
    if (!a) throw notFound('Action');
    await checkActionLinks(tx, auth.orgId, input);
    const status = input.status ?? a.status;
    await updatePulseAction(tx, auth.orgId, id, {
      title: input.title ?? a.title,
      ownerId: input.ownerId ?? a.ownerId,
      dueDate: input.dueDate ?? a.dueDate,
      goalId: input.goalId === undefined ? a.goalId : input.goalId,
      initiativeId: input.initiativeId === undefined ? a.initiativeId : input.initiativeId,
      status,
      doneAt: status === 'done' ? (a.doneAt ?? ctx.now()) : null,
    });
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.action_updated', target: a.pulseId, details: { actionId: id, fields: Object.keys(input) } });
    return toPulseAction((await findActionView(tx, auth.orgId, id))!);
  });
}

export async function deleteOrgPulseAction(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const a = await findPulseAction(tx, auth.orgId, id);
    if (!a || !(await deletePulseAction(tx, auth.orgId, id))) throw notFound('Action');
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.action_deleted', target: a.pulseId, details: { actionId: id, title: a.title } });
  });
}
