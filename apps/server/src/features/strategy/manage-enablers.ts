import {
  deleteEnabler,
  findEnabler,
  insertEnablers,
  listEnablerDependencies,
  setEnablerDependencies,
  setEnablerInitiatives,
  updateEnabler,
  type Executor,
} from '@tandem/db';
import { findDependencyCycle } from '@tandem/core';
import { ZCreateEnablerRequest, ZUpdateEnablerRequest, type TCreateEnablerRequest, type TEnabler, type TUpdateEnablerRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { pageOfSorted, type PageQuery } from '../../lib/paging';
import { checkDateOrder, checkIds, checkPeople } from './check-links';
import { viewEnabler, viewRoadmap } from './load-view';
import { recordChanges, recordStrategyAudit } from './record-history';

/**
 * A page of enablers by title (the paged-list contract). Their roll-ups need the whole roadmap, which
 * is read anyway, so the page is cut from the computed view (decision 114).
 */
export async function listEnablers(ctx: AppContext, auth: OrgAuth, q: PageQuery) {
  return pageOfSorted((await viewRoadmap(ctx, ctx.db, auth.orgId)).enablers, q, (x) => x.title);
}

export function getEnabler(ctx: AppContext, auth: OrgAuth, id: string): Promise<TEnabler> {
  return viewEnabler(ctx, ctx.db, auth.orgId, id);
}

/** Refuses prerequisites that would make an enabler wait, through others, for itself (409). */
async function checkNoCycle(x: Executor, orgId: string, id: string, dependsOnIds: string[]) {
  const edges = new Map<string, string[]>();
  for (const d of await listEnablerDependencies(x, orgId)) {
    const list = edges.get(d.enablerId);
    if (list) list.push(d.dependsOnId);
    else edges.set(d.enablerId, [d.dependsOnId]);
  }
  const cycle = findDependencyCycle(edges, id, dependsOnIds);
  if (cycle) {
    const titles: string[] = [];
    for (const cid of cycle) titles.push((await findEnabler(x, orgId, cid))?.title ?? cid);
    throw new AppError('conflict', `This would make the enabler depend on itself: ${titles.map((t) => `"${t}"`).join(' → ')}`, { cycle });
  }
}

export async function createEnabler(ctx: AppContext, auth: OrgAuth, input: TCreateEnablerRequest): Promise<TEnabler> {
  const v = ZCreateEnablerRequest.parse(input);
  checkDateOrder(v.startDate, v.endDate);
  return ctx.db.transaction(async (tx) => {
    await checkPeople(tx, auth.orgId, { ownerId: v.ownerId });
    await checkIds(tx, auth.orgId, 'initiative', 'initiativeIds', v.initiativeIds);
    await checkIds(tx, auth.orgId, 'enabler', 'dependsOnIds', v.dependsOnIds);
    const now = ctx.now();
    const [row] = await insertEnablers(tx, auth.orgId, [
      { title: v.title, ownerId: v.ownerId ?? null, startDate: v.startDate ?? null, endDate: v.endDate ?? null, status: v.status, effort: v.effort ?? null, createdAt: now, updatedAt: now },
    ]);
    // A new enabler has no dependants yet, so its prerequisites cannot close a cycle.
    await setEnablerInitiatives(tx, auth.orgId, row!.id, [...new Set(v.initiativeIds)]);
    await setEnablerDependencies(tx, auth.orgId, row!.id, [...new Set(v.dependsOnIds)]);
    await recordChanges(ctx, tx, auth, 'enabler', row!.id, null, row!);
    await recordStrategyAudit(ctx, tx, auth, 'enabler.created', row!.id);
    return viewEnabler(ctx, tx, auth.orgId, row!.id);
  });
}

export async function updateOrgEnabler(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateEnablerRequest): Promise<TEnabler> {
  const { initiativeIds, dependsOnIds, ...patch } = ZUpdateEnablerRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await findEnabler(tx, auth.orgId, id);
    if (!before) throw notFound('Enabler');
    checkDateOrder(patch.startDate === undefined ? before.startDate : patch.startDate, patch.endDate === undefined ? before.endDate : patch.endDate);
    await checkPeople(tx, auth.orgId, { ownerId: patch.ownerId });
    if (initiativeIds) await checkIds(tx, auth.orgId, 'initiative', 'initiativeIds', initiativeIds);
    if (dependsOnIds) {
      await checkIds(tx, auth.orgId, 'enabler', 'dependsOnIds', dependsOnIds);
      await checkNoCycle(tx, auth.orgId, id, [...new Set(dependsOnIds)]);
    }
    const after = await updateEnabler(tx, auth.orgId, id, { ...patch, updatedAt: ctx.now() });
    if (initiativeIds) await setEnablerInitiatives(tx, auth.orgId, id, [...new Set(initiativeIds)]);
    if (dependsOnIds) await setEnablerDependencies(tx, auth.orgId, id, [...new Set(dependsOnIds)]);
    await recordChanges(ctx, tx, auth, 'enabler', id, before, after!);
    await recordStrategyAudit(ctx, tx, auth, 'enabler.updated', id, { fields: Object.keys(input ?? {}) });
    return viewEnabler(ctx, tx, auth.orgId, id);
  });
}

/** Deleting an enabler removes its links and prerequisites; SWOT items that cited it keep their text. */
export async function deleteOrgEnabler(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findEnabler(tx, auth.orgId, id);
    if (!before) throw notFound('Enabler');
    await deleteEnabler(tx, auth.orgId, id);
    await recordStrategyAudit(ctx, tx, auth, 'enabler.deleted', id, { title: before.title });
  });
}
