import type { TCreateProgrammeRequest } from '@tandem/contracts';
import { insertProgramme } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { recordCrossoverAudit } from './audit';

/** A coffee-pairs programme with its rules; nobody is opted in yet. */
export async function createProgramme(ctx: AppContext, auth: OrgAuth, input: TCreateProgrammeRequest): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const row = await insertProgramme(tx, auth.orgId, {
      name: input.name,
      cadence: input.cadence,
      groupSize: input.groupSize,
      noRepeatRounds: input.noRepeatRounds,
      preferCrossSide: input.preferCrossSide,
      preferCrossDepartment: input.preferCrossDepartment,
      preferSameLocation: input.preferSameLocation,
      inPerson: input.inPerson,
      timeZone: input.timeZone,
      filterSide: input.filter?.side ?? null,
      filterDepartment: input.filter?.department ?? null,
      filterLocation: input.filter?.location ?? null,
      createdAt: ctx.now(),
    });
    await recordCrossoverAudit(ctx, tx, auth, 'coffee_programme.created', row.id, { name: input.name });
    return { id: row.id };
  });
}
