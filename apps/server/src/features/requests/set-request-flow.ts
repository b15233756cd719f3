import { countRequestsByStatus, replaceRequestFlow } from '@tandem/db';
import { ZPutRequestFlow, type TPutRequestFlow, type TRequestFlow } from '@tandem/contracts';
import { flowProblems } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { recordRequestsAudit } from './audit';
import { getRequestFlow } from './get-request-flow';

/**
 * Replaces the organisation's flow of requests (admins). Refused with every reason (400) when the
 * definition is unusable (core's flowProblems), and with a 409 when it would orphan requests: a
 * status some requests hold cannot be removed, nor moved to another category (their start and done
 * days, and so every figure, were stamped under the old one). Nothing is written when refused.
 */
export async function setRequestFlow(ctx: AppContext, auth: OrgAuth, input: TPutRequestFlow): Promise<TRequestFlow> {
  const v = ZPutRequestFlow.parse(input);
  const problems = flowProblems(v);
  if (problems.length) {
    throw new AppError(
      'validation',
      `The flow cannot be used: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
    );
  }
  await ctx.db.transaction(async (tx) => {
    const used = await countRequestsByStatus(tx, auth.orgId);
    const next = new Map(v.statuses.map((s) => [s.key, s]));
    const conflicts: { path: string; message: string }[] = [];
    for (const u of used) {
      const s = next.get(u.status);
      if (!s) conflicts.push({ path: 'body.statuses', message: `"${u.status}" is the status of ${u.n} request${u.n === 1 ? '' : 's'}: move them to another status before removing it` });
      else if (s.category !== u.category) {
        conflicts.push({ path: 'body.statuses', message: `"${s.label}" holds ${u.n} request${u.n === 1 ? '' : 's'} filed as ${u.category}: its category cannot become ${s.category}` });
      }
    }
    if (conflicts.length) throw new AppError('conflict', conflicts.map((c) => c.message).join('; '), conflicts);
    await replaceRequestFlow(tx, auth.orgId, v);
    await recordRequestsAudit(ctx, tx, auth, 'request_flow.set', null, { statuses: v.statuses.map((s) => `${s.key}:${s.category}`), transitions: v.transitions.length });
  });
  return getRequestFlow(ctx, auth);
}
