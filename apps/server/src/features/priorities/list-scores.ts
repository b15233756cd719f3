import { findPersonOfUser, findRound, listScores } from '@tandem/db';
import type { TScoreList, TScoresQuery } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { pageOf } from '../../lib/paging';
import { hasRole } from '../../plugins/auth';
import { decodeScoreCursor } from './cursors';

/**
 * Scores, one page at a time by (person, item, criterion). Blind rating: while a round is not
 * closed, a scorer reads only their own scores (an admin those of the person they enter for);
 * anything else is a 403. After closing, every member sees everything.
 */
export async function listRoundScores(ctx: AppContext, auth: OrgAuth, roundId: string, q: TScoresQuery): Promise<TScoreList> {
  const after = decodeScoreCursor(q.cursor);
  const round = await findRound(ctx.db, auth.orgId, roundId);
  if (!round) throw notFound('Round');
  if (round.status !== 'closed') {
    const blind = 'Scores stay blind while the round is open: you can read only your own';
    if (!q.personId || q.side) throw new AppError('forbidden', blind);
    if (!hasRole(auth.role, 'admin')) {
      const me = await findPersonOfUser(ctx.db, auth.orgId, auth.userId);
      if (!me || me.id !== q.personId) throw new AppError('forbidden', blind);
    }
  }
  const rows = await listScores(ctx.db, auth.orgId, roundId, { personId: q.personId, side: q.side, limit: q.limit, after });
  return pageOf(rows, q.limit, (r) => [r.personId, r.itemId, r.criterion]);
}
