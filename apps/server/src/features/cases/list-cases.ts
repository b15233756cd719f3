import { listCases } from '@tandem/db';
import type { TCaseList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { toSummary } from './cases.mapper';

export async function listOrgCases(
  ctx: AppContext,
  auth: OrgAuth,
  q: { kind?: 'business' | 'security'; sort: 'updated' | 'title' | 'ale' | 'npv'; limit: number; offset: number },
): Promise<TCaseList> {
  const { rows, total } = await listCases(ctx.db, auth.orgId, q);
  return { cases: rows.map(toSummary), total };
}
