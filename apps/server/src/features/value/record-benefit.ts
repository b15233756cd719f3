import { findBenefit, insertBenefit } from '@tandem/db';
import { compareQuarters, parsePeriod, quarterOf } from '@tandem/core';
import type { TBenefit, TCreateBenefitRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { checkIds } from '../strategy';
import { businessCaseInitiatives } from '../cases';
import { recordValueAudit } from './audit';
import { toBenefit } from './value.mapper';

const bad = (field: string, message: string) => new AppError('validation', `${field}: ${message}`, [{ path: `body.${field}`, message }]);

/**
 * Records a planned and/or realised benefit of an initiative for a quarter, with the recorder and
 * the evidence. A realised value for a quarter that has not begun is refused (nothing can be
 * realised in the future); an initiative with a business case takes its plan from the case, so an
 * entered planned value for it is refused too (decision 090).
 */
export async function recordBenefit(ctx: AppContext, auth: OrgAuth, input: TCreateBenefitRequest): Promise<TBenefit> {
  const period = parsePeriod(input.period)!;
  const now = ctx.now();
  if (input.realised !== undefined && compareQuarters(period, quarterOf(now)) > 0) {
    throw bad('period', `a realised value cannot be recorded for ${input.period}, a quarter that has not begun (today is in ${quarterOf(now).year}-Q${quarterOf(now).quarter})`);
  }
  return ctx.db.transaction(async (tx) => {
    await checkIds(tx, auth.orgId, 'initiative', 'initiativeId', [input.initiativeId]);
    if (input.planned !== undefined && (await businessCaseInitiatives(tx, auth.orgId)).has(input.initiativeId)) {
      throw bad('planned', 'this initiative has a business case: its planned benefits come from the case (edit the case instead)');
    }
    const row = await insertBenefit(tx, {
      orgId: auth.orgId,
      initiativeId: input.initiativeId,
      kind: input.kind,
      year: period.year,
      quarter: period.quarter,
      planned: input.planned ?? null,
      realised: input.realised ?? null,
      evidence: input.evidence ? input.evidence : null,
      recordedBy: auth.userId,
      recordedAt: now,
    });
    await recordValueAudit(ctx, tx, auth, 'benefit.recorded', row.id, { initiativeId: input.initiativeId, period: input.period, kind: input.kind });
    return toBenefit((await findBenefit(tx, auth.orgId, row.id))!);
  });
}
