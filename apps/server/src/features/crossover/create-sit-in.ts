import { sitInRota } from '@tandem/core';
import type { TCreateSitInRequest } from '@tandem/contracts';
import { insertRota, replaceTurns } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { requirePeople } from './access';
import { recordCrossoverAudit } from './audit';
import { mailSitInChanges, sitInChanges } from './mail-sit-ins';
import { toSitIn } from './sit-ins.mapper';

/**
 * A sit-in rota for a recurring leadership meeting: the fair rotation of the core (decision 074);
 * after the commit each person gets one mail with an .ics invitation (METHOD:REQUEST) of their
 * turns (decision 076).
 */
export async function createSitIn(ctx: AppContext, auth: OrgAuth, input: TCreateSitInRequest) {
  const made = await ctx.db.transaction(async (tx) => {
    const pool = await requirePeople(tx, auth.orgId, input.poolPersonIds, 'poolPersonIds');
    const poolIds = [...new Set(input.poolPersonIds)];
    const dates = [...new Set(input.dates)].sort();
    const rota = await insertRota(tx, auth.orgId, {
      meetingTitle: input.meetingTitle,
      poolPersonIds: poolIds,
      startTime: input.time ?? null,
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      location: input.location || null,
    });
    const turns = sitInRota(poolIds, dates).map((t) => ({ date: t.date, personId: t.personId, declinedBy: [] as string[], note: null }));
    await replaceTurns(tx, auth.orgId, rota.id, turns);
    await recordCrossoverAudit(ctx, tx, auth, 'sit_in.created', rota.id, { meetingTitle: input.meetingTitle, pool: poolIds.length, dates: dates.length });
    return { rota, turns, pool };
  });
  await mailSitInChanges(ctx, made.rota, sitInChanges(null, made.turns, ''), new Map(made.pool.map((p) => [p.id, p])));
  return toSitIn(made.rota, made.turns.map((t) => ({ ...t, orgId: auth.orgId, rotaId: made.rota.id })), new Map(made.pool.map((p) => [p.id, p.name])));
}
