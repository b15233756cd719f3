import { findPulseTemplate } from '@tandem/core';
import { insertPulse, insertPulseItems, upsertQuestions } from '@tandem/db';
import type { TCreatePulseRequest, TPulse } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { recordPulseAudit } from './audit';
import { toPulses } from './pulse.mapper';

/**
 * Creates a draft pulse from a template and/or the given statements. Statements come from the
 * organisation's question bank (same text, same id), so trends line up across pulses.
 */
export async function createPulse(ctx: AppContext, auth: OrgAuth, input: TCreatePulseRequest): Promise<TPulse> {
  const texts: string[] = [];
  if (input.template) texts.push(...findPulseTemplate(input.template)!.statements);
  for (const q of input.questions ?? []) texts.push(q.text.trim());
  const seen = new Set<string>();
  const unique = texts.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  if (unique.length === 0) throw new AppError('validation', 'Invalid body.questions: give a template or at least one question', [{ path: 'body.questions', message: 'required' }]);
  const k = input.minGroupSize ?? 5;
  const kComments = input.minCommentGroupSize ?? Math.max(10, k);
  const opensAt = input.opensAt ? new Date(input.opensAt) : null;
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (closesAt && closesAt <= (opensAt ?? ctx.now())) {
    throw new AppError('validation', 'Invalid body.closesAt: must be after the opening', [{ path: 'body.closesAt', message: 'must be after the opening' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const questions = await upsertQuestions(tx, auth.orgId, unique);
    const pulse = await insertPulse(tx, {
      orgId: auth.orgId,
      title: input.title,
      audience: input.audience ?? {},
      minGroupSize: k,
      minCommentGroupSize: kComments,
      opensAt,
      closesAt,
      repeatEvery: input.repeat?.every ?? null,
      repeatAutoOpen: input.repeat?.autoOpen ?? false,
      createdBy: auth.userId,
      createdAt: ctx.now(),
    });
    await insertPulseItems(tx, auth.orgId, pulse.id, questions.map((q) => q.id));
    await recordPulseAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.created', target: pulse.id, details: { title: pulse.title, questions: questions.length, k } });
    return (await toPulses(tx, auth.orgId, [pulse], ctx.now()))[0]!;
  });
}
