import { sideScores } from '@tandem/core';
import { findPersonOfUser, findPersonSide, findRound, scoresOfPerson } from '@tandem/db';
import type { TScoringSheet } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';
import { invalid } from './errors';
import { toCriteria } from './round.mapper';

/**
 * One scorer's sheet in one answer, so the scoring page is ready after one request instead of
 * paging through scores (decision 036): the criteria the person's side owns and their own values.
 * Blind like the scores list: a member reads only their own sheet, an admin anyone's (a workshop).
 */
export async function getScoringSheet(ctx: AppContext, auth: OrgAuth, roundId: string, personId: string | undefined): Promise<TScoringSheet> {
  const round = await findRound(ctx.db, auth.orgId, roundId);
  if (!round) throw notFound('Round');
  const me = await findPersonOfUser(ctx.db, auth.orgId, auth.userId);
  if (!personId && !me) throw new AppError('forbidden', 'Your account is not linked to a person in the directory: ask an admin to add you with your e-mail address');
  const wanted = personId ?? me!.id;
  if (wanted !== me?.id && !hasRole(auth.role, 'admin')) throw new AppError('forbidden', 'Scores stay blind while the round is open: you can read only your own');
  const person = wanted === me?.id ? me : await findPersonSide(ctx.db, auth.orgId, wanted);
  if (!person) throw invalid('querystring.personId', 'no person with this id in this organisation');
  const rows = await scoresOfPerson(ctx.db, auth.orgId, roundId, person.id);
  const values: Record<string, Record<string, number>> = {};
  for (const r of rows) (values[r.itemId] ??= {})[r.criterion] = r.value;
  return {
    roundId,
    status: round.status,
    person: { personId: person.id, name: person.name, side: person.side },
    criteria: toCriteria(round.model, round.criteria).filter((c) => sideScores(c.owner, person.side)),
    values,
  };
}
