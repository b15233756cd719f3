import { findProgramme, replaceParticipants } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { requirePeople } from './access';
import { recordCrossoverAudit } from './audit';
import { inFilter } from './crossover.mapper';

/** Replaces the opted-in people of a programme (leaders and admins); all or nothing. */
export async function setParticipants(ctx: AppContext, auth: OrgAuth, programmeId: string, personIds: string[]) {
  return ctx.db.transaction(async (tx) => {
    const p = await findProgramme(tx, auth.orgId, programmeId);
    if (!p) throw notFound('Programme');
    const people = await requirePeople(tx, auth.orgId, personIds, 'personIds');
    const outside = people.find((x) => !inFilter(p, x));
    if (outside) throw new AppError('validation', `personIds contains "${outside.id}" (${outside.name}), who is outside the programme's filter`, [{ path: 'body.personIds', value: outside.id }]);
    const unique = [...new Set(personIds)];
    await replaceParticipants(tx, auth.orgId, programmeId, unique);
    await recordCrossoverAudit(ctx, tx, auth, 'coffee_programme.participants_set', programmeId, { count: unique.length });
    return { participants: unique.length };
  });
}
