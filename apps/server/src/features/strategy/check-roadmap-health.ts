import { getStrategySettings, listHealthSnapshots, listPeopleSides, loadRoadmap, upsertHealthSnapshot, upsertStrategySettings } from '@tandem/db';
import { DEFAULT_IT_GRACE_DAYS, roadmapHealth } from '@tandem/core';
import type { THealthHistory, TRoadmapHealth, TStrategySettings } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { recordStrategyAudit } from './record-history';
import { toCoreInput } from './strategy.mapper';

export async function getSettings(ctx: AppContext, auth: OrgAuth): Promise<TStrategySettings> {
  return (await getStrategySettings(ctx.db, auth.orgId)) ?? { itGraceDays: DEFAULT_IT_GRACE_DAYS };
}

export async function putSettings(ctx: AppContext, auth: OrgAuth, v: TStrategySettings): Promise<TStrategySettings> {
  return ctx.db.transaction(async (tx) => {
    await upsertStrategySettings(tx, auth.orgId, v);
    await recordStrategyAudit(ctx, tx, auth, 'strategy.settings_changed', null, { ...v });
    return v;
  });
}

/**
 * Runs the pure health rules of packages/core over the organisation's roadmap and keeps one
 * snapshot per day (the last run of the day wins) so that the insights module can draw the trend.
 */
export async function checkRoadmapHealth(ctx: AppContext, auth: OrgAuth): Promise<TRoadmapHealth> {
  const now = ctx.now();
  const [rows, sides, settings] = await Promise.all([loadRoadmap(ctx.db, auth.orgId), listPeopleSides(ctx.db, auth.orgId), getSettings(ctx, auth)]);
  const h = roadmapHealth(toCoreInput(rows, sides), { now, itGraceDays: settings.itGraceDays });
  await upsertHealthSnapshot(ctx.db, auth.orgId, {
    day: now.toISOString().slice(0, 10),
    overall: h.overall,
    aggressive: h.scores.aggressive,
    enablers: h.scores.enablers,
    specific: h.scores.specific,
    includesIt: h.scores.includesIt,
    findings: h.findings.length,
    computedAt: now,
  });
  return { ...h, computedAt: now.toISOString(), itGraceDays: settings.itGraceDays };
}

export async function healthHistory(ctx: AppContext, auth: OrgAuth, days: number): Promise<THealthHistory> {
  const rows = await listHealthSnapshots(ctx.db, auth.orgId, days);
  return {
    snapshots: rows.map((r) => ({
      day: r.day,
      overall: r.overall,
      scores: { aggressive: r.aggressive, enablers: r.enablers, specific: r.specific, includesIt: r.includesIt },
      findings: r.findings,
    })),
  };
}
