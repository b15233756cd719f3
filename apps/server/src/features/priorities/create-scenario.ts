import { insertScenario, lockRound } from '@tandem/db';
import type { TCreateScenarioRequest, TScenario } from '@tandem/contracts';
import { ZCreateScenarioRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordPrioritiesAudit } from './audit';
import { computeRoundResults } from './compute-results';
import { invalid } from './errors';

/**
 * Saves a named copy of the combined ranking with manual moves: each move puts an item at a rank
 * (applied in the given order, each on the result of the previous).
 */
export async function createScenario(ctx: AppContext, auth: OrgAuth, roundId: string, raw: TCreateScenarioRequest): Promise<TScenario> {
  const input = ZCreateScenarioRequest.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, auth.orgId, roundId);
    if (!round) throw notFound('Round');
    if (round.status !== 'closed') throw new AppError('conflict', 'Scenarios start from the combined ranking, which exists once the round is closed');
    const r = await computeRoundResults(tx, auth.orgId, round, ctx.now());
    const order = [...r.order];
    input.moves.forEach((m, k) => {
      const at = order.indexOf(m.itemId);
      if (at < 0) throw invalid(`body.moves.${k}.itemId`, 'this item is not in the round');
      if (m.rank > order.length) throw invalid(`body.moves.${k}.rank`, `must be between 1 and ${order.length}`);
      order.splice(at, 1);
      order.splice(m.rank - 1, 0, m.itemId);
    });
    const row = await insertScenario(tx, { orgId: auth.orgId, roundId, name: input.name, itemOrder: order, createdBy: auth.userId, createdAt: ctx.now() });
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.scenario_created', row.id, { roundId, moves: input.moves.length });
    return { id: row.id, roundId, name: row.name, order: row.itemOrder, createdAt: row.createdAt.toISOString() };
  });
}
