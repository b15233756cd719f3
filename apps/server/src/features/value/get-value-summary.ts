import { benefitSums, findOrganisation, initiativeTitles, initiativesWithEnablers } from '@tandem/db';
import { quarterOf, summariseValue } from '@tandem/core';
import type { TValueSummary } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { caseBenefitLines } from '../cases';

/**
 * Planned against realised money of one year (default: this year) per initiative and quarter,
 * the most lagging initiative first, and the share realised by initiatives with an IT enabler.
 * With `asOf`, the same summary from the entries recorded by then ("a month ago" on the
 * one-screen, decision 096); the year still defaults to today's.
 */
export async function getValueSummary(ctx: AppContext, auth: OrgAuth, year?: number, asOf?: Date): Promise<TValueSummary> {
  const now = asOf ?? ctx.now();
  const y = year ?? ctx.now().getUTCFullYear();
  const [sums, caseLines, initiatives, itEnabled, org] = await Promise.all([
    benefitSums(ctx.db, auth.orgId, y, asOf),
    caseBenefitLines(ctx.db, auth.orgId),
    initiativeTitles(ctx.db, auth.orgId),
    initiativesWithEnablers(ctx.db, auth.orgId),
    findOrganisation(ctx.db, auth.orgId),
  ]);
  const s = summariseValue({ year: y, current: quarterOf(now), sums, caseLines, initiatives, itEnabled });
  return { ...s, currency: org?.currency ?? 'EUR' };
}
