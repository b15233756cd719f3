import { initiativeTitles, loadPlanTree } from '@tandem/db';
import type { TPlanTree } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { getValueSummary } from './get-value-summary';

/**
 * The strategic plan down to the day-to-day plan: goal → initiatives → enablers and the requests
 * in flight (new, triaged, in progress), with the year's planned and realised money at the goal and
 * initiative levels and the stated value of the requests. An initiative serving two goals counts
 * under both; initiatives serving no goal are grouped under a goal-less row.
 */
export async function getPlanTree(ctx: AppContext, auth: OrgAuth, year?: number): Promise<TPlanTree> {
  const [tree, summary, initiatives] = await Promise.all([loadPlanTree(ctx.db, auth.orgId), getValueSummary(ctx, auth, year), initiativeTitles(ctx.db, auth.orgId)]);
  const money = new Map(summary.byInitiative.map((i) => [i.initiativeId, { planned: i.planned, realised: i.realised }]));
  const node = (i: { id: string; title: string }) => {
    const requests = tree.requests.filter((r) => r.initiativeId === i.id).map(({ initiativeId: _, ...r }) => r);
    return {
      id: i.id,
      title: i.title,
      money: money.get(i.id) ?? { planned: 0, realised: 0 },
      enablers: tree.enablers.filter((e) => e.initiativeId === i.id).map(({ initiativeId: _, ...e }) => e),
      requests,
      requestsValue: requests.reduce((s, r) => s + (r.valueAmount ?? 0), 0),
    };
  };
  const sum = (nodes: ReturnType<typeof node>[]) => ({
    planned: nodes.reduce((s, n) => s + n.money.planned, 0),
    realised: nodes.reduce((s, n) => s + n.money.realised, 0),
  });
  const served = new Set(tree.links.map((l) => l.initiativeId));
  const goals: TPlanTree['goals'] = tree.goals.map((g) => {
    const ids = new Set(tree.links.filter((l) => l.goalId === g.id).map((l) => l.initiativeId));
    const nodes = initiatives.filter((i) => ids.has(i.id)).map(node);
    return { id: g.id, title: g.title, money: sum(nodes), initiatives: nodes };
  });
  const loose = initiatives.filter((i) => !served.has(i.id)).map(node);
  if (loose.length) goals.push({ id: null, title: 'Initiatives serving no goal', money: sum(loose), initiatives: loose });
  return { year: summary.year, goals };
}
