import { findInitiative, listLadder, replaceLadder, updateInitiative } from '@tandem/db';
import { ZPutLadderRequest, type TLadder, type TPutLadderRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordChanges, recordStrategyAudit } from './record-history';
import { sortRungs, toRung } from './strategy.mapper';

export async function getLadder(ctx: AppContext, auth: OrgAuth, initiativeId: string): Promise<TLadder> {
  if (!(await findInitiative(ctx.db, auth.orgId, initiativeId))) throw notFound('Initiative');
  return { initiativeId, rungs: sortRungs((await listLadder(ctx.db, auth.orgId, initiativeId)).map(toRung)) };
}

/**
 * Replaces the delivery ladder of an initiative: at most one deliverable per rung. Rungs may be
 * saved incomplete (the health check points at them); a changed rung date is kept in the history.
 */
export async function setLadder(ctx: AppContext, auth: OrgAuth, initiativeId: string, input: TPutLadderRequest): Promise<TLadder> {
  const v = ZPutLadderRequest.parse(input);
  const seen = new Set<string>();
  for (const r of v.rungs) {
    if (seen.has(r.rung)) throw new AppError('validation', `rungs: "${r.rung}" appears twice; one deliverable per rung`, [{ path: 'body.rungs', message: 'duplicate rung' }]);
    seen.add(r.rung);
  }
  return ctx.db.transaction(async (tx) => {
    if (!(await findInitiative(tx, auth.orgId, initiativeId))) throw notFound('Initiative');
    const before = new Map((await listLadder(tx, auth.orgId, initiativeId)).map((r) => [r.rung, r.dueDate]));
    const rows = await replaceLadder(
      tx,
      auth.orgId,
      initiativeId,
      v.rungs.map((r) => ({ rung: r.rung, deliverable: r.deliverable, dueDate: r.date, done: r.done })),
    );
    const changes = ['now', 'next_week', 'next_month', 'next_year']
      .map((rung) => ({ field: `ladder.${rung}.date`, from: before.get(rung as 'now') ?? null, to: v.rungs.find((r) => r.rung === rung)?.date ?? null }))
      .filter((c) => c.from !== c.to);
    await recordChanges(ctx, tx, auth, 'initiative', initiativeId, {}, {}, changes);
    await updateInitiative(tx, auth.orgId, initiativeId, { updatedAt: ctx.now() });
    await recordStrategyAudit(ctx, tx, auth, 'initiative.ladder_set', initiativeId, { rungs: v.rungs.length });
    return { initiativeId, rungs: sortRungs(rows.map(toRung)) };
  });
}
