import { compareQuarters, createRng, quarterOf, type Quarter } from '@tandem/core';
import { initiativeTitles, insertBenefits, insertOpportunity, type NewBenefit } from '@tandem/db';
import type { AppContext } from '../context';
import { businessCaseInitiatives } from '../features/cases';

/** The six quarters ending with the one that contains `now`, oldest first. */
function lastSixQuarters(now: Date): Quarter[] {
  const out: Quarter[] = [];
  let q = quarterOf(now);
  for (let i = 0; i < 6; i++) {
    out.unshift(q);
    q = q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
  }
  return out;
}

const DAY = 86_400_000;

/**
 * When an entry was recorded: a realised quarter at its finance close (ten days after it ends), the
 * quarter in progress two days ago, a plan-only entry half a year ago. So the one-screen's "a month
 * ago" sees last quarter's close but not this quarter's recordings.
 */
function recordedOn(q: Quarter, realised: boolean, now: Date): Date {
  if (!realised) return new Date(now.getTime() - 180 * DAY);
  const close = new Date(Date.UTC(q.quarter === 4 ? q.year + 1 : q.year, q.quarter === 4 ? 0 : q.quarter * 3, 10));
  return close.getTime() < now.getTime() ? close : new Date(now.getTime() - 2 * DAY);
}

const OPPORTUNITIES = [
  { title: 'Sell spare-parts availability data to dealers', source: 'hackweek' as const, estimatedValue: 420_000, status: 'exploring' as const, proposedBy: 'Hackweek team "Parts radar"' },
  { title: 'Predictive maintenance as a paid service for key accounts', source: 'idea' as const, estimatedValue: 1_150_000, status: 'approved' as const, proposedBy: 'Plant engineering' },
  { title: 'Self-service reorder portal for Mexico retail', source: 'request' as const, estimatedValue: 650_000, status: 'idea' as const, proposedBy: 'Sales Mexico' },
  { title: 'Route optimisation cuts fuel per delivery', source: 'hackweek' as const, estimatedValue: 180_000, status: 'realised' as const, proposedBy: 'Hackweek team "Shortest path"' },
  { title: 'Chatbot for order status questions', source: 'idea' as const, estimatedValue: 90_000, status: 'dropped' as const, proposedBy: 'Customer service' },
];

/**
 * Northwind's value: planned and realised revenue and cost savings over the last six quarters for
 * its initiatives (the plan comes from the business case where one exists). The first two
 * initiatives lag their plan, the third is ahead, the rest realise close to plan.
 */
export async function seedDemoValue(ctx: AppContext, org: { orgId: string; ownerId: string }): Promise<void> {
  const rng = createRng('northwind-value');
  const now = ctx.now();
  const current = quarterOf(now);
  const [initiatives, withCase] = await Promise.all([initiativeTitles(ctx.db, org.orgId), businessCaseInitiatives(ctx.db, org.orgId)]);
  const rows: NewBenefit[] = [];
  initiatives.slice(0, 8).forEach((ini, i) => {
    const pace = i < 2 ? 0.35 + 0.1 * i : i === 2 ? 1.35 : 0.85 + 0.1 * rng.next();
    const kind = i % 3 === 1 ? ('cost_saved' as const) : ('revenue' as const);
    const base = Math.round((60_000 + 140_000 * rng.next()) / 1000) * 1000;
    for (const [k, q] of lastSixQuarters(now).entries()) {
      const planned = Math.round(base * (0.6 + 0.1 * k));
      const realised = compareQuarters(q, current) <= 0 ? Math.round((planned * pace * (0.9 + 0.2 * rng.next())) / 100) * 100 : null;
      rows.push({
        orgId: org.orgId,
        initiativeId: ini.id,
        kind,
        year: q.year,
        quarter: q.quarter,
        planned: withCase.has(ini.id) ? null : planned,
        realised,
        evidence: realised === null ? null : `Finance close ${q.year}-Q${q.quarter}`,
        recordedBy: org.ownerId,
        recordedAt: recordedOn(q, realised !== null, now),
      });
    }
  });
  await insertBenefits(ctx.db, rows.filter((r) => r.planned !== null || r.realised !== null));
  for (const o of OPPORTUNITIES) await insertOpportunity(ctx.db, org.orgId, { ...o, description: '', createdAt: now, updatedAt: now });
}
