import { findPulse, insertPulseAction, listPulseActionsPage, pulseHasQuestion, type Executor } from '@tandem/db';
import type { TCreatePulseActionRequest, TPulseAction } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { checkIds, checkPeople } from '../strategy';
import { recordPulseAudit } from './audit';
import { toPulseAction } from './pulse-action.mapper';
import { effectiveStatus } from './pulse.mapper';

/** The owner, goal and initiative must be the organisation's own: a foreign or unknown id is the same 400. */
export async function checkActionLinks(x: Executor, orgId: string, v: { ownerId?: string | undefined; goalId?: string | null | undefined; initiativeId?: string | null | undefined }) {
  await checkPeople(x, orgId, { ownerId: v.ownerId });
  await checkIds(x, orgId, 'goal', 'goalId', [v.goalId]);
  await checkIds(x, orgId, 'initiative', 'initiativeId', [v.initiativeId]);
}

/**
 * Creates an action from a closed pulse's result (decision 134): a statement (and optionally one of
 * its segments), an owner, a due date, and an optional goal or initiative it serves. It stores words
 * and links, never a number, so it publishes nothing the results did not.
 */
export async function createPulseAction(ctx: AppContext, auth: OrgAuth, pulseId: string, input: TCreatePulseActionRequest): Promise<TPulseAction> {
  return ctx.db.transaction(async (tx) => {
    const p = await findPulse(tx, auth.orgId, pulseId);
    if (!p) throw notFound('Pulse');
    if (effectiveStatus(p, ctx.now()) !== 'closed') throw new AppError('conflict', 'Actions are taken from results, which appear when the pulse closes');
    if (input.questionId && !(await pulseHasQuestion(tx, auth.orgId, pulseId, input.questionId))) {
      throw new AppError('validation', 'questionId: not a statement of this pulse', [{ path: 'body.questionId', message: 'not a statement of this pulse' }]);
    }
    await checkActionLinks(tx, auth.orgId, input);
    const row = await insertPulseAction(tx, {
      orgId: auth.orgId,
      pulseId,
      questionId: input.questionId ?? null,
      segment: input.segment ?? {},
      title: input.title,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      goalId: input.goalId ?? null,
      initiativeId: input.initiativeId ?? null,
      createdBy: auth.userId,
      createdAt: ctx.now(),
    });
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.action_created', target: pulseId, details: { actionId: row.id, title: row.title } });
    return toPulseAction((await findActionView(tx, auth.orgId, row.id))!);
  });
}

/** One action with its names, through the list query (the one place that joins them). */
export async function findActionView(x: Executor, orgId: string, id: string) {
  const [row] = await listPulseActionsPage(x, orgId, { id, limit: 1, after: null });
  return row ?? null;
}
