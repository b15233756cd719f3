import { findRound, listScenarios } from '@tandem/db';
import type { TScenario } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';

/** The 100 newest scenarios of a round. */
export async function listRoundScenarios(ctx: AppContext, auth: OrgAuth, roundId: string): Promise<{ scenarios: TScenario[] }> {
  if (!(await findRound(ctx.db, auth.orgId, roundId))) throw notFound('Round');
  const rows = await listScenarios(ctx.db, auth.orgId, roundId);
  return { scenarios: rows.map((s) => ({ id: s.id, roundId: s.roundId, name: s.name, order: s.itemOrder, createdAt: s.createdAt.toISOString() })) };
}
