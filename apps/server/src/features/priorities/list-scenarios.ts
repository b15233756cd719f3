import { findRound, listScenarios } from '@tandem/db';
import type { TPageQuery, TScenarioList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { pageOf } from '../../lib/paging';
import { decodeAtIdCursor } from './cursors';

/** One page of a round's scenarios, newest first. */
export async function listRoundScenarios(ctx: AppContext, auth: OrgAuth, roundId: string, q: TPageQuery): Promise<TScenarioList> {
  const after = decodeAtIdCursor(q.cursor);
  if (!(await findRound(ctx.db, auth.orgId, roundId))) throw notFound('Round');
  const rows = await listScenarios(ctx.db, auth.orgId, roundId, q.limit, after);
  return pageOf(
    rows,
    q.limit,
    (s) => [s.cursorAt, s.id],
    (s) => ({ id: s.id, roundId: s.roundId, name: s.name, order: s.itemOrder, createdAt: s.createdAt.toISOString() }),
  );
}
