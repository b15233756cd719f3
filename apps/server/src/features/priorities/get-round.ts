import { findRound, listRounds } from '@tandem/db';
import type { TRound, TRoundSummary } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { toRound } from './round.mapper';

export async function getRound(ctx: AppContext, auth: OrgAuth, id: string): Promise<TRound> {
  const round = await findRound(ctx.db, auth.orgId, id);
  if (!round) throw notFound('Round');
  return toRound(ctx.db, auth, round);
}

/**
 * The 200 newest rounds, for other features in the same process (the insights tile); the HTTP list
 * is paged (list-rounds.ts). Kept with its `{ rounds }` shape so its callers need no change.
 */
export async function listOrgRounds(ctx: AppContext, auth: OrgAuth): Promise<{ rounds: TRoundSummary[] }> {
  const rows = await listRounds(ctx.db, auth.orgId, 200);
  return { rounds: rows.map((r) => ({ ...r, itemCount: Number(r.itemCount), createdAt: r.createdAt.toISOString() })) };
}
