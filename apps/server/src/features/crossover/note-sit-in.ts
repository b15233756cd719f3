import { findPersonOfUser, findRota, rotaTurns, setTurnNote } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';

/** "What I learned": the person who sat in (or a leader) writes a short note after the meeting. */
export async function noteSitIn(ctx: AppContext, auth: OrgAuth, id: string, input: { date: string; note: string }) {
  return ctx.db.transaction(async (tx) => {
    if (!(await findRota(tx, auth.orgId, id))) throw notFound('Sit-in rota');
    const turn = (await rotaTurns(tx, auth.orgId, id)).find((t) => t.date === input.date);
    if (!turn) throw new AppError('validation', `date "${input.date}" is not a meeting of this rota`, [{ path: 'body.date' }]);
    const me = await findPersonOfUser(tx, auth.orgId, auth.userId);
    if (!hasRole(auth.role, 'leader') && (!me || me.id !== turn.personId)) throw new AppError('forbidden', 'Only the person who sat in (or a leader) writes the note');
    await setTurnNote(tx, auth.orgId, id, input.date, input.note);
    return { ok: true as const };
  });
}
