import { deleteReferenceProject, insertReferenceProjects, listReferenceProjects } from '@tandem/db';
import { ZCreateReferenceProjectRequest, type TCreateReferenceProjectRequest, type TReferenceClass, type TReferenceProject } from '@tandem/contracts';
import { referenceClassForecast } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordRequestsAudit } from './audit';

export const MAX_REFERENCE_PROJECTS = 1000;

const toProject = (r: { id: string; title: string; estimateDays: number; actualDays: number }): TReferenceProject => ({
  id: r.id,
  title: r.title,
  estimateDays: r.estimateDays,
  actualDays: r.actualDays,
  ratio: r.actualDays / r.estimateDays,
});

export async function createReferenceProject(ctx: AppContext, auth: OrgAuth, input: TCreateReferenceProjectRequest): Promise<TReferenceProject> {
  const v = ZCreateReferenceProjectRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await insertReferenceProjects(tx, auth.orgId, [{ ...v, createdAt: ctx.now() }]);
    await recordRequestsAudit(ctx, tx, auth, 'reference_project.created', row!.id, { title: v.title });
    return toProject(row!);
  });
}

export async function removeReferenceProject(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteReferenceProject(tx, auth.orgId, id))) throw notFound('Reference project');
    await recordRequestsAudit(ctx, tx, auth, 'reference_project.deleted', id);
  });
}

/**
 * Flyvbjerg's reference-class forecast for an estimate: P50 and P80 of actual/estimate over the
 * past projects (linear interpolation, numpy's default) as uplifts and as forecast days.
 */
export async function referenceClass(ctx: AppContext, auth: OrgAuth, estimateDays: number): Promise<TReferenceClass> {
  const rows = await listReferenceProjects(ctx.db, auth.orgId, MAX_REFERENCE_PROJECTS);
  if (rows.length === 0) throw new AppError('unprocessable', 'the reference class is empty: add past projects with their estimated and actual days first');
  const f = referenceClassForecast(rows, estimateDays);
  return { estimateDays, ...f, projects: rows.map(toProject) };
}
