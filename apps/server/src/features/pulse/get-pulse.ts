import { findPulse, listPulses } from '@tandem/db';
import type { TPulse } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';
import { toPulses } from './pulse.mapper';

/** Leaders and admins see every pulse; members see only published ones. */
export async function listOrgPulses(ctx: AppContext, auth: OrgAuth): Promise<TPulse[]> {
  const rows = await listPulses(ctx.db, auth.orgId);
  const visible = hasRole(auth.role, 'leader') ? rows : rows.filter((r) => r.publishedAt !== null);
  return toPulses(ctx.db, auth.orgId, visible, ctx.now());
}

export async function getOrgPulse(ctx: AppContext, auth: OrgAuth, id: string): Promise<TPulse> {
  const row = await findPulse(ctx.db, auth.orgId, id);
  if (!row || (!hasRole(auth.role, 'leader') && row.publishedAt === null)) throw notFound('Pulse');
  return (await toPulses(ctx.db, auth.orgId, [row], ctx.now()))[0]!;
}
