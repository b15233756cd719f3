import { countRequestsByStatus, loadRequestFlow, type Executor } from '@tandem/db';
import type { TRequestFlow } from '@tandem/contracts';
import { DEFAULT_FLOW, type FlowDefinition } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';

/** The organisation's flow, or the default flow (six categories, any move) while it has set none. */
export async function flowOf(x: Executor, orgId: string): Promise<FlowDefinition & { isDefault: boolean }> {
  const stored = await loadRequestFlow(x, orgId);
  if (stored.statuses.length === 0) return { ...DEFAULT_FLOW, isDefault: true };
  return { statuses: stored.statuses, transitions: stored.transitions, isDefault: false };
}

/** The flow with how many requests hold each status (a status in use cannot be removed). */
export async function getRequestFlow(ctx: AppContext, auth: OrgAuth): Promise<TRequestFlow> {
  const [flow, counts] = await Promise.all([flowOf(ctx.db, auth.orgId), countRequestsByStatus(ctx.db, auth.orgId)]);
  const n = new Map<string, number>();
  for (const c of counts) n.set(c.status, (n.get(c.status) ?? 0) + c.n);
  return {
    statuses: flow.statuses.map((s) => ({ key: s.key, label: s.label, category: s.category, requestCount: n.get(s.key) ?? 0 })),
    transitions: flow.transitions.map((t) => ({ from: t.from, to: t.to })),
    isDefault: flow.isDefault,
  };
}
