import { deleteInitiative, findInitiative, insertInitiatives, loadInitiativeScope, setInitiativeGoals, updateInitiative } from '@tandem/db';
import {
  ZCreateInitiativeRequest,
  ZUpdateInitiativeRequest,
  type TCreateInitiativeRequest,
  type TInitiative,
  type TUpdateInitiativeRequest,
} from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { pageOfSorted, type PageQuery } from '../../lib/paging';
import { notFound } from '../../lib/errors';
import { checkDateOrder, checkIds, checkPeople } from './check-links';
import { initiativeView, viewInitiative, viewRoadmap } from './load-view';
import { recordChanges, recordStrategyAudit } from './record-history';

/**
 * A page of initiatives by title (the paged-list contract). Their roll-ups need the whole roadmap, which
 * is read anyway, so the page is cut from the computed view (decision 114).
 */
export async function listInitiatives(ctx: AppContext, auth: OrgAuth, q: PageQuery) {
  return pageOfSorted((await viewRoadmap(ctx, ctx.db, auth.orgId)).initiatives, q, (x) => x.title);
}

export function getInitiative(ctx: AppContext, auth: OrgAuth, id: string): Promise<TInitiative> {
  return viewInitiative(ctx, ctx.db, auth.orgId, id);
}

export async function createInitiative(ctx: AppContext, auth: OrgAuth, input: TCreateInitiativeRequest): Promise<TInitiative> {
  const v = ZCreateInitiativeRequest.parse(input);
  checkDateOrder(v.startDate, v.endDate);
  return ctx.db.transaction(async (tx) => {
    await checkPeople(tx, auth.orgId, { ownerId: v.ownerId, businessChampionId: v.businessChampionId, itChampionId: v.itChampionId });
    await checkIds(tx, auth.orgId, 'goal', 'goalIds', v.goalIds);
    const now = ctx.now();
    const [row] = await insertInitiatives(tx, auth.orgId, [
      {
        title: v.title,
        description: v.description,
        ownerId: v.ownerId ?? null,
        businessChampionId: v.businessChampionId ?? null,
        itChampionId: v.itChampionId ?? null,
        startDate: v.startDate ?? null,
        endDate: v.endDate ?? null,
        status: v.status,
        effort: v.effort ?? null,
        ansoff: v.ansoff ?? null,
        itInvolvedAt: v.itInvolvedAt ?? null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await setInitiativeGoals(tx, auth.orgId, row!.id, [...new Set(v.goalIds)]);
    await recordChanges(ctx, tx, auth, 'initiative', row!.id, null, row!);
    await recordStrategyAudit(ctx, tx, auth, 'initiative.created', row!.id);
    return viewInitiative(ctx, tx, auth.orgId, row!.id);
  });
}

/**
 * One edit in five round trips (issue #15): BEGIN; the initiative with everything its answer needs,
 * locked (the "before" of its history is the row it changes); the UPDATE; the audit entry (plus
 * history and goal links when those change); COMMIT. The answer is computed from what was read and
 * the UPDATE's returned row, not read again (decision 165).
 */
export async function updateOrgInitiative(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateInitiativeRequest): Promise<TInitiative> {
  const { goalIds, ...patch } = ZUpdateInitiativeRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const scope = await loadInitiativeScope(tx, auth.orgId, id, { lock: true });
    const before = scope.initiatives[0];
    if (!before) throw notFound('Initiative');
    checkDateOrder(patch.startDate === undefined ? before.startDate : patch.startDate, patch.endDate === undefined ? before.endDate : patch.endDate);
    await checkPeople(tx, auth.orgId, { ownerId: patch.ownerId, businessChampionId: patch.businessChampionId, itChampionId: patch.itChampionId });
    const goals = goalIds ? [...new Set(goalIds)] : null;
    if (goals) await checkIds(tx, auth.orgId, 'goal', 'goalIds', goals);
    const after = (await updateInitiative(tx, auth.orgId, id, { ...patch, updatedAt: ctx.now() }))!;
    if (goals) await setInitiativeGoals(tx, auth.orgId, id, goals);
    await recordChanges(ctx, tx, auth, 'initiative', id, before, after);
    await recordStrategyAudit(ctx, tx, auth, 'initiative.updated', id, { fields: Object.keys(input ?? {}) });
    return initiativeView(ctx, { ...scope, initiatives: [after], initiativeGoals: goals ? goals.map((goalId) => ({ initiativeId: id, goalId })) : scope.initiativeGoals }, id);
  });
}

/** Deleting an initiative removes its goal and enabler links, ladder and SWOT items; its history stays. */
export async function deleteOrgInitiative(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findInitiative(tx, auth.orgId, id);
    if (!before) throw notFound('Initiative');
    await deleteInitiative(tx, auth.orgId, id);
    await recordStrategyAudit(ctx, tx, auth, 'initiative.deleted', id, { title: before.title });
  });
}
