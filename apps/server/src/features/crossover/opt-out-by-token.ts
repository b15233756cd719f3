import type { TOptOutAnswer } from '@tandem/contracts';
import { deleteParticipant, findMemberByToken, insertAudit, programmeOfRound, upsertParticipant } from '@tandem/db';
import type { AppContext } from '../../context';
import { sha256 } from '../../lib/crypto';
import { AppError } from '../../lib/errors';

/**
 * The opt-out link of a coffee mail, without signing in (decision 076). The link carries the
 * member's own random token (the same as their "did you meet?" link, stored only as SHA-256), so
 * it acts for that member of that programme only. Without `pausedUntil` it opts them out; with it,
 * they stay in and skip the rounds up to and including that day. The web page posts only when the
 * person presses the button, so a mail scanner following the link changes nothing.
 */
export async function optOutByToken(ctx: AppContext, token: string, input: { pausedUntil?: string | undefined }): Promise<TOptOutAnswer> {
  return ctx.db.transaction(async (tx) => {
    const m = await findMemberByToken(tx, sha256(token));
    const p = m ? await programmeOfRound(tx, m.orgId, m.roundId) : null;
    if (!m || !p) throw new AppError('not_found', 'This link is not valid (it may have been mistyped)');
    const at = ctx.now();
    if (input.pausedUntil) {
      if (input.pausedUntil < at.toISOString().slice(0, 10)) throw new AppError('validation', `pausedUntil "${input.pausedUntil}" is in the past`, [{ path: 'body.pausedUntil' }]);
      await upsertParticipant(tx, m.orgId, p.id, m.personId, { from: null, until: input.pausedUntil });
    } else {
      await deleteParticipant(tx, m.orgId, p.id, m.personId);
    }
    const action = input.pausedUntil ? 'coffee_programme.opted_in' : 'coffee_programme.opted_out';
    await insertAudit(tx, { orgId: m.orgId, actorUserId: null, action, target: p.id, details: { personId: m.personId, via: 'mail link', pausedUntil: input.pausedUntil ?? null }, at });
    return { programmeName: p.name, optedOut: !input.pausedUntil, pausedUntil: input.pausedUntil ?? null };
  });
}
