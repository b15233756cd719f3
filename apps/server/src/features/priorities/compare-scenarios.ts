import { findScenario } from '@tandem/db';
import type { TScenarioComparison } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { computeRoundResults } from './compute-results';
import { balance, portfolioInputs } from './get-portfolio';

/**
 * Compares scenario a with scenario b (or with the current combined ranking): what moves in, what
 * moves out, and the balance before and after, at today's capacity and target.
 */
export async function compareScenarios(ctx: AppContext, auth: OrgAuth, aId: string, bId?: string): Promise<TScenarioComparison> {
  const a = await findScenario(ctx.db, auth.orgId, aId);
  if (!a) throw notFound('Scenario');
  const b = bId ? await findScenario(ctx.db, auth.orgId, bId) : null;
  if (bId && !b) throw notFound('Scenario');
  if (b && b.roundId !== a.roundId) throw new AppError('validation', 'Invalid querystring.b: both scenarios must belong to the same round', [{ path: 'querystring.b', message: 'other round' }]);
  const { round, settings } = await portfolioInputs(ctx.db, auth.orgId, a.roundId);
  const r = await computeRoundResults(ctx.db, auth.orgId, round, ctx.now());
  // A scenario saved before items changed keeps only the items still in the round, then the new ones.
  const norm = (order: string[]) => [...order.filter((id) => r.combinedRank.has(id)), ...r.order.filter((id) => !order.includes(id))];
  const side = (id: string | null, name: string, order: string[]) => {
    const x = balance(norm(order), r.items, settings);
    return { id, name, in: x.cut.in, out: x.cut.out, mix: x.mix.actual, used: x.cut.used };
  };
  const A = side(a.id, a.name, a.itemOrder);
  const B = b ? side(b.id, b.name, b.itemOrder) : side(null, 'Current combined ranking', r.order);
  const inA = new Set(A.in);
  const inB = new Set(B.in);
  return {
    roundId: a.roundId,
    a: A,
    b: B,
    movesIn: B.in.filter((id) => !inA.has(id)),
    movesOut: A.in.filter((id) => !inB.has(id)),
    target: { run: settings.targetRun, grow: settings.targetGrow, transform: settings.targetTransform },
  };
}
