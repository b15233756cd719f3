import { compactHealthSnapshots, getStrategySettings, listHealthSnapshots, listOrgIdsWithRoadmap, listPeopleSides, loadRoadmap, upsertHealthSnapshot, upsertStrategySettings } from '@tandem/db';
import { DEFAULT_IT_GRACE_DAYS, roadmapHealth } from '@tandem/core';
import type { THealthHistory, TRoadmapHealth, TStrategySettings } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { daySlot, type Job } from '../../lib/jobs';
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

async function computeHealth(ctx: AppContext, orgId: string, now: Date) {
  const [rows, sides, stored] = await Promise.all([loadRoadmap(ctx.db, orgId), listPeopleSides(ctx.db, orgId), getStrategySettings(ctx.db, orgId)]);
  const itGraceDays = stored?.itGraceDays ?? DEFAULT_IT_GRACE_DAYS;
  return { h: roadmapHealth(toCoreInput(rows, sides), { now, itGraceDays }), itGraceDays };
}

/**
 * Runs the pure health rules of packages/core over the organisation's roadmap. A read: it writes
 * nothing (decision 104); the daily snapshot comes from `healthSnapshotJob`.
 */
export async function checkRoadmapHealth(ctx: AppContext, auth: OrgAuth): Promise<TRoadmapHealth> {
  const now = ctx.now();
  const { h, itGraceDays } = await computeHealth(ctx, auth.orgId, now);
  return { ...h, computedAt: now.toISOString(), itGraceDays };
}

/**
 * One snapshot per organisation and UTC day, written by the first job tick of the day (any
 * instance, once: decision 060) for every organisation with a roadmap, so the trend needs nobody
 * to open the health page. Running it again on the same day overwrites that day's snapshot.
 */
export async function writeHealthSnapshots(ctx: AppContext, now: Date): Promise<number> {
  const orgIds = await listOrgIdsWithRoadmap(ctx.db);
  for (const orgId of orgIds) {
    const { h } = await computeHealth(ctx, orgId, now);
    await upsertHealthSnapshot(ctx.db, orgId, {
      day: now.toISOString().slice(0, 10),
      overall: h.overall,
      aggressive: h.scores.aggressive,
      enablers: h.scores.enablers,
      specific: h.scores.specific,
      includesIt: h.scores.includesIt,
      findings: h.findings.length,
      computedAt: now,
    });
  }
  return orgIds.length;
}

/** Every snapshot of the last 120 days stays: the health page shows 90, the one-screen "a month ago" (decision 157). */
export const DAILY_SNAPSHOT_DAYS = 120;
/** From 120 days to a year back, one snapshot per ISO week; beyond a year, one per month. */
export const WEEKLY_SNAPSHOT_DAYS = 365;

const dayBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** Housekeeping of the history (decision 157): thins old snapshots so the table stops growing by one row per organisation and day. */
export function compactSnapshots(ctx: AppContext, now: Date): Promise<number> {
  return compactHealthSnapshots(ctx.db, dayBefore(now, DAILY_SNAPSHOT_DAYS), dayBefore(now, WEEKLY_SNAPSHOT_DAYS));
}

export const healthSnapshotJob: Job = {
  name: 'strategy.health-snapshot',
  slotOf: daySlot,
  run: async (ctx, _slot, now) => {
    await writeHealthSnapshots(ctx, now);
    await compactSnapshots(ctx, now);
  },
};

/** The snapshots of the last `days` calendar days (today included), oldest first; beyond 120 days they are weekly, then monthly. */
export async function healthHistory(ctx: AppContext, auth: OrgAuth, days: number): Promise<THealthHistory> {
  const rows = await listHealthSnapshots(ctx.db, auth.orgId, dayBefore(ctx.now(), days - 1));
  return {
    snapshots: rows.map((r) => ({
      day: r.day,
      overall: r.overall,
      scores: { aggressive: r.aggressive, enablers: r.enablers, specific: r.specific, includesIt: r.includesIt },
      findings: r.findings,
    })),
  };
}
