import { gapCorrelation, participationRates } from '@tandem/core';
import { activePeople, listPulses, type Executor } from '@tandem/db';
import type { TParticipation, TParticipationQuery, TPulseResults } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { computeResults, effectiveStatus } from '../pulse';
import { badField } from './acting-person';
import { PARTICIPATION_SOURCES, type ParticipationSource } from './participation-sources';

const DAY = 86_400_000;

/**
 * Each department's perception gap as the latest closed pulse publishes it (decision 084): on the
 * pulse's first (headline) question, leaders' % favourable minus the department's employees' %
 * favourable. Both numbers come from the pulse's own results under its anonymity rules; a
 * department whose employee segment the pulse hides (or that had no answers) has no gap here.
 */
export function publishedDepartmentGaps(r: TPulseResults): Map<string, number> {
  const out = new Map<string, number>();
  const q = r.questions[0];
  if (!q) return out;
  const leaders = q.segments.find((s) => s.key.level === 'leader' && s.key.department === undefined && s.key.side === undefined && s.key.location === undefined);
  if (!leaders || 'suppressed' in leaders) return out;
  for (const s of q.segments) {
    if (s.key.level === 'employee' && s.key.department !== undefined && s.key.side === undefined && s.key.location === undefined && !('suppressed' in s)) {
      out.set(s.key.department, leaders.favourable - s.favourable);
    }
  }
  return out;
}

async function latestClosedResults(ctx: AppContext, x: Executor, orgId: string): Promise<TPulseResults | null> {
  const now = ctx.now();
  const closed = (await listPulses(x, orgId)).filter((p) => effectiveStatus(p, now) === 'closed');
  const at = (p: (typeof closed)[number]) => (p.closedAt ?? p.closesAt ?? p.createdAt).getTime();
  closed.sort((a, b) => at(b) - at(a));
  const latest = closed[0];
  return latest ? computeResults(ctx, x, latest, ['department', 'level'], false) : null;
}

/** The department gaps of the latest closed pulse, as published (for the demo's data). */
export async function publishedGapsOfLatestPulse(ctx: AppContext, orgId: string): Promise<Map<string, number>> {
  const r = await latestClosedResults(ctx, ctx.db, orgId);
  return r ? publishedDepartmentGaps(r) : new Map();
}

/** Participation by side and department over [from, to] (days, inclusive) and its rank correlation with the published gaps. */
export async function getParticipation(ctx: AppContext, auth: OrgAuth, q: TParticipationQuery, sources: readonly ParticipationSource[] = PARTICIPATION_SOURCES): Promise<TParticipation> {
  if (q.to < q.from) throw badField('to', `${q.to} is before from (${q.from})`);
  const from = new Date(`${q.from}T00:00:00.000Z`);
  const to = new Date(Date.parse(`${q.to}T00:00:00.000Z`) + DAY);
  const [people, rows, pulse] = await Promise.all([
    activePeople(ctx.db, auth.orgId),
    Promise.all(sources.map((s) => s.rows(ctx.db, auth.orgId, from, to))),
    latestClosedResults(ctx, ctx.db, auth.orgId),
  ]);
  const ids = new Set<string>();
  for (const list of rows) for (const r of list) ids.add(r.personId);
  const rates = participationRates(people, ids);
  const gaps = pulse ? publishedDepartmentGaps(pulse) : new Map<string, number>();
  const departments = rates.byDepartment.filter((d) => gaps.has(d.department)).map((d) => ({ department: d.department, rate: d.rate, gap: gaps.get(d.department)! }));
  const excluded = rates.byDepartment.length - departments.length;
  const g = pulse ? gapCorrelation(departments, excluded) : { spearman: null, pValue: null, verdict: 'No closed pulse yet: the gap is measured by the Alignment Pulse, so there is nothing to compare participation with.' };
  return {
    from: q.from,
    to: q.to,
    kinds: sources.map((s) => s.kind),
    ...rates,
    gapCorrelation: { pulseId: pulse?.pulseId ?? null, pulseTitle: pulse?.title ?? null, spearman: g.spearman, pValue: g.pValue, departments, excluded, verdict: g.verdict },
  };
}
