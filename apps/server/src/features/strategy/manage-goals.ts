import { deleteGoal, findGoal, initiativesOfGoal, insertGoals, updateGoal } from '@tandem/db';
import { ZCreateGoalRequest, ZUpdateGoalRequest, type TCreateGoalRequest, type TGoal, type TUpdateGoalRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { pageOfSorted, type PageQuery } from '../../lib/paging';
import { checkPeople } from './check-links';
import { viewGoal, viewRoadmap } from './load-view';
import { recordChanges, recordStrategyAudit } from './record-history';

/**
 * A page of goals by title (the paged-list contract). Their roll-ups need the whole roadmap, which
 * is read anyway, so the page is cut from the computed view (decision 114).
 */
export async function listGoals(ctx: AppContext, auth: OrgAuth, q: PageQuery) {
  return pageOfSorted((await viewRoadmap(ctx, ctx.db, auth.orgId)).goals, q, (x) => x.title);
}

export function getGoal(ctx: AppContext, auth: OrgAuth, id: string): Promise<TGoal> {
  return viewGoal(ctx, ctx.db, auth.orgId, id);
}

export async function createGoal(ctx: AppContext, auth: OrgAuth, input: TCreateGoalRequest): Promise<TGoal> {
  const v = ZCreateGoalRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    await checkPeople(tx, auth.orgId, { ownerId: v.ownerId });
    const now = ctx.now();
    const [row] = await insertGoals(tx, auth.orgId, [
      { title: v.title, metric: v.metric ?? null, baseline: v.baseline ?? null, target: v.target ?? null, unit: v.unit ?? null, dueDate: v.dueDate ?? null, ownerId: v.ownerId ?? null, createdAt: now, updatedAt: now },
    ]);
    await recordChanges(ctx, tx, auth, 'goal', row!.id, null, row!);
    await recordStrategyAudit(ctx, tx, auth, 'goal.created', row!.id);
    return viewGoal(ctx, tx, auth.orgId, row!.id);
  });
}

export async function updateOrgGoal(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateGoalRequest): Promise<TGoal> {
  const patch = ZUpdateGoalRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await findGoal(tx, auth.orgId, id);
    if (!before) throw notFound('Goal');
    await checkPeople(tx, auth.orgId, { ownerId: patch.ownerId });
    const after = await updateGoal(tx, auth.orgId, id, { ...patch, updatedAt: ctx.now() });
    await recordChanges(ctx, tx, auth, 'goal', id, before, after!);
    await recordStrategyAudit(ctx, tx, auth, 'goal.updated', id, { fields: Object.keys(patch) });
    return viewGoal(ctx, tx, auth.orgId, id);
  });
}

/** A goal that initiatives serve cannot be deleted: the answer lists them so they can be re-linked first. */
export async function deleteOrgGoal(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const goal = await findGoal(tx, auth.orgId, id);
    if (!goal) throw notFound('Goal');
    const linked = await initiativesOfGoal(tx, auth.orgId, id);
    if (linked.length) {
      const names = linked.slice(0, 5).map((i) => `"${i.title}"`).join(', ') + (linked.length > 5 ? ` and ${linked.length - 5} more` : '');
      throw new AppError('conflict', `Goal "${goal.title}" is served by ${linked.length} initiative${linked.length === 1 ? '' : 's'} (${names}): link them to another goal or unlink them first`, {
        initiatives: linked,
      });
    }
    await deleteGoal(tx, auth.orgId, id);
    await recordStrategyAudit(ctx, tx, auth, 'goal.deleted', id, { title: goal.title });
  });
}
