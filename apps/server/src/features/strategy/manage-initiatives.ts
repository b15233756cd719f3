import { deleteInitiative, findInitiative, insertInitiatives, setInitiativeGoals, updateInitiative } from '@tandem/db';
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
import { viewInitiative, viewRoadmap } from './load-view';
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

export async function updateOrgInitiative(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateInitiativeRequest): Promise<TInitiative> {
  const { goalIds, ...patch } = ZUpdateInitiativeRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await findInitiative(tx, auth.orgId, id);
    if (!before) throw notFound('Initiative');
    checkDateOrder(patch.startDate === undefined ? before.startDate : patch.startDate, patch.endDate === undefined ? before.endDate : patch.endDate);
    await checkPeople(tx, auth.orgId, { ownerId: patch.ownerId, businessChampionId: patch.businessChampionId, itChampionId: patch.itChampionId });
    if (goalIds) await checkIds(tx, auth.orgId, 'goal', 'goalIds', goalIds);
    const after = await updateInitiative(tx, auth.orgId, id, { ...patch, updatedAt: ctx.now() });
    if (goalIds) await setInitiativeGoals(tx, auth.orgId, id, [...new Set(goalIds)]);
    await recordChanges(ctx, tx, auth, 'initiative', id, before, after!);
    await recordStrategyAudit(ctx, tx, auth, 'initiative.updated', id, { fields: Object.keys(input ?? {}) });
    return viewInitiative(ctx, tx, auth.orgId, id);
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
