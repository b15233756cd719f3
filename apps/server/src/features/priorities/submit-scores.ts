import { checkOnScale, criterionScale, sideScores } from '@tandem/core';
import { findPersonOfUser, findPersonSide, insertScores, roundItemIds, shareLockRound, upsertScores, type ScoreInsert } from '@tandem/db';
import type { TPutScoresRequest, TScoresWritten } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';
import { recordPrioritiesAudit } from './audit';
import { invalid } from './errors';

/**
 * Checks one scoring request and returns the rows to write. A member scores as the person linked
 * to their account; an admin may enter scores for any person (a workshop). Every rule is a 400
 * naming the field, except scoring as someone else (403).
 */
async function prepare(ctx: AppContext, tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], auth: OrgAuth, roundId: string, input: TPutScoresRequest) {
  const round = await shareLockRound(tx, auth.orgId, roundId);
  if (!round) throw notFound('Round');
  if (round.status === 'closed') throw invalid('round', 'this round is closed: scores can no longer change');
  if (round.status === 'draft') throw invalid('round', 'this round is not open yet');
  const person = await findPersonSide(tx, auth.orgId, input.personId);
  if (!person) throw invalid('body.personId', 'no person with this id in this organisation');
  if (!hasRole(auth.role, 'admin')) {
    const me = await findPersonOfUser(tx, auth.orgId, auth.userId);
    if (!me) throw new AppError('forbidden', 'Your account is not linked to a person in the directory: ask an admin to add you with your e-mail address');
    if (me.id !== person.id) throw new AppError('forbidden', 'Members score as themselves; an admin may enter scores for another person');
  }
  if (!(await roundItemIds(tx, auth.orgId, roundId, [input.itemId])).has(input.itemId)) throw invalid('body.itemId', 'this item is not in the round');
  const rows: ScoreInsert[] = [];
  for (const [key, value] of Object.entries(input.scores)) {
    const c = round.criteria.find((x) => x.key === key);
    const path = `body.scores.${key}`;
    if (!c) throw invalid(path, `no criterion ${key} in this round (${round.criteria.map((x) => x.key).join(', ')})`);
    if (!sideScores(c.owner, person.side)) throw invalid(path, `${c.label} is owned by ${c.owner === 'it' ? 'IT' : 'Business'}; a ${person.side === 'it' ? 'IT' : 'Business'} scorer does not score it`);
    const wrong = checkOnScale(criterionScale(round.model, key)!, value);
    if (wrong) throw invalid(path, `${value} is outside the scale: ${wrong}`);
    rows.push({ personId: person.id, side: person.side, itemId: input.itemId, criterion: key, value });
  }
  return { rows, person };
}

/** PUT: new scores only; a second score on the same item and criterion is a 409 (PATCH changes it). */
export async function submitScores(ctx: AppContext, auth: OrgAuth, roundId: string, input: TPutScoresRequest): Promise<TScoresWritten> {
  return ctx.db.transaction(async (tx) => {
    const { rows, person } = await prepare(ctx, tx, auth, roundId, input);
    const inserted = await insertScores(tx, auth.orgId, roundId, rows, auth.userId, ctx.now());
    if (inserted !== rows.length) throw new AppError('conflict', 'This person has already scored this item on one of these criteria; change a score with PATCH');
    if (person.userId !== auth.userId) await recordPrioritiesAudit(ctx, tx, auth, 'priorities.scores_entered_for', roundId, { personId: person.id, itemId: input.itemId });
    return { personId: person.id, itemId: input.itemId, scores: Object.fromEntries(rows.map((r) => [r.criterion, r.value])) };
  });
}

/** PATCH: changes (or adds) scores while the round is open. */
export async function changeScores(ctx: AppContext, auth: OrgAuth, roundId: string, input: TPutScoresRequest): Promise<TScoresWritten> {
  return ctx.db.transaction(async (tx) => {
    const { rows, person } = await prepare(ctx, tx, auth, roundId, input);
    await upsertScores(tx, auth.orgId, roundId, rows, auth.userId, ctx.now());
    if (person.userId !== auth.userId) await recordPrioritiesAudit(ctx, tx, auth, 'priorities.scores_entered_for', roundId, { personId: person.id, itemId: input.itemId });
    return { personId: person.id, itemId: input.itemId, scores: Object.fromEntries(rows.map((r) => [r.criterion, r.value])) };
  });
}
