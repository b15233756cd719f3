import { deleteOpportunity, findOpportunity, insertOpportunity, listOpportunities, updateOpportunity } from '@tandem/db';
import type { TCreateOpportunityRequest, TOpportunitiesQuery, TOpportunity, TOpportunityList, TUpdateOpportunityRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { recordValueAudit } from './audit';
import { afterOf, toOpportunity } from './value.mapper';

/** The opportunity log: ideas where technology could make money, with an estimated value and a status. */
export async function createOpportunity(ctx: AppContext, auth: OrgAuth, input: TCreateOpportunityRequest): Promise<TOpportunity> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const row = await insertOpportunity(tx, auth.orgId, {
      title: input.title,
      description: input.description ?? '',
      source: input.source ?? 'idea',
      proposedBy: input.proposedBy ?? '',
      estimatedValue: input.estimatedValue,
      status: input.status ?? 'idea',
      createdAt: now,
      updatedAt: now,
    });
    await recordValueAudit(ctx, tx, auth, 'opportunity.created', row.id, { title: row.title });
    return toOpportunity(row);
  });
}

export async function listOrgOpportunities(ctx: AppContext, auth: OrgAuth, q: TOpportunitiesQuery): Promise<TOpportunityList> {
  const after = afterOf(q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null);
  const rows = await listOpportunities(ctx.db, auth.orgId, { status: q.status, after, limit: q.limit });
  return pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], toOpportunity);
}

export async function updateOrgOpportunity(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateOpportunityRequest): Promise<TOpportunity> {
  return ctx.db.transaction(async (tx) => {
    if (!(await findOpportunity(tx, auth.orgId, id))) throw notFound('Opportunity');
    const row = await updateOpportunity(tx, auth.orgId, id, { ...input, updatedAt: ctx.now() });
    await recordValueAudit(ctx, tx, auth, 'opportunity.updated', id, { fields: Object.keys(input) });
    return toOpportunity(row!);
  });
}

export async function deleteOrgOpportunity(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteOpportunity(tx, auth.orgId, id))) throw notFound('Opportunity');
    await recordValueAudit(ctx, tx, auth, 'opportunity.deleted', id);
  });
}
