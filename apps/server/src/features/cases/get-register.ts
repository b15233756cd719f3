import { simulatePortfolio } from '@tandem/core';
import { currentSecurityVersions, findOrganisation, listCases, securityTotals } from '@tandem/db';
import type { TRegister } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { toSummary, versionInputs } from './cases.mapper';

/** The portfolio curve simulates the 200 largest scenarios; the totals cover every one. */
const PORTFOLIO_LIMIT = 200;
const PORTFOLIO_YEARS = 10_000;
const PORTFOLIO_SEED = 1;

/**
 * The security register: scenarios sorted by ALE (paged), the total exposure before and after
 * the controls over all of them (exact, summed in SQL), and the portfolio loss exceedance curve
 * (scenarios simulated together, seeded, so the same register draws the same curve).
 */
export async function getRegister(ctx: AppContext, auth: OrgAuth, q: { limit: number; offset: number }): Promise<TRegister> {
  const [page, totals, versions, org] = await Promise.all([
    listCases(ctx.db, auth.orgId, { kind: 'security', sort: 'ale', limit: q.limit, offset: q.offset }),
    securityTotals(ctx.db, auth.orgId),
    currentSecurityVersions(ctx.db, auth.orgId, PORTFOLIO_LIMIT),
    findOrganisation(ctx.db, auth.orgId),
  ]);
  const scenarios = versions.map((v) => {
    const i = versionInputs('security', v);
    if (i.kind !== 'security') throw new Error('unreachable');
    return { frequency: i.frequency, magnitude: i.magnitude, controls: i.controls };
  });
  const portfolio = simulatePortfolio(scenarios, PORTFOLIO_YEARS, PORTFOLIO_SEED);
  return {
    scenarios: page.rows.map(toSummary),
    total: page.total,
    totalAleBefore: totals.aleBefore,
    totalAleAfter: totals.aleAfter,
    totalControlCost: portfolio.controlCost,
    exceedance: portfolio.exceedance,
    iterations: PORTFOLIO_YEARS,
    currency: org?.currency ?? 'EUR',
  };
}
