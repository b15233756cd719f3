import { findCoffeeRound, findMemberByToken, programmeNameOfRound, roundMembers, setMet } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { sha256 } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { actingPerson } from './access';

/** "Did you meet?" answered in the app: a member answers for themselves, leaders for anyone. */
export async function recordMet(ctx: AppContext, auth: OrgAuth, programmeId: string, roundId: string, index: number, input: { personId: string; met: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const round = await findCoffeeRound(tx, auth.orgId, programmeId, roundId);
    if (!round) throw notFound('Round');
    const rows = await roundMembers(tx, auth.orgId, roundId, index);
    if (!rows.length) throw notFound('Group');
    const person = await actingPerson(tx, auth, input.personId);
    if (!rows.some((r) => r.member.personId === person.id)) throw new AppError('validation', `personId "${person.id}" is not in group ${index} of this round`, [{ path: 'body.personId' }]);
    await setMet(tx, auth.orgId, roundId, person.id, input.met, ctx.now());
    return { ok: true as const };
  });
}

/**
 * "Did you meet?" answered from the mail without signing in: the token is the member's own
 * random link (only its SHA-256 is stored), so it answers for that member only; answering again
 * changes the answer.
 */
export async function recordMetByToken(ctx: AppContext, token: string, met: boolean) {
  return ctx.db.transaction(async (tx) => {
    const m = await findMemberByToken(tx, sha256(token));
    if (!m) throw new AppError('not_found', 'This link is not valid (it may have been mistyped)');
    await setMet(tx, m.orgId, m.roundId, m.personId, met, ctx.now());
    return { programmeName: (await programmeNameOfRound(tx, m.orgId, m.roundId)) ?? 'Coffee', met };
  });
}
