import { addDays, createRng } from '@tandem/core';
import { upsertHealthSnapshot } from '@tandem/db';
import type { AppContext, OrgAuth } from '../context';
import { checkRoadmapHealth } from '../features/strategy';

const DAYS = 60;

/**
 * Northwind's roadmap health over the last 60 days, as the daily job would have written it: the
 * roadmap improved from about 14 points lower than today, with day-to-day noise, and the last
 * snapshot is today's real health. So the health page has a trend and the one-screen a month-ago figure.
 */
export async function seedDemoHealthHistory(ctx: AppContext, org: { orgId: string; ownerId: string }): Promise<void> {
  const auth: OrgAuth = { sessionId: 'demo-seed', userId: org.ownerId, csrfToken: '', orgId: org.orgId, role: 'owner' };
  const h = await checkRoadmapHealth(ctx, auth);
  if (h.overall === null) return;
  const rng = createRng('northwind-health');
  const today = ctx.now().toISOString().slice(0, 10);
  const clamp = (n: number | null, behind: number) => (n === null ? null : Math.max(0, Math.min(100, Math.round(n - behind + (rng.next() - 0.5) * 4))));
  for (let i = DAYS; i >= 0; i--) {
    // How far behind today's score the roadmap was i days ago: 14 points two months back, none today.
    const behind = i === 0 ? 0 : (14 * i) / DAYS;
    const day = addDays(today, -i);
    const at = new Date(`${day}T02:00:00Z`);
    const s = i === 0 ? h.scores : { aggressive: clamp(h.scores.aggressive, behind), enablers: clamp(h.scores.enablers, behind * 1.5), specific: clamp(h.scores.specific, behind * 0.5), includesIt: clamp(h.scores.includesIt, behind) };
    await upsertHealthSnapshot(ctx.db, org.orgId, {
      day,
      overall: i === 0 ? h.overall : clamp(h.overall, behind),
      aggressive: s.aggressive,
      enablers: s.enablers,
      specific: s.specific,
      includesIt: s.includesIt,
      findings: i === 0 ? h.findings.length : h.findings.length + Math.round(behind / 3),
      computedAt: at,
    });
  }
}
