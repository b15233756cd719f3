import { lockPulse, updatePulse } from '@tandem/db';
import type { TPulse, TUpdatePulseRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { recordPulseAudit } from './audit';
import { effectiveStatus, toPulses } from './pulse.mapper';

/**
 * Edits a pulse. The anonymity settings (k, the comment threshold, the audience) freeze when the
 * pulse opens: changing them afterwards would let two result sets be compared, so it is a 409. It is
 * not tied to the first response, because a 409 that appears with it would tell that someone answered.
 */
export async function updateOrgPulse(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdatePulseRequest): Promise<TPulse> {
  return ctx.db.transaction(async (tx) => {
    const p = await lockPulse(tx, auth.orgId, id);
    if (!p) throw notFound('Pulse');
    const anonymity = input.minGroupSize !== undefined || input.minCommentGroupSize !== undefined || input.audience !== undefined;
    if (anonymity && effectiveStatus(p, ctx.now()) !== 'draft') {
      throw new AppError('conflict', 'The anonymity settings are frozen once the pulse is open');
    }
    // A closed pulse changes only in whether it counts in the trend (decision 130) and whether it repeats (135).
    if (effectiveStatus(p, ctx.now()) === 'closed' && Object.keys(input).some((f) => f !== 'inTrend' && f !== 'repeat')) throw new AppError('conflict', 'This pulse is closed');
    const k = input.minGroupSize ?? p.minGroupSize;
    const kComments = input.minCommentGroupSize ?? (input.minGroupSize !== undefined ? Math.max(p.minCommentGroupSize, k) : p.minCommentGroupSize);
    if (kComments < k) {
      throw new AppError('validation', 'Invalid body.minCommentGroupSize: must be at least the minimum group size', [{ path: 'body.minCommentGroupSize', message: 'must be >= minGroupSize' }]);
    }
    const opensAt = input.opensAt === undefined ? p.opensAt : input.opensAt === null ? null : new Date(input.opensAt);
    const closesAt = input.closesAt === undefined ? p.closesAt : input.closesAt === null ? null : new Date(input.closesAt);
    if (closesAt && opensAt && closesAt <= opensAt) {
      throw new AppError('validation', 'Invalid body.closesAt: must be after the opening', [{ path: 'body.closesAt', message: 'must be after the opening' }]);
    }
    const row = await updatePulse(tx, auth.orgId, id, {
      title: input.title ?? p.title,
      audience: input.audience ?? p.audience,
      minGroupSize: k,
      minCommentGroupSize: kComments,
      opensAt,
      closesAt,
      inTrend: input.inTrend ?? p.inTrend,
      ...(input.repeat === undefined ? {} : { repeatEvery: input.repeat?.every ?? null, repeatAutoOpen: input.repeat?.autoOpen ?? false }),
    });
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.updated', target: id, details: { fields: Object.keys(input) } });
    return (await toPulses(tx, auth.orgId, [row!], ctx.now()))[0]!;
  });
}
